// Package report is what the guide's owners learn from the questions the
// bot was asked: the most asked questions, the unanswered ones grouped by
// wording, the sections ranked by 👍 and 👎, and the no-answer rate over
// time. bot/store fills a Report from its rows; this package groups,
// orders and prints it (aligned text, JSON or CSV), and bot/blockkit shows
// it on the admins' App Home. It holds no Slack user or channel ID: the
// store keeps none.
package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Bucket is the length of the periods of the no-answer rate.
type Bucket string

// The buckets of the no-answer rate: a day, or a week from Monday.
const (
	Day  Bucket = "day"
	Week Bucket = "week"
)

// BucketFor is the bucket that keeps a report over the window readable: days
// up to five weeks, weeks beyond.
func BucketFor(since, until time.Time) Bucket {
	if until.Sub(since) <= 35*24*time.Hour {
		return Day
	}
	return Week
}

// Left counts, for each list of a Report, the questions or groups past
// its limit, which the list leaves out.
type Left struct {
	Top        int `json:"top_questions"`
	Unanswered int `json:"unanswered"`
	Unsure     int `json:"unsure_questions"`
	Elsewhere  int `json:"elsewhere_questions"`
	Refused    int `json:"refused_questions"`
	NotHelpful int `json:"not_helpful_questions"`
}

// Lists says what l counts, list by list, but those that left none out:
// "45 top questions, 1 group of answers marked 👎"; "" when no list left
// any out.
func (l Left) Lists() string {
	var out []string
	if l.Top > 0 {
		out = append(out, Quantity(l.Top, "top question"))
	}
	for _, c := range []struct {
		n  int
		of string
	}{
		{l.Unanswered, "unanswered questions"},
		{l.Refused, "refused questions"},
		{l.Unsure, "unsure answers"},
		{l.Elsewhere, "answers from another role's part"},
		{l.NotHelpful, "answers marked 👎"},
	} {
		if c.n > 0 {
			out = append(out, Quantity(c.n, "group")+" of "+c.of)
		}
	}
	return strings.Join(out, ", ")
}

// Report sums up the questions asked from Since (inclusive) to Until
// (exclusive).
type Report struct {
	Since time.Time `json:"since"`
	Until time.Time `json:"until"`
	// Asked counts the questions; Answered and NoAnswer split them by
	// outcome.
	Asked    int `json:"asked"`
	Answered int `json:"answered"`
	NoAnswer int `json:"no_answer"`
	// NoAnswerRate is NoAnswer / Asked, 0 when nothing was asked; in
	// JSON it is null then (WriteJSON), and text shows "—" (Share).
	NoAnswerRate float64 `json:"no_answer_rate"`
	// Helpful and NotHelpful count the answers whose latest vote was
	// 👍 and 👎, and the replies no question asked for (a section opened
	// by a button, or shared) whose latest vote was.
	Helpful    int `json:"helpful"`
	NotHelpful int `json:"not_helpful"`
	// NotCovered and Refused split NoAnswer: the questions the guide does
	// not cover (its gaps), and those the search knew it could not answer,
	// by why (questions for others to answer).
	NotCovered int     `json:"not_covered"`
	Refused    Refused `json:"refused"`
	// Surfaces split Asked by where the questions were asked, the most
	// asked first: a surface people turn from, or on which the guide
	// answers less, shows.
	Surfaces []Surface `json:"surfaces"`
	// Top are the most asked questions, most asked first.
	Top []Question `json:"top_questions"`
	// Unanswered are the questions without an answer that the guide does
	// not cover (Refused ones left out), grouped by their topic words, the
	// largest group first: the guide's gaps.
	Unanswered []Group `json:"unanswered"`
	// Unsure counts the answers that were only the closest the guide has,
	// which may not answer the question (of Answered); UnsureQuestions
	// groups them as Unanswered: where the guide may be thin.
	Unsure          int     `json:"unsure"`
	UnsureQuestions []Group `json:"unsure_questions"`
	// Elsewhere counts the answers from another role's part of the guide
	// than the one the question asked about, which the reply said (of
	// Answered; an unsure one among them too); ElsewhereQuestions groups
	// them as UnsureQuestions: where the guide may lack the part of the
	// role asked about.
	Elsewhere          int     `json:"elsewhere"`
	ElsewhereQuestions []Group `json:"elsewhere_questions"`
	// RefusedQuestions groups, as Unanswered, the no-answers a rule gave
	// as for others to answer, each example with its reason (Reasons):
	// where a rule may refuse what the guide covers (outside.txt).
	RefusedQuestions []Group `json:"refused_questions"`
	// NotHelpfulQuestions groups, as UnsureQuestions, the answers marked 👎, each
	// example with the section that answered it.
	NotHelpfulQuestions []Group `json:"not_helpful_questions"`
	// Left counts what each list leaves out past the report's limit.
	Left Left `json:"left_out"`
	// Sections are the sections that answered, the most 👍 first.
	Sections []Section `json:"sections"`
	// Bucket is the length of each period of Rate.
	Bucket Bucket `json:"bucket"`
	// Rate is the no-answer rate per period, oldest first, every period
	// of the window included.
	Rate []Period `json:"no_answer_rate_over_time"`
}

