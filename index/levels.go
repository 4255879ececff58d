package index

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// levelTable is a table of a company's levels, one a row: its column of
// their names, the leftmost in which two cells or more are each the name
// of a role ("Product Manager", "Director of Product").
type levelTable struct {
	table int
	// words holds each row's titles (titles), without the short name in
	// brackets after one, as a question read by the thesaurus is, and
	// roled as Cast.Roled reads them; none where another row's is the
	// same ("Senior EM" and "Engineering Manager", both names of one
	// role, roled).
	words, roled []levelName
	// shorts holds each row's short name in brackets ("APM"), and codes
	// its first cell, when the titles are not in the first column and it
	// names each level in a word of its own with a digit ("P3").
	shorts, codes []levelName
	// spelt are the words of its titles and the grades, sorted: those a
	// misspelt word of a question may stand for (levelSpelling).
	spelt []string
}

// levelName is a name of the level of a table's row.
type levelName struct {
	row   int
	words []string
}

// levelTables returns a section's tables of levels (levelTable), those
// the guide's ladder found at build (ladder.Tables).
func (ix *Index) levelTables(s *content.Section) []levelTable {
	var out []levelTable
	tables := s.Tables()
	for _, at := range ix.levelAt[s.ID] {
		t := tables[at.Table]
		lt := levelTable{table: at.Table}
		for ri, row := range t.Rows {
			if at.Column >= len(row) {
				continue
			}
			for _, cell := range titles(row[at.Column].Plain()) {
				title, short := shortName(cell)
				words := question.Words(ix.rewrite(title))
				roled, _ := ix.reader.Cast.Roled(words)
				lt.words = append(lt.words, levelName{ri, words})
				lt.roled = append(lt.roled, levelName{ri, roled})
				lt.shorts = append(lt.shorts, levelName{ri, question.Words(short)})
			}
		}
		for ri, code := range levelCodes(t, at.Column, ix.rewrite) {
			lt.codes = append(lt.codes, levelName{ri, code})
		}
		lt.words, lt.roled, lt.shorts = unique(lt.words), unique(lt.roled), unique(lt.shorts)
		lt.spelt = slices.Sorted(maps.Keys(grades))
		for _, n := range lt.words {
			lt.spelt = append(lt.spelt, n.words...)
		}
		slices.Sort(lt.spelt)
		lt.spelt = slices.Compact(lt.spelt)
		out = append(out, lt)
	}
	return out
}

// titleSeparators part the titles of one level a cell lists: "Staff
// Designer or Design Manager", "Senior PM / Group PM".
var titleSeparators = regexp.MustCompile(`\s+(?:or|/)\s+`)

// titles returns the titles a cell of levels' titles lists
// (titleSeparators), each a name of the row's level.
func titles(cell string) []string {
	return slices.DeleteFunc(titleSeparators.Split(cell, -1), func(t string) bool { return strings.TrimSpace(t) == "" })
}

// levelCodes returns the first cells of a table whose column of titles is
// another (col), when each is one word with a digit and no two are the
// same: the levels' codes ("P1", "E4"), which no word of a question is
// by chance ("a" of bands A to E); nil otherwise.
func levelCodes(t *content.Table, col int, rewrite func(string) string) [][]string {
	if col == 0 {
		return nil
	}
	codes := make([][]string, len(t.Rows))
	for ri, row := range t.Rows {
		if len(row) > 0 {
			codes[ri] = question.Words(rewrite(row[0].Plain()))
		}
		if len(codes[ri]) != 1 || !strings.ContainsAny(codes[ri][0], "0123456789") {
			return nil
		}
	}
	for i, c := range codes {
		if slices.ContainsFunc(codes[i+1:], func(o []string) bool { return slices.Equal(o, c) }) {
			return nil
		}
	}
	return codes
}

// unique returns the names but those another row's name is too, and
// those with no words.
func unique(names []levelName) []levelName {
	return slices.DeleteFunc(slices.Clone(names), func(n levelName) bool {
		return len(n.words) == 0 || slices.ContainsFunc(names, func(o levelName) bool { return o.row != n.row && slices.Equal(o.words, n.words) })
	})
}

