package store

import (
	"slices"
	"sync"
	"testing"
	"time"
)

func TestPlansArePerPersonAndForgotten(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		s, clock := openClocked(t, url)
		ctx := t.Context()

		if _, ok, err := s.Plan(ctx, "U1"); err != nil || ok {
			t.Fatalf("a plan before any: ok %v, err %v", ok, err)
		}
		if err := s.SavePlan(ctx, Plan{User: "U1", Path: "indicators", Have: []string{"Strong relationships", "Composure ✓ \"quoted\""}}); err != nil {
			t.Fatal(err)
		}
		if err := s.SavePlan(ctx, Plan{User: "U2", Path: "indicators"}); err != nil {
			t.Fatal(err)
		}
		p, ok, err := s.Plan(ctx, "U1")
		if err != nil || !ok || p.User != "U1" || p.Path != "indicators" || !slices.Equal(p.Have, []string{"Strong relationships", "Composure ✓ \"quoted\""}) || !p.Updated.Equal(clock.Now()) {
			t.Fatalf("plan = %+v, %v, %v", p, ok, err)
		}
		// Ticking again replaces the ticks.
		clock.Advance(time.Hour)
		if err := s.SavePlan(ctx, Plan{User: "U1", Path: "indicators", Have: []string{"Business acumen"}}); err != nil {
			t.Fatal(err)
		}
		if p, _, _ := s.Plan(ctx, "U1"); !slices.Equal(p.Have, []string{"Business acumen"}) || !p.Updated.Equal(clock.Now()) {
			t.Errorf("after ticking again: %+v", p)
		}
		if p, ok, _ := s.Plan(ctx, "U2"); !ok || p.Have == nil || len(p.Have) != 0 {
			t.Errorf("a plan with nothing ticked: %+v, %v", p, ok)
		}

		// A person is welcomed once, whoever asks first.
		var firsts int
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				first, err := s.Welcome(ctx, "U1", time.Time{})
				if err != nil {
					t.Error(err)
				}
				if first {
					mu.Lock()
					firsts++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if firsts != 1 {
			t.Errorf("welcomed first %d times, want once", firsts)
		}

		// Forgetting deletes the person's rows and nobody else's.
		f, err := s.Forget(ctx, "U1")
		if err != nil || f != (Forgotten{Plans: 1, Welcomes: 1}) {
			t.Fatalf("forget = %+v, %v", f, err)
		}
		if _, ok, _ := s.Plan(ctx, "U1"); ok {
			t.Error("the plan survived forget")
		}
		if n := queryInt(t, s, "SELECT count(*) FROM welcomed WHERE user_id = 'U1'"); n != 0 {
			t.Errorf("%d welcome notes survived forget", n)
		}
		if _, ok, _ := s.Plan(ctx, "U2"); !ok {
			t.Error("forgetting U1 deleted U2's plan")
		}
		if first, _ := s.Welcome(ctx, "U1", time.Time{}); !first {
			t.Error("after forget, the bot should greet again")
		}
		if f, err := s.Forget(ctx, "U3"); err != nil || f != (Forgotten{}) {
			t.Errorf("forgetting someone unknown = %+v, %v", f, err)
		}

		// Another process on the same database reads the same plans.
		other := openStore(t, url)
		if p, ok, err := other.Plan(ctx, "U2"); err != nil || !ok || p.Path != "indicators" {
			t.Errorf("another store: %+v, %v, %v", p, ok, err)
		}
	})
}

// TestForgetBeforeDeletesLateSaves: a click or a greeting that came
// before a forget but was saved after it is deleted when the forget runs
// again; what came after the forget stays.
func TestForgetBeforeDeletesLateSaves(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		ctx := t.Context()
		forgot := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		for user, ticked := range map[string]time.Time{"U1": forgot.Add(-time.Millisecond), "U2": forgot.Add(time.Millisecond)} {
			if err := s.SavePlan(ctx, Plan{User: user, Path: "indicators", Updated: ticked}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Welcome(ctx, user, ticked); err != nil {
				t.Fatal(err)
			}
		}
		if p, _, _ := s.Plan(ctx, "U1"); !p.Updated.Equal(forgot.Add(-time.Millisecond)) {
			t.Errorf("a plan's time is its click's: %v", p.Updated)
		}
		for user, want := range map[string]Forgotten{"U1": {Plans: 1, Welcomes: 1}, "U2": {}} {
			if f, err := s.ForgetBefore(ctx, user, forgot); err != nil || f != want {
				t.Errorf("ForgetBefore(%s) = %+v, %v; want %+v", user, f, err, want)
			}
		}
		if _, ok, _ := s.Plan(ctx, "U2"); !ok {
			t.Error("a plan ticked after the forget was deleted")
		}
		if first, _ := s.Welcome(ctx, "U2", time.Time{}); first {
			t.Error("a greeting after the forget was forgotten")
		}
	})
}

func TestPlansRefuseBadInput(t *testing.T) {
	s := openStore(t, sqliteURL(t))
	ctx := t.Context()
	for name, p := range map[string]Plan{
		"no user":      {Path: "x"},
		"spaced user":  {User: "U 1", Path: "x"},
		"huge tick":    {User: "U1", Path: "x", Have: []string{string(make([]byte, maxIndicatorBytes+1))}},
		"too many":     {User: "U1", Path: "x", Have: make([]string, maxTicked+1)},
		"long user id": {User: string(make([]byte, maxUserID+1)), Path: "x"},
	} {
		if err := s.SavePlan(ctx, p); err == nil {
			t.Errorf("%s: saved", name)
		}
	}
	if _, _, err := s.Plan(ctx, ""); err == nil {
		t.Error("read the plan of no one")
	}
	if _, err := s.Forget(ctx, ""); err == nil {
		t.Error("forgot no one")
	}
}
