package content

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const examplePage = `# Guide

## Scope

Org size: 30 engineers.

| Dimension | Director | VP |
| --- | --- | --- |
| Reports to | VP | CEO |
| Budget | Team | Org |
`

func TestExamplesFiledBySectionAndRow(t *testing.T) {
	t.Parallel()
	examples := `{"question": "how big is the org", "expect": ["scope"]}
{"question": "how big is a team", "expect": ["Guide", "Scope"]}

{"question": "who is the boss of a vp", "expect": ["Scope"], "answer": "CEO"}
{"question": "how do I bake bread", "expect": []}
`
	g, err := Load(fstest.MapFS{"guide.md": {Data: []byte(examplePage)}, ExamplesFile: {Data: []byte(examples)}})
	if err != nil {
		t.Fatal(err)
	}
	scope, _ := g.Section("scope")
	if got := g.Asked(scope); !slices.Equal(got, []string{"how big is the org", "how big is a team"}) {
		t.Errorf("Asked(scope) = %q, want the questions without an answer in a row", got)
	}
	if got := ranksOf(g, scope); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("ranks of scope = %v, want 0 for the question naming it first, 1 for the one naming it second", got)
	}
	var order []string
	g.EachAsked(func(s *Section, table, row int, _ []string, _ []int) {
		order = append(order, fmt.Sprintf("%s %d %d", s.ID, table, row))
	})
	if want := []string{"guide -1 0", "scope -1 0", "scope 0 0"}; !slices.Equal(order, want) {
		t.Errorf("EachAsked went %q, want %q: the guide's order, a section before its rows", order, want)
	}
	if got := g.AskedRow(scope, 0, 0); !slices.Equal(got, []string{"who is the boss of a vp"}) {
		t.Errorf("AskedRow(scope, 0, 0) = %q, want the question whose answer is in the row", got)
	}
	if got := g.AskedAll(scope); len(got) != 3 {
		t.Errorf("AskedAll(scope) = %q, want all three questions", got)
	}
	if got, want := g.Examples(), []string{"how big is a team", "how big is the org", "who is the boss of a vp"}; !slices.Equal(got, want) {
		t.Errorf("Examples() = %q, want %q: the questions that name a section, sorted", got, want)
	}
	if got, want := g.Unanswered(), []string{"how do I bake bread"}; !slices.Equal(got, want) {
		t.Errorf("Unanswered() = %q, want %q: the questions that name no section", got, want)
	}
	back := roundTrip(t, g)
	scope, _ = back.Section("scope")
	if got := back.AskedRow(scope, 0, 0); len(got) != 1 {
		t.Errorf("a decoded guide lost its examples: AskedRow = %q", got)
	}
	if got := ranksOf(back, scope); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("a decoded guide lost its examples' ranks: %v", got)
	}
	if got := back.Unanswered(); len(got) != 1 {
		t.Errorf("a decoded guide lost its unanswered examples: %q", got)
	}
}

func TestExamplesErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ examples, want string }{
		{"{\"question\": \"a\", \"expect\": [\"Scope\"]}\n{\"question\": \"b\", \"expect\": [\"Budgets\"]}\n", `examples.jsonl:2: no section is titled "Budgets"`},
		{"\n{\"question\": \"a\", \"expect\": \"Scope\"}\n", "examples.jsonl:2: not a question"},
		{"not json\n", "examples.jsonl:1: not a question"},
	}
	for _, tt := range tests {
		_, err := Load(fstest.MapFS{"guide.md": {Data: []byte(examplePage)}, ExamplesFile: {Data: []byte(tt.examples)}})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load with examples %q: error %v, want %q", tt.examples, err, tt.want)
		}
	}
	// A comment is no question, nor a mistake.
	if _, err := Load(fstest.MapFS{"guide.md": {Data: []byte(examplePage)}, ExamplesFile: {Data: []byte("# asked in March\n{\"question\": \"a\", \"expect\": [\"Scope\"]}\n")}}); err != nil {
		t.Errorf("Load with a comment in its examples: %v", err)
	}
}

