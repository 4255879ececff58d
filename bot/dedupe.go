package bot

import (
	"sync"
	"time"
)

// seen remembers recent keys so that each event is answered once: Slack
// redelivers unacked envelopes, possibly on another connection, and fires
// app_mention again when a message is edited.
type seen struct {
	mu   sync.Mutex
	ttl  time.Duration
	keys map[string]time.Time
	now  func() time.Time
}

func newSeen(ttl time.Duration) *seen {
	return &seen{ttl: ttl, keys: map[string]time.Time{}, now: time.Now}
}

// first records the keys and reports whether none of them was seen within
// the TTL. Empty keys are ignored.
func (s *seen) first(keys ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, at := range s.keys {
		if now.Sub(at) > s.ttl {
			delete(s.keys, k)
		}
	}
	fresh := true
	for _, k := range keys {
		if k == "" {
			continue
		}
		if _, dup := s.keys[k]; dup {
			fresh = false
		}
		s.keys[k] = now
	}
	return fresh
}
