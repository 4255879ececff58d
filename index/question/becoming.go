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
		if toBecome.Ends(before) || len(after) > 0 && readiness[after[0]] {
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
		"grow into", "growing into")
	// readiness follows the role one is ready for: "director ready",
	// "VP readiness".
	readiness = SetOf("ready readiness material")
)
