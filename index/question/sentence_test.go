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
		// A check asks about the sentence before it.
		{"Directors should own the budget. Is that right per the guide?", []bool{false, true}},
		{"I run two teams. VPs own the budget. True?", []bool{true, false, true}},
		{"VPs own the budget. Is that right for a director?", []bool{true, false}},
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

func TestItems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sentence string
		want     []string
	}{
		{"director skills?", []string{"director skills?"}},
		// The sentence's own words lead into the list and out of it.
		{"differences in team size, reporting line and planning horizon?", []string{"team size", "reporting line", "planning horizon"}},
		{"how much time should go to 1:1s VS. cross-functional stuff vs tech reviews, roughly?", []string{"1 1s", "cross functional stuff", "tech reviews", "roughly"}},
		{"technical + leadership / people or ops & android skills", []string{"technical", "leadership", "people", "ops", "android skills"}},
		// A joint inside a word joins nothing.
		{"brand, operations", []string{"brand", "operations"}},
		{"who approves offers, the director or the VP?", []string{"approves offers", "the director", "the vp"}},
		{"and, or", []string{"and, or"}},
	}
	for _, tt := range tests {
		if got := Items(tt.sentence); !slices.Equal(got, tt.want) {
			t.Errorf("Items(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}
