package question

import "testing"

func TestInField(t *testing.T) {
	t.Parallel()
	fields := SetOf("nursing nurses hospital restaurants winery army harvest welfare casino zoo")
	tests := []struct {
		message string
		want    bool
	}{
		// A leader's field, the asker's workplace, or two fields named.
		{"as director of nursing, who should I report to?", true},
		{"the director of a child welfare agency: how do I plan a budget?", true},
		{"casino shift manager moving up, what changes?", true},
		{"zoo director here, how do I split my time?", true},
		{"plant director at a winery, how many managers?", true},
		{"I'm at a regional hospital; how do I get to VP?", true},
		{"I run 4 restaurants, what skills do I need?", true},
		{"how many nurses should a director of a hospital oversee?", true},
		// Figures of speech: the field is nobody's.
		{"how big is the army a director typically commands?", false},
		{"who plans the harvest? dir vs vp", false},
		{"is a VP the general of the army while directors lead companies?", false},
		{"what skills does a director need?", false},
	}
	for _, tt := range tests {
		if got := InField(tt.message, fields); got != tt.want {
			t.Errorf("InField(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}
