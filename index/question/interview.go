package question

import (
	"slices"
	"strings"
)

// AsksInterview reports whether a question asks about interviewing for a
// role, as its candidate or on its panel: what is asked, how to prepare,
// how the interview runs ("what questions do they ask in a VP
// interview?", "how do I prep for a director interview loop?", "what
// should I ask when interviewing a director candidate?"). A guide to the
// roles tells how much of a director's week hiring takes, not how one
// hires or is hired. Only the sentences that ask are read (asking): "I'm
// prepping for a director interview. What does a director own?" asks
// about the role, and so does "do directors interview candidates?".
func (c Cast) AsksInterview(asking [][]string) bool {
	for _, words := range asking {
		ms := c.Mentions(words)
		if len(ms) == 0 {
			continue
		}
		if slices.ContainsFunc(ms, func(m Mention) bool { return interviewFor(words, m) }) ||
			after(words, questionWords, interviewWords) || preparing(words) {
			return true
		}
	}
	return false
}

// interviewFor reports whether a role's name, one person, qualifies an
// interview: "in a VP interview", "how many rounds is the VP interview?".
// After an auxiliary that takes a verb it is the person who interviews:
// "does a director interview candidates?", "should the VP interview
// every hire?".
func interviewFor(words []string, m Mention) bool {
	j := m.End
	if j < len(words) && words[j] == "level" {
		j++
	}
	if j >= len(words) || words[j] != "interview" || strings.HasSuffix(words[m.End-1], "s") {
		return false
	}
	i := beforeDeterminers(words, m.Start)
	return i < 0 || !interviewers[words[i]]
}

// preparing reports whether the words ask to prepare for an interview:
// "how do I prep for a VP final round?"; not "how much time goes to
// interview prep and interviews?".
func preparing(words []string) bool {
	i := slices.IndexFunc(words, func(w string) bool { return prepWords[w] })
	return i >= 0 && i+1 < len(words) && words[i+1] == "for" &&
		slices.ContainsFunc(words[i+2:], func(w string) bool { return interviewWords[w] || rounds[w] })
}

// after reports whether a word of first comes before a word of then.
func after(words []string, first, then Set) bool {
	i := slices.IndexFunc(words, func(w string) bool { return first[w] })
	return i >= 0 && slices.ContainsFunc(words[i+1:], func(w string) bool { return then[w] })
}

var (
	questionWords  = SetOf("questions")
	interviewWords = SetOf("interview interviews interviewing interviewer interviewers")
	prepWords      = SetOf("prep prepare prepping preparing")
	// interviewers are the auxiliaries before one who interviews.
	interviewers = SetOf("does do did should would will can could must may might")
	rounds       = SetOf("round rounds onsite panel")
)
