package question

import "testing"

func TestAsksInterview(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	tests := []struct {
		asking [][]string
		want   bool
	}{
		{asking("what questions do they ask in a VP interview?"), true},
		{asking("how do I prep for a director-level interview"), true},
		{asking("what questions should I ask when interviewing a director candidate?"), true},
		{asking("how do I prepare for a final round with the CEO for a VP role"), true},
		{asking("how many rounds is the VP interview?"), true},
		{asking("do directors interview candidates?"), false},
		{asking("should the VP interview every senior hire?"), false},
		{asking("does a director interview every senior hire?"), false},
		{asking("how many hours a week does a VP spend on interviews?"), false},
		{asking("how much time should a director budget for interview prep and interviews?"), false},
		// The story is not asked: only the second sentence is.
		{[][]string{Words("what does a director own?")}, false},
		// No role: what to ask someone in an interview is for the
		// outside words ("interview questions").
		{asking("how do I prep for my interview?"), false},
	}
	for _, tt := range tests {
		if got := r.Cast.AsksInterview(tt.asking); got != tt.want {
			t.Errorf("AsksInterview(%q) = %v, want %v", tt.asking, got, tt.want)
		}
	}
}
