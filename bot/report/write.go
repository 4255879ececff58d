package report

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/directorbot/directorbot/content"
)

// TextRows bounds the rows of the text report's tables of sections; its
// lists of questions show as many as the report's limit keeps, and the
// no-answer rate up to RatePeriods periods.
const (
	TextRows    = 15
	RatePeriods = 60
)

// WriteText prints the report for a terminal: a summary line, then one
// table a part, numbers right-aligned.
func WriteText(w io.Writer, r Report) error {
	p := &printer{w: w}
	p.printf("Guide report: %s\n\n", window(r.Since, r.Until))
	p.printf("asked %d   answered %d   no answer %d (%s)   helpful %d   not helpful %d\n",
		r.Asked, r.Answered, r.NoAnswer, Share(r.Asked, r.NoAnswerRate), r.Helpful, r.NotHelpful)
	section := func(s Section) string {
		return fmt.Sprintf("%d\t%d\t%d\t%s", s.Helpful, s.NotHelpful, s.Answers, SectionName(s))
	}
	helpful := func() {
		most, least := r.MostHelpful(TextRows), r.LeastHelpful(TextRows)
		p.table("Most helpful sections (👍)", "helpful\tnot helpful\tanswers\tsection", len(most), 0, func(i int) string { return section(most[i]) })
		p.table("Least helpful sections (👎)", "helpful\tnot helpful\tanswers\tsection", len(least), 0, func(i int) string { return section(least[i]) })
	}
	if r.Asked == 0 {
		p.printf("\nNo questions were asked in this window.\n")
		if r.Helpful+r.NotHelpful > 0 {
			// Votes on sections opened by a button need no question.
			helpful()
		}
		return p.err
	}
	others := "none"
	if reasons := r.Refused.Reasons(); len(reasons) > 0 {
		others = strings.Join(reasons, ", ")
	}
	p.printf("of the no answers: %d not in the guide; for others to answer: %s\n", r.NotCovered, others)
	p.printf("of the answers: %d only the closest the guide has, %d from another role's part than the one asked about\n", r.Unsure, r.Elsewhere)
	if split := r.Split(); split != "" {
		p.printf("by where asked: %s\n", split)
	}

	p.table("Top questions", "asked\tanswered\thelpful\tnot helpful\tquestion\tanswered by", len(r.Top), r.Left.Top, func(i int) string {
		q := r.Top[i]
		by := "—"
		if q.Section != "" {
			by = oneLine(q.Answers(q.Titled))
		}
		return fmt.Sprintf("%d\t%d\t%d\t%d\t%s\t%s", q.Asked, q.Answered, q.Helpful, q.NotHelpful, oneLine(q.Text), by)
	})
	groups := func(title string, gs []Group, left int) {
		p.table(title, "asked\ttopic words\texamples", len(gs), left, func(i int) string {
			g := gs[i]
			return fmt.Sprintf("%d\t%s\t%s", g.Asked, wordsOf(g), oneLine(strings.Join(g.Noted(true), " | ")))
		})
	}
	groups("Unanswered questions the guide does not cover, grouped by topic words", r.Unanswered, r.Left.Unanswered)
	groups("Refused as for others to answer, grouped by topic words", r.RefusedQuestions, r.Left.Refused)
	groups("Answered with only the closest the guide has, grouped by topic words", r.UnsureQuestions, r.Left.Unsure)
	groups(ElsewhereTitle+", grouped by topic words", r.ElsewhereQuestions, r.Left.Elsewhere)
	groups("Answers marked 👎, grouped by topic words", r.NotHelpfulQuestions, r.Left.NotHelpful)
	if teach := r.Teach(); teach != "" {
		p.printf("\n%s\n", teach)
	}
	helpful()
	// The rate shows its latest RatePeriods lines, oldest first.
	rate := Stretches(r.Rate, RatePeriods)
	if shown := periodsIn(rate); shown < len(r.Rate) {
		p.printf("\n(the first %d periods of the window are left out)", len(r.Rate)-shown)
	}
	p.rows = RatePeriods
	p.table("No-answer rate per "+string(r.Bucket), string(r.Bucket)+"\tasked\tno answer\tnot in the guide\trate\t", len(rate), 0, func(i int) string {
		q := rate[i]
		if q.Quiet() {
			return fmt.Sprintf("%s\t0\t0\t0\t—\tnothing asked", q.When(dateOnly))
		}
		return fmt.Sprintf("%s\t%d\t%d\t%d\t%s\t%s", q.Start.Format(time.DateOnly), q.Asked, q.NoAnswer, q.NotCovered, Percent(q.Rate), Bar(q.Rate, 20))
	})
	return p.err
}

