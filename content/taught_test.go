package content

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTaughtJoinsTheExamples loads a guide with lessons taught in Slack:
// they join the examples, a lesson whose section is gone is skipped (not
// an error, and not a lesson that the guide answers nothing), and they
// change the fingerprint but for a guide without any.
func TestTaughtJoinsTheExamples(t *testing.T) {
	t.Parallel()
	folder := fstest.MapFS{
		"guide.md":   {Data: []byte(examplePage)},
		ExamplesFile: {Data: []byte(`{"question": "how big is the org", "expect": ["Scope"]}`)},
		TaughtFile:   {Data: []byte(`{"question": "ignored: the folder's own", "expect": []}`)},
	}
	taught := `{"question": "whats the headcount", "expect": ["scope"]}
{"question": "who runs budgets", "expect": ["Budgets"]}
{"question": "who runs payroll", "expect": []}
`
	g, err := Load(WithTaught(folder, []byte(taught)))
	if err != nil {
		t.Fatalf("a lesson naming a section the guide lacks stopped the guide loading: %v", err)
	}
	scope, _ := g.Section("scope")
	if got, want := g.Asked(scope), []string{"how big is the org", "whats the headcount"}; !slices.Equal(got, want) {
		t.Errorf("Asked(scope) = %q, want %q: the examples, then the lessons", got, want)
	}
	if got, want := g.Unanswered(), []string{"who runs payroll"}; !slices.Equal(got, want) {
		t.Errorf("Unanswered() = %q, want %q: a lesson whose section is gone teaches nothing, and the folder's own taught.jsonl is replaced", got, want)
	}

	fingerprint := func(fsys fs.FS) string {
		t.Helper()
		fp, err := Fingerprint(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	plain := fstest.MapFS{"guide.md": {Data: []byte(examplePage)}}
	if fingerprint(plain) != fingerprint(WithTaught(plain, nil)) {
		t.Error("no lessons changed the fingerprint of a guide: every kept index would be rebuilt")
	}
	if fingerprint(plain) == fingerprint(WithTaught(plain, []byte(taught))) {
		t.Error("lessons left the fingerprint unchanged: a kept index would not learn them")
	}
	if _, err := Load(WithTaught(fstest.MapFS{"guide.md": {Data: []byte(examplePage)}}, []byte("not json\n"))); err == nil {
		t.Error("a lesson that is not a question loaded")
	}
}

// TestTaughtNamesSectionsByID: a lesson names its section by ID, which a
// section titled like it must not take, and Taught holds every lesson,
// "none" ones too, its sections by ID though a hand-written line names
// them by title.
func TestTaughtNamesSectionsByID(t *testing.T) {
	t.Parallel()
	folder := fstest.MapFS{
		"a.md":      {Data: []byte("# A\n\n## Hiring\n\nInterviews.\n")},
		"hiring.md": {Data: []byte("# Recruiting\n\nSourcing.\n")},
	}
	taught := `{"question": "who sources candidates", "expect": ["hiring"]}
{"question": "who interviews", "expect": ["Hiring"]}
{"question": "whats for lunch", "expect": []}
`
	g, err := Load(WithTaught(folder, []byte(taught)))
	if err != nil {
		t.Fatal(err)
	}
	recruiting, _ := g.Section("hiring")
	if got := g.Asked(recruiting); !slices.Equal(got, []string{"who sources candidates"}) {
		t.Errorf("Asked(hiring) = %q: the lesson naming the ID went to the section titled like it", got)
	}
	var got []string
	for _, q := range g.Taught() {
		got = append(got, q.Text+" → "+strings.Join(q.Expect, ","))
	}
	want := []string{"who sources candidates → hiring", "who interviews → a/hiring", "whats for lunch → "}
	if !slices.Equal(got, want) {
		t.Errorf("Taught() = %q, want %q", got, want)
	}
}
