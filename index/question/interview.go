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
// The words are read as the thesaurus rewrote them: "prepare for" is
// read as the guide's "key actions", and the guide's own "interview
// debriefs" (the thesaurus's reading of "hiring committee" too) are a
// director's work, not an interview for a role.
func (c Cast) AsksInterview(asking [][]string) bool {
	for _, words := range asking {
		ms := c.Mentions(words)
		if len(ms) == 0 {
			continue
		}
		if slices.ContainsFunc(ms, func(m Mention) bool { return interviewFor(words, m) }) ||
			askedInInterview(words) || preparing(words) {
			return true
		}
	}
	return false
}

// interviewFor reports whether a role's name, one person, qualifies an
// interview: "in a VP interview", "how many rounds is the VP interview?",
// "in director interviews". After an auxiliary that takes a verb the
// person named interviews ("does a director interview candidates?"), and
// so does a role named in the plural ("how often directors interview");
// "interviews" is a noun only after a preposition ("when a director
// interviews" is the verb). A question asked after it is the sentence's
// (askedAfter).
func interviewFor(words []string, m Mention) bool {
	j := m.End
	if j < len(words) && words[j] == "level" {
		j++
	}
	if j >= len(words) || !interviewNouns[words[j]] || !interviewAt(words, j) || strings.HasSuffix(words[m.End-1], "s") || askedAfter(words, j) {
		return false
	}
	i := beforeDeterminers(words, m.Start)
	if words[j] == "interviews" {
		return i >= 0 && prepositions[words[i]]
	}
	return i < 0 || !interviewers[words[i]]
}

// askedAfter reports whether a question word follows the place at from,
// opening what the sentence asks: "I have a director interview next
// week, what does a director actually do?" asks about the role.
func askedAfter(words []string, from int) bool {
	return questionWords.Any(words[from:])
}

// askedInInterview reports whether the words ask what is asked in an
// interview: "what questions do they ask in a VP interview?", "what
// should I ask when interviewing a director?", "what do they ask in a
// director final round?"; not "what questions does a director ask in
// 1:1s, and how many interviews are normal?", "what do directors ask
// their managers about interviews?" nor "I have questions about how long
// directors spend interviewing".
func askedInInterview(words []string) bool {
	q := slices.IndexFunc(words, func(w string) bool { return w == "questions" || w == "what" })
	if q < 0 {
		return false
	}
	asked, set := false, false
	for i := q + 1; i < len(words) && !clauseBreaks[words[i]]; i++ {
		switch {
		case askVerbs[words[i]]:
			asked = true
		case asked && settings[words[i]]:
			set = true
		case set && (interviewAt(words, i) || finalRound(words, i)):
			return true
		}
	}
	return false
}

// preparing reports whether the words ask to prepare for an interview:
// "how do I prep for a VP final round?"; not "how much time goes to
// interview prep?" nor "how do I prep for the next round of layoffs?".
func preparing(words []string) bool {
	i := slices.IndexFunc(words, func(w string) bool { return prepWords[w] })
	if i < 0 || i+1 >= len(words) || words[i+1] != "for" {
		return false
	}
	for j := i + 2; j < len(words) && !clauseBreaks[words[j]]; j++ {
		if interviewAt(words, j) || finalRound(words, j) {
			return !askedAfter(words, j)
		}
	}
	return false
}

// finalRound reports whether the words at i say "final round(s)".
func finalRound(words []string, i int) bool {
	return words[i] == "final" && i+1 < len(words) && rounds[words[i+1]]
}

// interviewAt reports whether the word at i names an interview, and not
// the guide's "interview debriefs".
func interviewAt(words []string, i int) bool {
	return interviewWords[words[i]] && (i+1 == len(words) || !debriefs[words[i+1]])
}

var (
	interviewWords = SetOf("interview interviews interviewing interviewer interviewers")
	interviewNouns = SetOf("interview interviews")
	// questionWords open what a sentence asks.
	questionWords = SetOf("what how who which when why")
	debriefs      = SetOf("debrief debriefs")
	// askVerbs ask questions of someone: "what questions do they ask",
	// "will I get", "should I expect".
	askVerbs = SetOf("ask asked asking expect get")
	// prepWords prepare for something; the thesaurus reads "prepare for"
	// as "key actions".
	prepWords = SetOf("prep prepping preparing")
	// interviewers are the auxiliaries before one who interviews.
	interviewers = SetOf("does do did should would will can could must may might")
	prepositions = SetOf("in for at during of")
	rounds       = SetOf("round rounds")
	// settings place what is asked in the interview: "ask in a VP
	// interview", "ask when interviewing".
	settings = SetOf("in when during at")
	// clauseBreaks end the clause a question word asks in: "what
	// questions does a director ask in 1:1s, and how many interviews…".
	clauseBreaks = SetOf("and or but")
)