// window says when since to until is and how long, in the unit it is
// whole in, as --since asks for it: hours, with the times, when it is not
// whole days ("2026-12-03 21:30 to 2026-12-05 09:30 UTC (36 hours)"); weeks
// when it is two or more whole weeks ("(2 weeks)"); else days ("(7 days)").
func window(since, until time.Time) string {
	hours := int(until.Sub(since).Round(time.Hour).Hours())
	if hours%24 != 0 {
		const minutes = "2006-01-02 15:04"
		return fmt.Sprintf("%s to %s UTC (%s)", since.UTC().Format(minutes), until.UTC().Format(minutes), Quantity(hours, "hour"))
	}
	length := Quantity(hours/24, "day")
	if weeks := hours / (7 * 24); weeks >= 2 && hours%(7*24) == 0 {
		length = Quantity(weeks, "week")
	}
	return fmt.Sprintf("%s to %s (%s)", dateOnly(since.UTC()), dateOnly(until.UTC()), length)
}

// Quantity says n of unit, in the plural but for 1: "1 day", "36 hours".
func Quantity(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

func dateOnly(t time.Time) string { return t.Format(time.DateOnly) }

// periodsIn counts the periods that stretches cover.
func periodsIn(stretches []Stretch) int {
	n := 0
	for _, s := range stretches {
		n += s.Periods
	}
	return n
}

// printer writes until the first error, and keeps it.
type printer struct {
	w   io.Writer
	err error
	// rows bounds the rows of a table; 0 means all.
	rows int
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// table prints a titled table of its n rows, or of up to p.rows when set,
// or "none": cells apart by two spaces, numbers (and dates) right-aligned,
// text left-aligned and the last column unpadded. left counts the rows
// the report's limit left out, told with those p.rows leaves out.
func (p *printer) table(title, head string, n, left int, row func(i int) string) {
	p.printf("\n%s\n", title)
	if n == 0 && left == 0 {
		p.printf("  none\n")
		return
	}
	limit := cmp.Or(p.rows, n)
	rows := [][]string{strings.Split(head, "\t")}
	for i := range min(n, limit) {
		rows = append(rows, strings.Split(row(i), "\t"))
	}
	cols := len(rows[0])
	width := make([]int, cols)
	right := make([]bool, cols)
	for c := range cols {
		right[c] = true
		for i, r := range rows {
			width[c] = max(width[c], utf8.RuneCountInString(r[c]))
			if i > 0 && !numeric(r[c]) {
				right[c] = false
			}
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for c, cell := range r {
			pad := strings.Repeat(" ", width[c]-utf8.RuneCountInString(cell))
			switch {
			case right[c]:
				b.WriteString(pad + cell)
			case c < cols-1:
				b.WriteString(cell + pad)
			default:
				b.WriteString(cell)
			}
			if c < cols-1 {
				b.WriteString("  ")
			}
		}
		p.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
	switch more := max(0, n-limit) + left; {
	case left > 0:
		p.printf("  …and %d more (--limit shows more)\n", more)
	case more > 0:
		p.printf("  …and %d more\n", more)
	}
}

// numeric reports whether a cell is a number, a percentage, a date or "—"
// (no rate), which line up on the right.
func numeric(cell string) bool {
	return cell != "" && strings.Trim(cell, "0123456789.-%—") == ""
}

// SectionName is a section's title and ID, or its ID alone when its title
// is unknown.
func SectionName(s Section) string {
	if s.Title == "" {
		return s.ID
	}
	return s.Title + " (" + s.ID + ")"
}

func wordsOf(g Group) string {
	if len(g.Words) == 0 {
		return "(no topic words)"
	}
	return strings.Join(g.Words, " ")
}

// oneLine keeps a question on one line, at most 100 characters.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 100 {
		return string(r[:99]) + "…"
	}
	return s
}

// Percent formats a rate as a percentage with one decimal.
func Percent(rate float64) string {
	return strconv.FormatFloat(100*rate, 'f', 1, 64) + "%"
}

// Share formats a rate of n questions asked as Percent does, or "—" when
// none was: 0 % would read as every question answered.
func Share(n int, rate float64) string {
	if n == 0 {
		return "—"
	}
	return Percent(rate)
}

// Bar draws a rate as a bar of up to width blocks.
func Bar(rate float64, width int) string {
	n := int(rate*float64(width) + 0.5)
	return strings.Repeat("█", min(max(n, 0), width))
}

// WriteJSON prints the report as one indented JSON object.
func WriteJSON(w io.Writer, r Report) error {
	if r.Top == nil {
		r.Top = []Question{}
	}
	for _, groups := range r.groups() {
		if *groups == nil {
			*groups = []Group{}
		}
	}
	if r.Sections == nil {
		r.Sections = []Section{}
	}
	if r.Surfaces == nil {
		r.Surfaces = []Surface{}
	}
	if r.Rate == nil {
		r.Rate = []Period{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// report has Report's fields; the rate below stands for its own.
	type report Report
	return enc.Encode(struct {
		report
		NoAnswerRate *float64 `json:"no_answer_rate"`
	}{report(r), asked(r.Asked, r.NoAnswerRate)})
}

// WriteExamples writes the example questions of the unanswered groups,
// then of the unsure ones, as lines of a guide's examples.jsonl
// (content.ExamplesFile), each question once: an unanswered one with no
// sections yet, an unsure one with the section that answered it: by its
// title (Report.Titles), else by its ID, which a guide that lacks it
// refuses to load with, rather than read as a question not to answer.
// Answers marked 👎 and refused questions follow as comments, under a
// comment saying what to correct: appended as they stand, the section
// that answered would teach the answer people marked unhelpful, and an
// empty expect would keep refusing a question after its rule is mended,
// so each is taught only once its owner has read it and taken the "# "
// away. Answers from another role's part are left out: they ask for a
// part of the guide to be written. A guide's owners name or correct the
// sections, keep an empty expect for a question the guide should not
// answer, or leave a question out, and append the lines to the guide's
// examples.
func WriteExamples(w io.Writer, r Report) error {
	written := map[string]bool{}
	notHelpful := map[string]bool{}
	for _, g := range r.NotHelpfulQuestions {
		for _, q := range g.Examples {
			notHelpful[q] = true
		}
	}
	// An unsure answer marked 👎 is written among the 👎, to be corrected.
	sure := func(q string) bool { return !notHelpful[q] }
	if err := writeExampleLines(w, "", slices.Concat(r.Unanswered, r.UnsureQuestions), sure, written); err != nil {
		return err
	}
	for _, part := range []struct {
		groups []Group
		about  string
	}{
		{r.NotHelpfulQuestions, "# Answers marked 👎, each with the section that answered it, which may be wrong: correct its expect (or [] for a question the guide should not answer), then take the \"# \" away to teach it."},
		{r.RefusedQuestions, "# Questions refused as for others to answer: where the guide does answer one, name its section in expect, then take the \"# \" away to teach it."},
	} {
		if err := writeExampleLines(w, part.about, part.groups, nil, written); err != nil {
			return err
		}
	}
	return nil
}

// writeExampleLines writes the groups' questions that keep allows (all,
// when nil) and written does not hold yet as examples.jsonl lines, each
// with the section that answered it; with about, as comments under it.
func writeExampleLines(w io.Writer, about string, groups []Group, keep func(string) bool, written map[string]bool) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, g := range groups {
		for i, q := range g.Examples {
			if written[q] || keep != nil && !keep(q) {
				continue
			}
			written[q] = true
			expect := []string{}
			switch {
			case i < len(g.Titles) && g.Titles[i] != "":
				expect = []string{g.Titles[i]}
			case i < len(g.Sections) && g.Sections[i] != "":
				expect = []string{g.Sections[i]}
			}
			if about != "" {
				b.WriteString("# ")
			}
			if err := enc.Encode(content.Question{Text: q, Expect: expect}); err != nil {
				return err
			}
		}
	}
	if b.Len() > 0 && about != "" {
		if _, err := fmt.Fprintln(w, about); err != nil {
			return err
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// CSVHeader is the header row of WriteCSV. Each row is one item of one
// part of the report, named in the first column: "total",
// "no_answer_reason" (item: not_covered, outside_topic, other_role,
// company_fact, request, conversation or opinion), "answer_kind" (item: unsure, the answers that were only
// the closest the guide has, or elsewhere, those from another role's part), "surface" (item: slash,
// mention or dm, where the questions were asked; rate: their no-answer rate), "top_question" (detail: the ID of the section
// that answered it last, then of those that did before, the latest first,
// " | " apart; helpful, not_helpful: its answers' latest votes),
// "unanswered" (item: the topic words; detail: examples, " | " apart),
// "unsure_question" (answers that were only the closest the guide has,
// grouped as "unanswered"), "elsewhere_question" (answers from another
// role's part than the one asked about; detail: each example with the
// section that answered it), "refused_question" (no-answers refused as for
// others to answer; detail: each example with its reason),
// "not_helpful_question" (answers marked 👎; detail: each example with the
// section that answered it),
// "taught_question" (item: a question of those groups already taught on
// the admins' Home, Report.Marked; detail: its group's topic words),
// "section" (item: the section ID; detail: its title) and
// "no_answer_rate" (item: the period's first day; rate: empty when
// nothing was asked; detail: how many of the no-answers the guide does
// not cover).
var CSVHeader = []string{"part", "item", "asked", "answered", "no_answer", "helpful", "not_helpful", "rate", "detail"}

// WriteCSV prints the report as CSV, every row of every part.
func WriteCSV(w io.Writer, r Report) error {
	cw := csv.NewWriter(w)
	n := strconv.Itoa
	// A rate of nothing asked is an empty cell, which a chart leaves
	// out, where 0 would read as all answered.
	rate := func(asked int, f float64) string {
		if asked == 0 {
			return ""
		}
		return strconv.FormatFloat(f, 'f', 4, 64)
	}
	// A copy: the cells are defused in place below.
	rows := [][]string{slices.Clone(CSVHeader)}
	rows = append(rows, []string{"total", r.Since.UTC().Format(time.RFC3339) + "/" + r.Until.UTC().Format(time.RFC3339),
		n(r.Asked), n(r.Answered), n(r.NoAnswer), n(r.Helpful), n(r.NotHelpful), rate(r.Asked, r.NoAnswerRate), ""})
	for _, f := range []struct {
		item string
		n    int
	}{{"not_covered", r.NotCovered}, {"outside_topic", r.Refused.OutsideTopic}, {"other_role", r.Refused.OtherRole}, {"company_fact", r.Refused.CompanyFact},
		{"request", r.Refused.Request}, {"conversation", r.Refused.Conversation}, {"opinion", r.Refused.Opinion}} {
		rows = append(rows, []string{"no_answer_reason", f.item, n(f.n), "0", n(f.n), "", "", "", ""})
	}
	rows = append(rows, []string{"answer_kind", "unsure", n(r.Unsure), n(r.Unsure), "0", "", "", "", ""},
		[]string{"answer_kind", "elsewhere", n(r.Elsewhere), n(r.Elsewhere), "0", "", "", "", ""})
	for _, s := range r.Surfaces {
		rows = append(rows, []string{"surface", s.Name, n(s.Asked), n(s.Answered), n(s.Asked - s.Answered), n(s.Helpful), n(s.NotHelpful), rate(s.Asked, Rate(s.Asked-s.Answered, s.Asked)), ""})
	}
	for _, q := range r.Top {
		rows = append(rows, []string{"top_question", q.Text, n(q.Asked), n(q.Answered), n(q.Asked - q.Answered), n(q.Helpful), n(q.NotHelpful), "", strings.Join(append([]string{q.Section}, q.Before...), " | ")})
	}
	for _, g := range r.Unanswered {
		rows = append(rows, []string{"unanswered", strings.Join(g.Words, " "), n(g.Asked), "0", n(g.Asked), "", "", "", strings.Join(g.Examples, " | ")})
	}
	for _, g := range r.UnsureQuestions {
		rows = append(rows, []string{"unsure_question", strings.Join(g.Words, " "), n(g.Asked), n(g.Asked), "0", "", "", "", strings.Join(g.Examples, " | ")})
	}
	for _, g := range r.ElsewhereQuestions {
		rows = append(rows, []string{"elsewhere_question", strings.Join(g.Words, " "), n(g.Asked), n(g.Asked), "0", "", "", "", strings.Join(g.Noted(false), " | ")})
	}
	for _, g := range r.RefusedQuestions {
		rows = append(rows, []string{"refused_question", strings.Join(g.Words, " "), n(g.Asked), "0", n(g.Asked), "", "", "", strings.Join(g.Noted(false), " | ")})
	}
	for _, g := range r.NotHelpfulQuestions {
		rows = append(rows, []string{"not_helpful_question", strings.Join(g.Words, " "), n(g.Asked), n(g.Asked), "0", "", n(g.Asked), "", strings.Join(g.Noted(false), " | ")})
	}
	for _, gs := range r.groups() {
		for _, g := range *gs {
			for _, q := range g.Taught {
				rows = append(rows, []string{"taught_question", q, "", "", "", "", "", "", strings.Join(g.Words, " ")})
			}
		}
	}
	for _, l := range []struct {
		list string
		n    int
	}{{"top_questions", r.Left.Top}, {"unanswered", r.Left.Unanswered}, {"unsure_questions", r.Left.Unsure}, {"elsewhere_questions", r.Left.Elsewhere},
		{"refused_questions", r.Left.Refused}, {"not_helpful_questions", r.Left.NotHelpful}} {
		// How many questions or groups the list above left out.
		rows = append(rows, []string{"left_out", l.list, n(l.n), "", "", "", "", "", ""})
	}
	for _, s := range r.Sections {
		rows = append(rows, []string{"section", s.ID, "", n(s.Answers), "", n(s.Helpful), n(s.NotHelpful), "", s.Title})
	}
	for _, p := range r.Rate {
		rows = append(rows, []string{"no_answer_rate", p.Start.Format(time.DateOnly), n(p.Asked), n(p.Asked - p.NoAnswer), n(p.NoAnswer), "", "", rate(p.Asked, p.Rate), n(p.NotCovered)})
	}
	for _, row := range rows {
		for i, cell := range row {
			row[i] = defuse(cell)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// defuse keeps a spreadsheet from reading a cell that starts with =, +, -
// or @ as a formula: questions are typed by anyone.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
