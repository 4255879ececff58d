package question

import "testing"

func TestInField(t *testing.T) {
	t.Parallel()
	fields := SetOf("nursing hospital restaurants hotels army harvest welfare casino zoo")
	tests := []struct {
		message string
		want    bool
	}{
		// A leader's field, or what the asker runs, counted.
		{"as director of nursing, who should I report to?", true},
		{"the director of a child welfare agency: how do I plan a budget?", true},
		{"casino shift manager moving up, what changes?", true},
		{"zoo director here, how do I split my time?", true},
		{"I run 4 restaurants, what skills do I need?", true},
		{"I manage three hotels. Who should I report to?", true},
		// Figures of speech, and fields that are where a leader works.
		{"how big is the army a director typically commands?", false},
		{"who plans the harvest? dir vs vp", false},
		{"is a VP the general of the army while directors lead companies?", false},
		{"is the VP like the captain of the army?", false},
		{"do directors need a casino manager's poker face?", false},
		{"I'm a director at a regional hospital; how do I get to VP?", false},
		{"I work for a restaurants group as a director, what changes at VP?", false},
		{"what skills does a director need?", false},
	}
	for _, tt := range tests {
		if got := LeadsIn(tt.message, fields); got != tt.want {
			t.Errorf("LeadsIn(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}
