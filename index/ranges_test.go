package index

import (
	"math"
	"testing"
)

// TestSpans reads the row heads of tables of ranges, and refuses cells
// that state no range with a unit.
func TestSpans(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	tests := []struct {
		cell string
		want span
		ok   bool
	}{
		{"0–2 years", span{0, 2, "year"}, true},
		{"2-5 Years", span{2, 5, "year"}, true},
		{"5+ years", span{5, inf, "year"}, true},
		{"€1,000–€10,000", span{1000, 10000, "€"}, true},
		{"$5k to $20k", span{5000, 20000, "$"}, true},
		{"Under €1,000", span{math.Inf(-1), 1000, "€"}, true},
		{"Over €50,000", span{50000, inf, "€"}, true},
		{"10 or more engineers", span{10, inf, "engineer"}, true},
		{"1–3", span{}, false},
		{"5–2 years", span{}, false},
		{"SEV1", span{}, false},
		{"Reports to", span{}, false},
		{"2 floating holidays", span{}, false},
	}
	for _, tt := range tests {
		got, ok := spanOf(tt.cell)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("spanOf(%q) = %+v, %v; want %+v, %v", tt.cell, got, ok, tt.want, tt.ok)
		}
	}
}

// TestRangeRow picks the row of a table of ranges that holds an amount the
// question states, in the table's unit.
func TestRangeRow(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "handbook.md", "# Handbook\n\n## PTO\n\nDays off by tenure, and who approves purchases.\n\n| Tenure | Days |\n| --- | --- |\n| 0–2 years | 20 |\n| 2–5 years | 23 |\n| 5+ years | 26 |\n\n| Cost | Approver |\n| --- | --- |\n| Under €1,000 | EM |\n| €1,000–€10,000 | Director |\n| Over €10,000 | VP |\n\n## Holidays\n\nEleven a year.\n\n## Levels\n\n| Level | Title | Typical experience |\n| --- | --- | --- |\n| E1 | Associate | 0–1 years |\n| E2 | Engineer | 1–3 years |\n| E3 | Senior | 3–6 years |\n| E4 | Staff | 6+ years |\n| E5 | Senior Staff | 9+ years |\n")
	s, _ := ix.Guide().Section("pto")
	tests := []struct {
		question string
		want     RowRef
		ok       bool
	}{
		{"how many days with 3 years of tenure?", RowRef{0, 1}, true},
		{"pto after 5 years?", RowRef{0, 2}, true},
		{"I've been here 1 year", RowRef{0, 0}, true},
		{"who approves a €25,000 tool?", RowRef{1, 2}, true},
		{"who approves €500?", RowRef{1, 0}, true},
		{"who signs off on a €2.5k purchase", RowRef{1, 1}, true},
		// A bound the question puts: at €1,000 the later row starts.
		{"who approves €1,000?", RowRef{1, 1}, true},
		{"tool under €1,000 approver", RowRef{1, 0}, true},
		{"over €10,000?", RowRef{1, 2}, true},
		// No amount, or none in a table's unit.
		{"how many pto days do I get?", RowRef{}, false},
		{"do we get 2 floating holidays?", RowRef{}, false},
		{"who approves a $25,000 tool?", RowRef{}, false},
	}
	levels, _ := ix.Guide().Section("levels")
	for _, tt := range []struct {
		question string
		row      int
	}{{"what level fits 4 years of experience?", 2}, {"10 years of experience, which level?", 4}, {"7 years in", 3}} {
		if got, ok := rangeRow(levels, tt.question); !ok || got != (RowRef{0, tt.row}) {
			t.Errorf("rangeRow(%q) = %+v, %v; want row %d of Levels", tt.question, got, ok, tt.row)
		}
	}
	for _, tt := range tests {
		got, ok := rangeRow(s, tt.question)
		if ok != tt.ok || got != tt.want {
			t.Errorf("rangeRow(%q) = %+v, %v; want %+v, %v", tt.question, got, ok, tt.want, tt.ok)
		}
	}
	// The reply opens with that row.
	hits, err := ix.Search(t.Context(), "how many pto days do I get with 3 years of tenure?", 1)
	if err != nil || len(hits) == 0 || hits[0].Section != s || len(hits[0].Rows) != 1 || hits[0].Rows[0] != (RowRef{0, 1}) {
		t.Errorf("search: %v, %v; want the 2–5 years row of PTO", hits, err)
	}
}
