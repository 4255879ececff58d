package index

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// postings are the documents that hold one term in one field, in the
// order of bleve's internal document numbers, each with its BM25 field
// weight as bleve's term scorer computes it before the query's weight, and,
// in fields with term vectors, the term's positions.
type postings struct {
	docs    []uint32
	weights []float64
	// The positions of docs[i] are positions[starts[i]:starts[i+1]].
	starts    []uint32
	positions []uint32
	idf       float64
}

// find returns the index of doc in p.docs at or after from, and whether
// it is there.
func (p *postings) find(from int, doc uint32) (int, bool) {
	// Documents come in order, and most are at or before the next posting.
	if from < len(p.docs) && p.docs[from] >= doc {
		return from, p.docs[from] == doc
	}
	i, ok := slices.BinarySearch(p.docs[from:], doc)
	return from + i, ok
}

// at returns the positions of p.docs[i].
func (p *postings) at(i int) []uint32 {
	return p.positions[p.starts[i]:p.starts[i+1]]
}

func (p *postings) bytes() int {
	return 16*len(p.docs) + 4*len(p.starts) + 4*len(p.positions)
}

// postingsCacheBytes bounds the postings kept in memory, so that a
// question's terms are read from bleve once, not once per question. The
// embedded guide's all fit in a fraction of it; in a 100,000-section guide
// one common word's postings take about a megabyte.
const postingsCacheBytes = 64 << 20

type postingsKey struct {
	term  string
	field int
}

// postingsOf returns a term's postings in one field, read from the index's
// snapshot on first use.
func (ix *Index) postingsOf(ctx context.Context, term string, field int) (*postings, error) {
	k := postingsKey{term, field}
	if p, ok := ix.termPostings.get(k); ok {
		return p, nil
	}
	p, err := ix.readPostings(ctx, term, field)
	if err != nil {
		return nil, fmt.Errorf("read postings of %q in %s: %w", term, boosts[field].field, err)
	}
	ix.termPostings.put(k, p)
	return p, nil
}

func (ix *Index) readPostings(ctx context.Context, term string, field int) (*postings, error) {
	name := boosts[field].field
	vectors := hasVectors(name)
	r, err := ix.reader.TermFieldReader(ctx, []byte(term), name, true, true, vectors)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	df := r.Count()
	p := &postings{
		docs:    make([]uint32, 0, df),
		weights: make([]float64, 0, df),
		idf:     bm25IDF(ix.stats.docs, df),
	}
	// bleve's own scorer computes the field weights, at boost 1, where a
	// query weight of 1 leaves them as they are.
	s := scorer.NewTermQueryScorer([]byte(term), name, 1, ix.stats.docs, df, ix.stats.avgLength[field], search.SearcherOptions{})
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(1, 0)}
	var tfd bleveindex.TermFieldDoc
	for {
		d, err := r.Next(&tfd)
		if err != nil {
			return nil, err
		}
		if d == nil {
			break
		}
		m := s.Score(sctx, d)
		p.docs = append(p.docs, uint32(d.ID.Value()))
		p.weights = append(p.weights, m.Score)
		sctx.DocumentMatchPool.Put(m)
		if vectors {
			p.starts = append(p.starts, uint32(len(p.positions)))
			for _, v := range d.Vectors {
				p.positions = append(p.positions, uint32(v.Pos))
			}
		}
	}
	if vectors {
		p.starts = append(p.starts, uint32(len(p.positions)))
	}
	return p, nil
}

// bm25IDF is the inverse document frequency of a term in df of n
// documents, computed as bleve's BM25 scorer does.
func bm25IDF(n, df uint64) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// scoreStats are the index-wide figures bleve's BM25 scorer uses.
type scoreStats struct {
	docs      uint64
	avgLength [numFields]float64
}

// readScoreStats reads them from the snapshot as bleve's term searcher
// does.
func readScoreStats(r bleveindex.IndexReader) (scoreStats, error) {
	var st scoreStats
	var err error
	if st.docs, err = r.DocCount(); err != nil {
		return st, fmt.Errorf("count documents: %w", err)
	}
	br, ok := r.(bleveindex.BM25Reader)
	if !ok || st.docs == 0 {
		return st, nil
	}
	for fi, fb := range boosts {
		n, err := br.FieldCardinality(fb.field)
		if err != nil {
			return st, fmt.Errorf("count terms of %s: %w", fb.field, err)
		}
		st.avgLength[fi] = math.Ceil(float64(n) / float64(st.docs))
	}
	return st, nil
}
