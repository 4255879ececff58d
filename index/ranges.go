package index

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/directorbot/directorbot/content"
)

// amount is a number a question states with its unit: the currency sign
// before it or the word after it ("3 years", "€25,000", "$5k").
type amount struct {
	value float64
	unit  string
}

// span is the amounts a table cell covers: "2–5 years", "€1,000–€10,000",
// "5+ years", "Under €1,000" (below 1,000), "Over €50,000".
type span struct {
	low, high float64
	unit      string
}

// figurePattern matches a figure: a currency sign, digits that begin a
// word ("E4" and "SEV2" hold none) with their thousands' commas (or dots,
// then decimals after a comma: "1.000,50"), and a scale ("5k", "2
// million"). amountPattern adds the word after it, the
// unit of an amount that has no currency sign.
const (
	figurePattern = `([$€£]?)\s?\b(\d{1,3}(?:\.\d{3})+,\d{1,2}\b|\d[\d,]*(?:\.\d+)*)(?:\s?(k|m|bn|thousand|million|billion)\b)?`
	amountPattern = figurePattern + `(?:[\s-]*(?:(?:business|working|calendar|consecutive|full[\s-]time|part[\s-]time|full)[\s-]+)?([a-z]+))?`
)

var (
	// askedAmount finds an amount in a question, and whether the question
	// puts it as a bound: "under $1,000" is below the "$1,000 to $10,000"
	// row; "up to" keeps the amount itself.
	askedAmount = regexp.MustCompile(`(?:\b(under|below|less than|up to|over|above|more than)\s+)?` + amountPattern)
	// A cell's range: "2-5 years", "€1,000 to €10,000"; open ranges:
	// "over €50,000", "5+ years", "10 or more engineers", "under €1,000".
	closedSpan = regexp.MustCompile(`^` + figurePattern + `\s*(?:-|to)\s*` + amountPattern + `$`)
	overSpan   = regexp.MustCompile(`^(?:over|above|more than|>)\s*` + amountPattern + `$`)
	plusSpan   = regexp.MustCompile(`^` + figurePattern + `\s*(?:\+|or more|and up|and above)\s*([a-z]*)$`)
	underSpan  = regexp.MustCompile(`^(?:under|below|less than|<)\s*` + amountPattern + `$`)
	upToSpan   = regexp.MustCompile(`^(?:up to|≤)\s*` + amountPattern + `$`)
)

// amounts returns the amounts a question states.
func amounts(text string) []amount {
	// Most questions state none: they are not read further.
	if !strings.ContainsAny(text, "0123456789") && !strings.Contains(strings.ToLower(text), "year") {
		return nil
	}
	var out []amount
	for _, m := range askedAmount.FindAllStringSubmatch(yearsAsked(normalized(text)), -1) {
		unit := unitOf(m[2], m[5])
		digits := m[3]
		if heads[unit] {
			// "5,10 engineers" lists head counts: no one is a fraction.
			digits = strings.ReplaceAll(digits, ",", "")
		}
		v, ok := value(m[2], digits, m[4])
		if !ok {
			continue
		}
		switch m[1] {
		case "under", "below", "less than":
			v = math.Nextafter(v, math.Inf(-1))
		case "over", "above", "more than":
			v = math.Nextafter(v, math.Inf(1))
		}
		out = append(out, amount{v, unit})
	}
	return out
}

