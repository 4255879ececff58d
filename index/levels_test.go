package index

import (
	"slices"
	"testing"
)

// TestLevelRows: a question that names a level of a table of levels is
// answered by that level's row, whichever name it gives the role, and a
// question about the whole table by the table.
func TestLevelRows(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "pay.md", "# Promotions and Pay\n\n## Promotion Process\n\nPromotions happen twice a year.\n\n"+
		"## Salary Bands\n\n| Level | Title | Min | Max | Equity |\n| --- | --- | --- | --- | --- |\n"+
		"| P1 | Associate PM | $95,000 | $125,000 | $10k |\n| P2 | Product Manager | $130,000 | $170,000 | $25k |\n"+
		"| P3 | Senior PM | $165,000 | $210,000 | $45k |\n| P4 | Director of Product | $205,000 | $265,000 | $90k |\n"+
		"| P5 | VP of Product | $260,000 | $340,000 | see exec comp |\n")
	tests := []struct {
		question string
		titles   []string // the Title cells of the rows quoted, in order
	}{
		{"How much does a PM make?", []string{"Product Manager"}},
		{"how much does a product manager make", []string{"Product Manager"}},
		{"how much do senior PMs make", []string{"Senior PM"}},
		{"whats the equity for an associate pm", []string{"Associate PM"}},
		{"PM vs Senior PM pay?", []string{"Product Manager", "Senior PM"}},
		{"what's the salary of a product director?", []string{"Director of Product"}},
		// The whole table: "salary" is its heading's, and only the
		// VP's "comp" is a synonym of it.
		{"what are the salary bands?", nil},
	}
	for _, tt := range tests {
		r, err := ix.Ask(t.Context(), tt.question, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].Section.Title != "Salary Bands" {
			t.Errorf("%q: %+v, want Salary Bands", tt.question, r)
			continue
		}
		var got []string
		for _, ref := range r.Hits[0].Rows {
			got = append(got, r.Hits[0].Section.Tables()[ref.Table].Rows[ref.Row][1].Plain())
		}
		if !slices.Equal(got, tt.titles) {
			t.Errorf("%q quotes the rows of %q, want %q", tt.question, got, tt.titles)
		}
	}
}
