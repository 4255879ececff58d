package question

import (
	"slices"
	"unicode"
)

// Term returns, as the text writes it, the term a question asks the
// meaning of: "P&L" in "what's a P&L?", "IC" in "what does IC mean
// here", "build vs buy" in "define build vs buy"; "" when it asks
// something else. "What is a …" asks what a thing is, "what is the …"
// asks for a fact ("what is the timeline?") unless the question says
// "mean" or "define"; "what is …" alone asks the meaning of an initialism
// ("what is ROI?", "what are KPIs?"). Of two or three other words ("what
// is succession planning?") it may ask for a fact of the guide's as well
// ("what is strategic work?"): loose tells such a term, which asks a
// meaning only where the guide uses it and no heading names it. A
// greeting or a few words of the asker may come first, as before a
// question what a role is (Cast.AsksRole).
func Term(text string) (term string, loose bool) {
	words, spans := Words(text), WordSpans(text)
	if len(words) != len(spans) {
		// Lower case changed what is a word: no term is read.
		return "", false
	}
	for i := range min(len(words), maxRoleLeadIn+1) {
		if i > 0 && !leadIns[words[0]] {
			break
		}
		if from, to, loose, ok := termAsked(text, spans[i:], words[i:]); ok {
			return text[spans[i+from][0]:spans[i+to-1][1]], loose
		}
	}
	return "", false
}

// termAsked returns where the term a question asks the meaning of lies
// among its words, [from, to), and whether it is loose (Term), when it
// asks one.
func termAsked(text string, spans [][2]int, words []string) (from, to int, loose, ok bool) {
	to = untailed(words)
	words = words[:to]
	if n := meaningAsks.StartAt(words, 0); n > 0 {
		from, to, ok = termWords(words, n, to, maxTermWords)
		return from, to, false, ok
	}
	initialisms := func(from, to int) bool {
		return !slices.ContainsFunc(spans[from:to], func(s [2]int) bool { return !initialism(text[s[0]:s[1]]) })
	}
	if n := meaningEnds.endLen(words); n > 0 {
		if start := meaningOpens.StartAt(words, 0); start > 0 {
			from, to, ok = termWords(words, start, to-n, maxTermWords)
			return from, to, false, ok
		}
		// Alone before "meaning" or "stands for", only an initialism is
		// asked about: "KPI meaning", not "so much meaning".
		from, to, ok = termWords(words, 0, to-n, maxThingWords)
		return from, to, false, ok && initialisms(from, to)
	}
	n := whatAreOpens.StartAt(words, 0)
	if n == 0 {
		return 0, 0, false, false
	}
	article := len(words) > n && (words[n] == "a" || words[n] == "an")
	from, to, ok = termWords(words, n, to, maxThingWords)
	thing := ok && !judgments[words[from]] && !slices.ContainsFunc(words[from:to], func(w string) bool { return linking[w] })
	switch {
	case article:
		return from, to, false, thing
	case ok && initialisms(from, to) && words[n] != "the":
		return from, to, false, true
	}
	return from, to, true, thing && to-from >= 2 && words[n] != "the"
}

// untailed returns how many of a question's words come before its
// termTails ("what is X here", "what is X exactly").
func untailed(words []string) int {
	to := len(words)
	for changed := true; changed; {
		changed = false
		for _, tail := range termTails {
			if to > len(tail) && slices.Equal(words[to-len(tail):to], tail) {
				to, changed = to-len(tail), true
			}
		}
	}
	return to
}

// Named returns, as the text writes it, what a question asks to be told
// of by its name after "the": "Eng Council" in "what is the Eng
// Council?". Such a question asks for a fact as often ("what is the
// timeline?"), so the name is no term the guide must define (Term), but a
// section that defines it answers it first.
func Named(text string) string {
	words, spans := Words(text), WordSpans(text)
	if len(words) != len(spans) {
		return ""
	}
	n := whatAreOpens.StartAt(words, 0)
	if n == 0 || n >= len(words) || words[n] != "the" {
		return ""
	}
	from, to, ok := termWords(words, n, untailed(words), maxThingWords)
	if !ok || judgments[words[from]] || slices.ContainsFunc(words[from:to], func(w string) bool { return linking[w] }) {
		return ""
	}
	return text[spans[from][0]:spans[to-1][1]]
}

// termWords returns the term between from and to, past an article or
// the "to" of a verb ("what does it mean to own a domain"), when it has
// at most max words and none that asks or speaks of the asker or the bot
// ("what does my manager mean").
func termWords(words []string, from, to, max int) (int, int, bool) {
	if from < to && (articles[words[from]] || words[from] == "to") {
		from++
	}
	ok := from < to && to-from <= max && !slices.ContainsFunc(words[from:to], func(w string) bool { return notInTerms[w] })
	return from, to, ok
}

// initialism reports whether a word is written as one: two capitals or
// more ("KPIs", "ROI"), or one alone (each side of "P&L").
func initialism(word string) bool {
	capitals, letters := 0, 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsUpper(r) {
			capitals++
		}
	}
	return capitals >= 2 || capitals == 1 && letters == 1
}

// Lengths of a term: one asked the meaning of by name ("define …",
// "what does … mean"), and a thing asked what it is ("what is a …").
const (
	maxTermWords  = 4
	maxThingWords = 3
)

var (
	// meaningAsks open a question for a term's meaning.
	meaningAsks = NewPhrasings("define", "definition of", "meaning of", "what do you mean by", "what is meant by",
		"what does it mean", "what means",
		"what s meant by", "what is the meaning of", "what s the meaning of", "whats the meaning of",
		"what is the definition of", "what s the definition of", "whats the definition of")
	// meaningEnds end one: "what does … mean", "… stand for", "… meaning".
	meaningEnds = NewPhrasings("mean", "stand for", "stands for", "meaning", "definition")
	// meaningOpens open a question that one of meaningEnds ends.
	meaningOpens = NewPhrasings("what does", "what do", "what did", "what is", "what s", "whats", "what are")
	// whatAreOpens open a question what a thing is.
	whatAreOpens = NewPhrasings("what is", "what s", "whats", "what are")
	// termTails may end a question for a term's meaning after it.
	termTails = NewPhrasings("here", "in this guide", "in the guide", "exactly", "again", "in plain english",
		"in plain terms", "in simple terms", "in this context", "in practice", "actually")
	// notInTerms are words no term asked about holds: they ask, or speak
	// of the asker, the bot or the guide.
	notInTerms = SetOf("what how why who when which where whats i me my we our us you your it they this that guide")
	// judgments open what is asked of a thing's worth, not its meaning:
	// "what is a good org size".
	judgments = SetOf("good great bad best better worse worst typical normal usual common strong weak ideal right realistic reasonable")
	// linking are words that tie a thing to more of the question: "what
	// is a day like", "what is a director for".
	linking = SetOf("like for of to in at on with by do does is are be look looks")
)
