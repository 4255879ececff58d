package question

import "testing"

func TestAsksOpinion(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	tests := []struct {
		message string
		want    bool
	}{
		{"would you rather be a director or a VP? 😄", true},
		{"do you prefer the player-coach model or the pure exec model?", true},
		{"in your opinion is being a VP more fun than being a director?", true},
		{"which is more stressful honestly, director or VP", true},
		{"who has the better work-life balance in your opinion, dir or vp?", true},
		{"honestly is the VP role lonely", true},
		{"honestly do directors burn out faster than VPs", true},
		{"should i quit my director job and take a VP role at a seed startup", true},
		{"should i quit if my VP keeps blocking my promotion", true},
		{"should i take the offer from the startup or stay?", true},
		{"should i turn down the VP offer because the CEO seems difficult", true},
		{"should i job hop to get VP faster or wait out the 4-7 yr timeline", true},
		{"should i leave my job for a startup?", true},
		{"should i accept the counteroffer or is that career suicide", true},
		{"what's your favorite part of the day?", true},
		{"do you ever get bored?", true},
		{"do you get tired of answering questions all day", true},
		{"whats more fun day to day, being a dir or a vp", true},
		{"what's more stressful, director or VP?", true},
		{"am i too old to become a vp at 52", true},
		{"what do you think of directors", true},
		{"how do you feel about our CTO?", true},
		{"what's your opinion on VPs", true},
		{"what do you think of my director", true},
		{"what do you think of our reorg", true},
		{"how do you feel about my plan to split the platform team?", true},
		{"what do you think of that decision?", true},

		// Questions of fact in the same words.
		{"what do you think a director does all day?", false},
		{"what do you think about the director's role in budgeting?", false},
		{"what do you think of my chances of making VP next year?", false},
		{"what do you think about this: how much of my week should go to strategy?", false},
		{"what do you think about that, should I delegate more of my 1:1s?", false},
		{"what do you think of as the main difference between director and VP?", false},
		{"whats your opinion on the most important director skill according to the guide?", false},
		{"how do you feel about directors who still code?", false},
		{"in your opinion who owns the technical vision, the director?", false},
		{"do you think i'm ready for VP if i already own a P&L and present to the board?", false},
		{"is it better for a director to spend more time on execution or strategy?", false},
		{"if you were me, what skills would you build to become VP?", false},
		{"what would you do first as a new director?", false},
		{"honestly, is a director more hands-on than a VP?", false},
		{"is going to sprint demos still worth it as a director?", false},
		// Feelings in a question of how or what.
		{"how should a VP stay composed in a stressful crisis?", false},
		{"how does a director keep the work fun during a reorg?", false},
		{"how should a director think about rewarding high performers?", false},
		{"what does a director's work life look like day to day?", false},
		{"what makes the VP role more fun than a director's?", false},
		{"do you ever see directors skip their 1:1s?", false},
		// The bot's own favourite or state, in a message naming a role.
		{"whats ur favorite meeting as a director", false},
		{"do you ever get to write code as a director?", false},
		{"do you ever get bored of execution work as a director?", false},
		{"are you happy with 60/40 execution strategy as a director or should it shift toward strategy", false},
		// Tenure, not age; age, not the asker's.
		{"am i too young for vp with only 2 yrs as a director?", false},
		{"is 3 yrs as a dir too young to go for vp?", false},
		{"our tech standards are too old for the org we have now, is it the director who resets them?", false},
		// A feeling beside a question of fact, or no comparison.
		{"what's work life balance like for a vp vs a director, hours wise?", false},
		{"what's more fun for a director: strategy or execution, and which takes more time?", false},
		{"how does a director handle an EM too old school for async updates?", false},
		// Decisions of the role, not of the asker's life.
		{"What concrete steps should I take to earn the promotion to the top eng job?", false},
		{"should i take on the roadmap as a new director?", false},
		{"should i quit doing code reviews as a director?", false},
		{"should i leave my technical work behind as a VP?", false},
		{"should i decline meetings to protect strategy time as a VP?", false},
		{"how do i decline a meeting invite to free up strategy time?", false},
		{"should i take a role in M&A due diligence to get ready for VP?", false},
		{"should I take a seat on the exec staff before I'm VP?", false},
		{"should i counter a VP's architecture decision as a director?", false},
		// A post taken or left may be the guide's question.
		{"should I take the VP role if I've only been a director for 2 years?", false},
		{"should i leave my director role to get p&l ownership before going for vp?", false},
		// A story's words are not what is asked.
		{"I quit my last job because it was boring. What does a director do all day?", false},
	}
	for _, tt := range tests {
		if got := r.AsksOpinion(tt.message); got != tt.want {
			t.Errorf("AsksOpinion(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
	if (Reader{}).AsksOpinion("would you rather be a director or a VP?") {
		t.Error("a guide that describes no role was taken to hold no opinions")
	}
}
