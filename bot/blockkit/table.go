package blockkit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// wrapAfter is the cell length beyond which a column wraps instead of
// stretching the table sideways.
const wrapAfter = 24

// tableView is a table as it will be shown: which rows, and whether some
// were left out.
type tableView struct {
	ref  tableRef
	rows []int
	// partial is true when only matched rows are shown.
	partial bool
}

// tableBlock renders a table as Slack's native table block, with a bold
// header row. It keeps within Slack's limits of 100 rows and 20 cells a
// row, and returns a note saying what was left out, if anything.
func tableBlock(v tableView) (slack.Block, string) {
	t := v.ref.table()
	rows := v.rows
	var notes []string
	if len(rows) > maxTableRows-1 {
		notes = append(notes, fmt.Sprintf("showing %d of %d rows", maxTableRows-1, len(rows)))
		rows = rows[:maxTableRows-1]
	}
	cols := len(t.Header)
	if cols > maxTableCells {
		notes = append(notes, fmt.Sprintf("showing %d of %d columns", maxTableCells, cols))
		cols = maxTableCells
	}
	tb := slack.NewTableBlock("")
	head := make([]slack.TableCell, cols)
	for i := range cols {
		head[i] = boldCell(t.Header[i].Plain())
	}
	tb.AddRow(head...)
	widest := make([]int, cols)
	for _, r := range rows {
		cells := make([]slack.TableCell, cols)
		for i := range cols {
			text := ""
			if i < len(t.Rows[r]) {
				text = t.Rows[r][i].Plain()
			}
			widest[i] = max(widest[i], runeLen(text))
			cells[i] = slack.NewTableRawTextCell(cellText(text))
		}
		tb.AddRow(cells...)
	}
	settings := make([]slack.ColumnSetting, cols)
	for i := range cols {
		settings[i] = slack.ColumnSetting{Align: slack.ColumnAlignmentLeft, IsWrapped: widest[i] > wrapAfter}
	}
	tb.WithColumnSettings(settings...)
	return tb, strings.Join(notes, ", ")
}

func boldCell(text string) slack.TableCell {
	return slack.NewTableRichTextCell(slack.NewRichTextSection(
		slack.NewRichTextSectionTextElement(cellText(text), &slack.RichTextSectionTextStyle{Bold: true}),
	))
}

// cellText escapes a cell and fills an empty one, which Slack rejects.
func cellText(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return "—"
	}
	return truncateEscaped(escape(text), maxSectionText)
}

// tableValue is the button value that asks for one whole table:
// "section-id#index".
func tableValue(section string, index int) string {
	return section + "#" + strconv.Itoa(index)
}

// parseTableValue splits a tableValue.
func parseTableValue(v string) (section string, index int, ok bool) {
	section, idx, found := strings.Cut(v, "#")
	if !found {
		return "", 0, false
	}
	index, err := strconv.Atoi(idx)
	return section, index, err == nil && index >= 0
}

func allRows(t *content.Table) []int {
	out := make([]int, len(t.Rows))
	for i := range out {
		out[i] = i
	}
	return out
}
