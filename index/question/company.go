package question

import (
	"slices"
	"strings"

	"github.com/directorbot/directorbot/index/spelling"
)

// AboutCompany reports whether a question asks for a fact of the asker's
// own company, which a guide to the roles cannot hold: who holds a post
// there ("who's the VP here?"), who sits on one of its bodies ("who's on
// the hiring committee?"), when its next, last or own event is ("when's
// the next promo cycle?", "when did our last reorg happen?", "when is our
// review cycle?"), where its event is ("where's the offsite?"), who or
// when at a moment ("who is on call this week?"), how many it has ("how
// many engineers do we have?") or what time its event is. A question that
// is general ("usually", "per director"), names a role the guide describes
// ("when should a director go for VP this year?"), offers a choice between
// them ("director or VP?") or asks more ("…, and what should a director
// prepare?") asks the guide. Only a guide to roles (its headings name
// some, as for AboutOthers) is known to hold no such facts: a company's
// own handbook may say who the onboarding buddy is.
//
// A question that ends by placing itself at the company asks its fact
// too (placed), and so do one dated to its calendar (dated), whether its
// people come or go (moving), which of its own (picked), where to find
// its papers (located), whether it has or hires a post (staffed), who
// does something here (holdsHere) and how many reports one of its posts
// has (postCounts), each with its own exceptions. Alone tells that the
// message is the one sentence asked: after a story, "here" is the story
// ("… what would a VP do here?").
func (r Reader) AboutCompany(asking [][]string, alone bool) bool {
	if len(r.Described) == 0 {
		return false
	}
	return slices.ContainsFunc(asking, func(words []string) bool {
		words = meantHere(words)
		if r.placed(words, alone) || r.dated(words) || r.moving(words) || r.picked(words) || located(words) || r.staffed(words) ||
			r.ownPost(words) || r.ours(words) || r.mindOf(words) {
			return true
		}
		at := factAt(words)
		if at < 0 || generalizers.Any(words) {
			return false
		}
		rest := words[at+1:]
		switch words[at] {
		case "many", "size":
			// "How many engineers do we have here?" ("size": the thesaurus
			// reads "how many engineers" as the size of an org).
			return ourCounts.In(rest) && !haveTo.In(rest) && !r.NamesDescribed(words) || r.postCounts(rest)
		case "time", "day":
			// "What time is my interview?", "what time does the all-hands
			// start?", "what day is the weekly directors sync?", not "what
			// time is spent on hiring?"
			return at > 0 && words[at-1] == "what" && len(rest) > 1 && factVerbs[rest[0]] &&
				(mine[rest[1]] || leads(rest[1:], events) && !r.NamesDescribed(words))
		}
		if len(rest) == 0 {
			return false
		}
		if !factVerbs[rest[0]] {
			return words[at] == "who" && r.holdsHere(rest)
		}
		verb := rest[0]
		rest = rest[1:]
		switch {
		case r.holder(rest, alone):
			return true
		case r.choice(rest) || followUps.Any(rest):
			return false
		case moments.In(rest):
			// "Who is on call this week?"
			return !r.NamesDescribed(rest)
		case words[at] == "when":
			// "When is the next promo cycle?", "when's our review cycle?",
			// "when is the all-hands?" "When's the next sync for a
			// director?" asks the guide.
			i := slices.Index(rest, "next")
			return i >= 0 && (leads(rest[i+1:], events) || leads(rest[i+1:], guideEvents)) && !r.anyHolder(rest) || lastEvents.In(rest) ||
				len(rest) > 1 && rest[0] == "our" && (leads(rest[1:], events) || leads(rest[1:], guideEvents)) ||
				len(rest) > 1 && rest[0] == "the" && dated(rest[1:]) && !r.NamesDescribed(rest)
		case words[at] == "where":
			// "Where's the (next) offsite?", "where is the org chart?": a
			// guide to roles holds no venue and no company's papers.
			return leads(rest[slices.Index(rest, "next")+1:], events) || copulas[verb] && paper(rest)
		}
		return r.member(rest)
	})
}

