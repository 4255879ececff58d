package question

import "slices"

// Sought reports whether the topic from start to end, a word or a phrase
// the guide leaves to others, is what the sentence asks for rather than
// one it names in passing: a word that asks to pick one comes before it
// ("which books help a director…", "what executive coaching helps…", "is
// there a template for…", "a good podcast") or within it ("best tools",
// "find a coach"), or a verb sets it up or uses it ("how do I set up our
// jira…", "use a jira board…"). "How much time should a director spend in
// jira?" names jira in passing.
func Sought(words []string, start, end int) bool {
	if slices.ContainsFunc(words[start:end], func(w string) bool { return pickers[w] || nearPickers[w] || setups[w] || finders[w] }) {
		return true
	}
	if start > 0 && nearPickers[words[start-1]] {
		return true
	}
	for j := max(0, start-maxSoughtGap-1); j < start; j++ {
		if pickers[words[j]] {
			return true
		}
	}
	j := start - 1
	for j >= 0 && toolDeterminers[words[j]] {
		j--
	}
	return j >= 0 && (setups[words[j]] || words[j] == "up" && j > 0 && setters[words[j-1]])
}

// maxSoughtGap is how many words may stand between a word that asks to
// pick and the topic it picks: "what executive coaching", "which
// blogging platform".
const maxSoughtGap = 2

var (
	// pickers ask to pick or find one of a kind; nearPickers do so only
	// right before it ("any books", not "any advice on jira").
	pickers     = SetOf("which what recommend recommended recommendation recommendations there")
	nearPickers = SetOf("any best good favorite favourite")
	// setups set up, use or choose a tool, after setters' "up" too;
	// finders, within a topic's own words, look for one ("hire a coach").
	setups  = SetOf("use uses used using configure configuring install installing setup choose choosing pick buy integrate")
	setters = SetOf("set setting sets")
	finders = SetOf("find hire")
	// toolDeterminers may stand between a verb and the tool it sets up.
	toolDeterminers = SetOf("a an the our my your their this that")
)
