package content

import (
	"slices"
	"strings"
)

// Section is one topic of the guide: a heading, or a paragraph of only bold
// text that acts as a heading, together with the blocks that follow it up to
// the next heading of the same or a higher level.
type Section struct {
	// ID is a slug path, stable as long as the headings above it keep their
	// titles, so that buttons posted to Slack keep working across restarts.
	ID string
	// Title is the heading text as written, without markup.
	Title string
	// Level is the heading depth: 1 for a page title, one deeper than the
	// enclosing heading for a bold pseudo-heading.
	Level int
	// Page is the page the section was read from.
	Page *Page
	// Parent is the enclosing section, nil for a page's root.
	Parent *Section
	// Children are the subsections in document order.
	Children []*Section
	// Line is the 1-based line of the heading in the page's file.
	Line int
	// blocks is the section's own body (see Blocks); kept, when set,
	// holds it as Encode wrote it, until it is first asked for.
	blocks []Block
	kept   func() []Block
}

// Blocks returns the section's own body in document order, without the
// bodies of its children. A guide read back by Decode decodes each body
// the first time it is asked for, so that a restart does not decode
// every section of a large guide.
func (s *Section) Blocks() []Block {
	if s.kept != nil {
		return s.kept()
	}
	return s.blocks
}

// Ancestors returns the enclosing sections, outermost first.
func (s *Section) Ancestors() []*Section {
	var out []*Section
	for p := s.Parent; p != nil; p = p.Parent {
		out = append(out, p)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Within reports whether s is other or one of the sections below it.
func (s *Section) Within(other *Section) bool {
	for ; s != nil; s = s.Parent {
		if s == other {
			return true
		}
	}
	return false
}

// Path returns the titles of the enclosing sections, outermost first.
func (s *Section) Path() []string {
	anc := s.Ancestors()
	out := make([]string, len(anc))
	for i, a := range anc {
		out[i] = a.Title
	}
	return out
}

// Breadcrumb returns the trail a reader sees above the section: the page's
// label in place of its title, then each enclosing section, then the section.
func (s *Section) Breadcrumb() []string {
	trail := append(s.Path(), s.Title)
	trail[0] = s.Page.Label
	return trail
}

// Descendants returns every section below s in document order.
func (s *Section) Descendants() []*Section {
	var out []*Section
	for _, c := range s.Children {
		out = append(out, c)
		out = append(out, c.Descendants()...)
	}
	return out
}

// Tables returns the tables of the section's own body.
func (s *Section) Tables() []*Table {
	var out []*Table
	for _, b := range s.Blocks() {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

// GivesExample reports whether the section's own body gives an example
// (a block of kind Example).
func (s *Section) GivesExample() bool {
	return slices.ContainsFunc(s.Blocks(), func(b Block) bool { return b.Kind == Example })
}

// Examples returns how many of the section and the sections below it
// give an example (GivesExample).
func (s *Section) Examples() int {
	n := 0
	for _, d := range append([]*Section{s}, s.Descendants()...) {
		if d.GivesExample() {
			n++
		}
	}
	return n
}

// Text returns the plain text of the section's own body, one block a line.
func (s *Section) Text() string {
	var b strings.Builder
	for _, blk := range s.Blocks() {
		b.WriteString(blk.Plain())
		b.WriteByte('\n')
	}
	return b.String()
}
