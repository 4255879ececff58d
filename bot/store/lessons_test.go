package store

import (
	"testing"
	"time"
)

// TestLessonsAreKeptUntilUndone teaches questions, teaches one of them
// again (the later word wins, once), reads them back latest first, and
// undoes one.
func TestLessonsAreKeptUntilUndone(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		ctx := t.Context()
		now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
		s.now = func() time.Time { return now }
		if err := s.Teach(ctx, "skills", "what makes a good director", "director skills"); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Minute)
		if err := s.Teach(ctx, "", "director skills", "whats for lunch", "director skills"); err != nil {
			t.Fatal(err)
		}
		got, err := s.Lessons(ctx)
		if err != nil {
			t.Fatal(err)
		}
		type lesson struct{ question, section string }
		want := []lesson{{"whats for lunch", ""}, {"director skills", ""}, {"what makes a good director", "skills"}}
		if len(got) != len(want) {
			t.Fatalf("Lessons = %+v, want %v", got, want)
		}
		for i, l := range got {
			if (lesson{l.Question, l.Section}) != want[i] {
				t.Errorf("lesson %d = %+v, want %v: the latest first, a question taught again once with its later section", i, l, want[i])
			}
		}
		if !got[0].Taught.Equal(now) {
			t.Errorf("taught at %v, want %v", got[0].Taught, now)
		}
		if ok, err := s.Unteach(ctx, got[1].ID); err != nil || !ok {
			t.Fatalf("Unteach = %v, %v", ok, err)
		}
		if ok, err := s.Unteach(ctx, got[1].ID); err != nil || ok {
			t.Errorf("undoing a lesson twice = %v, %v; want false, nil", ok, err)
		}
		if left, err := s.Lessons(ctx); err != nil || len(left) != 2 {
			t.Errorf("after undoing one, Lessons = %+v, %v; want two", left, err)
		}
		if err := s.Teach(ctx, "skills", " "); err == nil {
			t.Error("an empty question was taught")
		}
	})
}
