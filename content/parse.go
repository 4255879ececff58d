package content

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// ParsePage reads one markdown page. Problems in the content come back as
// an error whose tree holds an *Error for each, naming the file and line
// (Mistakes); ParsePage never panics on any input.
func ParsePage(name string, src []byte) (*Page, error) {
	return parsePage(name, src, chunkSize)
}

// notUTF8 returns an error naming the line of a page's first byte that is
// not UTF-8 text, and what to do, or nil: a page saved as UTF-16 or
// Latin-1 would be answered with "Co�ts", and a binary file named .md as
// garbage. A text file holds no NUL byte; UTF-16 holds one in most of its
// characters.
func notUTF8(name string, src []byte) error {
	line := func(i int) int { return 1 + bytes.Count(src[:i], []byte("\n")) }
	switch i := bytes.IndexByte(src, 0); {
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) || i == 1 || i == 0 && len(src) > 1 && src[1] != 0:
		return &Error{File: name, Line: 1, Msg: "is UTF-16 text: save it as UTF-8"}
	case i >= 0:
		return &Error{File: name, Line: line(i), Msg: "holds a NUL byte: this is no markdown text file"}
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return &Error{File: name, Line: line(i), Msg: fmt.Sprintf("holds the byte 0x%02X, which is not UTF-8 text: save the file as UTF-8 (it is likely Latin-1 or Windows-1252)", src[i])}
		}
		i += n
	}
	return nil
}

// parsePage parses a page in chunks of at least size bytes (see chunks).
func parsePage(name string, src []byte, size int) (*Page, error) {
	if err := notUTF8(name, src); err != nil {
		return nil, err
	}
	fm, body, err := splitFrontmatter(name, src)
	if err != nil {
		return nil, err
	}
	cs := chunks(body, size)
	p, refs, err := readPage(name, fm, body, cs)
	if err == nil && refs && len(cs) > 1 {
		p, _, err = readPage(name, fm, body, []chunk{{end: len(body)}})
	}
	return p, err
}

// readPage builds a page from its body's chunks, joining a chunk to the
// next when the cut between them fell inside a block (openAtEnd). refs
// reports whether the page defines link references, which reach across
// chunks.
func readPage(name string, fm frontmatter, body []byte, cs []chunk) (p *Page, refs bool, err error) {
	p = &Page{Name: name, Meta: fm.meta, metaLines: fm.lines}
	if err := applyMeta(p); err != nil {
		return nil, false, err
	}
	b := &pageBuilder{page: p, mistakes: mistakeList{file: name}}
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		doc, pc := parseChunk(body[c.start:c.end])
		for i+1 < len(cs) && openAtEnd(doc, body[c.start:c.end]) {
			i++
			c.end = cs[i].end
			doc, pc = parseChunk(body[c.start:c.end])
		}
		refs = refs || len(pc.References()) > 0
		b.src, b.lines, b.lineBase = body[c.start:c.end], lineStarts(body[c.start:c.end]), c.line
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			b.block(n)
		}
	}
	if err := b.mistakes.err(); err != nil {
		return nil, false, err
	}
	p, err = b.finish()
	return p, refs, err
}

func parseChunk(src []byte) (ast.Node, parser.Context) {
	pc := parser.NewContext()
	return markdown.Parser().Parse(text.NewReader(src), parser.WithContext(pc)), pc
}

// pageBuilder turns the top-level blocks of a page into a section tree.
type pageBuilder struct {
	page *Page
	// mistakes are the page's mistaken lines so far: each is told, and
	// what holds one is left out.
	mistakes mistakeList
	// src is the chunk being read, lines where its lines start, and
	// lineBase the page's lines before it.
	src      []byte
	lines    []int
	lineBase int
	// open holds the current heading chain, outermost first.
	open []*Section
	// pseudo is the bold pseudo-heading being filled, if any.
	pseudo *Section
}

func (b *pageBuilder) block(n ast.Node) {
	line := b.lineOf(n)
	switch n := n.(type) {
	case *ast.Heading:
		title := strings.TrimSpace(b.inline(n).Plain())
		if title == "" {
			// Slack refuses a header, and a button, without text.
			b.mistakes.add(&Error{File: b.page.Name, Line: line, Msg: "heading has no text (an image or HTML alone is no title)"})
			return
		}
		b.heading(n.Level, title, line)
	case *ast.Paragraph:
		b.paragraph(n, line)
	case *ast.List:
		b.add(Block{Kind: List, Items: b.listItems(n), Ordered: n.IsOrdered(), Start: n.Start, Line: line})
	case *east.Table:
		if t, ok := b.table(n); ok {
			b.add(Block{Kind: TableBlock, Table: t, Line: line})
		}
	case *ast.Blockquote:
		b.add(Block{Kind: Example, Text: b.quote(n), Line: line})
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		code := strings.TrimRight(string(n.Lines().Value(b.src)), "\n")
		if code != "" {
			b.add(Block{Kind: Paragraph, Text: Inline{{Text: code, Code: true}}, Line: line})
		}
	}
	// Thematic breaks and raw HTML carry no guide content.
}

