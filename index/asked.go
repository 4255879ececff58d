package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/directorbot/directorbot/index/thesaurus"
)

// A guide's examples (content.ExamplesFile) are questions people ask and
// the sections that answer them. The words several questions of a section
// share are how people name its topic, in words its text may never use
// ("top brass", "on the hook"): they are indexed as the section's asked
// field, and count half towards covering a question, as a synonym does.
// A word only one question used is its own story ("my laptop", "our
// sourdough"), not the section's topic, and is left out.

// minSupport is how many of a section's example questions must use a word
// for it to be the section's. Checked by leaving each question set out of
// the examples in turn: one lets a story's words answer off-topic
// questions (11 more of 343 answered), three loses paraphrases.
const minSupport = 2

// learned returns the words of the questions that at least minSupport of
// them use, each question's in its order, as the question is read
// (Normalize, the thesaurus's rewrites): the section's asked field.
func learned(stemmer analysis.Analyzer, th *thesaurus.Thesaurus, questions []string) string {
	if len(questions) < minSupport {
		return ""
	}
	type token struct{ text, stem string }
	read := make([][]token, len(questions))
	support := map[string]int{}
	for i, q := range questions {
		text := th.Rewrite(Normalize(q))
		seen := map[string]bool{}
		for _, t := range stemmer.Analyze([]byte(text)) {
			stem := string(t.Term)
			read[i] = append(read[i], token{text[t.Start:t.End], stem})
			if !seen[stem] {
				seen[stem] = true
				support[stem]++
			}
		}
	}
	var b strings.Builder
	for _, tokens := range read {
		for _, t := range tokens {
			if support[t.stem] >= minSupport {
				b.WriteString(t.text)
				b.WriteByte(' ')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// says reports whether the guide's own text, not its examples, holds a
// stem.
func (ix *Index) says(stem string) bool {
	counts := ix.vocab[stem]
	for _, n := range counts[:askedField] {
		if n > 0 {
			return true
		}
	}
	return false
}
