package question

import (
	"slices"
	"strings"
)

// AboutUnit reports whether a question asks a fact of one of the asker's
// company's own teams, or of a post in one, named as only the company
// names it: "who's the director for the payments team?", "how many squads
// does the growth org have?", "did the reorg move observability under
// sarah's org?", "which VP owns mobile now?", "which slack channel do we
// use for sev1s?". A guide to roles holds no such facts, though the
// question shares "director", "team" and "org" with it. A question that
// asks for advice ("what should a director own in the payments org?"), in
// general ("usually"), about a role the guide describes as anyone holds
// it ("is the growth org too big for a director?") or between two of them
// ("does the payments team need a director or a VP?") asks the guide.
// known tells the words the guide uses: a unit is named by one it does
// not ("payments", "growth"), as the company's own teams are. As for
// AboutCompany, only a guide to roles is known to hold no such facts.
func (r Reader) AboutUnit(asking [][]string, known func(string) bool) bool {
	if len(r.Described) == 0 {
		return false
	}
	return slices.ContainsFunc(asking, func(words []string) bool {
		if generalizers.Any(words) || duties.Any(words) || r.anyHolder(words) || r.choice(words) {
			return false
		}
		return r.pickedPost(words, known) || !advice.In(words) && r.unitAsked(words, known)
	})
}

// unitAsked reports whether a sentence asks who holds or runs a unit of
// the company ("who's the director for the payments team?", "who runs the
// ml infra org these days?"), how many it has, when or where its event is,
// or whether it changes ("is the mobile org getting split?", "is the VP
// role on the infra team posted yet?"). Who does some part of the work for a
// team ("who sets technical standards for the backend teams?", "who
// mentors the EMs on the infra team?") or whether a team needs a role
// ("is the frontend team big enough for its own director?") asks the
// guide.
func (r Reader) unitAsked(words []string, known func(string) bool) bool {
	// The asker in the question makes it theirs: "who runs the 1:1s in
	// the payments org, me or my VP?"
	if !r.unitFact(words) || askers.Any(words) || slices.Contains(words, "im") || modals.Any(words) || slices.Contains(words, "normal") {
		return false
	}
	for i := range words {
		if r.unitAt(words, i, known) {
			return true
		}
	}
	return false
}

// unitFact reports whether a sentence asks the kind of fact a unit of
// the company has (unitAsked).
func (r Reader) unitFact(words []string) bool {
	lead := words[:min(len(words), maxLeadWords)]
	for i, w := range lead {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch w {
		case "who", "whom":
			return holderVerbs[next]
		case "when", "where":
			return factVerbs[next]
		case "many":
			return !slices.ContainsFunc(words, func(w string) bool { return w == "can" || w == "need" })
		}
	}
	return len(words) > 0 && yesNo[words[0]] && (changes.Any(words) || (words[0] == "is" || words[0] == "was") && r.postInArea(words))
}

// postInArea reports whether the words name, after the subject, a post of
// the guide's by its area: "the director for infra", "the VP of mobile"
// ("is priya the director for infra or platform?"), not "is the director
// of the growth org hands-on?".
func (r Reader) postInArea(words []string) bool {
	for j := 2; j+2 < len(words); j++ {
		if n := r.describedAt(words, j+1); words[j] == "the" && n > 0 {
			if end := j + 1 + n; end < len(words) && areaPrepositions[words[end]] {
				return true
			}
		}
	}
	return false
}

// unitAt reports whether a unit of the company is named at i: "the
// payments team", "the infra director", "sarah's org", or a post's area
// after it ("the sr director for growth", "the director of mobile").
func (r Reader) unitAt(words []string, i int, known func(string) bool) bool {
	named := func(w string) bool { return !known(w) && !unitFunctionWords[w] }
	switch {
	case words[i] == "the":
		j := i + 1
		for j < len(words) && j-i <= maxUnitWords && !unitFunctionWords[words[j]] && !unitNouns[words[j]] && r.postAt(words, j) == 0 {
			j++
		}
		if j == i+1 || j == len(words) || !slices.ContainsFunc(words[i+1:j], named) {
			return false
		}
		return unitNouns[words[j]] || r.postEnds(words, j)
	case i+2 < len(words) && words[i+1] == "s":
		// "sarah's org"
		return named(words[i]) && unitNouns[words[i+2]]
	case r.describedAt(words, i) > 0:
		// The area ends the sentence: "the director of mobile (now)", not
		// "the director on big calls".
		at := i + r.describedAt(words, i)
		if at+1 >= len(words) || !areaPrepositions[words[at]] {
			return false
		}
		area := words[at+1:]
		end := slices.IndexFunc(area, func(w string) bool { return whereabouts[w] })
		if end < 0 {
			end = len(area)
		}
		// "Or" and "and" join areas: "the director for infra or platform".
		joined := len(slices.DeleteFunc(slices.Clone(area[:end]), func(w string) bool { return w == "or" || w == "and" }))
		return end > 0 && joined <= maxPostAreaWords && slices.ContainsFunc(area[:end], named) &&
			!slices.ContainsFunc(area[:end], func(w string) bool { return unitFunctionWords[w] && w != "or" && w != "and" }) &&
			!slices.ContainsFunc(area[end:], func(w string) bool { return !whereabouts[w] })
	}
	return false
}

// postAt returns how many words the name of a role starting at i takes,
// 0 for none.
func (r Reader) postAt(words []string, i int) int {
	if ms := r.Cast.Mentions(words[i:]); len(ms) > 0 && ms[0].Start == 0 {
		return ms[0].End
	}
	return 0
}

