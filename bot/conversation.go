package bot

import (
	"context"
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
// more" shows more of its answer. With a Memory (the store) the replicas
// share it, and this is each one's copy, for when the store fails;
// without, it is the replica's own: a message that reaches another
// replica is read alone.
type conversations = expirable.LRU[string, conversation]

// Memory keeps each conversation's memory where every replica reads it:
// Slack gives a thread's next message to any of them. *store.Store
// implements it.
type Memory interface {
	// Remember keeps memory for the conversation key, asked in by user,
	// for ttl.
	Remember(ctx context.Context, key, user string, memory []byte, ttl time.Duration) error
	// Recall returns the memory kept for key, if any.
	Recall(ctx context.Context, key string) ([]byte, bool, error)
}

// memoryTimeout bounds a read or write of a conversation's memory: past
// it, the replica's own copy is used.
const memoryTimeout = 500 * time.Millisecond

// conversation is what one conversation was last asked and shown; it is
// kept as JSON in the store.
type conversation struct {
	// Question is the last question answered, as it was read.
	Question string `json:"question"`
	// Onward are the steps "tell me more" may take next: the last reply's
	// (blockkit.Onward), then those the replies before it offered and
	// "more" has not taken yet.
	Onward []blockkit.Step `json:"onward,omitempty"`
	// Seen are digests of the replies shown since the question, its answer
	// first, and Whole the sections a topic step showed whole, with what
	// is below them: "more" shows none again.
	Seen  []uint64 `json:"seen,omitempty"`
	Whole []string `json:"whole,omitempty"`
	// User asked the last question: forgetting them forgets it. The store
	// keeps it in a column of its own.
	User string `json:"-"`
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
	return conversation{Question: question, Onward: blockkit.Onward(msg), Seen: []uint64{digest(msg)}}
}

// maxOnward bounds the steps a conversation keeps for "more": a reply
// offers a few, and a walk through the guide adds each reply's.
const maxOnward = 64

// more renders the next step of the conversation's last answer not shown
// yet, and returns the conversation with it taken; ok is false when there
// is none.
func (c conversation) more(g *content.Guide) (blockkit.Message, conversation, bool) {
	for i, st := range c.Onward {
		if c.within(g, st) {
			continue
		}
		msg, ok := blockkit.Show(g, st, false)
		if !ok || slices.Contains(c.Seen, digest(msg)) {
			continue
		}
		// The steps skipped on the way are not worth another look.
		c.Onward = c.Onward[i:]
		return msg, c.took(st, msg), true
	}
	return blockkit.Message{}, c, false
}

// took returns the conversation once step st was shown as msg, by "more"
// or a click: "more" goes on with msg's own steps, then the others not
// taken, and shows neither msg nor a section it showed whole again.
func (c conversation) took(st blockkit.Step, msg blockkit.Message) conversation {
	c.Seen = append(slices.Clip(c.Seen), digest(msg))
	if st.Action == blockkit.ActionTopic {
		c.Whole = append(slices.Clip(c.Whole), st.Value)
	}
	rest := slices.DeleteFunc(slices.Clone(c.Onward), func(o blockkit.Step) bool { return o == st })
	onward := slices.Concat(blockkit.Onward(msg), rest)
	c.Onward = onward[:min(len(onward), maxOnward)]
	return c
}

// within reports whether a topic step's section lies in a section the
// conversation was shown whole.
func (c conversation) within(g *content.Guide, st blockkit.Step) bool {
	if st.Action != blockkit.ActionTopic {
		return false
	}
	s, ok := g.Section(st.Value)
	for ; ok && s != nil; s = s.Parent {
		if slices.Contains(c.Whole, s.ID) {
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

// recall returns what the conversation key was last asked and shown: from
// the Memory when there is one, else (or when it fails) from this
// replica's own copy.
func (s *Server) recall(ctx context.Context, key string) (conversation, bool) {
	if s.cfg.Memory == nil {
		return s.conversations.Get(key)
	}
	ctx, cancel := context.WithTimeout(ctx, memoryTimeout)
	defer cancel()
	data, ok, err := s.cfg.Memory.Recall(ctx, key)
	if err != nil {
		s.metrics.storeErrors.Inc()
		s.logFailure(ctx, "recall a conversation: reading it from this replica's own copy", "err", safeError(err))
		return s.conversations.Get(key)
	}
	var c conversation
	if ok {
		if err := json.Unmarshal(data, &c); err != nil {
			s.log.Error("recall a conversation: unreadable, reading the message alone", "err", err)
			return conversation{}, false
		}
	}
	return c, ok
}

// remember keeps what the conversation key, where user asked, was last
// asked and shown: in this replica's copy, and in the Memory when there is
// one.
func (s *Server) remember(ctx context.Context, key, user string, c conversation) {
	c.User = user
	s.conversations.Add(key, c)
	if s.cfg.Memory == nil {
		return
	}
	data, err := json.Marshal(c)
	if err == nil {
		ctx, cancel := context.WithTimeout(ctx, memoryTimeout)
		defer cancel()
		err = s.cfg.Memory.Remember(ctx, key, user, data, conversationTTL)
	}
	if err != nil {
		s.metrics.storeErrors.Inc()
		s.logFailure(ctx, "remember a conversation: kept in this replica only", "err", safeError(err))
	}
}

// forgetConversations drops this replica's copies of the conversations
// whose last question was user's; the store's go with the rest of what it
// keeps of them.
func (s *Server) forgetConversations(user string) {
	for _, k := range s.conversations.Keys() {
		if c, ok := s.conversations.Peek(k); ok && c.User == user {
			s.conversations.Remove(k)
		}
	}
}

// clicked remembers a button's reply, msg, posted for user, as a step the
// conversations keys took, so that "more" there goes on from it. One that
// remembers nothing (a DM answer's thread) starts from what another does:
// its question, for follow-ups, and what was shown.
func (s *Server) clicked(ctx context.Context, user string, st blockkit.Step, msg blockkit.Message, keys ...string) {
	cs := make([]conversation, len(keys))
	known := make([]bool, len(keys))
	var from conversation
	for i, key := range slices.Backward(keys) {
		if cs[i], known[i] = s.recall(ctx, key); known[i] {
			from = cs[i]
		}
	}
	for i, key := range keys {
		if !known[i] {
			cs[i] = from
		}
		s.remember(ctx, key, user, cs[i].took(st, msg))
	}
}
