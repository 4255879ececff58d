package question

import "slices"

// Becomes returns the roles a question asks how to become, be ready for
// or be hired into: "how long does it take to become a director?", "is
// she director ready?", "ready for VP?", "how many years of experience
// should I require for a director?". A guide's path to its next role
// (content.Path) answers how to become that role, not another.
func (c Cast) Becomes(words []string) []int {
	var roles []int
	for _, m := range c.Mentions(words) {
		before := words[:beforeDeterminers(words, m.Start)+1]
		after := words[m.End:]
		// A role before "to" does something ("what's needed for a
		// director to get to VP?", "directors ready to lead teams").
		if len(after) > 0 && after[0] == "to" || len(after) > 1 && readiness[after[0]] && after[1] == "to" {
			continue
		}
		if toBecome.Ends(before) || len(after) > 0 && readiness[after[0]] || fromTo(before) {
			roles = append(roles, m.Role)
		}
	}
	slices.Sort(roles)
	return slices.Compact(roles)
}

var (
	// toBecome stand before the role one becomes, its articles apart:
	// "become a", "promoted to the".
	toBecome = NewPhrasings("become", "becoming", "promoted to", "promotion to", "promote to", "ready for",
		"ready to be", "step up to", "move up to", "moving up to", "move into", "moving into", "make it to", "path to",
		"route to", "jump to", "require for", "required for", "requirements for", "requirement for", "qualifications for",
		"experience for", "needed for", "hire as", "hired as", "hiring as", "level up to", "get to", "considered for",
		"aiming for", "aim for", "go for", "going for", "shot at", "on track for", "transition to", "transitioning to",
		"grow into", "growing into", "go straight to", "make me", "case for", "passed over for", "promo to")
	// readiness follows the role one is ready for: "director ready",
	// "VP readiness".
	readiness = SetOf("ready readiness material")
)

// fromTo reports whether the words before a role step to it from a
// level: "from manager to", "from IC to", "from tech lead to". "Risks
// from engineering to the CEO" steps nowhere.
func fromTo(before []string) bool {
	n := len(before)
	if n < 3 || before[n-1] != "to" {
		return false
	}
	for i := n - 2; i >= max(0, n-4); i-- {
		if before[i] == "from" {
			return slices.ContainsFunc(before[i+1:n-1], func(w string) bool { return levels[w] || managers[w] })
		}
	}
	return false
}

// managers are the words of a level that manages: "from manager to".
var managers = SetOf("manager managers em ems mgr sr")

// AsksWay reports whether words ask the way to a role rather than what
// it is once there: "how do I get promoted to director?", "how long from
// EM to director?", "what should I do to become a director?", "can I
// skip senior manager?"; not "what changes when you become a director?"
// or "what skills does a director need?".
func AsksWay(words []string) bool { return ways.In(words) }

// ways are the words that ask the way to a role (AsksWay).
var ways = NewPhrasings("how do i", "how can i", "how should i", "how would i", "how to", "how does one", "how do you",
	"how long", "how many years", "how many promo", "how many promotion", "how many cycles", "what should i do",
	"what do i need to do", "what do i have to do", "make the case", "skip", "go straight")
