package index

import (
	"slices"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// levelTable is a table of a company's levels, one a row: its column of
// their names, the leftmost in which two cells or more are each the name
// of a role ("Product Manager", "Director of Product").
type levelTable struct {
	table int
	// words holds each row's cell of that column as a question read by
	// the thesaurus is, roled as Cast.Roled reads it; nil where another
	// row's cell is the same ("Director of Product" whom two levels report
	// to, "Senior EM" and "Engineering Manager", both names of one role).
	words, roled [][]string
}

// levelTables finds a section's tables of levels (levelTable).
func (ix *Index) levelTables(s *content.Section) []levelTable {
	var out []levelTable
	for ti, t := range s.Tables() {
		for col := range t.Header {
			words := make([][]string, len(t.Rows))
			roled := make([][]string, len(t.Rows))
			roles := 0
			for ri, row := range t.Rows {
				if col < len(row) {
					words[ri] = question.Words(ix.rewrite(row[col].Plain()))
					roled[ri], _ = ix.reader.Cast.Roled(words[ri])
				}
				if len(roled[ri]) == 1 && question.IsRoleWord(roled[ri][0]) {
					roles++
				}
			}
			if roles >= 2 {
				out = append(out, levelTable{ti, unique(words), unique(roled)})
				break
			}
		}
	}
	return out
}

// unique returns names with each one another holds too made nil.
func unique(names [][]string) [][]string {
	out := slices.Clone(names)
	for i, n := range names {
		if slices.ContainsFunc(names[:i], func(o []string) bool { return slices.Equal(o, n) }) ||
			slices.ContainsFunc(names[i+1:], func(o []string) bool { return slices.Equal(o, n) }) {
			out[i] = nil
		}
	}
	return out
}

// levelRows returns the rows of the first of a section's tables of levels
// whose levels a question names, in the order it names them: "how much
// does a PM make?" asks for Product Manager's row, which "PM" names, not
// Associate PM's, whose cells hold "PM"; "PM vs Senior PM" asks for
// both, and "senior PM" names Senior PM alone, though it holds "PM" too.
// A question read by the thesaurus (words) names a level by its cell's
// words one after the other, or by another name of the role it is.
func (ix *Index) levelRows(s *content.Section, words []string) []RowRef {
	roled, at := ix.reader.Cast.Roled(words)
	for _, t := range ix.read(s).levels() {
		spans := spansOf(words, t.words, nil)
		spans = append(spans, spansOf(roled, t.roled, at)...)
		slices.SortStableFunc(spans, func(a, b levelSpan) int { return a.start - b.start })
		var out []RowRef
		for _, sp := range spans {
			ref := RowRef{Table: t.table, Row: sp.row}
			if !slices.ContainsFunc(spans, sp.within) && !slices.Contains(out, ref) {
				out = append(out, ref)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// levelSpan is where a question's words name a level's row: from start to
// end, not included.
type levelSpan struct{ start, end, row int }

// within reports whether another span holds this one: "PM" of "senior
// PM".
func (sp levelSpan) within(o levelSpan) bool {
	return o != sp && o.start <= sp.start && sp.end <= o.end
}

// spansOf finds where words hold each level's name, one after the other;
// at, when words are roled (Cast.Roled), says where each starts in the
// question's own.
func spansOf(words []string, names [][]string, at []int) []levelSpan {
	var out []levelSpan
	for row, name := range names {
		for _, start := range runsAt(words, name) {
			sp := levelSpan{start, start + len(name), row}
			if at != nil {
				sp.start, sp.end = at[sp.start], at[sp.end]
			}
			out = append(out, sp)
		}
	}
	return out
}

// runsAt returns where words hold run, one word after the other; none for
// an empty run.
func runsAt(words, run []string) []int {
	var out []int
	for i := 0; len(run) > 0 && i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			out = append(out, i)
		}
	}
	return out
}
