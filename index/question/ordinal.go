package question

import (
	"strconv"
	"strings"
)

// Ordinal returns which item of the answer before a message points to,
// from 1, or -1 for the last: "the second one", "what about the 3rd?",
// "tell me more about the first one", "the 2nd pitfall", "#4"; 0 when
// the message asks something else. Besides the ordinal, it holds only
// words that point or ask for more, and at most one that names the
// items ("pitfall", "action"), not a time ("the first year"): noun is
// that word, "" when the message names none ("the second one").
func Ordinal(text string) (n int, noun string) {
	words := Words(Asked(text))
	if len(words) == 0 || len(words) > maxOrdinalWords {
		return 0, ""
	}
	for i, w := range words {
		switch at := ordinalAt(words, i); {
		case at != 0 && n == 0:
			n = at
		case at != 0:
			// Two items are no one item.
			return 0, ""
		case ordinalFillers[w]:
		case noun == "" && !askingBeside[w] && !timeUnits[w] && !spans[w]:
			noun = w
		default:
			return 0, ""
		}
	}
	if n == 0 {
		return 0, ""
	}
	return n, noun
}

// maxOrdinalWords is the most words of a message that points to an item.
const maxOrdinalWords = 8

// ordinalAt returns the item words[i] names by its place, or 0: an
// ordinal ("second", "2nd", "last"), or a number after "number", "no",
// "item", "#" or alone in the message.
func ordinalAt(words []string, i int) int {
	w := words[i]
	if n, ok := ordinals[w]; ok {
		return n
	}
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if n, err := strconv.Atoi(strings.TrimSuffix(w, suffix)); err == nil && w != strings.TrimSuffix(w, suffix) && n > 0 {
			return n
		}
	}
	n, err := strconv.Atoi(w)
	if err != nil || n <= 0 || n > maxItem {
		return 0
	}
	if len(words) == 1 || i > 0 && numberWords[words[i-1]] {
		return n
	}
	return 0
}

// maxItem is the highest item a bare number may point to: "2" may, "2026"
// may not.
const maxItem = 50

var (
	ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "last": -1}
	numberWords = SetOf("number item point step action")
	// spans name a time, not an item: "what about the first year?", "the
	// first time" (timeUnits: years and months).
	spans = SetOf("time times day days week weeks quarter quarters hour hours minute minutes decade decades")
	// ordinalFillers point to an item or ask for more of it.
	ordinalFillers = SetOf("the a and what about how tell me more on of one ones item point bullet row number no " +
		"please pls plz explain expand elaborate details detail say more about is was that this it so ok okay hmm")
	// askingBeside are words that ask something of their own beside an item:
	// "why is the second one first?".
	askingBeside = SetOf("why who when where which do does should can could would i we you my our")
)
