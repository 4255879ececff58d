package index

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestQuestionsAboutOtherPeople asks about roles the guide's headings
// never name: they are refused, while questions that only mention such a
// role, or also name the guide's own, are answered. A guide whose
// headings name the role answers for it.
func TestQuestionsAboutOtherPeople(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		question string
		answered bool
	}{
		{"what does a CTO do all day?", false},
		{"what does our new CTO actually spend her time on?", false},
		{"difference between a staff engineer and a principal engineer", false},
		{"what's the career ladder for a TPM", false},
		{"what are a CPO's responsibilities?", false},
		{"what does a design director do all week?", false},
		{"how should a new engineering manager spend their first 90 days", false},
		{"@Director Bot what does a CTO actually do day to day?", false},
		{"I've been a director for a year. What does a CTO do all day?", false},
		{"difference between a staff eng and a principal eng", false},
		{"What does a director of product do?", false},

		{"how do I get the CEO to trust me?", true},
		{"what does the CEO expect from me?", true},
		{"do EMs report to a director or straight to the VP?", true},
		{"how should a director work with product managers?", true},
		{"EM 1:1 hrs", true},
		{"do directers still do incident response or is that the EMs job", true},
		{"Our CTO keeps skipping my updates. How do I get executive buy-in?", true},
		{"What does the CEO want from engineering?", true},
		{"What does the VP of Sales want from engineering?", true},
		{"What does the CEO expect from us?", true},
		{"What should my EMs be doing in their 1:1s?", true},
		{"Should we add a staff engineer role to the org?", true},
		{"Does SRE own incident response?", true},
		{"does the tl;dr say anything about budgets?", true},
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

	em := pageIndex(t, "em.md", "# Engineering Manager\n\n## Day to day\n\nAn engineering manager spends the day in 1:1s and planning.\n")
	if hits, _ := em.Search(context.Background(), "what does an EM do all day?", 3); len(hits) == 0 {
		t.Error("a guide whose headings name the engineering manager refused a question about one")
	}
}

func TestMentions(t *testing.T) {
	t.Parallel()
	c := newCast([][]string{{"director"}, {"design director"}, {"em", "engineering manager"}, {"director of product"}}, strings.ToLower)
	tests := []struct {
		words string
		want  []mention
	}{
		{"what does a design director do", []mention{{3, 5, 1}}},
		{"do ems report to directors", []mention{{1, 2, 2}, {4, 5, 0}}},
		{"an engineering manager", []mention{{1, 3, 2}}},
		{"emergency", nil},
		{"what do directors of product do", []mention{{2, 5, 3}}},
		{"a director of products", []mention{{1, 2, 0}}},
	}
	for _, tt := range tests {
		got := c.mentions(questionWords(tt.words))
		if !slices.Equal(got, tt.want) {
			t.Errorf("mentions(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}