// placed reports whether a sentence asks what something is, which one or
// how many at the asker's company, and ends by placing itself there:
// "what's the EM career ladder at our company?", "what's the severity
// scale for incidents here?" (alone). Asked for advice ("what should I
// work on here?", "what would a VP do here?") or in general ("how many
// teams does a director usually have here?") it asks the guide, and so
// does a bare "here" with a role the guide describes ("how many hours
// does a director spend in 1:1s here?"). Who it is asks the company's
// fact only said outright ("who is the best EM in our company?"): "who
// is supposed to set technical standards here?" asks the guide.
func (r Reader) placed(words []string, alone bool) bool {
	if advice.In(words) || generalizers.Any(words) {
		return false
	}
	lead := words[:min(len(words), maxLeadWords)]
	if atCompany.Ends(words) {
		return whatWords.Any(lead) || slices.Contains(lead, "who")
	}
	return alone && len(words) > 0 && words[len(words)-1] == "here" && !r.NamesDescribed(words) && whatWords.Any(lead)
}

// dated reports whether a sentence asks what, which, how many, who or
// when at a moment of the company's calendar: "what's the headcount
// budget for my team next year?", "how many directors does our VP have
// right now?", "when does budget planning kick off this year?". Asked
// for advice ("what should a director focus on this quarter?"), in
// general, or about the asker ("what are my priorities this quarter?",
// "how many reports is too many for me right now?") it asks the guide,
// and so does one that names a role the guide describes, unless it names
// a unit or a post of the company ("our VP", "our org"): "when is the
// right time to go for VP, this year?", "who decides headcount this year,
// the director or the VP?", "who approves offers right now at most
// companies?" (industry).
func (r Reader) dated(words []string) bool {
	if !datedWords.Any(words[:min(len(words), maxLeadWords)]) || !calendar.In(words) ||
		advice.In(words) || generalizers.Any(words) || industry.In(words) || askers.Any(words) {
		return false
	}
	ms := r.Cast.Mentions(words)
	post := func(i int) bool { return slices.ContainsFunc(ms, func(m Mention) bool { return m.Start == i }) }
	ours := false
	for i, w := range words {
		if !owned[w] {
			continue
		}
		// "My" is the asker's own but for a unit or a post of the
		// company: "my team", "my VP".
		unit := i+1 < len(words) && (units[words[i+1]] || post(i+1))
		if w == "my" && !unit {
			return false
		}
		ours = ours || unit
	}
	return ours || !r.NamesDescribed(words)
}

// moving reports whether a sentence asks whether or when a post of the
// company comes or goes: "is our senior director leaving?", "when does
// the new VP start?", "did my VP resign this week?". "What should I do
// when my VP is leaving?" asks for advice, and "is my VP leaving a bad
// sign for my promotion?" asks what it means.
func (r Reader) moving(words []string) bool {
	if len(words) == 0 || !movesAsked[words[0]] || advice.In(words) {
		return false
	}
	at := slices.IndexFunc(words, func(w string) bool { return moves[w] })
	if at < 0 || slices.ContainsFunc(words[at+1:], func(w string) bool { return !whereabouts[w] && !whens[w] }) {
		return false
	}
	return slices.ContainsFunc(r.Cast.Mentions(words), func(m Mention) bool {
		before := words[beforeDeterminers(words, m.Start)+1 : m.Start]
		// "The new VP" is the company's; "a new director" anyone.
		return owned.Any(before) || slices.Contains(before, "the") && slices.Contains(before, "new")
	})
}

