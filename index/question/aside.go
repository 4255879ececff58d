package question

import "slices"

// WithoutAsides returns the words with their asides left out: a few words
// after "before", "instead of", "when I'm on" and the like tell when or
// what not, not what is asked ("what numbers does a director check before
// standup?", "how do I talk money instead of story points?", "how do I
// keep the org running when I'm on vacation?"). An aside runs to the
// first word that is no determiner, at most maxAsideWords on.
func WithoutAsides(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		n := asideOpeners.StartAt(words, i)
		if n == 0 {
			out = append(out, words[i])
			continue
		}
		j := i + n
		for j < len(words) && j-i-n < maxDeterminers && determiners[words[j]] {
			j++
		}
		i = min(j, len(words)-1)
	}
	return slices.Clip(out)
}

// asideOpeners open an aside.
var asideOpeners = NewPhrasings("before", "instead of", "rather than", "when i m on", "while i m on", "when i am on", "while on")
