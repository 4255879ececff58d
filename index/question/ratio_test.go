package question

import "testing"

func TestAsksStaffRatio(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	tests := []struct {
		question string
		want     bool
	}{
		{"what's the right QA to dev ratio for my org", true},
		{"what's a healthy ratio of SREs to product engineers", true},
		{"ideal ratio of managers to ICs across the whole eng org?", true},
		{"how many PMs per engineer is standard", true},
		{"how many engineers per EM before we split the team?", true},
		{"how many engineers per director is typical?", false},
		{"what's the EM to director ratio?", false},
		{"so when you level up to VP the heads-down vs big-picture ratio flips?", false},
		{"execution vs strategy ratio for a director?", false},
		{"how many engineers does a director lead?", false},
		{"do engineers to managers promotions need a VP?", false},
		{"Our QA to dev ratio is 1 to 10. how do I make the case for more headcount?", false},
		{"qa:dev ratio", true},
		{"pm:eng ratio, we have 1 pm for like 14 engs and its chaos", true},
		{"ml eng to data sci ratio", true},
		{"staff:senior eng ratio at a 150 person org", true},
		{"how many juniors per senior before it gets messy", true},
		{"tech lead to EM ratio?", true},
		{"recruiter to hiring manager ratio?", true},
		{"does a bad ratio lead to burnout?", false},
		{"em:director ratio?", false},
		{"how many 1:1s per week does a director hold?", false},
		{"what ratio of 1:1s to staff meetings should a director keep?", false},
	}
	for _, tt := range tests {
		if got := r.AsksStaffRatio(tt.question, Words(tt.question)); got != tt.want {
			t.Errorf("AsksStaffRatio(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
	// A guide that describes the engineering manager may give how many
	// engineers one has, not how many testers a developer needs.
	// The staff engineer, described too, makes engineers no such kind.
	r.Described[3], r.Described[4] = true, true
	r.Heads = Heads(testRoles, r.Described)
	for question, want := range map[string]bool{
		"how many engineers per manager?":     false,
		"ideal ratio of managers to ICs?":     false,
		"what's the right QA to dev ratio?":   true,
		"how many PMs per engineer is normal": true,
		"how many QA per engineer?":           true,
	} {
		if got := r.AsksStaffRatio(question, Words(question)); got != want {
			t.Errorf("describing the EM, AsksStaffRatio(%q) = %v, want %v", question, got, want)
		}
	}
}
