package index

import (
	"context"
	"fmt"
)

// A question word's clause (its stem, synonyms and near spellings in every
// field, up to fifteen leaves) is scored once in every document it
// matches, and kept: the next question that holds the word scores one
// list of documents for it instead of all its leaves. Scores are linear in
// the boosts and in the query norm, so the question's own scale and norm
// multiply the kept scores to give exactly what scoring the leaves would.

// wordScores are a word's clause's scores, at scale 1 and query norm 1.
type wordScores struct {
	// docs and weights are the documents the clause matches, in order,
	// and its score in each.
	postings
	// weight is the sum of the squared weights of the clause's terms, from
	// which the query norm is computed.
	weight float64
}

func (s *wordScores) bytes() int { return 64 + s.postings.bytes() }

// wordScoresCacheBytes bounds the word scores kept: every word of the
// embedded guide takes under a kilobyte; in a 100,000-section guide a
// common word takes about a megabyte.
const wordScoresCacheBytes = 32 << 20

// wordLeaf is a question word in a query: its kept scores times its scale
// and the query norm.
type wordLeaf struct {
	word   word
	scores *wordScores
	// scale is the question's, weight the scores' multiplier once the
	// query norm is known, and at where the word's documents were last
	// looked at.
	scale, weight float64
	at            int
}

// clause returns the word in a query at the question's scale, scored
// from its kept scores.
func (w word) clause(scale float64) *clause {
	return &clause{word: &wordLeaf{word: w, scale: scale}}
}

// leafClause returns the word's clause as its leaves would be queried, for
// scoring it the first time.
func (w word) leafClause(scale float64) *clause {
	cs := disjunction(w.groups, scale)
	if len(cs) == 0 {
		return nil
	}
	return anyOf(cs)
}

// scoresOf returns a word's scores, computed on first use.
func (ix *Index) scoresOf(ctx context.Context, w word) (*wordScores, error) {
	if s, ok := ix.wordScores.get(w.text); ok {
		return s, nil
	}
	s := &wordScores{}
	if c := w.leafClause(1); c != nil {
		if err := ix.resolve(ctx, c); err != nil {
			return nil, fmt.Errorf("score %q: %w", w.text, err)
		}
		s.weight = c.weight()
		c.weigh(1)
		docs := ix.candidates(c)
		s.docs = docs[:0]
		s.weights = make([]float64, 0, len(docs))
		for _, d := range docs {
			if v := c.score(d); v > 0 {
				s.docs = append(s.docs, d)
				s.weights = append(s.weights, v)
			}
		}
	}
	ix.wordScores.put(w.text, s)
	return s, nil
}

// score is the word's score for a document, 0 when it is not there.
// Documents must come in ascending order.
func (l *wordLeaf) score(doc uint32) float64 {
	var ok bool
	if l.at, ok = l.scores.find(l.at, doc); !ok {
		return 0
	}
	return l.scores.weights[l.at] * l.weight
}
