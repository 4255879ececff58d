package question

import "testing"

// TestSought reads whether a topic is what a sentence asks for or one it
// names in passing.
func TestSought(t *testing.T) {
	t.Parallel()
	tests := []struct {
		question, topic string
		want            bool
	}{
		{"which books help a director think like an executive", "books", true},
		{"what executive coaching helps with composure", "coaching", true},
		{"what's a good podcast for new directors", "podcast", true},
		{"is there a template for the business case", "template", true},
		{"how do I set up lattice for calibration", "lattice", true},
		{"how do I use jira to manage dependencies", "jira", true},
		{"how much time should a director spend in jira each week", "jira", false},
		{"does a director review datadog dashboards every morning", "datadog", false},
		{"what does a director check in jira before standup", "jira", false},
	}
	for _, tt := range tests {
		words := Words(tt.question)
		i := -1
		for j, w := range words {
			if w == tt.topic {
				i = j
			}
		}
		if i < 0 {
			t.Fatalf("%q holds no %q", tt.question, tt.topic)
		}
		if got := Sought(words, i); got != tt.want {
			t.Errorf("Sought(%q, %q) = %v, want %v", tt.question, tt.topic, got, tt.want)
		}
	}
}
