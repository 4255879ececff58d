package blockkit

import (
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// answer is what was found for a question, ready to render.
type answer struct {
	hit index.Hit
	// related are other topics worth offering as buttons.
	related []*content.Section
	// private is true for an answer only the asker sees; it gets a "Share
	// in channel" button.
	private bool
	// fullTable asks for table tableIndex of hit.Section in full, as after
	// a click on a table button.
	fullTable  bool
	tableIndex int
}

// renderAnswer lays out an answer as a Slack message: a header with the
// section title, the breadcrumb, the body as mrkdwn sections, one native
// table, and buttons for the rest.
func renderAnswer(a answer) Message {
	s := a.hit.Section
	chunks := bodyChunks(s)
	view, others := chooseTable(a, chunks)

	blocks := []slack.Block{header(s.Title), contextLine(escape(strings.Join(s.Breadcrumb(), " › ")))}
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
func chooseTable(a answer, chunks []chunk) (*tableView, []tableRef) {
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
	case a.fullTable:
		if i := pick(func(r tableRef) bool { return r.section == a.hit.Section && r.index == a.tableIndex }); i >= 0 {
			chosen = i
		}
	case len(a.hit.Rows) > 0:
		if i := pick(func(r tableRef) bool { return r.section == a.hit.Section && r.index == a.hit.Rows[0].Table }); i >= 0 {
			chosen = i
			for _, r := range a.hit.Rows {
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
			pending = append(pending, "_Table: see the “Table: "+escape(c.table.section.Title)+"” button below._")
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

func answerButtons(a answer, view *tableView, others []tableRef) []*slack.ButtonBlockElement {
	var buttons []*slack.ButtonBlockElement
	if view != nil && view.partial {
		buttons = append(buttons, button(ActionFullTable, "Full table", tableValue(view.ref.section.ID, view.ref.index)))
	}
	for _, r := range others {
		buttons = append(buttons, button(ActionFullTable, "Table: "+r.section.Title, tableValue(r.section.ID, r.index)))
	}
	for i, rel := range a.related {
		if i == maxRelatedTopics {
			break
		}
		buttons = append(buttons, button(ActionTopic, rel.Title, rel.ID))
	}
	id := a.hit.Section.ID
	if a.private {
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
	return truncateEscaped(escape(text), maxFallbackText)
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

// related offers other good hits, never the section itself or a section
// the answer already shows (those below it); with none, the section's
// parent, unless that is the guide's root.
func related(s *content.Section, hits []*content.Section) []*content.Section {
	var out []*content.Section
	for _, c := range hits {
		if len(out) < maxRelatedTopics && !within(c, s) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 && s.Parent != nil && s.Parent.Parent != nil {
		out = append(out, s.Parent)
	}
	return out
}

// within reports whether section c is s or below it.
func within(c, s *content.Section) bool {
	for ; c != nil; c = c.Parent {
		if c == s {
			return true
		}
	}
	return false
}
