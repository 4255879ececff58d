package bot

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"

	"github.com/directorbot/directorbot/bot/store"
)

// memStore keeps plans, greetings and conversations' memory in the
// process when the bot has no store (dev): they last as long as it, and
// other replicas see none of them. It implements Plans and Memory.
type memStore struct {
	mu    sync.Mutex
	plans map[string]store.Plan
	// welcomed holds when each person's greeting arrived.
	welcomed map[string]time.Time
	// conversations are bounded in number and age: a follow-up comes
	// within minutes of its question.
	conversations *expirable.LRU[string, memory]
}

// memory is what memStore keeps of one conversation.
type memory struct {
	user    string
	data    []byte
	at      time.Time
	expires time.Time
}

// conversationsKept bounds the conversations a memStore remembers (an
// entry is a question's text and a few buttons' values), and those a
// replica could not remember (Server.unsaved).
const conversationsKept = 10_000

func newMemStore() *memStore {
	return &memStore{
		plans:         map[string]store.Plan{},
		welcomed:      map[string]time.Time{},
		conversations: expirable.NewLRU[string, memory](conversationsKept, nil, ConversationTTL),
	}
}

func (m *memStore) SavePlan(_ context.Context, p store.Plan) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	p.Have = append([]string{}, p.Have...)
	if p.Updated.IsZero() {
		p.Updated = time.Now().UTC()
	}
	m.plans[p.User] = p
	return nil
}

func (m *memStore) Plan(_ context.Context, user string) (store.Plan, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.plans[user]
	return p, ok, nil
}

func (m *memStore) Welcome(_ context.Context, user string, at time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.welcomed[user]; ok {
		return false, nil
	}
	if at.IsZero() {
		at = time.Now()
	}
	m.welcomed[user] = at
	return true, nil
}

// Remember keeps data for key unless what is kept came from a later
// message, as store.Store.Remember does.
func (m *memStore) Remember(_ context.Context, key, user string, data []byte, at time.Time, ttl time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.conversations.Peek(key); ok && old.at.After(at) {
		return nil
	}
	m.conversations.Add(key, memory{user: user, data: data, at: at, expires: time.Now().Add(ttl)})
	return nil
}

func (m *memStore) Recall(_ context.Context, key string) ([]byte, bool, error) {
	c, ok := m.conversations.Get(key)
	if !ok || !time.Now().Before(c.expires) {
		return nil, false, nil
	}
	return c.data, true, nil
}

// farFuture is later than anything a memStore keeps.
var farFuture = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

func (m *memStore) Forget(ctx context.Context, user string) (store.Forgotten, error) {
	return m.ForgetBefore(ctx, user, farFuture)
}

func (m *memStore) ForgetBefore(_ context.Context, user string, upTo time.Time) (store.Forgotten, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var f store.Forgotten
	if p, ok := m.plans[user]; ok && !p.Updated.After(upTo) {
		delete(m.plans, user)
		f.Plans = 1
	}
	if at, ok := m.welcomed[user]; ok && !at.After(upTo) {
		delete(m.welcomed, user)
		f.Welcomes = 1
	}
	for _, k := range m.conversations.Keys() {
		if c, ok := m.conversations.Peek(k); ok && c.user == user && !c.at.After(upTo) {
			m.conversations.Remove(k)
			f.Conversations++
		}
	}
	return f, nil
}
