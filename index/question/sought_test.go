package question

import (
	"slices"
	"testing"
)

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
		{"best tools for a director to remove blockers", "best tools", true},
		{"how do I find a coach for new directors", "find a coach", true},
		{"how do I set up lattice for calibration", "lattice", true},
		{"how do I set up our jira to manage dependencies", "jira", true},
		{"how do I use a jira board to manage dependencies", "jira", true},
		{"how do I use jira to manage dependencies", "jira", true},
		{"how much time should a director spend in jira each week", "jira", false},
		{"does a director review datadog dashboards every morning", "datadog", false},
		{"what does a director check in jira before standup", "jira", false},
		{"is a good director in jira every day", "jira", false},
		{"jira or confluence for a director's docs", "jira", false},
		{"any advice on jira for a new director", "jira", false},
	}
	for _, tt := range tests {
		words, topic := Words(tt.question), Words(tt.topic)
		start := slices.IndexFunc(words, func(w string) bool { return w == topic[0] })
		if start < 0 || !slices.Equal(words[start:min(len(words), start+len(topic))], topic) {
			t.Fatalf("%q holds no %q", tt.question, tt.topic)
		}
		if got := Sought(words, start, start+len(topic)); got != tt.want {
			t.Errorf("Sought(%q, %q) = %v, want %v", tt.question, tt.topic, got, tt.want)
		}
	}
}
