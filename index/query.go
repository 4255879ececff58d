package index

import "slices"

// The query is built from terms in the fields where each term occurs, with
// synonyms and near spellings expanded from the vocabulary read at
// start-up, and scored as bleve scores the equivalent term, phrase and
// disjunction queries (score.go). Match queries on every field, with
// bleve's own synonym and fuzzy expansion, ranked the same but re-analyzed
// each word, looked its synonyms up in the index and opened a searcher per
// field whether the term was there or not; bleve's searchers for the term
// queries still cost five microseconds each (BENCHMARKS.md).

// leaf is one term, or two adjacent terms, searched in one field.
type leaf struct {
	terms []string
	field int
	boost float64
	// posts are the terms' postings, read when the query is scored, and
	// weights their weights in it; at is where each term's postings were
	// last looked at. A leaf has one term, or two for a phrase.
	posts   [2]*postings
	weights [2]float64
	at      [2]int
}

func (l leaf) clause(scale float64) *clause {
	l.boost *= scale
	return &clause{leaf: l}
}

// clause is a query over the index's documents: a leaf, a question word,
// or a disjunction of clauses that a document matches when it matches at
// least min of them (and at least one).
type clause struct {
	leaf leaf
	word *wordLeaf
	any  []*clause
	min  int
}

// isLeaf reports whether the clause is a term or phrase leaf.
func (c *clause) isLeaf() bool { return len(c.leaf.terms) > 0 }

// anyOf is the disjunction of clauses, or the one clause itself.
func anyOf(cs []*clause) *clause {
	if len(cs) == 1 {
		return cs[0]
	}
	return &clause{any: cs}
}

// plan is a whole question's query: the documents must match must, and
// those that also match should score higher; should may be nil.
type plan struct {
	must, should *clause
}

// group is a disjunction of leaves, scored as bleve scores one: the sum of
// the matching leaves times the share of leaves that match. total counts
// the leaves it would have with the terms the fields lack.
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

// clause returns the group as one clause, or nil when it has no leaves.
// Leaves dropped for lack of their terms could never match, but a
// disjunction of all of them would count them when it divides a
// document's score by the leaves' count, so the kept leaves are scaled
// down to score the same.
func (g group) clause(scale float64) *clause {
	if len(g.leaves) == 0 {
		return nil
	}
	scale *= float64(len(g.leaves)) / float64(g.total)
	cs := make([]*clause, len(g.leaves))
	for i, l := range g.leaves {
		cs[i] = l.clause(scale)
	}
	return anyOf(cs)
}

// disjunction combines groups as a disjunction of their clauses would,
// scaling the kept groups for the empty ones as group.clause scales leaves.
// It returns the clauses of the kept groups, none when all are empty.
func disjunction(groups []group, scale float64) []*clause {
	var cs []*clause
	kept := 0
	for _, g := range groups {
		if len(g.leaves) > 0 {
			kept++
		}
	}
	scale *= float64(kept) / float64(len(groups))
	for _, g := range groups {
		if c := g.clause(scale); c != nil {
			cs = append(cs, c)
		}
	}
	return cs
}

// wordGroups matches one word in every field: the word's stem and its
// synonyms, and when the guide does not know the word, probably a typo,
// the terms within an edit or two of it.
func (ix *Index) wordGroups(w word) []group {
	stem := w.stem
	df, known := ix.known[stem]
	misspelt := !known && fuzzy(w.text)
	var near []nearTerm
	if misspelt {
		near = ix.near(stem)
		df = likeliestFrequency(near)
	}
	weight := ix.rarity(df)
	groups := make([]group, 0, 2*len(boosts))
	for fi, fb := range boosts {
		var g group
		ix.add(&g, leaf{terms: []string{stem}, field: fi, boost: fb.boost * weight})
		for _, s := range ix.synonymsOf[stem] {
			// bleve weighs a synonym half as much as the word itself.
			ix.add(&g, leaf{terms: []string{s}, field: fi, boost: fb.boost * weight / 2})
		}
		groups = append(groups, g)
	}
	if misspelt {
		for fi, fb := range boosts[:4] {
			groups = append(groups, ix.fuzzyGroup(near, fi, fb.boost*weight))
		}
	}
	return groups
}

// fuzzyGroup matches the terms of one field near a misspelt stem as
// bleve's fuzzy query does: a term one edit away weighs half, and when
// nothing is near, bleve searches the stem itself, in vain.
func (ix *Index) fuzzyGroup(near []nearTerm, field int, boost float64) group {
	var g group
	for _, n := range near {
		if ix.vocab[n.term][field] > 0 {
			ix.add(&g, leaf{terms: []string{n.term}, field: field, boost: boost / 2})
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
// that roles avoid. The ranking was tuned on bleve's phrase
// search with synonyms, which accepts only a word's synonyms at its
// position, so a word with synonyms joins a phrase only when it is among
// its own synonyms ("differ", from "difference" and "different").
func (ix *Index) phraseGroups(words []word, roles []role) []group {
	var groups []group
	for i := 1; i < len(words); i++ {
		a, b := words[i-1], words[i]
		phrase := roles[i-1] == chooser || roles[i] == chooser
		var terms []string
		for fi, fb := range boosts[:4] {
			g := group{total: 1}
			if phrase && a.phraseFields&b.phraseFields&(1<<fi) != 0 {
				if terms == nil {
					terms = []string{a.stem, b.stem}
				}
				g.leaves = []leaf{{terms: terms, field: fi, boost: fb.boost * phraseBoost}}
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