// ElsewhereTitle names the answers from another role's part of the guide
// than the one the question asked about, in the report's text and on the
// admins' Home.
const ElsewhereTitle = "Answered from another role's part than the one asked about"

// Refused counts no-answers by why the guide could not answer.
type Refused struct {
	// OutsideTopic: a topic the guide leaves to others (pay, HR
	// procedures, tools).
	OutsideTopic int `json:"outside_topic"`
	// OtherRole: a role the guide does not describe.
	OtherRole int `json:"other_role"`
	// CompanyFact: a fact of the asker's own company.
	CompanyFact int `json:"company_fact"`
	// Request: a request to write, summarize or translate a text.
	Request int `json:"request"`
	// Conversation: a request for the words of one conversation with
	// particular people.
	Conversation int `json:"conversation"`
	// Opinion: a request for an opinion or a decision of the asker's own.
	Opinion int `json:"opinion"`
}

// Total is how many questions were refused, for whatever reason.
func (r Refused) Total() int {
	return r.OutsideTopic + r.OtherRole + r.CompanyFact + r.Request + r.Conversation + r.Opinion
}

// Reasons are the counts of no-answers with why, those of no no-answer
// left out: "2 on other roles".
func (r Refused) Reasons() []string {
	var out []string
	for _, c := range []struct {
		n   int
		why string
	}{
		{r.OutsideTopic, "on topics the guide leaves to others"},
		{r.OtherRole, "on other roles"},
		{r.CompanyFact, "on the company's own facts"},
		{r.Request, "asking for a text to be written"},
		{r.Conversation, "asking for the words of a conversation"},
		{r.Opinion, "asking for an opinion or a decision"},
	} {
		if c.n > 0 {
			out = append(out, fmt.Sprintf("%d %s", c.n, c.why))
		}
	}
	return out
}

// Surface is where questions were asked, and how they went there.
type Surface struct {
	// Name is "slash" (the app's slash command), "mention" (a mention in
	// a channel) or "dm" (a direct message).
	Name       string `json:"surface"`
	Asked      int    `json:"asked"`
	Answered   int    `json:"answered"`
	Helpful    int    `json:"helpful"`
	NotHelpful int    `json:"not_helpful"`
}

// surfaceNames say the surfaces in words.
var surfaceNames = map[string]string{"slash": "the slash command", "mention": "mentions", "dm": "DMs"}

// Split says how the questions were split by where they were asked: "the
// slash command 12 (no answer 25.0%), mentions 3 (no answer 0.0%)", or ""
// when nothing was asked.
func (r Report) Split() string {
	parts := make([]string, len(r.Surfaces))
	for i, s := range r.Surfaces {
		parts[i] = fmt.Sprintf("%s %d (no answer %s)", cmp.Or(surfaceNames[s.Name], s.Name), s.Asked, Share(s.Asked, Rate(s.Asked-s.Answered, s.Asked)))
	}
	return strings.Join(parts, ", ")
}

// Question is one normalized question and how often it was asked.
type Question struct {
	Text     string `json:"question"`
	Asked    int    `json:"asked"`
	Answered int    `json:"answered"`
	// Helpful and NotHelpful count its answers whose latest vote was 👍
	// and 👎: an answer marked 👎 by some shows beside those it helped.
	Helpful    int `json:"helpful"`
	NotHelpful int `json:"not_helpful"`
	// Section is the ID of the section that answered it last, "" when
	// none did; Title is its title
	// (Report.Titles), "" for one the guide no longer has. An answer
	// nobody marked 👎 may still be wrong: the owners see which section
	// gave it.
	Section string `json:"section,omitempty"`
	Title   string `json:"title,omitempty"`
	// Before are the IDs of the other sections that answered it earlier
	// in the window, the latest first, and BeforeTitles their titles
	// (Report.Titles), "" for one the guide no longer has: a lesson or an
	// edit of the guide shows as the answer it changed.
	Before       []string `json:"before,omitempty"`
	BeforeTitles []string `json:"before_titles,omitempty"`
}

