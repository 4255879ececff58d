package fakeslack

import (
	"fmt"

	"github.com/directorbot/directorbot/bot/fakeslack/internal/wording"
)

// Limits of the table block, per
// https://docs.slack.dev/reference/block-kit/blocks/table-block: at most
// 100 rows of at most 20 cells, at most 20 column settings; one table per
// message (a second gets invalid_attachments, only_one_table_allowed); at
// most 10,000 characters across all cells.
const (
	maxTables         = 1
	maxTableRows      = 100
	maxRowCells       = 20
	maxColumnSettings = 20
	maxTableChars     = 10000
)

// columnAligns are the alignments a column setting may have.
var columnAligns = map[any]bool{"left": true, "center": true, "right": true}

// richTextContainers are the rich text elements that hold others and show
// nothing of their own.
var richTextContainers = map[any]bool{"rich_text": true, "rich_text_section": true, "rich_text_list": true, "rich_text_quote": true, "rich_text_preformatted": true}

// tables checks the tables of a message together: only one, and at most
// 10,000 characters in all their cells.
func (c *checker) tables(base string, blocks []any) {
	count, cellChars := 0, 0
	for i, raw := range blocks {
		b, ok := raw.(map[string]any)
		if !ok || b["type"] != "table" {
			continue
		}
		if count++; count > maxTables {
			c.addCode(InvalidAttachments, pointer(base, i), OnlyOneTableAllowed)
		}
		before := cellChars
		cellChars += textIn(b["rows"])
		if before <= maxTableChars && cellChars > maxTableChars {
			c.add(pointer(base, i, "rows"), fmt.Sprintf("table cells must hold at most %d characters in all, not %d", maxTableChars, cellChars))
		}
	}
}

// table checks one table block: 1 to 100 rows of 1 to 20 cells, cells not
// empty, at most 20 column settings aligned left, center or right.
func (c *checker) table(ptr string, b map[string]any) {
	rowsPtr := pointer(ptr, "rows")
	if rows, ok := b["rows"].([]any); ok {
		c.minItems(rowsPtr, rows, 1)
		c.maxItems(rowsPtr, rows, maxTableRows)
		for r, row := range rows {
			c.row(pointer(rowsPtr, r), row)
		}
	}
	settings, _ := b["column_settings"].([]any)
	c.maxItems(pointer(ptr, "column_settings"), settings, maxColumnSettings)
	for i, s := range settings {
		if m, ok := s.(map[string]any); ok {
			if a, ok := m["align"]; ok && !columnAligns[a] {
				c.add(pointer(ptr, "column_settings", i, "align"), "must be a valid enum value")
			}
		}
	}
}

// row checks a table row: 1 to 20 cells, none empty.
func (c *checker) row(ptr string, raw any) {
	cells, ok := raw.([]any)
	if !ok {
		return
	}
	c.minItems(ptr, cells, 1)
	c.maxItems(ptr, cells, maxRowCells)
	for i, cell := range cells {
		c.cell(pointer(ptr, i), cell)
	}
}

// cell checks a table cell: raw_text or rich_text (the table block page
// names no other), with something to show.
func (c *checker) cell(ptr string, raw any) {
	m, ok := raw.(map[string]any)
	if !ok {
		return
	}
	switch m["type"] {
	case "raw_text":
		if s, ok := m["text"].(string); ok && s == "" {
			c.add(pointer(ptr, "text"), wording.TooShort(1))
		}
	case "rich_text":
		if !showsText(m) {
			c.add(ptr, wording.TooShort(1))
		}
	default:
		if t, ok := m["type"].(string); ok {
			c.add(pointer(ptr, "type"), wording.UnsupportedType+t)
		}
	}
}

// showsText reports whether a rich text element shows anything: a text
// element with text, or any other leaf (a link, an emoji, a mention).
func showsText(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	switch {
	case m["type"] == "text":
		s, _ := m["text"].(string)
		return s != ""
	case !richTextContainers[m["type"]]:
		return true
	}
	elems, _ := m["elements"].([]any)
	for _, e := range elems {
		if showsText(e) {
			return true
		}
	}
	return false
}

// minItems notes an array with fewer than min items.
func (c *checker) minItems(ptr string, items []any, min int) {
	if len(items) < min {
		c.add(ptr, wording.TooFew(min))
	}
}
