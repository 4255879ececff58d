package bot

import (
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// Answer is what the bot found for a question, ready to render.
type Answer struct {
	Hit index.Hit
	// Related are other topics worth offering as buttons.
	Related []*content.Section
	// Private is true for an answer only the asker sees; it gets a
	// "Share in channel" button.
	Private bool
	// FullTable asks for table TableIndex of Hit.Section in full, as after
	// a click on a table button.
	FullTable  bool
	TableIndex int
}

// RenderAnswer lays out an answer as a Slack message: a header with the
// section title, the breadcrumb, the body as mrkdwn sections, one native
// table, and buttons for the rest.
func RenderAnswer(a Answer) Message {
	s := a.Hit.Section
	chunks := bodyChunks(s)
	view, others := chooseTable(a, chunks)

	blocks := []slack.Block{header(s.Title), contextLine(Escape(strings.Join(s.Breadcrumb(), " › ")))}
	var table []slack.Block
	if view != nil {
		tb, note := tableBlock(*view)
		table = append(table, tb)
		if note != "" {
			table = append(table, contextLine("_"+note+"_"))
		}
	}
	buttons := answerButtons(a, view, others)
	if view != nil && view.partial {
		blocks = append(blocks, table...)
		table = nil
	}
	budget := maxBlocks - len(blocks) - 1
	blocks = append(blocks, bodyBlocks(chunks, view, table, budget)...)
	if act := actions(buttons...); act != nil {
		blocks = append(blocks, act)
	}
	return Message{Text: fallback(s), Blocks: blocks}
}

// chooseTable picks the one table a message may hold: the one asked for,
// else the one whose rows matched (showing just those rows), else the
// first. The others are offered as buttons.
func chooseTable(a Answer, chunks []chunk) (*tableView, []tableRef) {
	var refs []tableRef
	for _, c := range chunks {
		if c.table != nil {
			refs = append(refs, *c.table)
		}
	}
	if len(refs) == 0 {
		return nil, nil
	}
	pick := func(match func(tableRef) bool) int {
		for i, r := range refs {
			if match(r) {
				return i
			}
		}
		return -1
	}
	chosen := 0
	var view tableView
	switch {
	case a.FullTable:
		if i := pick(func(r tableRef) bool { return r.section == a.Hit.Section && r.index == a.TableIndex }); i >= 0 {
			chosen = i
		}
	case len(a.Hit.Rows) > 0:
		if i := pick(func(r tableRef) bool { return r.section == a.Hit.Section && r.index == a.Hit.Rows[0].Table }); i >= 0 {
			chosen = i
			for _, r := range a.Hit.Rows {
				if r.Table == refs[i].index {
					view.rows = append(view.rows, r.Row)
				}
			}
		}
	}
	view.ref = refs[chosen]
	if view.rows == nil || len(view.rows) == len(view.ref.table().Rows) {
		view.rows = allRows(view.ref.table())
	} else {
		view.partial = true
	}
	others := append(append([]tableRef{}, refs[:chosen]...), refs[chosen+1:]...)
	return &view, others
}

// bodyBlocks turns text chunks into section blocks within budget blocks,
// putting the table where it stands in the text unless it was placed
// already (table is then nil).
func bodyBlocks(chunks []chunk, view *tableView, table []slack.Block, budget int) []slack.Block {
	var out []slack.Block
	var pending []string
	flush := func() {
		for _, t := range packText(pending, maxSectionText) {
			out = append(out, section(t))
		}
		pending = nil
	}
	for _, c := range chunks {
		if c.table == nil {
			pending = append(pending, c.text)
			continue
		}
		switch {
		case view != nil && *c.table == view.ref:
			if table != nil {
				flush()
				out = append(out, table...)
				table = nil
			}
		default:
			pending = append(pending, "_Table: see the “Table: "+Escape(c.table.section.Title)+"” button below._")
		}
	}
	flush()
	if table != nil {
		out = append(out, table...)
	}
	if len(out) > budget {
		out = append(out[:budget-1], contextLine("_…this topic goes on in the guide: pick a subtopic below._"))
	}
	return out
}

func answerButtons(a Answer, view *tableView, others []tableRef) []*slack.ButtonBlockElement {
	var buttons []*slack.ButtonBlockElement
	if view != nil && view.partial {
		buttons = append(buttons, button(ActionFullTable, "Full table", TableValue(view.ref.section.ID, view.ref.index)))
	}
	for _, r := range others {
		buttons = append(buttons, button(ActionFullTable, "Table: "+r.section.Title, TableValue(r.section.ID, r.index)))
	}
	for i, rel := range a.Related {
		if i == maxRelatedTopics {
			break
		}
		buttons = append(buttons, button(ActionTopic, rel.Title, rel.ID))
	}
	id := a.Hit.Section.ID
	if a.Private {
		buttons = append(buttons, button(ActionShare, "Share in channel", id))
	}
	// Feedback goes last so that the cap on buttons drops topics first.
	if len(buttons) > maxActions-2 {
		buttons = buttons[:maxActions-2]
	}
	return append(buttons, button(ActionFeedbackUp, "👍", id), button(ActionFeedbackDown, "👎", id))
}

// fallback is the notification text: the title and the first line of the
// answer's text (tables read badly in a notification), plain and short.
func fallback(s *content.Section) string {
	text := s.Title
	if first := firstLine(s); first != "" {
		text += ": " + first
	}
	return truncateEscaped(Escape(text), maxFallbackText)
}

func firstLine(s *content.Section) string {
	for _, d := range append([]*content.Section{s}, s.Descendants()...) {
		for _, b := range d.Blocks {
			if b.Kind == content.TableBlock {
				continue
			}
			if line, _, _ := strings.Cut(strings.TrimSpace(b.Plain()), "\n"); line != "" {
				return line
			}
		}
	}
	return ""
}
