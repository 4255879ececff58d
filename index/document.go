package index

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/directorbot/directorbot/content"
)

// document is what bleve indexes for a section or for one table row.
type document struct {
	Title string `json:"title"`
	Head  string `json:"head"`
	Path  string `json:"path"`
	Body  string `json:"body"`
	Sub   string `json:"sub"`
}

// Document IDs sort in the guide's order, so that bleve ranks documents
// that score the same as the guide orders them, the same on every build: a
// section's ID is its place among the guide's sections, a row's adds its
// table and row, all in fixed-width hex.
const (
	sectionIDFormat = "%08x"
	rowIDFormat     = sectionIDFormat + "/%08x/%08x"
)

func sectionDocID(place int) string { return fmt.Sprintf(sectionIDFormat, place) }

func rowDocID(place, table, row int) string { return fmt.Sprintf(rowIDFormat, place, table, row) }

// docRef is what an indexed document stands for: a section, or one row of
// one of its tables.
type docRef struct {
	section *content.Section
	row     RowRef
	isRow   bool
}

// ref returns what a document ID stands for; false for an ID of no
// section of the guide.
func (ix *Index) ref(id string) (docRef, bool) {
	hex := func(s string) int {
		n, err := strconv.ParseUint(s, 16, 32)
		if err != nil {
			return -1
		}
		return int(n)
	}
	sections := ix.guide.Sections()
	place, rest, isRow := strings.Cut(id, "/")
	p := hex(place)
	if p < 0 || p >= len(sections) {
		return docRef{}, false
	}
	r := docRef{section: sections[p], isRow: isRow}
	if isRow {
		table, row, _ := strings.Cut(rest, "/")
		r.row = RowRef{Table: hex(table), Row: hex(row)}
		if r.row.Table < 0 || r.row.Row < 0 {
			return docRef{}, false
		}
	}
	return r, true
}

// expansions caches the phrase-expanded text of each section: its own
// "title\ntext" for its ancestors' sub field, and the sub field itself,
// so that each section's text is expanded once, not once per ancestor.
type expansions struct {
	words *thesaurus
	own   map[*content.Section]string
	sub   map[*content.Section]string
}

func newExpansions(th *thesaurus) *expansions {
	return &expansions{words: th, own: map[*content.Section]string{}, sub: map[*content.Section]string{}}
}

func (e *expansions) ownText(s *content.Section) string {
	t, ok := e.own[s]
	if !ok {
		t = e.words.expand(s.Title) + "\n" + e.words.expand(s.Text())
		e.own[s] = t
	}
	return t
}

// subText is the text of a section's subsections, so that a broad question
// finds the topic that holds the answers rather than one of its parts.
func (e *expansions) subText(s *content.Section) string {
	t, ok := e.sub[s]
	if !ok {
		var b strings.Builder
		for _, c := range s.Children {
			b.WriteString(e.ownText(c))
			b.WriteString(e.subText(c))
		}
		t = b.String()
		e.sub[s] = t
	}
	return t
}

// sectionDocument indexes a section.
func (e *expansions) sectionDocument(s *content.Section) document {
	title, body, _ := strings.Cut(e.ownText(s), "\n")
	return document{
		Title: title,
		Path:  e.words.expand(strings.Join(s.Path(), " ")),
		Body:  body,
		Sub:   e.subText(s),
	}
}

// rowDocument indexes one table row as a unit, so that a question about one
// dimension of a comparison finds that row.
func rowDocument(th *thesaurus, s *content.Section, row []content.Inline) document {
	rest := make([]string, 0, len(row))
	for _, c := range row[1:] {
		rest = append(rest, c.Plain())
	}
	return document{
		Head: th.expand(row[0].Plain()),
		Path: th.expand(strings.Join(append(s.Path(), s.Title), " ")),
		Body: th.expand(strings.Join(rest, "\n")),
	}
}
