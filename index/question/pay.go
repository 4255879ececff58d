package question

// PayWords are words a guide that speaks of pay uses ("earnings" is no
// such word: stemmed, it is "earn trust"): a company's ladder
// with its salary bands answers what AsksPay asks.
var PayWords = []string{"salary", "salaries", "compensation", "wage", "wages"}

// AsksPay reports whether a question asks what a role earns: "how much
// does a director make?", "how much money do VPs earn?", "what does a VP
// earn?", "VP of product salary", "what do we pay senior PMs?"; not "how
// much impact does a director make?" or "what does a director make
// decisions about?".
func (c Cast) AsksPay(words []string) bool {
	_, ok := c.PaidRole(words)
	return ok || asksOfPay(words)
}

// PaidRole returns the role whose pay a question asks (AsksPay), where it
// names one: the director of "how much does a director make?" and of
// "the salary band for a director".
func (c Cast) PaidRole(words []string) (Mention, bool) {
	if m, ok := c.namesPay(words); ok {
		return m, true
	}
	for i, w := range words {
		if w != "much" && w != "what" {
			continue
		}
		j := i + 1
		if w == "much" && j < len(words) && (words[j] == "money" || words[j] == "more" || words[j] == "less") {
			j++ // "how much more does a D4 make than a D3?"
		}
		if j >= len(words) || !payAuxiliaries[words[j]] {
			continue
		}
		rest := words[j+1:]
		ms := c.Mentions(rest)
		if len(ms) == 0 || ms[0].Start > maxDeterminers || ms[0].End >= len(rest) || !earnings[rest[ms[0].End]] {
			continue
		}
		// What follows the verb is no object: "make decisions" is not pay.
		// After "what", "make on a typical day" or "make a habit of" is
		// not either: only the end of the question, a comparison or a
		// period follows ("what do VPs make per year?").
		tails := payTails
		if w == "what" {
			tails = whatPayTails
		}
		if after := rest[ms[0].End+1:]; len(after) == 0 || tails[after[0]] {
			return ms[0], true
		}
	}
	return Mention{}, false
}

// asksOfPay reports whether a question asks of pay by name: "what's the
// pay like?", "what about pay for a director?"; not "the pay-off of
// becoming a VP", "the pay back period" or "pay down tech debt".
func asksOfPay(words []string) bool {
	for i, w := range words {
		if w == "pay" && i > 0 && payOpeners[words[i-1]] && (i+1 == len(words) || !payParticles[words[i+1]]) {
			return true
		}
	}
	return false
}

// namesPay returns the role whose pay is named beside it: "VP of
// product salary", "director comp", "what's director pay like?", "the
// salary of a senior PM", "the band for a senior PM", "the salary range
// for a senior PM", "pay for a director of product", "what do we pay
// senior PMs", "APM starting salary"; not "how should a director pay
// down tech debt?", "what should senior PMs pay attention to?" or "who
// should pay for a PM's ticket?", where "pay" is a verb.
func (c Cast) namesPay(words []string) (Mention, bool) {
	for _, m := range c.Mentions(words) {
		if m.End < len(words) && words[m.End] == "s" {
			continue // a possessive: "a PM's ticket"
		}
		if m.End < len(words) && payNouns[words[m.End]] && (words[m.End] != "pay" || m.End+1 == len(words) || payAfter[words[m.End+1]]) {
			return m, true
		}
		// A word or two that say which pay between: "APM starting
		// salary", "senior PM base compensation"; not "a senior PM
		// negotiate salary".
		if i := m.End; i < len(words) && payKinds[words[i]] && (i+1 < len(words) && salaryNouns[words[i+1]] ||
			i+2 < len(words) && payKinds[words[i+1]] && salaryNouns[words[i+2]]) {
			return m, true
		}
		i := beforeDeterminers(words, m.Start)
		switch {
		case i >= 1 && words[i] == "pay" && payers[words[i-1]]:
			return m, true // "what do we pay directors"
		case i >= 1 && (words[i] == "of" || words[i] == "for") && payNouns[words[i-1]]:
			// "Pay for a director" is pay where it opens the message or
			// follows "the": "who should pay for…" pays.
			if words[i-1] != "pay" || i == 1 || payOpeners[words[i-2]] {
				return m, true
			}
		case i >= 2 && (words[i] == "of" || words[i] == "for") && payScales[words[i-1]] && payNouns[words[i-2]]:
			return m, true // "the salary range for a senior PM"
		}
	}
	return Mention{}, false
}

// payScaleWords name the span of a pay: "the salary range for a senior
// PM", "director pay bands".
const payScaleWords = "band bands range ranges scale scales"

var (
	// payNouns name a role's pay next to it; payAfter may follow "pay"
	// as a noun ("director pay like", "VP pay bands"), and payers pay
	// someone ("we pay directors").
	payNouns = SetOf("pay salary salaries compensation comp wage wages band bands")
	// salaryNouns name pay and nothing else; payKinds say which pay.
	salaryNouns = SetOf("salary salaries compensation comp wage wages")
	payKinds    = SetOf("starting base total annual yearly max maximum min minimum target expected typical average median mid midpoint")
	payAfter    = SetOf(payScaleWords + " like is at in vs versus compared")
	// payScales stand between a pay noun and the role: "the salary range
	// for a senior PM".
	payScales = SetOf(payScaleWords)
	payers    = SetOf("we you they companies company startups")
	// payOpeners name pay as a thing before it, and payParticles make it
	// another word after it.
	payOpeners   = SetOf("the about")
	payParticles = SetOf("off back down out attention")
	// payAuxiliaries ask how much before the person: "how much does",
	// "how much would"; earnings are the verbs of pay after them, and
	// payTails the words that may follow them: "a year", "in the bay
	// area", "compared to a VP"; whatPayTails those after "what … make".
	payAuxiliaries = SetOf("do does did would will can could should might")
	earnings       = SetOf("make makes made earn earns earned")
	payTails       = SetOf("a per in at on annually yearly usually typically normally compared vs versus than here there")
	whatPayTails   = SetOf("per annually yearly compared vs versus than")
)
