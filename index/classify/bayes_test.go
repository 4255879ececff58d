package classify

import (
	"slices"
	"strings"
	"testing"
)

// words reads a space-separated text as stems that count fully.
func words(text string) []Word {
	var out []Word
	for stem := range strings.FieldsSeq(text) {
		out = append(out, Word{Stem: stem, Weight: 1})
	}
	return out
}

func TestFeatures(t *testing.T) {
	t.Parallel()
	got := Features([]Word{{"sign", 1}, {"off", 0.35}, {"sign", 0.5}})
	want := []Feature{{"off", 0.35}, {"off sign", 0.35}, {"sign", 1}, {"sign off", 0.35}}
	if !slices.Equal(got, want) {
		t.Errorf("Features = %v, want %v", got, want)
	}
}

// TestVerdict teaches two labels and none, and asks: a question worded as
// a label's examples is that label's, one worded as none's is likely
// unanswered, and one whose words no example used gets no verdict. An
// example naming two labels teaches the second less (its weight).
func TestVerdict(t *testing.T) {
	t.Parallel()
	const budget, hiring = 0, 1
	tr := NewTrainer()
	teach := func(label int, q string, weight float64) { tr.Teach(label, Features(words(q)), weight) }
	teach(budget, "plan the budget", 1)
	teach(budget, "who owns the budget", 1)
	teach(hiring, "plan headcount for hiring", 1)
	teach(hiring, "hiring a new team", 1)
	teach(budget, "hiring a new team", 0.5)
	teach(2, "plan a wedding", 1)
	teach(2, "wedding gifts", 1)
	m := tr.Model(2)
	tests := []struct {
		question   string
		best       int // -1: no chances
		unanswered bool
	}{
		{"who owns the budget", budget, false},
		{"hiring for the team", hiring, false},
		{"wedding plan", budget, true},
		{"lunch menu", -1, false},
	}
	for _, tt := range tests {
		v := m.Verdict(Features(words(tt.question)), false)
		if tt.best < 0 {
			if v.Chances != nil || v.Unanswered != 0 {
				t.Errorf("Verdict(%q) = %+v, want none", tt.question, v)
			}
			continue
		}
		if len(v.Chances) != 2 {
			t.Fatalf("Verdict(%q) has %d chances, want 2", tt.question, len(v.Chances))
		}
		if sum := v.Chances[0] + v.Chances[1]; sum < 0.999 || sum > 1.001 {
			t.Errorf("Verdict(%q) chances add up to %v, want 1", tt.question, sum)
		}
		if tt.question != "wedding plan" && v.Chances[tt.best] <= v.Chances[1-tt.best] {
			t.Errorf("Verdict(%q) chances %v, want label %d likelier", tt.question, v.Chances, tt.best)
		}
		if got := v.Unanswered > 0.5; got != tt.unanswered {
			t.Errorf("Verdict(%q) unanswered %.3f, want above 0.5: %v", tt.question, v.Unanswered, tt.unanswered)
		}
	}
}

// TestVerdictWithoutNone teaches no label none: nothing is unanswered.
func TestVerdictWithoutNone(t *testing.T) {
	t.Parallel()
	tr := NewTrainer()
	tr.Teach(0, Features(words("plan the budget")), 1)
	tr.Teach(1, Features(words("hiring a team")), 1)
	v := tr.Model(2).Verdict(Features(words("plan the budget")), true)
	if v.Unanswered != 0 || len(v.Chances) != 2 || v.Chances[0] <= v.Chances[1] {
		t.Errorf("Verdict = %+v, want the first label likelier and nothing unanswered", v)
	}
}

// TestSupport tells how much the examples taught a feature.
func TestSupport(t *testing.T) {
	t.Parallel()
	tr := NewTrainer()
	tr.Teach(0, []Feature{{"budget", 1}, {"plan", 0.35}}, 1)
	tr.Teach(0, []Feature{{"budget", 1}}, 0.5)
	m := tr.Model(1)
	for text, want := range map[string]float64{"budget": 1.5, "plan": 0.35, "wedding": 0} {
		if got := m.Support(text); got < want-1e-6 || got > want+1e-6 {
			t.Errorf("Support(%q) = %v, want %v", text, got, want)
		}
	}
}
