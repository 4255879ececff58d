package index

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
	"github.com/directorbot/directorbot/index/thesaurus"
)

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

// maxLevelWords is the most words a level's title may have: a longer cell
// describes rather than names ("Senior PM or Group PM, whoever leads the
// squad").
const maxLevelWords = 5

// levelRow is a row of a table of levels: the titles its cell lists
// (titles), and its code ("P3", levelCodes), "" when the table gives
// none.
type levelRow struct {
	titles []string
	code   string
}

// ladderReading is a guide's ladder as readLadder reads it: the roles
// list, the cast of its names and the thesaurus's rewriting.
type ladderReading struct {
	roles   [][]string
	cast    question.Cast
	rewrite func(string) string
}

// key is a role's name as a question's words read it (nameKey).
func (lr ladderReading) key(name string) string { return nameKey(name, lr.rewrite) }

// nameKey is a role's name as a question's words read it: names of one
// key are the same name ("Senior PM", "senior pm").
func nameKey(name string, rewrite func(string) string) string {
	return strings.Join(question.Words(rewrite(name)), " ")
}

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
// another level names it too (split), and names each level by its code
// (nameCodes). A level is no one else's (question.Reader.Levels):
// described or not, a question about it is the guide's.
//
// The tables of levels are those the list's roles make ones (levelColumn)
// and, once the ladder's own roles are read from them, those these make
// ones too: a table of bands whose titles are mostly the ladder's own
// ("Associate PM", "Senior PM").
func readLadder(g *content.Guide, roles [][]string, rewrite func(string) string) ladder {
	lr := ladderReading{roles, question.NewCast(roles, rewrite), rewrite}
	l := ladder{Tables: map[string][]levelAt{}}
	var rows []levelRow
	var whole []listedTitles
	for _, s := range g.Sections() {
		for ti, t := range s.Tables() {
			col, ok := levelColumn(t, lr.cast, rewrite)
			if !ok {
				continue
			}
			l.Tables[s.ID] = append(l.Tables[s.ID], levelAt{ti, col})
			for _, row := range tableLevels(t, col, rewrite) {
				rows = append(rows, row)
				for _, title := range row.titles {
					names, role := lr.levelNames(title)
					if names != nil {
						l.add(names, lr)
					} else if role >= 0 {
						whole = listTitle(whole, role, title, lr)
					}
				}
			}
		}
	}
	for _, w := range whole {
		l.split(w, lr)
	}
	l.nameCodes(rows, lr)
	l.findTables(g, question.NewCast(l.roles(roles, rewrite), rewrite), rewrite)
	return l
}

// tableLevels returns the levels of a table of levels whose titles are in
// column col, one a row.
func tableLevels(t *content.Table, col int, rewrite func(string) string) []levelRow {
	codes := levelCodes(t, col, rewrite)
	var out []levelRow
	for _, row := range t.Rows {
		if col >= len(row) {
			continue
		}
		r := levelRow{titles: titles(row[col].Plain())}
		if codes != nil {
			r.code = row[0].Plain()
		}
		out = append(out, r)
	}
	return out
}

// findTables adds the tables of levels that cast, which holds the
// ladder's own roles, finds besides those the list's roles found.
func (l *ladder) findTables(g *content.Guide, cast question.Cast, rewrite func(string) string) {
	for _, s := range g.Sections() {
		for ti, t := range s.Tables() {
			if slices.ContainsFunc(l.Tables[s.ID], func(at levelAt) bool { return at.Table == ti }) {
				continue
			}
			if col, ok := levelColumn(t, cast, rewrite); ok {
				l.Tables[s.ID] = append(l.Tables[s.ID], levelAt{ti, col})
			}
		}
	}
}

// listedTitles are the titles of levels that are each a name of one role
// of the list as it is: "Director" and "Senior Director".
type listedTitles struct {
	role   int
	titles []string
}

// listTitle adds a level's title to its role's (listedTitles), once by
// key.
func listTitle(whole []listedTitles, role int, title string, lr ladderReading) []listedTitles {
	i := slices.IndexFunc(whole, func(w listedTitles) bool { return w.role == role })
	if i < 0 {
		return append(whole, listedTitles{role, []string{title}})
	}
	if !slices.ContainsFunc(whole[i].titles, func(t string) bool { return lr.key(t) == lr.key(title) }) {
		whole[i].titles = append(whole[i].titles, title)
	}
	return whole
}

