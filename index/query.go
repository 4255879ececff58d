package index

import (
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/directorbot/directorbot/index/spelling"
)

// A question becomes one bleve query, scored by bleve's BM25: a term query
// for each term in each field that holds it, with its synonyms at half
// weight and, for a word the guide does not know, the known words one edit
// away; a phrase query for two neighbouring question words; disjunctions of
// those, and a boolean query of what a document must and should match.
// Only fields that hold a term get a query for it, so a question costs
// bleve a searcher per term the guide really has.

// leaf is one term, or two adjacent terms, searched in one field.
type leaf struct {
	terms []string
	field int
	boost float64
}

// query returns the leaf as a term or phrase query, its boost scaled.
func (l leaf) query(scale float64) query.Query {
	field := boosts[l.field].field
	if len(l.terms) == 1 {
		q := query.NewTermQuery(l.terms[0])
		q.SetField(field)
		q.SetBoost(l.boost * scale)
		return q
	}
	q := query.NewPhraseQuery(l.terms, field)
	q.SetBoost(l.boost * scale)
	return q
}

// group is a disjunction of leaves, which bleve scores as the sum of the
// matching leaves times the share of leaves that match. total counts the
// leaves it would have with the terms the fields lack.
type group struct {
	leaves []leaf
	total  int
}

// add appends a leaf when all its terms occur in its field, and counts it
// either way.
func (ix *Index) add(g *group, l leaf) {
	g.total++
	for _, t := range l.terms {
		if ix.vocab[t][l.field] == 0 {
			return
		}
	}
	g.leaves = append(g.leaves, l)
}

// query returns the group as one query, or nil when it has no leaves.
// Leaves dropped for lack of their terms could never match, but bleve
// divides a disjunction's score by the count of its clauses, so the kept
// leaves are scaled down to score as the whole group would.
func (g group) query(scale float64) query.Query {
	if len(g.leaves) == 0 {
		return nil
	}
	scale *= float64(len(g.leaves)) / float64(g.total)
	qs := make([]query.Query, len(g.leaves))
	for i, l := range g.leaves {
		qs[i] = l.query(scale)
	}
	return anyOf(qs)
}

