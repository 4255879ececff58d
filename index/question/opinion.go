package question

import "slices"

// AsksOpinion reports whether a message asks for a judgement no guide of
// facts about roles holds: the bot's own liking ("would you rather be a
// director or a VP?", "do you prefer the player-coach model?"), its own
// favourite or state, in a message that names no role the guide describes
// ("what's your favorite part of the day?", "do you ever get bored?"),
// how a role feels to hold ("is being a VP more fun than being a
// director?", "which is more stressful, director or VP?") or a decision of
// the asker's own life ("should I quit my director job for a VP role at a
// startup?", "should I take the VP offer if it means a long commute?",
// "am I too old to become a VP at 52?"). Asked in such words, a question
// of fact is still the guide's: "in your opinion, who owns the technical
// vision?", "do you think I'm ready for VP?", "how should a VP stay
// composed in a stressful crisis?", "should I quit doing code reviews as a
// director?", "should I take a seat on the exec staff?". A message asks
// one only when every sentence that asks does. The message comes as the
// thesaurus reads it: "wld u rather be a dir" as "would you rather be a
// director".
// Only a guide to roles is known to hold no opinions: a company's handbook
// may say whether to counter an offer.
func (r Reader) AsksOpinion(message string) bool {
	if len(r.Described) == 0 {
		return false
	}
	opinions, facts := 0, 0
	for _, s := range Split(message) {
		if s.Context {
			continue
		}
		if words := Words(s.Text); liked(words) || r.judged(words) || aboutBot(words) && !r.NamesDescribed(Words(message)) || felt(words) || decided(words) || aged(words) {
			opinions++
		} else {
			facts++
		}
	}
	// "Do directors burn out faster? How many hours of 1:1s is it?" asks
	// a fact too, which the guide answers.
	return opinions > 0 && facts == 0
}

// liked reports whether a sentence opens by asking what the bot likes
// for itself: "would you rather be a director or a VP?", "do you prefer
// the player-coach model?", not "how do you prefer directors split their
// time?" or "would you rather I focus on P&L ownership?", which ask what
// the asker should do.
func liked(words []string) bool {
	lead := words[:min(len(words), maxLeadWords+1)]
	for i := range lead {
		if n := likings.StartAt(words, i); n > 0 {
			return !howWhat.Any(words[:i]) && !askers.Any(words[i+n:]) && !slices.Contains(words[i+n:], "im")
		}
	}
	return false
}

// judged reports whether a sentence asks only the bot's judgement of a
// role, of someone holding it, or of something of the asker's own that
// names no role: "what do you think of directors?", "how do you feel
// about our CTO?", "what do you think of our reorg?". "What do you think
// about the director's role in budgeting?" and "what do you think of as
// the main difference between director and VP?" ask the guide, politely.
func (r Reader) judged(words []string) bool {
	n := judgings.StartAt(words, 0)
	if n == 0 {
		return false
	}
	rest := words[n:]
	if owns(rest) && len(r.Cast.Mentions(rest)) == 0 {
		return true
	}
	for len(rest) > 0 && determiners[rest[0]] {
		rest = rest[1:]
	}
	ms := r.Cast.Mentions(rest)
	return len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(rest)
}

// owns reports whether the words after a request for the bot's judgement
// name something of the asker's own ("our reorg", "my plan to split the
// team"), or a thing just told ("that decision"), and ask no question of
// their own: "what do you think about this: how much of my week should go
// to strategy?" asks the guide.
func owns(rest []string) bool {
	if len(rest) == 0 || !theirs[rest[0]] && !(pointers[rest[0]] && len(rest) <= 2) {
		return false
	}
	return !slices.ContainsFunc(rest[1:], func(w string) bool { return asks[w] })
}

// aboutBot reports whether a sentence opens by asking the bot's own
// favourite or state: "what's your favorite part of the day?", "do you
// ever get bored?". AsksOpinion asks it only of a message that names no
// role the guide describes: "what's your favorite way to compare a
// director and a VP?", "are you tired of quarterly planning as a
// director?" ask the guide's topics.
func aboutBot(words []string) bool {
	if botAsks.StartAt(words, 0) > 0 {
		return true
	}
	for i := range words[:min(len(words), maxLeadWords+1)] {
		if favorites.StartAt(words, i) > 0 {
			return true
		}
	}
	return false
}

// aged reports whether a sentence asks whether the asker is of an age
// for a role: "am I too old to become a VP at 52?", not "am I too young
// for VP with only 2 years as a director?", which asks the timeline, nor
// "are our standards too old for the org?".
func aged(words []string) bool {
	return askerIs.StartAt(words, 0) > 0 && ages.In(words) && !tenure.Any(words)
}

// felt reports whether a sentence asks how a role feels, in a question
// whether or which ("is the VP role lonely?", "which is more stressful?",
// "do directors burn out faster?", "what's more fun?"), not how or what
// to do about a feeling ("how does a director keep the work fun during a
// reorg?") nor with a question of fact ("is it stressful to present to
// the board as a VP, how often does that happen?").
func felt(words []string) bool {
	lead := words[:min(len(words), maxLeadWords)]
	return feelings.In(words) && (!howWhat.Any(words) && (feltAsks.Any(lead) || len(words) > 0 && yesNo[words[0]]) || whatIsFelt(words))
}

