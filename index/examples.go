package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/directorbot/directorbot/content"
)

// A guide's example questions also vote, one by one: the questions
// nearest a new one, by BM25 over their words, name the sections that
// answer it. The asked field (asked.go) knows the words a section's
// examples share; a whole question knows which of them go together
// ("who signs off on" and "budget" in one question). Examples that name
// no section are questions the guide does not answer: when they are most
// of the nearest, the new question is not answered either.
//
// Each example is a document of an index apart from the guide's: BM25
// weighs a guide's words by how many of its documents hold them, and the
// ranking of the guide's own documents is tuned on that count.

// exampleField holds an example question's words, read as the learner
// reads them: the sentences that ask, rewritten by the thesaurus.
const exampleField = "question"

// An example's ID is the ID of the section it names, or of the row of it
// that holds its answer, a "#" and its number there (exampleID); an
// example that names none has its number after unansweredPrefix.
const unansweredPrefix = "none#"

// exampleNeighbours is how many of the nearest examples vote, and
// exampleWeight how much a section's share of their votes adds to its
// score, as a share of the best hit's. Chosen by leaving each tuning set
// out of the examples in turn, with fifteen sets: top-1 0.871 at 10 and
// 1.5 (chosen when there were ten sets), 0.880 at 12 and 2.5; 8 to 20
// neighbours and weights from 1.5 to 3 gave 0.875-0.879.
const (
	exampleNeighbours = 12
	exampleWeight     = 2.5
)

// unansweredShare is the share of the nearest examples' votes that
// examples naming no section must hold for a question that holds a word
// the guide never says to go unanswered (search). Leaving each tuning set
// out in turn, with fifteen sets: 0.6 refuses 6 more of 508 questions off
// the guide's topic but one more answerable one; 0.75 and 0.8, one fewer
// answerable and up to one fewer off-topic.
const unansweredShare = 0.7

// saidShare is unansweredShare for a question the guide says every word
// of: it is the guide's unless nearly all of its nearest examples are not
// ("do directors do interviews?", though some of its nearest examples ask
// for interview questions; "staff engineer or EM, which path is better?"
// is not). Leaving each tuning set out in turn: 4 more of 1,053 off-topic
// questions refused and no answerable one; at 0.8, 10 more, but "how
// should a director handle the next round of layoffs?", whose nearest
// examples ask HR's rules for layoffs, is refused too.
const saidShare = 0.9

// refusingShare returns the share of the nearest examples' votes that
// examples naming no section must hold for a question of these words to
// go unanswered.
func refusingShare(words []word) float64 {
	if slices.ContainsFunc(words, func(w word) bool { return !w.present() }) {
		return unansweredShare
	}
	return saidShare
}

// exampleID is the ID of the nth example of a section or row document.
func exampleID(doc string, n int) string { return doc + "#" + strconv.Itoa(n) }

// exampleIndex is the index of a guide's example questions, and how many of
// them each of its terms is in.
type exampleIndex struct {
	index   bleve.Index
	holding map[string]uint64
	count   uint64
}

// chooses reports whether a term is in some examples but not so many that
// it only adds to the scores of those the question's other words find.
// A guide with few examples scores every example its words are in.
func (e *exampleIndex) chooses(term string) bool {
	n := e.holding[term]
	return n > 0 && float64(n) <= max(exampleCommonShare*float64(e.count), 2*exampleNeighbours)
}

// exampleCommonShare is the share of the examples a term may be in and
// still choose which of them are scored, as commonShare is for the guide's
// documents: "director", "vp" and "engineer", each in over a tenth of the
// embedded guide's examples, score only the examples the question's other
// words find, if it has any. An example holding none of them is seldom
// among the nearest, and scoring every example that says "director" was
// two thirds of the vote's cost: over the tuning and held-out sets one
// answer of about 7,000 changed (for the better), and an answer costs
// about 100 us and 25 KB less.
const exampleCommonShare = 0.1

// buildExamples indexes the guide's example questions, or returns nil
// when it has none.
func buildExamples(g *content.Guide, l *learner) (*exampleIndex, error) {
	if len(g.Examples()) == 0 && len(g.Unanswered()) == 0 {
		return nil, nil
	}
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	if err := addGuideAnalyzer(m); err != nil {
		return nil, err
	}
	f := bleve.NewTextFieldMapping()
	f.Analyzer = guideAnalyzer
	f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, false, false, false
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(exampleField, f)
	m.DefaultMapping = doc
	b, err := bleve.New("", m)
	if err != nil {
		return nil, fmt.Errorf("create examples index: %w", err)
	}
	if err := indexExamples(g, l, b); err != nil {
		_ = b.Close()
		return nil, err
	}
	e := &exampleIndex{index: b}
	if e.holding, e.count, err = exampleTerms(b); err != nil {
		_ = b.Close()
		return nil, err
	}
	return e, nil
}

// exampleTerms reads how many examples each term is in, and how many
// examples there are.
func exampleTerms(b bleve.Index) (map[string]uint64, uint64, error) {
	count, err := b.DocCount()
	if err != nil {
		return nil, 0, fmt.Errorf("count examples: %w", err)
	}
	holding := map[string]uint64{}
	if err := fieldTerms(b, exampleField, func(term string, docs uint64) { holding[term] = docs }); err != nil {
		return nil, 0, err
	}
	return holding, count, nil
}

