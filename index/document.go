package index

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	bleveindex "github.com/blevesearch/bleve_index_api"
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

// rowSep separates a section ID from a row number in a row document's ID.
// Section IDs are slugs and never contain it.
const rowSep = "#"

func rowDocID(sectionID string, table, row int) string {
	return sectionID + rowSep + strconv.Itoa(table) + "." + strconv.Itoa(row)
}

// parseDocID splits a document ID into its section ID and, for a row
// document, the table and row numbers.
func parseDocID(id string) (section string, table, row int, isRow bool) {
	section, ref, isRow := strings.Cut(id, rowSep)
	if !isRow {
		return section, 0, 0, false
	}
	t, r, _ := strings.Cut(ref, ".")
	table, _ = strconv.Atoi(t)
	row, _ = strconv.Atoi(r)
	return section, table, row, true
}

// docRef is what an indexed document stands for: a section, or one row of
// one of its tables. The synonym definitions stand for nothing.
type docRef struct {
	section *content.Section
	row     RowRef
	isRow   bool
	// rank is the document's place in the guide: its section's, then its
	// row's. Documents that score the same rank in this order, the same on
	// every build, not in bleve's numbering, which follows the order its
	// batches happened to hold them in.
	rank uint64
}

// readRefs maps bleve's internal document numbers in a snapshot to what
// the documents stand for, so that a search turns its best numbers into
// hits without asking bleve.
func readRefs(r bleveindex.IndexReader, g *content.Guide) ([]docRef, error) {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer ids.Close()
	place := make(map[*content.Section]uint64, len(g.Sections()))
	for i, s := range g.Sections() {
		place[s] = uint64(i)
	}
	var refs []docRef
	for {
		id, err := ids.Next()
		if err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		if id == nil {
			return refs, nil
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			return nil, fmt.Errorf("read document ID: %w", err)
		}
		n := int(id.Value())
		if n >= len(refs) {
			refs = slices.Grow(refs, n+1-len(refs))[:n+1]
		}
		sectionID, table, row, isRow := parseDocID(ext)
		if s, ok := g.Section(sectionID); ok {
			ref := docRef{section: s, row: RowRef{table, row}, isRow: isRow, rank: place[s] << 32}
			if isRow {
				ref.rank |= uint64(table+1)<<16 | uint64(row)
			}
			refs[n] = ref
		}
	}
}

// expansions caches the phrase-expanded text of each section: its own
// "title\ntext" for its ancestors' sub field, and the sub field itself,
// so that each section's text is expanded once, not once per ancestor.
type expansions struct {
	own map[*content.Section]string
	sub map[*content.Section]string
}

func newExpansions() *expansions {
	return &expansions{own: map[*content.Section]string{}, sub: map[*content.Section]string{}}
}

func (e *expansions) ownText(s *content.Section) string {
	t, ok := e.own[s]
	if !ok {
		t = expandPhrases(s.Title) + "\n" + expandPhrases(s.Text())
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
		Path:  expandPhrases(strings.Join(s.Path(), " ")),
		Body:  body,
		Sub:   e.subText(s),
	}
}

// rowDocument indexes one table row as a unit, so that a question about one
// dimension of a comparison finds that row.
func rowDocument(s *content.Section, row []content.Inline) document {
	rest := make([]string, 0, len(row))
	for _, c := range row[1:] {
		rest = append(rest, c.Plain())
	}
	return document{
		Head: expandPhrases(row[0].Plain()),
		Path: expandPhrases(strings.Join(append(s.Path(), s.Title), " ")),
		Body: expandPhrases(strings.Join(rest, "\n")),
	}
}
