package question

import "testing"

func TestIntentOf(t *testing.T) {
	t.Parallel()
	tests := map[string]Intent{
		"how long does it take to become a VP?":          Duration,
		"How many years as a director?":                  Duration,
		"how many engineers report to a director":        Amount,
		"what % of a VP's week is strategy":              Share,
		"What percentage goes to execution?":             Share,
		"how much of a VP's time is strategy?":           Share,
		"how much of my week goes to hiring?":            Week,
		"who does a VP report to":                        Person,
		"what does a director do":                        NoIntent,
		"howl at the moon":                               NoIntent,
		"somehow, many things":                           NoIntent,
		"when should I start acting like an exec?":       Duration,
		"<@U1> Who approves senior hires?":               Person,
		"whose job is the budget":                        NoIntent,
		"how\tmuch time on 1:1s":                         Amount,
		"what's the typical size of a director's org":    NoIntent,
		"the guide says it takes 10 years to become VP?": Duration,
		"took me like 18 months, normal?":                Duration,
		"takes 10 engineers to run a team":               NoIntent,
		"took me about like 10 years, normal?":           Duration,
		"does it take a few years?":                      Duration,
	}
	for q, want := range tests {
		if got := IntentOf(Words(q)); got != want {
			t.Errorf("IntentOf(%q) = %d, want %d", q, got, want)
		}
	}
}

func TestAsksRole(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	tests := []struct {
		question string
		role     int
		ok       bool
	}{
		{"what does a director do?", 0, true},
		// The test cast does not name "engineering director" (the embedded
		// guide's does: TestOverviewAnswersWithThePage).
		{"what does an engineering director actually do", 0, false},
		{"What does a VP even do", 1, true},
		{"what do directors do", 0, true},
		{"and what does a director do?", 0, true},
		{"so what does a VP do", 1, true},
		{"what does a director do all day?", 0, false},
		{"what does a director do about budgets?", 0, false},
		{"what does a director or a VP do?", 0, false},
		{"what does my team do?", 0, false},
		// What a role is asks what it does.
		{"what is a director?", 0, true},
		{"what's a VP", 1, true},
		{"i'm in HR, what is a director in plain english?", 0, true},
		{"explain the director role to a non-engineer", 0, true},
		{"define director", 0, true},
		{"what is a director's planning horizon?", 0, false},
		{"what is a director or a VP?", 0, false},
		{"what is the director role in hiring?", 0, false},
		{"my manager, a senior engineer who leads hiring, asked what a director is", 0, false},
		{"in film, what is a director?", 0, false},
		{"at our company what's a director?", 0, false},
		{"hi! quick q: what is a VP?", 1, true},
		{"What does a Director do here?", 0, true},
		{"what is a VP here", 1, true},
		{"here, what is a VP", 1, false},
	}
	for _, tt := range tests {
		role, ok := r.Cast.AsksRole(Words(tt.question))
		if ok != tt.ok || ok && role != tt.role {
			t.Errorf("AsksRole(%q) = %d, %v; want %d, %v", tt.question, role, ok, tt.role, tt.ok)
		}
	}
}

func TestAsksExample(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"need an example": true,
		"looking for examples of crisis leadership": true,
		"Examples of crisis leadership?":            true,
		"a director owns a budget, for example?":    false,
		"what does a director do":                   false,
	}
	for q, want := range tests {
		if got := AsksExample(Words(q)); got != want {
			t.Errorf("AsksExample(%q) = %v, want %v", q, got, want)
		}
	}
}
