package index

import (
	"cmp"
	"context"
	"math"
	"math/bits"
	"slices"
)

// A plan is scored here, over postings read once from bleve and kept,
// exactly as bleve scores the equivalent query: a term query per term
// leaf, a phrase query per phrase leaf, a disjunction query per clause with
// children, and a boolean query of must and should; a question word
// stands for the disjunction of its leaves, scored once and kept
// (wordscores.go). Each bleve searcher
// cost about five microseconds and forty allocations to set up, most of a
// search, and the guide never changes while the bot runs.
// TestScoresAreBleves holds this code to bleve's results.

// scored is a document's score in one search.
type scored struct {
	doc   uint32
	rank  uint64
	score float64
}

// run returns the size best documents for a plan, best first, ties in the
// guide's order (bleve's collector would break them by its own document
// numbers, which differ from one build to the next). Documents are
// scored one at a time, in order, each clause's leaves keeping their place
// in their postings: the candidates are those holding a term of must.
func (ix *Index) run(ctx context.Context, p *plan, size int) ([]scored, error) {
	if err := ix.resolve(ctx, p.must); err != nil {
		return nil, err
	}
	w := p.must.weight()
	if p.should != nil {
		if err := ix.resolve(ctx, p.should); err != nil {
			return nil, err
		}
		w += p.should.weight()
	}
	// Every term's weight is multiplied by bleve's query norm.
	norm := 1 / math.Sqrt(w)
	p.must.weigh(norm)
	if p.should != nil {
		p.should.weigh(norm)
	}
	cands := ix.candidates(p.must)
	out := make([]scored, 0, len(cands))
	for _, d := range cands {
		score := p.must.score(d)
		if score == 0 {
			continue
		}
		if p.should != nil {
			if sh := p.should.score(d); sh > 0 {
				score += sh
			}
		}
		out = append(out, scored{d, ix.refs[d].rank, score})
	}
	slices.SortFunc(out, byScore)
	if len(out) > size {
		out = out[:size]
	}
	return out, nil
}

// byScore orders documents best first, ties in the guide's order. Scores
// are never NaN.
func byScore(a, b scored) int {
	switch {
	case a.score > b.score:
		return -1
	case a.score < b.score:
		return 1
	}
	return cmp.Compare(a.rank, b.rank)
}

// resolve reads the postings of every term of a clause's leaves.
func (ix *Index) resolve(ctx context.Context, c *clause) error {
	if c.word != nil {
		s, err := ix.scoresOf(ctx, c.word.word)
		c.word.scores = s
		return err
	}
	if !c.isLeaf() {
		for _, ch := range c.any {
			if err := ix.resolve(ctx, ch); err != nil {
				return err
			}
		}
		return nil
	}
	for i, t := range c.leaf.terms {
		p, err := ix.postingsOf(ctx, t, c.leaf.field)
		if err != nil {
			return err
		}
		c.leaf.posts[i] = p
	}
	return nil
}

// weight is the sum of the squared weights of a clause's terms, from which
// bleve computes the query norm.
func (c *clause) weight() float64 {
	var w float64
	if c.word != nil {
		return c.word.scores.weight * c.word.scale * c.word.scale
	}
	if c.isLeaf() {
		for _, p := range c.leaf.postings() {
			tw := c.leaf.boost * p.idf
			w += tw * tw
		}
		return w
	}
	for _, ch := range c.any {
		w += ch.weight()
	}
	return w
}

// candidates are the documents that hold the first term of any leaf of a
// clause, in document order: no other document can match it. They are
// marked in a bitmap of the index's documents, which costs less than
// sorting the postings together.
func (ix *Index) candidates(c *clause) []uint32 {
	marks := make([]uint64, (len(ix.refs)+63)/64)
	n := 0
	var mark func(*clause)
	mark = func(c *clause) {
		if c.word != nil {
			for _, d := range c.word.scores.docs {
				marks[d/64] |= 1 << (d % 64)
			}
			n += len(c.word.scores.docs)
			return
		}
		if !c.isLeaf() {
			for _, ch := range c.any {
				mark(ch)
			}
			return
		}
		for _, d := range c.leaf.posts[0].docs {
			marks[d/64] |= 1 << (d % 64)
		}
		n += len(c.leaf.posts[0].docs)
	}
	mark(c)
	docs := make([]uint32, 0, n)
	for i, set := range marks {
		for set != 0 {
			docs = append(docs, uint32(i*64+bits.TrailingZeros64(set)))
			set &= set - 1
		}
	}
	return docs
}

// score is a clause's score for a document, 0 when it does not match;
// every match scores above 0, since BM25 weights, boosts and the query norm
// are all positive. Documents must come in ascending order.
func (c *clause) score(doc uint32) float64 {
	if c.word != nil {
		return c.word.score(doc)
	}
	if c.isLeaf() {
		return c.leaf.score(doc)
	}
	var sum float64
	n := 0
	for _, ch := range c.any {
		if v := ch.score(doc); v > 0 {
			sum += v
			n++
		}
	}
	if n == 0 || n < c.min {
		return 0
	}
	return sum * (float64(n) / float64(len(c.any)))
}

// weigh sets the weight of every term of a clause's leaves: boost, idf and
// the query norm, multiplied as bleve's term scorer does.
func (c *clause) weigh(norm float64) {
	if c.word != nil {
		c.word.weight = c.word.scale * norm
		return
	}
	if !c.isLeaf() {
		for _, ch := range c.any {
			ch.weigh(norm)
		}
		return
	}
	for i, p := range c.leaf.postings() {
		c.leaf.weights[i] = c.leaf.boost * p.idf * norm
	}
}

// score is a term's score for a document, or a phrase's: the sum of its
// terms' scores where they stand side by side.
func (l *leaf) score(doc uint32) float64 {
	found := true
	for i, p := range l.postings() {
		var ok bool
		if l.at[i], ok = p.find(l.at[i], doc); !ok {
			found = false
		}
	}
	if !found || (len(l.terms) > 1 && !l.adjacent()) {
		return 0
	}
	var sum float64
	for i, p := range l.postings() {
		sum += p.weights[l.at[i]] * l.weights[i]
	}
	return sum
}

// postings are the postings of the leaf's terms.
func (l *leaf) postings() []*postings { return l.posts[:len(l.terms)] }

// adjacent reports whether each term of a phrase stands right after the
// one before it somewhere in the current document.
func (l *leaf) adjacent() bool {
	for _, start := range l.posts[0].at(l.at[0]) {
		pos := start
		ok := true
		for i := 1; i < len(l.terms) && ok; i++ {
			pos++
			_, ok = slices.BinarySearch(l.posts[i].at(l.at[i]), pos)
		}
		if ok {
			return true
		}
	}
	return false
}
