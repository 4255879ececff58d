package content

import "strings"

// BlockKind says what a body block is.
type BlockKind int

// The kinds of body block the parser produces.
const (
	// Paragraph is running text.
	Paragraph BlockKind = iota
	// List is a bullet or numbered list.
	List
	// TableBlock is a GFM table.
	TableBlock
	// Example is a quoted or wholly italic paragraph that illustrates the
	// text around it.
	Example
)

// Block is one piece of a section's body. Exactly one of Text, Items or
// Table is set, according to Kind.
//
// The JSON tags keep an encoded guide (Encode) small.
type Block struct {
	Kind BlockKind `json:"k,omitempty"`
	// Text is the content of a Paragraph or Example.
	Text Inline `json:"t,omitempty"`
	// Items are the entries of a List.
	Items []Inline `json:"i,omitempty"`
	// Ordered is true for a numbered list, whose first item is numbered
	// Start ("3." where a list goes on after a paragraph).
	Ordered bool `json:"o,omitempty"`
	Start   int  `json:"s,omitempty"`
	// Table is the content of a TableBlock.
	Table *Table `json:"tb,omitempty"`
	// Line is the 1-based line where the block starts.
	Line int `json:"l,omitempty"`
}

// Plain returns the block's text without markup.
func (b Block) Plain() string {
	switch b.Kind {
	case List:
		items := make([]string, len(b.Items))
		for i, it := range b.Items {
			items[i] = it.Plain()
		}
		return strings.Join(items, "\n")
	case TableBlock:
		return b.Table.Plain()
	default:
		return b.Text.Plain()
	}
}

// Table is a table with a header row and body rows of the same width.
type Table struct {
	Header []Inline   `json:"h"`
	Rows   [][]Inline `json:"r"`
}

// Plain returns the table's text without markup, one row a line, cells
// separated by " | ".
func (t *Table) Plain() string {
	lines := make([]string, 0, len(t.Rows)+1)
	lines = append(lines, RowPlain(t.Header))
	for _, r := range t.Rows {
		lines = append(lines, RowPlain(r))
	}
	return strings.Join(lines, "\n")
}

// RowPlain returns a row's cells as plain text separated by " | ".
func RowPlain(row []Inline) string {
	cells := make([]string, len(row))
	for i, c := range row {
		cells[i] = c.Plain()
	}
	return strings.Join(cells, " | ")
}

// Inline is a run of text with emphasis, as a sequence of spans.
type Inline []Span

// Span is a piece of text with one style.
type Span struct {
	Text   string `json:"t,omitempty"`
	Bold   bool   `json:"b,omitempty"`
	Italic bool   `json:"i,omitempty"`
	Code   bool   `json:"c,omitempty"`
	// URL is set for a link; Text is then the link's label.
	URL string `json:"u,omitempty"`
}

// Plain returns the text without markup.
func (in Inline) Plain() string {
	var b strings.Builder
	for _, s := range in {
		b.WriteString(s.Text)
	}
	return b.String()
}
