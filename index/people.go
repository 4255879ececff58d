package index

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// describedRoles tells, by role, which the guide describes: a heading
// (a section's title) names it. bleve finds the titles that hold a name's
// stems, one query a role, and they are read best first as questions are
// until one names the role ("Own Organizational Design" holds the stem of
// "designer", but names no designer). It returns too each described
// role's name as that heading writes it ("VP"), in the roles' order.
func (ix *Index) describedRoles(ctx context.Context, roles [][]string) (map[int]bool, []string, error) {
	out := map[int]bool{}
	var written []string
	for r, names := range roles {
		as := names[0]
		named, err := ix.anySection(ctx, ix.namesIn(names, fieldTitle), maxTitlesRead, func(s *content.Section) bool {
			if !slices.Contains(ix.titleRoles(s), r) {
				return false
			}
			as = writtenName(s.Title, names)
			return true
		})
		if err != nil {
			return nil, nil, fmt.Errorf("find headings naming %q: %w", names[0], err)
		}
		if named {
			out[r] = true
			written = append(written, as)
		}
	}
	return out, written, nil
}

// writtenName returns the first of a role's names that a title holds as
// a word, written as the title writes it, or else the first name.
func writtenName(title string, names []string) string {
	for _, n := range names {
		if at := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(n) + `\b`).FindStringIndex(title); at != nil {
			return title[at[0]:at[1]]
		}
	}
	return names[0]
}

// Roles are the roles the guide describes, as its headings write them
// ("Director", "VP"), in the roles list's order: none for a guide that
// describes no one in particular.
func (ix *Index) Roles() []string { return ix.described }

// roleNamesOf names roles as the guide's headings write them ("VP"); a
// role no heading names by its first name in the roles list.
func (ix *Index) roleNamesOf(roles []int) []string {
	var out []string
	for _, r := range roles {
		name := ix.roleNames[r][0]
		i := 0
		for role := range r {
			if ix.reader.Described[role] {
				i++
			}
		}
		if ix.reader.Described[r] && i < len(ix.described) {
			name = ix.described[i]
		}
		out = append(out, name)
	}
	return out
}

// namesIn returns a query for any of a role's names in a field. Text is
// indexed as written, names read as questions are: a one-way rule
// ("technology" read as "technical") may tell them apart.
func (ix *Index) namesIn(names []string, field string) query.Query {
	var qs []query.Query
	for _, n := range names {
		for _, text := range slices.Compact([]string{n, ix.vocabulary.Rewrite(n)}) {
			qs = append(qs, phraseIn(question.Words(text), field))
		}
	}
	return query.NewDisjunctionQuery(qs)
}

// textNames holds, by role, whether the guide's text speaks of the person:
// names them in minTextSections sections at least. "Lead and mentor
// engineering managers", "1:1s with engineering managers" and "4-8
// engineering managers" say enough of the EM for "how is an EM different
// from a director?" to be the guide's question, while naming the CTO only
// as whom a VP reports to, and beside the CEO, says nothing of what a CTO
// does; of a staff engineer it says nothing at all. Each role is looked
// up the first time a question needs it, as reading texts costs a large
// guide a few milliseconds a role, too much for every restart; a lookup
// that fails is tried again by the next question.
type textNames struct {
	mu    sync.Mutex
	known map[int]bool
}

// namedInText reports whether the guide's text speaks of a role (see
// textNames). The sections bleve finds are read as questions are, as
// headings are in describedRoles.
func (ix *Index) namedInText(ctx context.Context, r int) (bool, error) {
	ix.textNames.mu.Lock()
	defer ix.textNames.mu.Unlock()
	if named, ok := ix.textNames.known[r]; ok {
		return named, nil
	}
	names := ix.roleNames[r]
	n, err := ix.countSections(ctx, ix.namesIn(names, fieldBody), maxTextsRead, minTextSections, func(s *content.Section) bool {
		return slices.Contains(ix.reader.Cast.Roles(ix.vocabulary.Rewrite(s.Text())), r)
	})
	if err != nil {
		return false, fmt.Errorf("find text naming %q: %w", names[0], err)
	}
	named := n == minTextSections
	ix.textNames.known[r] = named
	return named, nil
}