// malformedTable says what is wrong with a paragraph that opens with
// "|", which goldmark did not read as a table: its delimiter row does not
// match its header, or it has none.
func malformedTable(text []byte) string {
	lines := bytes.Split(text, []byte("\n"))
	if len(lines) > 1 && delimiterRow(lines[1]) {
		return "malformed table: the header row and the --- delimiter row must have the same number of cells"
	}
	return `a line opens with "|" but no --- delimiter row follows it: a table is a header row, then a delimiter row such as | --- | --- |, then its rows with no blank line between; write \| to open a paragraph with "|"`
}

// delimiterRow reports whether a line is a table's delimiter row: only
// pipes, dashes, colons and spaces, with a dash.
func delimiterRow(line []byte) bool {
	line = bytes.TrimSpace(line)
	return bytes.ContainsRune(line, '-') && len(bytes.Trim(line, "|-: \t")) == 0
}

func (b *pageBuilder) paragraph(n *ast.Paragraph, line int) {
	if text := bytes.TrimSpace(n.Lines().Value(b.src)); bytes.HasPrefix(text, []byte("|")) {
		b.mistakes.add(&Error{File: b.page.Name, Line: line, Msg: malformedTable(text)})
		return
	}
	in := b.inline(n)
	switch {
	case len(in) == 0:
	case allSpans(in, func(s Span) bool { return s.Bold }):
		b.pseudoHeading(in.Plain(), line)
	case allSpans(in, func(s Span) bool { return s.Italic }):
		b.add(Block{Kind: Example, Text: unstyle(in, func(s *Span) { s.Italic = false }), Line: line})
	default:
		b.add(Block{Kind: Paragraph, Text: in, Line: line})
	}
}

func allSpans(in Inline, pred func(Span) bool) bool {
	for _, s := range in {
		if strings.TrimSpace(s.Text) != "" && !pred(s) {
			return false
		}
	}
	return strings.TrimSpace(in.Plain()) != ""
}

func unstyle(in Inline, f func(*Span)) Inline {
	out := make(Inline, len(in))
	for i, s := range in {
		f(&s)
		out[i] = s
	}
	return out
}

func (b *pageBuilder) heading(level int, title string, line int) {
	b.pseudo = nil
	for len(b.open) > 0 && b.open[len(b.open)-1].Level >= level {
		b.open = b.open[:len(b.open)-1]
	}
	s := &Section{Title: title, Level: level, Page: b.page, Line: line}
	if len(b.open) > 0 {
		s.Parent = b.open[len(b.open)-1]
		s.Parent.Children = append(s.Parent.Children, s)
	} else if b.page.Root == nil && level == 1 {
		b.page.Root = s
	} else {
		b.adopt(s)
	}
	b.open = append(b.open, s)
}

// adopt places a heading that has no enclosing heading under the page root,
// making a root from the page's label when the page has no level-1 title.
func (b *pageBuilder) adopt(s *Section) {
	root := b.ensureRoot(s.Line)
	s.Parent = root
	root.Children = append(root.Children, s)
}

func (b *pageBuilder) ensureRoot(line int) *Section {
	if b.page.Root == nil {
		title := b.page.Label
		if title == "" {
			title = strings.TrimSuffix(b.page.Name, ".md")
		}
		b.page.Root = &Section{Title: title, Level: 1, Page: b.page, Line: line}
		b.open = append([]*Section{b.page.Root}, b.open...)
	}
	return b.page.Root
}

func (b *pageBuilder) pseudoHeading(title string, line int) {
	parent := b.ensureRoot(line)
	if len(b.open) > 0 {
		parent = b.open[len(b.open)-1]
	}
	s := &Section{Title: strings.TrimSpace(title), Level: parent.Level + 1, Page: b.page, Parent: parent, Line: line}
	parent.Children = append(parent.Children, s)
	b.pseudo = s
}

