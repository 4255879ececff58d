package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/directorbot/directorbot/content"
)

// maxTerms bounds the distinct topic words searched for one question; a
// question longer than that is about more than one thing anyway.
const maxTerms = 24

// fieldBoost weighs a match in one field: a word in a heading says more
// than one in running text.
type fieldBoost struct {
	field string
	boost float64
}

// boosts is a slice, not a map, so that scores add up in a fixed order and
// ties break the same way on every run.
var boosts = [numFields]fieldBoost{
	{fieldTitle, 2.5},
	{fieldHead, 1.5},
	{fieldPath, 0.15},
	{fieldBody, 1},
	{fieldSub, 0.4},
}

// Hit is a section that answers a question.
type Hit struct {
	Section *content.Section
	// Score ranks hits; it is comparable only within one search.
	Score float64
	// Rows are the table rows that matched, best first, when the question
	// was about particular rows rather than the whole section.
	Rows []RowRef
	// Passage is the sentence or list item that answers the question, nil
	// when the question is about the whole section or a row. Only the
	// first hit has one.
	Passage *Passage
	// row is the best row's own score, before rowWeight.
	row float64
}

// RowRef points at one body row of one of a section's tables.
type RowRef struct {
	// Table indexes Section.Tables().
	Table int
	// Row indexes that table's Rows.
	Row int
}

// RowTitles returns the first cell of each matched row: the row's name.
func (h Hit) RowTitles() []string {
	tables := h.Section.Tables()
	out := make([]string, 0, len(h.Rows))
	for _, r := range h.Rows {
		out = append(out, tables[r.Table].Rows[r.Row][0].Plain())
	}
	return out
}

// Search returns up to limit sections that answer the question, best first.
// It returns no hits, not weak guesses, when the guide does not cover the
// question, and none for a question without topic words.
func (ix *Index) Search(ctx context.Context, question string, limit int) ([]Hit, error) {
	return ix.search(ctx, question, limit, true)
}

// Closest returns up to limit sections that share any topic word with the
// question, for suggestions when Search has no answer.
func (ix *Index) Closest(ctx context.Context, question string, limit int) ([]Hit, error) {
	return ix.search(ctx, question, limit, false)
}

func (ix *Index) search(ctx context.Context, question string, limit int, confident bool) ([]Hit, error) {
	words := ix.words(question)
	if len(words) == 0 || limit <= 0 || confident && slices.ContainsFunc(words, ix.beyond) {
		return nil, nil
	}
	q := ix.query(words)
	if q == nil {
		return nil, nil
	}
	// Rows fold into their sections, so more documents than hits are read.
	docs, err := ix.best(ctx, q, limit*4+8)
	if err != nil {
		return nil, err
	}
	hits := ix.collect(docs)
	in := intentOf(question)
	ix.steer(hits, in)
	// A question about the whole role is answered by its page, which
	// holds none of the question's words but the role's.
	whole := asksOverview(question)
	if confident && !whole {
		hits = ix.answering(hits, words, limit)
	}
	if len(hits) == 0 {
		return nil, nil
	}
	if whole {
		hits = overview(hits)
	}
	if len(hits) > limit {
		hits = hits[:limit]
	}
	if len(hits[0].Rows) == 0 && !whole {
		hits[0].Rows = ix.statingRows(docs, hits[0].Section, words, in)
	}
	if len(hits[0].Rows) == 0 && !whole {
		hits[0].Passage = ix.passage(hits[0].Section, words, in)
	}
	return hits, nil
}

