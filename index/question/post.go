package question

import "slices"

// PostOrgs returns where a sentence names the part of the company a post
// its asker holds or takes leads, as byte ranges of text: "cloud
// platform" of "I just got promoted to director of cloud platform",
// "savings" of "I joined as an EM in savings". Such words tell whose the
// question is, not what it asks: "cloud" is no question about cloud spend.
func (c Cast) PostOrgs(text string) [][2]int {
	words := Words(text)
	spans := WordSpans(text)
	var out [][2]int
	for _, m := range c.Mentions(words) {
		if !takesPost(words, m.Start) || m.End >= len(words) || !orgPrepositions[words[m.End]] {
			continue
		}
		start := m.End + 1
		for start < len(words) && orgDeterminers[words[start]] {
			start++
		}
		end := start
		for end < len(words) && end-start < maxOrgWords && !orgEnds[words[end]] {
			end++
		}
		if end > start {
			out = append(out, [2]int{spans[start][0], spans[end-1][1]})
		}
	}
	return out
}

// takesPost reports whether the words before a role's name at start say
// the asker holds or takes it: "I'm a", "promoted to", "as an", "moving
// from".
func takesPost(words []string, start int) bool {
	before := words[max(0, start-maxDeterminers-1):start]
	if slices.ContainsFunc(before, func(w string) bool { return postTakers[w] }) {
		return true
	}
	for i := 1; i < len(before); i++ {
		if before[i-1] == "i" && (before[i] == "m" || before[i] == "am") {
			return true
		}
	}
	return false
}

// maxOrgWords is the most words an org's name may have: "payments
// acceptance platform".
const maxOrgWords = 3

var (
	// postTakers say the asker holds or takes the post after them.
	postTakers = SetOf("im promoted became become becoming joined joining got as from")
	// orgPrepositions lead from a post to its org: "director of", "an
	// EM in", "TL on the … team".
	orgPrepositions = SetOf("of in on for")
	orgDeterminers  = SetOf("the a an our")
	// orgEnds end an org's name: what follows it in a story.
	orgEnds = SetOf("and but so or last since at after with to from who which that i we my me starting next this team teams group org squad job role position where while because when for about a an the is was")
)
