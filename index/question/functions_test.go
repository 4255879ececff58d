package question

import (
	"strings"
	"testing"
)

// TestLeadsOtherFunction reads who leads a function outside engineering
// in a reader that knows finance, supply chain and events.
func TestLeadsOtherFunction(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	r.Cast.add(name{[]string{"cfo"}, 5, "CFO"}, name{[]string{"chief", "financial", "officer"}, 5, "chief financial officer"}, name{[]string{"ceo"}, 6, "CEO"})
	r.Functions = NewFunctions([]string{"finance", "financial", "supply chain", "events"}, strings.ToLower)
	r.Leaders = r.Functions.Leading(r.Cast)
	tests := []struct {
		question string
		want     bool
	}{
		{"finance director here, how do I get to VP?", true},
		{"supply chain director: what does my week look like?", true},
		{"I'm the VP of finance, how many directors should I have?", true},
		{"as a new director of the events team, what should I own?", true},
		{"currently director of finance at a bank, what's next?", true},
		{"director of the events team here, what next?", true},
		{"finance director of a mid-size bank: how do I get to VP?", true},
		{"Finance director wants me to cut 10% of my budget, how should I prioritize?", false},
		{"Finance director of our company wants me to cut headcount, how do I push back?", false},
		{"Supply chain VP keeps promising features to customers, how do I push back?", false},
		{"finance director or VP: who owns the headcount plan?", false},
		{"the finance director asked me for a plan, what should a director do?", false},
		{"director of finance systems here, what's my scope?", false},
		{"how do I work with the finance director?", false},
		{"finance director here: how does an engineering director differ from a VP?", false},
		{"finance director here. as a director, how do I plan?", false},
		{"what does a director do?", false},
		{"CFO: how do I structure my board deck?", true},
		{"I'm the new CFO, how do I get the CEO to trust me?", true},
		{"as CFO, what does an engineering VP own?", false},
		{"CFO here: what does a director own?", false},
		{"I was the CFO, what changes now?", false},
		{"CFO wants a cut, what do I offer?", false},
		{"as CFO, how do I structure my board deck?", true},
		{"new CFO: how do i build a relationship with the CEO", true},
		{"CFO here: how many engineers should a director manage?", false},
		{"as CFO, how do I grow my directors into VPs?", true},
		{"new EM here: how do I run my first 1:1s?", false},
		{"as CTO, how do I structure my board deck?", false},
	}
	for _, tt := range tests {
		if got := r.LeadsOtherFunction(Words(tt.question)); got != tt.want {
			t.Errorf("LeadsOtherFunction(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}