// anyOf is the disjunction of queries, or the one query itself.
func anyOf(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// disjunction returns the queries of the groups that have leaves, scaled
// for the empty ones as group.query scales leaves.
func disjunction(groups []group, scale float64) []query.Query {
	kept := 0
	for _, g := range groups {
		if len(g.leaves) > 0 {
			kept++
		}
	}
	scale *= float64(kept) / float64(len(groups))
	var qs []query.Query
	for _, g := range groups {
		if q := g.query(scale); q != nil {
			qs = append(qs, q)
		}
	}
	return qs
}

// query returns the word's query at the question's scale: its groups in
// every field, or nil when none of its terms occurs.
func (w word) query(scale float64) query.Query {
	qs := disjunction(w.groups, scale)
	if len(qs) == 0 {
		return nil
	}
	return anyOf(qs)
}

// wordGroups matches one word in every field: the word's stem and its
// synonyms, and when the guide does not know the word, probably a typo
// (mistyped), the terms within an edit of it. It returns the word's rarity
// weight and those terms too.
func (ix *Index) wordGroups(w word) ([]group, float64, []spelling.Term) {
	stem := w.stem
	df, known := ix.known[stem]
	misspelt := !known && mistyped(w.text)
	var near []spelling.Term
	if misspelt {
		near = ix.speller.Near(w.text, stem)
		df = spelling.LikeliestDocs(near)
	}
	weight := ix.rarity(df)
	groups := make([]group, 0, 2*len(boosts))
	for fi, fb := range boosts {
		if fi == askedField && !ix.learned {
			// Without examples, the field would only scale the others down.
			continue
		}
		var g group
		if fi == askedField {
			// Words two examples of a section share name its topic only
			// when the examples know most of the guide, and are many: of
			// five, two about directors on call made "director" On-call
			// Expectations' own.
			fb.boost *= ix.examples.weight()
		}
		ix.add(&g, leaf{terms: []string{stem}, field: fi, boost: fb.boost * weight})
		// The asked field holds people's own words, so the stem alone:
		// leaving each question set out in turn, synonyms there cost
		// right answers.
		if fi != askedField {
			for _, s := range ix.synonymsOf[stem] {
				// A synonym weighs half as much as the word itself.
				ix.add(&g, leaf{terms: []string{s}, field: fi, boost: fb.boost * weight / 2})
			}
		}
		groups = append(groups, g)
	}
	if misspelt {
		for fi, fb := range boosts[:4] {
			groups = append(groups, ix.fuzzyGroup(near, fi, fb.boost*weight))
		}
	}
	return groups, weight, near
}

// mistyped reports whether a word the guide does not know may be a typo
// of one it does: long enough to be matched within an edit, and no common
// English word (spelling.Common), which is read as typed. A common word
// typed for another is lost: "principle engineer" is no principal's, as
// "engineering principles" are not.
func mistyped(text string) bool {
	return spelling.Fuzzy(text) && !spelling.Common(text)
}

// fuzzyGroup matches the terms of one field near a misspelt stem: a term
// one edit away weighs half, and its synonyms half of that, as they would
// for the word spelt right ("promted" is near "promoted", which the guide
// says as "transition"). With nothing
// near, it still counts as one leaf that cannot match.
func (ix *Index) fuzzyGroup(near []spelling.Term, field int, boost float64) group {
	var g group
	for _, n := range near {
		if ix.vocab[n.Text][field] > 0 {
			ix.add(&g, leaf{terms: []string{n.Text}, field: field, boost: boost / 2})
		}
		for _, s := range ix.synonymsOf[n.Text] {
			if ix.vocab[s][field] > 0 && !slices.ContainsFunc(near, func(o spelling.Term) bool { return o.Text == s }) &&
				!slices.ContainsFunc(g.leaves, func(l leaf) bool { return l.terms[0] == s }) {
				ix.add(&g, leaf{terms: []string{s}, field: field, boost: boost / 4})
			}
		}
	}
	if g.total == 0 {
		g.total = 1
	}
	return g
}

// phraseGroups match two neighbouring question words standing side by
// side in the first four fields, when one of them chooses documents: a
// phrase of two common words would read both words' postings, the cost
// that roles avoid. A word with synonyms joins a phrase only when it is
// among its own synonyms ("differ", from "difference" and "different"),
// as the ranking was tuned with phrases that accept only a word's
// synonyms at its position.
func (ix *Index) phraseGroups(words []word, roles []role) []group {
	var groups []group
	for i := 1; i < len(words); i++ {
		a, b := words[i-1], words[i]
		phrase := roles[i-1] == chooser || roles[i] == chooser
		for fi, fb := range boosts[:4] {
			g := group{total: 1}
			if phrase && a.phraseFields&b.phraseFields&(1<<fi) != 0 {
				g.leaves = []leaf{{terms: []string{a.stem, b.stem}, field: fi, boost: fb.boost * phraseBoost}}
			}
			groups = append(groups, g)
		}
	}
	return groups
}

// phraseFields returns a bit for each of the first four fields that hold
// a stem, none when the stem cannot stand in a phrase.
func (ix *Index) phraseFields(stem string) uint8 {
	if !ix.inPhrases(stem) {
		return 0
	}
	var fields uint8
	for fi := range 4 {
		if ix.vocab[stem][fi] > 0 {
			fields |= 1 << fi
		}
	}
	return fields
}

// inPhrases reports whether a stem can stand in a phrase; see phraseGroups.
func (ix *Index) inPhrases(stem string) bool {
	syns := ix.synonymsOf[stem]
	return len(syns) == 0 || slices.Contains(syns, stem)
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
// be in and still choose which documents are scored; so is commonShare of
// the guide's documents, when fewer. Scoring every section that says
// "team" in a large guide, or "director" (in every section's path) in the
// embedded one, costs more than the rest of the search; such words only
// add to the scores of the sections that the question's other words find.
// The figure matters only for guides of over 1,400 documents (a smaller
// guide's share comes first): at 100,000 sections, 1,024 rather than 4,096
// cuts the median cold answer by a third. No question set covers a guide
// that large, so its effect on ranking there is not measured.
const commonPostings = 1024

// commonShare is the share of a guide's sections and rows, a word's
// postings counted once per field, beyond which it only adds to scores
// ("vp" in the embedded guide, 49 postings over 62 documents). The synonym
// sets stored beside them do not count: a line added to a thesaurus must
// not turn a word into one that chooses.
const commonShare = 0.75

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
		case ix.common(n):
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

// common reports whether a word in n documents, counted once per field,
// is too common to choose which documents are scored.
func (ix *Index) common(n int) bool {
	return n > ix.commonPostings || float64(n) > commonShare*float64(ix.guideDocs)
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
const phraseBoost = 34.5

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