// scales are the factors of a figure's scale word.
var scales = map[string]float64{"": 1, "k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}

// dotThousands is a figure whose thousands are set apart by dots, as in
// much of Europe: "25.000", "1.000.000".
var dotThousands = regexp.MustCompile(`^\d{1,3}(?:\.\d{3})+$`)

// decimalComma is a figure whose decimals follow a comma, as in much of
// Europe: "1,5", "9,99", "1.000,50"; a comma before three digits sets
// thousands apart.
var decimalComma = regexp.MustCompile(`^(?:\d+|\d{1,3}(?:\.\d{3})+),\d{1,2}$`)

// value reads a figure's digits, without their thousands' commas, times
// its scale. A comma before one or two digits at the end is a decimal
// comma ("1,5 years", "€9,99"); an amount of money ("€25.000", sign) may
// also set its thousands apart with dots. Any other dot is a decimal point,
// and any other comma sets thousands apart.
func value(sign, digits, scale string) (float64, bool) {
	if decimalComma.MatchString(digits) {
		whole, decimals, _ := strings.Cut(digits, ",")
		digits = strings.ReplaceAll(whole, ".", "") + "." + decimals
	}
	digits = strings.ReplaceAll(digits, ",", "")
	if sign != "" && dotThousands.MatchString(digits) {
		digits = strings.ReplaceAll(digits, ".", "")
	}
	v, err := strconv.ParseFloat(digits, 64)
	return v * scales[scale], err == nil
}

// signAfter is an amount of money with its currency sign after it, as
// much of Europe writes it: "25.000 €", "5k€".
var signAfter = regexp.MustCompile(`\b(\d(?:[\d.,]*\d)?(?:\s?(?:k|m|bn|thousand|million|billion))?)\s?([$€£])`)

// normalized is a text lower-cased, its dashes hyphens, its spaces
// single, and a currency sign after an amount put before it, unless a
// figure follows the sign: "3 €200 licenses" is 3 of €200.
func normalized(text string) string {
	text = strings.NewReplacer("–", "-", "—", "-").Replace(strings.ToLower(text))
	text = strings.Join(strings.Fields(text), " ")
	var b strings.Builder
	last := 0
	for _, m := range signAfter.FindAllStringSubmatchIndex(text, -1) {
		if rest := strings.TrimLeft(text[m[1]:], " "); rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(text[m[4]:m[5]] + text[m[2]:m[3]])
		last = m[1]
	}
	return b.String() + text[last:]
}

// Years counted by their number ("year 3", "years 2-3", "the first
// year") rather than as a duration: the nth year is the time from n−1 to
// n years in.
var (
	nthYear  = regexp.MustCompile(`\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+year\b`)
	yearNth  = regexp.MustCompile(`\byear\s+(\d+)\b`)
	yearSpan = regexp.MustCompile(`^years?\s+(\d+)\s*(?:-|to)\s*(\d+)$|^years?\s+(\d+)(\+?)$`)
	ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
)

// yearsAsked writes the years a question counts as the time they stand
// for, the middle of each: "in year 3" is "2.5 years", "my first year"
// "0.5 years".
func yearsAsked(text string) string {
	// A number beyond a career's years is a year of the calendar ("the
	// year 2026"), left as it is.
	middle := func(m string, n int) string {
		if n < 1 || n > maxYears {
			return m
		}
		return strconv.FormatFloat(float64(n)-0.5, 'f', 1, 64) + " years"
	}
	text = nthYear.ReplaceAllStringFunc(text, func(m string) string {
		word := nthYear.FindStringSubmatch(m)[1]
		n, ok := ordinals[word]
		if !ok {
			n, _ = strconv.Atoi(strings.TrimRight(word, "stndrh"))
		}
		return middle(m, n)
	})
	var b strings.Builder
	last := 0
	for _, m := range yearNth.FindAllStringSubmatchIndex(text, -1) {
		// "year-over-year 10%", "per year 5 years in": the figure is not
		// the year's.
		after := strings.TrimLeft(text[m[1]:], " ")
		word, _, _ := strings.Cut(strings.TrimLeft(after, " "), " ")
		if _, unit := unitNames[strings.Trim(word, "?.,!")]; strings.HasPrefix(after, "%") || unit {
			continue
		}
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		b.WriteString(text[last:m[0]] + middle(text[m[0]:m[1]], n))
		last = m[1]
	}
	return b.String() + text[last:]
}

// maxYears is the most years a career counts.
const maxYears = 50

// yearsSpan reads a cell that counts years by their number: "Year 1"
// (0 to 1 years in), "Years 2-3" (1 to 3), "Year 4+" (3 on).
func yearsSpan(text string) (span, bool) {
	m := yearSpan.FindStringSubmatch(text)
	if m == nil {
		return span{}, false
	}
	if m[1] != "" {
		first, _ := strconv.Atoi(m[1])
		last, _ := strconv.Atoi(m[2])
		return span{float64(first - 1), float64(last), "year"}, first >= 1 && first <= last && last <= maxYears
	}
	n, _ := strconv.Atoi(m[3])
	sp := span{float64(n - 1), float64(n), "year"}
	if m[4] == "+" {
		sp.high = math.Inf(1)
	}
	return sp, n >= 1 && n <= maxYears
}

// unitOf is an amount's unit: its currency sign, else the word after it
// as unitNames names it ("yrs" and "years" are one unit).
func unitOf(sign, word string) string {
	if sign != "" {
		return sign
	}
	if u, ok := unitNames[word]; ok {
		return u
	}
	return word
}

// heads are the units that count people or teams, never in fractions.
var heads = map[string]bool{"engineer": true, "person": true, "report": true, "team": true, "teams": true, "manager": true, "managers": true, "em": true, "ems": true}

// unitNames names the units written more than one way.
var unitNames = map[string]string{
	"year": "year", "years": "year", "yr": "year", "yrs": "year",
	"month": "month", "months": "month", "mo": "month", "mos": "month",
	"week": "week", "weeks": "week", "wk": "week", "wks": "week",
	"day": "day", "days": "day",
	"hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
	"minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
	"engineer": "engineer", "engineers": "engineer",
	"person": "person", "people": "person",
	"report": "report", "reports": "report",
}

// spanOf reads a table cell as a range of amounts with a unit; false
// when it is none. "Over" and "under" leave out their bound.
func spanOf(cell string) (span, bool) {
	text := normalized(cell)
	var sp span
	ok := false
	if y, isYears := yearsSpan(text); isYears {
		sp, ok = y, true
	} else if m := closedSpan.FindStringSubmatch(text); m != nil {
		// "2-5 years" says its unit once, after the second figure;
		// "€1,000-€10,000" its sign before each, "$5-10k" its scale once.
		scale := m[3]
		if scale == "" {
			scale = m[6]
		}
		sign := m[1]
		if sign == "" {
			sign = m[4]
		}
		low, okLow := value(sign, m[2], scale)
		high, okHigh := value(sign, m[5], m[6])
		sp, ok = span{low, high, unitOf(sign, m[7])}, okLow && okHigh && low <= high
	} else if m := overSpan.FindStringSubmatch(text); m != nil {
		low, okLow := value(m[1], m[2], m[3])
		sp, ok = span{math.Nextafter(low, math.Inf(1)), math.Inf(1), unitOf(m[1], m[4])}, okLow
	} else if m := plusSpan.FindStringSubmatch(text); m != nil {
		low, okLow := value(m[1], m[2], m[3])
		sp, ok = span{low, math.Inf(1), unitOf(m[1], m[4])}, okLow
	} else if m := underSpan.FindStringSubmatch(text); m != nil {
		high, okHigh := value(m[1], m[2], m[3])
		sp, ok = span{math.Inf(-1), math.Nextafter(high, math.Inf(-1)), unitOf(m[1], m[4])}, okHigh
	} else if m := upToSpan.FindStringSubmatch(text); m != nil {
		high, okHigh := value(m[1], m[2], m[3])
		sp, ok = span{math.Inf(-1), high, unitOf(m[1], m[4])}, okHigh
	}
	return sp, ok && sp.unit != ""
}

// holds reports whether the span covers the amount, in the same unit.
func (s span) holds(a amount) bool {
	return s.unit == a.unit && a.value >= s.low && a.value <= s.high
}

// rangeRow returns the row of one of a section's tables whose cell in a
// column of ranges holds an amount the question states: "3 years of
// tenure" is the "2–5 years" row, "a €25,000 tool" the "€10,000–€50,000"
// one. A question that names a row by its first cell ("an E4 with 2
// years") has asked for that row, and gets none here.
func rangeRow(s *content.Section, question string) (RowRef, bool) {
	asked := amounts(question)
	if len(asked) == 0 {
		return RowRef{}, false
	}
	words := spaced(question)
	for ti, t := range s.Tables() {
		for c := range t.Header {
			if r, ok := rangeIn(t.Rows, c, asked); ok && (c == 0 || !namesRow(t.Rows, words)) {
				return RowRef{Table: ti, Row: r}, true
			}
		}
	}
	return RowRef{}, false
}

// statedFigure is a share or a span a question states as the guide writes
// them: "60%", "4-8", "60-70%"; dashes writes a span's dash one way.
var (
	statedFigure = regexp.MustCompile(`\d+(?:\.\d+)?%|\d+\s*[-–—]\s*\d+%?`)
	dashes       = regexp.MustCompile(`\s*[-–—]\s*`)
)

// statedRow returns the one row of a section's tables whose text states a
// share or a span the question states, as written: "is it true directors
// spend 60% of their time on strategy?" is the Focus row, "60% execution,
// 40% strategy", where the guide answers a premise. A figure within a word
// or a longer number ("Q3-4", "$1,000-2,000") is none, and a figure that
// no row, or more than one, states picks none.
func statedRow(s *content.Section, question string) (RowRef, bool) {
	if !strings.ContainsAny(question, "0123456789") {
		return RowRef{}, false // most questions state no figure
	}
	for _, at := range statedFigure.FindAllStringIndex(question, -1) {
		if !figureStarts(question, at[0]) {
			continue
		}
		f := dashes.ReplaceAllString(question[at[0]:at[1]], "-")
		var found []RowRef
		for ti, t := range s.Tables() {
			for ri, row := range t.Rows {
				if statesFigure(dashes.ReplaceAllString(content.RowPlain(row), "-"), f) {
					found = append(found, RowRef{Table: ti, Row: ri})
				}
			}
		}
		if len(found) == 1 {
			return found[0], true
		}
	}
	return RowRef{}, false
}

// countedRow returns the one row of a section's tables that counts
// people or teams in the unit a question counts them in, where no figure
// of the question is the row's own: "my VP has 300 engineers, is that
// normal?" is the Team size row, "100-500+ engineers", checked against
// the guide as a premise. A row that counts them in another unit, or two
// rows that count them alike, pick none.
func countedRow(s *content.Section, question string) (RowRef, bool) {
	asked := map[string]bool{}
	for _, a := range amounts(question) {
		if heads[a.unit] {
			asked[a.unit] = true
		}
	}
	if len(asked) == 0 {
		return RowRef{}, false
	}
	var found []RowRef
	for ti, t := range s.Tables() {
		for ri, row := range t.Rows {
			if countsIn(content.RowPlain(row), asked) {
				found = append(found, RowRef{Table: ti, Row: ri})
			}
		}
	}
	if len(found) != 1 {
		return RowRef{}, false
	}
	return found[0], true
}

// countedFigure is a count as a row writes it, a span's upper bound
// included: "50+ engineers" in "15-50+ engineers".
var countedFigure = regexp.MustCompile(`\d[\d,]*\+?\s+([a-z]+)`)

// countsIn reports whether a row's text counts in one of the units.
func countsIn(text string, units map[string]bool) bool {
	for _, m := range countedFigure.FindAllStringSubmatch(normalized(text), -1) {
		if units[unitOf("", m[1])] {
			return true
		}
	}
	return false
}

// figureStarts reports whether a figure at i of text starts a number: no
// letter, digit, decimal point or thousands' comma comes before it.
func figureStarts(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != ','
}

// statesFigure reports whether text states the figure f whole: "60%" is
// in "60% execution", not in "160%" or "0.60%".
func statesFigure(text, f string) bool {
	for i := 0; ; {
		at := strings.Index(text[i:], f)
		if at < 0 {
			return false
		}
		at += i
		end := at + len(f)
		if figureStarts(text, at) && (end == len(text) || !unicode.IsDigit(rune(text[end])) && text[end] != '%' && text[end] != '.') {
			return true
		}
		i = at + 1
	}
}

// namesRow reports whether the question's words (spaced) hold the
// words of a row's first cell.
func namesRow(rows [][]content.Inline, words string) bool {
	for _, row := range rows {
		if len(row) > 0 && strings.Contains(words, spaced(row[0].Plain())) {
			return true
		}
	}
	return false
}

// spaced is a text's words, lower-cased, each between single spaces:
// "E4, 2 years" is " e4 2 years ".
func spaced(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return " " + strings.Join(words, " ") + " "
}

// rangeIn returns the row whose cell in column c holds the first of the
// asked amounts any cell there holds. The column must be a scale: at
// least two of its cells are ranges, all in one unit, each starting
// above the one before ("0–2 years", "2–5 years", "5+ years"), unlike a
// column of targets ("Under 24 hours", "Under 15%"). Of two rows that
// hold an amount at their shared bound, the later answers ("5+ years"
// for 5).
func rangeIn(rows [][]content.Inline, c int, asked []amount) (int, bool) {
	spans := make([]*span, len(rows))
	var last *span
	ranges := 0
	for ri, row := range rows {
		if c >= len(row) {
			continue
		}
		sp, ok := spanOf(row[c].Plain())
		if !ok {
			continue
		}
		if last != nil && (sp.unit != last.unit || sp.low <= last.low) {
			return 0, false
		}
		spans[ri], last = &sp, &sp
		ranges++
	}
	if ranges < 2 {
		return 0, false
	}
	for _, a := range asked {
		found := -1
		for ri, sp := range spans {
			if sp != nil && sp.holds(a) {
				found = ri
			}
		}
		if found >= 0 {
			return found, true
		}
	}
	return 0, false
}
