package index

import (
	"context"
	"testing"
)

// TestQuestionsAboutTheCompany asks for facts of the asker's own company,
// which the guide cannot hold, beside questions worded alike that the
// guide answers.
func TestQuestionsAboutTheCompany(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		question string
		answered bool
	}{
		{"when's the next company all-hands?", false},
		{"When does our next performance calibration cycle kick off?", false},
		{"hey, when's calibration this year?", false},
		{"who's the VP here?", false},
		{"who's our VP of engineering right now?", false},
		{"who's presenting at the board meeting next week?", false},
		{"who approved the reorg last week?", false},
		{"who's on the hiring committee for the senior director opening", false},
		{"how many engineering teams do we have in the payments org right now", false},

		{"when is the next step to VP realistic for a director?", true},
		{"when is the next career move after director?", true},
		{"who is supposed to set technical standards here?", true},
		{"who is on the hook for delivery?", true},
		{"who's in charge of hiring strategy?", true},
		{"who is the VP accountable to?", true},
		{"when does a director usually get promoted to VP?", true},
		{"how many engineers does a director usually lead?", true},
	}
	for _, tt := range tests {
		hits, err := ix.Search(context.Background(), tt.question, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(hits) > 0; got != tt.answered {
			t.Errorf("Search(%q) = %v, want answered %v", tt.question, ids(hits), tt.answered)
		}
	}
}