// best returns the size best documents for a query, documents that score
// the same in the guide's order: their IDs sort in it (docID), while
// bleve breaks ties by its own numbering, which follows how batches fell.
// Sorting by ID makes bleve read every match's ID, so the matches are first
// ranked by score alone, one more than asked for, and sorted here; only
// when that extra one ties with the last one asked for, and so documents
// of the same score may have been left out, is the search run again sorted
// by ID too.
func (ix *Index) best(ctx context.Context, q query.Query, size int) (search.DocumentMatchCollection, error) {
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, size+1, 0, false))
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	docs := res.Hits
	slices.SortStableFunc(docs, func(a, b *search.DocumentMatch) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID))
	})
	if len(docs) <= size {
		return docs, nil
	}
	if docs[size].Score < docs[size-1].Score {
		return docs[:size], nil
	}
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	if res, err = ix.bleve.SearchInContext(ctx, req); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return res.Hits, nil
}

// word is a topic word of a question, its stem, and the groups that match
// it in each field.
type word struct {
	text, stem string
	groups     []group
	// postings counts the documents the word's term leaves match, once per
	// field, which tells its role; phraseFields are the fields where it
	// may stand in a phrase (phraseGroups).
	postings     int
	phraseFields uint8
	// weight is the word's rarity, what it tells sections apart by, less
	// for a word of the message's context.
	weight float64
	// context tells a word found only in sentences that ask nothing, in
	// a message that asks elsewhere.
	context bool
}

// analyze finds a term's stem and the groups that match it in each field.
func (ix *Index) analyze(term string) word {
	w := word{text: term, stem: ix.stem(term)}
	if w.stem != "" && !meaningless(term) {
		w.groups, w.weight = ix.wordGroups(w)
		w.postings = ix.postings(w.groups)
		w.phraseFields = ix.phraseFields(w.stem)
	}
	return w
}

// words returns the distinct topic words of a question, in order: Slack
// markup, stop words and question phrasing removed, phrases of the field
// folded into one token. In a message that asks in some sentences and
// tells a story in others, words found only in the story are its context:
// they count for less (contextWeight).
func (ix *Index) words(question string) []word {
	// A colon joins words for the tokenizer ("title:skills" would stay one
	// word), so it splits them here, once "1:1" has been folded.
	q := strings.ReplaceAll(ix.vocabulary.Rewrite(Normalize(question)), ":", " ")
	var words []word
	for _, s := range split(q) {
		for _, tok := range ix.question.Analyze([]byte(s.text)) {
			w := ix.analyze(string(tok.Term))
			if w.groups == nil || ix.fillers[w.stem] || ix.misspeltPhrasing(w) {
				continue
			}
			if i := slices.IndexFunc(words, func(o word) bool { return o.stem == w.stem }); i >= 0 {
				words[i].context = words[i].context && s.context
				continue
			}
			if len(words) < maxTerms {
				w.context = s.context
				words = append(words, w)
			}
		}
	}
	for i, w := range words {
		words[i].weight *= w.share()
	}
	return words
}

// share is how much the word counts in its message: less in its context.
func (w word) share() float64 {
	if w.context {
		return contextWeight
	}
	return 1
}

// contextWeight is how much a word of a message's story counts against
// the words of its question: "my boss keeps hinting at a director opening
// in our platform group" tells why, "what is the job about?" what.
const contextWeight = 0.5

// sentence is one sentence of a message, and whether it is context: the
// message asks something elsewhere, and this sentence asks nothing.
type sentence struct {
	text    string
	context bool
}

// split splits a message at the end of each sentence. When some
// sentences ask (end with a question mark) and others do not, the others
// are context; otherwise none is.
func split(q string) []sentence {
	var out []sentence
	asks := 0
	for q != "" {
		end := strings.IndexAny(q, ".!?;\n")
		if end < 0 {
			end = len(q) - 1
		}
		s := sentence{text: q[:end+1], context: q[end] != '?'}
		if !s.context {
			asks++
		}
		out = append(out, s)
		q = q[end+1:]
	}
	if asks == 0 || asks == len(out) {
		for i := range out {
			out[i].context = false
		}
	}
	return out
}

