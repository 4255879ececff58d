package bot

import (
	"context"
	"encoding/json"
	"hash/fnv"
	"slices"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// Memory keeps, for a while, what each conversation (a DM, a thread in a
// channel) was last asked and shown, so that a follow-up ("and for a
// VP?") is read with its question (index.FollowUp) and "tell me more"
// shows more of its answer. It must be where every replica reads it:
// Slack gives a thread's next message to any of them. *store.Store
// implements it; without a store, the process keeps it (memStore).
type Memory interface {
	// Remember keeps memory for the conversation key, whose question user
	// asked, for ttl, unless what is kept came from a message that arrived
	// after this one's (at).
	Remember(ctx context.Context, key, user string, memory []byte, at time.Time, ttl time.Duration) error
	// Recall returns the memory kept for key, if any.
	Recall(ctx context.Context, key string) ([]byte, bool, error)
}

// memoryTimeout bounds a read or write of a conversation's memory: past
// it, the message is read alone.
const memoryTimeout = 500 * time.Millisecond

// conversation is what one conversation was last asked and shown; it is
// kept as JSON in the store.
type conversation struct {
	// Question is the last question answered or refused, as it was read.
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
	// Tables are digests of the table blocks shown since the question: a
	// table's own step ("Table: Key Differences Summary") shows nothing
	// new after an answer that showed it whole.
	Tables []uint64 `json:"tables,omitempty"`
	// Said are digests of the parts of the answer's notification text,
	// which names what it opens with: a follow-up answered with none
	// other says so rather than posting it again (saidAbove).
	Said []uint64 `json:"said_parts,omitempty"`
	// User asked the question: forgetting them forgets it, whoever asked
	// for more or clicked since.
	User string `json:"user"`
	// Refused tells that the question was refused, and nothing shown
	// since: "tell me more" then has no answer to say more of. Suggested
	// are the topics the refusal offered instead, which "the first one",
	// then "the second one", point to until another question.
	Refused   bool            `json:"refused,omitempty"`
	Suggested []blockkit.Step `json:"suggested,omitempty"`
	// Item is the section a request for an item or a detail of the
	// answer ("the second one"), or a topic chosen (chose), last showed
	// whole: "any example?" then asks for its example, which it showed.
	// "" once a reply was posted after it (behind).
	Item string `json:"item,omitempty"`
	// Section is the section the last answer showed (its feedback
	// buttons name it), which "source?" asks for; "" once a reply was
	// posted after it (behind).
	Section string `json:"section,omitempty"`
}

// ConversationTTL is how long a conversation's memory lasts after its
// last message: a follow-up comes within minutes of its question.
const ConversationTTL = 30 * time.Minute

// conversationKey names a conversation: a channel or DM, and the thread in
// it, "" for its top level.
func conversationKey(channel, thread string) string { return channel + "/" + thread }

// answered starts a conversation's memory afresh at user's question
// answered with msg, from section s.
func answered(user, question string, s *content.Section, msg blockkit.Message) conversation {
	return conversation{Question: question, Onward: blockkit.Onward(msg), Seen: []uint64{digest(msg)}, Tables: tablesOf(msg), Said: said(s, msg), User: user, Section: blockkit.SectionOf(msg)}
}

// said are digests of the parts of an answer's notification text
// (blockkit.NotificationParts): what names it, and each row or passage it
// opens with. Its buttons, whose values differ from reply to reply, are
// not among them.
func said(s *content.Section, msg blockkit.Message) []uint64 {
	var out []uint64
	for _, p := range blockkit.NotificationParts(s, msg.Text) {
		h := fnv.New64a()
		h.Write([]byte(p))
		out = append(out, h.Sum64())
	}
	return out
}

// saidAbove reports whether an answer from section s says nothing the
// conversation's last answer did not: the same name, and only rows or
// passages that answer showed ("who does a director report to?" showed
// Reports to and Direct reports; "and for a VP?" shows one of them).
func (c conversation) saidAbove(s *content.Section, msg blockkit.Message) bool {
	parts := said(s, msg)
	return len(c.Said) > 0 && parts[0] == c.Said[0] && !slices.ContainsFunc(parts[1:], func(p uint64) bool { return !slices.Contains(c.Said[1:], p) })
}

// sameName reports whether an answer from section s has the name the
// conversation's last answer had: the same section, for the same role.
func (c conversation) sameName(s *content.Section, msg blockkit.Message) bool {
	return len(c.Said) > 0 && said(s, msg)[0] == c.Said[0]
}

// cutShort reports whether a reply offering steps goes on in a next
// message ("Continue reading"): it did not show its section whole.
func cutShort(steps []blockkit.Step) bool {
	return slices.ContainsFunc(steps, func(o blockkit.Step) bool { return o.Action == blockkit.ActionMore })
}

// behind returns the conversation once another reply was posted after
// its answer, which is no longer the one above: "👆 the answer above",
// its item's example and its source would point at the other reply.
func (c conversation) behind() conversation {
	c.Said, c.Item, c.Section = nil, "", ""
	return c
}

// pointedTo returns the conversation once msg, from section s, answered
// a request for one of its answer's items or a detail of it ("the second
// one", "any example?"): the question and what was shown since stay, so
// that "more" shows no table again, and msg is what the next follow-up
// leans on.
func (c conversation) pointedTo(s *content.Section, msg blockkit.Message) conversation {
	next := answered(c.User, c.Question, s, msg)
	next.Seen = append(slices.Clip(c.Seen), next.Seen...)
	next.Tables = append(slices.Clip(c.Tables), next.Tables...)
	next.Whole = c.Whole
	// An item cut short ("Continue reading") did not show its example.
	if s != nil && !cutShort(next.Onward) {
		next.Item = s.ID
	}
	return next
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
		if !ok || slices.Contains(c.Seen, digest(msg)) || st.Action == blockkit.ActionFullTable && c.tableShown(msg) {
			continue
		}
		// The steps skipped on the way are not worth another look.
		c.Onward = c.Onward[i:]
		return msg, c.took(st, msg), true
	}
	return blockkit.Message{}, c, false
}