// postEnds reports whether the name of one post the guide describes
// starts at j and ends its phrase: "the payments director", "the infra
// director while she's out", not "the listed director responsibilities"
// or "the classic way directors fail".
func (r Reader) postEnds(words []string, j int) bool {
	n := r.describedAt(words, j)
	if n == 0 {
		return false
	}
	end := j + n
	return !strings.HasSuffix(words[end-1], "s") && (end == len(words) || unitFunctionWords[words[end]] || whereabouts[words[end]])
}

// describedAt returns how many words the name of a role the guide
// describes starting at i takes, 0 for none.
func (r Reader) describedAt(words []string, i int) int {
	if ms := r.Cast.Mentions(words[i:]); len(ms) > 0 && ms[0].Start == 0 && r.Described[ms[0].Role] {
		return ms[0].End
	}
	return 0
}

// pickedPost reports whether a sentence asks which post, team or thing of
// the company does something: "which director owns search?", "which team
// is responsible for the deploy pipeline?", "which VP does the platform
// director report to?", "which form do I fill out?". "Which skills does a
// director need?", "which teams should a director sync with?" and "which
// dashboards do directors review every morning?" ask the guide.
func (r Reader) pickedPost(words []string, known func(string) bool) bool {
	at := slices.Index(words[:min(len(words), maxLeadWords)], "which")
	if at < 0 || modals.Any(words) {
		return false
	}
	i := at + 1
	// One word of the company's may name the thing: "slack channel",
	// "jira board".
	if i+1 < len(words) && !known(words[i]) && !unitFunctionWords[words[i]] && pickNouns[words[i+1]] {
		i++
	}
	switch {
	case i < len(words) && pickNouns[words[i]]:
		i++
	case i < len(words) && r.postAt(words, i) > 0:
		i += r.postAt(words, i)
	default:
		return false
	}
	// "Which orgs report to me once I'm VP?" asks what the asker's post
	// holds.
	return i < len(words) && pickVerbs[words[i]] && !r.rolesInGeneral(words[i:]) &&
		!slices.ContainsFunc(words[i:], func(w string) bool { return w == "me" || w == "my" || w == "myself" })
}

// rolesInGeneral reports whether the words name a role the guide
// describes as roles are spoken of in general: in the plural ("which
// dashboards do directors review?"), as "the VP" ("which group does the
// VP report to?") or as the asker's ("which teams do I sync with as eng
// director?"), not "the platform director".
func (r Reader) rolesInGeneral(words []string) bool {
	return slices.ContainsFunc(r.Cast.Mentions(words), func(m Mention) bool {
		before := words[beforeDeterminers(words, m.Start)+1 : m.Start]
		return r.Described[m.Role] && (strings.HasSuffix(words[m.End-1], "s") || slices.Contains(before, "the") ||
			m.Start > 0 && words[beforeDeterminers(words, m.Start)] == "as")
	})
}

// anyHolder reports whether the words name a role the guide describes as
// anyone holds it: "a director", "one VP", "every EM".
func (r Reader) anyHolder(words []string) bool {
	return slices.ContainsFunc(r.Cast.Mentions(words), func(m Mention) bool {
		return r.Described[m.Role] && m.Start > 0 && anyDeterminers[words[m.Start-1]]
	})
}

// maxUnitWords is how many words may name a unit between "the" and its
// noun: "the ml infra org", "the developer productivity director".
// maxPostAreaWords is how many may name a post's area after it: "the
// director for data platform".
const (
	maxUnitWords     = 3
	maxPostAreaWords = 2
)

var (
	// unitQuestions ask a fact of a unit; yesNo open a question whether.
	unitQuestions = SetOf("who whom which when where many")
	yesNo         = SetOf("is are does do did has have was were will")
	// holderVerbs ask who holds or runs a unit: "who's the director for…",
	// "who runs the ml infra org?".
	holderVerbs = SetOf("is s was runs run leads lead owns own manages heads covers replaced took")
	// changes are what becomes of a unit or of its people: "is the mobile
	// org getting split?", "is there an open position on the data team?".
	changes = SetOf("split splitting moved move moving merged merging posted open yet reorg reorged " +
		"created disbanded announced approved getting replaced")
	// unitNouns name a unit of a company.
	unitNouns = SetOf("team teams org orgs organization squad squads group groups side service services app pod pods tribe line department division")
	// unitFunctionWords name no unit: "the new team", "the whole org".
	unitFunctionWords = SetOf("a an the our my your their his her its this that these those of for in on at to with from and or " +
		"vs new old whole entire same other current next last first own s who what which how when where why whose " +
		"one two some any all every each no not if then than so but as by about into out up down off over under again " +
		"is am are be been being was were do does did has have had can will just very too also there here it they them we i you he she " +
		"me myself us him yourself ourselves " +
		"while during because after before until since across between among within without through per via " +
		"various several many multiple different individual respective both most certain")
	// duties ask what a post's job is, which the guide says: "is running
	// the postmortem my job or the SRE team's?"; a question of "the
	// guide" asks it.
	duties = SetOf("job jobs responsibility responsibilities duty duties supposed expected guide")
	// areaPrepositions put a post in its area: "the director for growth".
	areaPrepositions = SetOf("for over of on")
	// pickNouns are the company's people, teams and things a question
	// picks among (pickedPost).
	pickNouns = SetOf("team teams org orgs squad squads group groups channel channels form forms vendor vendors tool tools " +
		"dashboard dashboards board boards scale template templates calendar doc docs wiki")
	// pickVerbs say what the one picked does.
	pickVerbs = SetOf("owns own has have runs run leads lead handles handle covers cover is are does do did sits sit " +
		"partners reports report manages manage took tracks track uses use")
	// modals ask what should be, which the guide may say.
	modals = SetOf("should would could ought")
	// anyDeterminers make a role anyone's: "a director", "each VP".
	anyDeterminers = SetOf("a an one each every any")
)
