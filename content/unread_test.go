package content

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestUnread tells an owner of the files a guide's folder holds that are
// not read as they may have been meant, and of none that are read.
func TestUnread(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"guide.md":         {Data: []byte("# Guide\n")},
		"README.md":        {Data: []byte("# About this folder\n")},
		"example.jsonl":    {Data: []byte("{}\n")},
		"Synonyms.txt":     {Data: []byte("a, b\n")},
		"outside.txt":      {Data: []byte("lunch\n")},
		"question.jsonl":   {Data: []byte("{}\n")},
		"faq.markdown":     {Data: []byte("# FAQ\n")},
		"Team.MD":          {Data: []byte("# Team\n")},
		"roles.txt":        {Data: []byte("cfo\n")},
		"role.txt":         {Data: []byte("an old copy\n")},
		"set.jsonl":        {Data: []byte("{}\n")},
		"sets.jsonl":       {Data: []byte("{}\n")},
		"notes.txt":        {Data: []byte("drafts\n")},
		".examples.jsonl":  {Data: []byte("{}\n")},
		"drafts/roles.txt": {Data: []byte("x\n")},
	}
	// A question set eval scores is read, and a file beside the one it is
	// a slip from is no mistake.
	got, err := Unread(fsys, "questions.jsonl", "sets.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"README.md is read as a page of the guide like the others: its headings answer questions (move it out of the folder if it is for the guide's writers)",
		"Synonyms.txt is not read: did you mean synonyms.txt?",
		"Team.MD is not read: pages are the folder's *.md files (rename it Team.md)",
		"example.jsonl is not read: did you mean examples.jsonl?",
		"faq.markdown is not read: pages are the folder's *.md files (rename it faq.md)",
		"question.jsonl is not read: did you mean questions.jsonl?",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Unread = %q\nwant %q", got, want)
	}
}
