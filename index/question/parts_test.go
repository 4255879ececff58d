package question

import (
	"slices"
	"testing"
)

func TestParts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		message string
		want    []string
	}{
		// Two questions, however they are joined.
		{"how long does it take to become a VP? and what should I work on first?", []string{"how long does it take to become a VP?", "what should I work on first?"}},
		{"how long does dir→vp usually take and what's the typical comp bump", []string{"how long does dir→vp usually take", "what's the typical comp bump"}},
		{"1) which comms skills does a director need 2) how do i build a bench", []string{"which comms skills does a director need", "how do i build a bench"}},
		{"list of skills a director needs? + list of pitfalls for someone going to vp", []string{"list of skills a director needs?", "list of pitfalls for someone going to vp"}},
		{"whats the typical span?? & how does the split differ between dir and vp", []string{"whats the typical span??", "how does the split differ between dir and vp"}},
		{"how many EMs does a dir usually have / and whats a vp's planning horizon", []string{"how many EMs does a dir usually have", "whats a vp's planning horizon"}},
		{"(1) what does a dir own (2) who does a vp report to", []string{"what does a dir own", "who does a vp report to"}},
		{"what skills does a director need? second q: how long until vp", []string{"what skills does a director need?", "how long until vp"}},
		{"what's the span of a director — how many squads or domains?", nil},
		{"what does a director do 2. what does a vp do", []string{"what does a director do", "what does a vp do"}},
		// A numbered list's lines, read as one line: each number alone
		// between two questions numbers the next.
		{"1. who does a VP report to? 2. how long does it take to become one? 3. what do directors do in the morning?",
			[]string{"who does a VP report to?", "how long does it take to become one?", "what do directors do in the morning?"}},
		{"1) who does a VP report to? 2) how long does it take?", []string{"who does a VP report to?", "how long does it take?"}},
		// "also" before a verb, with no comma, is part of the question.
		{"do directors also do 1:1s with ICs?", nil},
		{"should a director also do on-call?", nil},
		// A story's clauses are no questions, though they hold a question
		// word.
		{"I know what a director does and what a VP does. How long does the path from one to the other take?", nil},
		{"I manage 5 teams and do a lot of hiring. How do I become a VP?", nil},
		{"quick q, how many yrs do ppl sit at director? also what mistakes stall people out", []string{"quick q, how many yrs do ppl sit at director?", "what mistakes stall people out"}},
		// A question whose subject is the people asked about stands alone.
		// "am I…" asks of the asker.
		{"what does a VP do? and am I ready for director?", []string{"what does a VP do?", "am I ready for director?"}},
		{"I lead two teams and am hoping to grow. what does a director do?", nil},
		{"am I just the cruise director now? what should a director spend time on?", nil},
		{"what does a VP do? am I ready for director?", []string{"what does a VP do?", "am I ready for director?"}},
		{"who does a VP report to and am worried about politics", nil},
		{"what does a VP do? and am I ready and how do I know", []string{"what does a VP do?", "am I ready and how do I know"}},
		// A quotation is asked about whole.
		{`what does "what should we build and why" mean for a director`, nil},
		{"what does “own a domain and its roadmap” mean? and how many teams is that", []string{"what does “own a domain and its roadmap” mean?", "how many teams is that"}},
		{"what does a dir's morning look like? and who do they usually report to", []string{"what does a dir's morning look like?", "who do they usually report to"}},
		// A setting before the questions is no question.
		{"i'm a new director. what are my meetings? and who do i report to?", []string{"what are my meetings?", "who do i report to?"}},
		// A clause that narrows the question before belongs to it.
		{"what skills does a director need? specifically on the ops side", nil},
		{"who does a vp usually report to? ceo? cto?", nil},
		{"how many managers report to a director typically? ballpark is fine", nil},
		{"are vps expected to present to the board? is that a regular thing", nil},
		{"do directors do incident response? or is that just for on-call folks", nil},
		{"what are the director's responsibilities? e.g. who owns the roadmap", nil},
		{"how do i lead a reorg as vp prep. how do i actually run it", []string{"how do i lead a reorg as vp prep.", "how do i actually run it"}},
		// A statement with a question word in it asks nothing.
		{"should i buy a house? not sure how long ill stay as director", nil},
		{"I'm introverted and would rather just do the work. Is being visible outside the company necessary for VP?", nil},
		{"When I talk with our CFO she asks about P&L and I feel lost. Is finance part of the path to VP?", nil},
		{"what does a director do?", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Parts(tt.message) {
			got = append(got, p.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Parts(%q) = %q, want %q", tt.message, got, tt.want)
		}
	}
}

// TestPartsJoined tells a question a joiner opened from one that follows
// as a sentence of its own, which may ask more of the same.
func TestPartsJoined(t *testing.T) {
	t.Parallel()
	tests := []struct {
		message string
		want    []bool
	}{
		{"whats a directors day look like, also whats the comp like", []bool{false, true}},
		{"who does a vp report to? and how much do they get paid?", []bool{false, true}},
		{"what does a director do? btw where is the cafeteria?", []bool{false, true}},
		// Numbering opens the first question too.
		{"1) which skills does a director need 2) who does a VP report to", []bool{true, true}},
		{"How do I write a good promo doc for VP? is there a template?", []bool{false, false}},
		{"what skills does a director need? like on the ops side? and who does a VP report to?", []bool{false, true}},
	}
	for _, tt := range tests {
		var got []bool
		for _, p := range Parts(tt.message) {
			got = append(got, p.Joined)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Parts(%q) joined %v, want %v", tt.message, got, tt.want)
		}
	}
}

func TestPointsBack(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text       string
		back, they bool
	}{
		{"is brand management part of that?", true, false},
		{"who do they usually report to", false, true},
		{"what's their job with it?", true, true},
		{"does a platform team count as one?", true, false},
		{"who do VPs report to?", false, false},
		{"how long does it take to become a VP?", false, false},
		{"is there a list of what I should show?", false, false},
	}
	for _, tt := range tests {
		if got := PointsBack(tt.text); got != tt.back {
			t.Errorf("PointsBack(%q) = %v, want %v", tt.text, got, tt.back)
		}
		if got := AsksOfPeople(tt.text); got != tt.they {
			t.Errorf("AsksOfPeople(%q) = %v, want %v", tt.text, got, tt.they)
		}
	}
}

