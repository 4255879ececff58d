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

// Bounds on a table cell's text: a cell gets an equal share of half the
// table's budget, within these.
const (
	minCellText = 16
	maxCellText = 1000
)

// WideTables names, one line each, the guide's tables with more columns
// than Slack's table block holds: an answer shows only their first
// columns, and a guide's owner should split them.
func WideTables(g *content.Guide) []string {
	var out []string
	for _, s := range g.Sections() {
		for _, t := range s.Tables() {
			if cols := len(t.Header); cols > maxTableCells {
				out = append(out, fmt.Sprintf("%s: the table in %q has %d columns; Slack shows %d, so answers leave out the rest: split it", s.Page.Name, s.Title, cols, maxTableCells))
			}
		}
	}
	return out
}

// tableBlock renders a table as Slack's native table block, with a bold
// header row. It keeps within Slack's limits of 100 rows, 20 cells a row,
// no empty cell (an empty one shows "—") and 10,000 characters in all, and
// within budget characters; it returns a note saying what was left out, if
// anything, and how many of the view's rows it shows.
func tableBlock(v tableView, budget int) (slack.Block, string, int) {
	t := v.ref.table()
	var notes []string
	cols := len(t.Header)
	if cols > maxTableCells {
		notes = append(notes, fmt.Sprintf("showing %d of %d columns", maxTableCells, cols))
		cols = maxTableCells
	}
	budget = min(budget, maxTableText)
	cellMax := min(maxCellText, max(minCellText, budget/(2*max(cols, 1))))
	tb := slack.NewTableBlock("")
	head := make([]slack.TableCell, cols)
	used := 0
	for i := range cols {
		text := cellText(t.Header[i].Plain(), cellMax)
		used += runeLen(text)
		head[i] = boldCell(text)
	}
	tb.AddRow(head...)
	widest := make([]int, cols)
	shown := 0
	for _, r := range v.rows {
		if shown == maxTableRows-1 {
			break
		}
		cells := make([]slack.TableCell, cols)
		n := 0
		for i := range cols {
			text := ""
			if i < len(t.Rows[r]) {
				text = t.Rows[r][i].Plain()
			}
			text = cellText(text, cellMax)
			widest[i] = max(widest[i], runeLen(text))
			n += runeLen(text)
			cells[i] = slack.NewTableRawTextCell(text)
		}
		if used+n > budget {
			break
		}
		used += n
		tb.AddRow(cells...)
		shown++
	}
	switch {
	case len(v.rows) == 0:
	case !v.partial && (shown < len(v.rows) || v.rows[0] > 0):
		// A page of the whole table (tablePageValue).
		notes = append(notes, rowRange(v.rows[0]+1, v.rows[0]+shown, len(t.Rows)))
	case shown < len(v.rows):
		notes = append(notes, fmt.Sprintf("showing %d of %d rows", shown, len(v.rows)))
	}
	settings := make([]slack.ColumnSetting, cols)
	for i := range cols {
		settings[i] = slack.ColumnSetting{Align: slack.ColumnAlignmentLeft, IsWrapped: widest[i] > wrapAfter}
	}
	tb.WithColumnSettings(settings...)
	return tb, strings.Join(notes, ", "), shown
}

// rowRange names the rows a page of a table shows.
func rowRange(first, last, of int) string {
	if first == last {
		return fmt.Sprintf("row %d of %d", first, of)
	}
	return fmt.Sprintf("rows %d–%d of %d", first, last, of)
}

func boldCell(text string) slack.TableCell {
	return slack.NewTableRichTextCell(slack.NewRichTextSection(
		slack.NewRichTextSectionTextElement(text, &slack.RichTextSectionTextStyle{Bold: true}),
	))
}

// emptyCell stands for an empty cell, which Slack rejects.
const emptyCell = "—"

// cellText shortens a cell's text to at most n characters, and shows an
// empty one as emptyCell. A cell is not escaped as mrkdwn is: raw_text, as
// its name says, is shown as sent, and so is a rich_text element's text,
// so that "R&D" escaped would show as "R&amp;D". Slack's reference does
// not say so outright: each "<" is followed by an invisible space, so that
// no cell can read as a mention or a link however Slack reads it.
func cellText(text string, n int) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return emptyCell
	}
	cut := truncate(strings.ReplaceAll(text, "<", inertAngle), n)
	// A cut between "<" and its space would leave the "<" live.
	if c, ok := strings.CutSuffix(cut, "<…"); ok {
		cut = c + "…"
	}
	return cut
}

// inertAngle is "<" followed by a zero-width space: it looks the same, and
// starts no Slack mention or link.
const inertAngle = "<\u200b"

// tableValue is the button value that asks for one whole table:
// "section-id#index".
func tableValue(section string, index int) string {
	return section + "#" + strconv.Itoa(index)
}

// tablePageValue is the button value that asks for one whole table from
// one of its rows on, when a message cannot hold the rows before and
// after it: "section-id#index@row".
func tablePageValue(section string, index, from int) string {
	return tableValue(section, index) + "@" + strconv.Itoa(from)
}

// parseTableValue splits a tableValue or a tablePageValue; from is 0 for
// a tableValue.
func parseTableValue(v string) (section string, index, from int, ok bool) {
	section, idx, found := strings.Cut(v, "#")
	if !found {
		return "", 0, 0, false
	}
	idx, row, paged := strings.Cut(idx, "@")
	index, err := strconv.Atoi(idx)
	if err != nil || index < 0 {
		return "", 0, 0, false
	}
	if paged {
		if from, err = strconv.Atoi(row); err != nil || from < 0 {
			return "", 0, 0, false
		}
	}
	return section, index, from, true
}

func allRows(t *content.Table) []int {
	out := make([]int, len(t.Rows))
	for i := range out {
		out[i] = i
	}
	return out
}
