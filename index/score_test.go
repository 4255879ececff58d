package index

import (
	"context"
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// bleveQuery is the bleve query a plan stands for, which score.go must
// score exactly as bleve does.
func bleveQuery(p *plan) query.Query {
	must := bleve.NewDisjunctionQuery(clauseQueries(p.must.any)...)
	must.SetMin(float64(p.must.min))
	if p.should == nil {
		return must
	}
	q := bleve.NewBooleanQuery()
	q.AddMust(must)
	q.AddShould(clauseQueries(p.should.any)...)
	return q
}

func clauseQueries(cs []*clause) []query.Query {
	qs := make([]query.Query, len(cs))
	for i, c := range cs {
		qs[i] = clauseQuery(c)
	}
	return qs
}

func clauseQuery(c *clause) query.Query {
	if c.word != nil {
		return clauseQuery(c.word.word.leafClause(c.word.scale))
	}
	if !c.isLeaf() {
		q := bleve.NewDisjunctionQuery(clauseQueries(c.any)...)
		q.SetMin(float64(c.min))
		return q
	}
	field := boosts[c.leaf.field].field
	if len(c.leaf.terms) == 1 {
		q := bleve.NewTermQuery(c.leaf.terms[0])
		q.SetField(field)
		q.SetBoost(c.leaf.boost)
		return q
	}
	positions := make([][]string, len(c.leaf.terms))
	for i, t := range c.leaf.terms {
		positions[i] = []string{t}
	}
	q := query.NewMultiPhraseQuery(positions, field)
	q.SetBoost(c.leaf.boost)
	return q
}

// docID is the bleve ID of the document a ref stands for.
func (r docRef) docID() string {
	if r.isRow {
		return rowDocID(r.section.ID, r.row.Table, r.row.Row)
	}
	return r.section.ID
}

// TestScoresAreBleves scores every question of the question set, confident
// and not, on the embedded guide, and questions on a synthetic guide whose
// words take every role, and compares the ranked documents and their
// scores with bleve's for the same query.
func TestScoresAreBleves(t *testing.T) {
	t.Parallel()
	cases, err := LoadCases("testdata/questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	synthetic := syntheticIndex(t, 300)
	synthetic.commonPostings, synthetic.stopPostings = 40, 160
	tests := []struct {
		name      string
		ix        *Index
		questions []string
	}{
		{"embedded", embedded(t), Questions(cases)},
		{"synthetic", synthetic, []string{
			"how should a director plan the quarterly budget?", "vp roadmap review",
			"team director quarterly", "stakeholdr retenton", "hiring manager onboarding",
			"what does the team do about incident reliability", "annual calibration and promotion",
			"architecture standards and debt", "director team", "sourdough bread recipe",
		}},
	}
	for _, tt := range tests {
		checked := 0
		for _, q := range tt.questions {
			for _, confident := range []bool{true, false} {
				if compareWithBleve(t, tt.ix, q, confident) {
					checked++
				}
			}
		}
		if checked < len(tt.questions) {
			t.Errorf("%s: only %d of %d questions had any hits to compare", tt.name, checked, 2*len(tt.questions))
		}
	}
}

// compareWithBleve reports whether the question found any documents, and
// fails the test where its scoring differs from bleve's.
func compareWithBleve(t *testing.T, ix *Index, question string, confident bool) bool {
	t.Helper()
	ctx := context.Background()
	p := ix.query(ix.words(question), confident)
	if p == nil {
		return false
	}
	const size = 40
	got, err := ix.run(ctx, p, size)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleveQuery(p), size, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(res.Hits) {
		t.Errorf("%q (confident %v): %d documents, bleve %d", question, confident, len(got), len(res.Hits))
		return true
	}
	// Scores must agree place by place; documents that tie may come in
	// another order (the guide's, not bleve's numbering), and a tie cut
	// off at the end may keep other members.
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(a, b) }
	for i := 0; i < len(got); {
		j := i + 1
		for j < len(got) && near(res.Hits[j].Score, res.Hits[i].Score) {
			j++
		}
		var ours, theirs []string
		for k := i; k < j; k++ {
			if !near(got[k].score, res.Hits[k].Score) {
				t.Errorf("%q (confident %v) #%d: score %.12g, bleve %.12g", question, confident, k, got[k].score, res.Hits[k].Score)
			}
			ours = append(ours, ix.refs[got[k].doc].docID())
			theirs = append(theirs, res.Hits[k].ID)
		}
		slices.Sort(ours)
		slices.Sort(theirs)
		if j < len(got) && !slices.Equal(ours, theirs) {
			t.Errorf("%q (confident %v) #%d–%d: %v, bleve %v", question, confident, i, j-1, ours, theirs)
		}
		i = j
	}
	return len(got) > 0
}

// FuzzScoresAreBleves holds the scoring to bleve's for any question.
func FuzzScoresAreBleves(f *testing.F) {
	for _, seed := range []string{
		"what skills does a director need?", "dirctor skils", "how is a VP different from a director",
		"succession planning for managers", "budget budget budget", "vice president of engineering",
		"1:1s P&L", "who does a VP report to?",
	} {
		f.Add(seed)
	}
	ix := embedded(f)
	f.Fuzz(func(t *testing.T, q string) {
		compareWithBleve(t, ix, q, true)
		compareWithBleve(t, ix, q, false)
	})
}

// TestConcurrentSearchesAgree asks the question set from several goroutines
// at once, on a fresh index whose caches fill as they go: every answer
// must be the one a lone search gives.
func TestConcurrentSearchesAgree(t *testing.T) {
	t.Parallel()
	cases, err := LoadCases("testdata/questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	questions := Questions(cases)
	want := make([][]string, len(questions))
	for i, q := range questions {
		hits, err := embedded(t).Search(context.Background(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = ids(hits)
	}
	ix, err := Build(embedded(t).Guide())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range questions {
				i = (i + g*13) % len(questions)
				hits, err := ix.Search(context.Background(), questions[i], 5)
				if err != nil {
					t.Error(err)
					return
				}
				if got := ids(hits); !slices.Equal(got, want[i]) {
					t.Errorf("%q: %v, alone %v", questions[i], got, want[i])
				}
			}
		})
	}
	wg.Wait()
}
