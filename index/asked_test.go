package index

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/directorbot/directorbot/content"
)

const askedGuide = `# Guide

## Budgets

Directors plan headcount every quarter.

## Hiring

Directors run the hiring pipeline.
`

// askedExamples teach that "kitty" is how people ask about Budgets, a
// word the guide never uses. "gazebo" is in two questions' stories, not
// the sentences that ask; "mosaic" in one question only; "diretor", a
// misspelling, in two.
const askedExamples = `{"question": "who minds the kitty?", "expect": ["Budgets"]}
{"question": "We met in a gazebo. Which diretor minds the kitty?", "expect": ["Budgets"]}
{"question": "The gazebo was cold. Does the diretor mind the kitty or a mosaic?", "expect": ["Budgets"]}
`

// TestExamplesTeachTheirWords, the examples trusted as many are
// (trustAll): a section answers the words its examples share.
func TestExamplesTeachTheirWords(t *testing.T) {
	t.Parallel()
	files := fstest.MapFS{"guide.md": {Data: []byte(askedGuide)}, content.ExamplesFile: {Data: []byte(askedExamples)}}
	dir := t.TempDir()
	for _, open := range []struct {
		name string
		open func() (*Index, error)
	}{
		{"in memory", func() (*Index, error) {
			g, err := content.Load(files)
			if err != nil {
				return nil, err
			}
			return Build(t.Context(), g)
		}},
		{"built on disk", func() (*Index, error) { return Open(t.Context(), files, dir) }},
		{"reopened from disk", func() (*Index, error) { return Open(t.Context(), files, dir) }},
	} {
		ix, err := open.open()
		if err != nil {
			t.Fatal(err)
		}
		trustAll(ix)
		for _, tc := range []struct{ question, want string }{
			{"who minds the kitty every quarter?", "budgets"},
			// A section must say one of the question's words itself, or
			// its examples must teach it and be fairly sure (sureShare):
			// one example's word is its own.
			{"kitty", "budgets"},
			{"mosaic", ""},
		} {
			hits, err := ix.Search(context.Background(), tc.question, 1)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(hits) > 0 {
				got = hits[0].Section.ID
			}
			if got != tc.want {
				t.Errorf("%s: Search(%q) = %q, want %q", open.name, tc.question, got, tc.want)
			}
		}
		for word, want := range map[string]bool{"kitti": true, "gazebo": false, "mosaic": false, "diretor": true} {
			if got := ix.vocab[word][askedField] > 0; got != want {
				t.Errorf("%s: the asked field holds %q: %v, want %v", open.name, word, got, want)
			}
		}
		if w := ix.words("diretor"); len(w) == 0 || len(w[0].groups) <= numFields {
			t.Errorf("%s: a misspelling the examples share is not corrected: %+v", open.name, w)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
