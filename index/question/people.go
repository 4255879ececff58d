package question

import (
	"cmp"
	"slices"
	"strings"
)

// Reader reads questions for one guide: Cast names the people a question
// may be about, Described tells, by role, those the guide describes (its
// headings name them), and Heads the head words of their names (Heads),
// Functions names the functions outside engineering and Leaders tells the
// roles that lead one (Functions.Leading).
type Reader struct {
	Cast      Cast
	Described map[int]bool
	// Levels are the roles a guide's table of levels names: no one
	// else's, though no heading names them.
	Levels    map[int]bool
	Heads     Set
	Functions Functions
	Leaders   map[int]bool
}

// Particular reports whether the words, with misspelt role names spelt
// right, name a role, ask for a fact (factWords, "which", or whether),
// may place a question at the asker's company (placers), date it
// (calendar), ask what the company's own things are (ours) or what the
// asker's own people think (mindOf): only then
// may AboutOthers, AboutCompany, AboutUnit or AskedRoles find anything,
// and most questions do neither.
func (r Reader) Particular(words []string) bool {
	return len(r.Cast.Mentions(words)) > 0 || factWords.Any(words) || unitQuestions.Any(words) ||
		len(words) > 0 && yesNo[words[0]] || placers.Any(words) || calendar.In(words) || r.ours(words) || r.mindOf(words)
}

// placers are the last words of a question placed at the asker's company
// (placed).
var placers = SetOf("here company org startup")

// NamesDescribed reports whether the words name a role the guide
// describes.
func (r Reader) NamesDescribed(words []string) bool {
	return slices.ContainsFunc(r.Cast.Mentions(words), func(m Mention) bool { return r.Described[m.Role] })
}

// AboutOthers names the role of someone the guide does not describe that
// a question asks about, as the roles list writes it ("CTO" in "what does
// a cto do all day?") or as Reader.leader names a post (said the words
// the question was asked in), or is "" when it asks about no such one: a
// role no heading names is what a sentence that asks is about, and those sentences
// (asking) name no role a heading does. Such a question shares words with
// the guide, but its sections would answer for someone else. A guide
// whose headings name no role describes no one in particular.
//
// A role the guide describes, named, makes the question the guide's,
// unless the other role, one the guide's text never names, is what is
// asked about and the two are set against each other (pitted) or the
// asker would become it: "how is a staff engineer's job different from a
// director's?" asks about the staff engineer, of whom the guide says
// nothing, and so does "how do I become CTO after being VP?" about the
// CTO, while "EM vs director: who owns hiring?" asks about the director,
// "I was an EM; what's different now that I'm a director?" about the
// asker, and "how is an EM different from a director?" is answered by the
// guide's account of the step from EM. inText tells whether the guide's
// text speaks of a role.
func (r Reader) AboutOthers(asking [][]string, said Set, inText func(role int) (bool, error)) (string, error) {
	if len(r.Described) == 0 {
		return "", nil
	}
	other, named := "", false
	for _, words := range asking {
		ms := r.Cast.Mentions(words)
		bare := bareVersus(words, ms)
		for i, m := range ms {
			// Another function's leader is no one the guide describes
			// ("what does a typical day look like for a director of
			// admissions?"), unless the asker works with them or they act
			// on the asker ("Finance director wants me to cut…").
			if p, ok := r.leader(words, said, m); ok {
				if other == "" && !heldBy(words, p.start) && (!actsOn(words, p.end) || askedOf(words, p.start, p.end)) {
					other = p.name
				}
				continue
			}
			if i+1 < len(ms) && graded(words, m, ms[i+1]) && !r.another(ms, m.Role) {
				return gradedName(m, ms[i+1]), nil
			}
			if r.Described[m.Role] {
				named = true
				continue
			}
			if r.Levels[m.Role] {
				continue
			}
			asked := (about(words, m) || bare || i > 0 && r.apart(words, ms[i-1], m)) && !asker(words, m)
			if asked && (bare || r.pitted(words, ms, i) || becoming(words, beforeDeterminers(words, m.Start))) {
				spoken, err := inText(m.Role)
				if err != nil {
					return "", err
				}
				if !spoken {
					return cmp.Or(other, r.pairName(words, ms, i)), nil
				}
			}
			if other == "" && asked {
				other = r.pairName(words, ms, i)
			}
		}
	}
	if named {
		return "", nil
	}
	return other, nil
}

