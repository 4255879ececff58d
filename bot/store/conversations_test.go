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
		if got := recall("C1/1.1"); got != "" {
			t.Fatalf("memory before any: %q", got)
		}
		if err := s.Remember(ctx, "C1/1.1", "U1", []byte(`{"question":"who does a VP report to? ✓"}`), ttl); err != nil {
			t.Fatal(err)
		}
		if err := s.Remember(ctx, "D2/", "U2", []byte(`{"question":"skills"}`), ttl); err != nil {
			t.Fatal(err)
		}
		if got := recall("C1/1.1"); got != `{"question":"who does a VP report to? ✓"}` {
			t.Errorf("recalled %q", got)
		}
		// The next question replaces it, and lives its own ttl.
		clock.Advance(20 * time.Minute)
		if err := s.Remember(ctx, "C1/1.1", "U3", []byte(`{"question":"and for a director?"}`), ttl); err != nil {
			t.Fatal(err)
		}
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
		// Forgetting the last asker forgets the conversation.
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

// TestConversationKeysAreHashed: no channel or thread ID is kept.
func TestConversationKeysAreHashed(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/state.db"
	s := openStore(t, "sqlite:"+path)
	if err := s.Remember(t.Context(), "CSECRET/1700000000.000100", "U1", []byte(`{}`), time.Minute); err != nil {
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
		ttl               time.Duration
	}{
		{"", "U1", "{}", time.Minute},
		{"C1/", "", "{}", time.Minute},
		{"C1/", "U1", "", time.Minute},
		{"C1/", "U1", "{}", 0},
	} {
		if err := s.Remember(t.Context(), tt.key, tt.user, []byte(tt.memory), tt.ttl); err == nil {
			t.Errorf("Remember(%+v) kept it", tt)
		}
	}
}
