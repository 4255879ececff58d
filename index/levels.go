package index

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
	"github.com/directorbot/directorbot/index/spelling"
	"github.com/directorbot/directorbot/index/thesaurus"
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
// title spelt right: "senoir PM max salary" names the Senior PM, not the
// PM. A word is misspelt where the guide never says it, it is long
// enough for a typo (spelling.Fuzzy), and one edit turns it into one word
// of the levels' titles or grades, and into no other.
func (ix *Index) levelSpelling(words []string, levels []levelTable) []string {
	var known []string
	for _, t := range levels {
		for _, title := range t.words {
			known = append(known, title.words...)
		}
	}
	known = append(known, slices.Sorted(maps.Keys(grades))...)
	slices.Sort(known)
	known = slices.Compact(known)
	out := slices.Clone(words)
	for i, w := range words {
		if !spelling.Fuzzy(w) || slices.Contains(known, w) || ix.says(Stem(w)) {
			continue
		}
		near := slices.DeleteFunc(slices.Clone(known), func(k string) bool { return !spelling.OneEditApart(w, k) })
		if len(near) == 1 {
			out[i] = near[0]
		}
	}
	return out
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
var grades = question.SetOf("senior sr junior jr principal staff lead associate assoc chief head entry")

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
// leftmost in which two cells or more are each the name of a role
// (Cast.Roled), and their words read as a question's are; false for a
// table of no levels.
func levelColumn(t *content.Table, cast question.Cast, rewrite func(string) string) (col int, ok bool) {
	for col := range t.Header {
		roles := 0
		for _, row := range t.Rows {
			if col < len(row) {
				if roled, _ := cast.Roled(question.Words(rewrite(row[col].Plain()))); len(roled) == 1 && question.IsRoleWord(roled[0]) {
					roles++
				}
			}
		}
		if roles >= 2 {
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

// maxLevelWords is the most words a level's title may have: a longer cell
// describes rather than names ("Senior PM or Group PM, whoever leads the
// squad").
const maxLevelWords = 5

// readLadder reads a guide's tables of levels: where each is, and the
// roles its levels name besides the roles list's. A level whose title is a
// role's name with more words ("Senior Product Manager", "Associate PM")
// is a role of its own, so that "how much does a senior PM make?" asks
// about a Senior PM, not any PM. It is named too with the role's other
// names ("senior PM" for "Senior Product Manager"), "sr" for "senior",
// and by the short name in brackets after its title ("APM"); titles of
// one level in two tables ("Senior PM" and "Senior Product Manager") are
// one role's names. Like the list's, such a role is described where a
// heading names it. The ladder lists too the roles of the list a level's
// title names as it is ("Product Manager"), but a grade of one where
// another level names it too (split). A level is no one else's
// (question.Reader.Levels): described or not, a question about it is the
// guide's.
func readLadder(g *content.Guide, roles [][]string, rewrite func(string) string) ladder {
	cast := question.NewCast(roles, rewrite)
	l := ladder{Tables: map[string][]levelAt{}}
	var whole []listedTitles
	for _, s := range g.Sections() {
		for ti, t := range s.Tables() {
			col, ok := levelColumn(t, cast, rewrite)
			if !ok {
				continue
			}
			l.Tables[s.ID] = append(l.Tables[s.ID], levelAt{ti, col})
			codes := levelCodes(t, col, rewrite)
			for _, row := range t.Rows {
				if col >= len(row) {
					continue
				}
				cells := titles(row[col].Plain())
				if codes != nil && len(cells) > 1 {
					// A code of a level of two titles is a role of its
					// own: "a D4" is a Staff Designer or a Design Manager.
					l.add([]string{row[0].Plain()}, rewrite)
				}
				for _, title := range cells {
					lv := level{title: title}
					if codes != nil && len(cells) == 1 {
						lv.code = row[0].Plain()
					}
					names, role := levelNames(lv.title, roles, cast, rewrite)
					switch {
					case names != nil:
						l.add(append(names, lv.codes()...), rewrite)
					case role >= 0:
						whole = listTitle(whole, role, lv, rewrite)
					}
				}
			}
		}
	}
	for _, w := range whole {
		l.split(w, roles, rewrite)
	}
	return l
}

// level is a row of a table of levels: its title, and its code when the
// table gives one ("P3", levelCodes).
type level struct{ title, code string }

// codes returns the level's code as a name of its role, none when it
// has none.
func (lv level) codes() []string {
	if lv.code == "" {
		return nil
	}
	return []string{lv.code}
}

// listedTitles are the levels whose titles are each a name of one role of
// the list as it is: "Director" and "Senior Director".
type listedTitles struct {
	role   int
	levels []level
}

// listTitle adds a level to its role's (listedTitles), once by its
// title's key.
func listTitle(whole []listedTitles, role int, lv level, rewrite func(string) string) []listedTitles {
	i := slices.IndexFunc(whole, func(w listedTitles) bool { return w.role == role })
	if i < 0 {
		return append(whole, listedTitles{role, []level{lv}})
	}
	if !slices.ContainsFunc(whole[i].levels, func(o level) bool { return nameKey(o.title, rewrite) == nameKey(lv.title, rewrite) }) {
		whole[i].levels = append(whole[i].levels, lv)
	}
	return whole
}

// split lists a role of the list whose levels' titles name it, and makes
// each of its grades a role of its own where another level names it too:
// a ladder of a Director and a Senior Director tells the two apart, as
// the list, to which a senior director is a director, does not.
func (l *ladder) split(w listedTitles, roles [][]string, rewrite func(string) string) {
	listed := false
	for _, lv := range w.levels {
		title, short := shortName(lv.title)
		words := question.Words(rewrite(title))
		if len(w.levels) == 1 || !aGrade(words, roles[w.role], rewrite) {
			listed = true
			if lv.code != "" {
				l.Codes = append(l.Codes, levelCode{w.role, lv.code})
			}
			continue
		}
		names := slices.Compact([]string{title, strings.Join(abbreviated(words), " "), short, lv.code})
		l.add(slices.DeleteFunc(names, func(n string) bool { return n == "" }), rewrite)
	}
	if listed && !slices.Contains(l.Listed, w.role) {
		l.Listed = append(l.Listed, w.role)
	}
}

// add adds a level's names to the ladder's roles, as levelNames returns
// them: to the role that has one of them already (the same by key), if
// any, or as a role of its own.
func (l *ladder) add(names []string, rewrite func(string) string) {
	if names == nil {
		return
	}
	keys := map[string]bool{}
	for _, n := range names {
		keys[nameKey(n, rewrite)] = true
	}
	i := slices.IndexFunc(l.Roles, func(o []string) bool {
		return slices.ContainsFunc(o, func(n string) bool { return keys[nameKey(n, rewrite)] })
	})
	if i < 0 {
		l.Roles = append(l.Roles, names)
		return
	}
	for _, n := range names {
		if !slices.ContainsFunc(l.Roles[i], func(o string) bool { return nameKey(o, rewrite) == nameKey(n, rewrite) }) {
			l.Roles[i] = append(l.Roles[i], n)
		}
	}
}

// ranks are the words that make a grade of a role without a grade word
// (grades): an SVP is a senior VP.
var ranks = question.SetOf("svp evp")

// aGrade reports whether a role's name (its words, as a question's are
// read) names one of its grades: it holds a grade word, or a rank, that
// another of the role's names lacks ("senior director" of the director,
// "SVP" of the VP), not one they all hold ("staff engineer").
func aGrade(name []string, role []string, rewrite func(string) string) bool {
	for _, w := range name {
		if !grades[w] && !ranks[w] {
			continue
		}
		if slices.ContainsFunc(role, func(n string) bool { return !slices.Contains(question.Words(rewrite(n)), w) }) {
			return true
		}
	}
	return false
}

// abbreviated writes a level's grade as Slack does: "sr designer".
func abbreviated(words []string) []string {
	out := slices.Clone(words)
	for i, w := range out {
		if w == "senior" {
			out[i] = "sr"
		}
	}
	return out
}

// levelNames returns the names of a level titled title, its title first,
// when it is a role's name with more words (readLadder); nil otherwise,
// and the role when the title is one of its names (-1 if not).
func levelNames(title string, roles [][]string, cast question.Cast, rewrite func(string) string) (names []string, role int) {
	title, short := shortName(title)
	words := question.Words(rewrite(title))
	ms := cast.Mentions(words)
	switch {
	case len(words) > maxLevelWords || len(ms) != 1:
		return nil, -1
	case ms[0].End-ms[0].Start == len(words):
		return nil, ms[0].Role
	}
	m := ms[0]
	names = []string{title}
	if aGrade(words[m.Start:m.End], roles[m.Role], rewrite) {
		// "SVP of Engineering" is the SVP, no other name of the VP's.
		names = append(names, m.Name)
	} else {
		before, after := strings.Join(words[:m.Start], " "), strings.Join(words[m.End:], " ")
		for _, b := range slices.Compact([]string{before, strings.Join(abbreviated(words[:m.Start]), " ")}) {
			for _, n := range roles[m.Role] {
				if !aGrade(question.Words(rewrite(n)), roles[m.Role], rewrite) {
					names = append(names, strings.TrimSpace(b+" "+n+" "+after))
				}
			}
		}
	}
	if short != "" {
		names = append(names, short)
	}
	return names, -1
}

// ladder is what a guide's tables of levels tell (readLadder): the roles
// of their own, the list's roles they name, and where they are.
type ladder struct {
	Roles  [][]string
	Listed []int
	// Codes are the codes of the levels the list's roles are ("P2" of
	// the Product Manager): names of those roles too, in this guide.
	Codes []levelCode
	// Tables holds, by section ID, the section's tables of levels.
	Tables map[string][]levelAt
}

// levelCode is the code of a level that is a role of the list.
type levelCode struct {
	Role int
	Code string
}

// levelAt is a table of levels: the index of the table among its
// section's, and of its column of the levels' titles.
type levelAt struct{ Table, Column int }

// nameKey is a role's name as a question's words read it: names of one
// key are the same name ("Senior PM", "senior pm").
func nameKey(name string, rewrite func(string) string) string {
	return strings.Join(question.Words(rewrite(name)), " ")
}

// list returns the roles list as the ladder reads it: without the names
// its own roles hold (where the Senior Director is a level of its own,
// "senior director" no longer names the director), and with the codes of
// the levels the list's roles are ("P2" names the Product Manager). No
// role is dropped, so that each keeps its place (ladder.Listed).
func (l ladder) list(roles [][]string, rewrite func(string) string) [][]string {
	held := map[string]bool{}
	for _, names := range l.Roles {
		for _, n := range names {
			held[nameKey(n, rewrite)] = true
		}
	}
	out := make([][]string, len(roles))
	for i, names := range roles {
		out[i] = slices.DeleteFunc(slices.Clone(names), func(n string) bool { return held[nameKey(n, rewrite)] })
	}
	for _, c := range l.Codes {
		if !held[nameKey(c.Code, rewrite)] {
			out[c.Role] = append(out[c.Role], c.Code)
		}
	}
	return out
}

// ladderOf reads a guide's tables of levels, with the thesaurus it is
// searched with.
func ladderOf(g *content.Guide, th *thesaurus.Thesaurus) (ladder, error) {
	roles, err := guideRoles(g)
	if err != nil {
		return ladder{}, err
	}
	return readLadder(g, roles, th.Rewrite), nil
}

// keepLadder keeps a guide's ladder in its persisted index: reading it
// again would decode every section with a table at open.
func keepLadder(b bleve.Index, g *content.Guide, th *thesaurus.Thesaurus) error {
	l, err := ladderOf(g, th)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(l); err != nil {
		return fmt.Errorf("keep the guide's levels: %w", err)
	}
	if err := b.SetInternal(ladderKey, buf.Bytes()); err != nil {
		return fmt.Errorf("keep the guide's levels: %w", err)
	}
	return nil
}

// keptLadder returns the ladder a persisted index keeps (keepLadder), or
// reads it from the guide of one built in memory, which keeps none.
func (ix *Index) keptLadder() (ladder, error) {
	raw, err := ix.bleve.GetInternal(ladderKey)
	if err != nil {
		return ladder{}, fmt.Errorf("read the guide's levels: %w", err)
	}
	if raw == nil {
		return ladderOf(ix.guide, ix.vocabulary)
	}
	var l ladder
	if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&l); err != nil {
		return ladder{}, fmt.Errorf("read the guide's levels: %w", err)
	}
	return l, nil
}
