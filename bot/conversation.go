package bot

import (
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"
)

// conversations remember the last question answered in each conversation
// (a DM, a thread in a channel) for a while, so that a follow-up ("and for
// a VP?") is read with it (index.FollowUp). This is the replica's own
// memory: a follow-up that reaches another replica is read alone, as
// before.
type conversations = expirable.LRU[string, string]

// Bounds of the conversations remembered: a follow-up comes within
// minutes of its question, and an entry is a question's text.
const (
	conversationsKept = 10_000
	conversationTTL   = 30 * time.Minute
)

func newConversations() *conversations {
	return expirable.NewLRU[string, string](conversationsKept, nil, conversationTTL)
}

// conversationKey names a conversation: a channel or DM, and the thread in
// it, "" for its top level.
func conversationKey(channel, thread string) string { return channel + "/" + thread }
