package bot

import (
	"testing"
	"time"
)

func TestSeenDropsRepeatsWithinTheTTL(t *testing.T) {
	t.Parallel()
	s := newSeen(10, time.Hour)
	if !s.first("event:E1", "msg:C1:1.1") {
		t.Fatal("a new event was taken for a repeat")
	}
	if s.first("event:E1") || s.first("event:E2", "msg:C1:1.1") {
		t.Error("a repeat by event ID or by message was not caught")
	}
	if !s.first("event:E3", "") || !s.first("event:E4", "") {
		t.Error("an empty key was taken for a repeat")
	}
}

func TestSeenForgetsAfterTheTTL(t *testing.T) {
	t.Parallel()
	s := newSeen(10, 50*time.Millisecond)
	s.first("event:E1")
	time.Sleep(100 * time.Millisecond)
	if !s.first("event:E1") {
		t.Error("a key was remembered past its TTL")
	}
}

func TestSeenIsBounded(t *testing.T) {
	t.Parallel()
	s := newSeen(2, time.Hour)
	for _, k := range []string{"a", "b", "c"} {
		s.first(k)
	}
	if s.keys.Len() != 2 {
		t.Errorf("%d keys kept, bound 2", s.keys.Len())
	}
	if !s.first("a") {
		t.Error("the oldest key was kept beyond the bound")
	}
}

// TestOnceIsNotRenewed lets a key through again a TTL after it was
// recorded, however often it was asked for meanwhile: a person who asks
// about the path every day is offered the plan every day, not once.
func TestOnceIsNotRenewed(t *testing.T) {
	t.Parallel()
	s := newSeen(10, time.Second)
	if !s.once("U1") {
		t.Fatal("a new key was held")
	}
	for range 2 {
		time.Sleep(300 * time.Millisecond)
		if s.once("U1") {
			t.Fatal("a key was let through within its TTL")
		}
	}
	// 1.2 s after it was recorded, past the TTL; 0.6 s after it was last
	// asked for.
	time.Sleep(600 * time.Millisecond)
	if !s.once("U1") {
		t.Error("asking again renewed the key")
	}
}
