package blockkit

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// fullReport is a report with more of everything than the Home shows, and
// questions that try to mention everyone.
func fullReport() report.Report {
	since := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	r := report.Report{Since: since, Until: since.AddDate(0, 0, 30), Bucket: report.Day,
		Asked: 500, Answered: 400, NoAnswer: 100, NoAnswerRate: 0.2, Helpful: 40, NotHelpful: 12,
		NotCovered: 71, Refused: report.Refused{OutsideTopic: 12, OtherRole: 3, CompanyFact: 5, Request: 2, Conversation: 4, Opinion: 3}, Unsure: 30, Elsewhere: 8}
	long := strings.Repeat("why <!channel> & <@U123> ", 40)
	for i := range 30 {
		r.Top = append(r.Top, report.Question{Text: fmt.Sprintf("question %d %s", i, long), Asked: 30 - i, Answered: 30 - i - i%3, Helpful: 3 * (i % 2), NotHelpful: i % 2})
		r.Unanswered = append(r.Unanswered, report.Group{Words: []string{"equity", fmt.Sprint(i)}, Asked: 10, Examples: []string{long, long, long}})
		r.UnsureQuestions = append(r.UnsureQuestions, report.Group{Words: []string{"limiter", fmt.Sprint(i)}, Asked: 1, Examples: []string{long, long, long}})
		r.ElsewhereQuestions = append(r.ElsewhereQuestions, report.Group{Words: []string{"conflict", fmt.Sprint(i)}, Asked: 1, Examples: []string{"vp conflict " + long},
			Sections: []string{"key-skill-sets"}})
		r.RefusedQuestions = append(r.RefusedQuestions, report.Group{Words: []string{"match", fmt.Sprint(i)}, Asked: 1, Examples: []string{"401k match " + long},
			Reasons: []string{"outside_topic"}})
		r.NotHelpfulQuestions = append(r.NotHelpfulQuestions, report.Group{Words: []string{"skills", fmt.Sprint(i)}, Asked: 1, Examples: []string{"skills " + long},
			Sections: []string{"key-skill-sets"}})
		r.Sections = append(r.Sections, report.Section{ID: fmt.Sprintf("gone/%d", i), Answers: 5, Helpful: i % 4, NotHelpful: i % 3})
	}
	r.Sections = append(r.Sections, report.Section{ID: "key-skill-sets", Answers: 9, Helpful: 9})
	r.FillRate(map[time.Time]int{since: 10, since.AddDate(0, 0, 29): 4}, map[time.Time]int{since: 5, since.AddDate(0, 0, 29): 4}, map[time.Time]int{since: 3})
	return r
}