// Answers names the sections that answered a top question, each as name
// names it by its ID: the latest, then, when others answered it earlier,
// "(before: …)" with them, the latest first; "" when none did.
func (q Question) Answers(name func(id string) string) string {
	if q.Section == "" {
		return ""
	}
	if len(q.Before) == 0 {
		return name(q.Section)
	}
	names := make([]string, len(q.Before))
	for i, id := range q.Before {
		names[i] = name(id)
	}
	return name(q.Section) + " (before: " + strings.Join(names, ", ") + ")"
}

// Titled names a section that answered a top question by its title
// (Report.Titles), else by its ID, as people read the report.
func (q Question) Titled(id string) string {
	title := ""
	if id == q.Section {
		title = q.Title
	} else if i := slices.Index(q.Before, id); i >= 0 && i < len(q.BeforeTitles) {
		title = q.BeforeTitles[i]
	}
	return cmp.Or(title, id)
}

// Group is unanswered questions, or unsure answers, that share their
// topic words.
type Group struct {
	// Words are the topic words, sorted; empty for questions made only of
	// stop words.
	Words []string `json:"words"`
	Asked int      `json:"asked"`
	// Examples are the group's questions, the most asked first, at most
	// MaxExamples.
	Examples []string `json:"examples"`
	// Sections are, for answers, the IDs of the sections that
	// answered each example, and Titles their titles (Report.Titles), ""
	// for one the guide no longer has.
	Sections []string `json:"sections,omitempty"`
	Titles   []string `json:"titles,omitempty"`
	// Reasons are, for refused questions, each example's reason, as
	// Refused's keys name it (outside_topic, other_role, company_fact,
	// request, conversation, opinion).
	Reasons []string `json:"reasons,omitempty"`
	// Taught are those of the examples a lesson answers (Marked): taught
	// on the admins' Home since, no longer a gap to teach.
	Taught []string `json:"taught,omitempty"`
}

// Note is what the report says beside the group's example i: why it was
// refused (" (a topic left to others)"), or the section that answered it,
// as name names its ID (" → Timeline"), or "".
func (g Group) Note(i int, name func(id string) string) string {
	switch {
	case i < len(g.Reasons) && g.Reasons[i] != "":
		return " (" + reasonNames[g.Reasons[i]] + ")"
	case i < len(g.Sections) && g.Sections[i] != "":
		return " → " + name(g.Sections[i])
	}
	return ""
}

// taughtMark is what the report says after an example taught since
// (Marked), after how it was answered then: a lesson now answers it,
// which may not be the section shown.
const taughtMark = " (a lesson since)"

// Told is what the report says after the group's example i: its Note,
// and with marks, that a lesson answers it since (taughtMark).
func (g Group) Told(i int, name func(id string) string, marks bool) string {
	note := g.Note(i, name)
	if marks && i < len(g.Examples) && slices.Contains(g.Taught, g.Examples[i]) {
		note += taughtMark
	}
	return note
}

// Noted returns the group's examples, each as Told, a section named by its
// title (Report.Titles), else its ID, as people read the report.
func (g Group) Noted(marks bool) []string {
	out := slices.Clone(g.Examples)
	for i := range out {
		out[i] += g.Told(i, func(id string) string {
			if i < len(g.Titles) && g.Titles[i] != "" {
				return g.Titles[i]
			}
			return id
		}, marks)
	}
	return out
}

// groups are the report's lists of groups: of unanswered questions,
// unsure answers, answers from another role's part, refused questions and
// answers marked 👎.
func (r *Report) groups() []*[]Group {
	return []*[]Group{&r.Unanswered, &r.UnsureQuestions, &r.ElsewhereQuestions, &r.RefusedQuestions, &r.NotHelpfulQuestions}
}

// Marked returns the report with the questions taught (taught reports
// them) listed in their groups' Taught: the counts stay as asked, and each
// such question says it was taught, so that what was taught is not read
// as a gap still open.
func (r Report) Marked(taught func(question string) bool) Report {
	mark := func(groups []Group) []Group {
		out := slices.Clone(groups)
		for i, g := range out {
			out[i].Taught = nil
			for _, q := range g.Examples {
				if taught(q) {
					out[i].Taught = append(out[i].Taught, q)
				}
			}
		}
		return out
	}
	for _, groups := range r.groups() {
		*groups = mark(*groups)
	}
	return r
}

