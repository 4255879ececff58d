package question

import "testing"

func TestPlacesTeam(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"who should SRE report to, eng or ops?", true},
		{"should design report into engineering?", true},
		{"where should the data team live in the org chart", true},
		{"who does the devops team typically report to", true},
		{"Should QA sit under engineering or under product?", true},
		{"Should I push for security to report to me?", true},
		{"does mobile roll up to the platform org?", true},
		// Roles the guide describes, and papers.
		{"who does a VP report to?", false},
		{"who should I report to as a new director?", false},
		{"should a director write design reports for the board?", false},
		{"my team reports to me, what do I owe them?", false},
		{"who does it report to?", false},
		{"which repo does most of the backend live in?", false},
		{"who does the director of the platform org report to?", false},
		{"should a director let the product team sit in on architecture reviews?", false},
	} {
		if got := r.PlacesTeam(Words(tt.question)); got != tt.want {
			t.Errorf("PlacesTeam(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}