// beyond reports whether a word names a topic outside the guide's: one of
// the thesaurus's outside words that the guide never uses, itself or
// through a synonym, where the message asks ("every time I go on
// vacation, my org stalls" only tells why). A known word one edit away does not count: "relocation"
// is no typo of what the guide says.
func (ix *Index) beyond(w word) bool {
	if !ix.outside[w.text] || w.context {
		return false
	}
	_, says := ix.vocab[w.stem]
	return !says && !slices.ContainsFunc(ix.synonymsOf[w.stem], func(s string) bool {
		_, ok := ix.vocab[s]
		return ok
	})
}

// misspeltPhrasing reports whether a word the guide does not know is a
// misspelt stop word or filler ("usualy", "wat"), to drop as they are;
// never one of the outside words, which decide that a question is not
// answered ("paid" is one edit from "said").
func (ix *Index) misspeltPhrasing(w word) bool {
	_, known := ix.known[w.stem]
	return !known && !ix.outside[w.text] && ix.phrasingTypo(w.text)
}

// present reports whether any term of the word occurs in the guide: a
// group keeps a leaf only for a term its field holds.
func (w word) present() bool { return w.postings > 0 }

// meaningless reports whether a word says nothing about the topic: a bare
// number ("top 5", "~2") or a single letter ("X%").
func meaningless(w string) bool {
	return strings.Trim(w, "0123456789") == "" || utf8.RuneCountInString(w) < 2
}

func (ix *Index) stem(word string) string {
	toks := ix.stemmer.Analyze([]byte(word))
	if len(toks) == 0 {
		return ""
	}
	return string(toks[0].Term)
}

// query asks for documents that match any of the words that choose
// (roles); documents where two neighbouring words of the question stand
// side by side ("succession planning") rank higher. It returns nil when no
// document can match.
func (ix *Index) query(words []word) query.Query {
	present := 0
	for _, w := range words {
		if w.present() {
			present++
		}
	}
	if present == 0 {
		return nil
	}
	// A word none of whose terms occur drops out as a field does in
	// disjunction, and the others are scaled up the same way.
	scale := float64(present) / float64(len(words))
	var selective, common []query.Query
	roles := ix.roles(words)
	for i, w := range words {
		switch {
		case !w.present() || roles[i] == ignored:
		case roles[i] == chooser:
			selective = append(selective, w.query(scale*w.share()))
		default:
			common = append(common, w.query(scale*w.share()))
		}
	}
	must := query.NewDisjunctionQuery(selective)
	should := append(common, disjunction(ix.phraseGroups(words, roles), 1)...)
	if len(should) == 0 {
		return must
	}
	return query.NewBooleanQuery([]query.Query{must}, should, nil)
}

// minCoverage is the share of a question's words, weighed by rarity, that
// the best section must hold to be an answer. Words the guide lacks weigh
// the most, so "how much equity does a VP get" is not answered by a section
// that says "VP". Calibrated on the tuning sets: at 0.25 the tuning set
// refuses 8 more of its answerable questions and no more off-topic ones.
const minCoverage = 0.2

// answers reports whether a hit holds enough of the question's words to
// answer it.
func (ix *Index) answers(h Hit, words []word) bool {
	total := weightOf(words)
	return total > 0 && coverage(ix.read(h.Section).stems, words) >= minCoverage*total
}

// focusWords is how many topic words a question may hold before the
// words the guide lacks count for less: in a long message most of them
// tell its story ("startup", "kanban", "next month"), not its topic.
const focusWords = 4

// weightOf is the words' total weight, the most an answer can cover.
func weightOf(words []word) float64 {
	absentShare := min(1, focusWords/float64(len(words)))
	total := 0.0
	for _, w := range words {
		if w.present() {
			total += w.weight
		} else {
			total += w.weight * absentShare
		}
	}
	return total
}

// role is what a question word does in the query.
type role int

const (
	// chooser words find the documents to score.
	chooser role = iota
	// common words add to the scores of documents the choosers found.
	common
	// ignored words are left out, as stop words are.
	ignored
)