// pairName names the role mentioned at i, asked about, as a reply does:
// the first of two roles the guide does not describe, one versus the
// other, "CTO" in "CTO vs CEO: who owns the technical strategy?".
func (r Reader) pairName(words []string, ms []Mention, i int) string {
	if i > 0 && !r.Described[ms[i-1].Role] && versus.Any(words[ms[i-1].End:ms[i].Start]) {
		return ms[i-1].Name
	}
	return ms[i].Name
}

// versus set one role against another named after it.
var versus = SetOf("vs versus")

// askedOf reports whether the post named from start to end is what the
// sentence asks about, as anyone holds it: after a question's verb or a
// preposition ("what does a funeral director need?", "what's the day like
// for a choir director?") or before an aspect of it ("athletic director
// responsibilities?"). One the asker works with acts on them: "Finance
// director wants me to cut my budget", "what does the sales VP want from
// engineering?", "what does a director of finance expect from engineering?".
func askedOf(words []string, start, end int) bool {
	i := beforeDeterminers(words, start)
	// "What should a finance director see in my budget?" acts on the
	// asker too.
	if slices.ContainsFunc(words[i+1:start], func(w string) bool { return particular[w] }) ||
		slices.ContainsFunc(words[end:], func(w string) bool { return w == "my" || w == "me" || w == "engineering" }) {
		return false
	}
	return i >= 0 && leaderAsked[words[i]] || end < len(words) && aspects[words[end]]
}

// pitted reports whether the role mentioned at i is set against a role
// the guide describes named beside it: contrasted with the one after ("a
// CTO vs a VP"), set apart from the one before ("VP vs CTO, what's the
// difference?"), or the step up from it ("from VP to CTO"). "Director vs
// tech lead, who drives architecture?" asks who does what the guide
// describes.
func (r Reader) pitted(words []string, ms []Mention, i int) bool {
	if i+1 < len(ms) && r.Described[ms[i+1].Role] && contrasted(words, ms[i], ms[i+1]) {
		return true
	}
	return i > 0 && r.apart(words, ms[i-1], ms[i])
}

// apart reports whether a role is set apart from a described role named
// before it ("how does a VP differ from a CTO?") or stepped up to from
// it ("from VP to CTO"): the question asks about it.
func (r Reader) apart(words []string, before, m Mention) bool {
	return r.Described[before.Role] && (contrasted(words, before, m) && differences.Any(words) || promoted(words, before, m))
}

// promoted reports whether the words step up from one role to the next:
// "from VP to CTO", "from a director to a VP".
func promoted(words []string, from, to Mention) bool {
	i := beforeDeterminers(words, from.Start)
	return i >= 0 && words[i] == "from" && from.End < len(words) && words[from.End] == "to" &&
		beforeDeterminers(words, to.Start) == from.End
}

// another reports whether the mentions name a role the guide describes
// other than role: "what's the difference between director, senior
// director and VP?" asks how the roles differ, which the guide tells.
func (r Reader) another(ms []Mention, role int) bool {
	return slices.ContainsFunc(ms, func(m Mention) bool { return m.Role != role && r.Described[m.Role] })
}

// graded reports whether two names of one role, named side by side, are
// set against each other: "what's the difference between a senior
// director and a director?" asks how a role's grades differ, which a
// guide to the role does not tell, while "I report to a senior director,
// is that normal for a director?" sets nothing against anything. A
// plural is the same name ("how is a director different from other
// directors?").
func graded(words []string, a, b Mention) bool {
	singular := func(m Mention) []string {
		out := slices.Clone(words[m.Start:m.End])
		for i, w := range out {
			out[i] = strings.TrimSuffix(w, "s")
		}
		return out
	}
	return a.Role == b.Role && !slices.Equal(singular(a), singular(b)) && contrasted(words, a, b)
}