// suggestion renders the topic a refusal offered that an ordinal points
// to (n, from 1, or -1 for the last: question.Ordinal), and returns the
// conversation with it taken; ok is false when the refusal offered fewer.
func (c conversation) suggestion(g *content.Guide, n int) (blockkit.Message, conversation, bool) {
	i := n - 1
	if n < 0 {
		i = len(c.Suggested) - 1
	}
	if i < 0 || i >= len(c.Suggested) {
		return blockkit.Message{}, c, false
	}
	st := c.Suggested[i]
	msg, ok := blockkit.Show(g, st, false)
	if !ok {
		return blockkit.Message{}, c, false
	}
	return msg, c.took(st, msg).chose(g, msg), true
}

// chose returns the conversation once its asker chose the topic msg
// shows, by a click or "the first one": the next message leans on it,
// asked by its title (g's), and compares with it ("any example?" after a
// click on Key Actions to Make the Transition). "More", which goes on
// with the answer, leaves the question as it was.
func (c conversation) chose(g *content.Guide, msg blockkit.Message) conversation {
	if sec, ok := g.Section(blockkit.SectionOf(msg)); ok {
		c.Question, c.Said = sec.Title, said(sec, msg)
		// Shown whole, its examples with it: "any example?" is answered
		// above.
		if !cutShort(blockkit.Onward(msg)) {
			c.Item = sec.ID
		}
	}
	return c
}

