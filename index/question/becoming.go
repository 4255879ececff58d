package question

import "slices"

// Becomes returns the roles a question asks how to become, be ready for
// or be hired into: "how long does it take to become a director?", "is
// she director ready?", "ready for VP?", "how many years of experience
// should I require for a director?". A guide's path to its next role
// (content.Path) answers how to become that role, not another. Words are
// the question's own, not the thesaurus's reading ("get ready for" is
// "key actions" there). A role already held ("I was promoted to
// director, …"), one to be done well ("become a good director"), one
// others are grown into ("help my EMs step up to director") and a person
// ("prepare for my director's visit", "before the director announces
// it") are not asked for.
func (c Cast) Becomes(words []string) []int {
	var roles []int
	for _, m := range c.Mentions(words) {
		at := beforeDeterminers(words, m.Start) + 1
		before := words[:at]
		after := words[m.End:]
		// A role before "to" does something ("what's needed for a
		// director to get to VP?", "directors ready to lead teams"), and
		// so does one that moves ("before a director becomes a VP") or
		// owns ("my director's visit").
		if len(after) > 0 && (after[0] == "to" || after[0] == "s" || movesOn[after[0]]) || len(after) > 1 && readiness[after[0]] && after[1] == "to" {
			continue
		}
		determined := words[at:m.Start]
		if slices.ContainsFunc(determined, func(w string) bool { return judgements[w] || possessives[w] }) {
			continue
		}
		n := becomingLen(before)
		lead, phrase := before[:len(before)-n], before[len(before)-n:]
		// "Before" and "until" a role with its article are a person's
		// time: "before the director announces it"; "before director" is
		// the role's.
		if n > 0 && (untilRole[phrase[0]] && len(determined) > 0 || held(lead, phrase) || grown(lead) || unwished(lead, phrase)) {
			continue
		}
		if n > 0 || len(after) > 0 && readiness[after[0]] || fromTo(before) {
			roles = append(roles, m.Role)
		}
	}
	slices.Sort(roles)
	return slices.Compact(roles)
}

// becomingLen returns the length of the phrasing of becoming (toBecome)
// that the words end with, or 0.
func becomingLen(words []string) int {
	for _, p := range toBecome {
		if len(words) >= len(p) && slices.Equal(words[len(words)-len(p):], p) {
			return len(p)
		}
	}
	return 0
}

// held reports whether the words before a promotion tell it happened:
// "I was promoted to", "just got promoted to"; "I was passed over for"
// and "how do I finally become" did not.
func held(before, phrase []string) bool {
	return phrase[0] == "promoted" && len(before) > 0 && happened[before[len(before)-1]]
}

// unwished reports whether a wish to be the role is not the asker's, or
// is denied: "I don't want to be a director", "my report says they want
// to be a director"; not "I want to be a director".
func unwished(before, phrase []string) bool {
	return wishes[phrase[0]] && len(before) > 0 && notWishing[before[len(before)-1]]
}

// grown reports whether the words before a phrasing of becoming grow
// people of the asker's into the role: "help my EMs step up to",
// "prepare my managers to be ready for"; not "help my manager see I'm
// ready for".
func grown(before []string) bool {
	for i := 0; i+2 < len(before); i++ {
		if developing[before[i]] && (before[i+1] == "my" || before[i+1] == "our") && grownPeople[before[i+2]] {
			return true
		}
	}
	return false
}

var (
	// toBecome stand before the role one becomes, its articles apart:
	// "become a", "promoted to the".
	toBecome = NewPhrasings("become", "becoming", "promoted to", "promotion to", "promote to", "ready for",
		"ready to be", "step up to", "move up to", "moving up to", "move into", "moving into", "make it to", "path to",
		"route to", "jump to", "require for", "required for", "requirements for", "requirement for", "qualifications for",
		"experience for", "needed for", "hire as", "hired as", "hiring as", "level up to", "get to", "considered for",
		"aiming for", "aim for", "go for", "going for", "shot at", "on track for", "transition to", "transitioning to",
		"go straight to", "make me", "case for", "passed over for", "promo to", "prepare for", "preparing for",
		"gunning for", "shooting for", "before", "until", "till", "timeline to", "becomes", "grow into", "growing into",
		"need for", "want to be", "wanna be", "hoping to be", "hope to be", "of experience does",
		"of experience do", "of experience should", "much experience does", "much experience do",
		"much experience should")
	// readiness follows the role one is ready for: "director ready",
	// "VP readiness".
	readiness = SetOf("ready readiness material")
	// wishes open the phrasings of becoming that wish it: "want to be".
	wishes = SetOf("want wanna hoping hope")
	// notWishing stand before a wish that is someone else's or denied:
	// "they want to be", "don't want to be".
	notWishing = SetOf("t dont not never they he she who")
	// happened stand before a promotion that happened: "was promoted
	// to".
	happened = SetOf("was were got been just recently")
	// untilRole are the phrasings of becoming that are a person's time
	// when an article comes before the role.
	untilRole = SetOf("before until till")
	// grownPeople are the asker's people grown into a role (grown).
	grownPeople = SetOf("ems managers reports leads engineers people team directs staff")
	// movesOn are what a role that moves on does: "a director becomes".
	movesOn = SetOf("becomes gets moves makes steps transitions goes")
	// developing are what the asker does to grow others (grown).
	developing = SetOf("help helping prepare preparing develop developing coach coaching mentor mentoring groom grooming")
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

// MovesTo returns the roles a question moves to from another it names
// before: right after it ("director to VP?"), from it ("go from director
// to senior director"), or by a word of moving ("as a director, how do I
// get promoted to VP?"). "Compared to the VP", "escalate to a senior
// director" and "reports to a VP" move nowhere.
func (c Cast) MovesTo(words []string) []int {
	var roles []int
	mentions := c.Mentions(words)
	for k, m := range mentions {
		i := beforeDeterminers(words, m.Start)
		if k == 0 || i < 1 || words[i] != "to" {
			continue
		}
		prev := mentions[k-1]
		from := beforeDeterminers(words, prev.Start)
		if prev.End == i || from >= 0 && words[from] == "from" && i-prev.End <= 2 || moving[words[i-1]] {
			roles = append(roles, m.Role)
		}
	}
	return roles
}

// moving are the words before a "to" that move to the role after it.
var moving = SetOf("promoted promotion promote step move moving moved jump go going get getting up advance transition transitioning grow growing")
