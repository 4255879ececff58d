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
// stop words, the search's conversational fillers
// (index/thesaurus/fillers.txt) and verbs of coping with a thing ("deal
// with", "cope with") are dropped. Words count by their stems
// (index.Stem), and word order and repeats do not count, so "what equity
// does a VP get?" and "equity for VPs" share a group, as do "deal with
// burnout" and "burnout". A word nearly every question holds, answered or
// not (CommonWords: "director" in a guide to the role), tells no gap from
// another and is left out too, unless it is all a question holds: "how do
// I deal with burnout as a director" and "burnout" share a group. A group
// shows those words of its most asked question. Questions that are
// nothing but stop words make one group with no words.

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

// coping are verbs of coping with what a question is about.
var coping = strings.Fields("deal deals dealing cope copes coping tackle tackling navigate navigating")

// ignored are the stop words, the search's fillers and the verbs of
// coping.
var ignored = func() map[string]bool {
	m := setOf(append(thesaurus.Fillers(), coping...))
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

// A word in at least a commonShare of the distinct questions, and in
// minCommon of them, is common: it tells no gap from another.
const (
	commonShare = 0.4
	minCommon   = 5
)

// CommonWords returns the stems of the words held by a commonShare of the
// distinct questions or more: the words nearly every question holds, as
// the role a guide describes ("director"), not a gap many ask about
// ("equity"), which only the questions without an answer hold. Count them
// over all the questions of a window, answered or not; each question
// counts once, however often it was asked, so that one asked all day
// makes no word of it common.
func CommonWords(questions []Count) map[string]bool {
	in := map[string]int{}
	for _, q := range questions {
		seen := map[string]bool{}
		for _, w := range TopicWords(q.Text) {
			if stem := index.Stem(w); !seen[stem] {
				seen[stem] = true
				in[stem]++
			}
		}
	}
	common := map[string]bool{}
	for stem, n := range in {
		if n >= minCommon && float64(n) >= commonShare*float64(len(questions)) {
			common[stem] = true
		}
	}
	return common
}

// telling returns a question's topic words without the common ones, or
// all of them when every one is common.
func telling(question string, common map[string]bool) []string {
	words := TopicWords(question)
	out := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return common[index.Stem(w)] })
	if len(out) == 0 {
		return words
	}
	return out
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

// GroupQuestions groups questions by their topic words but the common
// ones (CommonWords), and returns up to limit groups, the most asked first
// (ties by words), and how many more there are.
func GroupQuestions(questions []Count, limit int, common map[string]bool) (groups []Group, left int) {
	type acc struct {
		group Group
		qs    []Count
	}
	byKey := map[string]*acc{}
	for _, q := range questions {
		key := topicKey(telling(q.Text, common))
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
		a.group.Words = telling(a.qs[0].Text, common)
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
