package index

import (
	"context"
	"testing"
)

// TestQuestionsAboutTheCompany asks for facts of the asker's own company,
// which the guide cannot hold, beside questions worded alike that the
// guide answers.
func TestQuestionsAboutTheCompany(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []answerCase{
		{"when's the next company all-hands?", false},
		{"when is the all-hands?", false},
		{"when is the planning cycle for directors?", true},
		{"when is the reorg happening?", false},
		{"when is the sync with my manager useful?", true},
		{"when is the meeting too big to be useful?", true},
		{"where is the offsite this year?", false},
		{"where's the next all-hands?", false},
		{"where do directors spend most of their time?", true},
		{"where is the biggest gap between a director and a VP?", true},
		{"where does a director's budget authority stop?", true},
		{"When does our next performance calibration cycle kick off?", false},
		{"when is our performance review cycle", false},
		{"when is our next performance review cycle", false},
		{"what's the headcount budget for my team next year", false},
		{"how many engineers does our VP have right now?", false},
		{"who decides headcount this year, the director or the VP?", true},
		{"what should a director focus on this quarter?", true},
		{"when's our promo cycle?", false},
		{"when is our org big enough for a VP?", true},
		{"who's the VP here?", false},
		{"who's the current VP of engineering at our company?", false},
		{"Who sits on the promotion committee for directors?", false},
		{"who's our VP of engineering right now?", false},
		{"who's on the promotion committee this cycle?", false},
		{"who is in the calibration panel for directors?", false},

		{"when is the next step to VP realistic for a director?", true},
		{"when is the next career move after director?", true},
		{"who is supposed to set technical standards here?", true},
		{"who is on the hook for delivery?", true},
		{"who's in charge of hiring strategy?", true},
		{"who is the VP accountable to?", true},
		{"when does a director usually get promoted to VP?", true},
		{"how many engineers does a director usually lead?", true},
		{"who is our VP?", false},
		{"who is the VP of payments at ledgerline", false},
		{"who's the escalation director this week", false},
		{"who is the director of platform here", false},
		{"who is the director of platform right now?", false},
		{"what's our promo cycle for director to VP", false},
		{"who is the director of platform accountable to?", true},
		{"who is the director at scale?", true},
		{"who is the director of platform at scale?", true},
		{"who is the VP of payments at fintechs?", true},
		{"what is our path to VP?", true},
		{"who is my VP?", false},
		{"who's my skip level", false},
		{"who is my VP accountable to?", true},
		{"who is my manager supposed to be, a director or an EM?", true},
		{"where's the org chart? workday shows nothing for my team", false},
		{"where is the eng ladder doc", false},
		{"where is the line between a director and a VP?", true},
		{"what time is spent on staff meetings by a director?", true},
		{"what time do staff and cross-functional syncs take each week?", true},
		{"where does the VP sit in the org chart compared to a director?", true},
		{"where do the strategy docs fit into a director's week?", true},
		{"who is my VP? I'm a new director and want to know what a VP expects from directors", true},
		{"how many engineers do we have here right now", false},
		{"when did our last reorg happen", false},
		{"what time is my onsite interview for the director role tomorrow", false},
		{"who is on call this week?", false},
		{"when is calibration this quarter?", false},
		{"who's on the leadership team here?", false},
		{"who's on our board of directors?", false},
		{"how many engineers work here?", false},
		{"how many engineers does our org have", false},
		{"how many engineers does our org have per director, typically?", true},
		{"when did we last do layoffs?", false},
		{"what time does the all-hands start?", false},
		{"how many hours do we have to spend in 1:1s as directors?", true},
		{"what time is reasonable to block for hiring in my week as a director?", true},
		// The Planning horizon row; "when is the next reorg here?" asks
		// for a company's own fact and opens the same way.
		{"when is the next planning cycle for a director usually, quarterly or annual?", true},
		{"who is my audience when I present as a director?", true},
		{"who is my first call when an incident hits?", true},
		{"how many hours should I block this week for strategic planning as a director?", true},
		{"how many direct reports should a director have?", true},
		{"what time is spent on hiring by a VP?", true},
		{"what time does a director usually start the day?", true},
		{"how many engineers do we have per director usually?", true},
		{"Who is our current VP of Engineering and how do I get on their calendar?", false},
		{"who is a VP?", true},
		{"who is our VP accountable to?", true},
		{"who is the current VP supposed to report to, CTO or CEO?", true},
		{"who is the current owner of the roadmap, director or VP?", true},
		{"when's the next planning cycle and how far ahead should a director plan?", true},
		{"who sits on the interview panel for senior hires, director or VP?", true},
		{"who's the director in the org?", true},
		{"Who is the VP?", true},
		{"who is in board meetings more, a director or a VP?", true},
		{"who is in interview debriefs, the director or the VP?", true},
		{"who decides headcount this year, the director or the VP?", true},
		{"When is the right time to go for VP, this year?", true},
		{"How many hours a week should a director spend on hiring right now?", true},
		{"who sits on the exec staff, director or VP?", true},
		{"whats the severity scale for incidents at our company", false},
		{"what's the EM career ladder at our company", false},
		{"what's the severity scale for incidents here", false},
		{"how many hours does a director spend in 1:1s here", true},
		{"We had a big outage and the board is asking questions. What would someone at VP level do here?", true},
		{"I got passed over for VP. What are the common traps directors fall into here?", true},
		{"what should a new director focus on first here?", true},
		{"Which of our directors has the most attrition?", false},
		{"Who in our org usually runs the architecture review, director or VP?", true},
		{"Which of our metrics matter most for a director?", true},
		{"Is my VP leaving a bad sign for my promotion?", true},
		{"Has my VP left the door open for me to become VP?", true},
		{"is my VP leaving soon?", false},
		{"which of our teams should a new director meet first?", true},
		{"Is our Senior Director of Infrastructure leaving?", false},
		{"When does the new VP start?", false},
		{"What should I do when my VP is leaving?", true},
		{"when does a new director start running skip-levels?", true},
		{"Who is the best engineering manager in our company?", false},
		// Colleagues by name (question.Reader.NamesColleague).
		{"Who does Priya report to after the reorg?", false},
		{"Is Dana going to be promoted to VP this cycle?", false},
		{"How many direct reports does Sarah have?", false},
		{"Priya just made director of engineering, what does her typical day look like?", true},
		{"I'm Priya, a new director: what should I focus on first?", true},
		{"how long has Ana been a director here", false},
		// The company's own units and posts (question.Reader.AboutUnit),
		// where its papers are and whether it has a post.
		{"who's the director for the payments team?", false},
		{"which director owns search", false},
		{"how many squads does the growth org have", false},
		{"which slack channel do directors use", false},
		{"where can i find the eng ladder", false},
		{"are we hiring a VP of infrastructure??", false},
		{"which teams should a director hold cross functional syncs with", true},
		{"I run the payments org with 6 EMs. which meetings should a director run every week?", true},
		{"is running the post-mortem my job or the SRE team's job?", true},
		{"which three KPIs does the guide say directors track", true},
		{"who decides which projects the various groups tackle first?", true},
		{"where should a director's time go in a week?", true},
		// What one of the company's own posts does, has or is at a
		// moment, and what its own things are (ownPost, ours). Without a
		// moment, what "our VP" or "my director" does is the role's.
		{"how many hours does our VP spend with the board this quarter?", false},
		{"will my director be at the offsite tomorrow?", false},
		{"has our director filled the open EM role yet?", false},
		{"who does my director report to these days, the CTO?", false},
		{"does our director handle perf reviews for the EMs?", true},
		{"did my director miss a step by never owning a P&L?", true},
		{"is our VP the one who sets the multi-year roadmap?", true},
		{"how many EMs report directly to our director?", false},
		{"what's our eng hiring budget?", false},
		{"what are our team's OKRs?", false},
		{"did we decide to rewrite the billing service?", false},
		{"does my director need to know the business side?", true},
		{"is my director supposed to be a player-coach?", true},
		{"what does our director actually do all day?", true},
		{"why is our director in meetings all day?", true},
		{"is my org big enough for the director title, or too small?", true},
		{"how much time does my director spend in 1:1s compared to a VP?", true},
		{"how many EMs should report to our director?", true},
		{"does our director usually own the hiring plan?", true},
		{"what's our job as directors in a reorg?", true},
		// What the asker's own people think or said (mindOf); whether
		// they think the asker ready, or what of a role, is the guide's.
		{"what does my manager think of me?", false},
		{"what did our VP say at the offsite?", false},
		{"how does my skip feel about my promo case?", false},
		{"does our VP think I'm ready?", true},
		{"what does my VP think a director should own?", true},
		{"how does my director say no to projects?", true},
		{"what do VPs think about directors who still code?", true},
		// An opening at the asker's company, as the examples read it
		// (saidShare), though a reviewer held it the guide's timeline.
		{"is there an open director role I could aim for after 4 years?", false},
		// What a word means "here" is what the guide means by it.
		{"what does succession planning mean here", true},
		{"who owns succession planning here?", false},
	}
	checkAnswered(t, ix, tests)
}

// TestCompanyHandbookAnswersItsOwnFacts asks a company's own handbook,
// whose headings name no role, for its facts: it may hold them.
func TestCompanyHandbookAnswersItsOwnFacts(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "events.md", "# Company events\n\n## All-hands\n\nThe next all-hands meeting is on the first Monday of each month.\n")
	hits, err := ix.Search(context.Background(), "when's the next all-hands meeting?", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Error("a handbook that says when the all-hands is refused the question")
	}
}
