package question

import (
	"regexp"
	"slices"
	"strings"
)

// Intent is a kind of fact a question may ask for: a time, a share of
// the week or of all time, an amount or a person.
type Intent int

// The kinds of fact a question may ask for; NoIntent when it asks for
// none of them.
const (
	NoIntent Intent = iota - 1
	Duration
	Week
	Share
	Amount
	Person
)

// Intents counts the kinds of fact.
const Intents = int(Person) + 1

// intent holds how a question asks for a kind of fact: the phrasings
// that ask for it ("how long", "what percentage", "who", which the stop
// lists drop), and how a text states it.
type intent struct {
	asks Phrasings
	// within, when set, holds the words one of which the question must
	// also say: "how much of" asks for a share of the week only in a
	// question about the week.
	within Set
	states *regexp.Regexp
}

// portions ask for a share of something without saying it in percent.
var portions = NewPhrasings("how much of", "what portion", "what fraction", "what part of", "what share", "split")

var intents = [Intents]intent{
	Duration: {asks: NewPhrasings("how long", "how many years", "how many yrs", "how many months", "when should", "when do",
		"when does", "when did", "when is", "when are", "when will", "when can", "when would", "at what point"),
		states: regexp.MustCompile(`\d\+?\s*(years?|yrs?|months?)\b`)},
	// A share of one's week ("how much of my week") is stated in hours a
	// week as well as in percent.
	Week: {asks: portions, within: SetOf("week weeks weekly calendar bandwidth"),
		states: regexp.MustCompile(`\d\s*%|\d\s*(hrs?|hours?)\s*(/|per|a)\s*week`)},
	Share: {asks: append(NewPhrasings("what percent", "what percentage", "percent", "percentage", "%"), portions...),
		states: regexp.MustCompile(`\d\s*%`)},
	Amount: {asks: NewPhrasings("how many", "how much", "how big", "how large", "what size", "weekly hours", "hours a week",
		"hours per week", "hrs a week", "hrs per week", "hrs week"), states: regexp.MustCompile(`\d`)},
	Person: {asks: NewPhrasings("who", "whom"), states: regexp.MustCompile(`\b(ceo|cto|board|vp|director|manager|ics?|executives?)\b`)},
}

// IntentOf returns what a question, split by Words, asks for. A time it
// takes that the question states asks for the time too: "the guide says
// it takes 10 years to become VP?" checks the guide's.
func IntentOf(words []string) Intent {
	in := Intent(slices.IndexFunc(intents[:], func(in intent) bool {
		return in.asks.In(words) && (in.within == nil || in.within.Any(words))
	}))
	if in == NoIntent && takesTime(words) {
		return Duration
	}
	return in
}

// takesTime reports whether words state a time something takes: a form of
// "take" and, within a few words, a number of years or months ("takes
// like 10 years", "took me 18 months", "takes a few years").
func takesTime(words []string) bool {
	for i, w := range words {
		if !takeForms[w] {
			continue
		}
		for j := i + 1; j < min(len(words)-1, i+2+maxTakesGap); j++ {
			if (strings.Trim(words[j], "0123456789") == "" || timeCounts[words[j]]) && timeUnits[words[j+1]] {
				return true
			}
		}
	}
	return false
}

// maxTakesGap is the most words between a form of "take" and the time it
// states ("takes me like 10 years").
const maxTakesGap = 3

var (
	takeForms = SetOf("take takes took taking")
	// timeCounts count years or months in words: "a year", "ten years",
	// "a few years".
	timeCounts = SetOf("a an one two three four five six seven eight nine ten few couple several")
	timeUnits  = SetOf("year years yr yrs month months")
)

// overviews are the phrasings that ask for the whole picture, and
// wholeRole those that say it is the whole role that is asked about ("the gist of
// the job", "a director's whole deal"): the page itself answers. "tl;dr on
// how VPs fail" asks for a short answer about one topic, not an overview.
// doings say it as what the role does, and only when they end the
// question: "the gist of what a director does", not "a summary of what a
// VP does at board meetings".
var (
	overviews = NewPhrasings("gist", "overview", "high level", "nutshell", "big picture", "at a glance", "eli5",
		"summarize", "summary", "tl dr", "tldr", "cliff notes", "cliffnotes", "sparknotes", "in short", "in general", "foot view",
		"birds eye", "bird s eye")
	wholeRole = NewPhrasings("job", "role", "position", "gig", "whole deal", "whole thing")
	doings    = NewPhrasings("a director does", "directors do", "a vp does", "vps do")
)

