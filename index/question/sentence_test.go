package question

import (
	"slices"
	"testing"
)

func TestSplitTellsContext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		message string
		context []bool
	}{
		{"director skills", []bool{false}},
		{"what skills? and what budget?", []bool{false, false}},
		{"I run two teams. My boss hints at a promotion. What is the job about?", []bool{true, true, false}},
		{"I run two teams. What changes? Asking for a friend.", []bool{true, false, true}},
		{"I run two teams. I want the job.", []bool{false, false}},
		// An ellipsis before more of the message trails off into it.
		{"aws bill up 40%... should a dir own the budget", []bool{false}},
		{"we tried everything... what now? I run two teams.", []bool{false, true}},
		{"what does a director own...", []bool{false}},
	}
	for _, tt := range tests {
		var got []bool
		for _, s := range Split(tt.message) {
			got = append(got, s.Context)
		}
		if !slices.Equal(got, tt.context) {
			t.Errorf("Split(%q) context = %v, want %v", tt.message, got, tt.context)
		}
	}
}