// TestQuestionLineMistakes tells what is wrong with a line of examples or
// of a question set in words that say how to mend it, with the file and
// line: expect as a string, a field misspelt (and the one meant) or
// unknown (and those there are), a field of the wrong type.
func TestQuestionLineMistakes(t *testing.T) {
	t.Parallel()
	tests := []struct{ line, want string }{
		{`{"question": "a", "expect": "Key Skill Sets"}`, `"expect" must be a list of section titles: ["Key Skill Sets"], not "Key Skill Sets"`},
		{`{"question": "a", "expect": 3}`, `"expect" must be a list of section titles, such as ["Key Skill Sets"], or [] for a question the guide does not answer`},
		{`{"question": "a", "expect": [1]}`, `"expect" must be a list of section titles, such as ["Key Skill Sets"]`},
		{`{"question": "a", "expects": ["Scope"]}`, `unknown field "expects": did you mean "expect"?`},
		{`{"question": "a", "Expected": ["Scope"]}`, `unknown field "Expected": did you mean "expect"?`},
		{`{"questions": "a", "expect": []}`, `unknown field "questions": did you mean "question"?`},
		{`{"question": "a", "expect": [], "styles": "terse"}`, `unknown field "styles": did you mean "style"?`},
		{`{"question": "a", "expect": [], "answers": "x"}`, `unknown field "answers": did you mean "answer"?`},
		{`{"question": "a", "expect": [], "tags": ["x"]}`, `unknown field "tags": the fields are "question", "expect", "style", "answer", "follows" and "parts"`},
		{`{"question": "a", "expect": ["Scope"], "parts": [["Scope"], []]}`, `both "expect" and "parts"`},
		{`{"question": "a", "parts": [["Scope"]]}`, `"parts" lists the titles for each of two or more questions`},
		{`{"question": 3, "expect": []}`, `"question" must be a string, in quotes`},
		{`{"question": "a", "expect": []}, {"question": "b", "expect": ["Nope"]}`, `more after the question's object (", {\"question\": \"b\", "…): one question a line`},
		{`{"question": "a", "expect": ["Scope"]`, `not one JSON object (unexpected EOF): each line is {"question": "…", "expect": ["Section Title"]}`},
		{`{"question": "a" "expect": ["Scope"]}`, `not one JSON object (invalid character '"' after object key:value pair)`},
		{`question: a`, `not one JSON object (invalid character 'q' looking for beginning of value)`},
	}
	for _, tt := range tests {
		lines := "{\"question\": \"fine\", \"expect\": [\"Scope\"]}\n" + tt.line + "\n"
		_, err := Load(fstest.MapFS{"guide.md": {Data: []byte(examplePage)}, ExamplesFile: {Data: []byte(lines)}})
		if want := ExamplesFile + ":2: not a question: " + tt.want; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("examples %s: error %v, want %q", tt.line, err, want)
		}
		_, err = ReadQuestions("questions.jsonl", strings.NewReader(lines))
		if want := "questions.jsonl:2: not a question: " + tt.want; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("question set %s: error %v, want %q", tt.line, err, want)
		}
	}
}

func TestFingerprintHoldsExamples(t *testing.T) {
	t.Parallel()
	page := fstest.MapFS{"guide.md": {Data: []byte(examplePage)}}
	with := fstest.MapFS{"guide.md": {Data: []byte(examplePage)}, ExamplesFile: {Data: []byte(`{"question": "a", "expect": ["Scope"]}`)}}
	a, err := Fingerprint(page)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Fingerprint(with)
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Error("adding examples.jsonl left the guide's fingerprint unchanged")
	}
}

// ranksOf returns the ranks of the examples that name s itself.
func ranksOf(g *Guide, s *Section) []int {
	var out []int
	g.EachAsked(func(t *Section, table, _ int, _ []string, ranks []int) {
		if t == s && table < 0 {
			out = ranks
		}
	})
	return out
}

// TestGuideReadQuestionsNamesUnknownTitles reads a question set for a
// guide: a title the guide has, numbered or not, passes; one it lacks is
// an error naming its line.
func TestGuideReadQuestionsNamesUnknownTitles(t *testing.T) {
	t.Parallel()
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	good := `{"question": "what is the timeline?", "expect": ["Timeline"]}
{"question": "think like an exec", "expect": ["Think Like an Executive"]}
{"question": "lunch?", "expect": []}
`
	if qs, err := g.ReadQuestions("set.jsonl", strings.NewReader(good)); err != nil || len(qs) != 3 {
		t.Errorf("ReadQuestions = %d questions, %v; want 3", len(qs), err)
	}
	for _, bad := range []string{`{"question": "budget?", "expect": ["Budgets"]}`, `{"question": "budget? and when?", "parts": [["Timeline"], ["Budgets"]]}`} {
		_, err = g.ReadQuestions("set.jsonl", strings.NewReader(good+bad+"\n"))
		var ce *Error
		if !errors.As(err, &ce) || ce.File != "set.jsonl" || ce.Line != 4 || !strings.Contains(ce.Msg, `no section is titled "Budgets"`) {
			t.Errorf("ReadQuestions(%s) = %v, want set.jsonl line 4 naming Budgets", bad, err)
		}
	}
}

