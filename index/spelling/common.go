package spelling

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:embed common-words.txt
var commonText string

// commonWords is common-words.txt's words, sorted, read on first use: a
// question holds a word the guide does not know only now and then.
var commonWords = sync.OnceValue(func() []string {
	var words []string
	for line := range strings.Lines(commonText) {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return words
})

// Common reports whether a word, in lower case, is a common English word
// (SCOWL's most common words, common-words.txt), as typed or in the
// singular ("lunches"). Such a word that a guide does not know is read as
// typed, not as a typo of a word the guide knows: "what's for lunch
// today?" asks nothing about a launch, and a guide without the word does
// not answer it. A misspelling that is itself a common word ("weak" for
// "week") is lost, as a spelling checker loses it.
func Common(word string) bool {
	return listed(word) || listed(singular(word))
}

// listed reports whether common-words.txt lists a word.
func listed(word string) bool {
	_, found := slices.BinarySearch(commonWords(), word)
	return found
}

// singular returns a word without its plural ending ("lunches" is
// "lunch"), or the word: a stem would make a common word of a typo
// ("contracters" stems as "contract").
func singular(word string) string {
	for _, end := range []string{"ches", "shes", "xes", "sses"} {
		if strings.HasSuffix(word, end) {
			return strings.TrimSuffix(word, "es")
		}
	}
	return strings.TrimSuffix(word, "s")
}
