package index

import (
	"slices"
	"testing"
)

// TestSentences: a paragraph splits at a full stop, question or
// exclamation mark before a capital, but not after an abbreviation.
func TestSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"Directors plan. VPs set strategy!", []string{"Directors plan.", "VPs set strategy!"}},
		{"Sr. PMs own a product line. PMs own an area.", []string{"Sr. PMs own a product line.", "PMs own an area."}},
		{"Pick one, e.g. Billing or Cards. Then grow it.", []string{"Pick one, e.g. Billing or Cards.", "Then grow it."}},
		{"Talk to Dr. Lee (vs. Ms. Kay) first? Yes.", []string{"Talk to Dr. Lee (vs. Ms. Kay) first?", "Yes."}},
		{"no capital after. so one sentence", []string{"no capital after. so one sentence"}},
	}
	for _, tt := range tests {
		if got := sentences(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
