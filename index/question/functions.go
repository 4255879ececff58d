package question

import (
	"slices"
	"strings"
)

// Functions are the functions and trades outside engineering
// (thesaurus.Functions): next to a role the guide describes, one makes the
// role someone else's ("a finance director", "a director of admissions").
type Functions []function

// function is one of the Functions, as a question's words read it and as
// the list writes it: "procurement", read as "vendor evaluations".
type function struct {
	words []string
	name  string
}

// NewFunctions reads the functions' names as a question's words are read
// (rewrite: "comms" may be read as "communication").
func NewFunctions(names []string, rewrite func(string) string) Functions {
	var out Functions
	for _, n := range names {
		if words := Words(rewrite(n)); len(words) > 0 {
			out = append(out, function{words: words, name: n})
		}
	}
	return out
}

// phrasings are the functions as a question's words read them.
func (f Functions) phrasings() Phrasings {
	out := make(Phrasings, len(f))
	for i, fn := range f {
		out[i] = fn.words
	}
	return out
}

// Leading returns the roles that lead a function: one of their names
// holds a function's ("chief financial officer", "VP of sales").
func (f Functions) Leading(c Cast) map[int]bool {
	out := map[int]bool{}
	phrasings := f.phrasings()
	for _, names := range c {
		for _, n := range names {
			if phrasings.In(n.words) {
				out[n.role] = true
			}
		}
	}
	return out
}

// before returns the function the words before end name, ok false for
// none: "supply chain" before "director".
func (f Functions) before(words []string, end int) (fn function, ok bool) {
	for _, fn := range f {
		if n := len(fn.words); n <= end && slices.Equal(words[end-n:end], fn.words) {
			return fn, true
		}
	}
	return function{}, false
}

// after returns the function the words from start name, and where the
// name of its leader ends, ok false when they name none: "admissions" in
// "admissions at a university", "clinical operations"; not "clinical
// engineering" or "tax products", which engineering makes.
func (f Functions) after(words []string, start int) (fn function, end int, ok bool) {
	for _, fn := range f {
		end := start + len(fn.words)
		if end > len(words) || !slices.Equal(words[start:end], fn.words) {
			continue
		}
		for end < len(words) && functionParts[words[end]] {
			end++
		}
		if end == len(words) || functionEnds[words[end]] {
			return fn, end, true
		}
	}
	return function{}, 0, false
}

var (
	// functionParts may follow a function in its leader's name: "clinical
	// operations", "the events team".
	functionParts = SetOf("operations ops affairs services team teams group department dept org organization office division function role roles job jobs title position")
	// functionEnds may follow the name of a function's leader: "at a
	// hospital", "here", "what should I…", or the verb asked of them
	// ("what skills does a director of marketing need?", "who does a
	// director of finance report to?").
	functionEnds = SetOf("at for in here and or with on from to of as s what how who when where which why is are am was do does did should can could would will i we my our vs versus " +
		"need needs report reports expect expects spend spends own owns handle handles typically usually actually really normally generally also " +
		"split splits focus focuses measure measures track tracks balance balances manage manages run runs decide decides prioritize prioritizes work works " +
		"lead leads structure structures hire hires plan plans set sets build builds grow grows")
)

// gradedName is, of a role's two grades set against each other, the one
// named the longer way, in words, else in letters: the grade the guide
// does not describe, "senior director" in "a senior director and a
// director", "SVP" in "VP vs SVP".
func gradedName(m, next Mention) string {
	if n, k := next.End-next.Start, m.End-m.Start; n > k || n == k && len(next.Name) > len(m.Name) {
		return next.Name
	}
	return m.Name
}

// post is the name of another function's leader in a question's words,
// from start to end, and as a reply names it (Reader.leader).
type post struct {
	start, end int
	name       string
}

// leader returns the post of another function's leader mentioned at m,
// and false when m is no such leader: a role the guide describes whose
// name a function's stands before ("a finance director") or after ("a VP
// of supply chain", "a director of the events team"). The words are the
// question as the thesaurus reads it, said the words it was asked in:
// the post is named with the role as the roles list writes it, and the
// function as said ("procurement director", read as "vendor evaluations
// director").
func (r Reader) leader(words []string, said Set, m Mention) (post, bool) {
	if !r.Described[m.Role] {
		return post{}, false
	}
	if fn, ok := r.Functions.before(words, m.Start); ok {
		return post{start: m.Start - len(fn.words), end: m.End, name: fn.as(said) + " " + m.Name}, true
	}
	at := m.End
	if at < len(words) && words[at] == "of" {
		at++
		if at < len(words) && words[at] == "the" {
			at++
		}
		if fn, end, ok := r.Functions.after(words, at); ok {
			name := slices.Concat([]string{m.Name}, words[m.End:at], []string{fn.as(said)}, words[at+len(fn.words):end])
			return post{start: m.Start, end: end, name: strings.Join(name, " ")}, true
		}
	}
	return post{}, false
}

