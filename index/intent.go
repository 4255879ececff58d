package index

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// facts returns which kinds of fact a section's text states, read once.
func (ix *Index) facts(s *content.Section) [question.Intents]bool {
	if f, ok := ix.sectionFacts.Get(s); ok {
		return f
	}
	var f [question.Intents]bool
	text := s.Text()
	for i := range f {
		f[i] = question.Intent(i).States(text)
	}
	ix.sectionFacts.Add(s, f)
	return f
}

// intentBoost is what a section gains when it states the kind of fact a
// question asks for ("how many": a number, "who": a role).
const intentBoost = 0.5

// steerDepth is how many of the best hits intents may lift: those an
// answer and its related topics come from, with room to spare.
const steerDepth = 12

// steer ranks higher the hits that state the kind of fact the question
// asks for, in a matched row or in their own text.
func (ix *Index) steer(hits []Hit, in question.Intent) {
	if in == question.NoIntent {
		return
	}
	for i, h := range hits[:min(len(hits), steerDepth)] {
		stated := false
		if len(h.Rows) > 0 {
			r := h.Rows[0]
			stated = in.States(content.RowPlain(h.Section.Tables()[r.Table].Rows[r.Row]))
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
	byScore(hits)
}

// exampleBoost is what a section that gives an example gains when a
// question asks for one.
const exampleBoost = 0.5

// preferExamples ranks higher, among the best hits, the sections that
// give an example, for a question that asks for one
// (question.AsksExample): "how did a director show composure during
// crises? need an example" is answered by Handle Ambiguity and Crisis,
// whose example tells it, before the indicator that names it.
func preferExamples(hits []Hit) {
	for i, h := range hits[:min(len(hits), steerDepth)] {
		if h.Section.GivesExample() {
			hits[i].Score *= 1 + exampleBoost
		}
	}
	byScore(hits)
}

// preferPay puts first, for a question that asks what a role earns, the
// best of the best hits that states pay: its heading, or a row of its
// tables, names pay (Index.payWords), and it states a figure. "What do
// directors make per year?" is answered by the salary bands, not by
// Promotion to Director, whose heading names the role and whose text says
// "years"; "Compensation Reviews" that tell how ratings are calibrated
// state no one's pay. No other section states pay: it reports whether one
// was found.
func (ix *Index) preferPay(hits []Hit) bool {
	pay := question.Set{}
	for _, w := range ix.payWords {
		pay[ix.stem(w)] = true
	}
	i := slices.IndexFunc(hits[:min(len(hits), steerDepth)], func(h Hit) bool {
		names := []string{h.Section.Title}
		for _, t := range h.Section.Tables() {
			for _, r := range t.Rows {
				if len(r) > 0 {
					names = append(names, r[0].Plain())
				}
			}
		}
		named := slices.ContainsFunc(names, func(name string) bool {
			return slices.ContainsFunc(question.Words(name), func(w string) bool { return pay[ix.stem(w)] })
		})
		return named && strings.ContainsAny(h.Section.Text(), "0123456789")
	})
	if i < 0 {
		return false
	}
	promote(hits, i)
	return true
}

// promote puts hits[i] first, at the first's score, the hits before it
// one place down.
func promote(hits []Hit, i int) {
	h := hits[i]
	h.Score = hits[0].Score
	copy(hits[1:i+1], hits[:i])
	hits[0] = h
}

// overview puts first the page the best hit is on, its root section, for
// a question that asks for the whole picture of the role ("the gist of the
// job"); hits is not empty.
func overview(hits []Hit) []Hit {
	root := hits[0].Section.Page.Root
	page := Hit{Section: root, Score: hits[0].Score}
	if i := slices.IndexFunc(hits, func(h Hit) bool { return h.Section == root }); i >= 0 {
		page.Votes = hits[i].Votes
	}
	hits = slices.DeleteFunc(hits, func(h Hit) bool { return h.Section == root })
	return append([]Hit{page}, hits...)
}

// asksPage reports whether a question asks only what a role does
// (question.Cast.AsksRole) and the page the best hit is on is that role's:
// "what does an engineering director actually do?" is answered by the
// Director's page, though the comparison with the VP shares its words.
// A role with no page of its own is answered by the hits, and so is one
// whose page is titled with another role too ("Director vs VP").
func (ix *Index) asksPage(words []string, hits []Hit) bool {
	role, ok := ix.reader.Cast.AsksRole(ix.spelled(slices.Clone(words)))
	if !ok || len(hits) == 0 {
		return false
	}
	return slices.Equal(ix.titleRoles(hits[0].Section.Page.Root), []int{role})
}

// answeringRow returns, as the rows of a hit, the first of a section's
// rows among docs that holds one of the question's words that are not
// common in its own cells, and that states the fact the question asks for
// when it asks for one: the row answers, though the section's title
// matched more of the question's common words ("how many eng does a VP
// have": Team size). A question no row holds such a word of is about the
// whole table ("director vs VP").
func (ix *Index) answeringRow(docs search.DocumentMatchCollection, section *content.Section, words []word, in question.Intent) []RowRef {
	for _, d := range docs {
		ref, ok := ix.ref(d.ID)
		if !ok || !ref.isRow || ref.section != section {
			continue
		}
		if in != question.NoIntent && !in.States(content.RowPlain(section.Tables()[ref.row.Table].Rows[ref.row.Row])) {
			continue
		}
		r := ix.read(section)
		rows := r.rowStems()
		for _, w := range words {
			if !ix.common(w.postings) && tells(rows, ref.row, w, r.titleStems) {
				return []RowRef{ref.row}
			}
		}
	}
	return nil
}
