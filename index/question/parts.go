package question

import (
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Part is a question a message asks, in its own words.
type Part struct {
	Text string
	// Joined tells a question that a joiner opened ("…, also what's the
	// comp like?", "…? and how much do they get paid?", "btw where…"): it
	// asks of its own, apart from those before it. One that follows as a
	// sentence of its own ("…promo doc for VP? is there a template?") may
	// ask more of the same.
	Joined bool
}

// Parts returns the questions a message asks one after the other, each as
// its own words, when it asks two or more that each stand alone: "how
// long does it take to become a VP? and what are the common pitfalls?",
// "1) which skills does a director need 2) who does a VP report to". A
// part that only narrows the one before ("what skills does a director
// need? like on the ops side", "who does a VP report to? ceo? cto?") does
// not stand alone, and a message of one question has no parts: both give
// nil.
func Parts(message string) []Part {
	var parts []Part
	for _, s := range Split(message) {
		for _, c := range clauses(s.Text) {
			if itemNumber.MatchString(c.text) {
				// "2." alone, between the items of a numbered list,
				// numbers the question after it.
				continue
			}
			alone, refers := c.question(s.Context)
			alone = alone && !sighs(c.text, len(parts) == 0)
			switch {
			case alone && (!refers || len(parts) == 0):
				// A question whose subject points back ("is that
				// normal?") asks of the setting, before any other.
				parts = append(parts, Part{Text: c.text, Joined: c.joiner != ""})
			case len(parts) > 0:
				// A clause that narrows the question before belongs to
				// it: "…? do they own them?", "…? ballpark is fine".
				parts[len(parts)-1].Text += c.withJoiner()
			}
			// Before any question, a clause is the message's setting.
		}
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// question reports whether a clause of a sentence is a question of its
// own (standsAlone), and whether its subject points back. In a sentence
// that does not ask (context: "When I talk with our CFO I feel lost."), a
// clause is one only after a joiner of questions ("…? also what…"), or
// when the sentence opens with "and" and a question word, or a verb
// before its subject: "…? and should I be writing RFCs", not "I know what
// a director does and what a VP does." nor "I'm introverted and would
// rather do the work".
func (c clause) question(context bool) (alone, refers bool) {
	alone, refers = standsAlone(c.text, !context || c.asks())
	if !context || c.asks() || !alone {
		return alone, refers
	}
	words := Words(c.text)
	alone = c.opens && (partQuestionWords[words[0]] && words[0] != "when" ||
		partAuxiliaries[words[0]] && len(words) > 1 && !statementAfterVerb[words[1]])
	return alone, refers
}

// sighs reports whether a clause that opens with "am" is no question of
// its own: "am I…" opening a message is often a sigh before the question
// ("am I just the cruise director now? what should…"), and "am" before
// anything but "I" opens a statement ("…and am worried about politics").
// After a question, "am I…" asks of the asker: "…? am I ready for
// director?".
func sighs(text string, first bool) bool {
	words := Words(text)
	return len(words) > 0 && words[0] == "am" && (first || len(words) < 2 || words[1] != "i")
}

// withJoiner returns the clause's words with the joiner that opened it, to
// join them to the question before: "…ready and how do I know".
func (c clause) withJoiner() string {
	if c.joiner == "" || !strings.ContainsAny(c.joiner[:1], " ,;:") {
		return " " + c.joiner + c.text
	}
	return c.joiner + c.text
}

// clause is a part of a sentence, the joiner that opened it, if any, and
// whether that joiner opens the sentence.
type clause struct {
	text, joiner string
	opens        bool
}

// asks reports whether the clause's joiner joins questions alone: "also",
// "btw", "+", "2)", not "and", which joins the parts of a statement too.
func (c clause) asks() bool {
	j := strings.ToLower(strings.Trim(c.joiner, " ,;:"))
	return j != "" && j != "and"
}

// clauses splits a sentence where a joiner opens another question: "and",
// "also", "plus", "btw", "second q:", "+", "&", " / ", a numbered item
// ("2)", "q2:", "(2)"), "unrelated but". A dash does not: it more often
// opens what narrows the question ("the span of a director — how many
// squads?"). Each clause a joiner opens begins after it, with the
// word that opens its question; so does one the sentence opens with a
// joiner ("…? and what should I work on first?").
func clauses(sentence string) []clause {
	var out []clause
	rest := clause{text: sentence}.withoutJoiner()
	for {
		loc := joinerAt(rest.text)
		if loc == nil {
			return append(out, rest.withoutJoiner())
		}
		// A joiner before the one matched ("… / and what …") ends the
		// clause before it.
		if head := strings.TrimRight(rest.text[:loc[0]], " \t\n/+&,;:"); head != "" {
			out = append(out, clause{text: head, joiner: rest.joiner, opens: rest.opens}.withoutJoiner())
		}
		rest = clause{text: rest.text[loc[2]:], joiner: rest.text[loc[0]:loc[2]]}
	}
}

// withoutJoiner moves a joiner the clause opens with into its joiner.
func (c clause) withoutJoiner() clause {
	trimmed := strings.TrimSpace(c.text)
	text := leadingJoiner.ReplaceAllString(trimmed, "")
	if text != trimmed {
		c.joiner, c.opens = trimmed[:len(trimmed)-len(text)], c.joiner == ""
	}
	// A number that ends a sentence numbers the next: "what does a
	// director do 2. what does a VP do".
	c.text = trailingNumber.ReplaceAllString(text, "")
	return c
}

// itemNumber is a clause that is only an item's number.
var itemNumber = regexp.MustCompile(`^\s*(?:q?\d+[.):]|\(\d+\))\s*$`)

// trailingNumber is an item's number left at the end of the clause before.
var trailingNumber = regexp.MustCompile(`\s+(?:q?\d[.):]|\(\d\))$`)

// joinerAt returns where partJoiner first joins two questions in text:
// "also" or "plus" before a verb, with no comma, asks one ("do directors
// also do 1:1s?", "does a VP also hire?"), and so does a quotation's
// ("what does \"what should we build and why\" mean?").
func joinerAt(text string) []int {
	quoted := quotations.FindAllStringIndex(text, -1)
	for _, loc := range partJoiner.FindAllStringSubmatchIndex(text, -1) {
		joiner := strings.ToLower(strings.TrimSpace(text[loc[0]:loc[2]]))
		if (joiner == "also" || joiner == "plus") && partAuxiliaries[strings.ToLower(text[loc[2]:loc[3]])] {
			continue
		}
		if slices.ContainsFunc(quoted, func(q []int) bool { return q[0] < loc[0] && loc[0] < q[1] }) {
			continue
		}
		return loc
	}
	return nil
}

// quotations matches words quoted in a sentence, in straight or curly
// double quotes.
var quotations = regexp.MustCompile(`"[^"]*"|“[^”]*”`)

// partJoiner matches what joins two questions in one sentence, and the
// word that opens the second (its group): ", and how …", " also what …",
// " + which …", " / who …", "2) …", "(2) how …".
var partJoiner = regexp.MustCompile(`(?i)(?:[,;:]?\s+(?:and\s+also|and|also|plus|btw|by\s+the\s+way|oh\s+and|unrelated,?\s+but|separately,?|(?:second|other|next)\s+(?:q|question|thing)\s*:)|\s*[+&]|\s+/|\s+(?:q?\d[).:]|\(\d\)))\s+(` + openerPattern + `)\b`)

// leadingJoiner matches a joiner that opens a sentence: "…? and how
// long does it take?", "…? Also, what …", "2) who …".
var leadingJoiner = regexp.MustCompile(`(?i)^(?:(?:and\s+also|and|also|plus|btw|by\s+the\s+way|oh\s+and|unrelated,?\s+but|separately|(?:second|other|next)\s+(?:q|question|thing)|q?\d[).:]|\(\d\)|[+&/])[,:]?\s+)+`)

// openerPattern matches the words a question stands alone by when it
// opens with them.
const openerPattern = `what|what's|whats|how|how's|hows|who|who's|whos|which|when|where|why|am|is|are|does|do|did|should|can|could|would|will|any|tips`

// standsAlone reports whether a clause is a question of its own: a
// question word or a request opens it, after at most a few words of
// lead-in in a sentence that asks ("quick q, how many…?", "two things:
// what…?"; a verb such as "is" or "does" only as its first word), and it
// holds a topic beside
// them ("what should I work on first" does; "ceo?" and "like on the ops
// side" do not). refers tells that its subject is a pronoun, which points
// back to a thing: "is that their call?", "is it normal?".
func standsAlone(clause string, asks bool) (alone, refers bool) {
	words := Words(clause)
	leadIn := 0
	if asks {
		leadIn = maxLeadIn
	}
	if len(words) > 0 && narrowing[words[0]] {
		return false, false
	}
	for i, w := range words[:min(len(words), leadIn+1)] {
		if !partQuestionWords[w] && !partRequests[w] && (i > 0 || !partAuxiliaries[w]) {
			continue
		}
		rest := words[i+1:]
		return hasTopic(strings.Join(rest, " ")), slices.ContainsFunc(rest[:min(len(rest), 2)], func(w string) bool { return backPointers[w] && !people[w] })
	}
	return false, false
}

// Asks reports whether a message opens a question of its own: a clause
// of it opens with a question word, a request or a verb before its
// subject, after at most a few words of lead-in ("and how do i get
// there", "ok what should i do first"); "hmm interesting" and "really?"
// do not.
func Asks(message string) bool {
	for _, s := range Split(message) {
		for _, c := range clauses(s.Text) {
			words := Words(c.text)
			for i, w := range words[:min(len(words), maxLeadIn+1)] {
				if partQuestionWords[w] || partRequests[w] || i == 0 && partAuxiliaries[w] {
					return true
				}
			}
		}
	}
	return false
}

// narrowing open a clause that narrows the question before it: "like who
// do I call first?", "e.g. who owns the roadmap?".
var narrowing = SetOf("like e eg i ie specifically or so mean")

// PointsBack reports whether a question holds a pronoun that points back
// to a thing told or asked before it: "is brand management part of
// that?", "what's their job with it?"; not to people ("who reports to
// them?").
func PointsBack(text string) bool {
	words := Words(text)
	for i, w := range words {
		// "how long does it take" points nowhere.
		if backPointers[w] && !people[w] && !(w == "it" && i+1 < len(words) && dummyItVerbs[words[i+1]]) {
			return true
		}
	}
	return false
}

// AsksDetail reports whether a message asks only for an example or more
// detail of what was told before it, its frame aside: "any example?",
// "thanks! got an example?", "can you be more concrete?".
func AsksDetail(text string) bool {
	return details.holdsOnly(Words(Asked(text)), detailFillers)
}

// details ask for an example or more detail; detailFillers may stand
// beside them in such a request.
var (
	details       = SetOf("example examples ex instance instances concrete concretely specific specifics detail details elaborate")
	detailFillers = SetOf("any an a some got have give me us can could you u please pls plz be more like e g eg for real world " +
		"what how so ok okay and do does is there that this one")
)

// dummyItVerbs are the verbs after a dummy "it": "does it take".
var dummyItVerbs = SetOf("take takes took")

// AsksOfPeople reports whether a question points back to people asked
// about before it: "who do they report to?".
func AsksOfPeople(text string) bool {
	return slices.ContainsFunc(Words(text), func(w string) bool { return people[w] })
}

// WithPeople returns text with the pronouns that point back to people
// (they, them, their) replaced by who they are: "how big is their team?"
// of VPs is "how big is VP's team?".
func WithPeople(text, who string) string {
	return peoplePronoun.ReplaceAllStringFunc(text, func(p string) string {
		if strings.EqualFold(p, "their") {
			return who + "'s"
		}
		return who
	})
}

// peoplePronoun matches a pronoun of people.
var peoplePronoun = regexp.MustCompile(`(?i)\b(?:` + strings.Join(slices.Sorted(maps.Keys(people)), "|") + `)\b`)

// maxLeadIn is the most words before the one that opens a question.
const maxLeadIn = 3

// partRequests open a question asked as a request: "tell me about a
// director's morning".
var partRequests = SetOf("tell explain describe list give summarize summarise show define compare outline")

// partQuestionWords and partAuxiliaries are the words of openerPattern, as
// Words splits them ("what's": what).
var (
	partQuestionWords = SetOf("what whats how hows who whos which when where why any tips")
	partAuxiliaries   = SetOf("am is are does do did should can could would will")
	openers           = union(partQuestionWords, partAuxiliaries)
)

// statementAfterVerb are words that follow a verb such as "would" or
// "is" in a statement, not in a question, where its subject follows it.
var statementAfterVerb = SetOf("not t rather just also really probably still be been have has had like in on at to so very always never usually often now then get go make do")

// backPointers are pronouns that point back to what was asked before;
// people, among them, to the people asked about ("who do they report
// to?"), whose question stands alone.
var (
	backPointers = SetOf("that it this those these they them their one")
	people       = SetOf("they them their")
)

// hasTopic reports whether a clause holds a word that is no question word,
// pronoun or filler: something to look for.
func hasTopic(clause string) bool {
	for _, w := range Words(clause) {
		if !openers[w] && !partFiller[w] {
			return true
		}
	}
	return false
}

// partFiller are words that name no topic in a part of a question.
var partFiller = SetOf("a an the i me my you your it its that this those them they he she we our s do does be is are was were to of in on for and or too usually typically normally really just like about one")