// TestPartsExpectEveryTitle: a message of several questions expects the
// titles of every part, for its first answer.
func TestPartsExpectEveryTitle(t *testing.T) {
	t.Parallel()
	qs, err := ReadQuestions("set.jsonl", strings.NewReader(`{"question": "a? and b?", "parts": [["Timeline", "Transition to VP"], [], ["Timeline", "Key Skill Sets"]]}`))
	if err != nil || len(qs) != 1 {
		t.Fatalf("ReadQuestions = %v, %v", qs, err)
	}
	if want := []string{"Timeline", "Transition to VP", "Key Skill Sets"}; !slices.Equal(qs[0].Expect, want) {
		t.Errorf("Expect = %q, want %q", qs[0].Expect, want)
	}
}

// TestTitlesNamedAsWritten names, in examples and a question set, a
// heading as its markdown writes it, with a character reference: it is
// the heading read, whose title resolves it.
func TestTitlesNamedAsWritten(t *testing.T) {
	t.Parallel()
	page := "# Guide\n\n## Budget &amp; Planning\n\nDirectors own the budget.\n"
	examples := `{"question": "who owns the budget?", "expect": ["Budget &amp; Planning"]}` + "\n"
	g, err := Load(fstest.MapFS{"guide.md": {Data: []byte(page)}, ExamplesFile: {Data: []byte(examples)}})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := g.Section("budget-planning")
	if !ok {
		t.Fatal("no section budget-planning")
	}
	if got := g.Asked(s); !slices.Equal(got, []string{"who owns the budget?"}) {
		t.Errorf("Asked = %q, want the example", got)
	}
	for _, title := range []string{"Budget &amp; Planning", "budget & planning"} {
		if _, err := g.ReadQuestions("set.jsonl", strings.NewReader(`{"question": "q", "expect": ["`+title+`"]}`)); err != nil {
			t.Errorf("a set naming %q: %v", title, err)
		}
	}
}

