package store

import (
	"database/sql"
	"strings"
	"testing"
	"time"
)

// TestConversationsAreRememberedAWhile keeps a conversation's memory, reads
// it back, replaces it, lets it expire, sweeps it, and forgets a person's.
func TestConversationsAreRememberedAWhile(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s, clock := openClocked(t, b.newURL(t))
		ctx := t.Context()
		const ttl = 30 * time.Minute
		recall := func(key string) string {
			t.Helper()
			m, ok, err := s.Recall(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			if ok != (m != nil) {
				t.Fatalf("Recall(%q) = %q, %v", key, m, ok)
			}
			return string(m)
		}
		remember := func(key, user, memory string) {
			t.Helper()
			if err := s.Remember(ctx, key, user, []byte(memory), clock.Now(), ttl); err != nil {
				t.Fatal(err)
			}
		}
		if got := recall("C1/1.1"); got != "" {
			t.Fatalf("memory before any: %q", got)
		}
		remember("C1/1.1", "U1", `{"question":"who does a VP report to? ✓"}`)
		remember("D2/", "U2", `{"question":"skills"}`)
		if got := recall("C1/1.1"); got != `{"question":"who does a VP report to? ✓"}` {
			t.Errorf("recalled %q", got)
		}
		// The next question replaces it, and lives its own ttl.
		clock.Advance(20 * time.Minute)
		remember("C1/1.1", "U3", `{"question":"and for a director?"}`)
		clock.Advance(15 * time.Minute)
		if got := recall("C1/1.1"); got != `{"question":"and for a director?"}` {
			t.Errorf("after the next question: %q", got)
		}
		if got := recall("D2/"); got != "" {
			t.Errorf("an expired memory was recalled: %q", got)
		}
		if n, err := s.Sweep(ctx, clock.Now()); err != nil || n != 1 {
			t.Errorf("Sweep = %d, %v; want the expired memory deleted", n, err)
		}
		// Forgetting the asker of its question forgets the conversation.
		if f, err := s.Forget(ctx, "U1"); err != nil || f.Conversations != 0 {
			t.Errorf("Forget(U1) = %+v, %v; U3 asked last", f, err)
		}
		if f, err := s.Forget(ctx, "U3"); err != nil || f.Conversations != 1 {
			t.Errorf("Forget(U3) = %+v, %v", f, err)
		}
		if got := recall("C1/1.1"); got != "" {
			t.Errorf("a forgotten memory was recalled: %q", got)
		}
	})
}

// TestConversationsKeepTheLaterMessage: of two replicas answering one
// conversation, the memory of the message that arrived later stays,
// whichever writes last, and a forget deletes only what arrived before it.
func TestConversationsKeepTheLaterMessage(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s, clock := openClocked(t, b.newURL(t))
		ctx := t.Context()
		first := clock.Now()
		second := first.Add(time.Second)
		for _, m := range []struct {
			at     time.Time
			memory string
		}{{second, `{"question":"second"}`}, {first, `{"question":"first"}`}} {
			if err := s.Remember(ctx, "C1/1.1", "U1", []byte(m.memory), m.at, time.Hour); err != nil {
				t.Fatal(err)
			}
		}
		if m, _, err := s.Recall(ctx, "C1/1.1"); err != nil || string(m) != `{"question":"second"}` {
			t.Errorf("Recall = %q, %v; want the later message's memory", m, err)
		}
		if f, err := s.ForgetBefore(ctx, "U1", first); err != nil || f.Conversations != 0 {
			t.Errorf("ForgetBefore(first) = %+v, %v; the memory came after it", f, err)
		}
		if f, err := s.ForgetBefore(ctx, "U1", second); err != nil || f.Conversations != 1 {
			t.Errorf("ForgetBefore(second) = %+v, %v", f, err)
		}
	})
}

// TestConversationKeysAreHashed: no channel or thread ID is kept.
func TestConversationKeysAreHashed(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/state.db"
	s := openStore(t, "sqlite:"+path)
	if err := s.Remember(t.Context(), "CSECRET/1700000000.000100", "U1", []byte(`{}`), time.Now(), time.Minute); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var key string
	if err := db.QueryRow(`SELECT key FROM conversations`).Scan(&key); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(key, "CSECRET") || strings.Contains(key, "1700000000") || len(key) != 64 {
		t.Errorf("kept key %q", key)
	}
}

func TestConversationsRefuseBadInput(t *testing.T) {
	t.Parallel()
	s := openStore(t, sqliteURL(t))
	for _, tt := range []struct {
		key, user, memory string
		at                time.Time
		ttl               time.Duration
	}{
		{"", "U1", "{}", time.Now(), time.Minute},
		{"C1/", "", "{}", time.Now(), time.Minute},
		{"C1/", "U1", "", time.Now(), time.Minute},
		{"C1/", "U1", "{}", time.Time{}, time.Minute},
		{"C1/", "U1", "{}", time.Now(), 0},
	} {
		if err := s.Remember(t.Context(), tt.key, tt.user, []byte(tt.memory), tt.at, tt.ttl); err == nil {
			t.Errorf("Remember(%+v) kept it", tt)
		}
	}
}
