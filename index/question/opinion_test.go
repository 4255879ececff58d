package question

import "testing"

func TestAsksOpinion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		message string
		want    bool
	}{
		{"would you rather be a director or a VP? 😄", true},
		{"do you prefer the player-coach model or the pure exec model?", true},
		{"in your opinion is being a VP more fun than being a director?", true},
		{"which is more stressful honestly, director or VP", true},
		{"dir vs vp: who has the better work-life balance in your opinion", true},
		{"should i quit my director job and take a VP role at a seed startup", true},
		{"should i take an acting director role while they search for a permanent one", true},
		{"should i turn down the VP offer because the CEO seems difficult", true},
		{"should i job hop to get VP faster or wait out the 4-7 yr timeline", true},

		{"in your opinion who owns the technical vision, the director?", false},
		{"do you think i'm ready for VP if i already own a P&L and present to the board?", false},
		{"is it better for a director to spend more time on execution or strategy?", false},
		{"What concrete steps should I take to earn the promotion to the top eng job?", false},
		{"should i take on the roadmap as a new director?", false},
		{"is going to sprint demos still worth it as a director?", false},
		{"honestly, is a director more hands-on than a VP?", false},
		// A story's words are not what is asked.
		{"I quit my last job because it was boring. What does a director do all day?", false},
	}
	for _, tt := range tests {
		if got := AsksOpinion(tt.message); got != tt.want {
			t.Errorf("AsksOpinion(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}
