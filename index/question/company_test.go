package question

import "testing"

func TestNamesSomeone(t *testing.T) {
	t.Parallel()
	known := func(w string) bool { return SetOf("director vp engineering report")[w] }
	tests := []struct {
		message string
		want    bool
	}{
		{"Who does Priya report to after the reorg?", true},
		{"is Mark a good director? be honest", true},
		{"do you think Tom is ready to be a director?", true},
		{"How many direct reports does Sarah have?", true},
		// The guide's own words, capitals, a name that opens the sentence
		// or only tells the story, and a name after no verb that asks.
		{"Does Engineering report to the VP?", false},
		{"is a VP an SVP?", false},
		{"Priya is a director. How many reports should she have?", false},
		{"My VP Sarah says directors should code. Is that true?", false},
		{"I moved from Amazon to a director role, what changes?", false},
	}
	for _, tt := range tests {
		if got := NamesSomeone(tt.message, known); got != tt.want {
			t.Errorf("NamesSomeone(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}
