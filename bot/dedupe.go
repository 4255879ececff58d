package bot

import (
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"
)

// The repeat filter remembers a key for dedupeTTL after it was last seen,
// and at most dedupeKeys keys, the oldest dropped first: two an event, so
// the last 32,768 events, far more than a workspace sends a bot within the
// TTL.
const (
	dedupeTTL  = 15 * time.Minute
	dedupeKeys = 1 << 16
)

// seen remembers recent keys so that each event is answered once: Slack
// redelivers unacked envelopes, possibly on another connection, and fires
// app_mention again when a message is edited. It is safe for concurrent
// use.
type seen struct {
	mu   sync.Mutex
	keys *expirable.LRU[string, struct{}]
}

// newSeen remembers up to size keys, each for ttl after it was last seen.
func newSeen(size int, ttl time.Duration) *seen {
	return &seen{keys: expirable.NewLRU[string, struct{}](size, nil, ttl)}
}

// first records the keys and reports whether none of them was seen within
// the TTL. Empty keys are ignored.
func (s *seen) first(keys ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	fresh := true
	for _, k := range keys {
		if k == "" {
			continue
		}
		if _, dup := s.keys.Peek(k); dup {
			fresh = false
		}
		s.keys.Add(k, struct{}{})
	}
	return fresh
}

// once records a key and reports whether it was not held: unlike first,
// a key held is not renewed, so it is let through again once ttl has
// passed since it was recorded.
func (s *seen) once(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, held := s.keys.Peek(key); held {
		return false
	}
	s.keys.Add(key, struct{}{})
	return true
}

// forget drops keys, so that they are seen for the first time again: an
// event whose reply failed may be answered when Slack sends it again.
func (s *seen) forget(keys ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		s.keys.Remove(k)
	}
}
