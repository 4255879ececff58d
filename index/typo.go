package index

// likeliestFrequency returns the document frequency of the most common
// known term within the given edit distance of a misspelt stem: "dirctor"
// most likely means "director", and weighs as little as "director" does.
// It returns 1 when nothing is close, so the word counts as rare.
func (ix *Index) likeliestFrequency(stem string, maxEdits int) uint64 {
	best := uint64(1)
	for term, df := range ix.known {
		if df > best && withinEdits(stem, term, maxEdits) {
			best = df
		}
	}
	return best
}

// withinEdits reports whether a and b are at most k insertions, deletions
// or substitutions apart, on runes.
func withinEdits(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
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
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}
