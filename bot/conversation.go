package bot

import (
	"slices"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/content"
)

// conversations remember, for a while, what each conversation (a DM, a
// thread in a channel) was last asked and shown, so that a follow-up ("and
// for a VP?") is read with its question (index.FollowUp) and "tell me
// more" shows more of its answer. This is the replica's own memory: a
// message that reaches another replica is read alone, as before.
type conversations = expirable.LRU[string, conversation]

// conversation is what one conversation was last asked and shown.
type conversation struct {
	// question is the last question answered, as it was read.
	question string
	// onward are the steps "tell me more" may take next (blockkit.Onward
	// of the last reply), and taken those the conversation was shown since
	// the question, its answer's section first: "more" shows none twice.
	onward, taken []blockkit.Step
}

// Bounds of the conversations remembered: a follow-up comes within
// minutes of its question, and an entry is a question's text and a few
// buttons' values.
const (
	conversationsKept = 10_000
	conversationTTL   = 30 * time.Minute
)

func newConversations() *conversations {
	return expirable.NewLRU[string, conversation](conversationsKept, nil, conversationTTL)
}

// conversationKey names a conversation: a channel or DM, and the thread in
// it, "" for its top level.
func conversationKey(channel, thread string) string { return channel + "/" + thread }

// answered starts a conversation's memory afresh at a question answered
// with msg, which showed the section with the given ID.
func answered(question, section string, msg blockkit.Message) conversation {
	return conversation{question: question, onward: blockkit.Onward(msg), taken: []blockkit.Step{blockkit.TopicStep(section)}}
}

// more renders the next step of the conversation's last answer not shown
// yet, and returns the conversation with it taken; ok is false when there
// is none.
func (c conversation) more(g *content.Guide) (blockkit.Message, conversation, bool) {
	for _, st := range c.onward {
		if slices.Contains(c.taken, st) {
			continue
		}
		if msg, ok := blockkit.Show(g, st, false); ok {
			c.taken = append(slices.Clip(c.taken), st)
			c.onward = blockkit.Onward(msg)
			return msg, c, true
		}
	}
	return blockkit.Message{}, c, false
}
