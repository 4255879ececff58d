package index

import (
	"slices"

	"github.com/blevesearch/bleve/v2/search/query"
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
// synonyms, and when the guide does not know the word, probably a typo,
// the terms within an edit of it. It returns the word's rarity weight too.
func (ix *Index) wordGroups(w word) ([]group, float64) {
	stem := w.stem
	df, known := ix.known[stem]
	misspelt := !known && fuzzy(w.text)
	var near []nearTerm
	if misspelt {
		near = ix.near(w.text, stem)
		df = likeliestFrequency(near)
	}
	weight := ix.rarity(df)
	groups := make([]group, 0, 2*len(boosts))
	for fi, fb := range boosts {
		var g group
		ix.add(&g, leaf{terms: []string{stem}, field: fi, boost: fb.boost * weight})
		for _, s := range ix.synonymsOf[stem] {
			// A synonym weighs half as much as the word itself.
			ix.add(&g, leaf{terms: []string{s}, field: fi, boost: fb.boost * weight / 2})
		}
		groups = append(groups, g)
	}
	if misspelt {
		for fi, fb := range boosts[:4] {
			groups = append(groups, ix.fuzzyGroup(near, fi, fb.boost*weight))
		}
	}
	return groups, weight
}

// fuzzyGroup matches the terms of one field near a misspelt stem: a term
// one edit away weighs half, and its synonyms half of that ("promted" is
// near "promoted", which the guide says as "transition"). With nothing
// near, it still counts as one leaf that cannot match.
func (ix *Index) fuzzyGroup(near []nearTerm, field int, boost float64) group {
	var g group
	for _, n := range near {
		if ix.vocab[n.term][field] > 0 {
			ix.add(&g, leaf{terms: []string{n.term}, field: field, boost: boost / 2})
		}
		for _, s := range ix.synonymsOf[n.term] {
			if ix.vocab[s][field] > 0 && !slices.ContainsFunc(near, func(o nearTerm) bool { return o.term == s }) &&
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