// split lists a role of the list whose levels' titles name it, and makes
// each of its grades a role of its own where another level names it too:
// a ladder of a Director and a Senior Director tells the two apart, as
// the list, to which a senior director is a director, does not. The grade
// takes the list's names of it, however it abbreviates the grade ("snr
// director").
func (l *ladder) split(w listedTitles, lr ladderReading) {
	listed := false
	for _, t := range w.titles {
		title, short := shortName(t)
		words := question.Words(lr.rewrite(title))
		if len(w.titles) == 1 || !aGrade(words, lr.roles[w.role], lr) {
			listed = true
			continue
		}
		names := []string{title, strings.Join(abbreviated(words), " "), short}
		for _, n := range lr.roles[w.role] {
			if slices.Equal(gradeClass(question.Words(lr.rewrite(n))), gradeClass(words)) {
				names = append(names, n)
			}
		}
		l.add(names, lr)
	}
	if listed && !slices.Contains(l.Listed, w.role) {
		l.Listed = append(l.Listed, w.role)
	}
}

// sameGrades spell one grade in other words.
var sameGrades = map[string]string{"sr": "senior", "snr": "senior", "jr": "junior", "assoc": "associate"}

// gradeClass returns a name's words with each grade spelt one way: "snr
// director" is a senior director.
func gradeClass(words []string) []string {
	out := slices.Clone(words)
	for i, w := range out {
		if g, ok := sameGrades[w]; ok {
			out[i] = g
		}
	}
	return out
}

// add adds a level's names to the ladder's roles: to the role that has one
// of them already (the same by key), if any, or as a role of its own.
// Empty names and names of the same key are left out.
func (l *ladder) add(names []string, lr ladderReading) {
	keys := map[string]bool{}
	var kept []string
	for _, n := range names {
		if k := lr.key(n); k != "" && !keys[k] {
			keys[k] = true
			kept = append(kept, n)
		}
	}
	if len(kept) == 0 {
		return
	}
	i := slices.IndexFunc(l.Roles, func(o []string) bool {
		return slices.ContainsFunc(o, func(n string) bool { return keys[lr.key(n)] })
	})
	if i < 0 {
		l.Roles = append(l.Roles, kept)
		return
	}
	for _, n := range kept {
		if !slices.ContainsFunc(l.Roles[i], func(o string) bool { return lr.key(o) == lr.key(n) }) {
			l.Roles[i] = append(l.Roles[i], n)
		}
	}
}

// codeTarget is whom a level's code names: a role of the ladder's own
// (ladder >= 0), of the list (list >= 0), or, for a level of two titles,
// a role of the code alone, the titles' keys telling one such level from
// another (own).
type codeTarget struct {
	ladder, list int
	own          string
}

// nameCodes makes each level's code a name of the level's role, in the
// ladder's roles or in its Codes for the list's: "a P2" is a Product
// Manager. A level of two titles ("Staff Designer or Design Manager") is a
// role of its code alone ("a D4"). A code that two tables give different
// levels (an engineering and a product ladder, both "L1" to "L3") names
// none of them.
func (l *ladder) nameCodes(rows []levelRow, lr ladderReading) {
	targets := map[string]codeTarget{}
	spelt := map[string]string{}
	clashes := map[string]bool{}
	var order []string
	for _, r := range rows {
		if r.code == "" {
			continue
		}
		k := lr.key(r.code)
		t, ok := l.codeTarget(r, lr)
		if prev, seen := targets[k]; seen || !ok {
			clashes[k] = clashes[k] || !ok || prev != t
			continue
		}
		targets[k], spelt[k] = t, r.code
		order = append(order, k)
	}
	for _, k := range order {
		switch t := targets[k]; {
		case clashes[k]:
		case t.ladder >= 0:
			l.Roles[t.ladder] = append(l.Roles[t.ladder], spelt[k])
		case t.list >= 0:
			l.Codes = append(l.Codes, levelCode{t.list, spelt[k]})
		default:
			l.Roles = append(l.Roles, []string{spelt[k]})
		}
	}
}

// codeTarget returns whom a row's code names (codeTarget); false when its
// title is no role's.
func (l *ladder) codeTarget(r levelRow, lr ladderReading) (codeTarget, bool) {
	if len(r.titles) > 1 {
		keys := make([]string, len(r.titles))
		for i, t := range r.titles {
			keys[i] = lr.key(t)
		}
		return codeTarget{-1, -1, strings.Join(keys, "|")}, true
	}
	title, _ := shortName(r.titles[0])
	if i := slices.IndexFunc(l.Roles, func(names []string) bool {
		return slices.ContainsFunc(names, func(n string) bool { return lr.key(n) == lr.key(title) })
	}); i >= 0 {
		return codeTarget{i, -1, ""}, true
	}
	if names, role := lr.levelNames(r.titles[0]); names == nil && role >= 0 {
		return codeTarget{-1, role, ""}, true
	}
	return codeTarget{}, false
}

