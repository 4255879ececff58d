package question

import "slices"

// AsksOpinion reports whether a message asks for a judgement no guide of
// facts holds: the bot's own liking ("would you rather be a director or a
// VP?", "do you prefer the player-coach model?"), how a role feels ("is
// being a VP more fun than being a director?", "which is more stressful?",
// "is the exec life worth it?") or a decision of the asker's own life
// ("should I quit my director job for a VP role at a startup?", "should I
// take the VP offer if it means a long commute?"). Asked in such words, a
// question of fact is still the guide's: "in your opinion, who owns the
// technical vision?", "do you think I'm ready for VP?", "is it better for
// a director to spend more time on execution or strategy?".
func AsksOpinion(message string) bool {
	return slices.ContainsFunc(Split(message), func(s Sentence) bool {
		words := Words(s.Text)
		return !s.Context && (likings.In(words) || feelings.In(words) || decided(words))
	})
}

// decided reports whether a sentence asks whether the asker should make
// a decision of their own life: "should I quit…", "should I accept the
// offer…", "should I take a director title at a startup?". "Should I take
// on the roadmap?" and "should I take ownership of hiring?" ask what the
// role does.
func decided(words []string) bool {
	for i := range words {
		n := shouldI.StartAt(words, i)
		if n == 0 {
			continue
		}
		rest := words[i+n:]
		switch {
		case len(rest) == 0:
			return false
		case lifeDecisions[rest[0]] || lifeDecisionPhrases.StartAt(rest, 0) > 0:
			return true
		case (rest[0] == "take" || rest[0] == "accept") && len(rest) > 1 && offerDeterminers[rest[1]]:
			// "Take the VP offer", not "what steps should I take to earn
			// the promotion?"
			return offers.Any(rest[2:min(len(rest), maxOfferWords+2)])
		}
	}
	return false
}

// maxOfferWords is how far after "take a" the post or offer taken may be
// named: "take an acting director role".
const maxOfferWords = 4

var (
	// likings ask the bot what it likes or would do.
	likings = NewPhrasings("would you rather", "would u rather", "wud you rather", "do you prefer", "do you like",
		"do you enjoy", "would you personally", "if you were me", "what would you do", "would you trust",
		"does the bot think", "do you personally", "your favorite", "your favourite", "would you want")
	// feelings say how a role feels to hold, which facts do not: "is
	// being a VP more fun?".
	feelings = NewPhrasings("fun", "funner", "more fun", "stressful", "more stressful", "less stressful", "rewarding",
		"more rewarding", "lonely", "boring", "enjoyable", "job security", "work life balance",
		"work life", "burn out faster", "have it easier", "easier life", "happier", "miserable")
	// shouldI ask what the asker should do.
	shouldI = NewPhrasings("should i", "shud i", "should we", "do i", "would i")
	// lifeDecisions and lifeDecisionPhrases are the decisions of the
	// asker's own life; offers what "take" or "accept" may take.
	lifeDecisions       = SetOf("quit decline relocate sabbatical resign")
	lifeDecisionPhrases = NewPhrasings("turn down", "job hop", "have kids", "move my family", "leave my", "ask for a raise",
		"counter", "counteroffer")
	offers           = SetOf("offer offers job title role position seat promotion sabbatical")
	offerDeterminers = SetOf("a an the this that their his her my")
)
