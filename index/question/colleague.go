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
// begins with, standing where only a person does (personSlot). "Is Morning a good
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
				!notNames[words[i]] && r.personSlot(words, i) {
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

// personSlot reports whether the word at i stands where only a person
// does: said to be ready, leaving or promoted ("is Dana going to be
// promoted?", "do you think Tom is ready…", "Is Mark a good director?"),
// promoted or fired by the asker ("should I promote Jake to director?"),
// having or getting something ("how many reports does Sarah have?", "did
// Sam get promoted?"), been something a while ("how long has Ana been a
// director here?"), or reported to ("who does Priya report to?", "how
// many EMs report to Marco now?"). A team's or a tool's name stands in
// none of them: "Does Mobile report to a director or the VP?", "Is
// Checkout big enough for a director?", "Will Copilot change what
// directors do?".
func (r Reader) personSlot(words []string, i int) bool {
	before, rest := words[i-1], words[i+1:]
	switch before {
	case "is", "was", "will":
		return described(rest)
	case "think", "thinks":
		return len(rest) > 0 && (rest[0] == "is" || rest[0] == "will") && described(rest[1:])
	case "does", "did":
		// "Who does Priya report to?", "does Sarah have?", "did Sam get
		// promoted?"
		return i >= 2 && words[i-2] == "who" && len(rest) > 0 && reporting[rest[0]] ||
			len(rest) == 1 && rest[0] == "have" || len(rest) > 1 && (rest[0] == "get" || rest[0] == "got") && rest[1] == "promoted"
	case "has":
		return len(rest) > 1 && rest[0] == "been" && (rest[1] == "here" || (rest[1] == "a" || rest[1] == "an") && r.describedAt(rest, 2) > 0)
	case "promote", "promoting", "demote", "fire", "firing":
		// "Should I promote Jake to director?"
		return true
	}
	// "How many EMs report to Marco (now)?"
	return i >= 2 && before == "to" && reporting[words[i-2]] && len(rest) <= 1
}

// described reports whether the words after a person say what only a
// person is: "ready", "leaving", "going to be promoted", "a good
// director", "be promoted".
func described(words []string) bool {
	if len(words) > 0 && words[0] == "be" {
		words = words[1:]
	}
	switch {
	case len(words) == 0:
		return false
	case personStates[words[0]]:
		return true
	}
	return len(words) > 1 && (words[0] == "a" || words[0] == "an") && judgements[words[1]]
}

var (
	// personStates say what a person is: "ready", "leaving", "getting
	// promoted".
	personStates = SetOf("ready leaving quitting retiring resigning promoted promotable going getting burned burnt")
	// judgements judge a person: "a good director", "a strong VP".
	judgements = SetOf("good great bad strong weak decent real solid fit better effective successful")
	// reporting speak of whom a person reports to.
	reporting = SetOf("report reports reporting reported")
	// notNames are capitalized words that name no colleague: days,
	// months and places a sentence may capitalize.
	notNames = SetOf("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december slack")
)
