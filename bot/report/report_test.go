package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/content"
)

func TestTopicWords(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"What equity does a VP get?", []string{"equity", "vp"}},
		{"VP equity", []string{"equity", "vp"}},
		{"equity for VPs, please", []string{"equity", "vps"}},
		{"Director's responsibilities", []string{"director", "responsibilities"}},
		{"kubernetes for directors", []string{"directors", "kubernetes"}},
		{"what is the process status", []string{"process", "status"}},
		{"how do I?", nil},
	} {
		if got := TopicWords(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("TopicWords(%q) = %q; want %q", tc.q, got, tc.want)
		}
	}
}

func TestGroupQuestions(t *testing.T) {
	groups, left := GroupQuestions([]Count{
		{"vp equity", 1, "", ""},
		{"what equity does a vp get", 4, "", ""},
		{"equity for vps", 2, "", ""},
		{"equity of a vp?", 1, "", ""},
		{"director bonus", 2, "", "outside_topic"},
		{"how do i", 1, "", ""},
		{"rate limiter", 2, "director-vs-vp", ""},
		{"a rate limiter", 1, "key-skill-sets", ""},
		{"dealing with burnout", 1, "", ""},
		{"deal with burnout", 2, "", ""},
	}, 10, nil)
	want := []Group{
		{Words: []string{"equity", "vp"}, Asked: 8, Examples: []string{"what equity does a vp get", "equity for vps", "equity of a vp?"}},
		{Words: []string{"burnout"}, Asked: 3, Examples: []string{"deal with burnout", "dealing with burnout"}},
		{Words: []string{"limiter", "rate"}, Asked: 3, Examples: []string{"rate limiter", "a rate limiter"}, Sections: []string{"director-vs-vp", "key-skill-sets"}},
		{Words: []string{"bonus", "director"}, Asked: 2, Examples: []string{"director bonus"}, Reasons: []string{"outside_topic"}},
		{Words: []string{}, Asked: 1, Examples: []string{"how do i"}},
	}
	if len(groups) != len(want) || left != 0 {
		t.Fatalf("groups %+v, %d left; want %+v", groups, left, want)
	}
	for i := range want {
		if !slices.Equal(groups[i].Words, want[i].Words) || groups[i].Asked != want[i].Asked || !slices.Equal(groups[i].Examples, want[i].Examples) ||
			!slices.Equal(groups[i].Sections, want[i].Sections) || !slices.Equal(groups[i].Reasons, want[i].Reasons) {
			t.Errorf("group %d = %+v; want %+v", i, groups[i], want[i])
		}
	}
	if got, left := GroupQuestions([]Count{{"a b", 1, "", ""}, {"c d", 1, "", ""}, {"e f", 1, "", ""}}, 1, nil); len(got) != 1 || left != 2 {
		t.Errorf("limit 1 gave %d groups, %d left; want 1 and 2 left", len(got), left)
	}
}

// TestGroupQuestionsLeaveOutCommonWords: a word asked in a quarter of
// all the questions or more, five at least, tells no gap from another; a
// gap many ask about, which the answered questions do not hold, stays.
func TestGroupQuestionsLeaveOutCommonWords(t *testing.T) {
	t.Parallel()
	unanswered := []Count{
		{"how do I deal with burnout as a director", 1, "", ""},
		{"burnout as a director", 1, "", ""},
		{"burnout", 1, "", ""},
		{"director equity", 2, "", ""},
		{"vp equity", 2, "", ""},
		{"equity refresh for directors", 1, "", ""},
	}
	all := append([]Count{
		{"what skills does a director need", 6, "skills", ""},
		{"who does a director report to", 3, "reports", ""},
		{"what does a director do", 2, "root", ""},
	}, unanswered...)
	common := CommonWords(all)
	if !common["director"] || common["equiti"] || common["vp"] {
		t.Errorf("common words %v; want director alone", common)
	}
	groups, _ := GroupQuestions(unanswered, 10, common)
	var got []string
	for _, g := range groups {
		got = append(got, fmt.Sprintf("%s %d", strings.Join(g.Words, " "), g.Asked))
	}
	want := []string{"burnout 3", "equity 2", "equity vp 2", "equity refresh 1"}
	if !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
}

