package classify

import (
	"fmt"
	"testing"
)

// TestNear compares questions with the examples a model was taught: the
// same words are as near as can be, a rewording near, one shared word or
// words no example used not at all; a model of more examples than it
// keeps compares none.
func TestNear(t *testing.T) {
	t.Parallel()
	taught := func(questions ...string) *Model {
		tr := NewTrainer()
		for _, q := range questions {
			fs := Features(words(q))
			tr.Sample(q, fs, false, false)
			tr.Teach(0, fs, 1)
		}
		return tr.Model(1)
	}
	m := taught("plan wedding budget", "owns budget", "hiring new team", "recruiters need")
	for _, tt := range []struct {
		question string
		min, max float64
	}{
		{"plan wedding budget", 0.999, 1.001},
		{"plan my wedding budget", 0.5, 0.999},
		{"budget", 0, 0},
		{"who owns the budget", 0.2, 0.999},
		{"kitty mosaic", 0, 0},
	} {
		if got := m.Near(Features(words(tt.question))); got < tt.min || got > tt.max {
			t.Errorf("Near(%q) = %.3f, want %.3f to %.3f", tt.question, got, tt.min, tt.max)
		}
	}
	// Examples are numbered as taught, whatever order the regression
	// takes them in.
	for i, q := range []string{"plan wedding budget", "owns budget", "hiring new team", "recruiters need"} {
		if got, _ := m.Nearest(Features(words(q))); got != i {
			t.Errorf("Nearest(%q) = example %d, want %d", q, got, i)
		}
	}
	many := make([]string, nearCap+1)
	for i := range many {
		many[i] = fmt.Sprintf("question %d", i)
	}
	if got := taught(many...).Near(Features(words("question 1"))); got != 0 {
		t.Errorf("Near with %d examples = %.3f, want 0: none kept", len(many), got)
	}
}