// picked reports whether a sentence asks which or who of the company's
// own people: "which of our directors has the most attrition?". Asked for
// advice ("which of our teams should I visit first?"), in general ("who
// in our org usually runs…") or as a choice between roles the guide
// describes ("…, a director or VP?") it asks the guide, and so does one
// that picks something else ("which of our metrics matter most for a
// director?").
func (r Reader) picked(words []string) bool {
	lead := words[:min(len(words), maxLeadWords+3)]
	for i := range lead {
		n := ourPicks.StartAt(words, i)
		if n == 0 {
			continue
		}
		people := i+n < len(words) && (r.Cast.StartsName(words[i+n]) || units[words[i+n]] || staff[words[i+n]])
		return people && !advice.In(words) && !generalizers.Any(words) && !r.choice(words)
	}
	return false
}

// ownPost reports whether a sentence asks what one of the company's own
// posts, or the company, does, has or is on an occasion of its calendar,
// or by now, or did: "how many hours does our VP spend with the board this
// quarter?", "will my director be at the offsite tomorrow?", "has our
// director filled the EM role yet?", "did my director see my message
// about the outage?" (not what it never did: lacks); or how many report to one: "how many
// directors report to our VP?". Without an occasion, what "our VP" or "my
// director" does is the role's, which the guide says ("does our director
// handle perf reviews?"), and so is what a post does "these days" ("do
// our directors still code these days?"), what the asker's own boss is
// and how many report to them, as in postCounts ("who is my VP
// accountable to?", "how many managers does my VP have?"), and whom a
// post reports to ("who is our VP accountable to?"). A sentence
// that names a role as anyone holds it ("…that a director doesn't?"),
// asks for advice, in general ("usually"), what a post must or is
// supposed to do ("does my director have to approve every offer?"), as a
// measure ("too", "enough", "ready"), against another role ("…compared
// to a VP?"), about the asker ("does our VP think I'm ready?"), between
// roles or why ("why is our VP in meetings all day today?") asks the
// guide.
func (r Reader) ownPost(words []string) bool {
	if len(words) == 0 || !r.postAsked(words) {
		return false
	}
	return !slices.Contains(words[:min(len(words), maxLeadWords)], "why") && !advice.In(words) &&
		!generalizers.Any(words) && !modals.Any(words) && !duties.Any(words) && !musts.In(words) && !measured(words) &&
		!r.weighed(words) && !askers.Any(words) && !r.choice(words) && !r.anyHolder(words)
}

// postAsked reports whether a sentence counts the reports of "our" post,
// or asks what a post of the company's does, has or is on an occasion
// (ownPost).
func (r Reader) postAsked(words []string) bool {
	if to := reportsTo(words); to >= 0 {
		return to+1 < len(words) && words[to] == "our" && r.companyPostAt(words, to+1)
	}
	occasion := moments.In(words) && !nows.In(words) || slices.Contains(words, "yet") || words[0] == "did" && !lacks.Any(words)
	if !occasion || linesUp.In(words) {
		return false
	}
	for i := 0; i+2 < len(words); i++ {
		mine := words[i+1] == "my" && !copulas[words[i]] && !slices.Contains(words, "many")
		if postVerbs[words[i]] && (words[i+1] == "our" || mine) && r.companyPostAt(words, i+2) {
			return true
		}
	}
	return false
}

// mindOf reports whether a sentence asks what one of the asker's own
// people thinks, feels or said: "what does my manager think of me?",
// "what did our VP say at the offsite?", "how does my skip feel about my
// promo case?". Only they can tell. Whether they think the asker ready
// ("does our VP think I'm ready?") asks the guide's indicators, and what
// they think of a role the guide describes, or expect of one, asks the
// role's: "what does my VP think a director should own?".
func (r Reader) mindOf(words []string) bool {
	if len(words) < 4 || (words[0] != "what" && words[0] != "how") || !mindAuxiliaries[words[1]] ||
		words[2] != "my" && words[2] != "our" {
		return false
	}
	verbs := minds
	if words[0] == "how" {
		// "How does my director say no?" asks how a post does something.
		verbs = views
	}
	for j := 3; j < len(words) && j <= 5; j++ {
		if verbs[words[j]] {
			return (r.companyPostAt(words, 3) || contacts.StartAt(words, 3) > 0) && !r.NamesDescribed(words[j+1:])
		}
	}
	return false
}

