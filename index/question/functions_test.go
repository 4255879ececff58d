package question

import (
	"strings"
	"testing"
)

// TestOtherLeader reads who leads a function outside engineering
// in a reader that knows finance, supply chain and events.
func TestOtherLeader(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	r.Cast.add(name{[]string{"cfo"}, 5, "CFO"}, name{[]string{"chief", "financial", "officer"}, 5, "chief financial officer"}, name{[]string{"ceo"}, 6, "CEO"})
	r.Functions = NewFunctions([]string{"finance", "financial", "supply chain", "events"}, strings.ToLower)
	r.Leaders = r.Functions.Leading(r.Cast)
	tests := []struct {
		question string
		want     string
	}{
		{"finance director here, how do I get to VP?", "finance director"},
		{"supply chain director: what does my week look like?", "supply chain director"},
		{"I'm the VP of finance, how many directors should I have?", "vp of finance"},
		{"as a new director of the events team, what should I own?", "director of the events team"},
		{"currently director of finance at a bank, what's next?", "director of finance"},
		{"director of the events team here, what next?", "director of the events team"},
		{"finance director of a mid-size bank: how do I get to VP?", "finance director"},
		{"Finance director wants me to cut 10% of my budget, how should I prioritize?", ""},
		{"Finance director of our company wants me to cut headcount, how do I push back?", ""},
		{"Supply chain VP keeps promising features to customers, how do I push back?", ""},
		{"finance director or VP: who owns the headcount plan?", ""},
		{"the finance director asked me for a plan, what should a director do?", ""},
		{"director of finance systems here, what's my scope?", ""},
		{"how do I work with the finance director?", ""},
		{"finance director here: how does an engineering director differ from a VP?", ""},
		{"finance director here. as a director, how do I plan?", ""},
		{"what does a director do?", ""},
		{"CFO: how do I structure my board deck?", "CFO"},
		{"I'm the new CFO, how do I get the CEO to trust me?", "CFO"},
		{"as CFO, what does an engineering VP own?", ""},
		{"CFO here: what does a director own?", ""},
		{"I was the CFO, what changes now?", ""},
		{"CFO wants a cut, what do I offer?", ""},
		{"as CFO, how do I structure my board deck?", "CFO"},
		{"new CFO: how do i build a relationship with the CEO", "CFO"},
		{"CFO here: how many engineers should a director manage?", ""},
		{"as CFO, how do I grow my directors into VPs?", "CFO"},
		{"new EM here: how do I run my first 1:1s?", ""},
		{"as CTO, how do I structure my board deck?", ""},
	}
	for _, tt := range tests {
		if got := r.OtherLeader(Words(tt.question), NewSet(Words(tt.question))); got != tt.want {
			t.Errorf("OtherLeader(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
	// A function the thesaurus reads in other words is named as the
	// question says it, not as it is read.
	rewrite := strings.NewReplacer("procurement", "vendor evaluations", "comms", "communication").Replace
	r.Functions = NewFunctions([]string{"procurement", "comms"}, rewrite)
	for question, want := range map[string]string{
		"procurement director here: what kpis should I track?":         "procurement director",
		"as the director of comms, how do I handle the press?":         "director of comms",
		"vendor evaluations director here: what kpis should I track?":  "vendor evaluations director",
		"as the director of communication, how do I handle the press?": "director of communication",
	} {
		if got := r.OtherLeader(Words(rewrite(question)), NewSet(Words(question))); got != want {
			t.Errorf("OtherLeader(%q) = %q, want %q", question, got, want)
		}
	}
}
