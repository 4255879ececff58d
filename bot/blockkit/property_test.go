package blockkit

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
	"github.com/slack-go/slack"
)

// The property: every message the bot can send about a guide is one Slack
// accepts (fakeslack.ValidateMessage and ValidateView, the fake Slack's
// own rules), with its table last, and shows no text of the guide or of a
// question as markup, so that no content can ping a channel.

// questionSets are the question sets that guard search quality.
var questionSets = []string{"index/testdata/questions.jsonl", "content/examples.jsonl", "index/testdata/heldout.jsonl"}

func loadQuestions(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, name := range questionSets {
		cases, err := quality.LoadSet("../../" + name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, quality.Questions(cases)...)
	}
	return out
}

// sender checks every message of one guide.
type sender struct {
	t  *testing.T
	g  *content.Guide
	ix *index.Index
	// escaped also checks that no text could ping people.
	escaped bool
	sent    int
}

// send checks a message, and every message that continues it.
func (s *sender) send(name string, msg Message, private bool) {
	s.t.Helper()
	for page := 1; ; page++ {
		s.sent++
		checkMessage(s.t, name, msg)
		if s.escaped {
			checkEscaped(s.t, name, msg)
		}
		value, ok := moreButton(msg)
		if !ok {
			return
		}
		id, from, _ := parseMoreValue(value)
		next, ok := More(s.g, value, private)
		if !ok {
			s.t.Errorf("%s page %d: Continue reading leads nowhere (%q)", name, page, value)
			return
		}
		if nextValue, more := moreButton(next); more {
			if _, nextFrom, _ := parseMoreValue(nextValue); nextFrom <= from {
				s.t.Fatalf("%s: Continue reading from unit %d of %s goes back to %d", name, from, id, nextFrom)
			}
		}
		msg, name = next, fmt.Sprintf("%s (page %d)", name, page+1)
	}
}

// moreButton returns the value of a message's Continue reading button.
func moreButton(m Message) (string, bool) {
	for _, b := range m.Blocks {
		if act, ok := b.(*slack.ActionBlock); ok {
			for _, e := range act.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && ActionOf(btn.ActionID) == ActionMore {
					return btn.Value, true
				}
			}
		}
	}
	return "", false
}

// everything sends every message the guide can give: the reply to each
// question; each section as a topic and shared; each section opening with
// each of its passages, and with each row of its tables matched; each
// table in full; help, a no-answer, the stock replies and Home.
func (s *sender) everything(questions []string) {
	s.t.Helper()
	ctx := context.Background()
	for _, q := range questions {
		for _, private := range []bool{true, false} {
			msg, _, err := replyTo(ctx, s.ix, q, "", private, "", Keeping{})
			if err != nil {
				s.t.Fatal(err)
			}
			s.send(fmt.Sprintf("reply to %q", q), msg, private)
		}
	}
	sections := s.g.Sections()
	someRelated := sections[:min(maxRelatedTopics, len(sections))]
	for _, sec := range sections {
		msg, ok := Topic(s.g, sec.ID, true)
		if !ok {
			s.t.Fatalf("no topic %s", sec.ID)
		}
		s.send("topic "+sec.ID, msg, true)
		shared, _ := Shared(s.g, sec.ID, "U1")
		s.sent++
		checkMessage(s.t, "shared "+sec.ID, shared)
		if s.escaped {
			// The sharer's mention is the bot's own, and the only one.
			withoutSharer := shared
			withoutSharer.Blocks = nil
			for _, b := range shared.Blocks {
				if c, ok := b.(*slack.ContextBlock); ok && len(c.ContextElements.Elements) == 1 {
					if t, ok := c.ContextElements.Elements[0].(*slack.TextBlockObject); ok && t.Text == "Shared by <@U1>" {
						continue
					}
				}
				withoutSharer.Blocks = append(withoutSharer.Blocks, b)
			}
			checkEscaped(s.t, "shared "+sec.ID, withoutSharer)
		}
		for bi, b := range sec.Blocks() {
			var passages []string
			switch b.Kind {
			case content.List:
				for _, it := range b.Items {
					passages = append(passages, it.Plain())
				}
			case content.Paragraph, content.Example:
				passages = []string{b.Plain()}
			}
			for ii, p := range passages {
				hit := index.Hit{Section: sec, Passage: &index.Passage{Block: bi, Item: ii, Text: p}}
				// Every other answer is unsure: its note takes a block and text.
				s.send(fmt.Sprintf("%s with passage %d.%d", sec.ID, bi, ii), renderAnswer(answer{hit: hit, related: someRelated, private: true, unsure: (bi+ii)%2 == 0}), true)
			}
		}
		for ti, tab := range sec.Tables() {
			msg, ok := FullTable(s.g, tableValue(sec.ID, ti), true)
			if !ok {
				s.t.Fatalf("no table %s#%d", sec.ID, ti)
			}
			s.send(fmt.Sprintf("full table %s#%d", sec.ID, ti), msg, true)
			var all []index.RowRef
			for ri := range tab.Rows {
				all = append(all, index.RowRef{Table: ti, Row: ri})
				hit := index.Hit{Section: sec, Rows: []index.RowRef{{Table: ti, Row: ri}}}
				s.send(fmt.Sprintf("%s row %d.%d", sec.ID, ti, ri), renderAnswer(answer{hit: hit, related: someRelated, private: true, unsure: ri%2 == 1}), true)
			}
			if len(all) > 1 {
				hit := index.Hit{Section: sec, Rows: all[:len(all)-1]}
				s.send(fmt.Sprintf("%s all rows but one of %d", sec.ID, ti), renderAnswer(answer{hit: hit, related: sections, unsure: true}), false)
			}
		}
	}
	for name, msg := range map[string]Message{
		"help":      App{}.renderHelp(s.g),
		"no answer": App{}.renderNoAnswer(strings.Repeat("why <!channel> ", 300), index.NotCovered, "", sections),
		"gone":      App{}.Gone(), "sorry": Sorry(),
		"thanks": App{}.Thanks(true), "thanks, not helpful": App{}.Thanks(false),
	} {
		s.send(name, msg, true)
	}
	for why, reason := range reasons {
		s.send(fmt.Sprintf("no answer, reason %d", why), App{}.renderNoAnswer("why <!channel>", why, reason, sections), true)
	}
	for _, why := range []index.Reason{index.OutsideTopic, index.OtherRole} {
		s.send(fmt.Sprintf("no answer, reason %d, naming the guide's roles", why), App{}.renderNoAnswer("why <!channel>", why, reasonFor(s.ix.Roles(), why, "CTO"), sections), true)
	}
	s.transition()
	home := App{}.Home(s.g)
	checkView(s.t, "home", home)
	if s.escaped {
		checkEscaped(s.t, "home", home)
	}
}