func (b *pageBuilder) add(blk Block) {
	switch {
	case b.pseudo != nil:
		b.pseudo.blocks = append(b.pseudo.blocks, blk)
	case len(b.open) > 0:
		top := b.open[len(b.open)-1]
		top.blocks = append(top.blocks, blk)
	default:
		root := b.ensureRoot(blk.Line)
		root.blocks = append(root.blocks, blk)
	}
}

func (b *pageBuilder) finish() (*Page, error) {
	switch {
	case b.page.Root == nil:
		return nil, &Error{File: b.page.Name, Msg: "page is empty: it needs at least one heading or paragraph"}
	case len(b.page.Root.blocks) == 0 && len(b.page.Root.Children) == 0:
		return nil, &Error{File: b.page.Name, Line: b.page.Root.Line, Msg: fmt.Sprintf("page has nothing under its title %q: it needs a paragraph, a list, a table or a section", b.page.Root.Title)}
	}
	if b.page.Label == "" {
		b.page.Label = b.page.Root.Title
	}
	return b.page, nil
}

func (b *pageBuilder) listItems(l *ast.List) []Inline {
	var items []Inline
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		var own Inline
		var nested []Inline
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok {
				nested = append(nested, b.listItems(sub)...)
				continue
			}
			own = appendInline(own, b.inline(c))
		}
		if len(own) > 0 {
			items = append(items, own)
		}
		items = append(items, nested...)
	}
	return items
}

func appendInline(a, b Inline) Inline {
	if len(a) > 0 && len(b) > 0 {
		a = append(a, Span{Text: " "})
	}
	return append(a, b...)
}

func (b *pageBuilder) quote(q *ast.Blockquote) Inline {
	var out Inline
	for c := q.FirstChild(); c != nil; c = c.NextSibling() {
		out = appendInline(out, unstyle(b.inline(c), func(s *Span) { s.Italic = false }))
	}
	return out
}

// table reads a table, and whether every row of it is whole: each row
// that is not is a mistake.
func (b *pageBuilder) table(t *east.Table) (*Table, bool) {
	out, whole := &Table{}, true
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		cells, err := b.row(r, len(t.Alignments))
		if err != nil {
			b.mistakes.add(err)
			whole = false
			continue
		}
		if _, ok := r.(*east.TableHeader); ok {
			out.Header = cells
		} else {
			out.Rows = append(out.Rows, cells)
		}
	}
	return out, whole
}

// cellCount counts table cells in words: "1 cell", "3 cells".
func cellCount(n int) string {
	if n == 1 {
		return "1 cell"
	}
	return fmt.Sprintf("%d cells", n)
}

// row reads one table row. goldmark pads a short row with empty cells, as
// GitHub and other wikis draw it (an answer shows an empty cell as "—"),
// and drops extra cells: words the guide would lose, reported instead.
func (b *pageBuilder) row(r ast.Node, width int) ([]Inline, *Error) {
	line := b.lineAt(r.Pos())
	if got := countCells(b.lineText(r.Pos())); got > width {
		return nil, &Error{File: b.page.Name, Line: line, Msg: fmt.Sprintf("table row has %s, the header has %d", cellCount(got), width)}
	}
	var cells []Inline
	for c := r.FirstChild(); c != nil; c = c.NextSibling() {
		cells = append(cells, b.inline(c))
	}
	return cells, nil
}

// countCells counts the cells of a raw table row: pipes outside code spans
// and not escaped, ignoring a leading and a trailing pipe.
func countCells(line string) int {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	n, code := 1, false
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '`':
			code = !code
		case line[i] == '\\':
			i++
		case line[i] == '|' && !code:
			n++
		}
	}
	return n
}

func (b *pageBuilder) lineText(off int) string {
	end := bytes.IndexByte(b.src[off:], '\n')
	if end < 0 {
		return string(b.src[off:])
	}
	return string(b.src[off : off+end])
}

func (b *pageBuilder) lineOf(n ast.Node) int {
	if off, ok := offsetOf(n); ok {
		return b.lineAt(off)
	}
	return 0
}

func offsetOf(n ast.Node) (int, bool) {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	if _, ok := n.(*east.TableRow); ok {
		return n.Pos(), true
	}
	if _, ok := n.(*east.TableHeader); ok {
		return n.Pos(), true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := offsetOf(c); ok {
			return off, true
		}
	}
	return 0, false
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (b *pageBuilder) lineAt(off int) int {
	return b.lineBase + sort.Search(len(b.lines), func(i int) bool { return b.lines[i] > off })
}
