package question

import "testing"

func TestAboutUnit(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	guide := SetOf("director vp team org teams platform product exec skills meetings time strategy budget sync standards calls")
	known := func(w string) bool { return guide[w] }
	tests := []struct {
		question string
		want     bool
	}{
		{"who's the director for the payments team?", true},
		{"who's the director over the data platform team?", true},
		{"how many squads does the growth org have", true},
		{"did the reorg move observability under sarah's org?", true},
		{"who runs the ml infra org these days", true},
		{"is the mobile org getting split in the reorg", true},
		{"who's the sr director for growth", true},
		{"is priya the director for infra or platform", true},
		{"which VP owns mobile now", true},
		{"which director do i escalate the billing outage to", true},
		{"which team owns the checkout service", true},
		{"which slack channel do we use for sev1s", true},
		{"which form do i fill out to open a new req", true},
		{"who owns the P&L for the enterprise product line", true},
		{"which teams sit under the checkout director", true},

		// Advice, anyone's role, a choice, or no unit of the company's.
		{"what should a director own in the payments org?", false},
		{"is the growth org too big for a director?", false},
		{"does the payments team need a director or a VP?", false},
		{"which skills does a director need?", false},
		{"which teams should a director sync with?", false},
		{"which meetings should be on my calendar as a director?", false},
		{"who decides headcount for the growth org usually?", false},
		{"who's the chief architect on big architecture calls once you have squads?", false},
		{"who clears the road when one team's convoy is stuck on another team?", false},
		{"who is the director accountable to?", false},
		{"who owns the platform team, typically?", false},
		{"is the director role different from the VP role?", false},
		{"who's the director on calls with the exec team", false},
		{"when attrition spikes on the ios team, is retention a director's job?", false},
		// Who does a part of the work for a team, whether a team needs a
		// role, and roles spoken of in general.
		{"who sets technical standards for the backend teams?", false},
		{"is the frontend team big enough for its own director?", false},
		{"does the mobile org with 40 engineers need director-level leadership?", false},
		{"who handles incident response for the mobile team, the director?", false},
		{"when the payments team has an incident, who leads the exec response?", false},
		{"who mentors the EMs on the infra team?", false},
		{"which dashboards do directors review every morning?", false},
		{"which group does the VP report to?", false},
		{"which VP does the checkout director report to", true},
	}
	for _, tt := range tests {
		if got := r.AboutUnit(asking(tt.question), known); got != tt.want {
			t.Errorf("AboutUnit(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}
