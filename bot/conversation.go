package bot

import (
	"encoding/json"
	"hash/fnv"
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
	// onward are the steps "tell me more" may take next: the last reply's
	// (blockkit.Onward), then those the replies before it offered and
	// "more" has not taken yet.
	onward []blockkit.Step
	// seen are digests of the replies shown since the question, its answer
	// first, and whole the sections a topic step showed whole, with what
	// is below them: "more" shows none again.
	seen  []uint64
	whole []string
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
// with msg.
func answered(question string, msg blockkit.Message) conversation {
	return conversation{question: question, onward: blockkit.Onward(msg), seen: []uint64{digest(msg)}}
}

// maxOnward bounds the steps a conversation keeps for "more": a reply
// offers a few, and a walk through the guide adds each reply's.
const maxOnward = 64

// more renders the next step of the conversation's last answer not shown
// yet, and returns the conversation with it taken; ok is false when there
// is none.
func (c conversation) more(g *content.Guide) (blockkit.Message, conversation, bool) {
	for i, st := range c.onward {
		if c.within(g, st) {
			continue
		}
		msg, ok := blockkit.Show(g, st, false)
		if !ok {
			continue
		}
		d := digest(msg)
		if slices.Contains(c.seen, d) {
			continue
		}
		c.seen = append(slices.Clip(c.seen), d)
		if st.Action == blockkit.ActionTopic {
			c.whole = append(slices.Clip(c.whole), st.Value)
		}
		onward := slices.Concat(blockkit.Onward(msg), c.onward[i+1:])
		c.onward = onward[:min(len(onward), maxOnward)]
		return msg, c, true
	}
	return blockkit.Message{}, c, false
}

// within reports whether a topic step's section lies in a section the
// conversation was shown whole.
func (c conversation) within(g *content.Guide, st blockkit.Step) bool {
	if st.Action != blockkit.ActionTopic {
		return false
	}
	s, ok := g.Section(st.Value)
	for ; ok && s != nil; s = s.Parent {
		if slices.Contains(c.whole, s.ID) {
			return true
		}
	}
	return false
}

// digest names a reply by its blocks: a step that renders a reply shown
// before (a section's only table, after the section) shows nothing new.
func digest(msg blockkit.Message) uint64 {
	h := fnv.New64a()
	// Blocks always encode; an error would only make two replies differ.
	_ = json.NewEncoder(h).Encode(msg.Blocks)
	return h.Sum64()
}
