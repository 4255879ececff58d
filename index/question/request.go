package question

import "slices"

// Request reports whether a message asks for a text to be made rather
// than asking a question: a sentence opens, after any greeting or "can
// you", with a verb that makes one, and what it makes is the asker's own
// ("this", "my notes", "yesterday's sync") or a piece of writing ("draft
// an email to my VP…", "can you write me a job description…", "turn these
// notes into a reorg announcement", "translate…"). A guide answers
// questions; it writes nothing. "Summarize the core responsibilities" and
// "write up the promotion rubric" ask for the guide's own text, and "how
// do I write a promo packet?" asks how.
func Request(message string) bool {
	return slices.ContainsFunc(Split(message), func(s Sentence) bool { return requests(Words(s.Text)) })
}

// requests reports whether a sentence's words ask for a text.
func requests(words []string) bool {
	i := 0
	for i < len(words) {
		n := requestLeads.StartAt(words, i)
		if n == 0 {
			break
		}
		i += n
	}
	if i >= len(words) {
		return false
	}
	rest := words[i+1:]
	object := len(rest) > 0 && (demonstratives[rest[0]] || writings.In(rest[:min(len(rest), maxObject)]))
	switch words[i] {
	case "turn", "convert":
		// "Turn these notes into an announcement"; "turn this around"
		// asks.
		return object && slices.Contains(rest, "into")
	case "make":
		// "Make me a slide"; "make it clear to me" asks.
		return len(rest) > 0 && (rest[0] == "me" || rest[0] == "us") && writings.In(rest[:min(len(rest), maxObject)])
	}
	switch {
	case reworkers[words[i]]:
		// "Summarize yesterday's sync", "translate this review".
		return object || len(rest) > 0 && earlier[rest[0]]
	case makers[words[i]]:
		return object
	}
	return false
}

// maxObject is how far after its verb a request names what it makes:
// "write me a short linkedin post".
const maxObject = 6

var (
	// requestLeads open a request before its verb: a greeting, a
	// "please", "can you", "help me", "I need you to".
	requestLeads = NewPhrasings("hey", "hi", "hello", "ok", "okay", "so", "quick", "pls", "plz", "please", "bot",
		"can you", "could you", "would you", "will you", "can u", "could u", "can someone", "could someone", "can anyone",
		"help me", "i need you to", "i want you to", "i d like you to", "i would like you to", "you")
	// makers write a new text; reworkers work on one the asker has.
	makers    = SetOf("draft write compose create generate outline")
	reworkers = SetOf("summarize summarise translate rewrite reword proofread polish edit")
	// demonstratives point at a text the asker has pasted or means:
	// "turn these notes into…", "rewrite this".
	demonstratives = SetOf("this these that those it")
	// writings are the pieces of writing a request makes.
	writings = NewPhrasings("email", "emails", "mail", "message", "messages", "msg", "post", "posts", "announcement", "memo", "letter",
		"ad", "ads", "posting", "jd", "job description", "slide", "slides", "deck", "presentation", "poem", "haiku", "song", "speech", "toast",
		"bio", "reply", "response", "tweet", "blurb", "resume", "cv", "script", "invite", "invitation", "notes", "doc", "document", "thread",
		"transcript", "update", "perf review", "performance review", "minutes", "self review", "self assessment", "packet", "agenda",
		"proposal")
	// earlier are what a reworked text was: "yesterday's sync", "last
	// week's staff meeting".
	earlier = SetOf("yesterday today last")
)
