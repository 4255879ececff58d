package index

import (
	"strings"
	"unicode"

	"github.com/directorbot/directorbot/index/question"
)

// FollowUp returns the question a message asks after previous, the last
// question answered in the same conversation, and whether it follows it:
// a short message that names another role the guide describes, and asks
// nothing previous did not ("and for a VP?", "vp focus?" after "what does
// a director mostly focus on?", followUpWords), asks previous of that
// role: with the role in place of those previous names ("how many
// engineers does a director manage?" becomes "how many engineers does a
// vp manage?"), or after it when it names none. Read together instead,
// both roles named, 4 of 35 such follow-ups written for the purpose got
// the first role's section; swapped, 1. Any other message asks itself.
func (ix *Index) FollowUp(previous, message string) (q string, followed bool) {
	previous = strings.TrimSpace(previous)
	read := ix.rewrite(message)
	words := ix.spelled(question.Words(read))
	if previous == "" || len(words) > maxFollowUpWords {
		return message, false
	}
	asked := ix.describedMentions(words)
	spans := wordSpans(previous)
	prev := make([]string, len(spans))
	for i, s := range spans {
		prev[i] = strings.ToLower(previous[s[0]:s[1]])
	}
	ms := ix.describedMentions(ix.spelled(prev))
	if len(asked) == 0 || len(ms) > 0 && ms[0].Role == asked[0].Role || !ix.asksNothingMore(read, previous) {
		return message, false
	}
	role := strings.Join(words[asked[0].Start:asked[0].End], " ")
	if len(ms) == 0 {
		// The two read as two sentences that ask.
		if !strings.ContainsAny(previous[len(previous)-1:], "?.!") {
			previous += "?"
		}
		return previous + " " + message, true
	}
	var b strings.Builder
	at := 0
	for _, m := range ms {
		b.WriteString(previous[at:spans[m.Start][0]])
		b.WriteString(role)
		at = spans[m.End-1][1]
	}
	b.WriteString(previous[at:])
	return b.String(), true
}

// maxFollowUpWords bounds a follow-up: a longer message is a question of
// its own.
const maxFollowUpWords = 10

// describedMentions returns the names in words of roles the guide
// describes.
func (ix *Index) describedMentions(words []string) []question.Mention {
	var out []question.Mention
	for _, m := range ix.reader.Cast.Mentions(words) {
		if ix.reader.Described[m.Role] {
			out = append(out, m)
		}
	}
	return out
}

// asksNothingMore reports whether every topic word of a rewritten message,
// but the roles it names, is one of previous's or a follow-up's own
// (followUpWords).
func (ix *Index) asksNothingMore(read, previous string) bool {
	before := map[string]bool{}
	for _, w := range ix.words(ix.rewrite(previous)) {
		before[w.stem] = true
	}
	for _, w := range ix.words(read) {
		if !before[w.stem] && !followUpWords[w.text] && len(ix.reader.Cast.Mentions([]string{w.text})) == 0 {
			return false
		}
	}
	return true
}

// followUpWords ask nothing of their own in a follow-up: "same question
// for a VP", "how does that compare for a director?", "and the VP one?".
var followUpWords = question.SetOf("vs versus same question q equivalent compare compared comparison different difference differ " +
	"side one ones thing level role too also then instead though less more")

// wordSpans returns where each word of a text starts and ends, words as
// question.Words splits them.
func wordSpans(text string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range text {
		inWord := r == '%' || unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			spans = append(spans, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}