// measured reports whether a sentence asks for a measure ("too busy",
// "big enough", "ready"); a last "too" is "also": "is our director at the
// offsite tomorrow too?".
func measured(words []string) bool {
	last := len(words) - 1
	return last >= 0 && (measures.Any(words[:last]) || words[last] != "too" && measures[words[last]])
}

// companyPostAt reports whether a post, or the company, is named at j
// or, after a word of its own, at j+1: "our checkout director".
func (r Reader) companyPostAt(words []string, j int) bool {
	for k := j; k <= j+1 && k < len(words); k++ {
		if r.postAt(words, k) > 0 || words[k] == "company" {
			return true
		}
	}
	return false
}

// ours reports whether a sentence asks what one of the company's own
// things is, or what it did: "what's our eng tooling budget?", "what are
// our KPIs this quarter?", "did we decide to build or buy?". A sentence
// that names a role the guide describes asks the guide ("what's our path
// to VP?", "what are our directors measured on?", "did we promote an EM
// to director too early?"), and so do advice and what our job or role is
// ("what's our job in a reorg?").
func (r Reader) ours(words []string) bool {
	at := whatOpens(words, ourVerbs)
	our := at > 0 && at < len(words) && words[at] == "our"
	asked := our || len(words) > 1 && words[0] == "did" && words[1] == "we"
	// The company's own occasion is its fact, whichever roles it is for:
	// "what's our promo cycle for director to VP?"
	event := our && leads(words[at+1:], events)
	return asked && !advice.In(words) && !duties.Any(words) && !slices.Contains(words, "role") && (event || !r.NamesDescribed(words))
}

// weighed reports whether a sentence weighs something against a role the
// guide describes: "…compared to a VP?", not "strategy vs execution".
func (r Reader) weighed(words []string) bool {
	at := slices.IndexFunc(words, func(w string) bool { return comparers[w] })
	return at >= 0 && r.NamesDescribed(words[at+1:])
}

// reportsTo returns where the post begins in "how many … report
// (directly) to …", or -1 when the sentence counts no reports.
func reportsTo(words []string) int {
	at := slices.Index(words, "report")
	if at <= 0 || !slices.Contains(words[:at], "many") {
		return -1
	}
	for k := at + 1; k < len(words) && k <= at+2; k++ {
		if words[k] == "to" || words[k] == "into" {
			return k + 1
		}
	}
	return -1
}

// postCounts reports whether the words after "how many" count what one
// of the company's posts has: "direct reports does our VP of eng have?",
// "directors report to our VP?", "direct reports of our VP?".
// The asker's own boss ("how many managers does my VP have?") may stand
// for the role, and "how many EMs should our director have?" asks the
// guide.
func (r Reader) postCounts(rest []string) bool {
	if len(rest) < 3 || advice.In(rest) || modals.Any(rest) {
		return false
	}
	at := slices.Index(rest, "our")
	if at < 1 || rest[len(rest)-1] != "have" && rest[at-1] != "of" && rest[at-1] != "to" {
		return false
	}
	return at+1 < len(rest) && r.postAt(rest, at+1) > 0 && !slices.Contains(rest, "role")
}

// holdsHere reports whether the words after "who" ask who does something
// at the company: "approves headcount here". Who is supposed to, or is
// expected to ("who is supposed to set technical standards here?"), asks
// the guide, and so does a question of roles ("who owns the budget here,
// a director?"). "Now" is no place: "I just became a director; who
// approves architecture now?" asks what changed.
func (r Reader) holdsHere(rest []string) bool {
	return len(rest) > 1 && holdsVerbs[rest[0]] && rest[len(rest)-1] == "here" &&
		!duties.Any(rest) && !advice.In(rest) && !generalizers.Any(rest) && !r.NamesDescribed(rest)
}