// commonPostings is how many documents, counted once per field, a word may
// be in and still choose which documents are scored; so is half of the
// guide's documents, when fewer. Scoring every section that says "team" in
// a large guide, or "director" (in every section's path) in the embedded
// one, costs more than the rest of the search; such words only add to the
// scores of the sections that the question's other words find. The figure
// matters only for guides of over 2,000 documents (a smaller guide's half
// comes first): at 100,000 sections, 1,024 rather than 4,096 cuts the
// median cold answer by a third. No question set covers a guide that
// large, so its effect on ranking there is not measured.
const commonPostings = 1024

// stopPostings is how many documents a word may be in, once per field, and
// still count at all. Beyond that, in about a third of a large guide, it
// tells sections apart too little to pay for reading its postings: for
// this guide it is a stop word.
const stopPostings = 32768

// roles tells each word's role: all are choosers unless some are common;
// then the rest choose, or the least common word when all are common.
func (ix *Index) roles(words []word) []role {
	out := make([]role, len(words))
	least, fewest := -1, 0
	for i, w := range words {
		n := w.postings
		switch {
		case n > ix.stopPostings:
			out[i] = ignored
		case n > ix.commonPostings || uint64(n) > ix.docs/2:
			out[i] = common
		}
		if n > 0 && (least < 0 || n < fewest) {
			least, fewest = i, n
		}
	}
	if least >= 0 {
		out[least] = chooser
	}
	return out
}

// postings counts the documents a word's term leaves read, once per field.
func (ix *Index) postings(groups []group) int {
	n := 0
	for _, g := range groups {
		for _, l := range g.leaves {
			if len(l.terms) == 1 {
				n += int(ix.vocab[l.terms[0]][l.field])
			}
		}
	}
	return n
}

// phraseBoost weighs two question words found side by side.
const phraseBoost = 30

// rarityPower sharpens rarity beyond what BM25 does within each field,
// where a common word in a short field (a title) still weighs a lot.
const rarityPower = 1.5

// rarity is the inverse document frequency of a term over the whole index,
// as BM25 computes it, raised to rarityPower. An unknown word counts as rare
// as a word seen once.
func (ix *Index) rarity(df uint64) float64 {
	df = max(df, 1)
	return math.Pow(bm25IDF(max(ix.docs, df), df), rarityPower)
}

// bm25IDF is the inverse document frequency of a term in df of n
// documents, as bleve's BM25 scorer computes it.
func bm25IDF(n, df uint64) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// collect folds row documents into their sections: a section scores as its
// best document, and remembers the rows that beat its own text. Docs are
// few (a few times the hits asked for), so sections are found by looking
// through those already seen.
func (ix *Index) collect(docs search.DocumentMatchCollection) []Hit {
	type agg struct {
		section *content.Section
		// own is the section's own score, row its best row's; 0 when
		// not among the docs.
		own, row float64
	}
	var buf [32]agg
	aggs := buf[:0]
	for _, d := range docs {
		ref, ok := ix.ref(d.ID)
		if !ok {
			continue
		}
		i := slices.IndexFunc(aggs, func(a agg) bool { return a.section == ref.section })
		if i < 0 {
			i = len(aggs)
			aggs = append(aggs, agg{section: ref.section})
		}
		switch {
		case !ref.isRow:
			aggs[i].own = d.Score
		case aggs[i].row == 0:
			aggs[i].row = d.Score
		}
	}
	hits := make([]Hit, 0, len(aggs))
	for _, a := range aggs {
		h := Hit{Section: a.section, Score: max(a.own, a.row*rowWeight), row: a.row}
		// A row the question fits better than the whole section is what
		// the asker wants to see first.
		if a.row > 0 && a.row >= a.own*rowShare {
			h.Rows = ix.strongRows(docs, a.section, a.row)
		}
		hits = append(hits, h)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int { return cmp.Compare(b.Score, a.Score) })
	return hits
}

// minShare is how close to the best hit's score a hit must come to answer
// in its place when the best does not hold enough of the question's words.
const minShare = 0.7

