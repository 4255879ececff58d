// Package spelling reads a misspelt word as a word a guide knows: a known
// term one edit away, the word with two neighbouring letters swapped back,
// a thesaurus word one edit away, or a known stem it begins with. It also
// tells a misspelt stop word or filler ("usualy", "wat"), which shapes a
// question rather than naming its topic.
package spelling

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Speller reads misspellings against one guide's words. It is safe for
// concurrent use once made.
type Speller struct {
	// known maps every known stem to the most documents it occurs in
	// within one field; terms holds those that hold a letter by length.
	known map[string]uint64
	terms map[int][]string
	// vocabulary holds words spelt right as typed (the thesaurus's, and a
	// guide's own), phrasing the stop words and fillers, both by length in
	// runes.
	vocabulary, phrasing map[int][]string
	stopWords            map[string]bool
	stem                 func(string) string
}

// New makes a Speller of the known stems (with their document counts,
// kept, not copied), words spelt right as typed (the thesaurus's, a
// guide's own), the stop words and fillers, and the stemmer that made the
// known stems.
func New(known map[string]uint64, vocabulary, stopWords, fillers []string, stem func(string) string) *Speller {
	s := &Speller{
		known:      known,
		terms:      spellings(known),
		vocabulary: byLength(vocabulary),
		phrasing:   byLength(slices.Concat(stopWords, fillers)),
		stopWords:  make(map[string]bool, len(stopWords)),
		stem:       stem,
	}
	for _, w := range stopWords {
		s.stopWords[w] = true
	}
	return s
}

// byLength groups words by their length in runes.
func byLength(words []string) map[int][]string {
	out := map[int][]string{}
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		out[n] = append(out[n], w)
	}
	return out
}

// minFuzzyRunes is the shortest word matched within one edit when the
// guide does not know it. Two edits would catch a few more typos, but
// bleve's distance-2 automaton cost about four times the whole search
// (BENCHMARKS.md), and shorter words have too many neighbours.
const minFuzzyRunes = 4

// Fuzzy reports whether an unknown word is long enough to be matched
// within one edit.
func Fuzzy(word string) bool {
	return utf8.RuneCountInString(word) >= minFuzzyRunes
}

// Term is a known term a misspelt word may mean, and the most documents
// it occurs in within one field.
type Term struct {
	Text string
	Docs uint64
}

// spellings groups the known terms that hold a letter by their length in
// runes, each group sorted, so that a typo is compared only with terms
// that could be one edit away; numbers, many in a large guide, are never.
func spellings(known map[string]uint64) map[int][]string {
	var terms []string
	for t := range known {
		if strings.IndexFunc(t, notDigit) >= 0 {
			terms = append(terms, t)
		}
	}
	out := byLength(terms)
	for _, ts := range out {
		sort.Strings(ts)
	}
	return out
}

func notDigit(r rune) bool { return r < '0' || r > '9' }

// cutSuffix is how many letters stemming must cut from a misspelt word
// for the word as typed to tell more than its stem: "resposibilities"
// stems as "respos", one edit from "respons" (of "response"), where the
// word is one edit from "responsibilities".
const cutSuffix = 3