// reasonNames say the reasons of Group.Reasons in words.
var reasonNames = map[string]string{
	"outside_topic": "a topic left to others",
	"other_role":    "another role",
	"company_fact":  "a fact of the company",
	"request":       "a text to write",
	"conversation":  "the words of a conversation",
	"opinion":       "an opinion or a decision",
}

// MaxExamples bounds the questions a Group shows.
const MaxExamples = 3

// Section is how a section's answers fared: Answers counts the questions
// it answered, Helpful and NotHelpful the votes on those answers and on
// the section opened by a button or shared.
type Section struct {
	ID string `json:"section"`
	// Title is the section's title in the guide, "" when the caller did
	// not look it up or the guide no longer has the section.
	Title      string `json:"title,omitempty"`
	Answers    int    `json:"answers"`
	Helpful    int    `json:"helpful"`
	NotHelpful int    `json:"not_helpful"`
}

// Period is the no-answer rate of one day or week.
type Period struct {
	Start    time.Time `json:"start"`
	Asked    int       `json:"asked"`
	NoAnswer int       `json:"no_answer"`
	// NotCovered counts those of NoAnswer the guide does not cover, its
	// gaps; the rest were refused as for others to answer, which moves
	// with how often people ask about pay, not with the guide.
	NotCovered int `json:"not_covered"`
	// Rate is NoAnswer / Asked, 0 when nothing was asked; in JSON it is
	// null then (MarshalJSON).
	Rate float64 `json:"rate"`
}

// MarshalJSON writes the period with a null rate when nothing was asked:
// a chart would read 0 as every question answered.
func (p Period) MarshalJSON() ([]byte, error) {
	// period has Period's fields without this method, which would recur.
	type period Period
	return json.Marshal(struct {
		period
		Rate *float64 `json:"rate"`
	}{period(p), asked(p.Asked, p.Rate)})
}

// asked is a rate of questions asked, nil when none was: JSON's null.
func asked(n int, rate float64) *float64 {
	if n == 0 {
		return nil
	}
	return &rate
}

// Stretch is a line of the no-answer rate as people read it: one period,
// or a run of periods in which nothing was asked, from Start to Last.
type Stretch struct {
	Period
	// Last is the start of the stretch's last period, and Periods how many
	// it holds.
	Last    time.Time
	Periods int
}

// Quiet reports whether nothing was asked in the stretch: one period, or a
// run of them, with no rate to show.
func (s Stretch) Quiet() bool { return s.Asked == 0 }

// When is the stretch's first day, or its first and last period's,
// formatted by date: "2026-03-02", "2026-03-02 to 2026-03-08".
func (s Stretch) When(date func(time.Time) string) string {
	if s.Periods > 1 {
		return date(s.Start) + " to " + date(s.Last)
	}
	return date(s.Start)
}

// Stretches returns the last n lines of a no-answer rate, with each run of
// two or more periods in which nothing was asked folded into one line: a
// new bot, or a quiet month, shows as a line, not a column of zeros.
func Stretches(periods []Period, n int) []Stretch {
	var out []Stretch
	for i := 0; i < len(periods); {
		j := i + 1
		for periods[i].Asked == 0 && j < len(periods) && periods[j].Asked == 0 {
			j++
		}
		out = append(out, Stretch{Period: periods[i], Last: periods[j-1].Start, Periods: j - i})
		i = j
	}
	return out[max(0, len(out)-n):]
}

// Rate is n / of, 0 when of is 0.
func Rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// SortSections orders sections by 👍, most first, then by 👎, fewest
// first, then by answers, most first, then by ID.
func SortSections(sections []Section) {
	slices.SortFunc(sections, func(a, b Section) int {
		return cmp.Or(
			cmp.Compare(b.Helpful, a.Helpful),
			cmp.Compare(a.NotHelpful, b.NotHelpful),
			cmp.Compare(b.Answers, a.Answers),
			cmp.Compare(a.ID, b.ID),
		)
	})
}

