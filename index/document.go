package index

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/thesaurus"
)

// document is what bleve indexes for a section or for one table row.
type document struct {
	Title string `json:"title"`
	Head  string `json:"head"`
	Path  string `json:"path"`
	Body  string `json:"body"`
	Sub   string `json:"sub"`
	Asked string `json:"asked"`
}

// Document IDs sort in the guide's order, so that documents that score
// the same rank as the guide orders them, the same on every build (best):
// a section's ID is its place among the guide's sections, a row's adds its
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

// sectionDocument indexes a section's own text and its subsections'
// titles: a broad question finds the parent of the topics it spans by
// their titles, without the subsections' text indexed again. A page's root
// keeps only its own: every question of the guide's field touches one of
// its topics. asked is what the section's examples teach (learned).
func sectionDocument(th *thesaurus.Thesaurus, s *content.Section, asked string) document {
	var subs []string
	if s.Parent != nil {
		for _, c := range s.Children {
			subs = append(subs, c.Title)
		}
	}
	return document{
		Title: th.Expand(s.Title),
		Path:  th.Expand(strings.Join(s.Path(), " ")),
		Body:  th.Expand(s.Text()),
		Sub:   th.Expand(strings.Join(subs, "\n")),
		Asked: asked,
	}
}

// rowDocument indexes one table row as a unit, so that a question about one
// dimension of a comparison finds that row. asked is what the examples
// whose answer is in the row teach (learned).
func rowDocument(th *thesaurus.Thesaurus, s *content.Section, row []content.Inline, asked string) document {
	rest := make([]string, 0, len(row))
	for _, c := range row[1:] {
		rest = append(rest, c.Plain())
	}
	return document{
		Head:  th.Expand(row[0].Plain()),
		Path:  th.Expand(strings.Join(append(s.Path(), s.Title), " ")),
		Body:  th.Expand(strings.Join(rest, "\n")),
		Asked: asked,
	}
}