// answering returns up to limit hits that hold enough of the question's
// words (answers), none when the first of them scores far below the best
// hit: the question is then about something the guide only touches. Hits
// are weighed in order, and only until limit answer: weighing a section the
// first time means analyzing its text.
func (ix *Index) answering(hits []Hit, words []word, limit int) []Hit {
	var out []Hit
	for _, h := range hits {
		if len(out) == limit || len(out) == 0 && len(hits) > 0 && h.Score < minShare*hits[0].Score {
			break
		}
		if ix.answers(h, words) {
			out = append(out, h)
		}
	}
	return out
}

// intentBoost is what a section gains when it states the kind of fact a
// question asks for ("how many": a number, "who": a role).
const intentBoost = 0.5

// steerDepth is how many of the best hits intents may lift: those an
// answer and its related topics come from, with room to spare.
const steerDepth = 12

// steer ranks higher the hits that state the kind of fact the question
// asks for, in a matched row or in their own text.
func (ix *Index) steer(hits []Hit, in int) {
	if in < 0 {
		return
	}
	for i, h := range hits[:min(len(hits), steerDepth)] {
		stated := false
		if len(h.Rows) > 0 {
			r := h.Rows[0]
			stated = states(in, content.RowPlain(h.Section.Tables()[r.Table].Rows[r.Row]))
		} else {
			stated = ix.facts(h.Section)[in]
		}
		if stated {
			hits[i].Score *= 1 + intentBoost
		}
		if stated && len(h.Rows) > 0 {
			hits[i].Score = max(hits[i].Score, h.row*(1+intentBoost))
		}
	}
	slices.SortStableFunc(hits, func(a, b Hit) int { return cmp.Compare(b.Score, a.Score) })
}

// overview puts first the page the best hit is on, its root section, for
// a question that asks for the whole picture of the role ("the gist of the
// job"); hits is not empty.
func overview(hits []Hit) []Hit {
	root := hits[0].Section
	for root.Parent != nil {
		root = root.Parent
	}
	page := Hit{Section: root, Score: hits[0].Score}
	hits = slices.DeleteFunc(hits, func(h Hit) bool { return h.Section == root })
	return append([]Hit{page}, hits...)
}

// rowWeight discounts row documents against sections: a row is a few words,
// so BM25 rates any match in it highly, but it should win over its section
// only when the question is really about that row.
const rowWeight = 0.5

// rowShare is how close a row's score must come to its section's for the
// hit to name the row: the question is then about that row.
const rowShare = 0.75

// strongRows returns a section's rows among docs, best first, that score
// close to its best one.
func (ix *Index) strongRows(docs search.DocumentMatchCollection, section *content.Section, best float64) []RowRef {
	var out []RowRef
	for _, d := range docs {
		if ref, ok := ix.ref(d.ID); ok && ref.isRow && ref.section == section && d.Score >= best*rowShare {
			out = append(out, ref.row)
		}
	}
	return out
}

// statingRows returns the first of a section's rows among docs that states
// the fact the question asks for ("how many engineers": a number) and
// holds one of the words that chose the documents, when the question asks
// for a fact: the row answers, though the section's title matched more of
// the question's common words ("VP").
func (ix *Index) statingRows(docs search.DocumentMatchCollection, section *content.Section, words []word, in int) []RowRef {
	if in < 0 {
		return nil
	}
	roles := ix.roles(words)
	for _, d := range docs {
		ref, ok := ix.ref(d.ID)
		if !ok || !ref.isRow || ref.section != section {
			continue
		}
		text := content.RowPlain(section.Tables()[ref.row.Table].Rows[ref.row.Row])
		if !states(in, text) {
			continue
		}
		stems := ix.stems(text)
		for i, w := range words {
			if roles[i] == chooser && w.matchesAny(stems) {
				return []RowRef{ref.row}
			}
		}
	}
	return nil
}