// factAt returns where the first word that asks for a fact stands among
// a sentence's first words, -1 for none: "time" and "day" ask only after
// "what" ("what day is our sync?"; "on day one, who's our VP?" asks who).
func factAt(words []string) int {
	for i, w := range words[:min(len(words), maxLeadWords)] {
		if factWords[w] && (w != "time" && w != "day" || i > 0 && words[i-1] == "what") {
			return i
		}
	}
	return -1
}

// located reports whether a sentence asks where the asker finds, sees or
// hands in one of the company's papers: "where can I find the eng
// ladder?", "where do I submit a build-vs-buy proposal?". A guide to roles
// places nothing; "where do I find time for strategy?", "where can I get
// more exec exposure?" and "where do I see the biggest difference between
// a director and a VP?" ask it.
func located(words []string) bool {
	at := slices.Index(words[:min(len(words), maxLeadWords)], "where")
	if at < 0 {
		return false
	}
	n := findings.StartAt(words, at+1)
	rest := words[at+1+n:]
	// The company's paper is one in particular: "the eng ladder", "our
	// runbook", not "docs on what a VP does".
	return n > 0 && len(rest) > 1 && (rest[0] == "the" || owned[rest[0]]) && filed.Any(rest[1:min(len(rest), maxNameWords+2)])
}

// staffed reports whether a sentence asks whether the company has, or
// hires, a post: "are we hiring a VP of infrastructure?", "does our
// company have a VP of platform?". The post ends the question, but for
// its area: "are we hiring a director too early?" and "do we have a
// director-level org?" ask the guide.
func (r Reader) staffed(words []string) bool {
	for i := range words[:min(len(words), maxLeadWords)] {
		n := staffing.StartAt(words, i)
		if n == 0 {
			continue
		}
		at := i + n
		for at < len(words) && at-i-n < maxDeterminers && determiners[words[at]] {
			at++
		}
		post := r.postAt(words, at)
		if post == 0 {
			continue
		}
		rest := words[at+post:]
		if len(rest) > 0 && areaPrepositions[rest[0]] {
			rest = rest[min(len(rest), 2):]
		}
		return !slices.ContainsFunc(rest, func(w string) bool { return !whereabouts[w] && !whens[w] })
	}
	return false
}

// member reports whether the words after "who is" ask who sits on one of
// the company's bodies: "on the hiring committee", "on the leadership team
// here". A team or board is the company's only when the words say so
// ("our board", "here"): "who is in board meetings more?" asks the guide.
func (r Reader) member(words []string) bool {
	if len(words) == 0 || words[0] != "on" && words[0] != "in" {
		return false
	}
	ours := oursWords.Any(words)
	return leads(words[1:], bodies) || ours && leads(words[1:], groups)
}

// paper reports whether the words after "where is" name one of the
// company's documents and end there: "the org chart", "our eng ladder
// doc here", not "the line between a director and a VP" or "the org
// chart compared to a director".
func paper(words []string) bool {
	if len(words) < 2 || !owned[words[0]] && words[0] != "the" {
		return false
	}
	at := slices.IndexFunc(words[1:min(len(words), maxNameWords+2)], func(w string) bool { return papers[w] })
	return at >= 0 && !slices.ContainsFunc(words[at+2:], func(w string) bool { return !whereabouts[w] && !papers[w] })
}

// maxLeadWords is how far into a sentence its question word may stand:
// "hey, quick one: when's …".
const maxLeadWords = 4

// leads reports whether one of the first few words is in the set: "the
// next promo committee meeting", "on the hiring committee".
func leads(words []string, set Set) bool {
	return set.Any(words[:min(len(words), maxNameWords)])
}

// dated reports whether the words after "when is the" name an event of the
// company's calendar and ask its date: the event ends the sentence, or
// only words of time follow it ("all-hands", "reorg happening", "offsite
// next month"), not what it should be ("the sync with my manager
// useful?", "the meeting too big?").
func dated(words []string) bool {
	for i, w := range words[:min(len(words), maxNameWords)] {
		if events[w] {
			return !slices.ContainsFunc(words[i+1:], func(t string) bool { return !whens[t] && !eventTimes[t] })
		}
	}
	return false
}