// as names the function as a question whose words are said names it: as
// the functions list writes it when the question does ("procurement"),
// else as the question was read ("vendor evaluations").
func (fn function) as(said Set) string {
	if words := Words(fn.name); !slices.ContainsFunc(words, func(w string) bool { return !said[w] }) {
		return fn.name
	}
	return strings.Join(fn.words, " ")
}

// PostAreas returns the words that name what leaders the guide describes
// lead, after "of": "restaurant ordering" in "director of restaurant
// ordering", "legal tech" in "director of legal tech". Such a word is
// their area, not the topic asked about. A word before a title is not
// ("Google director vs VP", "director comp vs VP comp").
func (r Reader) PostAreas(words []string) Set {
	out := Set{}
	for _, m := range r.Cast.Mentions(words) {
		if !r.Described[m.Role] {
			continue
		}
		if m.End < len(words) && words[m.End] == "of" {
			for i := m.End + 1; i < min(len(words), m.End+1+maxAreaWords) && !areaStops[words[i]] && !functionEnds[words[i]]; i++ {
				out[words[i]] = true
			}
		}
	}
	return out
}

// maxAreaWords is how many words after a leader's title and "of" may name
// their area.
const maxAreaWords = 3

// areaStops end the name of a leader's area: "the salary of a director".
var areaStops = SetOf("a an the of for at in on to my our your their his her this that as i m am is are was be been s what how who when where which why do does should can")

// OtherLeader names the leader of a function outside engineering that
// the asker says they are (named as Reader.leader names a post, said the
// words the question was asked in), or "" for none: the message opens with its leader ("tax director
// here: …", "Director of admissions at a university — …") or the asker
// is one ("I'm the VP of supply chain", "as a facilities director, …",
// "currently FP&A director"). Whatever such a message asks ("how do I get
// ready for VP?") is about that function, which the guide does not
// describe, unless it also names engineering's own leaders ("… how does
// an engineering director differ from a VP of engineering?") or the
// asker is one too ("… as a director"). So is a message whose asker is
// one of the Leaders, a role of its own ("as CFO, how do I structure my
// board deck?", "VP of sales: how do I hire AEs?"), unless it names a
// role the guide describes: such a leader is on no ladder of the guide's
// roles, and "CFO here: what does a director own?" asks about
// engineering's.
func (r Reader) OtherLeader(words []string, said Set) string {
	leads, leader, described := "", "", false
	for _, m := range r.Cast.Mentions(words) {
		p, ok := r.leader(words, said, m)
		switch {
		case ok:
			if leads == "" && introduces(words, p.start) && !actsOn(words, p.end) {
				leads = p.name
			}
		case r.Leaders[m.Role]:
			if leader == "" && introduces(words, m.Start) && !actsOn(words, m.End) {
				leader = m.Name
			}
		case r.Described[m.Role] && (engineers(words, m) || introduces(words, m.Start)):
			return ""
		case r.Described[m.Role]:
			// The leader's own directors are no engineering ones ("as
			// CFO, how do I grow my directors into VPs?").
			described = described || !heldBy(words, m.Start)
		}
	}
	if leads == "" && !described {
		return leader
	}
	return leads
}

// introduces reports whether the post named from start is the asker's:
// the message opens with it, or the asker says they hold it now ("as a
// …", "I'm the …").
func introduces(words []string, start int) bool {
	i := start
	for i > 0 && leaderDeterminers[words[i-1]] {
		i--
	}
	if i == 0 {
		return !slices.Contains(words[:start], "the")
	}
	return selfIntroductions[words[i-1]] || i >= 2 && words[i-2] == "i" && presentSelf[words[i-1]]
}

// actsOn reports whether a leader does something to the asker, rather
// than introducing them or being asked about: "Finance director wants me to cut
// my budget…", "Sales VP keeps promising features…", "Recruiting director
// or VP: who owns…". A post's name that introduces the asker is followed
// by where or what they are ("tax director here", "… at a university",
// "… of a small theatre", "… with 40 people"), or by the question ("tax
// director: how do I…"); "… of our company wants me to…" is someone
// else. The leader's name ends at end.
func actsOn(words []string, end int) bool {
	if end+1 < len(words) && words[end] == "of" && (words[end+1] == "a" || words[end+1] == "an") {
		return false
	}
	return end < len(words) && !introductionEnds[words[end]]
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
	// introductionEnds follow the name of the asker's post opening a
	// message: where or what they are, or the question.
	introductionEnds = SetOf("here at for in with from currently trying looking wanting hoping moving thinking about " +
		"how what who when where which why should do does can could would is are am any")
	// selfIntroductions stand before the asker's own post: "as a
	// finance director", "currently FP&A director", "i'm now VP of
	// sales".
	selfIntroductions = SetOf("as currently now im")
	// presentSelf says the asker holds a post now ("I'm", "I am"); one
	// they held ("I was an EM") is no longer theirs here, though still
	// the asker's for AboutOthers (selfVerbs): "I was an EM, what changes
	// now?" is about the asker, who leads nothing else.
	presentSelf = SetOf("m am")
	possessives = SetOf("my our your their his her")
	// engineeringAreas name engineering's leaders before their title:
	// "software director", "platform VP".
	engineeringAreas = SetOf("engineering software platform infrastructure tech technology technical")
)
