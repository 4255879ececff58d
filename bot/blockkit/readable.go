package blockkit

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/slack-go/slack"
)

// maxColumn is the widest a table column gets in a terminal before its
// cells wrap.
const maxColumn = 36

var (
	mrkdwnBold   = regexp.MustCompile(`\*([^*\n]+)\*`)
	mrkdwnItalic = regexp.MustCompile(`(^|[\s(])_([^_\n]+)_`)
	mrkdwnLink   = regexp.MustCompile(`<(https?://[^|>]+)\|([^>]+)>`)
)

// Readable renders a message for a terminal in the order Slack draws it,
// which puts a table at the bottom of a message whatever its place among
// the blocks: headers underlined, mrkdwn markers dropped, tables as aligned
// columns, buttons listed by label.
func Readable(m Message) string {
	var b strings.Builder
	var tables []*slack.TableBlock
	for _, blk := range m.Blocks {
		switch blk := blk.(type) {
		case *slack.HeaderBlock:
			title := html.UnescapeString(blk.Text.Text)
			fmt.Fprintf(&b, "%s\n%s\n", title, strings.Repeat("=", runeLen(title)))
		case *slack.ContextBlock:
			for _, e := range blk.ContextElements.Elements {
				if t, ok := e.(*slack.TextBlockObject); ok {
					fmt.Fprintf(&b, "%s\n", terminalText(t.Text))
				}
			}
			b.WriteString("\n")
		case *slack.SectionBlock:
			if blk.Text != nil {
				fmt.Fprintf(&b, "%s\n", terminalText(blk.Text.Text))
			}
			if blk.Accessory != nil && blk.Accessory.ButtonElement != nil {
				fmt.Fprintf(&b, "  [%s]\n", html.UnescapeString(blk.Accessory.ButtonElement.Text.Text))
			}
			if blk.Accessory != nil && blk.Accessory.SelectElement != nil {
				fmt.Fprintf(&b, "  %s\n", menuLine(blk.Accessory.SelectElement))
			}
			b.WriteString("\n")
		case *slack.TableBlock:
			tables = append(tables, blk)
		case *slack.ActionBlock:
			fmt.Fprintf(&b, "%s\n\n", buttonLabels(blk.Elements))
		case *slack.ContextActionsBlock:
			fmt.Fprintf(&b, "%s\n\n", buttonLabels(blk.Elements))
		case *slack.DividerBlock:
			b.WriteString(strings.Repeat("─", 40) + "\n\n")
		}
	}
	for _, t := range tables {
		b.WriteString(readableTable(t))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// buttonLabels lists the buttons of an actions or context_actions block:
// "[Full table] [👍] [👎]".
func buttonLabels(elems *slack.BlockElements) string {
	if elems == nil {
		return ""
	}
	var labels []string
	label := func(t *slack.TextBlockObject) {
		if t != nil {
			labels = append(labels, "["+html.UnescapeString(t.Text)+"]")
		}
	}
	for _, e := range elems.ElementSet {
		switch e := e.(type) {
		case *slack.ButtonBlockElement:
			label(e.Text)
		case *slack.FeedbackButtonsBlockElement:
			if e.PositiveButton != nil {
				label(e.PositiveButton.Text)
			}
			if e.NegativeButton != nil {
				label(e.NegativeButton.Text)
			}
		case *slack.IconButtonBlockElement:
			label(e.Text)
		case *slack.CheckboxGroupsBlockElement:
			labels = append(labels, checkboxLines(e))
		}
	}
	return strings.Join(labels, " ")
}

// checkboxLines lists a checkbox group's options, one a line, ticked ones
// "[x]".
func checkboxLines(e *slack.CheckboxGroupsBlockElement) string {
	ticked := map[string]bool{}
	for _, o := range e.InitialOptions {
		if o != nil {
			ticked[o.Value] = true
		}
	}
	var lines []string
	for _, o := range e.Options {
		if o == nil || o.Text == nil {
			continue
		}
		box := "[ ]"
		if ticked[o.Value] {
			box = "[x]"
		}
		lines = append(lines, box+" "+terminalText(o.Text.Text))
	}
	return strings.Join(lines, "\n")
}

func terminalText(s string) string {
	s = mrkdwnLink.ReplaceAllString(s, "$2 ($1)")
	s = mrkdwnBold.ReplaceAllString(s, "$1")
	s = mrkdwnItalic.ReplaceAllString(s, "$1$2")
	return html.UnescapeString(s)
}

// readableTable lays a table block out in columns, wrapping long cells.
func readableTable(t *slack.TableBlock) string {
	rows := make([][]string, len(t.Rows))
	var widths []int
	for i, r := range t.Rows {
		for j, c := range r {
			text := strings.ReplaceAll(cellPlain(c), inertAngle, "<")
			rows[i] = append(rows[i], text)
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = min(maxColumn, max(widths[j], runeLen(text)))
		}
	}
	var b strings.Builder
	for i, r := range rows {
		wrapped := make([][]string, len(r))
		height := 1
		for j, cell := range r {
			wrapped[j] = wrapWords(cell, widths[j])
			height = max(height, len(wrapped[j]))
		}
		for line := 0; line < height; line++ {
			parts := make([]string, len(r))
			for j := range r {
				text := ""
				if line < len(wrapped[j]) {
					text = wrapped[j][line]
				}
				parts[j] = text + strings.Repeat(" ", widths[j]-runeLen(text))
			}
			b.WriteString(strings.TrimRight(strings.Join(parts, " │ "), " ") + "\n")
		}
		if i == 0 {
			seps := make([]string, len(widths))
			for j, w := range widths {
				seps[j] = strings.Repeat("─", w)
			}
			b.WriteString(strings.Join(seps, "─┼─") + "\n")
		}
	}
	return b.String()
}

func cellPlain(c slack.TableCell) string {
	switch c := c.(type) {
	case *slack.TableRawTextCell:
		return c.Text
	case *slack.TableRichTextCell:
		var parts []string
		for _, e := range c.Elements {
			if sec, ok := e.(*slack.RichTextSection); ok {
				for _, el := range sec.Elements {
					if t, ok := el.(*slack.RichTextSectionTextElement); ok {
						parts = append(parts, t.Text)
					}
				}
			}
		}
		return strings.Join(parts, "")
	}
	return ""
}

// wrapWords breaks text into lines of at most width runes, at spaces where
// it can; a word wider than the column is cut into pieces.
func wrapWords(text string, width int) []string {
	var words []string
	for _, w := range strings.Fields(text) {
		for runeLen(w) > width {
			words = append(words, prefixRunes(w, width))
			w = string([]rune(w)[width:])
		}
		words = append(words, w)
	}
	if lines := pack(words, " ", width); len(lines) > 0 {
		return lines
	}
	return []string{""}
}

// ParseMessage reads a payload's fallback text and its blocks as JSON, as
// Slack receives them, back into a Message.
func ParseMessage(text string, blocks []byte) (Message, error) {
	var b slack.Blocks
	if len(blocks) > 0 {
		if err := json.Unmarshal(blocks, &b); err != nil {
			return Message{}, fmt.Errorf("read blocks: %w", err)
		}
	}
	return Message{Text: text, Blocks: b.BlockSet}, nil
}

// menuLine is a select menu as the terminal shows it: its placeholder,
// then its first options group's options.
func menuLine(m *slack.SelectBlockElement) string {
	line := "[" + html.UnescapeString(m.Placeholder.Text) + " ▾]"
	if len(m.OptionGroups) == 0 {
		return line
	}
	g := m.OptionGroups[0]
	names := make([]string, len(g.Options))
	for i, o := range g.Options {
		names[i] = html.UnescapeString(o.Text.Text)
	}
	return line + " " + html.UnescapeString(g.Label.Text) + ": " + strings.Join(names, ", ")
}
