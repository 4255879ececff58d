package index

import (
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
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
// for it to be the section's. Checked by leaving each tuning set out of
// the examples in turn: at one, 21 rather than 12 of 1,675 answerable
// questions are refused and top-1 falls by 0.006; at three, top-1 falls
// by 0.014 and top-3 by 0.007.
const minSupport = 2

// learner reads a guide's example questions as questions are read
// (Normalize, the thesaurus's rewrites, the sentences that ask and the
// story around them), each question once while a guide is indexed: a
// question teaches its section and, when its answer is in a row, the row
// too.
type learner struct {
	stemmer analysis.Analyzer
	th      *thesaurus.Thesaurus
	// read holds the guide's questions read (readAll), by their text, while
	// the guide is indexed; taught holds the stems each section's examples
	// teach, found then. A guide reopened from disk reads a section's
	// questions again the first time the section is read.
	read   map[string][]token
	mu     sync.Mutex // guards taught, which searches fill concurrently
	taught map[*content.Section]map[string]bool
}

// token is a question's word as written and its stem, and whether it is
// in a sentence of the question's story (question.Sentence.Context).
type token struct {
	text, stem string
	context    bool
}

// asking returns the tokens of the sentences that ask.
func asking(tokens []token) []token {
	var out []token
	for _, t := range tokens {
		if !t.context {
			out = append(out, t)
		}
	}
	return out
}

// newLearner returns a learner for a guide indexed in b.
func newLearner(b bleve.Index, th *thesaurus.Thesaurus) (*learner, error) {
	stemmer := b.Mapping().AnalyzerNamed(guideAnalyzer)
	if stemmer == nil {
		return nil, errors.New("index mapping lacks the English analyzer")
	}
	return &learner{stemmer: stemmer, th: th, read: map[string][]token{}, taught: map[*content.Section]map[string]bool{}}, nil
}

// readAll reads every example question of the guide, on every processor:
// reading a question is most of what learning from it costs.
func (l *learner) readAll(g *content.Guide) {
	questions := slices.Concat(g.Examples(), g.Unanswered())
	if len(questions) == 0 {
		return
	}
	read := make([][]token, len(questions))
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(questions))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(questions); i += workers {
				read[i] = l.tokens(questions[i])
			}
		})
	}
	wg.Wait()
	for i, q := range questions {
		l.read[q] = read[i]
	}
}

// learned is what a section's or a row's example questions teach: the
// text of its asked field and the stems in it.
type learned struct {
	text  string
	stems map[string]bool
}

// learn returns the words of the questions that at least minSupport of
// them use, each question's in its order.
func (l *learner) learn(questions []string) learned {
	if len(questions) < minSupport {
		return learned{}
	}
	read := make([][]token, len(questions))
	support := map[string]int{}
	for i, q := range questions {
		read[i] = asking(l.tokens(q))
		seen := map[string]bool{}
		for _, t := range read[i] {
			if !seen[t.stem] {
				seen[t.stem] = true
				support[t.stem]++
			}
		}
	}
	var b strings.Builder
	stems := map[string]bool{}
	for _, tokens := range read {
		for _, t := range tokens {
			if support[t.stem] >= minSupport {
				stems[t.stem] = true
				b.WriteString(t.text)
				b.WriteByte(' ')
			}
		}
		b.WriteByte('\n')
	}
	return learned{text: b.String(), stems: stems}
}

// sectionLearned returns what a section's examples, its own and its rows',
// teach: the section's asked field; once learned, kept.
func (l *learner) sectionLearned(g *content.Guide, s *content.Section) learned {
	l.mu.Lock()
	stems, ok := l.taught[s]
	l.mu.Unlock()
	if ok {
		return learned{stems: stems}
	}
	taught := l.learn(g.AskedAll(s))
	if len(taught.stems) > 0 {
		l.mu.Lock()
		l.taught[s] = taught.stems
		l.mu.Unlock()
	}
	return taught
}

// tokens reads one question's words, those of its story too.
func (l *learner) tokens(q string) []token {
	if tokens, ok := l.read[q]; ok {
		return tokens
	}
	// An example is read with its frame ("hey, … thanks"), unlike a
	// question (question.Asked): read without, questions.jsonl's top-3
	// fell (index/testdata/README.md, Frames around a question).
	return l.tokensOf(l.th.Rewrite(question.Normalize(q)))
}

// tokensOf reads the words of a question already rewritten by the
// thesaurus.
func (l *learner) tokensOf(read string) []token {
	var tokens []token
	for _, s := range question.Split(read) {
		for _, t := range l.stemmer.Analyze([]byte(s.Text)) {
			tokens = append(tokens, token{s.Text[t.Start:t.End], string(t.Term), s.Context})
		}
	}
	return tokens
}

// says reports whether the guide's own text, not its examples, holds a
// stem.
func (ix *Index) says(stem string) bool {
	return inGuide(ix.vocab[stem]) > 0
}

// inGuide returns the most documents a term is in, by field, of the
// guide's own fields: all but the asked field, which its examples make.
func inGuide(counts [numFields]uint64) uint64 {
	return slices.Max(counts[:askedField])
}
