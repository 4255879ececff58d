package question

import "slices"

// Functions are the functions and trades outside engineering
// (thesaurus.Functions), each as a question's words read it: next to a
// role the guide describes, one makes the role someone else's ("a finance
// director", "a director of admissions").
type Functions [][]string

// NewFunctions reads the functions' names as a question's words are read
// (rewrite: "comms" may be read as "communications").
func NewFunctions(names []string, rewrite func(string) string) Functions {
	var out Functions
	for _, n := range names {
		if words := Words(rewrite(n)); len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

// before returns how many words before end name a function, 0 for none:
// "supply chain" before "director".
func (f Functions) before(words []string, end int) int {
	for _, name := range f {
		if n := len(name); n <= end && slices.Equal(words[end-n:end], name) {
			return n
		}
	}
	return 0
}

// after reports whether the words from start name a function and end the
// name of its leader: "admissions at a university", "clinical operations",
// not "clinical engineering" or "tax products", which engineering makes.
func (f Functions) after(words []string, start int) bool {
	return slices.ContainsFunc(f, func(name []string) bool {
		end := start + len(name)
		return end <= len(words) && slices.Equal(words[start:end], name) && (end == len(words) || functionEnds[words[end]])
	})
}

// functionEnds are the words that may follow a function in its leader's
// name: a part of it ("operations", "team"), or what follows a name ("at
// a hospital", "here", "what should I…").
var functionEnds = SetOf("operations ops affairs services team teams group department dept org organization office division function " +
	"at for in here and or with on from to of as s what how who when where which why is are am was do does did should can could would will i we my our vs versus")

// leader returns where the name of another function's leader mentioned
// at m starts, or -1 when m is no such leader: a role the guide describes
// whose name a function's stands before ("a finance director") or after
// ("a VP of supply chain", "a director of the events team").
func (r Reader) leader(words []string, m Mention) int {
	if !r.Described[m.Role] {
		return -1
	}
	if n := r.Functions.before(words, m.Start); n > 0 {
		return m.Start - n
	}
	at := m.End
	if at < len(words) && words[at] == "of" {
		at++
		if at < len(words) && words[at] == "the" {
			at++
		}
		if r.Functions.after(words, at) {
			return m.Start
		}
	}
	return -1
}

// PostAreas returns the words that name what leaders the guide describes
// lead: "restaurant ordering" in "director of restaurant ordering", "legal
// tech" in "director of legal tech", "restaurant tech" in "restaurant-tech
// director". Such a word is their area, not the topic asked about.
func (r Reader) PostAreas(words []string) Set {
	out := Set{}
	for _, m := range r.Cast.Mentions(words) {
		if !r.Described[m.Role] {
			continue
		}
		for i := m.Start - 1; i >= max(0, m.Start-maxAreaWords) && !areaStops[words[i]]; i-- {
			out[words[i]] = true
		}
		if m.End < len(words) && words[m.End] == "of" {
			for i := m.End + 1; i < min(len(words), m.End+1+maxAreaWords) && !areaStops[words[i]] && !functionEnds[words[i]]; i++ {
				out[words[i]] = true
			}
		}
	}
	return out
}

// maxAreaWords is how many words on either side of a leader's title may
// name their area.
const maxAreaWords = 3

// areaStops end the name of a leader's area: "the salary of a director".
var areaStops = SetOf("a an the of for at in on to my our your their his her this that as i m am is are was be been s what how who when where which why do does should can")

// LeadsOtherFunction reports whether the asker says they lead a function
// outside engineering: the message opens with its leader ("tax director
// here: …", "Director of admissions at a university — …") or the asker
// is one ("I'm the VP of supply chain", "as a facilities director, …",
// "currently FP&A director"). Whatever such a message asks ("how do I get
// ready for VP?") is about that function, which the guide does not
// describe, unless it also names engineering's own leaders ("… how does
// an engineering director differ from a VP of engineering?") or the
// asker is one too ("… as a director").
func (r Reader) LeadsOtherFunction(words []string) bool {
	leads := false
	for _, m := range r.Cast.Mentions(words) {
		start := r.leader(words, m)
		switch {
		case start >= 0:
			leads = leads || introduces(words, start)
		case r.Described[m.Role] && (engineers(words, m) || introduces(words, m.Start)):
			return false
		}
	}
	return leads
}

// introduces reports whether the post named from start is the asker's:
// the message opens with it, or the asker says they hold it ("as a …",
// "I'm the …").
func introduces(words []string, start int) bool {
	i := start
	for i > 0 && leaderDeterminers[words[i-1]] {
		i--
	}
	if i == 0 {
		return !slices.Contains(words[:start], "the")
	}
	return selfIntroductions[words[i-1]] || i >= 2 && words[i-2] == "i" && selfVerbs[words[i-1]]
}

// engineers reports whether the role mentioned at m is named as
// engineering's: "engineering director", "VP of engineering", "platform
// director".
func engineers(words []string, m Mention) bool {
	return slices.Contains(words[m.Start:m.End], "engineering") || m.Start > 0 && engineeringAreas[words[m.Start-1]]
}

// heldBy reports whether the other function's leader mentioned at start
// is someone the asker has or works with ("my finance director", "partner
// with the finance director", "relationships w/ product and sales VPs"),
// not the one asked about.
func heldBy(words []string, start int) bool {
	return slices.ContainsFunc(words[max(0, start-maxHeldBy):start], func(w string) bool { return possessives[w] || w == "with" || w == "w" })
}

// maxHeldBy is how far before a leader's name heldBy looks: past
// determiners and the other leaders named with it ("with the sales and
// marketing VPs").
const maxHeldBy = 5

var (
	// leaderDeterminers may open the name of a post: "I'm the VP of
	// finance", "a new facilities director". A message opening with "the"
	// ("The nursing director keeps escalating") is about someone else.
	leaderDeterminers = SetOf("a an the new")
	// selfIntroductions stand before the asker's own post: "as a
	// finance director", "currently FP&A director", "i'm now VP of
	// sales".
	selfIntroductions = SetOf("as currently now im")
	possessives       = SetOf("my our your their his her")
	// engineeringAreas name engineering's leaders before their title:
	// "software director", "platform VP".
	engineeringAreas = SetOf("engineering software platform infrastructure tech technology technical")
)