// Near returns the known terms a misspelt word may mean: the stems of the
// vocabulary's words one edit from it as typed, when stemming cut
// cutSuffix letters or more from it; else the known terms one edit from
// its stem or, when there are none, the stems of the word with two
// neighbouring letters swapped back ("mornign" stems to itself, "morning"
// to "morn"), or else of the vocabulary's words one edit from it or from
// its stem ("diffrently" stems as "diffrent"), or else the longest known
// stem it begins with (knownPrefix), in a fixed order so that scores add
// up the same way every time.
func (s *Speller) Near(word, stem string) []Term {
	cut := utf8.RuneCountInString(word)-utf8.RuneCountInString(stem) >= cutSuffix
	var out []Term
	if cut {
		out = s.knownStems(s.nearVocabulary(word))
	}
	if len(out) == 0 {
		out = s.nearStem(stem)
	}
	if len(out) == 0 {
		out = s.knownStems(swaps(word))
	}
	if len(out) == 0 && !cut {
		out = s.knownStems(s.nearVocabulary(word))
	}
	if len(out) == 0 && stem != word {
		out = s.knownStems(s.nearVocabulary(stem))
	}
	if len(out) == 0 {
		out = s.knownPrefix(word)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out
}

// nearStem returns the known terms one edit from a stem.
func (s *Speller) nearStem(stem string) []Term {
	var out []Term
	for _, t := range oneEditFrom(stem, s.terms) {
		out = append(out, Term{t, s.known[t]})
	}
	return out
}

// oneEditFrom returns the words, by length, one edit from word.
func oneEditFrom(word string, byLength map[int][]string) []string {
	var out []string
	n := utf8.RuneCountInString(word)
	for length := n - 1; length <= n+1; length++ {
		for _, w := range byLength[length] {
			if oneEditApartLen(word, n, w, length) {
				out = append(out, w)
			}
		}
	}
	return out
}

// knownStems returns the distinct stems of words that the guide knows.
func (s *Speller) knownStems(words []string) []Term {
	var out []Term
	for _, w := range words {
		t := s.stem(w)
		if df, ok := s.known[t]; ok && !slices.ContainsFunc(out, func(n Term) bool { return n.Text == t }) {
			out = append(out, Term{t, df})
		}
	}
	return out
}

// nearVocabulary returns the vocabulary's words one edit from a misspelt
// word as typed: a typo that stems unlike its word ("diffrence" stems as
// "diffrenc", "difference" as "differ") is still one edit from the word.
func (s *Speller) nearVocabulary(word string) []string {
	return oneEditFrom(word, s.vocabulary)
}

// minPrefix is the shortest known stem a misspelt word may begin with to
// be read as it: shorter stems begin too many words.
const minPrefix = 5

// knownPrefix returns the longest known stem, of at least minPrefix
// runes, that a misspelt word begins with: the typo is in the word's
// ending, after its stem ("decisons", "expectatons", "buildng"), where
// one edit from the stem cannot reach, and an unknown derivation of a
// guide word ("directorship") means that word too.
func (s *Speller) knownPrefix(word string) []Term {
	r := []rune(word)
	for n := len(r) - 1; n >= minPrefix; n-- {
		if df, ok := s.known[string(r[:n])]; ok {
			return []Term{{string(r[:n]), df}}
		}
	}
	return nil
}

// swapTail is how near a word's end two swapped letters must be for swaps
// to put them back: one edit from the stem already finds a swap before the
// suffix ("prodcut"), and a swap inside the suffix hides the stem.
const swapTail = 4

// swaps returns the word with each pair of neighbouring runes among its
// last swapTail swapped.
func swaps(word string) []string {
	r := []rune(word)
	var out []string
	for i := max(1, len(r)-swapTail+1); i < len(r); i++ {
		if r[i-1] != r[i] {
			r[i-1], r[i] = r[i], r[i-1]
			out = append(out, string(r))
			r[i-1], r[i] = r[i], r[i-1]
		}
	}
	return out
}

// PhrasingTypo reports whether a word the guide does not know is one edit
// from a word that only shapes questions ("usualy"): it is dropped as they
// are, not weighed as a topic the guide lacks. A three-letter word counts
// only as a stop word with a letter left out ("wat"): most three-letter
// words one edit from a stop word or filler are acronyms ("sre", "seo").
func (s *Speller) PhrasingTypo(word string) bool {
	n := utf8.RuneCountInString(word)
	lengths := []int{n - 1, n, n + 1}
	switch {
	case n < 3:
		return false
	case n == 3:
		lengths = []int{n + 1}
	}
	for _, length := range lengths {
		for _, p := range s.phrasing[length] {
			if (n > 3 || s.stopWords[p]) && oneEditApartLen(word, n, p, length) {
				return true
			}
		}
	}
	return false
}

// LikeliestDocs returns the document frequency of the most common
// near term: "dirctor" most likely means "director", and weighs as little
// as "director" does. It returns 1 when nothing is near, so the word counts
// as rare.
func LikeliestDocs(near []Term) uint64 {
	best := uint64(1)
	for _, n := range near {
		best = max(best, n.Docs)
	}
	return best
}

// OneEditApart reports whether one insertion, deletion or substitution of
// a rune, or one swap of neighbouring runes, turns a into b. It walks both strings once, without allocating:
// it runs for every known term of about the right length.
func OneEditApart(a, b string) bool {
	return oneEditApartLen(a, utf8.RuneCountInString(a), b, utf8.RuneCountInString(b))
}

// oneEditApartLen is OneEditApart given the strings' lengths in runes,
// which Near knows without counting them for every term.
func oneEditApartLen(a string, la int, b string, lb int) bool {
	if a == b {
		return false
	}
	if la < lb {
		a, b, la, lb = b, a, lb, la
	}
	if la-lb > 1 {
		return false
	}
	// Skip the common prefix, then the rest must match after skipping one
	// rune of a (deletion) or of both (substitution), or after two runes
	// swapped.
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// Back up to the start of the rune where they differ; a, with at
	// least as many runes and not equal to b, goes on past i.
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	_, sa := utf8.DecodeRuneInString(a[i:])
	if la > lb {
		return a[i+sa:] == b[i:]
	}
	_, sb := utf8.DecodeRuneInString(b[i:])
	return a[i+sa:] == b[i+sb:] || swapApart(a[i:], b[i:])
}

// swapApart reports whether a and b differ only by two neighbouring runes
// swapped: "prodcut", "product".
func swapApart(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	r1, n1 := utf8.DecodeRuneInString(a[i:])
	r2, n2 := utf8.DecodeRuneInString(a[i+n1:])
	n := n1 + n2
	return n2 > 0 && r1 != r2 && b[i:i+n] == string(r2)+string(r1) && a[i+n:] == b[i+n:]
}

// Name returns the name, of names, that a word misspells, or the word.
// "directer" stems as "direct", a word the guide knows ("direct
// reports"), so only its likeness to "director" tells the typo; a word the
// guide knows whose stem is not the start of the name's ("directory") is
// its own word, and so is a common English word ("manages" is no
// misspelt "manager").
func (s *Speller) Name(word string, names []string) string {
	if !Fuzzy(word) || Common(word) {
		return word
	}
	for _, n := range names {
		if !OneEditApart(word, n) {
			continue
		}
		stem := s.stem(word)
		if _, known := s.known[stem]; !known || strings.HasPrefix(s.stem(n), stem) {
			return n
		}
	}
	return word
}