// bigGuide has more topics than a Home tab can hold.
func bigGuide(t *testing.T) *content.Guide {
	var b strings.Builder
	b.WriteString("# Handbook\n\n")
	for i := range 150 {
		fmt.Fprintf(&b, "## Topic %d\n\nText %d.\n\n### Part %d\n\nMore.\n\n", i, i, i)
	}
	g, err := content.Load(fstest.MapFS{"handbook.md": {Data: []byte(b.String())}})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestAdminHomeFitsSlack(t *testing.T) {
	embedded, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	empty := report.Report{Since: fullReport().Since, Until: fullReport().Until}
	for name, tc := range map[string]struct {
		g *content.Guide
		r report.Report
	}{
		"full report, embedded guide": {embedded, fullReport()},
		"full report, big guide":      {bigGuide(t), fullReport()},
		"empty report":                {embedded, empty},
	} {
		view := App{}.AdminHome(tc.g, tc.r, Teaching{})
		checkView(t, name, view)
		if n := len(view.Blocks.BlockSet); n > maxHomeBlocks {
			t.Errorf("%s: %d blocks; Slack takes %d", name, n, maxHomeBlocks)
		}
		raw, _ := json.Marshal(view)
		if strings.Contains(string(raw), "<!channel>") || strings.Contains(string(raw), "<@U123>") {
			t.Errorf("%s: a question's mention reaches Slack unescaped", name)
		}
		// Nothing asked has no rate: 0 % would read as all answered.
		if tc.r.Asked == 0 && (strings.Contains(string(raw), "0.0%") || !strings.Contains(string(raw), "without an answer (—)")) {
			t.Errorf("%s: the window's rate is not \"—\": %s", name, raw)
		}
	}
}

func TestAdminHomeShowsTheReport(t *testing.T) {
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := fullReport()
	// A question answered by other sections before the latest.
	r.Top[1].Text, r.Top[1].Section, r.Top[1].Before = "how do i get ready for a vp role", "transition-to-vp", []string{"key-skill-sets", "gone/1"}
	view := App{}.AdminHome(g, r, Teaching{})
	text := Readable(Message{Text: "home", Blocks: view.Blocks.BlockSet})
	for _, want := range []string{
		"Guide report: the last 30 days",
		"29× “how do i get ready for a vp role” → Transition to VP (before: Key Skill Sets, `gone/1` (no longer in the guide))",
		"500 questions",
		"Top questions",
		"30× “question 0",
		"(1 without an answer) · 👍 3 · 👎 1",
		"71 are not in the guide and 29 were for others to answer (12 on topics the guide leaves to others, 3 on other roles, 5 on the company's own facts, 2 asking for a text to be written, 4 asking for the words of a conversation, 3 asking for an opinion or a decision)",
		"Unanswered, not in the guide, grouped by topic words",
		"10× equity 0",
		// The groups past the first few are counted.
		"…and 22 more in `directorbot report`",
		"Of the answers, 30 were only the closest the guide has and 8 were from another role's part than the one asked about.",
		"Answered from another role's part than the one asked about, grouped by topic words",
		"1× conflict 0",
		"Answered with only the closest the guide has, grouped by topic words",
		"1× limiter 0",
		"Refused as for others to answer, grouped by topic words",
		"(a topic left to others)",
		"Answers marked 👎, grouped by topic words",
		"To teach the guide these wordings: directorbot report --examples",
		"” → Key Skill Sets",
		"Key Skill Sets",
		"no longer in the guide",
		"`2026-02-01` `█████░░░░░` 50.0% (5 of 10; 3 not in the guide)",
		// The days without a question between are one line.
		"`2026-02-02` to `2026-03-01` nothing asked",
		"2026-03-02",
		"100.0% (4 of 4; 0 not in the guide)",
		// The normal Home follows.
		"Topics",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("admin Home lacks %q:\n%s", want, text)
		}
	}
}

// TestAdminHomeQuietDay shows a day without a question between two with
// questions as nothing asked, not as a rate of 0.0%.
func TestAdminHomeQuietDay(t *testing.T) {
	t.Parallel()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	r := report.Report{Since: since, Until: since.AddDate(0, 0, 3), Bucket: report.Day, Asked: 3, Answered: 3}
	r.FillRate(map[time.Time]int{since: 2, since.AddDate(0, 0, 2): 1}, nil, nil)
	text := Readable(Message{Text: "home", Blocks: App{}.AdminHome(g, r, Teaching{}).Blocks.BlockSet})
	if !strings.Contains(text, "`2026-03-02` nothing asked") || strings.Contains(text, "(0 of 0)") {
		t.Errorf("the quiet day of 2 March reads as a rate:\n%s", text)
	}
}

// TestAdminHomeVotesWithoutQuestions: votes on sections opened by a
// button count though nobody asked a question, and show in the section
// lists, without "(0 answers)".
func TestAdminHomeVotesWithoutQuestions(t *testing.T) {
	t.Parallel()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	r := report.Report{Since: since, Until: since.AddDate(0, 0, 3), Bucket: report.Day, Helpful: 2, NotHelpful: 1,
		Sections: []report.Section{{ID: "key-skill-sets", Helpful: 2}, {ID: "transition-to-vp/timeline", NotHelpful: 1}}}
	text := Readable(Message{Text: "home", Blocks: App{}.AdminHome(g, r, Teaching{}).Blocks.BlockSet})
	for _, want := range []string{"No questions were asked in this window.", "👍 2 · 👎 0 · Key Skill Sets\n", "👎 1 · 👍 0 · Timeline\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "0 answers") {
		t.Errorf("a section only opened by a button shows its 0 answers:\n%s", text)
	}
}

