package question

import "testing"

func TestRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		message string
		want    bool
	}{
		{"draft an email to my VP asking for 3 more headcount for Q4", true},
		{"can you write me a job description for our first engineering manager hire", true},
		{"hey bot, can you turn these bullet notes into a reorg announcement?", true},
		{"summarize yesterday's leadership sync for me, I missed it", true},
		{"translate this perf review into spanish for me", true},
		{"can you write my self review for the VP promo", true},
		{"write an agenda for a 2 day director offsite in march", true},
		{"writing my self-review for the director promo cycle: what do directors do?", false},
		{"write a summary of the core responsibilities", false},
		{"create a summary of what a VP does vs a director", false},
		{"I start as director on Monday. Could you draft an intro message to my new team?", true},
		{"pls proofread my update to the VP", true},
		{"write me a haiku about mondays", true},
		{"can you summarize the core responsibilities?", false},
		{"write up the rungs and promotion rubric for the whole org", false},
		{"how do I write a promo packet?", false},
		{"should a director still write specs?", false},
		{"make sure I know what a VP does: what does a VP do?", false},
		{"I'm drafting a PIP. What should it contain?", false},
		{"what should a reorg announcement email say?", false},
		{"Translate director expectations into weekly habits for me?", false},
		{"Summarize my options for going from director to VP", false},
		{"Please summarize my path to VP", false},
		{"Turn this around: what do I do when my org misses every deadline as a director?", false},
		{"Edit my mental model: is a VP just a bigger director?", false},
		{"Make it clear to me: director vs VP?", false},
		{"make me a slide on what a director owns", true},
		{"summarize my notes from the offsite", true},
	}
	for _, tt := range tests {
		if got := Request(tt.message); got != tt.want {
			t.Errorf("Request(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}