// maxNameWords is how many words may stand before the one that names an
// event or a body.
const maxNameWords = 3

// holder reports whether the words after "who is" name a post of the
// asker's company: "the VP here", "our VP", "the current VP of
// engineering right now", "the director of platform here", "the
// escalation director this week", "the VP of payments at Ledgerline", or
// the asker's own boss ("my VP", "my skip-level") in a message that asks
// nothing else (alone). "Who is the VP?" asks what a VP is, "who's the
// director in the org?" where one stands, "who is our VP accountable
// to?" the guide, and so does "who is my VP? I'm new and want to know
// what a VP expects".
func (r Reader) holder(words []string, alone bool) bool {
	i := 0
	for i < len(words) && i < maxDeterminers && (determiners[words[i]] || words[i] == "current") {
		i++
	}
	end := contacts.StartAt(words, i)
	if ms := r.Cast.Mentions(words[i:]); len(ms) > 0 && (ms[0].Start == 0 || i > 0 && postModifiers(words[i:i+ms[0].Start])) {
		end = ms[0].End
	}
	if end == 0 {
		return false
	}
	// The post may be named after "and": "who's our VP and how do I get
	// on their calendar?".
	where := words[i+end:]
	if and := slices.Index(where, "and"); and >= 0 {
		where = where[:and]
	}
	afterArea := postArea(where)
	led := len(afterArea) < len(where)
	where, timed := withoutCalendar(afterArea)
	mine := alone && slices.Contains(words[:i], "my") && len(where) == 0
	// After the post's area, "at" and a name name the employer: "the VP
	// of payments at Ledgerline", not "the director of platform at scale"
	// or "at startups", a common word or a kind of company.
	employer := led && len(where) == 2 && where[0] == "at" && !whereabouts[where[1]] && !areaStops[where[1]] &&
		!spelling.Common(where[1]) && !strings.HasSuffix(where[1], "s")
	return (mine || timed || employer || oursWords.Any(slices.Concat(words[:i], where))) &&
		(employer || !slices.ContainsFunc(where, func(w string) bool { return !whereabouts[w] }))
}

// postModifiers reports whether the words before a post, after its
// determiner, only name which post it is: "escalation" in "the
// escalation director", at most maxNameWords of them.
func postModifiers(words []string) bool {
	return len(words) <= maxNameWords && !slices.ContainsFunc(words, func(w string) bool { return areaStops[w] || whereabouts[w] })
}

// postArea returns the words after a post without the area it leads, "of"
// or "for" and up to maxAreaWords words: "of payments" in "the VP of
// payments here".
func postArea(words []string) []string {
	if len(words) == 0 || words[0] != "of" && words[0] != "for" {
		return words
	}
	n := 1
	for n < len(words) && n <= maxAreaWords && !areaStops[words[n]] && !whereabouts[words[n]] && calendar.StartAt(words, n) == 0 {
		n++
	}
	if n == 1 {
		return words
	}
	return words[n:]
}

// withoutCalendar returns the words without the phrasings of the
// company's calendar they hold ("this week"), and whether they held one.
func withoutCalendar(words []string) ([]string, bool) {
	var out []string
	held := false
	for k := 0; k < len(words); {
		if n := calendar.StartAt(words, k); n > 0 {
			k, held = k+n, true
			continue
		}
		out = append(out, words[k])
		k++
	}
	return out, held
}

// ChoosesRole reports whether a sentence that asks offers a choice
// between roles the guide describes: "is adopting istio a call the
// director makes or the VP?" asks which role decides, which the guide
// says, whatever it decides about.
func (r Reader) ChoosesRole(asking [][]string) bool { return slices.ContainsFunc(asking, r.choice) }

// choice reports whether the words offer a choice between roles the guide
// describes: "director or VP".
func (r Reader) choice(words []string) bool {
	ms := r.Cast.Mentions(words)
	for i := 1; i < len(ms); i++ {
		between := words[ms[i-1].End:ms[i].Start]
		if r.Described[ms[i-1].Role] && r.Described[ms[i].Role] && slices.Contains(between, "or") {
			return true
		}
	}
	return false
}