// levelRows returns the rows of the first of a section's tables of levels
// whose levels a question names, in the order it names them: "how much
// does a PM make?" asks for Product Manager's row, which "PM" names, not
// Associate PM's, whose cells hold "PM"; "PM vs Senior PM" asks for
// both, and "senior PM" names Senior PM alone, though it holds "PM" too.
// A question read by the thesaurus (words) names a level by its cell's
// words one after the other, by another name of the role it is, or by
// its code ("P3").
func (ix *Index) levelRows(s *content.Section, words []string) []RowRef {
	levels := ix.read(s).levels()
	if len(levels) == 0 {
		return nil
	}
	words = ix.levelSpelling(words, levels)
	roled, at := ix.reader.Cast.Roled(words)
	for _, t := range levels {
		spans := slices.Concat(graded(words, spansOf(words, t.words, nil)), spansOf(words, t.shorts, nil), spansOf(words, t.codes, nil),
			graded(words, spansOf(roled, t.roled, at)))
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

// levelSpelling returns the words with each misspelt word of a level's
// title or grade spelt right, as the speller spells a role's name
// (spelling.Speller.Name): "senoir PM max salary" names the Senior PM,
// not the PM.
func (ix *Index) levelSpelling(words []string, levels []levelTable) []string {
	out := slices.Clone(words)
	for i, w := range out {
		for _, t := range levels {
			if _, found := slices.BinarySearch(t.spelt, w); found {
				break
			}
			if n := ix.speller.Name(w, t.spelt); n != w {
				out[i] = n
				break
			}
		}
	}
	return out
}

// payHeaders are the words of a header over pay: a table of levels with
// one states what each earns.
var payHeaders = question.SetOf("salary salaries compensation comp pay wage wages band bands base bonus equity")

// currency is an amount of money: "$130,000", "£45k".
var currency = regexp.MustCompile(`[$£€¥]\s?\d`)

// paysIn reports whether a table states pay: a header of pay
// (payHeaders), or an amount of money in a cell. A table of levels with
// titles and scopes alone does not, and a sentence on pay answers before
// it.
func paysIn(t *content.Table) bool {
	for _, h := range t.Header {
		if payHeaders.Any(question.Words(h.Plain())) {
			return true
		}
	}
	for _, row := range t.Rows {
		if slices.ContainsFunc(row, func(c content.Inline) bool { return currency.MatchString(c.Plain()) }) {
			return true
		}
	}
	return false
}

// namedLevels returns the rows a hit quotes for a question that may name
// levels of its section's tables of levels: the rows of those it names
// (named, levelRows); else, when it names a role, the rows the hit found
// but those of its tables of levels, whose levels are not the one asked
// ("how much does a principal PM make?" in a ladder with none: the whole
// table, not the Associate PM's row).
func (ix *Index) namedLevels(s *content.Section, named, rows []RowRef, words []string) []RowRef {
	if named != nil {
		return named
	}
	levels := ix.read(s).levels()
	if len(levels) == 0 || len(ix.reader.Cast.Mentions(words)) == 0 {
		return rows
	}
	return slices.DeleteFunc(slices.Clone(rows), func(r RowRef) bool {
		return slices.ContainsFunc(levels, func(t levelTable) bool { return t.table == r.Table })
	})
}

// grades are the words that make a level of a role: a "principal PM" or a
// "junior PM" is not the Product Manager's level.
var grades = question.SetOf("senior sr snr junior jr principal staff lead associate assoc chief head entry")

// graded drops the spans a grade stands just before, where the level's
// title says none: the question asks for another level of the role.
func graded(words []string, spans []levelSpan) []levelSpan {
	return slices.DeleteFunc(spans, func(sp levelSpan) bool { return sp.start > 0 && grades[words[sp.start-1]] })
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
func spansOf(words []string, names []levelName, at []int) []levelSpan {
	var out []levelSpan
	for _, name := range names {
		for _, start := range runsAt(words, name.words) {
			sp := levelSpan{start, start + len(name.words), name.row}
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

// levelColumn returns the column of a table that names levels, the
// leftmost in which two cells or more, and half of those not empty at
// least, are each the name of a role (Cast.Roled), their words read as a
// question's are, and its short name in brackets ("Engineering Manager
// (EM)", "Director (Dir)"); false for a table of no levels. A comparison
// of roles is none, though a row names some in each role's column
// ("Reports to: Design Director"), and so is a column of whom each level
// reports to, which names a role in most rows too.
func levelColumn(t *content.Table, cast question.Cast, rewrite func(string) string) (col int, ok bool) {
	for col := range t.Header {
		roles, cells := 0, 0
		for _, row := range t.Rows {
			if col >= len(row) || row[col].Plain() == "" {
				continue
			}
			cells++
			title, _ := shortName(row[col].Plain())
			if roled, _ := cast.Roled(question.Words(rewrite(title))); len(slices.Compact(roled)) == 1 && question.IsRoleWord(roled[0]) {
				roles++
			}
		}
		if roles >= 2 && 2*roles >= cells {
			return col, true
		}
	}
	return 0, false
}

// bracketed splits a level's title from the short name in brackets after
// it, in capitals or digits: "Associate Product Manager (APM)", not
// "(Remote)" or "(2025)".
var bracketed = regexp.MustCompile(`^(.+?)\s*\(([A-Z][A-Z0-9]{1,5})\)$`)

// shortName splits a level's title from its short name in brackets (none
// when it has none).
func shortName(title string) (string, string) {
	if m := bracketed.FindStringSubmatch(title); m != nil {
		return m[1], m[2]
	}
	return title, ""
}