// anySection reports whether a section the query finds, among the first
// most, passes the check.
func (ix *Index) anySection(ctx context.Context, q query.Query, most int, check func(*content.Section) bool) (bool, error) {
	n, err := ix.countSections(ctx, q, most, 1, check)
	return n == 1, err
}

// countSections counts the distinct sections the query finds, among the
// first most documents, that pass the check, up to enough.
func (ix *Index) countSections(ctx context.Context, q query.Query, most, enough int, check func(*content.Section) bool) (int, error) {
	passed := map[*content.Section]bool{}
	for from := 0; from < most; from += sectionPage {
		res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, sectionPage, from, false))
		if err != nil {
			return 0, err
		}
		for _, d := range res.Hits {
			ref, ok := ix.ref(d.ID)
			if !ok || passed[ref.section] || !check(ref.section) {
				continue
			}
			if passed[ref.section] = true; len(passed) == enough {
				return enough, nil
			}
		}
		if len(res.Hits) < sectionPage {
			break
		}
	}
	return len(passed), nil
}

// Titles are read a page at a time when a guide is opened, and at most
// maxTitlesRead for each role: a stem in thousands of titles that name no
// role ("design") costs a few milliseconds, not a read of every heading.
// A section's text costs more to read than its title, and a role named in
// the text at all is named in one of the first sections that hold its
// stems: at most maxTextsRead are read.
const (
	sectionPage   = 100
	maxTitlesRead = 2000
	maxTextsRead  = sectionPage
)

// minTextSections is in how many sections a guide's text must name a role
// its headings do not for it to speak of them (textNames). Leaving each
// tuning set out of the examples in turn, 3 rather than 1 refused 7 more
// of 333 off-topic questions ("what does a CTO do that a VP doesn't?")
// and no answerable one; the held-out sets 1-8, 3 more of 269.
const minTextSections = 3

// titleRoles returns the roles a section's own title names, read as
// questions are.
func (ix *Index) titleRoles(s *content.Section) []int {
	return ix.reader.Cast.Roles(ix.vocabulary.Rewrite(s.Title))
}

// asking returns the words of a question's sentences that ask, with
// misspelt names of described roles spelt right: a story around the
// question ("I've been a director for a year.") only tells who asks.
// Alone tells that the question is one sentence, with no story.
func (ix *Index) asking(text string) (asks [][]string, alone bool) {
	split := question.Split(text)
	for _, s := range split {
		if !s.Context {
			asks = append(asks, ix.spelled(question.Words(s.Text)))
		}
	}
	return asks, len(split) == 1
}

// spelled returns the words with misspelt names of described roles
// spelt right (roleSpelling).
func (ix *Index) spelled(words []string) []string {
	for i, w := range words {
		words[i] = ix.roleSpelling(w)
	}
	return words
}

// roleSpelling returns the one-word name of a described role that a word
// misspells (Speller.Name), or the word.
func (ix *Index) roleSpelling(word string) string {
	if ix.reader.Cast.StartsName(word) {
		return word
	}
	return ix.speller.Name(word, ix.roleWords)
}

// othersOnly reports whether a section's headings name roles, none of
// them one the question asks about: "Typical Scope" under the director's
// page is no answer to how many reports a VP has.
func (ix *Index) othersOnly(asked []int, s *content.Section) bool {
	if len(asked) == 0 {
		return false
	}
	heads := ix.headingRoles(s)
	return len(heads) > 0 && !slices.ContainsFunc(heads, func(r int) bool { return slices.Contains(asked, r) })
}

// ownTextNames reports whether a section's own text opens by naming one
// of the roles asked about: Career Progression Indicators, under the
// Director's heading, opens "You're ready for VP when…". A role named in
// passing further on ("set the roadmap with your VP") leaves the section
// the Director's. Only the answer's section is read so.
func (ix *Index) ownTextNames(asked []int, s *content.Section) bool {
	blocks := s.Blocks()
	if len(blocks) == 0 {
		return false
	}
	line, _, _ := strings.Cut(blocks[0].Plain(), "\n")
	sentences := question.Split(line)
	if len(sentences) == 0 {
		return false
	}
	roles := ix.reader.Cast.Roles(ix.vocabulary.Rewrite(sentences[0].Text))
	return slices.ContainsFunc(roles, func(r int) bool { return slices.Contains(asked, r) })
}

