package question

import "testing"

func TestScript(t *testing.T) {
	t.Parallel()
	tests := []struct {
		message string
		want    bool
	}{
		{"my EM cries in our 1:1s every week, what do i say to her?", true},
		{"what should I say when a report starts crying after a bad perf review?", true},
		{"word-for-word, how do i tell my team their colleague was laid off this morning?", true},
		{"how do I tell him he didn't get the promotion?", true},
		{"my top engineer says they'll quit — exact convo to have with them?", true},
		{"how do i tell if a reorg worked?", false},
		{"how do I tell whether I'm ready for VP?", false},
		{"the dean's office wants a one-liner on the new director post. what do i tell them", false},
		{"I never know what to say to the VP of Sales. Should I build that relationship anyway?", false},
		{"how should I bring up risks with the exec team", false},
		{"what does a director say no to?", false},
	}
	for _, tt := range tests {
		if got := Script(tt.message); got != tt.want {
			t.Errorf("Script(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}
