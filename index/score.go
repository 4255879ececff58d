package index

import (
	"cmp"
	"context"
	"math"
	"slices"
)

// A plan is scored here, over postings read once from bleve and kept,
// exactly as bleve scores the equivalent query: a term query per term
// leaf, a phrase query per phrase leaf, a disjunction query per clause with
// children, and a boolean query of must and should. Each bleve searcher
// cost about five microseconds and forty allocations to set up, most of a
// search, and the guide never changes while the bot runs.
// TestScoresAreBleves holds this code to bleve's results.

// scored is a document's score in one search.
type scored struct {
	doc   uint32
	score float64
}

// scoring is one plan being scored over its candidate documents: those
// holding a term of must, in bleve's document order. A clause's scores are
// one per candidate, 0 where it does not match: every match scores above 0,
// since BM25 weights, boosts and the query norm are all positive.
type scoring struct {
	cands []uint32
	// norm is bleve's query norm, which every term's weight is multiplied by.
	norm float64
}

// run returns the size best documents for a plan, best first, ties in
// document order, as bleve's top-N collector ranks them.
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
	s := scoring{cands: candidates(p.must), norm: 1 / math.Sqrt(w)}
	must := s.eval(p.must)
	var should []float64
	if p.should != nil {
		should = s.eval(p.should)
	}
	var out []scored
	for i, d := range s.cands {
		if must[i] == 0 {
			continue
		}
		score := must[i]
		if should != nil && should[i] > 0 {
			score += should[i]
		}
		out = append(out, scored{d, score})
	}
	slices.SortStableFunc(out, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	if len(out) > size {
		out = out[:size]
	}
	return out, nil
}

// resolve reads the postings of every term of a clause's leaves.
func (ix *Index) resolve(ctx context.Context, c *clause) error {
	if c.leaf == nil {
		for _, ch := range c.any {
			if err := ix.resolve(ctx, ch); err != nil {
				return err
			}
		}
		return nil
	}
	c.leaf.posts = make([]*postings, len(c.leaf.terms))
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
	if c.leaf != nil {
		for _, p := range c.leaf.posts {
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
// clause, in document order: no other document can match it.
func candidates(c *clause) []uint32 {
	var docs []uint32
	var walk func(*clause)
	walk = func(c *clause) {
		if c.leaf != nil {
			docs = append(docs, c.leaf.posts[0].docs...)
			return
		}
		for _, ch := range c.any {
			walk(ch)
		}
	}
	walk(c)
	slices.Sort(docs)
	return slices.Compact(docs)
}

// eval scores a clause on every candidate.
func (s *scoring) eval(c *clause) []float64 {
	out := make([]float64, len(s.cands))
	if c.leaf != nil {
		s.leaf(c.leaf, out)
		return out
	}
	children := make([][]float64, len(c.any))
	for i, ch := range c.any {
		children[i] = s.eval(ch)
	}
	need := max(c.min, 1)
	total := float64(len(children))
	for i := range out {
		var sum float64
		n := 0
		for _, ch := range children {
			if ch[i] > 0 {
				sum += ch[i]
				n++
			}
		}
		if n >= need {
			out[i] = sum * (float64(n) / total)
		}
	}
	return out
}

// leaf scores a term, or a phrase, on every candidate. A phrase scores
// the sum of its terms' scores where they stand side by side.
func (s *scoring) leaf(l *leaf, out []float64) {
	weights := make([]float64, len(l.posts))
	for i, p := range l.posts {
		weights[i] = l.boost * p.idf * s.norm
	}
	at := make([]int, len(l.posts))
	for ci, d := range s.cands {
		found := true
		for i, p := range l.posts {
			var ok bool
			if at[i], ok = p.find(at[i], d); !ok {
				found = false
			}
		}
		if !found || (len(l.posts) > 1 && !adjacent(l.posts, at)) {
			continue
		}
		var sum float64
		for i, p := range l.posts {
			sum += p.weights[at[i]] * weights[i]
		}
		out[ci] = sum
	}
}

// adjacent reports whether each term of a phrase stands right after the
// one before it somewhere in the document at[i] of its postings.
func adjacent(posts []*postings, at []int) bool {
	for _, start := range posts[0].at(at[0]) {
		pos := start
		ok := true
		for i := 1; i < len(posts) && ok; i++ {
			pos++
			_, ok = slices.BinarySearch(posts[i].at(at[i]), pos)
		}
		if ok {
			return true
		}
	}
	return false
}