// headingRoles returns the roles a section's title and the headings above
// it name, each heading read on its own: kept, as the most recently used
// sections' are, without analyzing their text, which many hits of a large
// guide never need.
func (ix *Index) headingRoles(s *content.Section) []int {
	if r, ok := ix.sectionRoles.Get(s); ok {
		return r
	}
	var r []int
	if s.Parent != nil {
		r = slices.Clone(ix.headingRoles(s.Parent))
	}
	for _, role := range ix.titleRoles(s) {
		if !slices.Contains(r, role) {
			r = append(r, role)
		}
	}
	ix.sectionRoles.Add(s, r)
	return r
}

// otherRoleWeight is what a hit keeps of its score when it is about others
// only (othersOnly).
const otherRoleWeight = 0.45

// preferAsked ranks lower the hits about other roles than the question's,
// and those titled by a grade of the role the question, its words, does
// not say (gradedOnly).
func (ix *Index) preferAsked(hits []Hit, asked []int, words []string) {
	if len(asked) == 0 {
		return
	}
	said := question.Set{}
	for _, w := range words {
		said[gradeOfWord(w)] = true
	}
	for i, h := range hits {
		if ix.othersOnly(asked, h.Section) || ix.gradedOnly(asked, said, h.Section) {
			hits[i].Score *= otherRoleWeight
		}
	}
	byScore(hits)
}

// gradedOnly reports whether a section's title, or the nearest heading
// above it that names roles, names the roles a question asks about only
// by a grade the question does not say (said, each grade spelt one way:
// gradeOfWord): "Senior Director" is no answer to what a director does,
// nor to director vs VP, but is to what a senior director does. The grade
// may be a role of its own (a ladder that lists both) or another name of
// the role.
func (ix *Index) gradedOnly(asked []int, said question.Set, s *content.Section) bool {
	// A section whose title names no role is its heading's: "Senior
	// Director › Responsibilities".
	titled := ix.read(s).titleGrades()
	for p := s.Parent; len(titled) == 0 && p != nil; p = p.Parent {
		titled = ix.read(p).titleGrades()
	}
	graded := false
	for _, t := range titled {
		switch {
		case t.grade == "" && slices.Contains(asked, t.role):
			return false
		case t.grade == "" || !slices.Contains(asked, t.base) && !slices.Contains(asked, t.role):
		case said[t.grade]:
			return false
		default:
			graded = true
		}
	}
	return graded
}

// titleGrade is a role a section's title names: by a grade (gradeOf) of
// the base role, or as itself (no grade).
type titleGrade struct {
	role, base int
	grade      string
}

// titleGrades returns the roles a section's title names, each with the
// grade it names it by.
func (ix *Index) titleGrades(s *content.Section) []titleGrade {
	words := question.Words(ix.vocabulary.Rewrite(s.Title))
	var out []titleGrade
	for _, m := range ix.reader.Cast.Mentions(words) {
		grade, base := ix.gradeOf(words, m)
		out = append(out, titleGrade{role: m.Role, base: base, grade: grade})
	}
	return out
}

// gradeOf returns the grade by which a mention of a role in words names a
// grade of a role (ungraded), and the role its name names without it;
// "" for a name of no grade, and for a name a grade word begins that is
// no grade ("Head of Engineering", "Chief Technology Officer"). A grade
// said before a name the cast does not hold whole must be an adjective
// (preGrades): "Lead Directors Through a Reorg" grades no director.
func (ix *Index) gradeOf(words []string, m question.Mention) (string, int) {
	start := m.Start
	if start > 0 && preGrades[words[start-1]] {
		start--
	}
	for grade, base := range ungraded(words[start:m.End]) {
		if ms := ix.reader.Cast.Mentions(base); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(base) {
			return grade, ms[0].Role
		}
	}
	return "", 0
}

// preGrades are the grades that may stand before a role's name as the
// grade of it, whatever the cast names: words only of grades, where
// "lead", "staff" and "head" are verbs and nouns too.
var preGrades = question.SetOf("senior sr snr junior jr principal associate assoc")