// MostHelpful returns up to n sections with more 👍 than 👎, the most 👍
// first.
func (r Report) MostHelpful(n int) []Section {
	out := slices.Clone(r.Sections)
	out = slices.DeleteFunc(out, func(s Section) bool { return s.Helpful <= s.NotHelpful })
	SortSections(out)
	return out[:min(n, len(out))]
}

// LeastHelpful returns up to n sections with at least one 👎 and no more
// 👍 than 👎, the most 👎 first: a section is in one list or the other, and
// one as often found helpful as not is worth a look.
func (r Report) LeastHelpful(n int) []Section {
	out := slices.Clone(r.Sections)
	out = slices.DeleteFunc(out, func(s Section) bool { return s.NotHelpful == 0 || s.Helpful > s.NotHelpful })
	slices.SortFunc(out, func(a, b Section) int {
		return cmp.Or(
			cmp.Compare(b.NotHelpful, a.NotHelpful),
			cmp.Compare(a.Helpful, b.Helpful),
			cmp.Compare(b.Answers, a.Answers),
			cmp.Compare(a.ID, b.ID),
		)
	})
	return out[:min(n, len(out))]
}

// Titles fills in the sections' titles with title, which returns "" for a
// section it does not know, those of the sections that answered the top
// questions, and those of the sections that answered the groups' examples.
func (r *Report) Titles(title func(id string) string) {
	for i := range r.Sections {
		r.Sections[i].Title = title(r.Sections[i].ID)
	}
	for i, q := range r.Top {
		if q.Section != "" {
			r.Top[i].Title = title(q.Section)
		}
		r.Top[i].BeforeTitles = nil
		for _, id := range q.Before {
			r.Top[i].BeforeTitles = append(r.Top[i].BeforeTitles, title(id))
		}
	}
	for _, groups := range r.groups() {
		for i, g := range *groups {
			if g.Sections == nil {
				continue
			}
			(*groups)[i].Titles = make([]string, len(g.Sections))
			for j, id := range g.Sections {
				(*groups)[i].Titles[j] = title(id)
			}
		}
	}
}

// Periods returns the periods of bucket that cover since to until, each
// with its start, oldest first; days and weeks (from Monday) start at
// midnight UTC.
func Periods(since, until time.Time, bucket Bucket) []Period {
	var out []Period
	for start := PeriodStart(since, bucket); start.Before(until); start = next(start, bucket) {
		out = append(out, Period{Start: start})
	}
	return out
}

// PeriodStart is the start of the period of bucket that holds t.
func PeriodStart(t time.Time, bucket Bucket) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if bucket == Week {
		back := (int(day.Weekday()) + 6) % 7 // days since Monday
		day = day.AddDate(0, 0, -back)
	}
	return day
}

func next(start time.Time, bucket Bucket) time.Time {
	if bucket == Week {
		return start.AddDate(0, 0, 7)
	}
	return start.AddDate(0, 0, 1)
}

// FillRate sets r.Rate from the questions and no-answers of each day, keyed
// by the day's midnight UTC, adding them up by r.Bucket.
func (r *Report) FillRate(asked, noAnswer, notCovered map[time.Time]int) {
	r.Rate = Periods(r.Since, r.Until, r.Bucket)
	at := make(map[time.Time]int, len(r.Rate))
	for i, p := range r.Rate {
		at[p.Start] = i
	}
	for day, n := range asked {
		if i, ok := at[PeriodStart(day, r.Bucket)]; ok {
			r.Rate[i].Asked += n
			r.Rate[i].NoAnswer += noAnswer[day]
			r.Rate[i].NotCovered += notCovered[day]
		}
	}
	for i := range r.Rate {
		r.Rate[i].Rate = Rate(r.Rate[i].NoAnswer, r.Rate[i].Asked)
	}
}

// Teach says how to teach the guide the wordings the report lists (the
// unanswered questions, the unsure answers', those marked 👎 and the
// refused ones), or "" when it lists none. Examples lift a guide more than anything else its owners can do
// (BENCHMARKS.md, the owner's loop), so the report says how.
func (r Report) Teach() string {
	if len(r.Unanswered)+len(r.UnsureQuestions)+len(r.NotHelpfulQuestions)+len(r.RefusedQuestions) == 0 {
		return ""
	}
	return "To teach the guide these wordings: directorbot report --examples > new.jsonl, name the sections that answer each line (an unsure answer's line names the section that answered, which may be wrong; leave expect empty for a question the guide should not answer; answers marked 👎 and refused questions come as comments: correct them, then take their `# ` away), and append the file to the guide's examples.jsonl."
}
