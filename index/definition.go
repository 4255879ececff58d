package index

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// maxDefiningSections is how many of the sections that hold a term are
// read for its definition: those its words rank first.
const maxDefiningSections = 20

// undefined returns the term a question asks the meaning of
// (question.Term) when the guide never says what it means, "" otherwise:
// no section is titled with it, no table row is named by it, and no
// passage says it is, means or stands for something. A term the guide
// explains in its own way defines it too: "engineering KPIs (velocity,
// quality, reliability)", a "player-coach" who …. The name of a role the
// guide describes is no such term: its page tells what the role is. A
// loose term (question.Term) is one only where the guide uses it and no
// heading holds it: "what is strategic work?" asks for a section.
func (ix *Index) undefined(ctx context.Context, text string) (string, error) {
	term, loose := question.Term(text)
	if term == "" {
		return "", nil
	}
	words := question.Words(term)
	if slices.ContainsFunc(ix.reader.Cast.Mentions(words), func(m question.Mention) bool { return ix.reader.Described[m.Role] }) {
		return "", nil
	}
	q := query.NewDisjunctionQuery([]query.Query{phraseIn(words, fieldTitle), phraseIn(words, fieldHead), phraseIn(words, fieldBody)})
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, maxDefiningSections, 0, false))
	if err != nil {
		return "", fmt.Errorf("search index for the term %q: %w", term, err)
	}
	if loose && res.Total == 0 {
		return "", nil
	}
	defining := definingPattern(words)
	for _, d := range res.Hits {
		ref, ok := ix.ref(d.ID)
		if ok && (ix.defines(ref.section, words, defining) || loose && holdsTerm(question.Words(ref.section.Title), words)) {
			return "", nil
		}
	}
	return term, nil
}

// holdsTerm reports whether words hold a term, its last word in the
// singular or the plural.
func holdsTerm(words, term []string) bool {
	for i := 0; i+len(term) <= len(words); i++ {
		if sameTerm(words[i:i+len(term)], term) {
			return true
		}
	}
	return false
}

// definingPattern matches a term, or its plural, followed by what tells
// what it is: a parenthesis, "is", "are", "means", "refers to", "stands
// for" or "who"; or, opening a passage as its label, a colon or dash
// ("Org size: 30-100+ engineers", not "a business case showing ROI: …").
// A "+" may close the term, which questions drop: "Staff+: every IC at L6
// or above".
func definingPattern(words []string) *regexp.Regexp {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	term := strings.Join(quoted, `[^\pL\pN]+`) + `(?:s|es)?\+?["”’')]*`
	return regexp.MustCompile(`(?i)^[^\pL\pN]*` + term + `(?:\s*[:—–]|\s+-\s)|(?:^|[^\pL\pN])` + term +
		`(?:\s*\(|\s+(?:is|are|means|refers to|stands for|who)\b)`)
}

// defines reports whether a section defines a term: its title, or the
// name of one of its table rows, is the term, or a passage of it matches
// defining.
func (ix *Index) defines(s *content.Section, words []string, defining *regexp.Regexp) bool {
	title := question.Words(s.Title)
	for len(title) > 0 && strings.Trim(title[0], "0123456789") == "" {
		title = title[1:]
	}
	if sameTerm(title, words) {
		return true
	}
	for _, t := range s.Tables() {
		if slices.ContainsFunc(t.Rows, func(row []content.Inline) bool {
			return len(row) > 0 && sameTerm(question.Words(row[0].Plain()), words)
		}) {
			return true
		}
	}
	return slices.ContainsFunc(ix.read(s).passages(), func(p stemmedPassage) bool { return defining.MatchString(p.Text) })
}

// sameTerm reports whether two terms are one, in the singular or the
// plural.
func sameTerm(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	n := len(a) - 1
	plural := func(one, other string) bool { return other == one+"s" || other == one+"es" }
	return slices.Equal(a[:n], b[:n]) && (a[n] == b[n] || plural(a[n], b[n]) || plural(b[n], a[n]))
}

// definedTerm returns the term a question asks the meaning of
// (question.Term), or the thing it asks what it is by name
// (question.Named); "" for neither.
func definedTerm(text string) string {
	if term, _ := question.Term(text); term != "" {
		return term
	}
	return question.Named(text)
}

// preferDefinition puts first, for a question that asks what term means
// or is (definedTerm), the best hit that defines it (defines): "what is
// KTLO?" is answered by the glossary, not by the roadmap that uses the
// term most, and so is "what is the Eng Council?".
func (ix *Index) preferDefinition(hits []Hit, term string) {
	if term == "" || len(hits) < 2 {
		return
	}
	words := question.Words(term)
	defining := definingPattern(words)
	if ix.defines(hits[0].Section, words, defining) {
		return
	}
	if i := slices.IndexFunc(hits, func(h Hit) bool { return ix.defines(h.Section, words, defining) }); i > 0 {
		promote(hits, i)
	}
}
