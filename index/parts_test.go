package index

import (
	"context"
	"slices"
	"testing"

	"github.com/directorbot/directorbot/content"
)

// TestMessagesOfTwoQuestions: each question of a message gets its
// section, the first as the hits and the others as parts; a question a
// rule refuses is told, and no longer refuses the whole.
func TestMessagesOfTwoQuestions(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		message string
		// first is the first hit's title, "" for none; others those of
		// the parts; unanswered the questions a rule refused.
		first      string
		others     []string
		unanswered []string
	}{
		{"what does a dir's morning look like? and who do they usually report to", "Typical Day-to-Day Activities", []string{"Comparison: Director vs VP"}, nil},
		// "their" is the VP's: the table's Team size answers it, not
		// the Director's Typical Scope.
		{"can you tell me what a VP eng does and how big their team is?", "Comparison: Director vs VP", nil, nil},
		{"1) which comms skills does a director need 2) how do i build a bench of directors that can run things without me", "6. Demonstrate Scalable Leadership", []string{"Key Skill Sets"}, nil},
		// A question of the section the first answer shows, or within it,
		// gets no part of its own.
		{"what are the director's core responsibilities? and what does a director do for strategic leadership?", "Strategic Leadership", nil, nil},
		// A row of a table below the first answer's section is shown by
		// no more than its button there: it gets its part.
		{"What percentage of time does a Director spend on strategy versus execution? Also, how much time goes into 1:1s?", "Comparison: Director vs VP", []string{"Activity Time Comparison"}, nil},
		// Nor is a row of the table above it.
		{"what's the director's failure mode? and what's their planning horizon?", "Key Differences Summary", []string{"Comparison: Director vs VP"}, nil},
		// Narrowing the first question is no second one.
		{"who does a vp usually report to? ceo? cto?", "Comparison: Director vs VP", nil, nil},
		// The refused question no longer refuses the whole.
		{"how much equity should a vp of eng ask for at a series b? and who do vps normally report to", "Comparison: Director vs VP", nil, []string{"how much equity should a vp of eng ask for at a series b?"}},
		{"how long does dir→vp usually take? and what's the typical comp bump when you get there", "Timeline", nil, []string{"what's the typical comp bump when you get there"}},
		// A refused first question frees the second, which asks of the
		// role it names by a pronoun.
		{"whats the director salary range and who do they report to?", "Comparison: Director vs VP", nil, []string{"whats the director salary range"}},
		// At most maxParts refused questions are told.
		{"who do VPs report to? what's a typical VP base salary? what equity do VPs get? what bonus do VPs get? what severance do VPs get?", "Comparison: Director vs VP", nil, []string{"what's a typical VP base salary?", "what equity do VPs get?"}},
		// The question the first answer answers gets none of its own, but
		// for a row of a table below it, which that answer only names:
		// the time asked for is the Technical reviews row's.
		{"hey! quick q - what's the typical span of control for a director, and how much time should they spend coding?", "Comparison: Director vs VP", []string{"Activity Time Comparison"}, nil},
		// A question of one word a rule refuses frees the rest when a
		// joiner opened it; following as a sentence of its own, it may ask
		// more of the question before, and the whole stays refused.
		{"whats a directors day look like, also whats the comp like", "Typical Day-to-Day Activities", nil, []string{"whats the comp like"}},
		{"what does a director do? btw where is the cafeteria?", "Director of Software Engineering", nil, []string{"where is the cafeteria?"}},
		{"How do I write a good promo doc for VP? is there a template?", "", nil, nil},
		// A question that names no role, or points back to the refused
		// one, does not answer alone.
		{"What skills does a Director of Marketing need? And is brand management part of that?", "", nil, nil},
		{"how does a CISO usually work with the eng org? who owns security fixes", "", nil, nil},
	}
	for _, tt := range tests {
		r, err := ix.Ask(context.Background(), tt.message, 3)
		if err != nil {
			t.Fatal(err)
		}
		var first string
		if len(r.Hits) > 0 {
			first = r.Hits[0].Section.Title
		}
		var others, unanswered []string
		for _, o := range r.Others {
			others = append(others, o.Hit.Section.Title)
		}
		for _, u := range r.Unanswered {
			unanswered = append(unanswered, u.Asked)
			if u.Why == NotCovered {
				t.Errorf("%q: unanswered %q without a rule's reason", tt.message, u.Asked)
			}
		}
		if first != tt.first || !slices.Equal(others, tt.others) || !slices.Equal(unanswered, tt.unanswered) {
			t.Errorf("Ask(%q) = %q + %q, unanswered %q; want %q + %q, unanswered %q", tt.message, first, others, unanswered, tt.first, tt.others, tt.unanswered)
		}
	}
}

