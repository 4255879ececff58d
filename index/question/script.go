package question

import "slices"

// Script reports whether a message asks for the words to say to someone:
// "what do I say to an EM who cries in our 1:1s?", "how do I tell my team
// their colleague was laid off?", "word for word, how do I…". The guide
// says what a director or VP does, not what to say in one conversation.
// "How do I tell whether a reorg worked?" asks how to know, and "what do
// I tell the dean's office?" may ask for the guide's own one-liner.
func Script(message string) bool {
	return slices.ContainsFunc(Split(message), func(s Sentence) bool { return scripts(Words(s.Text)) })
}

// scripts reports whether a sentence's words ask for what to say.
func scripts(words []string) bool {
	if scriptPhrases.In(words) {
		return true
	}
	for i := range words {
		if !askHow[words[i]] || i+4 >= len(words) || !scriptAuxiliaries[words[i+1]] || !speakers[words[i+2]] {
			continue
		}
		switch verb, next := words[i+3], words[i+4]; {
		case verb == "say" && (next == "to" || next == "when"):
			return true
		case verb == "tell" && words[i] == "how" && listeners[next]:
			return true
		}
	}
	return false
}

var (
	// scriptPhrases ask for the words themselves.
	scriptPhrases = NewPhrasings("word for word", "exact words", "exact wording", "exact script", "exact convo", "exact conversation",
		"exactly what to say", "a script for", "a script to")
	askHow            = SetOf("what how")
	scriptAuxiliaries = SetOf("do should would can could shall")
	speakers          = SetOf("i we")
	// listeners are whom "how do I tell …" names when it asks what to
	// say: "how do I tell my team…", not "how do I tell if…".
	listeners = SetOf("my our him her them someone somebody everyone everybody people his their")
)
