package question

// Sought reports whether the word at i, a topic the guide leaves to
// others, is what the sentence asks for rather than a topic it names in
// passing: it follows a word that asks to pick one, with at most two
// words between ("which books help a director…", "what executive
// coaching helps…", "is there a template for…"), or a verb of setting one
// up ("how do I set up lattice…", "use jira to…"). "How much time should
// a director spend in jira?" names jira in passing.
func Sought(words []string, i int) bool {
	for j := max(0, i-maxSoughtGap-1); j < i; j++ {
		if pickers[words[j]] {
			return true
		}
	}
	return i > 0 && setups[words[i-1]] || i > 1 && words[i-2] == "set" && words[i-1] == "up"
}

// maxSoughtGap is how many words may stand between a picking word and
// the topic it picks: "what executive coaching", "which blogging
// platform", "what's a good podcast".
const maxSoughtGap = 2

var (
	// pickers ask to pick or find one of a kind.
	pickers = SetOf("which what any best good favorite favourite recommend recommended recommendation recommendations there")
	// setups set up, use or choose a tool.
	setups = SetOf("use configure install setup choose pick buy integrate")
)
