package store

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// claimStep is one step of a claim scenario: the clock advances, then op
// runs.
type claimStep struct {
	advance time.Duration
	op      string // "claim", "release", "sweep" or "count"
	key     string
	ttl     time.Duration // for claim; DefaultClaimTTL when zero
	won     bool          // claim: whether it should succeed
	n       int64         // sweep: claims deleted; count: claims left
}

func TestClaimScenarios(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name  string
		steps []claimStep
	}{
		{"first claimant wins", []claimStep{
			{op: "claim", key: "a", won: true},
			{op: "claim", key: "a", won: false},
			{op: "claim", key: "b", won: true},
			{op: "claim", key: "b", won: false},
		}},
		{"claim lives its whole ttl", []claimStep{
			{op: "claim", key: "a", won: true},
			{advance: time.Hour - time.Microsecond, op: "claim", key: "a", won: false},
		}},
		{"expired claim is taken over once", []claimStep{
			{op: "claim", key: "a", won: true},
			{advance: time.Hour, op: "claim", key: "a", won: true},
			{op: "claim", key: "a", won: false},
			{advance: 59 * time.Minute, op: "claim", key: "a", won: false},
		}},
		{"takeover keeps the new ttl", []claimStep{
			{op: "claim", key: "a", ttl: time.Minute, won: true},
			{advance: time.Minute, op: "claim", key: "a", ttl: 3 * time.Hour, won: true},
			{advance: 2 * time.Hour, op: "claim", key: "a", won: false},
			{advance: time.Hour, op: "claim", key: "a", won: true},
		}},
		{"release lets the key be claimed again", []claimStep{
			{op: "claim", key: "a", won: true},
			{op: "release", key: "a"},
			{op: "claim", key: "a", won: true},
			{op: "claim", key: "a", won: false},
		}},
		{"release of an unclaimed key is no error", []claimStep{
			{op: "release", key: "never"},
			{op: "claim", key: "never", won: true},
		}},
		{"sweep removes expired claims only", []claimStep{
			{op: "claim", key: "a", ttl: time.Hour, won: true},
			{op: "claim", key: "b", ttl: 2 * time.Hour, won: true},
			{op: "claim", key: "c", ttl: 3 * time.Hour, won: true},
			{advance: 2 * time.Hour, op: "sweep", n: 2},
			{op: "count", n: 1},
			{op: "sweep", n: 0},
			{op: "claim", key: "c", won: false},
			{op: "claim", key: "a", won: true},
		}},
	}
	forEachBackend(t, func(t *testing.T, b testBackend) {
		for _, sc := range scenarios {
			t.Run(sc.name, func(t *testing.T) {
				t.Parallel()
				s, clock := openClocked(t, b.newURL(t))
				for i, step := range sc.steps {
					clock.Advance(step.advance)
					runClaimStep(t, s, clock, i, step)
				}
			})
		}
	})
}

// runClaimStep runs step i of a scenario and checks its outcome.
func runClaimStep(t *testing.T, s *Store, clock *testClock, i int, step claimStep) {
	t.Helper()
	ctx := t.Context()
	switch step.op {
	case "claim":
		ttl := step.ttl
		if ttl == 0 {
			ttl = DefaultClaimTTL
		}
		won, err := s.Claim(ctx, step.key, ttl)
		if err != nil || won != step.won {
			t.Fatalf("step %d: Claim(%q, %v) = %v, %v; want %v, nil", i, step.key, ttl, won, err, step.won)
		}
	case "release":
		if err := s.Release(ctx, step.key); err != nil {
			t.Fatalf("step %d: Release(%q): %v", i, step.key, err)
		}
	case "sweep":
		n, err := s.Sweep(ctx, clock.Now())
		if err != nil || n != step.n {
			t.Fatalf("step %d: Sweep = %d, %v; want %d, nil", i, n, err, step.n)
		}
	case "count":
		if n := queryInt(t, s, "SELECT count(*) FROM claims"); n != step.n {
			t.Fatalf("step %d: %d claims left; want %d", i, n, step.n)
		}
	default:
		t.Fatalf("step %d: unknown op %q", i, step.op)
	}
}

// claimers is how many goroutines race for one key.
const claimers = 50

// raceClaims has claimers goroutines claim key at once, each on the store
// that pick gives it, and returns how many won.
func raceClaims(t *testing.T, key string, pick func(i int) *Store) int64 {
	t.Helper()
	var wins atomic.Int64
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range claimers {
		wg.Go(func() {
			<-start
			won, err := pick(i).Claim(context.Background(), key, DefaultClaimTTL)
			if err != nil {
				t.Errorf("claimer %d: %v", i, err)
			}
			if won {
				wins.Add(1)
			}
		})
	}
	close(start)
	wg.Wait()
	return wins.Load()
}

func TestClaimRace(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		if wins := raceClaims(t, "event-1", func(int) *Store { return s }); wins != 1 {
			t.Errorf("%d of %d claimers won; want exactly 1", wins, claimers)
		}
	})
}

func TestClaimRaceForExpiredClaim(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s, clock := openClocked(t, b.newURL(t))
		if _, err := s.Claim(t.Context(), "event-1", time.Minute); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Minute)
		if wins := raceClaims(t, "event-1", func(int) *Store { return s }); wins != 1 {
			t.Errorf("%d of %d claimers took over the expired claim; want exactly 1", wins, claimers)
		}
	})
}

// TestClaimRaceTwoReplicas races claimers from two Stores on one PostgreSQL
// database, as two replicas of the bot.
func TestClaimRaceTwoReplicas(t *testing.T) {
	t.Parallel()
	url := postgresURL(t)
	replicas := []*Store{openStore(t, url), openStore(t, url)}
	for round := range 5 {
		key := fmt.Sprintf("event-%d", round)
		wins := raceClaims(t, key, func(i int) *Store { return replicas[i%len(replicas)] })
		if wins != 1 {
			t.Errorf("%s: %d of %d claimers won across two replicas; want exactly 1", key, wins, claimers)
		}
	}
}

func TestClaimRejectsBadArguments(t *testing.T) {
	t.Parallel()
	s := openStore(t, sqliteURL(t))
	tests := []struct {
		name string
		key  string
		ttl  time.Duration
	}{
		{"empty key", "", DefaultClaimTTL},
		{"zero ttl", "k", 0},
		{"negative ttl", "k", -time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if won, err := s.Claim(t.Context(), tt.key, tt.ttl); err == nil || won {
				t.Errorf("Claim(%q, %v) = %v, %v; want false and an error", tt.key, tt.ttl, won, err)
			}
		})
	}
	if err := s.Release(t.Context(), ""); err == nil {
		t.Error("Release(\"\") gave no error")
	}
}