// whatIsFelt reports whether a sentence opens by asking which is more
// fun or stressful, and asks nothing else: "what's more fun, director or
// VP?", not "what makes the VP role fun?", "what's work-life balance like
// for a VP?" nor "what's more fun for a director, and which takes more
// time?".
func whatIsFelt(words []string) bool {
	at := whatOpens(words, whatIs)
	return at > 0 && at < len(words) && compared.StartAt(words, at) > 0 && !howWhat.Any(words[at:]) && !slices.Contains(words[at:], "which")
}

// whatIs are the verbs of "what is" (whatIsFelt).
var whatIs = SetOf("is s")

// whatOpens returns where a sentence that opens "what" and one of verbs
// ("what is", "what's") or "whats" goes on, or 0 when it opens otherwise.
func whatOpens(words []string, verbs Set) int {
	switch {
	case len(words) > 0 && words[0] == "whats":
		return 1
	case len(words) > 1 && words[0] == "what" && verbs[words[1]]:
		return 2
	}
	return 0
}

// decided reports whether a sentence asks whether the asker should make
// a decision of their own life: "should I quit…", "should I turn down the
// offer…", "should I take a director title at a startup?", "should I leave
// my job for a startup?". "Should I quit doing code reviews?", "should I
// take on the roadmap?" and "should I take the VP role if I've been a
// director for 2 years?" ask what the roles are.
func decided(words []string) bool {
	for i := range words {
		n := shouldI.StartAt(words, i)
		if n == 0 {
			continue
		}
		rest := words[i+n:]
		switch {
		case len(rest) == 0:
		case rest[0] == "job" && len(rest) > 1 && rest[1] == "hop":
			return true
		case rest[0] == "quit" || rest[0] == "relocate":
			// "Should I quit (my job / if…)?", not "quit doing code
			// reviews" or "quit the architecture reviews".
			return len(rest) == 1 || quitEnds[rest[1]] || rest[1] == "my" && offered(rest[2:])
		case rest[0] == "leave" && len(rest) > 1 && rest[1] == "my":
			return offered(rest[2:])
		case takes.StartAt(rest, 0) > 0:
			at := takes.StartAt(rest, 0)
			return at < len(rest) && offerDeterminers[rest[at]] && offered(rest[at+1:])
		}
	}
	return false
}

// offered reports whether the words name an offer one takes, leaves or
// turns down: "the VP offer", "a director title at a startup", "my job",
// not "the offer to lead a reorg" or "the job of running a product line",
// which name a part one plays.
func offered(words []string) bool {
	ahead := words[:min(len(words), maxOfferWords)]
	at := slices.IndexFunc(ahead, func(w string) bool { return offers[w] })
	return at >= 0 && (at+1 == len(words) || !partOf[words[at+1]])
}

// maxOfferWords is how far after "take a" the offer taken may be named:
// "take an interim VP title".
const maxOfferWords = 4

var (
	// likings ask the bot what it likes.
	// Slack's "u" and "ur" come read as "you" and "your" (thesaurus.txt).
	likings = NewPhrasings("would you rather", "wud you rather", "do you prefer", "do you like",
		"do you enjoy", "would you personally", "does the bot think", "do you personally")
	// theirs open what the asker has, pointers what they just told:
	// "our reorg", "that decision"; asks are the words that open a
	// question of its own after them.
	theirs   = SetOf("our my")
	pointers = SetOf("this that these those")
	asks     = SetOf("how what when where who why which should can could do does is are")
	// judgings open a request for the bot's judgement of what follows.
	judgings = NewPhrasings("what do you think of", "what do you think about", "how do you feel about",
		"whats your opinion of", "whats your opinion on", "whats your opinion about",
		"what s your opinion of", "what s your opinion on", "what s your opinion about",
		"what is your opinion of", "what is your opinion on", "what is your opinion about")
	// botAsks open a question of the bot's own state; favorites name its
	// favourite.
	botAsks = NewPhrasings("do you ever get bored", "do you ever get tired", "do you get bored", "do you get tired",
		"are you happy", "are you bored", "how do you feel about being")
	favorites = NewPhrasings("your favorite", "your favourite")
	// feelings say how a role feels to hold; feltAsks ask whether or
	// which, howWhat how or what to do.
	feelings = NewPhrasings("fun", "funner", "more fun", "stressful", "more stressful", "less stressful",
		"more rewarding", "lonely", "lonelier", "boring", "enjoyable", "work life balance", "burn out faster",
		"have it easier", "happier")
	feltAsks = SetOf("which who is are do does would")
	howWhat  = SetOf("how what why when where")
	// compared say which of two feels more so.
	compared = NewPhrasings("more fun", "funner", "more stressful", "less stressful", "more rewarding", "lonelier", "happier")
	// ages ask whether one is the age for a role, which the guide never
	// names; askerIs opens a question of the asker's own; tenure tells
	// the time in a role instead, which the guide's timeline gives.
	ages    = NewPhrasings("too old", "too young", "age limit")
	askerIs = NewPhrasings("am i", "is it", "is someone")
	tenure  = SetOf("yrs yr years year months experience")
	// shouldI ask what the asker should do.
	shouldI = NewPhrasings("should i", "shud i")
	// quitEnds may follow "quit" when the asker would quit their job.
	quitEnds = SetOf("and or if now over because before after so")
	// takes take an offer or turn it down.
	takes = NewPhrasings("take", "accept", "turn down", "decline")
	// offers are what one takes or leaves; partOf follow one that is a part
	// to play ("the job of", "the offer to"); offerDeterminers the words
	// before an offer.
	offers           = SetOf("offer offers counteroffer counteroffers job title sabbatical")
	partOf           = SetOf("in on of to")
	offerDeterminers = SetOf("a an the this that their his her my")
)
