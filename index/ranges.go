package index

import (
	"cmp"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/directorbot/directorbot/content"
)

// amount is a number a question states with its unit: the currency sign
// before it or the word after it ("3 years", "€25,000", "$5k").
type amount struct {
	value float64
	unit  string
}

// span is the amounts a table row's first cell covers, bounds included:
// "2–5 years", "€1,000–€10,000", "5+ years", "Under €1,000".
type span struct {
	low, high float64
	unit      string
}

// bare matches a number: a currency sign, the digits with their
// thousands' commas, a k or m for thousands or millions; number, an
// amount: a bare number and the word after it.
const (
	bare   = `([$€£]?)\s?(\d[\d,]*(?:\.\d+)?)(k|m)?\b`
	number = bare + `(?:\s*([a-z]+))?`
)

var (
	// amountPattern finds an amount and whether the question puts it
	// as a bound: "under $1,000" is below the "$1,000 to $10,000" row.
	amountPattern = regexp.MustCompile(`(?:\b(under|below|less than|up to|over|above|more than)\s+)?` + number)
	// Row heads of a range: "2-5 years", "€1,000 to €10,000"; open
	// ranges: "over €50,000", "5+ years", "10 or more", "under €1,000".
	closedSpan = regexp.MustCompile(`^` + bare + `\s*(?:-|to)\s*` + number + `$`)
	overSpan   = regexp.MustCompile(`^(?:over|above|more than|>|≥)\s*` + number + `$`)
	plusSpan   = regexp.MustCompile(`^` + bare + `\s*(?:\+|or more|and up|and above)\s*([a-z]*)$`)
	underSpan  = regexp.MustCompile(`^(?:under|below|less than|up to|<|≤)\s*` + number + `$`)
)

// amounts returns the amounts a text states.
func amounts(text string) []amount {
	var out []amount
	for _, m := range amountPattern.FindAllStringSubmatch(strings.ToLower(text), -1) {
		v, ok := value(m[3], m[4])
		if !ok {
			continue
		}
		switch m[1] {
		case "under", "below", "less than":
			v = math.Nextafter(v, math.Inf(-1))
		case "over", "above", "more than":
			v = math.Nextafter(v, math.Inf(1))
		}
		out = append(out, amount{v, unitOf(m[2], m[5])})
	}
	return out
}

// value reads a number with its thousands' commas and its k or m.
func value(digits, scale string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", ""), 64)
	switch scale {
	case "k":
		v *= 1e3
	case "m":
		v *= 1e6
	}
	return v, err == nil
}

// unitOf is an amount's unit: its currency sign, else the word after it
// without a plural s ("years" and "year" are one unit).
func unitOf(sign, word string) string {
	if sign != "" {
		return sign
	}
	return strings.TrimSuffix(word, "s")
}

// spanOf reads a table cell as a range of amounts with a unit; false
// when it is none.
func spanOf(cell string) (span, bool) {
	text := strings.Join(strings.Fields(strings.NewReplacer("–", "-", "—", "-").Replace(strings.ToLower(cell))), " ")
	var sp span
	ok := false
	if m := closedSpan.FindStringSubmatch(text); m != nil {
		// "2-5 years" says its unit once, after the second number;
		// "€1,000-€10,000" before each.
		low, okLow := value(m[2], m[3])
		high, okHigh := value(m[5], m[6])
		sp, ok = span{low, high, unitOf(cmp.Or(m[4], m[1]), m[7])}, okLow && okHigh && low <= high
	} else if m := overSpan.FindStringSubmatch(text); m != nil {
		low, okLow := value(m[2], m[3])
		sp, ok = span{low, math.Inf(1), unitOf(m[1], m[4])}, okLow
	} else if m := plusSpan.FindStringSubmatch(text); m != nil {
		low, okLow := value(m[2], m[3])
		sp, ok = span{low, math.Inf(1), unitOf(m[1], m[4])}, okLow
	} else if m := underSpan.FindStringSubmatch(text); m != nil {
		high, okHigh := value(m[2], m[3])
		sp, ok = span{math.Inf(-1), high, unitOf(m[1], m[4])}, okHigh
	}
	return sp, ok && sp.unit != ""
}

// holds reports whether the span covers the amount, in the same unit (a
// cell that is no range has none).
func (s span) holds(a amount) bool {
	return s.unit != "" && s.unit == a.unit && a.value >= s.low && a.value <= s.high
}

// rangeRow returns the row of one of a section's tables with a cell whose
// range holds an amount the question states: "3 years of tenure" is the
// "2–5 years" row, "a €25,000 tool" the "€10,000–€50,000" one. A column
// counts when at least two of its cells are ranges; of rows that hold the
// amount, the one whose range starts nearest below it answers ("5+ years"
// rather than "2–5 years" for 5, "9+ years" rather than "6+ years" for 10).
func rangeRow(s *content.Section, question string) (RowRef, bool) {
	asked := amounts(question)
	if len(asked) == 0 {
		return RowRef{}, false
	}
	for ti, t := range s.Tables() {
		for c := range t.Header {
			if r, ok := rangeIn(t.Rows, c, asked); ok {
				return RowRef{Table: ti, Row: r}, true
			}
		}
	}
	return RowRef{}, false
}

// rangeIn returns the row whose cell in column c holds one of the asked
// amounts, the first amount that one does, when the column holds ranges.
func rangeIn(rows [][]content.Inline, c int, asked []amount) (int, bool) {
	spans := make([]span, len(rows))
	ranges := 0
	for ri, row := range rows {
		if c < len(row) {
			if sp, ok := spanOf(row[c].Plain()); ok {
				spans[ri] = sp
				ranges++
			}
		}
	}
	if ranges < 2 {
		return 0, false
	}
	for _, a := range asked {
		found := -1
		for ri, sp := range spans {
			if sp.holds(a) && (found < 0 || sp.low > spans[found].low) {
				found = ri
			}
		}
		if found >= 0 {
			return found, true
		}
	}
	return 0, false
}
