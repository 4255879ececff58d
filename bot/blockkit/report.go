package blockkit

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// Limits of the report on the admins' Home tab: rows of each list, and
// periods of the no-answer rate (the latest).
const (
	reportRows    = 8
	reportPeriods = 14
	reportBar     = 10
)

// AdminHome builds the App Home tab an admin sees: the report of the
// questions people asked (top questions, unanswered ones and unsure
// answers grouped by wording, sections by 👍 and 👎, the no-answer rate
// over time), what to teach and the lessons taught lately, then the Home
// everyone sees, cut to Slack's 100 blocks.
func (a App) AdminHome(g *content.Guide, r report.Report, t Teaching) slack.HomeTabViewRequest {
	view := a.adminHome(g, r, t, false)
	if raw, err := json.Marshal(view); err != nil || len(raw) > maxViewBytes {
		// The menus' static options, every section five times over, are
		// most of such a Home: menus the bot fills as the admin types
		// weigh nothing.
		view = a.adminHome(g, r, t, true)
	}
	return view
}

// maxViewBytes is the largest view views.publish takes: "greater than
// 250kb" is view_too_large (https://docs.slack.dev/reference/methods/views.publish),
// read as 250,000 bytes of the view's JSON.
const maxViewBytes = 250_000

// adminHome is the admins' Home, its teaching menus typed in (typed) or
// of static options.
func (a App) adminHome(g *content.Guide, r report.Report, t Teaching, typed bool) slack.HomeTabViewRequest {
	teach := teachBlocks(g, t, sectionTitle(g), typed)
	// Where the Home teaches, the report need not say how to.
	blocks := reportBlocks(g, r.Marked(func(q string) bool { return t.Taught[q] }), len(teach) == 0)
	blocks = append(blocks, teach...)
	blocks = append(blocks, slack.NewDividerBlock())
	home := a.Home(g).Blocks.BlockSet
	if room := maxHomeBlocks - len(blocks); len(home) > room {
		home = append(home[:room-1:room-1], contextLine("_…and more topics: ask me about any of them._"))
	}
	blocks = append(blocks, home...)
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// reportBlocks renders the report as at most 14 blocks, for the Home tab:
// every text within Slack's limits, user text escaped; with hint, how to
// teach the guide the questions it lists.
func reportBlocks(g *content.Guide, r report.Report, hint bool) []slack.Block {
	days := int(r.Until.Sub(r.Since).Round(time.Hour).Hours() / 24)
	blocks := []slack.Block{
		header(fmt.Sprintf("Guide report: the last %d days", days)),
		section(fmt.Sprintf("*%d* %s · *%d* answered · *%d* without an answer (%s) · 👍 %d · 👎 %d",
			r.Asked, inflect(r.Asked, "question", "questions"), r.Answered, r.NoAnswer, report.Share(r.Asked, r.NoAnswerRate), r.Helpful, r.NotHelpful)),
		contextLine(fmt.Sprintf("From %s to %s. Only admins see this. The full report: `directorbot report --since %dd`.",
			r.Since.UTC().Format(time.DateOnly), r.Until.UTC().Format(time.DateOnly), days)),
	}
	title := sectionTitle(g)
	if r.Asked == 0 {
		blocks = append(blocks, section("_No questions were asked in this window._"))
		if r.Helpful+r.NotHelpful > 0 {
			// Votes on sections opened by a button need no question.
			blocks = append(blocks, helpfulBlocks(r, title)...)
		}
		return blocks
	}
	if notes := reportNotes(r); notes != "" {
		blocks = append(blocks, contextLine(notes))
	}
	var lines []string
	for _, q := range r.Top {
		by := ""
		if answers := q.Answers(title); answers != "" {
			by = " → " + answers
		}
		lines = append(lines, fmt.Sprintf("• %d× %s%s%s%s", q.Asked, quote(q.Text), by, unanswered(q), votes(q)))
	}
	blocks = append(blocks, listSection("*Top questions*", lines, reportRows, r.Left.Top))

	blocks = append(blocks,
		listSection("*Unanswered, not in the guide, grouped by topic words*", groupLines(r.Unanswered, title), reportRows, r.Left.Unanswered),
		listSection("*Refused as for others to answer, grouped by topic words*", groupLines(r.RefusedQuestions, title), reportRows, r.Left.Refused),
		listSection("*Answered with only the closest the guide has, grouped by topic words*", groupLines(r.UnsureQuestions, title), reportRows, r.Left.Unsure),
		listSection("*"+report.ElsewhereTitle+", grouped by topic words*", groupLines(r.ElsewhereQuestions, title), reportRows, r.Left.Elsewhere),
		listSection("*Answers marked 👎, grouped by topic words*", groupLines(r.NotHelpfulQuestions, title), reportRows, r.Left.NotHelpful))
	if teach := r.Teach(); teach != "" && hint {
		blocks = append(blocks, contextLine(escape(teach)))
	}

	blocks = append(blocks, helpfulBlocks(r, title)...)

	lines = nil
	for _, p := range report.Stretches(r.Rate, reportPeriods) {
		if p.Quiet() {
			lines = append(lines, p.When(func(t time.Time) string { return "`" + t.Format(time.DateOnly) + "`" })+" nothing asked")
			continue
		}
		bar := report.Bar(p.Rate, reportBar)
		bar += strings.Repeat("░", reportBar-len([]rune(bar)))
		lines = append(lines, fmt.Sprintf("`%s` `%s` %s (%d of %d; %d not in the guide)", p.Start.Format(time.DateOnly), bar, report.Percent(p.Rate), p.NoAnswer, p.Asked, p.NotCovered))
	}
	blocks = append(blocks, listSection("*No-answer rate per "+string(r.Bucket)+"*", lines, len(lines), 0))
	return blocks
}

// helpfulBlocks lists the most and the least helpful sections, each
// with the questions it answered, when it answered any (a section opened
// by a button has votes too).
func helpfulBlocks(r report.Report, title func(string) string) []slack.Block {
	answers := func(s report.Section) string {
		if s.Answers == 0 {
			return ""
		}
		return fmt.Sprintf(" (%d %s)", s.Answers, inflect(s.Answers, "answer", "answers"))
	}
	var most, least []string
	for _, s := range r.MostHelpful(reportRows) {
		most = append(most, fmt.Sprintf("• 👍 %d · 👎 %d · %s%s", s.Helpful, s.NotHelpful, title(s.ID), answers(s)))
	}
	for _, s := range r.LeastHelpful(reportRows) {
		least = append(least, fmt.Sprintf("• 👎 %d · 👍 %d · %s%s", s.NotHelpful, s.Helpful, title(s.ID), answers(s)))
	}
	return []slack.Block{listSection("*Most helpful sections*", most, reportRows, 0), listSection("*Least helpful sections*", least, reportRows, 0)}
}

// reportNotes tells why the questions without an answer had none, how
// many answers were only the closest the guide has or from another role's
// part, and where the questions were asked; "" when there is nothing to
// tell.
func reportNotes(r report.Report) string {
	var why, out []string
	if r.NotCovered > 0 {
		why = append(why, fmt.Sprintf("%d %s not in the guide", r.NotCovered, inflect(r.NotCovered, "is", "are")))
	}
	if n := r.Refused.Total(); n > 0 {
		why = append(why, fmt.Sprintf("%d %s for others to answer (%s)", n, inflect(n, "was", "were"), strings.Join(r.Refused.Reasons(), ", ")))
	}
	if len(why) > 0 {
		out = append(out, "Of those without an answer, "+strings.Join(why, " and ")+".")
	}
	var answers []string
	if r.Unsure > 0 {
		answers = append(answers, fmt.Sprintf("%d %s only the closest the guide has", r.Unsure, inflect(r.Unsure, "was", "were")))
	}
	if r.Elsewhere > 0 {
		answers = append(answers, fmt.Sprintf("%d %s from another role's part than the one asked about", r.Elsewhere, inflect(r.Elsewhere, "was", "were")))
	}
	if len(answers) > 0 {
		out = append(out, "Of the answers, "+strings.Join(answers, " and ")+".")
	}
	if split := r.Split(); split != "" {
		out = append(out, "By where asked: "+split+".")
	}
	return strings.Join(out, " ")
}

// inflect is the word that agrees with a count: one for 1, many
// otherwise ("is"/"are", "row"/"rows"); plural also says the count.
func inflect(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sectionTitle names a section of g by its ID, escaped, or says that the
// guide no longer has it.
func sectionTitle(g *content.Guide) func(id string) string {
	return func(id string) string {
		if s, ok := g.Section(id); ok {
			return escape(s.Title)
		}
		return "`" + escape(id) + "` _(no longer in the guide)_"
	}
}

// groupLines are the report's first groups of questions, a line each:
// how often, the topic words, the examples, each with why it was refused,
// the section that answered it, as title names it, or that it was taught
// since.
func groupLines(groups []report.Group, title func(id string) string) []string {
	var lines []string
	for _, grp := range groups {
		words := "_no topic words_"
		if len(grp.Words) > 0 {
			words = "*" + escape(strings.Join(grp.Words, " ")) + "*"
		}
		examples := make([]string, len(grp.Examples))
		for i, e := range grp.Examples {
			examples[i] = quote(e) + grp.Told(i, title, true)
		}
		lines = append(lines, fmt.Sprintf("• %d× %s: %s", grp.Asked, words, strings.Join(examples, ", ")))
	}
	return lines
}

// quote is a question as the report shows it: escaped, in quotes, at most
// 150 characters.
func quote(q string) string {
	return "“" + truncateEscaped(escape(strings.Join(strings.Fields(q), " ")), 150) + "”"
}

// votes tells a top question's 👍 and 👎, "" when it has none.
func votes(q report.Question) string {
	if q.Helpful+q.NotHelpful == 0 {
		return ""
	}
	return fmt.Sprintf(" · 👍 %d · 👎 %d", q.Helpful, q.NotHelpful)
}

func unanswered(q report.Question) string {
	switch missing := q.Asked - q.Answered; {
	case missing == q.Asked:
		return " _(no answer)_"
	case missing > 0:
		return fmt.Sprintf(" _(%d without an answer)_", missing)
	}
	return ""
}

// listSection is a titled list in one section: at most limit lines, as
// many as fit in Slack's 3,000 characters, and how many more the full
// report has (left: those the report's limit left out); "none" for no
// lines.
func listSection(title string, lines []string, limit, left int) slack.Block {
	text := title
	if len(lines) == 0 {
		text += "\n_none_"
	}
	shown := 0
	more := len([]rune(fmt.Sprintf(moreLine, len(lines)+left)))
	for _, l := range lines[:min(limit, len(lines))] {
		if len([]rune(text))+1+len([]rune(l))+more > maxSectionText {
			break
		}
		text += "\n" + l
		shown++
	}
	if more := len(lines) - shown + left; more > 0 {
		text += fmt.Sprintf(moreLine, more)
	}
	return section(text)
}

// moreLine says how many lines of a list the Home leaves out, which
// listSection keeps room for.
const moreLine = "\n_…and %d more in `directorbot report`_"