func TestEveryMessageOfTheGuideFitsSlack(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	s := &sender{t: t, g: ix.Guide(), ix: ix, escaped: true}
	s.everything(loadQuestions(t))
	t.Logf("%d messages", s.sent)
}

// hostileGuide has every shape that could break a limit or smuggle in
// markup: tables of 150 rows, of 30 columns, with empty cells and with
// more text than a table may hold; 5,000-character paragraphs; 80
// subsections; 120 topics; 200-character titles; more tables in a section
// than a message has buttons; and mentions and HTML in every place.
func hostileGuide(t *testing.T) string {
	t.Helper()
	const hostile = "<!channel> <!here> <@U123> <#C1> <!subteam^S1> & <script>alert(1)</script>"
	long := strings.Repeat("Long title word ", 13) // 208 characters
	sentences := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString("A sentence about budgets & <!channel> with many words in it. ")
		}
		return b.String()
	}
	var b strings.Builder
	b.WriteString("# " + long + hostile + "\n\n")
	b.WriteString(sentences(5000) + "\n\n")
	b.WriteString(strings.Repeat("x", 7000) + "\n\n")
	b.WriteString("> " + sentences(5000) + " <@U123>\n\n")
	b.WriteString("## Big table " + hostile + "\n\n" + sentences(5000) + "\n\n| Name | Value | Note |\n|---|---|---|\n")
	for i := range 150 {
		note := ""
		if i%3 == 0 {
			note = hostile
		}
		fmt.Fprintf(&b, "| row %d | %s | %s |\n", i, strings.Repeat("value ", i%40), note)
	}
	b.WriteString("\n## Wide table\n\n|" + strings.Repeat(" col |", 30) + "\n|" + strings.Repeat("---|", 30) + "\n")
	for range 5 {
		b.WriteString("|" + strings.Repeat(" cell |  |", 15) + "\n")
	}
	b.WriteString("\n## Heavy table\n\nCells with more text than a table may hold.\n\n| A | B | C | D | E |\n|---|---|---|---|---|\n")
	for range 60 {
		b.WriteString("|" + strings.Repeat(" "+strings.Repeat("heavy ", 12)+"|", 5) + "\n")
	}
	b.WriteString("| " + strings.Repeat("huge cell ", 300) + " | x | | | y |\n")
	b.WriteString("\n## Many tables\n\n")
	for i := range 30 {
		fmt.Fprintf(&b, "### Table %d %s\n\n| k | v |\n|---|---|\n| a | |\n\n", i, long)
	}
	b.WriteString("## Many subsections " + long + "\n\n")
	for i := range 80 {
		fmt.Fprintf(&b, "### Sub %d %s\n\n- %s\n- %s\n\n%s\n\n", i, long, strings.Repeat("item ", 100), hostile, sentences(400))
	}
	for i := range 120 {
		fmt.Fprintf(&b, "## Topic %d %s\n\ntext %s\n\n", i, long, hostile)
	}
	return b.String()
}

func TestEveryMessageOfAHostileGuideFitsSlack(t *testing.T) {
	t.Parallel()
	ix := guidetest.Page(t, hostileGuide(t))
	s := &sender{t: t, g: ix.Guide(), ix: ix, escaped: true}
	s.everything([]string{
		"big table", "wide table", "heavy table", "many tables", "many subsections", "sub 7", "topic 12",
		"row 12 value", "budgets", "long title word", "<!channel>", "<@U123> sentence", "pizza <!here>", "",
	})
	t.Logf("%d messages", s.sent)
	// The mentions are shown, escaped, not dropped.
	msg, _ := Topic(ix.Guide(), ix.Guide().Sections()[0].ID, true)
	if all := strings.Join(texts(decode(t, msg)), "\n"); !strings.Contains(all, "&lt;!channel&gt;") || !strings.Contains(all, "&lt;@U123&gt;") {
		t.Errorf("the guide's mentions should show as text")
	}
}
