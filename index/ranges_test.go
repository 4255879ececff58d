package index

import (
	"math"
	"testing"

	"github.com/directorbot/directorbot/content"
)

// TestSpans reads cells of ranges, and refuses cells that state no range
// with a unit.
func TestSpans(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	below := func(v float64) float64 { return math.Nextafter(v, -inf) }
	above := func(v float64) float64 { return math.Nextafter(v, inf) }
	tests := []struct {
		cell string
		want span
		ok   bool
	}{
		{"0–2 years", span{0, 2, "year"}, true},
		{"2-5 Years", span{2, 5, "year"}, true},
		{"1 to 3 yrs", span{1, 3, "year"}, true},
		{"5+ years", span{5, inf, "year"}, true},
		{"€1,000–€10,000", span{1000, 10000, "€"}, true},
		{"$5k to $20k", span{5000, 20000, "$"}, true},
		{"$5–10k", span{5000, 10000, "$"}, true},
		{"Under €1,000", span{-inf, below(1000), "€"}, true},
		{"Up to €1,000", span{-inf, 1000, "€"}, true},
		{"Over €50,000", span{above(50000), inf, "€"}, true},
		{"Over $1 million", span{above(1e6), inf, "$"}, true},
		{"10 or more engineers", span{10, inf, "engineer"}, true},
		{"€1.000–€10.000", span{1000, 10000, "€"}, true},
		{"Über 50.000 €", span{}, false},
		{"Over 50.000 €", span{above(50000), inf, "€"}, true},
		{"1 to 3 business days", span{1, 3, "day"}, true},
		{"Year 1", span{0, 1, "year"}, true},
		{"Years 2–3", span{1, 3, "year"}, true},
		{"Year 4+", span{3, inf, "year"}, true},
		{"Years 3-2", span{}, false},
		{"Year 2026", span{}, false},
		{"1.5–2.5 years", span{1.5, 2.5, "year"}, true},
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

// TestRangeRow picks the row of a table whose column of ranges holds an
// amount the question states, in the column's unit; not in a column of
// targets, nor when the question names a row.
func TestRangeRow(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "handbook.md", `# Handbook

## PTO

Days off by tenure, and who approves purchases.

| Tenure | Days |
| --- | --- |
| 0–2 years | 20 |
| 2–5 years | 23 |
| 5+ years | 26 |

| Cost | Approver |
| --- | --- |
| Under €1,000 | EM |
| €1,000–€10,000 | Director |
| Over €10,000 | VP |

## Levels

| Level | Title | Typical experience |
| --- | --- | --- |
| E1 | Associate | 0–1 years |
| E2 | Engineer | 1–3 years |
| E3 | Senior | 3–6 years |
| E4 | Staff | 6+ years |
| E5 | Senior Staff | 9+ years |

## Metrics

| Metric | Target |
| --- | --- |
| Lead time | Under 24 hours |
| Change failure rate | Under 15% |
| MTTR | Under 2 hours |

## SLA

| Fix time | Severity |
| --- | --- |
| Under 1 business day | SEV1 |
| 1–5 business days | SEV2 |
| Over 5 business days | SEV3 |

## Managers

| Team | Manager |
| --- | --- |
| 1–8 engineers | EM |
| 9+ engineers | Director |

## Onboarding

| Year | Focus |
| --- | --- |
| Year 1 | Learn the systems |
| Years 2–3 | Own a service |
| Year 4+ | Lead a domain |
`)
	tests := []struct {
		section, question string
		want              RowRef
		ok                bool
	}{
		{"pto", "how many days with 3 years of tenure?", RowRef{0, 1}, true},
		{"pto", "pto after 5 years?", RowRef{0, 2}, true},
		{"pto", "I've been here 1 yr", RowRef{0, 0}, true},
		{"pto", "who approves a €25,000 tool?", RowRef{1, 2}, true},
		{"pto", "who approves €500?", RowRef{1, 0}, true},
		{"pto", "who signs off on a €2.5k purchase", RowRef{1, 1}, true},
		{"pto", "who approves a €2 million vendor?", RowRef{1, 2}, true},
		// The bounds: "under" and "over" leave theirs out, in the table
		// and in the question.
		{"pto", "who approves €1,000?", RowRef{1, 1}, true},
		{"pto", "who approves €10,000?", RowRef{1, 1}, true},
		{"pto", "tool under €1,000 approver", RowRef{1, 0}, true},
		{"pto", "over €10,000?", RowRef{1, 2}, true},
		{"levels", "what level fits 4 years of experience?", RowRef{0, 2}, true},
		{"levels", "10 years of experience, which level?", RowRef{0, 4}, true},
		{"levels", "7 years in", RowRef{0, 3}, true},
		// Thousands set apart by dots, a sign after the amount, a unit
		// with a qualifier, years counted by their number.
		{"pto", "who approves a €25.000 tool?", RowRef{1, 2}, true},
		{"pto", "who approves 500 € of books?", RowRef{1, 0}, true},
		{"pto", "who approves 2.500€?", RowRef{1, 1}, true},
		{"pto", "how many days in my first year?", RowRef{0, 0}, true},
		{"pto", "days off in year 3", RowRef{0, 1}, true},
		{"pto", "pto in the 6th year", RowRef{0, 2}, true},
		{"sla", "a fix within 3 business days?", RowRef{0, 1}, true},
		{"onboarding", "what happens in year 2?", RowRef{0, 1}, true},
		{"onboarding", "after 3 years here", RowRef{0, 2}, true},
		{"pto", "what changed in the year 2026?", RowRef{}, false},
		// A sign before the next figure is that figure's; "year" before
		// a figure of something else is no year of tenure.
		{"pto", "can I buy 3 €200 licenses?", RowRef{1, 0}, true},
		{"pto", "team of 5. €800 tool ok?", RowRef{1, 0}, true},
		{"pto", "days off per year 5 years in", RowRef{0, 2}, true},
		{"pto", "is year-over-year 10% growth enough", RowRef{}, false},
		// A decimal without a currency sign stays a decimal; money may
		// set its decimals apart with a comma.
		{"levels", "1.5 years of experience", RowRef{0, 1}, true},
		{"pto", "who approves a €9,5k laptop order?", RowRef{1, 1}, true},
		{"pto", "who approves 9,99 € of books?", RowRef{1, 0}, true},
		{"pto", "who approves €9,500?", RowRef{1, 1}, true},
		{"pto", "who approves a €2.500,00 laptop?", RowRef{1, 1}, true},
		{"pto", "who approves 999,50 € of books?", RowRef{1, 0}, true},
		// A comma before one or two digits is a decimal comma, money or
		// not: "1,5 years" is a year and a half, never 15.
		{"levels", "1,5 years of experience", RowRef{0, 1}, true},
		{"levels", "after 7,5 years", RowRef{0, 3}, true},
		// Head counts are never fractions: "5,10" lists two.
		{"managers", "who manages 5,10 engineers?", RowRef{0, 1}, true},
		// A list without spaces stays a list of figures.
		{"levels", "options 1.5,2.5 years", RowRef{0, 1}, true},
		// Head counts qualified as full or part time.
		{"managers", "who manages 3 full time engineers?", RowRef{0, 0}, true},
		{"managers", "a team of 12 full-time engineers", RowRef{0, 1}, true},
		{"managers", "who leads 4 part-time engineers", RowRef{0, 0}, true},
		// No amount, none in a column's unit, a figure inside a word, a
		// row the question names, a column of targets.
		{"pto", "how many pto days do I get?", RowRef{}, false},
		{"pto", "do we get 2 floating holidays?", RowRef{}, false},
		{"pto", "who approves a $25,000 tool?", RowRef{}, false},
		{"levels", "how do E4 engineers grow?", RowRef{}, false},
		{"levels", "I'm an E4 with 2 years, what's next?", RowRef{}, false},
		{"metrics", "our MTTR is 3 hours, is that ok?", RowRef{}, false},
	}
	for _, tt := range tests {
		s, _ := ix.Guide().Section(tt.section)
		got, ok := rangeRow(s, tt.question)
		if ok != tt.ok || got != tt.want {
			t.Errorf("rangeRow(%s, %q) = %+v, %v; want %+v, %v", tt.section, tt.question, got, ok, tt.want, tt.ok)
		}
	}
	// The reply opens with that row.
	pto, _ := ix.Guide().Section("pto")
	hits, err := ix.Search(t.Context(), "how many pto days do I get with 3 years of tenure?", 1)
	if err != nil || len(hits) == 0 || hits[0].Section != pto || len(hits[0].Rows) != 1 || hits[0].Rows[0] != (RowRef{0, 1}) {
		t.Errorf("search: %s, %v; want the 2–5 years row of PTO", ids(hits), err)
	}
}

// TestStatedRow picks the one row that states a share or a span the
// question states, as written, and none where no row or several do.
func TestStatedRow(t *testing.T) {
	t.Parallel()
	g := pageIndex(t, "roles.md", `# Roles

## Comparison

| Aspect | Director | VP |
| --- | --- | --- |
| Focus | 60% execution, 40% strategy | 30% execution, 70% strategy |
| Board meetings | Rare | 4-8 hrs/week |
| Team size | 15-50 engineers | 50-500 engineers |
| Growth | 160% a year | 100% a year |
| Hiring | 10% of time | 10% of time |
| Reviews | 10% of time | 5% of time |
`).Guide()
	s := g.Sections()[1]
	for _, tt := range []struct {
		question string
		want     RowRef
		ok       bool
	}{
		{"is it true directors spend 60% of their time on strategy?", RowRef{0, 0}, true},
		{"do VPs spend 4 - 8 hours in board meetings?", RowRef{0, 1}, true},
		{"do VPs spend 4–8 hours in board meetings?", RowRef{0, 1}, true},
		{"a team of 15-50, is that a director's?", RowRef{0, 2}, true},
		{"does the org grow 60% a year?", RowRef{0, 0}, true},
		{"does the org grow 16% a year?", RowRef{}, false},
		{"do directors hire 10% of the time?", RowRef{}, false}, // two rows state it
		{"do VPs review 5% of the time?", RowRef{0, 5}, true},
		{"do directors spend 7% on strategy?", RowRef{}, false},
		{"what does a director focus on?", RowRef{}, false},
		{"how does a VP's week compare in Q3-4?", RowRef{}, false},
		{"is a $1,000-2,000 budget a director's?", RowRef{}, false},
		{"do VPs spend 4—8 hours with the board?", RowRef{0, 1}, true},
		{"do directors spend 0.60% on strategy?", RowRef{}, false},
		{"do VPs grow 0% a year?", RowRef{}, false},
	} {
		got, ok := statedRow(s, tt.question)
		if ok != tt.ok || got != tt.want {
			t.Errorf("statedRow(%q) = %v, %v; want %v, %v", tt.question, got, ok, tt.want, tt.ok)
		}
	}
}

// TestCountedRow picks the one row that counts people in the unit the
// question counts them in, and none where no row or several do.
func TestCountedRow(t *testing.T) {
	t.Parallel()
	g := pageIndex(t, "roles.md", `# Roles

## Comparison

| Aspect | Director | VP |
| --- | --- | --- |
| Team size | 15-50+ engineers (multiple teams) | 100-500+ engineers |
| Reports | Managers | Directors |
| Board meetings | 2 hours a quarter | 4-8 hrs/week |

## Levels

| Level | Span |
| --- | --- |
| Senior | 3 reports |
| Staff | 6 reports |
`).Guide()
	comparison, levels := g.Sections()[1], g.Sections()[2]
	for _, tt := range []struct {
		section  *content.Section
		question string
		want     RowRef
		ok       bool
	}{
		{comparison, "my VP has 300 engineers, is that normal?", RowRef{0, 0}, true},
		{comparison, "do directors lead 1 engineer?", RowRef{0, 0}, true},
		{comparison, "a director with 40 people, normal?", RowRef{}, false}, // no row counts people
		{comparison, "do VPs spend 6 hours with the board?", RowRef{}, false},
		{comparison, "is a VP's team size 300?", RowRef{}, false},
		{levels, "is 4 reports a staff span?", RowRef{}, false}, // two rows count reports
		{comparison, "what does a director focus on?", RowRef{}, false},
	} {
		got, ok := countedRow(tt.section, tt.question)
		if ok != tt.ok || got != tt.want {
			t.Errorf("countedRow(%q) = %v, %v; want %v, %v", tt.question, got, ok, tt.want, tt.ok)
		}
	}
}
