package question

import "testing"

func TestAsksInterview(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	tests := []struct {
		question string
		want     bool
	}{
		{"what questions do they ask in a VP interview?", true},
		{"what do they ask in director interviews?", true},
		{"how do I prep for a director-level interview", true},
		{"what questions should I ask when interviewing a director candidate?", true},
		{"how do I prep for a final round with the CEO for a VP role", true},
		{"how many rounds is the VP interview?", true},
		{"what should I ask when interviewing a director candidate?", true},
		{"what do they ask in a director final round?", true},
		{"I have a director interview next week, what does a director actually do?", false},
		{"I'm prepping for a director interview loop, what skills does a director need?", false},
		{"what do directors ask their managers about interviews?", false},
		{"do directors interview candidates?", false},
		{"how often directors interview each week", false},
		{"how often a director interviews each week", false},
		{"does a director interview every senior hire?", false},
		{"should the VP interview every senior hire?", false},
		{"how many hours a week does a VP spend on interviews?", false},
		{"how much time should a director budget for interview prep and interviews?", false},
		{"how should a director prep for the interview debriefs?", false},
		{"how should a director prep for the next round of layoffs?", false},
		{"what questions does a director ask in 1:1s and how many interviews a week is normal?", false},
		{"I have questions about how much time directors spend interviewing", false},
		// No role: what to ask someone in an interview is for the
		// outside words ("interview questions").
		{"how do I prep for my interview?", false},
	}
	for _, tt := range tests {
		if got := r.Cast.AsksInterview(asking(tt.question)); got != tt.want {
			t.Errorf("AsksInterview(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}
