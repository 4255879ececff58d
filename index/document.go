package index

import (
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

// sectionDocument indexes a section.
func sectionDocument(s *content.Section) document {
	d := document{
		Title: expandPhrases(s.Title),
		Path:  expandPhrases(strings.Join(s.Path(), " ")),
		Body:  expandPhrases(s.Text()),
		Sub:   expandPhrases(subText(s)),
	}
	return d
}

// subText is the text of a section's subsections, so that a broad question
// finds the topic that holds the answers rather than one of its parts.
func subText(s *content.Section) string {
	var b strings.Builder
	for _, d := range s.Descendants() {
		b.WriteString(d.Title)
		b.WriteByte('\n')
		b.WriteString(d.Text())
	}
	return b.String()
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