func TestAsks(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		message string
		want    bool
	}{
		{"and how do i get there", true},
		{"ok what should i do first", true},
		{"is that normal", true},
		{"budgets?", false},
		{"really?", false},
		{"hmm interesting", false},
		{"I'm a new director.", false},
		{"", false},
	} {
		if got := Asks(tt.message); got != tt.want {
			t.Errorf("Asks(%q) = %v, want %v", tt.message, got, tt.want)
		}
	}
}

func TestAsksDetail(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"any example?", true},
		{"got an example?", true},
		{"thanks! any examples?", true},
		{"can you be more concrete?", true},
		{"like what, any real-world examples?", true},
		{"ex pls?", true},
		{"an ex-VP's advice?", false},
		{"example of a director's quarterly plan?", false},
		{"what does a VP do?", false},
		{"thanks!", false},
	} {
		if got := AsksDetail(tt.text); got != tt.want {
			t.Errorf("AsksDetail(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestWithPeople puts who the people are in place of their pronouns.
func TestWithPeople(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, want string }{
		{"how big is their team?", "how big is VP's team?"},
		{"who do They report to, and what do we expect of them?", "who do VP report to, and what do we expect of VP?"},
		{"what is theory of mind?", "what is theory of mind?"},
	} {
		if got := WithPeople(tt.text, "VP"); got != tt.want {
			t.Errorf("WithPeople(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