// took returns the conversation once step st was shown as msg, by "more"
// or a click: "more" goes on with msg's own steps, then the others not
// taken, and shows neither msg nor a section it showed whole again;
// "source?" asks of msg's section.
func (c conversation) took(st blockkit.Step, msg blockkit.Message) conversation {
	c.Refused, c.Item = false, ""
	c.Seen = append(slices.Clip(c.Seen), digest(msg))
	c.Tables = append(slices.Clip(c.Tables), tablesOf(msg)...)
	next := blockkit.Onward(msg)
	c.Section = blockkit.SectionOf(msg)
	// A section cut short was not shown whole.
	if st.Action == blockkit.ActionTopic && !cutShort(next) {
		c.Whole = append(slices.Clip(c.Whole), st.Value)
	}
	rest := slices.DeleteFunc(slices.Clone(c.Onward), func(o blockkit.Step) bool { return o == st })
	onward := slices.Concat(next, rest)
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

// tableShown reports whether every table of msg, and it has one, was
// shown before in the conversation.
func (c conversation) tableShown(msg blockkit.Message) bool {
	tables := tablesOf(msg)
	return len(tables) > 0 && !slices.ContainsFunc(tables, func(t uint64) bool { return !slices.Contains(c.Tables, t) })
}

// tablesOf are digests of a reply's table blocks, as digest names a
// reply.
func tablesOf(msg blockkit.Message) []uint64 {
	var out []uint64
	for _, b := range msg.Blocks {
		if t, ok := b.(*slack.TableBlock); ok {
			out = append(out, digest(blockkit.Message{Blocks: []slack.Block{t}}))
		}
	}
	return out
}

// digest names a reply by its blocks: a step that renders a reply shown
// before (a section's only table, after the section) shows nothing new.
func digest(msg blockkit.Message) uint64 {
	h := fnv.New64a()
	// Blocks always encode; an error would only make two replies differ.
	_ = json.NewEncoder(h).Encode(msg.Blocks)
	return h.Sum64()
}

// recalled is what recall found of a conversation: it, none kept, or
// nothing, the Memory unread, when its message is read alone.
type recalled int

const (
	recalledIt recalled = iota
	recalledNone
	recalledUnread
)

// recall returns what the conversation key was last asked and shown.
// When the Memory fails, the message is read alone, and the Memory is
// left alone for a while (memoryDown): a hung store would otherwise slow
// every DM and thread answer. A conversation this replica could not
// remember is read alone too until it can (unsaved): the Memory holds the
// question before the last one.
func (s *Server) recall(ctx context.Context, key string) (conversation, recalled) {
	if s.unsaved.Contains(key) {
		return conversation{}, recalledUnread
	}
	if s.memoryDown.ongoing() {
		s.metrics.storeErrors.Inc()
		return conversation{}, recalledUnread
	}
	ctx, cancel := context.WithTimeout(ctx, memoryTimeout)
	defer cancel()
	data, ok, err := s.cfg.Memory.Recall(ctx, key)
	if err != nil {
		s.memoryFailed(ctx, "recall a conversation: reading the message alone", err)
		return conversation{}, recalledUnread
	}
	if !ok {
		return conversation{}, recalledNone
	}
	var c conversation
	if err := json.Unmarshal(data, &c); err != nil {
		s.log.Error("recall a conversation: unreadable, reading the message alone", "err", safeError(err))
		return conversation{}, recalledUnread
	}
	return c, recalledIt
}

// remember keeps c as what the conversation key was last asked and shown,
// after a message of by's that arrived at at. A conversation that
// remembers no asker (a click where nothing was asked) is by's.
func (s *Server) remember(ctx context.Context, key, by string, at time.Time, c conversation) {
	if c.User == "" {
		c.User = by
	}
	if s.save(ctx, key, at, c) {
		s.unsaved.Remove(key)
	} else {
		s.unsaved.Add(key, struct{}{})
	}
}

// save writes c to the Memory for key, and reports whether it did.
func (s *Server) save(ctx context.Context, key string, at time.Time, c conversation) bool {
	if s.memoryDown.ongoing() {
		s.metrics.storeErrors.Inc()
		return false
	}
	c.Question = store.WithoutSecrets(c.Question)
	data, err := json.Marshal(c)
	if err != nil {
		s.log.Error("remember a conversation", "err", safeError(err))
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, memoryTimeout)
	defer cancel()
	if err := s.cfg.Memory.Remember(ctx, key, c.User, data, at, ConversationTTL); err != nil {
		s.memoryFailed(ctx, "remember a conversation: the next message there is read alone", err)
		return false
	}
	return true
}

// memoryFailed counts and logs a failure of the Memory, and leaves it
// alone for storeBackoff.
func (s *Server) memoryFailed(ctx context.Context, msg string, err error) {
	s.memoryDown.begin()
	s.metrics.storeErrors.Inc()
	s.logFailure(ctx, msg, "retry_in", storeBackoff.String(), "err", safeError(err))
}

// clicked remembers a button's reply, msg, posted for user after a click
// that arrived at at, as a step the conversations keys took, so that
// "more" there goes on from it. One that remembers nothing (a DM
// answer's thread) starts with it: its follow-ups are read alone.
func (s *Server) clicked(ctx context.Context, user string, at time.Time, st blockkit.Step, msg blockkit.Message, keys ...string) {
	for _, key := range keys {
		c, _ := s.recall(ctx, key)
		c = c.took(st, msg)
		if st.Action == blockkit.ActionTopic {
			c = c.chose(s.currentGuide(), msg)
		}
		s.remember(ctx, key, user, at, c)
	}
}