// ranks are the words that make a grade of a role without a grade word
// (grades): an SVP is a senior VP, an EVP an executive one.
var ranks = map[string]rank{"svp": {"vp", "senior"}, "evp": {"vp", "executive"}}

// rank is a rank's role and the grade of it that the rank names.
type rank struct{ role, grade string }

// ungraded yields, for each grade word or rank in a name (its words, as a
// question's are read), the grade, spelt one way (gradeOfWord), and the
// name without it, or with the rank's role: "director" of "senior
// director", "vp" of "svp".
func ungraded(name []string) iter.Seq2[string, []string] {
	return func(yield func(string, []string) bool) {
		for i, w := range name {
			base := slices.Clone(name)
			if r, ok := ranks[w]; ok {
				base[i] = r.role
			} else if grades[w] {
				base = slices.Delete(base, i, i+1)
			} else {
				continue
			}
			if !yield(gradeOfWord(w), base) {
				return
			}
		}
	}
}

// gradeOfWord spells the grade a word says one way: a rank's ("svp" is
// senior) or gradeClass's ("sr" is senior); any other word as it is.
func gradeOfWord(w string) string {
	if r, ok := ranks[w]; ok {
		return r.grade
	}
	return gradeClass([]string{w})[0]
}

// aGrade reports whether a role's name (its words, as a question's are
// read) names one of its grades: without its grade word, or with its rank
// as the role's own, it is another of the role's names ("senior
// director" of the director, "SVP" of the VP); not "staff engineer",
// which is no grade of an engineer the role names, nor "chief technology
// officer", which the CTO is.
func aGrade(name []string, role []string, lr ladderReading) bool {
	for _, base := range ungraded(name) {
		if len(base) > 0 && slices.ContainsFunc(role, func(n string) bool { return lr.key(n) == strings.Join(base, " ") }) {
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
// and the role when the title is one of its names (-1 if not). A graded
// name with more words ("SVP of Engineering") is named by that grade
// alone ("SVP"), not by the role's other names ("VP of engineering"),
// which are no synonyms of it.
func (lr ladderReading) levelNames(title string) (names []string, role int) {
	title, short := shortName(title)
	words := question.Words(lr.rewrite(title))
	ms := joined(lr.cast.Mentions(words))
	switch {
	case len(words) > maxLevelWords || len(ms) != 1:
		return nil, -1
	case ms[0].End-ms[0].Start == len(words):
		return nil, ms[0].Role
	}
	m := ms[0]
	names = []string{title}
	if aGrade(words[m.Start:m.End], lr.roles[m.Role], lr) {
		names = append(names, m.Name)
	} else {
		before, after := strings.Join(words[:m.Start], " "), strings.Join(words[m.End:], " ")
		for _, b := range slices.Compact([]string{before, strings.Join(abbreviated(words[:m.Start]), " ")}) {
			for _, n := range lr.roles[m.Role] {
				if !aGrade(question.Words(lr.rewrite(n)), lr.roles[m.Role], lr) {
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

// joined returns mentions with a name followed at once by another of the
// same role's taken as one: "Director (Dir)" names the Director once.
func joined(ms []question.Mention) []question.Mention {
	var out []question.Mention
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].Role == m.Role && out[n-1].End == m.Start {
			out[n-1].End = m.End
			continue
		}
		out = append(out, m)
	}
	return out
}

// roles returns the guide's roles as the ladder reads the roles list: the
// list's, without the names the ladder's own roles hold (where the Senior
// Director is a level of its own, "senior director" no longer names the
// director) and with the codes of the levels they are ("P2" names the
// Product Manager), then the ladder's own. No role of the list is
// dropped, so that each keeps its place (ladder.Listed).
func (l ladder) roles(list [][]string, rewrite func(string) string) [][]string {
	held := map[string]bool{}
	for _, names := range l.Roles {
		for _, n := range names {
			held[nameKey(n, rewrite)] = true
		}
	}
	out := make([][]string, len(list), len(list)+len(l.Roles))
	for i, names := range list {
		out[i] = slices.DeleteFunc(slices.Clone(names), func(n string) bool { return held[nameKey(n, rewrite)] })
	}
	for _, c := range l.Codes {
		out[c.Role] = append(out[c.Role], c.Code)
	}
	return append(out, l.Roles...)
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
