package question

import "testing"

// TestAsksForWords tells a request for the words of one conversation
// from a question about what to tell someone of a topic.
func TestAsksForWords(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		message string
		want    bool
	}{
		{"what do i say to an EM who just got back from bereavement leave", true},
		{"how do i tell my VP i'm pregnant and planning to take leave in the fall", true},
		{"my EM's partner has cancer. what do i say to her", true},
		{"how do i respond to a thank you note from a departing engineer", true},
		{"how do i fire an EM, like what are the exact words", true},
		{"what do i write in a sympathy card to my EM whose dog died", true},
		{"how do i tell my EMs why i keep talking about business metrics now", false},
		{"how do i tell if a reorg worked?", false},
		{"my VP asked what changes about managing people once you're a VP. what do i say", false},
		{"our ceo asked me at the all hands what i own strategically as a director. what do i say", false},
		{"what do i say in my promo convo about how i handled the outage", false},
		{"how do i tell my architects how many hours a week i should be in tech reviews", false},
		{"how do i ask my boss for P&L ownership?", false},
		{"what does a director say in an exec review?", false},
		{"the bootstrap script broke, what do i run?", false},
		{"my EM asked for a raise. what do i tell him", true},
		{"how do i write a farewell message for my EM", true},
		{"how can I tell I'm ready for VP", false},
		{"how do I tell the difference between a director and a VP?", false},
		{"how do i tell them apart, director and VP?", false},
		{"how do i write a multi-year technical strategy", false},
		{"what words does the guide use for a VP's focus?", false},
		{"i caught an EM lying about his status update. how do i confront him", true},
		{"my EM went over my head to my VP. how do i bring it up with him?", true},
		{"how do i talk to an engineer who is consistently rude to QA", true},
		{"how do i talk about my accomplishments as a director?", false},
		{"how do i talk to my VP about getting more scope", false},
		{"how do i bring budget ownership into my role?", false},
		{"how can i bring up my promotion to VP with my boss", false},
		{"how do i thank my boss for the stretch assignment", false},
		{"what do i write to her", true},
		{"how do i write a strategy doc to share with my VP", false},
		{"I read the guide but what do i say to my EM whose dad died?", true},
	} {
		if got := AsksForWords(tt.message); got != tt.want {
			t.Errorf("AsksForWords(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}
