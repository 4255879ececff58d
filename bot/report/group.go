package report

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/thesaurus"
)

// Unanswered questions, and unsure answers, are grouped by their topic
// words: the words left once the text is lower-cased and split at
// anything but letters and digits, possessive "'s" is cut, and English
// stop words and the search's conversational fillers
// (index/thesaurus/fillers.txt) are dropped. Words count by their stems
// (index.Stem), and word order and repeats do not count, so "what equity
// does a VP get?" and "equity for VPs" share a group, as do "deal with
// burnout" and "dealing with burnout", while "VP equity" and "director
// equity" do not. A group shows the words of its most asked question.
// Questions that are nothing but stop words make one group with no words.

// stopWords are English words that say nothing of a question's topic.
var stopWords = setOf(strings.Fields(`
	a about above after again against all am an and any are as at be because
	been before being below between both but by did do does doing down during
	each few for from further had has have having he her here hers herself him
	himself his how i if in into is it its itself just me more most my myself no
	nor not now of off on once only or other our ours ourselves out over own same
	she should so some such than that the their theirs them themselves then there
	these they this those through to too under until up very was we were what
	when where which while who whom why will with you your yours yourself
	yourselves i'm i've i'd i'll you're it's what's how's there's don't doesn't
	isn't aren't can't won't should've
`))

// ignored are the stop words and the search's fillers.
var ignored = func() map[string]bool {
	m := setOf(thesaurus.Fillers())
	for w := range stopWords {
		m[w] = true
	}
	return m
}()

func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

// TopicWords returns the topic words of a question, as asked, sorted and
// without repeats.
func TopicWords(question string) []string {
	fields := strings.FieldsFunc(strings.ToLower(question), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	var words []string
	for _, f := range fields {
		f = strings.Trim(strings.TrimSuffix(f, "'s"), "'")
		if f != "" && !ignored[f] {
			words = append(words, f)
		}
	}
	slices.Sort(words)
	return slices.Compact(words)
}

// topicKey is what questions of one group share: their topic words'
// stems, sorted and without repeats.
func topicKey(words []string) string {
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = index.Stem(w)
	}
	slices.Sort(stems)
	return strings.Join(slices.Compact(stems), " ")
}

// Count is a question and how often it was asked; Section is the ID of
// the section that answered it, for an unsure answer.
type Count struct {
	Text    string
	Asked   int
	Section string
	// Reason is a refused question's reason (Group.Reasons), or "".
	Reason string
}

// GroupQuestions groups questions by their topic words and returns up to
// limit groups, the most asked first (ties by words), and how many more
// there are.
func GroupQuestions(questions []Count, limit int) (groups []Group, left int) {
	type acc struct {
		group Group
		qs    []Count
	}
	byKey := map[string]*acc{}
	for _, q := range questions {
		key := topicKey(TopicWords(q.Text))
		a := byKey[key]
		if a == nil {
			a = &acc{}
			byKey[key] = a
		}
		a.group.Asked += q.Asked
		a.qs = append(a.qs, q)
	}
	groups = make([]Group, 0, len(byKey))
	for _, a := range byKey {
		slices.SortFunc(a.qs, func(x, y Count) int {
			return cmp.Or(cmp.Compare(y.Asked, x.Asked), cmp.Compare(x.Text, y.Text))
		})
		a.group.Words = TopicWords(a.qs[0].Text)
		examples := a.qs[:min(MaxExamples, len(a.qs))]
		for _, q := range examples {
			a.group.Examples = append(a.group.Examples, q.Text)
		}
		if slices.ContainsFunc(examples, func(q Count) bool { return q.Section != "" }) {
			for _, q := range examples {
				a.group.Sections = append(a.group.Sections, q.Section)
			}
		}
		if slices.ContainsFunc(examples, func(q Count) bool { return q.Reason != "" }) {
			for _, q := range examples {
				a.group.Reasons = append(a.group.Reasons, q.Reason)
			}
		}
		if a.group.Words == nil {
			a.group.Words = []string{}
		}
		groups = append(groups, a.group)
	}
	slices.SortFunc(groups, func(x, y Group) int {
		return cmp.Or(cmp.Compare(y.Asked, x.Asked), slices.Compare(x.Words, y.Words))
	})
	return groups[:min(limit, len(groups))], max(0, len(groups)-limit)
}