// TestReportNotes: the admin's report says why questions went
// unanswered in a sentence that counts right and names no reason nobody
// gave, and where they were asked.
func TestReportNotes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		r    report.Report
		want string
	}{
		{"all answered", report.Report{Asked: 3, Answered: 3}, ""},
		{"one gap", report.Report{Asked: 3, Answered: 2, NoAnswer: 1, NotCovered: 1},
			"Of those without an answer, 1 is not in the guide."},
		{"gaps and refusals", report.Report{Asked: 9, Answered: 4, NoAnswer: 5, NotCovered: 2, Unsure: 1,
			Refused: report.Refused{OutsideTopic: 2, Opinion: 1}},
			"Of those without an answer, 2 are not in the guide and 3 were for others to answer (2 on topics the guide leaves to others, 1 asking for an opinion or a decision). Of the answers, 1 was only the closest the guide has."},
		{"one refusal", report.Report{Asked: 1, NoAnswer: 1, Refused: report.Refused{OtherRole: 1}},
			"Of those without an answer, 1 was for others to answer (1 on other roles)."},
		{"unsure answers only", report.Report{Asked: 2, Answered: 2, Unsure: 2}, "Of the answers, 2 were only the closest the guide has."},
		{"one answer from another role's part", report.Report{Asked: 2, Answered: 2, Elsewhere: 1}, "Of the answers, 1 was from another role's part than the one asked about."},
		{"by surface", report.Report{Asked: 4, Answered: 3, NoAnswer: 1, NotCovered: 1,
			Surfaces: []report.Surface{{Name: "mention", Asked: 3, Answered: 3}, {Name: "dm", Asked: 1}}},
			"Of those without an answer, 1 is not in the guide. By where asked: mentions 3 (no answer 0.0%), DMs 1 (no answer 100.0%)."},
	}
	for _, tt := range tests {
		if got := reportNotes(tt.r); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestAdminHomeWeighsUnderSlacksLimit renders the admins' Home of a guide
// of 97 sections with long titles, whose five teaching menus of static
// options would make a view over views.publish's 250 KB: the menus are
// typed in instead, and the view fits. The embedded guide's keep their
// static options.
func TestAdminHomeWeighsUnderSlacksLimit(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("# Handbook & Practices\n\n")
	for i := range 48 {
		fmt.Fprintf(&b, "## Topic %d: R&D & Ops & QA & Budgets & Hiring & Planning & Travel & Tools\n\nText.\n\n### Part %d: Hiring & Onboarding & Offers & Levels & Pay & Perks\n\nMore.\n\n", i, i)
	}
	long, err := content.Load(fstest.MapFS{"handbook.md": {Data: []byte(b.String())}})
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		g     *content.Guide
		typed bool
	}{
		{"long titles", long, true},
		{"embedded guide", embedded, false},
	} {
		if n := len(tc.g.Sections()); n >= maxOptions {
			t.Fatalf("%s: %d sections; want fewer than a menu's %d", tc.name, n, maxOptions)
		}
		if raw, _ := json.Marshal(App{}.adminHome(tc.g, fullReport(), fullTeaching(tc.g), false)); tc.typed != (len(raw) > maxViewBytes) {
			t.Fatalf("%s: with static menus the Home weighs %d bytes; over %d: %v", tc.name, len(raw), maxViewBytes, tc.typed)
		}
		view := App{}.AdminHome(tc.g, fullReport(), fullTeaching(tc.g))
		raw, _ := json.Marshal(view)
		if len(raw) > maxViewBytes || strings.Contains(string(raw), `"type":"external_select"`) != tc.typed {
			t.Errorf("%s: the Home weighs %d bytes (at most %d), its menus typed in: %v; want %v", tc.name, len(raw), maxViewBytes, !tc.typed, tc.typed)
		}
		checkView(t, tc.name, view)
	}
}

// TestListSectionKeepsToSlacksLimit fills a list with long lines, more
// than it shows: the section, "…and N more" with it, stays within
// Slack's 3,000 characters.
func TestListSectionKeepsToSlacksLimit(t *testing.T) {
	t.Parallel()
	for _, n := range []int{9, 108, 1200} {
		var lines []string
		for range n {
			lines = append(lines, "• "+strings.Repeat("x", 367))
		}
		text := listSection("*Top questions*", lines, reportRows, 0).(*slack.SectionBlock).Text.Text
		if runeLen(text) > maxSectionText || !strings.Contains(text, "more in `directorbot report`") {
			t.Errorf("%d lines: a section of %d characters:\n%.200s", n, runeLen(text), text)
		}
	}
}

// TestListSectionCountsWhatTheLimitLeftOut: the Home's "…and N more"
// counts the lines the report's limit left out with those it drops.
func TestListSectionCountsWhatTheLimitLeftOut(t *testing.T) {
	t.Parallel()
	lines := make([]string, reportRows+2)
	for i := range lines {
		lines[i] = fmt.Sprintf("• line %d", i)
	}
	text := listSection("*Top questions*", lines, reportRows, 17).(*slack.SectionBlock).Text.Text
	if !strings.Contains(text, "…and 19 more in `directorbot report`") {
		t.Errorf("want the 2 lines past the limit and the 17 the report left out counted:\n%s", text)
	}
}
