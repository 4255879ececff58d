package index

import "testing"

// TestRulesSpareQuestionsOfFact asks questions of fact worded like those
// the rules for the company's own teams, papers and posts, opinions,
// staffing ratios and other functions' leaders refuse: a reviewer's
// probes, each of which a first version of those rules refused. The guide
// answers every one.
func TestRulesSpareQuestionsOfFact(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	var tests []answerCase
	for _, q := range []string{
		"which dashboards do directors review every morning?",
		"which dashboards does the director review each morning?",
		"which teams do directors hold cross-functional syncs with?",
		"which docs do directors write?",
		"which group does the VP report to?",
		"I just became a director; who approves architecture now?",
		"I was promoted to VP. who owns technical decisions now?",
		"who sets technical standards for the backend teams?",
		"does the mobile org with 40 engineers need director-level leadership?",
		"is the frontend team big enough for its own director?",
		"who handles incident response for the mobile team, the director?",
		"where do i see the biggest difference between director and VP?",
		"where can i get more exec exposure as a director?",
		"are we hiring a director too early with only 12 engineers?",
		"do we have a director-level org with 60 engineers across 5 teams?",
		"how does a director lead through stressful incidents?",
		"how should a VP stay composed in a stressful crisis?",
		"what does a director's work life look like day to day?",
		"how does a VP maintain morale when the team is miserable after layoffs?",
		"how do I handle boring status updates to execs as a director?",
		"how does a director keep the work fun during a reorg?",
		"if you were me, what skills would you build to become VP?",
		"what would you do first as a new director?",
		"do i quit writing code as a director?",
		"should i leave my technical work behind as a VP?",
		"should i decline meetings to protect strategy time as a VP?",
		"should i take a role in M&A due diligence to get ready for VP?",
		"should I take a seat on the exec staff before I'm VP?",
		"how much does a director care about ci cd deployment metrics?",
		"how do I build a business case with TCO for a platform investment as a director?",
		"what does the finance director need from me for budget planning?",
		"how should a director think about rewarding high performers?",
		"what would you want to see in a VP candidate's track record?",
		"should i counter pushback from product on the roadmap?",
		"which channel do directors use to communicate status to execs?",
		"who owns the engineering roadmap now?",
		"who approves offers now?",
		"how many direct reports does my director role have?",
		"how many managers does my VP have?",
		"where do i get budget authority as a director?",
		"where can i see how a VP's week differs from a director's?",
		"do we have a VP if the CTO runs engineering?",
		"is there an open director role I could aim for after 4 years?",
		"when's the next sync for a director with their reports?",
		"should i quit doing code reviews as a director?",
		"should i take the promotion to senior director first?",
		"should a VP use team topologies when leading a reorg?",
		"how do I define the definition of done across multiple teams as a director?",
		"how does a director handle vendor RFP evaluations?",
		"Our QA to dev ratio is 1 to 10. how do I make the case for more headcount?",
		"how does a VP handle team job security fears during layoffs?",
		"which scale do directors operate agile at?",
		"who mentors the EMs on the infra team?",
		"when the payments team has an incident, who leads the exec response?",
		"who writes the RFCs for the data team?",
		"how do I make my org's work more rewarding for senior ICs?",
		"what does the sales VP want from engineering?",
		"how do i decline a meeting invite to free up strategy time?",
		"should i quit doing 1:1s with ICs once I'm a director?",
		"should i counter a VP's architecture decision as a director?",
		"where do i find good senior candidates as a VP?",
		"where can i get executive presence coaching ideas from the guide?",
	} {
		tests = append(tests, answerCase{q, true})
	}
	checkAnswered(t, ix, tests)
}