// contrasted reports whether two roles named side by side are set
// against each other: "the difference between a CTO and a VP", "a CTO's
// job different from a VP's", "is a head of engineering the same level as
// a director?", "what does a CTO do that a VP doesn't?". "Time between my
// EMs and the VP" sets nothing against anything.
func contrasted(words []string, a, b Mention) bool {
	if i := beforeDeterminers(words, a.Start); i >= 1 && words[i] == "between" && contrasts[words[i-1]] {
		return true
	}
	return denied(words[b.End:]) || slices.ContainsFunc(words[a.End:b.Start], func(w string) bool { return contrasts[w] })
}

// denied reports whether words open with a negated verb: "doesn't", "does
// not", "can't".
func denied(words []string) bool {
	switch {
	case len(words) == 0:
		return false
	case negations[words[0]]:
		return true
	}
	return len(words) > 1 && auxiliaries[words[0]] && (words[1] == "not" || words[1] == "t")
}

// AskedRoles returns the roles the guide describes that a question's
// asking sentences name: "I'm a director. How many reports does a VP
// have?" asks about the VP.
func (r Reader) AskedRoles(asking [][]string) []int {
	var out []int
	for _, words := range asking {
		for _, role := range r.Cast.RolesIn(words) {
			if r.Described[role] && !slices.Contains(out, role) {
				out = append(out, role)
			}
		}
	}
	return out
}

// about reports whether the sentence's words ask about the person
// mentioned: a verb asks about them ("does a CTO", "should an EM"), they
// are compared ("between a staff engineer and"), or their job is asked
// for ("a CPO's responsibilities", "the career ladder for a TPM").
func about(words []string, m Mention) bool {
	i := beforeDeterminers(words, m.Start)
	before := func(set map[string]bool) bool { return i >= 0 && set[words[i]] }
	after := func(at int) bool { return at < len(words) && aspects[words[at]] }
	of := i >= 1 && (words[i] == "of" || words[i] == "for") && aspects[words[i-1]]
	possessive := m.End < len(words) && words[m.End] == "s"
	return before(askingVerbs) || becoming(words, i) && !possessive || step(words, i) || under(words, i) ||
		before(comparing) || of || after(m.End) || possessive && after(m.End+1) || versusAsked(words, m)
}

// under reports whether the word at i places people under the role after
// it, whose span a question then asks: "how many engineers should report
// to a single EM?", "how many engineers are under the engineering
// manager?". "How is reporting to a CTO different…?" asks about the
// asker's own line.
func under(words []string, i int) bool {
	return i >= 0 && (words[i] == "under" || words[i] == "to" && i >= 1 && (words[i-1] == "report" || words[i-1] == "reports"))
}

// bareVersus reports whether a sentence is only roles set against each
// other, which asks how they differ: "cto vs vp", "VP eng versus CTO".
func bareVersus(words []string, ms []Mention) bool {
	if len(ms) < 2 {
		return false
	}
	in := make([]bool, len(words))
	for _, m := range ms {
		for i := m.Start; i < m.End; i++ {
			in[i] = true
		}
	}
	versus := false
	for i, w := range words {
		switch {
		case in[i]:
		case w == "vs" || w == "versus":
			versus = true
		case !bareWords[w]:
			return false
		}
	}
	return versus
}

// versusAsked reports whether "X vs Y" asks about X: the sentence asks
// for the difference ("CTO vs VP, what's the difference?"); "tech lead vs
// director, who drives architecture?" asks who does what the guide
// describes.
func versusAsked(words []string, m Mention) bool {
	if m.End >= len(words) || words[m.End] != "vs" && words[m.End] != "versus" {
		return false
	}
	return differences.Any(words)
}

// beforeDeterminers returns the place of the word before those that
// determine the word at start ("does our new CTO"), -1 at the start.
func beforeDeterminers(words []string, start int) int {
	i := start - 1
	for i >= 0 && start-i <= maxDeterminers && determiners[words[i]] {
		i--
	}
	return i
}

