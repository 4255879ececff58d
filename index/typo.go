package index

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// minFuzzyRunes is the shortest word matched within one edit when the
// guide does not know it. Two edits would catch a few more typos, but
// bleve's distance-2 automaton cost about four times the whole search
// (BENCHMARKS.md), and shorter words have too many neighbours.
const minFuzzyRunes = 4

// fuzzy reports whether an unknown word is long enough to be matched
// within one edit.
func fuzzy(word string) bool {
	return utf8.RuneCountInString(word) >= minFuzzyRunes
}

// nearTerm is a known term one edit from a misspelt word.
type nearTerm struct {
	term string
	df   uint64
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

// near returns the known terms one edit from a misspelt word's stem or,
// when there are none, the stems of the word with two neighbouring letters
// swapped back ("mornign" stems to itself, "morning" to "morn"), or else
// of the thesaurus's words one edit from it or from its stem
// ("diffrently" stems as "diffrent"), or else the longest known
// stem it begins with (knownPrefix), in a fixed order so that scores add
// up the same way every time.
func (ix *Index) near(word, stem string) []nearTerm {
	var out []nearTerm
	n := utf8.RuneCountInString(stem)
	for length := n - 1; length <= n+1; length++ {
		for _, t := range ix.spellings[length] {
			if oneEditApartLen(stem, n, t, length) {
				out = append(out, nearTerm{t, ix.known[t]})
			}
		}
	}
	if len(out) == 0 {
		out = ix.knownStems(swaps(word))
	}
	if len(out) == 0 {
		out = ix.knownStems(ix.nearVocabulary(word))
	}
	if len(out) == 0 && stem != word {
		out = ix.knownStems(ix.nearVocabulary(stem))
	}
	if len(out) == 0 {
		out = ix.knownPrefix(word)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].term < out[j].term })
	return out
}

// knownStems returns the distinct stems of words that the guide knows.
func (ix *Index) knownStems(words []string) []nearTerm {
	var out []nearTerm
	for _, w := range words {
		t := ix.stem(w)
		if df, ok := ix.known[t]; ok && !slices.ContainsFunc(out, func(n nearTerm) bool { return n.term == t }) {
			out = append(out, nearTerm{t, df})
		}
	}
	return out
}

// nearVocabulary returns the thesaurus's words one edit from a misspelt
// word as typed: a typo that stems unlike its word ("diffrence" stems as
// "diffrenc", "difference" as "differ") is still one edit from the word.
func (ix *Index) nearVocabulary(word string) []string {
	var out []string
	n := utf8.RuneCountInString(word)
	for length := n - 1; length <= n+1; length++ {
		for _, v := range ix.vocabularyWords[length] {
			if oneEditApartLen(word, n, v, length) {
				out = append(out, v)
			}
		}
	}
	return out
}

// minPrefix is the shortest known stem a misspelt word may begin with to
// be read as it: shorter stems begin too many words.
const minPrefix = 5

// knownPrefix returns the longest known stem, of at least minPrefix
// runes, that a misspelt word begins with: the typo is in the word's
// ending, after its stem ("decisons", "expectatons", "buildng"), where
// one edit from the stem cannot reach, and an unknown derivation of a
// guide word ("directorship") means that word too.
func (ix *Index) knownPrefix(word string) []nearTerm {
	r := []rune(word)
	for n := len(r) - 1; n >= minPrefix; n-- {
		if df, ok := ix.known[string(r[:n])]; ok {
			return []nearTerm{{string(r[:n]), df}}
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

// phrasingTypo reports whether a word the guide does not know is one edit
// from a word that only shapes questions ("usualy"): it is dropped as they
// are, not weighed as a topic the guide lacks. A three-letter word counts
// only as a stop word with a letter left out ("wat"): most three-letter
// words one edit from a stop word or filler are acronyms ("sre", "seo").
func (ix *Index) phrasingTypo(word string) bool {
	n := utf8.RuneCountInString(word)
	lengths := []int{n - 1, n, n + 1}
	switch {
	case n < 3:
		return false
	case n == 3:
		lengths = []int{n + 1}
	}
	for _, length := range lengths {
		for _, p := range ix.phrasing[length] {
			if (n > 3 || ix.stopWords[p]) && oneEditApartLen(word, n, p, length) {
				return true
			}
		}
	}
	return false
}

// likeliestFrequency returns the document frequency of the most common
// near term: "dirctor" most likely means "director", and weighs as little
// as "director" does. It returns 1 when nothing is near, so the word counts
// as rare.
func likeliestFrequency(near []nearTerm) uint64 {
	best := uint64(1)
	for _, n := range near {
		best = max(best, n.df)
	}
	return best
}

// oneEditApart reports whether one insertion, deletion or substitution of
// a rune, or one swap of neighbouring runes, turns a into b. It walks both strings once, without allocating:
// it runs for every known term of about the right length.
func oneEditApart(a, b string) bool {
	return oneEditApartLen(a, utf8.RuneCountInString(a), b, utf8.RuneCountInString(b))
}

// oneEditApartLen is oneEditApart given the strings' lengths in runes,
// which near knows without counting them for every term.
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
