package question

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// NamesColleague reports whether a message asks about a colleague by
// name, which a guide to roles cannot know: "Who does Priya report to
// after the reorg?", "Is Mark a good director?", "do you think Tom is
// ready to be a director?", "How many direct reports does Sarah have?". A
// name is a capitalized word inside a sentence that the guide does not
// use (known tells the words it does, lower-cased) and no role's name
// begins with, standing where a person does: after "is", "does", "did",
// "will" or "think" ("is Dana going to be promoted?"), before "report" or
// a possessive ("Priya's team"), or after "report to". "Is Morning a good
// time for 1:1s?" names the guide's own word; "I'm Priya, a new director:
// what should I do first?" is a question of the guide's. A name typed in
// lower case ("is raj ready?") is not told from a word. As for
// AboutCompany, only a guide to roles is known to hold no such facts.
func (r Reader) NamesColleague(message string, known func(string) bool) bool {
	if len(r.Described) == 0 {
		return false
	}
	for _, s := range Split(message) {
		spans := WordSpans(s.Text)
		words := Words(s.Text)
		for i := 1; i < len(words); i++ {
			if capitalized(s.Text[spans[i][0]:spans[i][1]]) && !known(words[i]) && !r.Cast.StartsName(words[i]) &&
				!notNames[words[i]] && personSlot(words, i) {
				return true
			}
		}
	}
	return false
}

// capitalized reports whether a word is written as a name: a capital,
// then small letters ("Priya", not "VP" or "iOS").
func capitalized(word string) bool {
	first, size := utf8.DecodeRuneInString(word)
	rest := []rune(word[size:])
	return unicode.IsUpper(first) && len(rest) > 0 && !slices.ContainsFunc(rest, func(r rune) bool { return !unicode.IsLower(r) })
}

// personSlot reports whether the word at i stands where a person does:
// "is Dana going to…", "does Sarah have", "think Tom is…", "Priya
// reports to", "Priya's team", "report to Marco".
func personSlot(words []string, i int) bool {
	before := words[i-1]
	after := ""
	if i+1 < len(words) {
		after = words[i+1]
	}
	switch {
	case personAsked[before] && after != "":
		return true
	case reporting[after] || after == "s" && i+2 < len(words):
		return true
	}
	return i >= 2 && (before == "to" || before == "under") && reporting[words[i-2]]
}

var (
	// personAsked ask about the person after them: "is Dana…", "does
	// Sarah have…", "think Tom is ready".
	personAsked = SetOf("is does did will has was should can think thinks")
	// reporting speak of whom a person reports to.
	reporting = SetOf("report reports reporting reported")
	// notNames are capitalized words that name no colleague: days,
	// months and places a sentence may capitalize.
	notNames = SetOf("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december slack")
)
