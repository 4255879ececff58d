package question

import "slices"

// WithoutAsides returns the words with their asides left out: a few words
// after "before", "instead of", "when I'm on" and the like tell when or
// what not, not what is asked ("what numbers does a director check before
// standup?", "how do I talk money instead of story points?", "how do I
// keep the org running when I'm on vacation?"), and those after "e.g.",
// "like" or "such as" give an example of it ("do directors manage
// budgets, e.g. our datadog + aws spend?"). An aside runs past the
// determiners after its opener to the first other word, or to the
// first few of them for an example.
func WithoutAsides(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		n, span := asideOpeners.StartAt(words, i), 1
		if n == 0 {
			if n = exampleOpeners.StartAt(words, i); n > 0 {
				span = exampleWords
			}
		}
		if n == 0 {
			out = append(out, words[i])
			continue
		}
		j := i + n
		for j < len(words) && j-i-n < maxDeterminers && determiners[words[j]] {
			j++
		}
		i = min(j+span, len(words)) - 1
	}
	return slices.Clip(out)
}

// asideOpeners open an aside; exampleOpeners open an example, which runs
// for at most exampleWords words.
var (
	asideOpeners   = NewPhrasings("before", "instead of", "rather than", "when i m on", "while i m on", "when i am on", "while on")
	exampleOpeners = NewPhrasings("e g", "eg", "like", "such as", "via", "using")
)

const exampleWords = 3
