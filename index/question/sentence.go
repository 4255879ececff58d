// Package question reads what a Slack question asks from its words
// alone, before any search: its plain text (Normalize), the question
// without the greetings and thanks around it (Asked), its sentences and
// which of them ask (Split), the setting it opens with
// (Reader.SettingEnd), its asides (WithoutAsides), the kind of fact
// it asks for (IntentOf), the people it names (Cast), whether it asks for
// pay (Cast.AsksPay) or about interviewing for a role
// (Cast.AsksInterview), and whether it asks about someone a guide does
// not describe or for a fact of the asker's own company (Reader). It
// knows English, not the guide: a Reader is told which roles the guide
// describes.
package question

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Sentence is one sentence of a message, and whether it is context: the
// message asks something elsewhere, and this sentence asks nothing.
type Sentence struct {
	Text    string
	Context bool
}

// AskingText returns the sentences of a message that ask (Split), as
// written, without the story around them.
func AskingText(message string) string {
	var b strings.Builder
	for _, s := range Split(message) {
		if !s.Context {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// Split splits a message at the end of each sentence
// (messageSentenceEnd). When some sentences ask (end with a question
// mark) and others do not, the others are context; otherwise none is.
func Split(message string) []Sentence {
	var out []Sentence
	asks := 0
	for q := message; q != ""; {
		end := len(q)
		asked := false
		for _, loc := range messageSentenceEnd.FindAllStringIndex(q, -1) {
			if !abbreviation(q[:loc[0]]) && !trailsOff(q, loc) {
				end, asked = loc[1], strings.Contains(q[loc[0]:loc[1]], "?")
				break
			}
		}
		out = append(out, Sentence{Text: q[:end], Context: !asked})
		if asked {
			asks++
		}
		q = q[end:]
	}
	// "Directors own the budget. Is that right?" asks about the sentence
	// the check follows, and the check itself asks nothing of the guide.
	for i := 1; i < len(out); i++ {
		if !out[i].Context && out[i-1].Context && checks(out[i].Text) {
			out[i-1].Context, out[i].Context = false, true
		}
	}
	if asks == 0 || asks == len(out) {
		for i := range out {
			out[i].Context = false
		}
	}
	return out
}

// checks reports whether a question only asks whether what was said
// before it is right: "Is that right per the guide?", "true?".
func checks(sentence string) bool {
	return verdicts.holdsOnly(Words(sentence), checkFillers)
}

// verdicts judge what was said; checkFillers may stand beside them in a
// check.
var (
	verdicts     = SetOf("right true correct accurate wrong valid agree confirm")
	checkFillers = SetOf("is isn t that this it so really the case per guide according to does do am i are we my understanding or not still " +
		"also actually generally usually typically")
)

// messageSentenceEnd ends a sentence in a message: full stops, question or
// exclamation marks or a semicolon before a space or the message's end.
// "2.5 years" and "tl;dr" go on.
var messageSentenceEnd = regexp.MustCompile(`[.!?;]+(\s+|$)`)

// Items returns what a sentence lists, one text per item: "differences
// in team size, reporting line and planning horizon?" lists "team size",
// "reporting line" and "planning horizon". The first item is the last
// words before the list's first joint and the last item the first words
// after its last, since the sentence's own words lead into a list and out
// of it. A sentence that lists nothing is its one item.
func Items(sentence string) []string {
	var items [][]string
	for _, part := range listJoint.Split(sentence, -1) {
		if words := Words(part); len(words) > 0 {
			items = append(items, words)
		}
	}
	if len(items) < 2 {
		return []string{sentence}
	}
	first, last := items[0], items[len(items)-1]
	items[0] = first[max(0, len(first)-itemWords):]
	items[len(items)-1] = last[:min(len(last), itemWords)]
	out := make([]string, len(items))
	for i, words := range items {
		out[i] = strings.Join(words, " ")
	}
	return out
}

// itemWords is how many words of the sentence around a list the first and
// the last of its items are: "planning horizon", "reports to".
const itemWords = 2

// listJoint joins the items of a list.
var listJoint = regexp.MustCompile(`(?i)[,;/+&]|\b(?:and|or|versus|vs)\b\.?`)

// trailsOff reports whether the end found at loc is an ellipsis before
// more of the message: "aws bill up 40%... should a dir own the budget"
// goes on, its lead-in a setting (Reader.SettingEnd).
func trailsOff(q string, loc []int) bool {
	return loc[1] < len(q) && strings.HasPrefix(q[loc[0]:], "..") && strings.Trim(strings.TrimSpace(q[loc[0]:loc[1]]), ".") == ""
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = []string{"vs", "e.g", "i.e", "etc", "sr", "jr", "approx", "incl", "esp"}

// abbreviation reports whether a text ends in an abbreviation, the word
// before a full stop.
func abbreviation(text string) bool {
	i := strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	return slices.Contains(abbreviations, strings.ToLower(text[i+1:]))
}

// Words splits a text into lower-case words, keeping "%": "What's a
// VP's week?" is what, s, a, vp, s, week.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !inWord(r) })
}

// WordSpans returns where each word of a text (Words) starts and ends, as
// byte offsets.
func WordSpans(text string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range text {
		switch {
		case inWord(r) && start < 0:
			start = i
		case !inWord(r) && start >= 0:
			spans = append(spans, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

// inWord reports whether a character belongs to a word: a letter, a
// digit or "%".
func inWord(r rune) bool { return r == '%' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// Phrasings are sequences of words (Words) a question may hold.
type Phrasings [][]string

// NewPhrasings splits each phrase at its spaces.
func NewPhrasings(ps ...string) Phrasings {
	out := make(Phrasings, len(ps))
	for i, p := range ps {
		out[i] = strings.Fields(p)
	}
	return out
}

// In reports whether the words hold any of the phrasings.
func (ps Phrasings) In(words []string) bool {
	for w := range words {
		if ps.StartAt(words, w) > 0 {
			return true
		}
	}
	return false
}

// StartAt returns the length of the first of the phrasings that the words
// hold at i, or 0.
func (ps Phrasings) StartAt(words []string, i int) int {
	for _, p := range ps {
		if len(words)-i >= len(p) && slices.Equal(words[i:i+len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// Ends reports whether the words end with one of the phrasings.
func (ps Phrasings) Ends(words []string) bool { return ps.endLen(words) > 0 }

// endLen returns the length of the first of the phrasings the words end
// with, or 0.
func (ps Phrasings) endLen(words []string) int {
	for _, p := range ps {
		if len(words) >= len(p) && slices.Equal(words[len(words)-len(p):], p) {
			return len(p)
		}
	}
	return 0
}

// Set is a set of words.
type Set map[string]bool

// SetOf returns the set of a text's space-separated words.
func SetOf(text string) Set { return NewSet(strings.Fields(text)) }

// holdsOnly reports whether the words hold one of the set's and no other
// but fillers: "any example?" holds "example" and fillers.
func (s Set) holdsOnly(words []string, fillers Set) bool {
	return slices.ContainsFunc(words, func(w string) bool { return s[w] }) &&
		!slices.ContainsFunc(words, func(w string) bool { return !s[w] && !fillers[w] })
}

// NewSet returns the set of the words.
func NewSet(words []string) Set {
	out := make(Set, len(words))
	for _, w := range words {
		out[w] = true
	}
	return out
}

// Any reports whether any of the words is in the set.
func (s Set) Any(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return s[w] })
}