// TestExamplesNameSectionsByID names, of two sections titled FAQ, one by
// its ID: its examples are its alone, and a question set may name it so;
// a line naming the title teaches both, and SharedTitles says so.
func TestExamplesNameSectionsByID(t *testing.T) {
	t.Parallel()
	g, err := Load(fstest.MapFS{
		"oncall.md":  {Data: []byte("# On-call\n\n## FAQ\n\nPages wake you up.\n")},
		"hiring.md":  {Data: []byte("# Hiring\n\n## FAQ\n\nOffers go out on Fridays.\n")},
		ExamplesFile: {Data: []byte(`{"question": "do pages wake me up", "expect": ["oncall/faq"]}` + "\n" + `{"question": "faq", "expect": ["FAQ"]}` + "\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	oncall, _ := g.Section("oncall/faq")
	hiring, _ := g.Section("hiring/faq")
	if got := g.Asked(oncall); !slices.Equal(got, []string{"do pages wake me up", "faq"}) {
		t.Errorf("on-call's FAQ asked %q", got)
	}
	if got := g.Asked(hiring); !slices.Equal(got, []string{"faq"}) {
		t.Errorf("hiring's FAQ asked %q", got)
	}
	named := g.SectionsNamed()
	if got := named("oncall/faq"); !slices.Equal(got, []*Section{oncall}) {
		t.Errorf("oncall/faq names %v", got)
	}
	if got := named("faq"); !slices.Equal(got, []*Section{oncall, hiring}) && !slices.Equal(got, []*Section{hiring, oncall}) {
		t.Errorf("faq names %v", got)
	}
	if _, err := g.ReadQuestions("set.jsonl", strings.NewReader(`{"question": "when do offers go out", "expect": ["hiring/faq"]}`)); err != nil {
		t.Errorf("a question set naming a section by ID: %v", err)
	}
	// The line naming the shared title is told, with the IDs to name one
	// by; the line naming an ID is not.
	if shared := g.SharedTitles(); len(shared) != 1 || !strings.HasPrefix(shared[0], ExamplesFile+":2: \"FAQ\" is the title of 2 sections") || !strings.Contains(shared[0], "oncall/faq") {
		t.Errorf("SharedTitles = %q; want line 2's alone", shared)
	}
}

// TestExamplesReportEveryMistake names a renamed heading on three lines
// and a broken line: all four are reported at once, each with its line.
func TestExamplesReportEveryMistake(t *testing.T) {
	t.Parallel()
	examples := `{"question": "a", "expect": ["Approval Limits"]}
{"question": "b", "expect": ["Budgets"]}
{"question": "c", "expect": ["Approval Limits"]}
{not json
{"question": "d", "expect": ["Approval Limits"]}
`
	_, err := Load(fstest.MapFS{"b.md": {Data: []byte("# Budgets\n\n## Spending Limits\n\nAsk first.\n")}, ExamplesFile: {Data: []byte(examples)}})
	var lines []int
	for _, m := range Mistakes(fmt.Errorf("load guide: %w", err)) {
		lines = append(lines, m.Line)
	}
	if !slices.Equal(lines, []int{1, 3, 4, 5}) {
		t.Errorf("mistakes on lines %v, want 1, 3, 4 and 5: %v", lines, err)
	}
}

// TestExamplesCountMistakesPastTheList: of more mistaken lines than are
// listed, the list ends with one error that counts the rest, so that an
// owner knows how many to mend.
func TestExamplesCountMistakesPastTheList(t *testing.T) {
	t.Parallel()
	var examples strings.Builder
	for range maxMistakes + 5 {
		examples.WriteString(`{"question": "a", "expect": ["Approval Limits"]}` + "\n")
	}
	_, err := Load(fstest.MapFS{"b.md": {Data: []byte("# Budgets\n\n## Spending Limits\n\nAsk first.\n")}, ExamplesFile: {Data: []byte(examples.String())}})
	mistakes := Mistakes(err)
	last := mistakes[len(mistakes)-1]
	if len(mistakes) != maxMistakes+1 || last.More != 5 || MistakenLines(mistakes) != maxMistakes+5 || !strings.Contains(err.Error(), "5 more mistaken lines, not listed") {
		t.Errorf("%d mistakes, the last %+v, %d lines; want %d listed and 5 more counted: %v", len(mistakes), last, MistakenLines(mistakes), maxMistakes, err)
	}
}

// TestCompressedExamples: a guide's examples may come gzipped, as the
// embedded guide's must to fit a Kubernetes ConfigMap (1 MiB in all), and
// read as the file itself does; a folder with both, or a file gzip cannot
// read or that unpacks beyond maxExamples, is a mistake naming the file.
func TestCompressedExamples(t *testing.T) {
	t.Parallel()
	examples := []byte(`{"question": "how big is a director's org?", "expect": ["Scope"]}` + "\n")
	zip := func(src []byte) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		if _, err := w.Write(src); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	page := &fstest.MapFile{Data: []byte(examplePage)}
	plain := fstest.MapFS{"guide.md": page, ExamplesFile: {Data: examples}}
	want, err := Fingerprint(plain)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		files   fstest.MapFS
		mistake string
	}{
		{"compressed", fstest.MapFS{"guide.md": page, CompressedExamplesFile: {Data: zip(examples)}}, ""},
		{"both", fstest.MapFS{"guide.md": page, ExamplesFile: {Data: examples}, CompressedExamplesFile: {Data: zip(examples)}}, "both examples.jsonl and examples.jsonl.gz"},
		{"not gzip", fstest.MapFS{"guide.md": page, CompressedExamplesFile: {Data: examples}}, "read examples.jsonl.gz"},
		{"too large", fstest.MapFS{"guide.md": page, CompressedExamplesFile: {Data: zip(make([]byte, maxExamples+1))}}, "unpacks to more than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g, err := Load(tc.files)
			if tc.mistake != "" {
				if err == nil || !strings.Contains(err.Error(), tc.mistake) {
					t.Fatalf("err = %v, want one saying %q", err, tc.mistake)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !g.HasExamples() || g.Fingerprint != want {
				t.Errorf("examples read: %v; fingerprint %s, want the plain file's %s", g.HasExamples(), g.Fingerprint, want)
			}
		})
	}
	t.Run("embedded guide in a ConfigMap", func(t *testing.T) {
		t.Parallel()
		size := 0
		files := EmbeddedFiles()
		names, err := fs.Glob(files, "*")
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			src, err := fs.ReadFile(files, name)
			if err != nil {
				t.Fatal(err)
			}
			if name == ExamplesFile {
				src = zip(src)
			}
			size += base64.StdEncoding.EncodedLen(len(src)) // binaryData's encoding, the larger
		}
		if size > 1<<20 {
			t.Errorf("the embedded guide's files, examples gzipped, take %d bytes in a ConfigMap: more than its 1 MiB", size)
		}
	})
}

// TestTitlesNamedWithoutEmoji: a question file may name a heading without
// its emoji, and with its emoji.
func TestTitlesNamedWithoutEmoji(t *testing.T) {
	t.Parallel()
	g, err := Load(fstest.MapFS{"staff.md": {Data: []byte("# Staff\n\n## 🧰 Key Skills\n\nDesign.\n\n## ✅ Done ✨\n\nShipped.\n")}})
	if err != nil {
		t.Fatal(err)
	}
	named := g.SectionsNamed()
	for _, name := range []string{"Key Skills", "🧰 Key Skills", "key skills", "Done", "✅ Done ✨"} {
		if got := named(name); len(got) != 1 {
			t.Errorf("%q names %d sections, want 1", name, len(got))
		}
	}
}
