package index

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/directorbot/directorbot/content"
)

// cast holds the names of the people a question may be about
// (thesaurus.Roles) by their first word, longest first, so that a
// "director of product" is not read as a director.
type cast map[string][]personName

// personName is one name of a role, split into words.
type personName struct {
	words []string
	role  int
}

// newCast reads the roles' names as a question's words are read
// (rewrite: "eng" is "engineering"), each with its plural.
func newCast(roles [][]string, rewrite func(string) string) cast {
	c := cast{}
	for r, names := range roles {
		for _, n := range names {
			words := questionWords(rewrite(n))
			// The plural as a question reads it too: a thesaurus rule
			// may name only the plural ("product managers").
			plurals := questionWords(rewrite(strings.Join(plural(questionWords(n)), " ")))
			c.add(personName{words, r}, personName{plural(words), r}, personName{plurals, r})
		}
	}
	return c
}

// plural returns a role's name in the plural: its head word, the last
// or the one before "of", with an "s" ("directors of product").
func plural(name []string) []string {
	out := slices.Clone(name)
	head := len(out) - 1
	if i := slices.Index(out, "of"); i > 0 {
		head = i - 1
	}
	if !strings.HasSuffix(out[head], "s") {
		out[head] += "s"
	}
	return out
}

// describedRoles tells, by role, which the guide describes: a heading
// (a section's title) names it. bleve finds the titles that hold a name's
// stems, one query a role, and they are read best first as questions are
// until one names the role ("Own Organizational Design" holds the stem of
// "designer", but names no designer).
func (ix *Index) describedRoles(roles [][]string) (map[int]bool, error) {
	out := map[int]bool{}
	for r, names := range roles {
		named, err := ix.anySection(ix.namesIn(names, fieldTitle), maxTitlesRead, func(s *content.Section) bool {
			return slices.Contains(ix.titleRoles(s), r)
		})
		if err != nil {
			return nil, fmt.Errorf("find headings naming %q: %w", names[0], err)
		}
		if named {
			out[r] = true
		}
	}
	return out, nil
}