func sample() Report {
	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	r := Report{
		Since: since, Until: since.AddDate(0, 0, 3), Bucket: Day,
		Asked: 10, Answered: 7, NoAnswer: 3, NoAnswerRate: 0.3, Helpful: 2, NotHelpful: 1,
		NotCovered: 2, Refused: Refused{OutsideTopic: 1},
		Surfaces:   []Surface{{Name: "slash", Asked: 8, Answered: 6, Helpful: 2, NotHelpful: 1}, {Name: "dm", Asked: 2, Answered: 1}},
		Top:        []Question{{Text: "what skills does a director need", Asked: 5, Answered: 5, Helpful: 2, NotHelpful: 1, Section: "skills", Title: "Key Skill Sets"}, {Text: "=cmd|' /C calc'!A0", Asked: 1}},
		Unanswered: []Group{{Words: []string{"equity", "vp"}, Asked: 2, Examples: []string{"vp equity", "equity for vps"}}},
		Unsure:     2, UnsureQuestions: []Group{{Words: []string{"limiter", "rate"}, Asked: 2,
			Examples: []string{"how do i build a rate limiter", "vp equity"}, Sections: []string{"director-vs-vp", "gone"}}},
		Elsewhere: 1, ElsewhereQuestions: []Group{{Words: []string{"conflict", "vp"}, Asked: 1, Examples: []string{"how does a vp handle conflict"},
			Sections: []string{"director/conflict"}, Titles: []string{"Resolve Conflict"}}},
		Sections:         []Section{{ID: "skills", Title: "Skills", Answers: 5, Helpful: 2}, {ID: "director-vs-vp", Answers: 2, NotHelpful: 1}},
		RefusedQuestions: []Group{{Words: []string{"401k", "match"}, Asked: 1, Examples: []string{"401k match"}, Reasons: []string{"outside_topic"}}},
		NotHelpfulQuestions: []Group{{Words: []string{"report", "vp"}, Asked: 1, Examples: []string{"who does a vp report to"},
			Sections: []string{"director-vs-vp"}, Titles: []string{"Director vs VP"}}},
	}
	r.FillRate(map[time.Time]int{since: 6, since.AddDate(0, 0, 2): 4}, map[time.Time]int{since: 3}, map[time.Time]int{since: 2})
	return r
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Guide report: 2026-03-01 to 2026-03-04 (3 days)",
		"asked 10   answered 7   no answer 3 (30.0%)   helpful 2   not helpful 1",
		"of the no answers: 2 not in the guide; for others to answer: 1 on topics the guide leaves to others\n",
		"  asked  answered  helpful  not helpful  question                          answered by\n      5         5        2            1  what skills does a director need  Key Skill Sets\n",
		"    2  equity vp    vp equity | equity for vps",
		"of the answers: 2 only the closest the guide has, 1 from another role's part than the one asked about\n",
		"by where asked: the slash command 8 (no answer 25.0%), DMs 2 (no answer 50.0%)\n",
		"Answered from another role's part than the one asked about, grouped by topic words\n  asked  topic words  examples\n      1  conflict vp  how does a vp handle conflict → Resolve Conflict\n",
		"Answered with only the closest the guide has, grouped by topic words",
		"    2  limiter rate  how do i build a rate limiter → director-vs-vp | vp equity → gone",
		"Refused as for others to answer, grouped by topic words\n  asked  topic words  examples\n      1  401k match   401k match (a topic left to others)\n",
		"Answers marked 👎, grouped by topic words\n  asked  topic words  examples\n      1  report vp    who does a vp report to → Director vs VP\n",
		"      2            0        5  Skills (skills)",
		"      0            1        2  director-vs-vp",
		"day  asked  no answer  not in the guide   rate",
		"2026-03-01      6          3                 2  50.0%  ██████████",
		// A day without a question has no rate, as a run of them.
		"2026-03-02      0          0                 0      —  nothing asked\n",
		"2026-03-03      4          0                 0   0.0%",
		"To teach the guide these wordings: directorbot report --examples > new.jsonl",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	if err := WriteText(&b, Report{Since: sample().Since, Until: sample().Until}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No questions were asked") || !strings.Contains(b.String(), "no answer 0 (—)") {
		t.Errorf("empty report:\n%s", b.String())
	}
	// A month with one day of questions: the quiet days before and after
	// are a line each.
	quiet := Report{Since: sample().Since, Until: sample().Since.AddDate(0, 0, 30), Bucket: Day, Asked: 1}
	quiet.FillRate(map[time.Time]int{sample().Since.AddDate(0, 0, 19): 1}, nil, nil)
	b.Reset()
	if err := WriteText(&b, quiet); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2026-03-01 to 2026-03-19      0          0                 0     —  nothing asked\n", "2026-03-20", "2026-03-21 to 2026-03-30"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("a quiet month lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "To teach the guide") {
		t.Errorf("a month with nothing to teach says how to teach it:\n%s", b.String())
	}
}

