package question

import "slices"

// WithoutAsides returns the words with their asides left out: a few words
// after "before", "instead of", "when I'm on" and the like tell when or
// what not, not what is asked ("what numbers does a director check
// before standup?", "how do I talk money instead of story points?", "how
// do I keep the org running when I'm on vacation?"); those after "e.g.",
// "like" or "such as" give an example of it ("do directors manage
// budgets, e.g. our datadog + aws spend?"). An aside runs past the
// determiners after its opener to the first other word, or to the first
// few of them for an example.
func WithoutAsides(words []string) []string {
	var out []string
	for i := 0; i < len(words); {
		if end := asideEnd(words, i); end > i {
			i = end
			continue
		}
		out = append(out, words[i])
		i++
	}
	return slices.Clip(out)
}

// asideEnd returns where an aside that starts at i ends, or i when none
// starts there.
func asideEnd(words []string, i int) int {
	if n := asideOpeners.StartAt(words, i); n > 0 {
		return min(pastDeterminers(words, i+n)+1, len(words))
	}
	if n := exampleOpeners.StartAt(words, i); n > 0 {
		return min(pastDeterminers(words, i+n)+exampleWords, len(words))
	}
	return i
}

// pastDeterminers returns the index of the first word from i on that is
// not one of at most maxDeterminers determiners.
func pastDeterminers(words []string, i int) int {
	j := i
	for j < len(words) && j-i < maxDeterminers && determiners[words[j]] {
		j++
	}
	return j
}

// asideOpeners open an aside; exampleOpeners open an example, which runs
// for at most exampleWords words.
var (
	asideOpeners   = NewPhrasings("before", "instead of", "rather than", "when i m on", "while i m on", "when i am on", "while on")
	exampleOpeners = NewPhrasings("e g", "eg", "like", "such as", "via", "using")
)

const exampleWords = 3
