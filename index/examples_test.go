package index

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/directorbot/directorbot/content"
)

const votingGuide = `# Guide

## Budgets

Directors plan headcount and the budget.

## Hiring

Directors plan headcount with recruiters for every new hire they need.
`

// votingExamples ask about headcount as hiring, and about weddings and
// what recruiters need, which the guide does not cover.
const votingExamples = `{"question": "how do I plan headcount for the new team?", "expect": ["Hiring"]}
{"question": "who plans headcount when the team grows?", "expect": ["Hiring"]}
{"question": "how do directors plan the budget?", "expect": ["Budgets"]}
{"question": "how do I plan a wedding budget?", "expect": []}
{"question": "what budget should I plan for my wedding?", "expect": []}
{"question": "wedding budget planning tips", "expect": []}
{"question": "what do our recruiters need?", "expect": []}
{"question": "which recruiters do we need?", "expect": []}
`

// TestExamplesVerdict asks what the examples say, trusted as many are
// (trustAll): a question worded as
// the Hiring examples are is theirs, and one worded as the questions the
// guide does not answer goes unanswered, in a guide built in
// memory and one reopened from disk; without the examples, both are
// answered by Budgets, first in the guide. A question worded as the
// unanswered examples whose every word the guide says is answered, unless
// the examples are nearly sure it is not the guide's: what recruiters
// need.
func TestExamplesVerdict(t *testing.T) {
	t.Parallel()
	with := fstest.MapFS{"guide.md": {Data: []byte(votingGuide)}, content.ExamplesFile: {Data: []byte(votingExamples)}}
	without := fstest.MapFS{"guide.md": {Data: []byte(votingGuide)}}
	dir := t.TempDir()
	tests := []struct {
		name               string
		files              fstest.MapFS
		open               func(fstest.MapFS) (*Index, error)
		headcount, wedding string
		recruiters         string
	}{
		{"in memory", with, buildFiles, "hiring", "", ""},
		{"built on disk", with, func(f fstest.MapFS) (*Index, error) { return Open(t.Context(), f, dir) }, "hiring", "", ""},
		{"reopened from disk", with, func(f fstest.MapFS) (*Index, error) { return Open(t.Context(), f, dir) }, "hiring", "", ""},
		{"without examples", without, buildFiles, "budgets", "budgets", "hiring"},
	}
	for _, tt := range tests {
		ix, err := tt.open(tt.files)
		if err != nil {
			t.Fatal(err)
		}
		trustAll(ix)
		for question, want := range map[string]string{"how do I plan headcount?": tt.headcount, "how should I plan my wedding budget?": tt.wedding, "what budget should I plan?": "budgets", "what do recruiters need?": tt.recruiters} {
			hits, err := ix.Search(context.Background(), question, 2)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(hits) > 0 {
				got = hits[0].Section.ID
			}
			if got != want {
				t.Errorf("%s: Search(%q) = %q first, want %q", tt.name, question, got, want)
			}
		}
		if tt.files["examples.jsonl"] != nil {
			v := ix.examplesVerdict(ix.rewrite("how do I plan headcount?"), ix.words(ix.rewrite("how do I plan headcount?")))
			hiring, _ := ix.guide.Section("hiring")
			budgets, _ := ix.guide.Section("budgets")
			if v.section(hiring) <= v.section(budgets) || v.unanswered >= unansweredShare {
				t.Errorf("%s: the examples' verdict on headcount is %+v; want Hiring's", tt.name, v)
			}
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// trustAll trusts a guide's few examples as the embedded guide's
// thousands are trusted, for tests of what the examples' votes do.
func trustAll(ix *Index) {
	if ix.examples != nil {
		ix.examples.trust = 1
	}
}

// TestFewExamplesCountForLittle: eight examples barely sway a question
// they do not hold word for word, which is answered as without them
// (TestExamplesVerdict: "how do I plan headcount?"), while one asked as
// written is answered as they say, and a rewording of one they do not
// answer is not answered either (nearShare).
func TestFewExamplesCountForLittle(t *testing.T) {
	t.Parallel()
	ix, err := buildFiles(fstest.MapFS{"guide.md": {Data: []byte(votingGuide)}, content.ExamplesFile: {Data: []byte(votingExamples)}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for question, want := range map[string]string{
		"what budget should I plan?":                "budgets",
		"how do I plan headcount?":                  "budgets",
		"how do I plan headcount for the new team?": "hiring",
		"how do I plan a wedding budget?":           "",
		"how should I plan my wedding budget?":      "",
		"what do recruiters need?":                  "",
	} {
		hits, err := ix.Search(t.Context(), question, 2)
		if err != nil {
			t.Fatal(err)
		}
		if got := firstID(hits); got != want {
			t.Errorf("Search(%q) = %q first, want %q", question, got, want)
		}
	}
}

// TestTrusted: the examples' say grows with their number, to all of it
// for as many as the embedded guide has.
func TestTrusted(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		n        int
		min, max float64
	}{{0, 0, 0}, {8, 0.005, 0.01}, {100, 0.09, 0.1}, {1000, 0.63, 0.64}, {3000, 0.95, 0.96}, {11664, 0.9999, 1}} {
		if got := trusted(tt.n); got < tt.min || got > tt.max {
			t.Errorf("trusted(%d) = %.5f, want %.4f to %.4f", tt.n, got, tt.min, tt.max)
		}
	}
}

// sectionChances returns the chance of each section the examples name,
// by its ID.
func sectionChances(v verdict) map[string]float64 {
	chances := map[string]float64{}
	for _, ref := range v.labels {
		chances[ref.section.ID] = v.section(ref.section)
	}
	return chances
}

// TestExamplesVoteByRank asks a question worded as one example that names
// two sections: the one it names first is the likelier, the other still
// likely, the same in a guide built in memory and one reopened from disk.
func TestExamplesVoteByRank(t *testing.T) {
	t.Parallel()
	examples := `{"question": "how do I plan headcount for the new team?", "expect": ["Hiring", "Budgets"]}` + "\n"
	files := fstest.MapFS{"guide.md": {Data: []byte(votingGuide)}, content.ExamplesFile: {Data: []byte(examples)}}
	dir := t.TempDir()
	var first map[string]float64
	for _, open := range []func() (*Index, error){
		func() (*Index, error) { return buildFiles(files) },
		func() (*Index, error) { return Open(t.Context(), files, dir) },
		func() (*Index, error) { return Open(t.Context(), files, dir) },
	} {
		ix, err := open()
		if err != nil {
			t.Fatal(err)
		}
		v := ix.examplesVerdict(ix.rewrite("how do I plan headcount?"), ix.words(ix.rewrite("how do I plan headcount?")))
		chances := sectionChances(v)
		if chances["hiring"] <= chances["budgets"] || chances["budgets"] <= 0 {
			t.Errorf("chances %v, want Hiring's above Budgets', above 0", chances)
		}
		if first == nil {
			first = chances
		} else if !maps.Equal(chances, first) {
			t.Errorf("reopened, chances %v, built %v", chances, first)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestOnlyUnansweredExamplesTeachNothing gives a guide examples that all
// name no section: alone, they would take every question that shares a
// word with them for one the guide does not answer.
func TestOnlyUnansweredExamplesTeachNothing(t *testing.T) {
	t.Parallel()
	examples := `{"question": "how do I plan a wedding budget?", "expect": []}` + "\n"
	ix, err := buildFiles(fstest.MapFS{"guide.md": {Data: []byte(votingGuide)}, content.ExamplesFile: {Data: []byte(examples)}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if hits, err := ix.Search(context.Background(), "what budget should I plan?", 1); err != nil || len(hits) == 0 || hits[0].Section.ID != "budgets" {
		t.Errorf("Search = %v, %v; want Budgets", ids(hits), err)
	}
}

func buildFiles(files fstest.MapFS) (*Index, error) {
	g, err := content.Load(files)
	if err != nil {
		return nil, err
	}
	return Build(context.Background(), g)
}

const rowGuide = `# Guide

## Scope

Directors lead several teams.

| Dimension | Director | VP |
| --- | --- | --- |
| Budget | Team | Org |
| Reports to | VP | CEO |
`

// TestExamplesVoteForRows asks for a fact in words no row holds: the row
// its examples found their answer in answers first. A question
// that asks for no fact gets the section.
func TestExamplesVoteForRows(t *testing.T) {
	t.Parallel()
	examples := `{"question": "who is above a director in the org chart?", "expect": ["Scope"], "answer": "CEO"}
{"question": "who sits above directors?", "expect": ["Scope"], "answer": "CEO"}
`
	for _, tt := range []struct {
		name     string
		files    fstest.MapFS
		question string
		rows     []RowRef
	}{
		{"with examples", fstest.MapFS{"guide.md": {Data: []byte(rowGuide)}, content.ExamplesFile: {Data: []byte(examples)}}, "who is above a director?", []RowRef{{Table: 0, Row: 1}}},
		{"no fact asked", fstest.MapFS{"guide.md": {Data: []byte(rowGuide)}, content.ExamplesFile: {Data: []byte(examples)}}, "what do directors lead above them?", nil},
		{"without examples", fstest.MapFS{"guide.md": {Data: []byte(rowGuide)}}, "who is above a director?", nil},
	} {
		ix, err := buildFiles(tt.files)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.Search(context.Background(), tt.question, 1)
		if err != nil || len(hits) == 0 {
			t.Fatalf("%s: Search(%q) = %v, %v", tt.name, tt.question, hits, err)
		}
		if !slices.Equal(hits[0].Rows, tt.rows) {
			t.Errorf("%s: Search(%q) rows %v, want %v", tt.name, tt.question, hits[0].Rows, tt.rows)
		}
		_ = ix.Close()
	}
}

// TestExamplesVoteBesideTheWords asks a guide whose examples vote for one
// row only: the vote finds that row for a question whose words it holds,
// but does not displace a row the words found for a question it holds
// none of.
func TestExamplesVoteBesideTheWords(t *testing.T) {
	t.Parallel()
	examples := `{"question": "how much do engineering managers code?", "expect": ["Staff Engineer vs Engineering Manager"], "answer": "Time coding"}
{"question": "what share of a staff engineer's week is coding?", "expect": ["Staff Engineer vs Engineering Manager"], "answer": "Time coding"}
`
	ix, err := buildFiles(fstest.MapFS{"guide.md": {Data: []byte(levelsGuide)}, content.ExamplesFile: {Data: []byte(examples)}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	for _, tt := range []struct {
		question string
		row      int
	}{
		{"how much coding does a staff engineer do?", 2},
		{"how many reports does an engineering manager have?", 1},
	} {
		hits, err := ix.Search(t.Context(), tt.question, 1)
		if err != nil || len(hits) == 0 || len(hits[0].Rows) == 0 {
			t.Fatalf("Search(%q) = %v, %v; want a row", tt.question, hits, err)
		}
		if got := hits[0].Rows[0]; got != (RowRef{Row: tt.row}) {
			t.Errorf("Search(%q) opens with row %v, want %d", tt.question, got, tt.row)
		}
	}
}

// TestExamplesVoteAlikeOnEveryBuild builds the embedded guide several
// times and asks long questions, whose many words the classifiers add up:
// the chances must come out the same, to the bit, though a map holds
// what the examples teach. The first question holds words the guide
// never says, so the regression's chance counts in it.
func TestExamplesVoteAlikeOnEveryBuild(t *testing.T) {
	t.Parallel()
	questions := []string{
		"We went through a 15% layoff last month and morale in my org is terrible. I'm a director with about 40 engineers. My VP says how I handle this will matter for my promotion case. What should I focus on as a leader during a period like this?",
		"I've been a director for three years, I run four teams and a platform group, my VP keeps asking me to think about the budget, the hiring plan and the roadmap together, and I'm wondering how VPs actually split their week between strategy, people and execution compared to directors?",
	}
	var first []verdict
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for build := range 4 {
		ix, err := Build(t.Context(), g)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range questions {
			v := ix.examplesVerdict(ix.rewrite(q), ix.words(ix.rewrite(q)))
			if build == 0 {
				first = append(first, v)
				if i == 0 && !v.unsaid {
					t.Fatalf("%q holds no word the guide never says; the test needs one", q)
				}
				continue
			}
			if got, want := sectionChances(v), sectionChances(first[i]); !maps.Equal(got, want) || v.unanswered != first[i].unanswered {
				t.Errorf("build %d votes %v, %v unanswered, for %q; the first build %v, %v", build, got, v.unanswered, q, want, first[i].unanswered)
			}
		}
		_ = ix.Close()
	}
}

// TestUnsureAnswers asks questions the guide answers, its examples
// trusted as many are (trustAll): one worded as the
// examples of a section is answered surely; one worded much as the
// examples the guide does not answer (a wedding's budget) is answered as
// the closest the guide has, Unsure, though not refused; without
// examples, nothing is unsure.
func TestUnsureAnswers(t *testing.T) {
	t.Parallel()
	with := fstest.MapFS{"guide.md": {Data: []byte(votingGuide)}, content.ExamplesFile: {Data: []byte(votingExamples)}}
	without := fstest.MapFS{"guide.md": {Data: []byte(votingGuide)}}
	tests := []struct {
		files    fstest.MapFS
		question string
		unsure   bool
	}{
		{with, "how do I plan headcount?", false},
		{with, "what budget should I plan?", true},
		{without, "what budget should I plan?", false},
	}
	for _, tt := range tests {
		ix, err := buildFiles(tt.files)
		if err != nil {
			t.Fatal(err)
		}
		trustAll(ix)
		r, err := ix.Ask(context.Background(), tt.question, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Unsure != tt.unsure {
			t.Errorf("Ask(%q) with %d files = %d hits, unsure %v; want an answer, unsure %v", tt.question, len(tt.files), len(r.Hits), r.Unsure, tt.unsure)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestOffTopicRefusesWhatBayesAnswers asks questions that hold a word
// no field of the index matches: one off-topic, which naive Bayes alone
// takes for the guide's (its chance of "none" below unansweredShare) and
// the regression's chance, blended in, refuses; one the guide answers,
// which the blend leaves answered.
func TestOffTopicRefusesWhatBayesAnswers(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		question string
		answered bool
	}{
		{"what % of sprint capacity shud go to tech debt", false},
		{"how should a director deal with burnout on the team?", true},
	}
	for _, tt := range tests {
		qa := ix.readQuestion(tt.question)
		if !holdsAbsent(qa.words) {
			t.Fatalf("%q: every word is the guide's; the test needs one that is not", tt.question)
		}
		// Read as if every word were the guide's, the verdict is Bayes's alone.
		bayes := ix.examples.model.Verdict(ix.exampleFeatures(qa.read, qa.words), false)
		if !tt.answered && bayes.Unanswered >= unansweredShare {
			t.Errorf("%q: Bayes alone gives %.2f; the test needs it below %.2f", tt.question, bayes.Unanswered, unansweredShare)
		}
		hits, err := ix.Search(context.Background(), tt.question, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(hits) > 0; got != tt.answered {
			t.Errorf("Search(%q) answered %v, want %v", tt.question, got, tt.answered)
		}
	}
}

// TestDeclinedExampleIsRefused adds to the embedded guide's examples a
// question its owners say it does not answer, one so like the examples
// the guide answers that the classifier still answers it: asked again, in
// any case and punctuation, it is not answered; without the rule, it
// would be.
func TestDeclinedExampleIsRefused(t *testing.T) {
	t.Parallel()
	const asked = "what does a director spend the whole day doing"
	files := fstest.MapFS{}
	for _, name := range []string{"director.md", content.ExamplesFile} {
		data, err := fs.ReadFile(content.EmbeddedFiles(), name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	files[content.ExamplesFile].Data = append(files[content.ExamplesFile].Data, `{"question": "`+asked+`", "expect": []}`+"\n"...)
	ix, err := buildFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	questions := []string{asked, "What does a Director spend the whole day doing??"}
	for _, q := range questions {
		if hits, err := ix.Search(context.Background(), q, 3); err != nil || len(hits) != 0 {
			t.Errorf("Search(%q) = %v, %v; want no answer", q, ids(hits), err)
		}
	}
	// The test needs a question the classifier alone answers.
	ix.examples.declined = nil
	if hits, err := ix.Search(context.Background(), asked, 3); err != nil || len(hits) == 0 {
		t.Errorf("without the rule, Search(%q) = %v, %v; the test needs a question the classifier answers", asked, ids(hits), err)
	}
}

// TestDeclinedKeys: a question the examples name no section for is
// declined, as any wording of its words; one some example also names a
// section for is not.
func TestDeclinedKeys(t *testing.T) {
	t.Parallel()
	examples := `{"question": "Who plans the wedding?", "expect": []}
{"question": "who plans headcount?", "expect": []}
{"question": "who plans headcount?", "expect": ["Hiring"]}
`
	g, err := content.Load(fstest.MapFS{"guide.md": {Data: []byte(votingGuide)}, content.ExamplesFile: {Data: []byte(examples)}})
	if err != nil {
		t.Fatal(err)
	}
	got := declinedKeys(g, taughtKeys(g))
	if !got.has(QuestionKey("who plans the wedding")) || got.has(QuestionKey("who plans headcount?")) || len(got) != 1 {
		t.Errorf("declinedKeys = %v, want the wedding's alone", got)
	}
}

// TestTaughtInSlackIsAnsweredAsTaught: a question an admin taught in
// Slack, asked word for word (in any case or punctuation), is answered by
// the section they chose first, not "may not answer exactly", even when
// the guide says none of its words or ranks another first, and the latest
// lesson of one question wins; another wording is not.
func TestTaughtInSlackIsAnsweredAsTaught(t *testing.T) {
	t.Parallel()
	page := "# Handbook\n\n## Budgets\n\nDirectors own the budget of their organization.\n\n## Hiring\n\nHiring managers interview candidates and own the hiring budget.\n"
	examples := `{"question": "who owns the hiring budget", "expect": ["Budgets"]}
{"question": "how do candidates get interviewed", "expect": ["Hiring"]}
`
	taught := `{"question": "who decides what we spend on cloud bills", "expect": ["Hiring"]}
{"question": "Who decides what we spend on cloud bills?", "expect": ["Budgets"]}
{"question": "who signs off on the hiring budget", "expect": ["Budgets"]}
`
	files := fstest.MapFS{"handbook.md": {Data: []byte(page)}, content.ExamplesFile: {Data: []byte(examples)}}
	ix := taughtIndex(t, files, taught)
	tests := []struct{ question, want string }{
		{"who decides what we spend on CLOUD bills??", "budgets"},
		{"who signs off on the hiring budget", "budgets"},
		{"who decides what we spend on laptops", ""},
	}
	for _, tt := range tests {
		r, err := ix.Ask(context.Background(), tt.question, 3)
		if err != nil {
			t.Fatal(err)
		}
		got := firstID(r.Hits)
		if got != tt.want {
			t.Errorf("Ask(%q) opens with %q (%v), want %q", tt.question, got, ids(r.Hits), tt.want)
		}
		if got != "" && tt.want == "budgets" && r.Unsure {
			t.Errorf("Ask(%q) is unsure of what an admin taught", tt.question)
		}
	}
}

// TestLessonsWinOverExamples teaches the embedded guide in Slack: a
// question for a number keeps the section taught first, though another
// states the number; "not for the guide" refuses a question its
// examples.jsonl answers; a lesson naming a section by its title, as a
// hand-written taught.jsonl may, teaches that section.
func TestLessonsWinOverExamples(t *testing.T) {
	t.Parallel()
	taught := `{"question": "how many EMs does a director have", "expect": ["core-responsibilities/people-management"]}
{"question": "director primary focus", "expect": []}
{"question": "who does a VP report to", "expect": ["Key Skill Sets"]}
{"question": "what is a director", "expect": []}
`
	ix := taughtIndex(t, content.EmbeddedFiles(), taught)
	g := ix.Guide()
	skills := g.SectionsNamed()("Key Skill Sets")[0].ID
	for q, want := range map[string]string{
		"How many EMs does a director have?": "core-responsibilities/people-management",
		"Director primary focus?":            "",
		"who does a VP report to?":           skills,
		// What a role is, its page answers, unless taught otherwise.
		"What is a director?": "",
	} {
		hits, err := ix.Search(context.Background(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := firstID(hits); got != want {
			t.Errorf("Search(%q) opens with %q (%v), want %q", q, got, ids(hits), want)
		}
	}
}

// TestNoneLessonAloneIsRefused: in a guide without examples, a lesson
// that its question is not for the guide still refuses it.
func TestNoneLessonAloneIsRefused(t *testing.T) {
	t.Parallel()
	page := "# Handbook\n\n## Budgets\n\nDirectors own the budget of their organization.\n"
	ix := taughtIndex(t, fstest.MapFS{"handbook.md": {Data: []byte(page)}}, `{"question": "who owns the budget", "expect": []}`)
	for q, want := range map[string]int{"Who owns the budget?": 0, "who owns the organization budget": 1} {
		if hits, err := ix.Search(context.Background(), q, 1); err != nil || len(hits) != want {
			t.Errorf("Search(%q) = %v, %v; want %d hits", q, ids(hits), err, want)
		}
	}
}

// taughtIndex indexes the guide in files with the lessons taught (lines
// of content.TaughtFile), closed when the test ends.
func taughtIndex(t *testing.T, files fs.FS, taught string) *Index {
	t.Helper()
	g, err := content.Load(content.WithTaught(files, []byte(taught)))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// firstID is the ID of the first hit's section, "" for none.
func firstID(hits []Hit) string {
	if len(hits) == 0 {
		return ""
	}
	return hits[0].Section.ID
}

// TestFewExamplesTeachWhatTheyName gives a company's guide five examples,
// of two of its thirteen sections: questions about the others rank as
// they do without examples (two examples about directors on call made
// On-call Expectations the answer to "what does a director own?"), and an
// example asked word for word opens with the section it names, though its
// rarest word is in another ("approves", in Responsibilities).
func TestFewExamplesTeachWhatTheyName(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join("testdata", "fewexamples", "director.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples, err := os.ReadFile(filepath.Join("testdata", "fewexamples", content.ExamplesFile))
	if err != nil {
		t.Fatal(err)
	}
	taught, err := buildFiles(fstest.MapFS{"director.md": {Data: page}, content.ExamplesFile: {Data: examples}})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := buildFiles(fstest.MapFS{"director.md": {Data: page}})
	if err != nil {
		t.Fatal(err)
	}
	first := func(ix *Index, q string) string {
		hits, err := ix.Search(context.Background(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		return firstID(hits)
	}
	for _, q := range []string{"what does a director own?", "does a director run the safety review?",
		"how many direct reports does a director have?", "what is a director responsible for?", "what are common mistakes of new directors?",
		"how long does it take to become a director?", "what does the cto sign off?"} {
		if got, want := first(taught, q), first(plain, q); got != want {
			t.Errorf("%q: %s with the examples, %s without", q, got, want)
		}
	}
	if got := first(taught, "Who approves a promotion to director?"); got != "promotion-process" {
		t.Errorf("an example asked word for word opens with %s, want promotion-process", got)
	}
}

// cyclesGuide has a section that tells when promotions happen, and a
// table whose rows state when too, which a "when" question would open
// with, the section second.
const cyclesGuide = `# Guide

## Promotion Cycles

- Promotions happen twice a year, in the March and September review cycles.
- Cases are due to the People Partner three weeks before calibration.

## Promotion Timeline Summary

| Move | Typical time in level | Approved by | When |
| --- | --- | --- | --- |
| Senior EM → Director | 18–36 months | VP of Engineering | March or September cycle |
| Director → Senior Director | 24–36 months | VP of Engineering and CTO | March or September cycle |
`

// TestOwnExampleStaysFirst: an owner's example, asked word for word, is
// answered by the section it names first, which no later rule moves,
// not even for a row that states the fact asked for.
func TestOwnExampleStaysFirst(t *testing.T) {
	t.Parallel()
	const q = "when is the next promotion window for managers"
	for examples, want := range map[string]string{
		"": "promotion-timeline-summary",
		`{"question": "` + q + `", "expect": ["Promotion Cycles"]}` + "\n": "promotion-cycles",
	} {
		files := fstest.MapFS{"guide.md": {Data: []byte(cyclesGuide)}}
		if examples != "" {
			files[content.ExamplesFile] = &fstest.MapFile{Data: []byte(examples)}
		}
		ix, err := buildFiles(files)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ix.Ask(t.Context(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].Section.ID != want {
			t.Errorf("with examples %q: Ask(%q) = %+v, want %s first", examples, q, r, want)
		}
		_ = ix.Close()
	}
}

// TestRewordingOfALessonLeans: a guide's few examples count for little
// (trusted), but a question near one of them (nearVote) leans towards
// the sections it names, as the admins' Home says: an owner's trial
// taught "what does a typical week look like for a director", and "what
// does a director's typical week look like?" still got Time Allocation by
// Level. A question near no example is left as the guide's words rank it,
// and so is the lesson's question asked of another role.
func TestRewordingOfALessonLeans(t *testing.T) {
	t.Parallel()
	files := fstest.MapFS{content.TaughtFile: {Data: []byte(`{"question": "what does a typical week look like for a director", "expect": ["director/a-director-s-week"]}` + "\n" +
		`{"question": "how many reports does an SEM have", "expect": ["overview/scope-by-level"]}` + "\n")}}
	for _, name := range []string{"overview.md", "director.md", "roles.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "ferrowind", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	ix, err := buildFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"what does a director's typical week look like?":                 "director/a-director-s-week",
		"what share of a director's time goes to strategy and planning?": "overview/time-allocation-by-level",
		"what does a typical week look like for a VP":                    "overview/time-allocation-by-level",
		"what does a typical week look like for an EM?":                  "overview/time-allocation-by-level",
	} {
		r, err := ix.Ask(t.Context(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].Section.ID != want {
			t.Errorf("Ask(%q) = %v, want %s first", q, ids(r.Hits), want)
		}
	}
}