// TestWriteTextTellsWhatTheLimitLeftOut: each list the report's limit
// cut says how many more there are, and how to see them.
func TestWriteTextTellsWhatTheLimitLeftOut(t *testing.T) {
	r := sample()
	r.Left = Left{Top: 3, Unanswered: 7, Unsure: 11, Refused: 13, NotHelpful: 17, Elsewhere: 19}
	var b bytes.Buffer
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		title string
		n     int
	}{{"Top questions", 3}, {"Unanswered questions", 7}, {"Answered with only the closest", 11}, {"Refused as for others", 13}, {"Answers marked 👎", 17}, {"Answered from another role's part", 19}} {
		_, list, _ := strings.Cut(b.String(), "\n"+tc.title)
		list, _, _ = strings.Cut(list, "\n\n")
		if want := fmt.Sprintf("…and %d more (--limit shows more)", tc.n); !strings.Contains(list, want) {
			t.Errorf("%s lacks %q:\n%s", tc.title, want, list)
		}
	}
}

// TestWriteTextHeader states the window in the unit it is whole in:
// hours, then with the times, when it is not whole days; weeks when it is
// two or more whole weeks; else days, each in the singular for one.
func TestWriteTextHeader(t *testing.T) {
	t.Parallel()
	until := time.Date(2026, 12, 5, 9, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		window time.Duration
		want   string
	}{
		{time.Hour, "2026-12-05 08:30 to 2026-12-05 09:30 UTC (1 hour)"},
		{36 * time.Hour, "2026-12-03 21:30 to 2026-12-05 09:30 UTC (36 hours)"},
		{24 * time.Hour, "2026-12-04 to 2026-12-05 (1 day)"},
		{48 * time.Hour, "2026-12-03 to 2026-12-05 (2 days)"},
		{7 * 24 * time.Hour, "2026-11-28 to 2026-12-05 (7 days)"},
		{14 * 24 * time.Hour, "2026-11-21 to 2026-12-05 (2 weeks)"},
		{30 * 24 * time.Hour, "2026-11-05 to 2026-12-05 (30 days)"},
	} {
		var b bytes.Buffer
		if err := WriteText(&b, Report{Since: until.Add(-tc.window), Until: until}); err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(b.String(), "\n")
		if want := "Guide report: " + tc.want; header != want {
			t.Errorf("--since %v: header %q; want %q", tc.window, header, want)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, Report{}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, list := range []string{"top_questions", "unanswered", "unsure_questions", "elsewhere_questions", "refused_questions", "not_helpful_questions", "sections", "surfaces", "no_answer_rate_over_time"} {
		if _, ok := got[list].([]any); !ok {
			t.Errorf("%s is %v; want an empty list", list, got[list])
		}
	}
	b.Reset()
	if err := WriteJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Asked != 10 || len(back.Rate) != 3 || back.Sections[0].Title != "Skills" || back.Refused.OutsideTopic != 1 || back.NotCovered != 2 ||
		back.Unsure != 2 || len(back.UnsureQuestions) != 1 || !slices.Equal(back.UnsureQuestions[0].Sections, []string{"director-vs-vp", "gone"}) ||
		back.Top[0].Helpful != 2 || back.Top[0].NotHelpful != 1 ||
		back.Elsewhere != 1 || len(back.ElsewhereQuestions) != 1 || !slices.Equal(back.ElsewhereQuestions[0].Titles, []string{"Resolve Conflict"}) ||
		!slices.Equal(back.Rate, sample().Rate) || !slices.Equal(back.Surfaces, sample().Surfaces) {
		t.Errorf("round trip: %+v", back)
	}
}

// TestEmptyPeriodsHaveNoRate writes the rate of a period, or a whole
// window, in which nothing was asked as null in JSON and an empty cell in
// CSV, where a chart would read 0 as every question answered; a period
// whose questions were all answered keeps its 0.
func TestEmptyPeriodsHaveNoRate(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		r    Report
		json any
		csv  string
	}{{Report{}, nil, ""}, {sample(), 0.3, "0.3000"}} {
		var b bytes.Buffer
		if err := WriteJSON(&b, tt.r); err != nil {
			t.Fatal(err)
		}
		var whole map[string]any
		if err := json.Unmarshal(b.Bytes(), &whole); err != nil {
			t.Fatal(err)
		}
		if rate, ok := whole["no_answer_rate"]; !ok || rate != tt.json {
			t.Errorf("JSON of %d asked: no_answer_rate %v (present %v); want %v", tt.r.Asked, rate, ok, tt.json)
		}
		b.Reset()
		if err := WriteCSV(&b, tt.r); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if rows[1][0] != "total" || rows[1][7] != tt.csv {
			t.Errorf("CSV of %d asked: total row %q; want rate %q", tt.r.Asked, rows[1], tt.csv)
		}
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Rate []map[string]any `json:"no_answer_rate_over_time"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := []any{0.5, nil, 0.0}
	for i, p := range got.Rate {
		if rate, ok := p["rate"]; !ok || rate != want[i] {
			t.Errorf("JSON period %d: rate %v (present %v); want %v", i, rate, ok, want[i])
		}
	}

	b.Reset()
	if err := WriteCSV(&b, sample()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rates []string
	for _, r := range rows {
		if r[0] == "no_answer_rate" {
			rates = append(rates, r[7])
		}
	}
	if wantCSV := []string{"0.5000", "", "0.0000"}; !slices.Equal(rates, wantCSV) {
		t.Errorf("CSV rates %q; want %q", rates, wantCSV)
	}
}

// TestWriteExamples writes the unanswered questions with no sections, then
// the unsure ones with the section that answered, by its title, or by its
// ID when the guide does not have it, each question once; then, as
// comments that teach nothing until their "# " is taken away, the answers
// marked 👎 (an unsure one among them) and the refused questions.
func TestWriteExamples(t *testing.T) {
	var b bytes.Buffer
	r := sample()
	r.UnsureQuestions[0].Examples = append(r.UnsureQuestions[0].Examples, "rate limits", "who does a vp report to")
	r.UnsureQuestions[0].Sections = append(r.UnsureQuestions[0].Sections, "ops/limits", "director-vs-vp")
	r.Titles(func(id string) string {
		if id == "director-vs-vp" {
			return "Comparison: Director vs VP"
		}
		return ""
	})
	if err := WriteExamples(&b, r); err != nil {
		t.Fatal(err)
	}
	written := b.String()
	uncommented := regexp.MustCompile(`(?m)^# \{`).ReplaceAllString(written, "{")
	for _, c := range []struct {
		name, text string
		want       []content.Question
	}{
		{"as written", written, []content.Question{
			{Text: "vp equity", Expect: []string{}},
			{Text: "equity for vps", Expect: []string{}},
			{Text: "how do i build a rate limiter", Expect: []string{"Comparison: Director vs VP"}},
			{Text: "rate limits", Expect: []string{"ops/limits"}},
		}},
		{"uncommented", uncommented, []content.Question{
			{Text: "vp equity", Expect: []string{}},
			{Text: "equity for vps", Expect: []string{}},
			{Text: "how do i build a rate limiter", Expect: []string{"Comparison: Director vs VP"}},
			{Text: "rate limits", Expect: []string{"ops/limits"}},
			{Text: "who does a vp report to", Expect: []string{"Comparison: Director vs VP"}},
			{Text: "401k match", Expect: []string{}},
		}},
	} {
		got, err := content.ReadQuestions("report", strings.NewReader(c.text))
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, c.text)
		}
		if len(got) != len(c.want) {
			t.Fatalf("%s: read %+v; want %+v\n%s", c.name, got, c.want, c.text)
		}
		for i, q := range got {
			if q.Text != c.want[i].Text || q.Expect == nil || !slices.Equal(q.Expect, c.want[i].Expect) {
				t.Errorf("%s: line %d = %+v, want %+v", c.name, i+1, q, c.want[i])
			}
		}
	}
	for _, about := range []string{"# Answers marked 👎", "# Questions refused as for others to answer"} {
		if strings.Count(written, about) != 1 {
			t.Errorf("the lines lack one comment %q:\n%s", about, written)
		}
	}
}

