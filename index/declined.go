package index

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/index/question"
)

// DeclinedLike returns up to n of the guide's examples that name no
// section (content.Guide.Unanswered) closest to a question by the stems
// they share, the closest first: the lines of examples.jsonl that vote
// against answering it. A guide's owner who adds a section for a question
// the examples say the guide does not answer ("what should I do in my
// first 90 days?") finds there the line to drop. It reads every such
// example, for a command's output, never for a reply.
func (ix *Index) DeclinedLike(question string, n int) []string {
	asked := ix.topicStems(question)
	if len(asked) == 0 || n <= 0 {
		return nil
	}
	type near struct {
		text  string
		score float64
	}
	var found []near
	for i, stems := range ix.declinedStems() {
		shared := 0
		for s := range stems {
			if asked[s] {
				shared++
			}
		}
		if shared > 0 {
			found = append(found, near{ix.guide.Unanswered()[i], float64(shared) / math.Sqrt(float64(len(stems)*len(asked)))})
		}
	}
	// Stable: of examples as close, the file's first comes first.
	slices.SortStableFunc(found, func(a, b near) int { return cmp.Compare(b.score, a.score) })
	out := make([]string, 0, min(n, len(found)))
	for _, f := range found[:min(n, len(found))] {
		out = append(out, f.text)
	}
	return out
}

// readDeclined returns the topic stems of each of the guide's examples that
// name no section, in the file's order: read once, the first time an
// owner's command asks (Index.declinedStems).
func (ix *Index) readDeclined() []map[string]bool {
	out := make([]map[string]bool, len(ix.guide.Unanswered()))
	for i, ex := range ix.guide.Unanswered() {
		out[i] = ix.topicStems(ex)
	}
	return out
}

// topicStems returns the stems of a text's words as the guide's text is
// indexed, without stop words, fillers ("tips", "guys") and the names of
// the roles the guide describes, which nearly every question holds.
func (ix *Index) topicStems(text string) map[string]bool {
	words := question.Words(text)
	for _, m := range ix.describedMentions(words) {
		for i := m.Start; i < m.End; i++ {
			words[i] = ""
		}
	}
	stems := map[string]bool{}
	for _, t := range ix.stemmer.Analyze([]byte(strings.Join(words, " "))) {
		if s := string(t.Term); !ix.fillers[s] {
			stems[s] = true
		}
	}
	return stems
}