var (
	// factWords ask for a fact: "who", "when", "where", "how many" (or
	// "size", as the thesaurus reads "how many engineers"), "what time".
	factWords = SetOf("who when where many size time day")
	// factVerbs follow the question word of a question of fact: "who's",
	// "when does", "who sits on".
	factVerbs = SetOf("is s are was does do did sits sit serves")
	// generalizers make a count the guide's: "how many engineers do we
	// have per director, usually?"
	generalizers = SetOf("usually typically normally generally per average typical")
	// mine are the words of the asker's own day: "what time is my
	// interview tomorrow?"
	mine = SetOf("my our here today tomorrow tonight")
	// haveTo is no count: "how many hours do we have to spend?"; lastEvents
	// date the company's past.
	haveTo     = NewPhrasings("have to")
	lastEvents = NewPhrasings("our last", "we last")
	// ourCounts count the company's own: "how many engineers do we have?"
	ourCounts = NewPhrasings("do we have", "did we have", "are on our", "are in our", "does our company have",
		"does our org have", "does our eng org have", "does our engineering org have", "does our team have",
		"are there here", "work here", "are here")
	// events are the company's occasions; the guide's own ("reviews",
	// "debriefs") are not.
	events = SetOf("meeting meetings cycle cycles hands committee offsite deadline reorg reorgs sync syncs standup")
	// guideEvents are the guide's own occasions, the company's when a
	// question dates its own: "when is our review cycle?" (the thesaurus
	// reads "review cycle" as "performance reviews").
	guideEvents = SetOf("reviews review calibration calibrations")
	// papers are the company's documents: "where's the org chart?";
	// copulas ask where one is, not where it fits ("where does the
	// strategy doc fit in a director's week?").
	papers  = SetOf("doc docs document documents chart wiki deck slides link links spreadsheet")
	copulas = SetOf("is s are was")
	// bodies are the company's groups of people; groups are too, when the
	// question says they are the company's.
	bodies = SetOf("committee committees panel panels")
	groups = SetOf("team board staff")
	// moments date a question to the company's calendar.
	moments = append(NewPhrasings("today", "tomorrow", "tonight", "yesterday", "yesterdays"), calendar...)
	// calendar dates a question to the company's calendar even after a
	// question word alone (dated): "what has to change from how I work
	// today?" dates nothing.
	calendar = NewPhrasings("this week", "next week", "last week", "this month",
		"last month", "next month", "this quarter", "next quarter", "last quarter", "this year", "next year", "last year",
		"this cycle", "last sprint", "this sprint", "right now", "these days", "at the moment", "this half",
		"next half", "for q1", "for q2", "for q3", "for q4", "in q1", "in q2", "in q3", "in q4")
	// whereabouts say where or when a post is held: "here", "at our
	// company", "right now"; oursWords are those that say it is the
	// asker's company's, here and now.
	whereabouts = SetOf("here now currently right at in our the company org organization")
	oursWords   = SetOf("here now currently current our company")
	// atCompany place a question at the asker's company; whatWords ask
	// what, which or how many; advice asks what to do.
	atCompany = NewPhrasings("at our company", "at my company", "in our company", "in my company",
		"at our org", "in our org", "at our startup", "at my startup", "at this company", "in this company",
		"at this org", "at this startup", "at this place")
	whatWords = SetOf("what whats which many")
	// datedWords ask for a fact of a moment (dated).
	datedWords = SetOf("what whats which many size who when")
	// owned make the post after them the company's: "our VP", "my VP";
	// units are the company's parts ("my team"); askers are the asker
	// ("too many for me").
	owned  = SetOf("our my")
	units  = SetOf("team teams org orgs organization group groups department division company")
	askers = SetOf("i me myself")
	// postVerbs ask what a post does, has or is (ownPost); musts, with
	// duties, ask what it must be or do, measures whether it is enough,
	// and comparers weigh it against another. nows are no occasion: what
	// a post does "these days" is the role's.
	postVerbs = SetOf("does did do is are was were has have will")
	// lacks say what a post never did, a gap the guide's indicators
	// weigh: "did my director miss a step by never owning a P&L?".
	lacks     = SetOf("never without")
	musts     = NewPhrasings("need", "needs", "meant", "must", "have to", "has to")
	measures  = SetOf("normal too enough ready")
	comparers = SetOf("compared vs versus than")
	// ourVerbs ask what the company's own things are or were (ours).
	ourVerbs = SetOf("is s are was were")
	nows     = NewPhrasings("these days", "right now", "at the moment", "nowadays")
	// linesUp ask whom a post reports to.
	linesUp = NewPhrasings("report to", "reports to", "accountable to", "answer to", "answers to")
	// industry makes a question general: "at most companies right now".
	industry = NewPhrasings("most companies", "most orgs", "most organizations", "most places", "in general", "industry")
	advice   = NewPhrasings("should", "would", "do i", "can i", "could i", "do you", "do we need")
	// movesAsked open a question whether or when someone comes or goes;
	// moves are the comings and goings.
	movesAsked = SetOf("is are was when did has have will")
	moves      = SetOf("leaving leave left quitting quit quits resigning resign resigned retiring retire starting start starts joining join joins fired")
	// staff are the company's people a question picks among: "which of
	// our engineers…".
	staff = SetOf("engineers people leaders managers folks")
	// whens may end a question whether someone comes or goes: "… leaving
	// soon?", "… start next week?".
	whens = SetOf("soon today tomorrow next this week month quarter year monday tuesday wednesday thursday friday")
	// eventTimes may follow an event whose date is asked: "when is the
	// reorg happening?".
	eventTimes = SetOf("happening scheduled planned held again going to be")
	// mindAuxiliaries and minds make a question of what someone thinks
	// or said (mindOf); after "how", only views do.
	mindAuxiliaries = SetOf("does did do")
	minds           = SetOf("think thinks thought feel feels felt say says said")
	views           = SetOf("think thinks thought feel feels felt")
	// ourPicks ask which of the company's own.
	ourPicks = NewPhrasings("which of our", "which one of our", "who of our", "who on our", "who in our")
	// contacts are the asker's own people at the company that no role
	// names, above or beside them: "who is my skip-level?", "who is my HR
	// business partner?".
	contacts = NewPhrasings("skip level", "skip", "manager", "boss", "line manager",
		"hr business partner", "business partner", "hr partner", "people partner", "hr rep")
	// findings ask where the asker finds something, filed the papers found
	// (located); staffing whether the company has or hires a post
	// (staffed).
	findings = NewPhrasings("can i find", "can i see", "can i get", "do i find", "do i see", "do i get", "do i submit",
		"can i submit", "do we keep", "do we put", "can we find", "do i file", "can i access")
	filed = SetOf("doc docs document documents chart wiki deck slides link links spreadsheet ladder ladders runbook " +
		"runbooks template templates form forms calendar policy handbook postmortem postmortems")
	staffing = NewPhrasings("are we hiring", "do we have", "does our company have", "does our org have", "is there an open", "are there open", "do we have any")
	// holdsVerbs say what someone at the company does (holdsHere).
	holdsVerbs = SetOf("approves approve leads lead owns own runs run signs handles holds manages decides covers")
	// followUps ask more than the company's fact.
	followUps = SetOf("how what why which should")
)

// meantHere returns words without a "here" that follows a meaning asked
// for: "what does succession planning mean here?" asks what the guide
// means, not what the company does.
func meantHere(words []string) []string {
	for i := 1; i < len(words); i++ {
		if words[i] == "here" && meaning[words[i-1]] {
			return slices.Delete(slices.Clone(words), i, i+1)
		}
	}
	return words
}

// meaning are the words that ask what something means.
var meaning = SetOf("mean means meant")