// indexExamples indexes each example under the section it names, or the
// row of it that holds its answer, and those that name none.
func indexExamples(g *content.Guide, l *learner, b bleve.Index) error {
	batch := b.NewBatch()
	var err error
	add := func(id, q string) {
		if err == nil {
			if e := batch.Index(id, map[string]any{exampleField: l.words(q)}); e != nil {
				err = fmt.Errorf("index example %q: %w", q, e)
			}
		}
	}
	for place, s := range g.Sections() {
		for n, q := range g.Asked(s) {
			add(exampleID(sectionDocID(place), n), q)
		}
		for ti, t := range s.Tables() {
			for ri := range t.Rows {
				for n, q := range g.AskedRow(s, ti, ri) {
					add(exampleID(rowDocID(place, ti, ri), n), q)
				}
			}
		}
	}
	for n, q := range g.Unanswered() {
		add(unansweredPrefix+strconv.Itoa(n), q)
	}
	if err != nil {
		return err
	}
	if err := b.Batch(batch); err != nil {
		return fmt.Errorf("index examples: %w", err)
	}
	return nil
}

// verdict is what the examples nearest a question say: by section, its
// share of the votes of the nearest examples that name one; by row, the
// votes of those whose answer is in the row; and the share of the nearest
// examples' votes that name none.
type verdict struct {
	sections   map[*content.Section]float64
	rows       map[docRef]float64
	unanswered float64
}

// votedRow returns the row of a section most voted for, the first in the
// guide of those voted for as much; false when none is.
func (v verdict) votedRow(s *content.Section) (RowRef, bool) {
	var best RowRef
	top := 0.0
	for r, n := range v.rows {
		if r.section == s && (n > top || n == top && (r.row.Table < best.Table || r.row.Table == best.Table && r.row.Row < best.Row)) {
			best, top = r.row, n
		}
	}
	return best, top > 0
}

// examplesVerdict asks the examples nearest the question's words. The
// examples naming a section that vote are the nearest exampleNeighbours
// of them, and those naming none weigh in among the nearest
// exampleNeighbours of all: twice as many are read.
func (ix *Index) examplesVerdict(ctx context.Context, words []word) (verdict, error) {
	if ix.examples == nil || len(words) == 0 {
		return verdict{}, nil
	}
	// Every term scores; only the uncommon ones choose, and add nothing.
	var all, choose []query.Query
	term := func(t string, boost float64) {
		all = append(all, exampleTerm(t, boost))
		if ix.examples.chooses(t) {
			choose = append(choose, exampleTerm(t, 0))
		}
	}
	for _, w := range words {
		term(w.stem, w.share())
		// A typo is read as the words it may mean, together weighing as
		// the word would ("meetigns": "meet").
		for _, n := range w.near {
			term(n.Text, w.share()/float64(len(w.near)))
		}
	}
	var q query.Query = query.NewDisjunctionQuery(all)
	if len(choose) > 0 && len(choose) < len(all) {
		q = query.NewBooleanQuery([]query.Query{query.NewDisjunctionQuery(choose)}, []query.Query{q}, nil)
	}
	docs, err := best(ctx, ix.examples.index, q, 2*exampleNeighbours)
	if err != nil {
		return verdict{}, fmt.Errorf("search examples: %w", err)
	}
	v := verdict{sections: map[*content.Section]float64{}}
	var voted, nearest float64
	voters := 0
	for i, d := range docs {
		unanswered := strings.HasPrefix(d.ID, unansweredPrefix)
		if i < exampleNeighbours {
			nearest += d.Score
			if unanswered {
				v.unanswered += d.Score
			}
		}
		if unanswered || voters == exampleNeighbours {
			continue
		}
		id, n, _ := strings.Cut(d.ID, "#")
		if ref, ok := ix.ref(id); ok {
			voters++
			vote := d.Score * ix.rankWeight(ref, n)
			v.sections[ref.section] += vote
			voted += vote
			if ref.isRow {
				if v.rows == nil {
					v.rows = map[docRef]float64{}
				}
				v.rows[ref] += vote
			}
		}
	}
	for s := range v.sections {
		v.sections[s] /= voted
	}
	if nearest > 0 {
		v.unanswered /= nearest
	}
	return v, nil
}

// exampleTerm is a query for a term of the examples.
func exampleTerm(t string, boost float64) query.Query {
	q := query.NewTermQuery(t)
	q.SetField(exampleField)
	q.SetBoost(boost)
	return q
}

// rankWeight is how much an example's vote counts for a section or row
// of it, by where the example names it among the sections it names.
func (ix *Index) rankWeight(ref docRef, n string) float64 {
	i, err := strconv.Atoi(n)
	if err != nil {
		return 1
	}
	var ranks []int
	if ref.isRow {
		ranks = ix.guide.AskedRowRanks(ref.section, ref.row.Table, ref.row.Row)
	} else {
		ranks = ix.guide.AskedRanks(ref.section)
	}
	if i >= len(ranks) {
		return 1
	}
	return math.Pow(rankDecay, float64(ranks[i]))
}

// rankDecay is how much less an example's vote counts for each section
// named before it: an example naming Key Shifts Required and then the
// comparison with the VP gives the comparison half a vote. The comparison,
// whose table touches most topics, is named second by many examples it
// does not answer best. Leaving each tuning set out in turn: top-1 0.880
// -> 0.882, direct 0.839 -> 0.842 (0.2 to 0.8 gave 0.881-0.882).
const rankDecay = 0.5

// heed adds to each hit its section's share of the examples' votes,
// scaled to the best hit's score.
func (v verdict) heed(hits []Hit) {
	if len(hits) == 0 || len(v.sections) == 0 {
		return
	}
	top := hits[0].Score
	for i, h := range hits {
		hits[i].Votes = v.sections[h.Section]
		hits[i].Score += exampleWeight * hits[i].Votes * top
	}
	byScore(hits)
}