// becoming reports whether the word at i is the asker, or anyone, asking
// to become the role after it: "how do I become an EM?", "how to become a
// CTO". Helping someone else become one is the asker's own job ("help my
// tech lead become an EM"), and one asks to become a role, not its deputy
// ("the CEO's sounding board", checked by the caller).
func becoming(words []string, i int) bool {
	if i < 0 {
		return false
	}
	switch words[i] {
	case "becoming":
		return true
	case "become":
		return i >= 1 && aspirants[words[i-1]]
	case "to":
		// The thesaurus reads "become VP" as "transition to VP": "how do
		// I transition to…", "wanting to transition to…", not "help a
		// tech lead transition to EM".
		return i >= 2 && words[i-1] == "transition" && aspirants[words[i-2]]
	}
	return false
}

// step reports whether the word at i ends a step from one level to the
// role after it: "from senior to staff engineer". "Risks from engineering
// to the CEO" is no step.
func step(words []string, i int) bool {
	if i < 0 || words[i] != "to" {
		return false
	}
	for from := i - 1; from >= 0; from-- {
		if words[from] == "from" {
			return from+1 < i && levels[words[from+1]]
		}
	}
	return false
}

// asker reports whether a question about the person mentioned is the
// asker's own: the person is theirs ("my EMs", "an EM I manage"), the
// asker is one ("I was an EM"), the person is one the asker serves ("does
// the CEO need…"), or the asker or engineering is the object after ("what
// does the CEO expect from me?", "…want from engineering?").
// "What does a CTO do at our company?" is still about the CTO.
func asker(words []string, m Mention) bool {
	if slices.Contains(words[max(0, m.Start-maxDeterminers):m.Start], "my") {
		return true
	}
	if i := beforeDeterminers(words, m.Start); i >= 1 && words[i-1] == "i" && selfVerbs[words[i]] {
		return true
	}
	if m.End < len(words) && (words[m.End] == "i" || words[m.End] == "we" || audience[words[m.End]]) {
		return true
	}
	for i := m.End; i < len(words); i++ {
		if askerObjects[words[i]] || relating[words[i]] && i+1 < len(words) && askerOwn[words[i+1]] {
			return true
		}
	}
	return false
}

// maxDeterminers is how many words may stand between a verb and the
// person it asks about: "does our new CTO".
const maxDeterminers = 3

var (
	// particular make a post someone the asker knows (askedOf).
	particular = SetOf("the our my your their this that his her")
	// leaderAsked ask about the post after them (askedOf).
	leaderAsked = SetOf("does do did is are was can could should would will for of about to")
	askingVerbs = SetOf("does do did should would will can could is are was were must may might")
	// aspirants ask to become a role: "how do I become", "how to become",
	// "can you become".
	aspirants = SetOf("i to you")
	// levels begin a step up to a role: "from senior to staff".
	levels    = SetOf("senior junior mid ic individual engineer developer dev staff principal lead")
	comparing = SetOf("between vs versus than")
	// bareWords may stand beside the roles of a bare "X vs Y"
	// (bareVersus): "cto vs vp of eng".
	bareWords = SetOf("a an the of eng engineering")
	// contrasts set one role against another ("more code than", "similar
	// to").
	contrasts = SetOf("vs versus different differently differ differs difference differences distinction compare compared comparison same equivalent equal than similar")
	// differences ask what sets two roles apart ("diff" is read as
	// "difference" before).
	differences = SetOf("different differently differ differs difference differences distinction")
	// negations are negated verbs as Words splits them ("doesn't"
	// is "doesn", "t"); auxiliaries are negated by a "not" or "t" after
	// them ("does not", "can't").
	negations   = SetOf("doesn don didn isn aren wasn won shouldn wouldn cannot")
	auxiliaries = SetOf("does do did can is are will")
	// selfVerbs after "I" make the asker the role named next: "I'm an
	// EM", "I was a staff engineer".
	selfVerbs   = SetOf("m am was")
	determiners = SetOf("a an the our my your their this that new good typical average underperforming first senior junior staff principal lead single one each every")
	aspects     = SetOf("responsibilities duties job path ladder day week packet")

	// askerObjects are the asker as an object; relating words lead to
	// the asker's own ("from my team", "to engineering").
	askerObjects = SetOf("me us myself ourselves")
	// audience verbs make the person one the asker serves: "does the CEO
	// need the same detail as the VP?" asks what to give them.
	audience = SetOf("need needs want wants expect expects prefer prefers")
	relating = SetOf("from to with for")
	askerOwn = SetOf("my our engineering")
)
