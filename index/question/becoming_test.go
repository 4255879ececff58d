package question

import (
	"slices"
	"testing"
)

// TestBecomes finds the roles a question asks how to become, be ready for
// or be hired into, and none in a question about a role as it is.
func TestBecomes(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	for _, tt := range []struct {
		question string
		want     []int
	}{
		{"how long does it take to become a director?", []int{0}},
		{"is she director ready?", []int{0}},
		{"am I ready for VP?", []int{1}},
		{"how many years of experience should I require for a director?", []int{0}},
		{"what's the path to the vp", []int{1}},
		{"when was she promoted to the VP role?", []int{1}},
		{"what does a director do?", nil},
		{"how is a VP different from a director?", nil},
		{"what does a director need to be ready for a board meeting?", nil},
		{"what's needed for a director to get to the VP level?", []int{1}},
		{"what's required for a senior director to be considered for VP?", []int{1}},
		{"are directors ready to lead multiple teams?", nil},
		{"should i get promoted to senior director before aiming for VP?", []int{0, 1}},
		{"how should I prepare for director?", []int{0}},
		{"how many years as an EM before director?", []int{0}},
		{"I was promoted to director last year, how do I get ready for VP?", []int{1}},
		{"how do I become a good director?", nil},
		{"how long before a director becomes a VP", []int{1}},
		{"how do I help my EMs step up to director?", nil},
		{"how do I finally become a director?", []int{0}},
		{"I was passed over for director, what now?", []int{0}},
		{"how can I grow into a director?", []int{0}},
		{"how do I help my manager see I'm ready for director?", []int{0}},
		{"how long until director?", []int{0}},
		{"how do I handle it when a peer becomes my director?", nil},
		{"how should I prepare for my director's visit?", nil},
		{"how do I onboard before my new director starts?", nil},
		{"how do I tell my team before the director announces it?", nil},
		{"how do i go from tech lead to director", []int{0}},
		{"how long from engineering manager to director?", []int{0}},
		{"how do I escalate risks from engineering to the director?", nil},
		{"how many EMs report straight to a director usually?", nil},
		{"im a senior EM and want to be a director next year, what do i need to show?", []int{0}},
		{"how many years of experience does a director need", []int{0}},
		{"what's the timeline for a director to get to VP?", []int{1}},
		{"how much experience should a director have?", []int{0}},
		{"what developer experience do directors care about?", nil},
		{"what customer experience should a director own?", nil},
		{"I don't want to be a director, what does the IC path look like?", nil},
		{"my report says they want to be a director, how do I coach them?", nil},
	} {
		if got := r.Cast.Becomes(Words(tt.question)); !slices.Equal(got, tt.want) {
			t.Errorf("Becomes(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestMovesTo finds the role a question moves to from one it names
// before, and not one it compares or reports to.
func TestMovesTo(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	for _, tt := range []struct {
		question string
		want     []int
	}{
		{"what does it take to go from em to director", []int{0}},
		{"director to vp?", []int{1}},
		{"how do I get promoted from an engineering manager to a director", []int{0}},
		{"how much board exposure does a director get compared to the vp", nil},
		{"does a director report to a vp", nil},
		{"how do I become a VP?", nil},
		{"director vs vp", nil},
		{"as a director how do I get promoted to VP", []int{1}},
		{"how should a director escalate a blocked decision to a vp", nil},
		{"should a director present to a vp", nil},
		{"what can a director delegate to an EM", nil},
		{"does the budget belong to a director or a vp", nil},
	} {
		if got := r.Cast.MovesTo(Words(tt.question)); !slices.Equal(got, tt.want) {
			t.Errorf("MovesTo(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestAsksWay tells a question about the way to a role from one about
// the role once there.
func TestAsksWay(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"how do I get promoted to director?", true},
		{"how long from EM to director?", true},
		{"what should I do as a senior EM to become a director", true},
		{"can i skip senior manager and go straight to director", true},
		{"senior EM with 3 teams here, how do i make the case for director", true},
		{"what changes when you become a director?", false},
		{"what skills does a director need?", false},
		{"just got promoted to director, what do my days look like now", false},
	} {
		if got := AsksWay(Words(tt.question)); got != tt.want {
			t.Errorf("AsksWay(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}