// TestQuestionsOfOneTable: two questions answered by rows of one table
// quote both rows, though the whole message's search found one.
func TestQuestionsOfOneTable(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		message string
		rows    []string
	}{
		{"do vps present to the board and who do they report to", []string{"Board/Exec exposure", "Reports to"}},
		{"who does a VP report to?", []string{"Reports to"}},
	}
	for _, tt := range tests {
		r, err := ix.Ask(context.Background(), tt.message, 3)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		if len(r.Hits) > 0 {
			got = r.Hits[0].RowTitles()
		}
		if !slices.Equal(got, tt.rows) {
			t.Errorf("Ask(%q) quotes rows %q, want %q", tt.message, got, tt.rows)
		}
	}
}

// TestPartRowsOfOneTable: a question answered by a row of another table
// of the first answer's section adds no row: an answer shows one table's.
func TestPartRowsOfOneTable(t *testing.T) {
	t.Parallel()
	s := &content.Section{Title: "Levels"}
	part := func(table, row int) partResult {
		return partResult{asked: "q", substantial: true, r: Result{Hits: []Hit{{Section: s, Rows: []RowRef{{Table: table, Row: row}}}}}}
	}
	first := []Hit{{Section: s, Rows: []RowRef{{Table: 0, Row: 1}}}}
	got := withPartRows([]partResult{part(0, 1), part(1, 2), part(0, 3)}, first)
	if want := []RowRef{{Table: 0, Row: 1}, {Table: 0, Row: 3}}; !slices.Equal(got[0].Rows, want) {
		t.Errorf("rows %v, want %v", got[0].Rows, want)
	}
	if len(first[0].Rows) != 1 {
		t.Errorf("the search's own hit changed: %v", first[0].Rows)
	}
}

// TestNarrowerThanTheRole: a question about something of a role is
// answered by the subsection of the role's section that holds it, not by
// the section whose heading names the role alone; one about the role is
// answered by the role's section, not by one about it and another.
func TestNarrowerThanTheRole(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "ladder.md", "# Ladder\n\n## The Levels\n\n| Level | Title |\n| --- | --- |\n| P1 | Associate Product Manager (APM) |\n"+
		"| P2 | Product Manager |\n| P3 | Senior Product Manager |\n| P4 | Director of Product |\n\n"+
		"## Associate Product Manager (APM)\n\nAPMs join through the rotational program, two rotations of nine months.\n\n"+
		"### Responsibilities\n\n- Write specs for one feature\n- Ship it with one squad\n\n"+
		"## Product Manager\n\nA PM owns a product area end to end for one squad.\n\n"+
		"### Responsibilities\n\n- Own the area's roadmap and OKRs\n- Run discovery with design\n\n"+
		"## Senior Product Manager\n\nOwns a whole product line and mentors PMs.\n\n"+
		"## Senior PM vs PM\n\nA senior PM sets the strategy of several squads; a PM owns one squad's area.\n\n"+
		"## Senior PM Promotion to Director of Product\n\nTo be promoted, a senior PM needs a domain strategy and two PMs grown: promotion needs both.\n")
	tests := []struct{ question, want string }{
		{"apm responsibilities", "associate-product-manager-apm/responsibilities"},
		{"what are a product manager's responsibilities?", "product-manager/responsibilities"},
		{"how do APMs join?", "associate-product-manager-apm"},
		// A section about the role alone, before one about it and another.
		{"what does a senior pm own?", "senior-product-manager"},
		// Unless that section holds less of the question.
		{"what does a senior pm need for a promotion?", "senior-pm-promotion-to-director-of-product"},
	}
	for _, tt := range tests {
		hits, err := ix.Search(t.Context(), tt.question, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Section.ID != tt.want {
			t.Errorf("%q: %v, want %s first", tt.question, ids(hits), tt.want)
		}
	}
}