// namesIn returns a query for any of a role's names in a field. Text is
// indexed as written, names read as questions are: a one-way rule
// ("technology" read as "technical") may tell them apart.
func (ix *Index) namesIn(names []string, field string) query.Query {
	var qs []query.Query
	for _, n := range names {
		for _, text := range slices.Compact([]string{n, ix.vocabulary.Rewrite(n)}) {
			qs = append(qs, phraseIn(questionWords(text), field))
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
func (ix *Index) namedInText(r int) (bool, error) {
	ix.textNames.mu.Lock()
	defer ix.textNames.mu.Unlock()
	if named, ok := ix.textNames.known[r]; ok {
		return named, nil
	}
	names := ix.roleNames[r]
	n, err := ix.countSections(ix.namesIn(names, fieldBody), maxTextsRead, minTextSections, func(s *content.Section) bool {
		return slices.Contains(ix.cast.roles(ix.vocabulary.Rewrite(s.Text())), r)
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
func (ix *Index) anySection(q query.Query, most int, check func(*content.Section) bool) (bool, error) {
	n, err := ix.countSections(q, most, 1, check)
	return n == 1, err
}

// countSections counts the distinct sections the query finds, among the
// first most documents, that pass the check, up to enough.
func (ix *Index) countSections(q query.Query, most, enough int, check func(*content.Section) bool) (int, error) {
	passed := map[*content.Section]bool{}
	for from := 0; from < most; from += sectionPage {
		res, err := ix.bleve.Search(bleve.NewSearchRequestOptions(q, sectionPage, from, false))
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
	return ix.cast.roles(ix.vocabulary.Rewrite(s.Title))
}

// add adds names, keeping each first word's longest first.
func (c cast) add(names ...personName) {
	for _, n := range names {
		if len(n.words) == 0 || slices.ContainsFunc(c[n.words[0]], func(o personName) bool { return slices.Equal(o.words, n.words) }) {
			continue
		}
		first := n.words[0]
		c[first] = append(c[first], n)
		slices.SortStableFunc(c[first], func(a, b personName) int { return cmp.Compare(len(b.words), len(a.words)) })
	}
}

// mention is where a role's name stands in a question's words.
type mention struct {
	start, end, role int
}

// mentions finds the names in words, left to right, the longest at each
// place.
func (c cast) mentions(words []string) []mention {
	var out []mention
	for i := 0; i < len(words); i++ {
		for _, n := range c[words[i]] {
			if len(words)-i >= len(n.words) && slices.Equal(words[i:i+len(n.words)], n.words) {
				out = append(out, mention{start: i, end: i + len(n.words), role: n.role})
				i += len(n.words) - 1
				break
			}
		}
	}
	return out
}

// aboutOthers reports whether a question asks about someone the guide
// does not describe ("what does a CTO do all day?"): a role no heading
// names is what a sentence that asks is about, and those sentences
// (asking) name no role a heading does. Such a question shares words with
// the guide, but its sections would answer for someone else. A guide
// whose headings name no role describes no one in particular.
//
// A role the guide describes, named, makes the question the guide's,
// unless the other role, one the guide's text never names, is what is
// asked about and the two are contrasted: "how is a staff engineer's job
// different from a director's?" asks about the staff engineer, of whom the
// guide says nothing, while "EM vs director: who owns hiring?" asks about
// the director, "I was an EM; what's different now that I'm a director?"
// about the asker, and "how is an EM different from a director?" is
// answered by the guide's account of the step from EM.
func (ix *Index) aboutOthers(asking [][]string) (bool, error) {
	if len(ix.described) == 0 {
		return false, nil
	}
	others, named := false, false
	for _, words := range asking {
		ms := ix.cast.mentions(words)
		for i, m := range ms {
			if ix.described[m.role] {
				named = true
				continue
			}
			asked := about(words, m) && !asker(words, m)
			if asked && i+1 < len(ms) && ix.described[ms[i+1].role] && contrasted(words, m, ms[i+1]) {
				inText, err := ix.namedInText(m.role)
				if err != nil {
					return false, err
				}
				if !inText {
					return true, nil
				}
			}
			others = others || asked
		}
	}
	return others && !named, nil
}

// contrasted reports whether two roles named side by side are set
// against each other: "the difference between a CTO and a VP", "a CTO's
// job different from a VP's", "is a head of engineering the same level as
// a director?", "what does a CTO do that a VP doesn't?". "Time between my
// EMs and the VP" sets nothing against anything.
func contrasted(words []string, a, b mention) bool {
	if i := beforeDeterminers(words, a.start); i >= 1 && words[i] == "between" && contrasts[words[i-1]] {
		return true
	}
	return denied(words[b.end:]) || slices.ContainsFunc(words[a.end:b.start], func(w string) bool { return contrasts[w] })
}

// denied reports whether words open with a negated verb: "doesn't", "does
// not", "can't".
func denied(words []string) bool {
	switch {
	case len(words) == 0:
		return false
	case negations[words[0]]:
		return true
	}
	return len(words) > 1 && auxiliaries[words[0]] && (words[1] == "not" || words[1] == "t")
}

// askedRoles returns the roles the guide describes that a question's
// asking sentences name: "I'm a director. How many reports does a VP
// have?" asks about the VP.
func (ix *Index) askedRoles(asking [][]string) []int {
	var out []int
	for _, words := range asking {
		for _, r := range ix.cast.rolesIn(words) {
			if ix.described[r] && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// asking returns the words of a question's sentences that ask, with
// misspelt names of described roles spelt right: a story around the
// question ("I've been a director for a year.") only tells who asks.
func (ix *Index) asking(question string) [][]string {
	var out [][]string
	for _, s := range split(question) {
		if !s.context {
			out = append(out, ix.spelled(questionWords(s.text)))
		}
	}
	return out
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
// misspells, or the word. "directer" stems as "direct", a word the guide
// knows ("direct reports"), so only its likeness to "director" tells the
// typo; a word the guide knows whose stem is not the start of the name's
// ("directory") is its own word.
func (ix *Index) roleSpelling(word string) string {
	if !fuzzy(word) || len(ix.cast[word]) > 0 {
		return word
	}
	for _, n := range ix.roleWords {
		if !oneEditApart(word, n) {
			continue
		}
		stem := ix.stem(word)
		if _, known := ix.known[stem]; !known || strings.HasPrefix(ix.stem(n), stem) {
			return n
		}
	}
	return word
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
const otherRoleWeight = 0.5

// preferAsked ranks lower the hits about other roles than the question's.
func (ix *Index) preferAsked(hits []Hit, asked []int) {
	if len(asked) == 0 {
		return
	}
	for i, h := range hits {
		if ix.othersOnly(asked, h.Section) {
			hits[i].Score *= otherRoleWeight
		}
	}
	byScore(hits)
}

// roles returns the roles a text names.
func (c cast) roles(text string) []int {
	return c.rolesIn(questionWords(text))
}

// rolesIn returns the roles a text's words name.
func (c cast) rolesIn(words []string) []int {
	var out []int
	for _, m := range c.mentions(words) {
		out = append(out, m.role)
	}
	return out
}

// about reports whether the sentence's words ask about the person
// mentioned: a verb asks about them ("does a CTO", "should an EM"), they
// are compared ("between a staff engineer and"), or their job is asked
// for ("a CPO's responsibilities", "the career ladder for a TPM").
func about(words []string, m mention) bool {
	i := beforeDeterminers(words, m.start)
	before := func(set map[string]bool) bool { return i >= 0 && set[words[i]] }
	after := func(at int) bool { return at < len(words) && aspects[words[at]] }
	of := i >= 1 && (words[i] == "of" || words[i] == "for") && aspects[words[i-1]]
	possessive := m.end < len(words) && words[m.end] == "s"
	return before(askingVerbs) || becoming(words, i) && !possessive || step(words, i) ||
		before(comparing) || of || after(m.end) || possessive && after(m.end+1) || versusAsked(words, m)
}

// versusAsked reports whether "X vs Y" asks about X: the sentence asks
// for the difference ("CTO vs VP, what's the difference?"); "tech lead vs
// director, who drives architecture?" asks who does what the guide
// describes.
func versusAsked(words []string, m mention) bool {
	if m.end >= len(words) || words[m.end] != "vs" && words[m.end] != "versus" {
		return false
	}
	return slices.ContainsFunc(words, func(w string) bool { return differences[w] })
}

// beforeDeterminers returns the place of the word before those that
// determine the word at start ("does our new CTO"), -1 at the start.
func beforeDeterminers(words []string, start int) int {
	i := start - 1
	for i >= 0 && start-i <= maxDeterminers && determiners[words[i]] {
		i--
	}
	return i
}

// becoming reports whether the word at i is the asker, or anyone, asking
// to become the role after it: "how do I become an EM?", "how to become a
// CTO". Helping someone else become one is the asker's own job ("help my
// tech lead become an EM"), and one asks to become a role, not its deputy
// ("the CEO's sounding board", checked by the caller).
func becoming(words []string, i int) bool {
	if i < 0 {
		return false
	}
	switch words[i] {
	case "becoming":
		return true
	case "become":
		return i >= 1 && aspirants[words[i-1]]
	}
	return false
}

// step reports whether the word at i ends a step from one level to the
// role after it: "from senior to staff engineer". "Risks from engineering
// to the CEO" is no step.
func step(words []string, i int) bool {
	if i < 0 || words[i] != "to" {
		return false
	}
	for from := i - 1; from >= 0; from-- {
		if words[from] == "from" {
			return from+1 < i && levels[words[from+1]]
		}
	}
	return false
}

// asker reports whether a question about the person mentioned is the
// asker's own: the person is theirs ("my EMs", "an EM I manage"), the
// asker is one ("I was an EM"), the person is one the asker serves ("does
// the CEO need…"), or the asker or engineering is the object after ("what
// does the CEO expect from me?", "…want from engineering?").
// "What does a CTO do at our company?" is still about the CTO.
func asker(words []string, m mention) bool {
	if slices.Contains(words[max(0, m.start-maxDeterminers):m.start], "my") {
		return true
	}
	if i := beforeDeterminers(words, m.start); i >= 1 && words[i-1] == "i" && selfVerbs[words[i]] {
		return true
	}
	if m.end < len(words) && (words[m.end] == "i" || words[m.end] == "we" || audience[words[m.end]]) {
		return true
	}
	for i := m.end; i < len(words); i++ {
		if askerObjects[words[i]] || relating[words[i]] && i+1 < len(words) && askerOwn[words[i+1]] {
			return true
		}
	}
	return false
}

// maxDeterminers is how many words may stand between a verb and the
// person it asks about: "does our new CTO".
const maxDeterminers = 3

var (
	askingVerbs = setOf("does do did should would will can could is are was were must may might")
	// aspirants ask to become a role: "how do I become", "how to become",
	// "can you become".
	aspirants = setOf("i to you")
	// levels begin a step up to a role: "from senior to staff".
	levels    = setOf("senior junior mid ic individual engineer developer dev staff principal lead")
	comparing = setOf("between vs versus than")
	// contrasts set one role against another ("more code than", "similar
	// to").
	contrasts = setOf("vs versus different differently differ differs difference differences distinction compare compared comparison same equivalent equal than similar")
	// differences ask what sets two roles apart ("diff" is read as
	// "difference" before).
	differences = setOf("different differently differ differs difference differences distinction")
	// negations are negated verbs as questionWords splits them ("doesn't"
	// is "doesn", "t"); auxiliaries are negated by a "not" or "t" after
	// them ("does not", "can't").
	negations   = setOf("doesn don didn isn aren wasn won shouldn wouldn cannot")
	auxiliaries = setOf("does do did can is are will")
	// selfVerbs after "I" make the asker the role named next: "I'm an
	// EM", "I was a staff engineer".
	selfVerbs   = setOf("m am was")
	determiners = setOf("a an the our my your their this that new good typical average underperforming first senior junior staff principal lead")
	aspects     = setOf("responsibilities duties job path ladder day week packet")
	// askerObjects are the asker as an object; relating words lead to
	// the asker's own ("from my team", "to engineering").
	askerObjects = setOf("me us myself ourselves")
	// audience verbs make the person one the asker serves: "does the CEO
	// need the same detail as the VP?" asks what to give them.
	audience = setOf("need needs want wants expect expects prefer prefers")
	relating = setOf("from to with for")
	askerOwn = setOf("my our engineering")
)

// roleWords returns the one-word names of the described roles that a
// misspelling may be read as, sorted so that a word near two reads as the
// same one every time.
func roleWords(c cast, described map[int]bool) []string {
	var out []string
	for _, names := range c {
		for _, n := range names {
			if len(n.words) == 1 && described[n.role] && fuzzy(n.words[0]) {
				out = append(out, n.words[0])
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
