package question

import "testing"

func TestNamesColleague(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	guide := SetOf("morning director vp time good team")
	known := func(w string) bool { return guide[w] }
	tests := []struct {
		message string
		want    bool
	}{
		{"Who does Priya report to after the reorg?", true},
		{"Is Mark a good director? Be honest.", true},
		{"do you think Tom is ready to be a director?", true},
		{"How many direct reports does Sarah have?", true},
		{"should I promote Jake to director?", true},
		{"how do I promote someone to director?", false},
		{"how many EMs report to Marco now?", true},
		{"will Dana be promoted this cycle?", true},
		{"did Sam get promoted?", true},
		{"how long has Ana been a director here", true},
		{"has Priya been here long?", true},
		{"How long has Python been a must for directors?", false},
		{"Should Infra report to a director or a VP?", false},
		{"Does Mobile report to a director or straight to the VP?", false},
		{"Does Frontend usually get its own director?", false},
		{"Does Payments need a VP or is a director enough?", false},
		{"Is Checkout big enough for a director?", false},
		{"Is Android a separate org under a director usually?", false},
		{"Does Python matter for a VP of engineering?", false},
		{"Will Copilot change what directors do?", false},
		{"Do you think Rust is worth learning as a director?", false},
		{"Does Infra have its own director?", false},
		{"Is Morning a good time for 1:1s?", false},
		{"I'm Priya, a new director: what should I do first?", false},
		{"Priya just made director, what changes?", false},
		{"Does a VP report to the CTO?", false},
		{"What does a Director do on Monday?", false},
		{"is raj a good director", false},
	}
	for _, tt := range tests {
		if got := r.NamesColleague(tt.message, known); got != tt.want {
			t.Errorf("NamesColleague(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}