// AsksOverview reports whether a question, split by Words, asks for the
// whole picture of the role.
func AsksOverview(words []string) bool {
	return overviews.In(words) && (wholeRole.In(words) || endsDoing(words))
}

// AsksRole returns the role a question asks about when it asks only what
// the role does or is: "what does a director do?", "what does an
// engineering director actually do", "what is a director of engineering
// in plain english?", "explain the director role". What it does at a time
// ("… do all day?") asks about the day. A greeting or a few words of the
// asker may come first ("hi! i'm in HR, what is…"), not a field or a
// place, whose director is another ("in film, what is a director?", "at
// our company, what's a director?"). A last "here" asks of the guide's
// own company, the role the guide describes ("what does a director do
// here?").
func (c Cast) AsksRole(words []string) (role int, ok bool) {
	plain := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return hedges[w] })
	if n := len(plain); n > 0 && plain[n-1] == "here" {
		plain = plain[:n-1]
	}
	for i := range min(len(plain), maxRoleLeadIn+1) {
		if i > 0 && !leadIns[plain[0]] {
			break
		}
		if name := roleAsked(plain[i:]); name != nil {
			ms := c.Mentions(name)
			if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(name) {
				return 0, false
			}
			return ms[0].Role, true
		}
	}
	return 0, false
}

// maxRoleLeadIn is the most words of setting before a question that asks
// what a role is.
const maxRoleLeadIn = 5

// roleAsked returns the words naming who a question asks what they do or
// are, their article and the tail that asks for plain words apart: "a
// director" in "what does a director do", "director of engineering" in
// "define director of engineering"; nil when the words ask something
// else.
func roleAsked(words []string) []string {
	var name []string
	n := len(words)
	switch {
	case n >= 4 && words[0] == "what" && (words[1] == "does" || words[1] == "do") && words[n-1] == "do":
		name = words[2 : n-1]
	case n >= 3 && words[0] == "what" && (words[1] == "is" || words[1] == "s"):
		name = words[2:]
	case n >= 2 && rolePrompts[words[0]]:
		name = words[1:]
	default:
		return nil
	}
	for changed := true; changed; {
		changed = false
		for _, tail := range plainTails {
			if len(name) > len(tail) && slices.Equal(name[len(name)-len(tail):], tail) {
				name, changed = name[:len(name)-len(tail)], true
			}
		}
	}
	if len(name) > 0 && articles[name[0]] {
		name = name[1:]
	}
	return name
}

var (
	// leadIns open the words before a question of what a role is: a
	// greeting, the asker ("i'm in HR", "we are hiring"), a link to what
	// came before ("and what does a VP do?").
	leadIns = SetOf("hi hey hello yo ok okay so and also then quick i im we")
	// rolePrompts ask what a role is: "whats a VP", "define director of
	// engineering".
	rolePrompts = SetOf("whats define explain describe")
	// plainTails end a question that asks what a role is in plain words,
	// or of the role itself: "… in plain english", "… role".
	plainTails = NewPhrasings("in plain english", "in plain terms", "in simple terms", "in a nutshell", "in one sentence",
		"to a non engineer", "for a non engineer", "to me", "exactly", "anyway", "role", "job", "position")
)

// articles may stand before a role's name ("what does an engineering
// director do?") or a term (Term).
var articles = SetOf("a an the")

// endsDoing reports whether words end with what the role does, read past
// hedges and the time it is done in: "what a director actually does",
// "what directors do day to day".
func endsDoing(words []string) bool {
	plain := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return hedges[w] })
	for len(plain) > 0 && daily[plain[len(plain)-1]] {
		plain = plain[:len(plain)-1]
	}
	return slices.ContainsFunc(doings, func(p []string) bool {
		return len(plain) >= len(p) && slices.Equal(plain[len(plain)-len(p):], p)
	})
}

// hedges are adverbs that may stand inside a phrasing of what the role
// does.
var hedges = SetOf("actually really even exactly basically truly just")

// daily are the words of when the role's work is done: "all day", "day
// to day", "every week".
var daily = SetOf("all day days to daily each every week weeks")

// AsksExample reports whether a question, split by Words, asks for an
// example: "need an example", "looking for examples", not "for example".
func AsksExample(words []string) bool {
	for i, w := range words {
		if w == "examples" || w == "example" && (i == 0 || words[i-1] != "for") {
			return true
		}
	}
	return false
}

// States reports whether a text states the fact the intent asks for;
// never for NoIntent.
func (in Intent) States(text string) bool {
	return in >= 0 && int(in) < Intents && intents[in].states.MatchString(strings.ToLower(text))
}
