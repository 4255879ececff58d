package question

import "slices"

// AsksForWords reports whether a message asks for the words of a
// conversation with particular people ("what do I say to an EM who just
// got back from leave?", "how do I tell my VP I'm pregnant?", "what do I
// write in his card?") rather than for what to tell them about a topic:
// "how do I tell my EMs why I keep talking about business metrics?", "my
// VP asked what changes once you're a VP. what do I say?". A guide
// describes roles; it has no words for one conversation. "How can I tell
// I'm ready?" and "how do I write a strategy?" ask no words of anyone,
// and "what words does the guide use…" asks the guide's.
func AsksForWords(message string) bool {
	words := Words(message)
	if guides.In(words) || !scripts.In(words) && !asksSpeech(words) {
		return false
	}
	// Most questions ask no words: only those that do are split.
	return !slices.ContainsFunc(Split(message), func(s Sentence) bool { return reportsQuestion(Words(s.Text)) })
}

// asksSpeech reports whether the words ask how or what to say to someone
// (speaks).
func asksSpeech(words []string) bool {
	for i := range words {
		if n := speechOpeners.StartAt(words, i); n > 0 && speaks(words[i+n:]) {
			return true
		}
	}
	return false
}

// speaks reports whether the words after "what do I"/"how do I" ask for
// words to a particular person: a verb of speech, then someone ("tell
// her", "say to my EM", "respond to him"), and no topic told about
// ("tell my EMs why…", "tell if it worked"). "Tell" before what is known
// ("tell I'm ready", "tell the difference", "tell them apart") knows,
// "write" speaks only to someone or in something written to them ("write
// to her", "write in the card", "write a farewell message"), "talk" only
// to or with someone, "bring" only it up, and "thank" and "congratulate"
// for something name it.
func speaks(rest []string) bool {
	if len(rest) == 0 || !speechVerbs[rest[0]] {
		return false
	}
	verb, rest := rest[0], rest[1:]
	addressed := len(rest) > 0 && (rest[0] == "to" || rest[0] == "with")
	if addressed {
		rest = rest[1:]
	}
	listener := rest[:min(len(rest), maxListener)]
	switch {
	case verb == "tell" && len(rest) > 0 && (subjects[rest[0]] || slices.Contains(listener, "difference") || slices.Contains(listener, "apart")):
		return false
	case verb == "write" && !addressed && !slices.ContainsFunc(listener, func(w string) bool { return notes[w] }):
		return false
	case verb == "talk" && !addressed:
		return false
	case verb == "bring" && !(len(rest) > 1 && pronouns[rest[0]] && rest[1] == "up"):
		// "bring it up with him" asks for words; "bring up my promotion
		// with my boss" names its topic.
		return false
	case (verb == "thank" || verb == "congratulate") && slices.Contains(listener, "for"):
		// "thank my boss for the promotion to VP" names its topic.
		return false
	}
	return !slices.ContainsFunc(listener, func(w string) bool { return topicOpeners[w] && !relatives[w] })
}

// reportsQuestion reports whether a sentence tells of a question someone
// asked ("my VP asked what…", "wants to know how…"): what to say is its
// answer, a topic.
func reportsQuestion(words []string) bool {
	for i, w := range words {
		if !questioners[w] {
			continue
		}
		for _, next := range words[i+1 : min(len(words), i+1+maxAsked)] {
			if topicOpeners[next] {
				return true
			}
		}
	}
	return false
}

// maxListener is how many words after a verb of speech may name whom the
// words are for and where ("tell a new senior EM why…", "say in my promo
// convo about…").
const maxListener = 5

// maxAsked is how many words after "asked" may name who was asked, and
// where, before what they were asked ("asked me at the all hands what…").
const maxAsked = 6

var (
	// speechOpeners ask how or what to say.
	speechOpeners = NewPhrasings("what do i", "what should i", "what would i", "what can i", "how do i", "how should i", "how can i", "what do we", "how do we")
	// speechVerbs say something to someone.
	speechVerbs = SetOf("say tell write text respond reply word phrase console apologize talk bring confront mediate thank congratulate comfort")
	// scripts ask for the very words.
	scripts = NewPhrasings("word for word", "exact words", "what words", "the words to")
	// questioners tell of a question asked.
	questioners = SetOf("asked asks asking wants wondering wondered")
	// topicOpeners open what is told: a topic, not a conversation.
	topicOpeners = SetOf("what why how who whom which whether when where if about")
	// relatives, after whom the words are for, tell of them ("say to an
	// EM who just got back…"), not of a topic.
	relatives = SetOf("who whom")
	// subjects after "tell" open what is known, not whom it is told to:
	// "how can I tell I'm ready?", "tell it worked".
	subjects = SetOf("i im we it he she they you s")
	// notes are what is written to someone: "write in her card", "write
	// a farewell message"; "write to him" is addressed.
	notes = SetOf("in card message note post email letter speech toast text dm reply recommendation")
	// pronouns are what "bring … up" brings when it asks for words.
	pronouns = SetOf("it this that")
	// guides ask for the guide's own words: "what words does the guide
	// use…", "what do I tell her, per the guide?".
	guides = NewPhrasings("does the guide", "the guide say", "the guide says", "per the guide", "according to the guide", "based on the guide", "in the guide", "from the guide")
)
