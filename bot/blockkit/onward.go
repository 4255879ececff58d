package blockkit

import (
	"slices"
	"strings"

	"github.com/slack-go/slack"

	"github.com/directorbot/directorbot/content"
)

// "Tell me more" after an answer does what the answer's own buttons offer,
// in this order: the rest of a section too long for one message (Continue
// reading), the whole of a table the answer cut to its matching rows, or
// the next rows of a whole table too long for one message, the section's
// other tables, then its topics, the first of which is the
// section around it when the search found nothing else. The bot skips what
// the conversation was already shown, so "more" again walks on, and ends.

// Step is a button of a reply that shows more of the guide: its kind
// (ActionMore, ActionFullTable or ActionTopic) and its value.
type Step struct {
	// Action is the button's kind (ActionTopic, …) and Value its value.
	Action string `json:"action"`
	Value  string `json:"value"`
}

// Onward returns the steps a reply offers, in the order "tell me more"
// takes them.
func Onward(msg Message) []Step {
	var more, tables, topics []Step
	for _, e := range msg.Elements() {
		b, ok := e.(*slack.ButtonBlockElement)
		if !ok {
			continue
		}
		st := Step{Action: ActionOf(b.ActionID), Value: b.Value}
		switch st.Action {
		case ActionMore:
			more = append(more, st)
		case ActionFullTable:
			tables = append(tables, st)
		case ActionTopic:
			topics = append(topics, st)
		}
	}
	return slices.Concat(more, tables, topics)
}

// Show renders what a step's button shows, as a click on it does; ok is
// false when the guide no longer has it.
func Show(g *content.Guide, st Step, private bool) (msg Message, ok bool) {
	switch st.Action {
	case ActionMore:
		return More(g, st.Value, private)
	case ActionFullTable:
		return FullTable(g, st.Value, private)
	case ActionTopic:
		return Topic(g, st.Value, private)
	}
	return Message{}, false
}

// IsMore reports whether a message only asks for more of the last answer:
// "tell me more", "ok go on", "can you elaborate? pls".
func (a App) IsMore(message string) bool { return a.chat(message).more() }

// more is IsMore of the message.
func (c chatText) more() bool {
	q, _ := cutPhrase(string(c), moreOpeners)
	for _, p := range []string{" please", " pls", " plz"} {
		q = strings.TrimSuffix(q, p)
	}
	return slices.Contains(moreWords, q)
}

// moreWords are whole messages that ask for more of the last answer, as
// chat reads them, once IsMore has cut one of moreOpeners before them and
// a please after.
var (
	moreOpeners = []string{"ok", "okay", "yes", "yeah", "sure", "cool", "great", "thanks", "and", "so", "can you", "could you",
		"would you", "can u"}
	moreWords = []string{"more", "tell me more", "please tell me more", "tell me more about that",
		"tell me more about it", "more about that", "more on that", "say more", "more info", "more information",
		"more details", "more detail", "details", "detail", "go on", "continue", "keep going", "elaborate",
		"please elaborate", "can you elaborate", "could you elaborate", "expand", "expand on that", "can you expand",
		"can you expand on that", "go deeper", "dig deeper", "show more", "show me more", "read more",
		"keep reading", "what else", "anything else", "next", "what's next", "whats next"}
)

// NoMore is the reply to "tell me more" when the last answer has nothing
// more to show.
func (a App) NoMore() Message {
	return sentence("That's all the guide has on it. Ask me another question, or " + a.helpHint())
}

// NoMoreOfRefusal is the reply to "tell me more" when the last question
// got no answer, and none before it has more to show.
func (a App) NoMoreOfRefusal() Message {
	return sentence("I had no answer to the last question, so there's no more to show. Ask me another question, or " + a.helpHint())
}
