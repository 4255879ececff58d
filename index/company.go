package index

import (
	"slices"
	"strings"
)

// aboutCompany reports whether a question asks for a fact of the asker's
// own company, which a guide to the roles cannot hold: when its next
// event is ("when's the next promo cycle?"), who sits on its bodies
// ("who's on the hiring committee?"), who or when at a moment
// ("who's presenting at the board meeting next week?", "how many
// engineers are on our team right now?"), or who holds a
// post there ("who's the VP here?"). "When is the next step to VP
// realistic?" and "who is supposed to set standards here?" ask the guide.
func (ix *Index) aboutCompany(asking [][]string) bool {
	return slices.ContainsFunc(asking, func(words []string) bool {
		at := slices.IndexFunc(words[:min(len(words), maxLeadWords)], func(w string) bool { return factWords[w] })
		switch {
		case at < 0:
			return false
		case words[at] == "many":
			// "How many engineers are on our platform team right now?"
			return at > 0 && words[at-1] == "how" && asks(words[at:], moments)
		case words[at] == "who" && asks(words[at:], moments):
			// "Who approved the reorg last week?"
			return true
		case at+1 == len(words) || !copulas[words[at+1]]:
			return false
		}
		rest := words[at+2:]
		if words[at] == "when" {
			return nextEvent(rest) || asks(rest, moments)
		}
		return ix.holder(rest) || member(rest)
	})
}

// maxLeadWords is how far into a sentence its question word may stand:
// "hey, quick one: when's …".
const maxLeadWords = 4

// nextEvent reports whether words name the company's next event: "the
// next all-hands", "our next calibration cycle".
func nextEvent(words []string) bool {
	i := slices.Index(words, "next")
	if i < 0 {
		return false
	}
	return slices.ContainsFunc(words[i+1:min(len(words), i+1+maxEventWords)], func(w string) bool { return events[w] })
}

// member reports whether the words after "who is" ask who is on one of
// the company's bodies: "on the hiring committee", "in the panel".
func member(words []string) bool {
	return len(words) > 0 && (words[0] == "on" || words[0] == "in") &&
		slices.ContainsFunc(words[1:min(len(words), 1+maxEventWords)], func(w string) bool { return events[w] })
}

// maxEventWords is how many words after "next" may name the event: "the
// next promo committee meeting".
const maxEventWords = 3

// holder reports whether the words after "who is" name a post and then
// only where or when: "the VP here", "our VP of engineering right now".
func (ix *Index) holder(words []string) bool {
	i := 0
	for i < len(words) && i < maxDeterminers && (determiners[words[i]] || words[i] == "current") {
		i++
	}
	ms := ix.cast.mentions(words[i:])
	if len(ms) == 0 || ms[0].start != 0 {
		return false
	}
	rest := words[i+ms[0].end:]
	return !slices.ContainsFunc(rest, func(w string) bool { return !whereabouts[w] })
}

var (
	// factWords ask for a fact: "who", "when", "how many".
	factWords = wordSet(strings.Fields("who when many"))
	// copulas follow the question word of a question of fact: "who's",
	// "when does".
	copulas = wordSet(strings.Fields("is s are was does do did"))
	events  = wordSet(strings.Fields("meeting meetings cycle cycles hands committee committees panel debrief debriefs calibration review reviews offsite deadline round session sync"))
	moments = phrasings("today", "tomorrow", "tonight", "yesterday", "this week", "next week", "last week",
		"this cycle", "this quarter", "this year", "next month", "last month", "right now")
	// whereabouts say where or when a post is held.
	whereabouts = wordSet(strings.Fields("here now right currently at in on our my the company org organization team these days"))
)