// TestTopQuestionsNameTheirEarlierAnswers: a top question that other
// sections answered earlier names them after the latest, by title, or by
// ID for one the guide no longer has, in text, CSV and JSON.
func TestTopQuestionsNameTheirEarlierAnswers(t *testing.T) {
	r := sample()
	r.Top = []Question{{Text: "how do i get ready for a vp role", Asked: 3, Answered: 3, Section: "transition", Before: []string{"skills", "gone"}}}
	r.Titles(func(id string) string {
		return map[string]string{"transition": "Transition to VP", "skills": "Key Skill Sets"}[id]
	})
	var text, csvOut, jsonOut bytes.Buffer
	for _, write := range []struct {
		w *bytes.Buffer
		f func(io.Writer, Report) error
	}{{&text, WriteText}, {&csvOut, WriteCSV}, {&jsonOut, WriteJSON}} {
		if err := write.f(write.w, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ name, out, want string }{
		{"text", text.String(), "how do i get ready for a vp role  Transition to VP (before: Key Skill Sets, gone)\n"},
		{"CSV", csvOut.String(), "top_question,how do i get ready for a vp role,3,3,0,0,0,,transition | skills | gone\n"},
	} {
		if !strings.Contains(c.out, c.want) {
			t.Errorf("%s report lacks %q:\n%s", c.name, c.want, c.out)
		}
	}
	var decoded struct {
		Top []Question `json:"top_questions"`
	}
	if err := json.Unmarshal(jsonOut.Bytes(), &decoded); err != nil || len(decoded.Top) != 1 || !reflect.DeepEqual(decoded.Top[0], r.Top[0]) {
		t.Errorf("JSON top questions %+v, %v; want %+v", decoded.Top, err, r.Top)
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sample()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], CSVHeader) {
		t.Errorf("header %q", rows[0])
	}
	parts := map[string]int{}
	for _, r := range rows[1:] {
		parts[r[0]]++
		if r[0] == "top_question" && r[1] == "what skills does a director need" && (r[5] != "2" || r[6] != "1") {
			t.Errorf("top question's votes: helpful %q, not helpful %q; want 2, 1", r[5], r[6])
		}
		if r[0] == "surface" && r[1] == "dm" && !slices.Equal(r[2:8], []string{"2", "1", "1", "0", "0", "0.5000"}) {
			t.Errorf("the DMs' row %q; want 2 asked, 1 answered, 1 not, no votes, rate 0.5000", r)
		}
		if strings.HasPrefix(r[1], "=") {
			t.Errorf("a cell a spreadsheet would run: %q", r[1])
		}
	}
	want := map[string]int{"total": 1, "no_answer_reason": 7, "answer_kind": 2, "surface": 2, "top_question": 2, "unanswered": 1, "unsure_question": 1, "elsewhere_question": 1,
		"refused_question": 1, "not_helpful_question": 1, "left_out": 6, "section": 2, "no_answer_rate": 3}
	for p, n := range want {
		if parts[p] != n {
			t.Errorf("%d %s rows; want %d", parts[p], p, n)
		}
	}
}

