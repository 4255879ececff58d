package index

import (
	"sort"
	"unicode/utf8"
)

// nearTerm is a known term a few edits from a misspelt word.
type nearTerm struct {
	term  string
	edits int
	df    uint64
}

// near returns the known terms within maxEdits of a stem the guide does not
// know, in a fixed order so that scores add up the same way every time.
func (ix *Index) near(stem string, maxEdits int) []nearTerm {
	var out []nearTerm
	n := utf8.RuneCountInString(stem)
	for term, df := range ix.known {
		if d := utf8.RuneCountInString(term) - n; d > maxEdits || -d > maxEdits {
			continue
		}
		if e, ok := editDistance(stem, term, maxEdits); ok {
			out = append(out, nearTerm{term, e, df})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].term < out[j].term })
	return out
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

// editDistance returns how many insertions, deletions or substitutions of
// runes turn a into b, and false when that is more than k.
func editDistance(a, b string, k int) (int, bool) {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > k {
			return 0, false
		}
		prev, cur = cur, prev
	}
	d := prev[len(rb)]
	return d, d <= k
}
