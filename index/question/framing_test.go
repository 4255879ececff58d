package question

import "testing"

func TestAsked(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"what does a director own?", "what does a director own?"},
		{"hey bot, quick q: what does a director own? thanks in advance!", "what does a director own?"},
		{"dumb question but what does a director own", "what does a director own"},
		{"Hi! How are you? What does a director own?", "What does a director own?"},
		{"what does a director own? (sorry if this is obvious)", "what does a director own?"},
		{"director vs vp scope - any thoughts?", "director vs vp scope"},
		{"do you have any advice", "do you have any advice"},
		{"well-being of teams as a director?", "well-being of teams as a director?"},
		{"how are you supposed to run skip-levels?", "how are you supposed to run skip-levels?"},
		{"thanks", "thanks"},
		{"hi thanks", "thanks"},
		{"what does a director do?? lol", "what does a director do??"},
		{"so... what does a director do", "what does a director do"},
		{"skills cc", "skills"},
		{"ok so how long is the transition, tia 🙏", "how long is the transition"},
		{"Hi Team, Greetings of the day! skills", "skills"},
		{"Hi, I have a query. skills? Looking forward to your reply. Best, Ahmed", "skills?"},
		{"hey, skills lmk when you get a chance", "skills"},
		{"skills pls and thank u", "skills"},
		{"morning standups, how long should they be?", "morning standups, how long should they be?"},
		{"how do I thank my team as a director", "how do I thank my team as a director"},
		{"sorry if this was asked before — what does a director do? thanks!", "what does a director do?"},
		{"skills. Cheers, J", "skills."},
		{"Hi,\n\nHope you are doing well.\n\nskills\n\nLooking forward to your reply.\n\nBest,\nAhmed", "skills"},
		{"apologies for the ping :sweat_smile: skills thanks!", "skills"},
		{"Heyyy skills 😅 thanks!!", "skills"},
		{"what are your thoughts", "what are your thoughts"},
		{"do you have any advice", "do you have any advice"},
		{"skills help pls", "skills"},
		{"ok this might be dumb but skills", "skills"},
		{"think like an executive", "think like an executive"},
		{"do you like directors or vps more", "do you like directors or vps more"},
		{"question time comparison", "question time comparison"},
		{"what is it like thanks", "what is it like"},
	}
	for _, tt := range tests {
		if got := Asked(tt.in); got != tt.want {
			t.Errorf("Asked(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