func TestPeriods(t *testing.T) {
	since := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC) // a Wednesday
	weeks := Periods(since, since.AddDate(0, 0, 14), Week)
	if len(weeks) != 3 || weeks[0].Start != time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) {
		t.Errorf("weeks %+v", weeks)
	}
	if BucketFor(since, since.AddDate(0, 0, 30)) != Day || BucketFor(since, since.AddDate(0, 0, 90)) != Week {
		t.Error("BucketFor: want days for 30 days, weeks for 90")
	}
}

// TestHelpfulListsAreApart ranks sections by their votes: one with more
// 👍 than 👎 is among the most helpful, any other with a 👎 among the
// least, so that none is in both; one with no vote is in neither.
func TestHelpfulListsAreApart(t *testing.T) {
	t.Parallel()
	r := Report{Sections: []Section{
		{ID: "a", Helpful: 3}, {ID: "b", Helpful: 1, NotHelpful: 1}, {ID: "c", NotHelpful: 2},
		{ID: "d", Helpful: 2, NotHelpful: 1}, {ID: "e", Answers: 4},
	}}
	ids := func(ss []Section) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.ID)
		}
		return out
	}
	if got := ids(r.MostHelpful(10)); !slices.Equal(got, []string{"a", "d"}) {
		t.Errorf("most helpful %v, want [a d]", got)
	}
	if got := ids(r.LeastHelpful(10)); !slices.Equal(got, []string{"c", "b"}) {
		t.Errorf("least helpful %v, want [c b]", got)
	}
}

