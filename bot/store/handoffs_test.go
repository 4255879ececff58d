package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestHandoffsAreTakenOnceInOrder keeps replies for another replica, takes
// them back oldest first, each once however many replicas take at the same
// time, and deletes a person's when they are forgotten.
func TestHandoffsAreTakenOnceInOrder(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		ctx := t.Context()
		received := time.Date(2026, 12, 3, 9, 0, 0, 123456789, time.UTC)
		handoff := func(i int, user string) Handoff {
			return Handoff{
				Type:     "events_api",
				Payload:  json.RawMessage(fmt.Sprintf(`{"event_id":"Ev%d","text":"what's a VP's \"span\"? ✓"}`, i)),
				User:     user,
				Received: received.Add(time.Duration(i) * time.Second),
			}
		}
		if err := s.PutHandoffs(ctx, []Handoff{handoff(0, "U1"), handoff(1, "U2"), handoff(2, "U1")}); err != nil {
			t.Fatal(err)
		}
		got, err := s.TakeHandoffs(ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range got {
			want := handoff(i, []string{"U1", "U2"}[i])
			if h.Type != want.Type || string(h.Payload) != string(want.Payload) || h.User != want.User || !h.Received.Equal(want.Received.Truncate(time.Microsecond)) {
				t.Errorf("taken %d = %+v, want %+v", i, h, want)
			}
		}
		if len(got) != 2 {
			t.Fatalf("took %d of 3 with a limit of 2", len(got))
		}

		// Forgetting a person deletes their handoffs, not others'.
		if err := s.PutHandoffs(ctx, []Handoff{handoff(3, "U2")}); err != nil {
			t.Fatal(err)
		}
		f, err := s.Forget(ctx, "U1")
		if err != nil || f.Handoffs != 1 {
			t.Errorf("Forget = %+v, %v; want one handoff deleted", f, err)
		}
		if got, err := s.TakeHandoffs(ctx, 10); err != nil || len(got) != 1 || got[0].User != "U2" {
			t.Errorf("after the forget took %+v, %v; want U2's one", got, err)
		}
		if got, err := s.TakeHandoffs(ctx, 10); err != nil || len(got) != 0 {
			t.Errorf("took %+v, %v from an empty store", got, err)
		}

		// Replicas taking at once take each handoff once.
		const kept, takers = 700, 4
		var all []Handoff
		for i := range kept {
			all = append(all, handoff(i, "U3"))
		}
		if err := s.PutHandoffs(ctx, all); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		taken := map[string]int{}
		var wg sync.WaitGroup
		for range takers {
			wg.Go(func() {
				for {
					hs, err := s.TakeHandoffs(ctx, 7)
					if err != nil {
						t.Error(err)
						return
					}
					if len(hs) == 0 {
						return
					}
					mu.Lock()
					for _, h := range hs {
						taken[string(h.Payload)]++
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(taken) != kept {
			t.Errorf("took %d different handoffs of %d", len(taken), kept)
		}
		for p, n := range taken {
			if n != 1 {
				t.Errorf("%s taken %d times", p, n)
			}
		}
	})
}

// TestOldHandoffsAreSwept: no replica answers a handoff older than
// HandoffMaxAge, and the sweep deletes it, though none took it.
func TestOldHandoffsAreSwept(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s, clock := openClocked(t, b.newURL(t))
		old := Handoff{Type: "events_api", Payload: json.RawMessage(`{"old":1}`), User: "U1", Received: clock.Now().Add(-HandoffMaxAge - time.Second)}
		recent := Handoff{Type: "events_api", Payload: json.RawMessage(`{"recent":1}`), User: "U1", Received: clock.Now().Add(-time.Minute)}
		if err := s.PutHandoffs(t.Context(), []Handoff{old, recent}); err != nil {
			t.Fatal(err)
		}
		if n, err := s.Sweep(t.Context(), clock.Now()); err != nil || n != 1 {
			t.Errorf("Sweep = %d, %v; want the old handoff deleted", n, err)
		}
		if hs, err := s.TakeHandoffs(t.Context(), 10); err != nil || len(hs) != 1 || string(hs[0].Payload) != `{"recent":1}` {
			t.Errorf("took %+v, %v; want the recent one", hs, err)
		}
	})
}

func TestHandoffsRefuseBadInput(t *testing.T) {
	t.Parallel()
	s := openStore(t, sqliteURL(t))
	for _, h := range []Handoff{
		{Type: "events_api", Payload: json.RawMessage(`{}`)},
		{Type: "events_api", User: "U1"},
		{Payload: json.RawMessage(`{}`), User: "U1"},
		{Type: "events_api", Payload: json.RawMessage(`{}`), User: "U 1"},
	} {
		if err := s.PutHandoffs(t.Context(), []Handoff{h}); err == nil {
			t.Errorf("PutHandoffs(%+v) kept it", h)
		}
	}
}

// TestTakingHandoffsSkipsLockedOnes: on PostgreSQL a replica taking
// handoffs skips the rows another is taking (FOR UPDATE SKIP LOCKED)
// rather than wait for its transaction to end.
func TestTakingHandoffsSkipsLockedOnes(t *testing.T) {
	t.Parallel()
	url := postgresURL(t)
	s := openStore(t, url)
	ctx := t.Context()
	var hs []Handoff
	for i := range 2 {
		hs = append(hs, Handoff{Type: "events_api", Payload: json.RawMessage(fmt.Sprintf(`{"event_id":"Ev%d"}`, i)), User: "U1", Received: time.Now()})
	}
	if err := s.PutHandoffs(ctx, hs); err != nil {
		t.Fatal(err)
	}
	// Another replica, in the middle of taking the first.
	other, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(context.Background())
	tx, err := other.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback(context.Background()) }()
	if _, err := tx.Exec(ctx, `SELECT id FROM handoffs ORDER BY id LIMIT 1 FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	waitless, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	got, err := s.TakeHandoffs(waitless, 10)
	if err != nil || len(got) != 1 || string(got[0].Payload) != `{"event_id":"Ev1"}` {
		t.Fatalf("TakeHandoffs beside a taker = %v, %v; want the second at once", got, err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := s.TakeHandoffs(ctx, 10); err != nil || len(got) != 1 || string(got[0].Payload) != `{"event_id":"Ev0"}` {
		t.Errorf("TakeHandoffs once the other gave up = %v, %v; want the first", got, err)
	}
}