// TestStretches folds each run of periods without a question into a line,
// and keeps the latest lines.
func TestStretches(t *testing.T) {
	t.Parallel()
	day := func(d, asked int) Period {
		return Period{Start: time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC), Asked: asked}
	}
	periods := []Period{day(1, 0), day(2, 0), day(3, 0), day(4, 5), day(5, 0), day(6, 2), day(7, 0), day(8, 0)}
	var got []string
	for _, s := range Stretches(periods, 10) {
		got = append(got, fmt.Sprintf("%d-%d:%d", s.Start.Day(), s.Last.Day(), s.Periods))
	}
	if want := []string{"1-3:3", "4-4:1", "5-5:1", "6-6:1", "7-8:2"}; !slices.Equal(got, want) {
		t.Errorf("stretches %v, want %v", got, want)
	}
	if last := Stretches(periods, 2); len(last) != 2 || last[0].Start.Day() != 6 {
		t.Errorf("the last two stretches are %+v", last)
	}
	if len(Stretches(nil, 5)) != 0 {
		t.Error("stretches of no periods")
	}
}

// TestMarkedNotesTaughtQuestions: Marked keeps every group and count, and
// each question taught says so after its note, or in a row of its own in
// CSV; the report it was given is unchanged.
func TestMarkedNotesTaughtQuestions(t *testing.T) {
	t.Parallel()
	r := Report{
		Unanswered:      []Group{{Words: []string{"offsite"}, Asked: 4, Examples: []string{"a", "b"}}},
		UnsureQuestions: []Group{{Words: []string{"x"}, Asked: 3, Examples: []string{"c", "d"}, Sections: []string{"s1", "s2"}, Titles: []string{"T1", "T2"}}},
	}
	got := r.Marked(func(q string) bool { return q == "b" || q == "d" })
	for _, tc := range []struct {
		group Group
		want  []string
	}{
		{got.Unanswered[0], []string{"a", "b (a lesson since)"}},
		{got.UnsureQuestions[0], []string{"c → T1", "d → T2 (a lesson since)"}},
	} {
		if noted := tc.group.Noted(true); !slices.Equal(noted, tc.want) || tc.group.Asked == 0 {
			t.Errorf("Noted = %q (asked %d); want %q", noted, tc.group.Asked, tc.want)
		}
	}
	if r.Unanswered[0].Taught != nil || r.UnsureQuestions[0].Taught != nil {
		t.Errorf("Marked changed the report it was given: %+v", r)
	}
	// CSV keeps its details as they were, and lists the taught questions
	// in rows of their own.
	var csv strings.Builder
	if err := WriteCSV(&csv, got); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nunanswered,offsite,4,0,4,,,,a | b\n", "\nunsure_question,x,3,3,0,,,,c | d\n", "\ntaught_question,b,,,,,,,offsite\n", "\ntaught_question,d,,,,,,,x\n"} {
		if !strings.Contains(csv.String(), want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv.String())
		}
	}
}

// TestWriteTextVotesWithoutQuestions: votes on sections opened by a
// button show in the section tables though nobody asked a question.
func TestWriteTextVotesWithoutQuestions(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	r := Report{Helpful: 1, Sections: []Section{{ID: "key-skill-sets", Title: "Key Skill Sets", Helpful: 1}}}
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	if text := b.String(); !strings.Contains(text, "No questions were asked") || !strings.Contains(text, "Most helpful sections") || !strings.Contains(text, "Key Skill Sets") {
		t.Errorf("votes without questions:\n%s", text)
	}
}
