package content

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ExamplesFile is the file of a guide's folder that holds questions people
// ask and the sections that answer them: search learns from them how
// people word what each section is about.
const ExamplesFile = "examples.jsonl"

// Question is a question people ask and the titles of the sections that
// answer it, best first; no titles when the guide does not answer it. A
// guide's examples and a question set to evaluate it are questions, one
// JSON object a line.
type Question struct {
	Text   string   `json:"question"`
	Expect []string `json:"expect"`
	// Style says how the question is put ("paraphrase", "terse", …), for
	// figures per style; optional.
	Style string `json:"style,omitempty"`
	// Answer is the guide's exact text a perfect reply shows first;
	// optional.
	Answer string `json:"answer,omitempty"`
}

// maxExampleLine bounds one line of examples: a long Slack message, with
// room to spare.
const maxExampleLine = 1 << 20

// ReadQuestions reads JSON lines of questions, skipping blank lines. A
// line that is not a question is an Error naming file and the line.
func ReadQuestions(file string, r io.Reader) ([]Question, error) {
	var out []Question
	err := eachQuestion(file, r, func(_ int, e Question) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// eachQuestion calls f with each question of r and its line, until f
// fails.
func eachQuestion(file string, r io.Reader, f func(line int, e Question) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxExampleLine)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var e Question
		if err := json.Unmarshal(text, &e); err != nil {
			return &Error{File: file, Line: line, Msg: "not a question: " + err.Error()}
		}
		if err := f(line, e); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	return nil
}

// SameTitle compares section titles case-insensitively, ignoring leading
// numbering such as "1.".
func SameTitle(a, b string) bool {
	return titleKey(a) == titleKey(b)
}

// Asked returns the questions of the guide's examples that the section
// answers, in the file's order, but for those a row of its tables answers
// (AskedRow).
func (g *Guide) Asked(s *Section) []string { return g.asked[RowKey{Section: s, Table: -1}] }

// AskedRow returns the questions of the guide's examples that one row of
// one of the section's tables answers: their answer is in the row.
func (g *Guide) AskedRow(s *Section, table, row int) []string {
	return g.asked[RowKey{Section: s, Table: table, Row: row}]
}

// AskedAll returns the questions of the guide's examples that the section
// or a row of its tables answers.
func (g *Guide) AskedAll(s *Section) []string {
	if g.asked == nil {
		return nil
	}
	out := g.Asked(s)
	for ti, t := range s.Tables() {
		for ri := range t.Rows {
			out = append(out[:len(out):len(out)], g.AskedRow(s, ti, ri)...)
		}
	}
	return out
}

// RowKey names one row of one of a section's tables, or with Table -1 the
// section itself.
type RowKey struct {
	Section    *Section
	Table, Row int
}

// answeredBy returns the row of the section's tables that holds an
// example's answer, or the section itself.
func answeredBy(s *Section, answer string) RowKey {
	if answer != "" {
		for ti, t := range s.Tables() {
			for ri, row := range t.Rows {
				if strings.Contains(RowPlain(row), answer) {
					return RowKey{Section: s, Table: ti, Row: ri}
				}
			}
		}
	}
	return RowKey{Section: s, Table: -1}
}

// learn reads the guide's examples and files each question under the
// sections it names, every section of that title, or under the row of
// their tables that holds its answer; a title no section has
// is an error, so that a renamed heading does not silently drop what its
// examples taught.
func (g *Guide) learn(src []byte) error {
	g.asked = nil
	if len(src) == 0 {
		return nil
	}
	byTitle := map[string][]*Section{}
	for _, s := range g.sections {
		key := titleKey(s.Title)
		byTitle[key] = append(byTitle[key], s)
	}
	g.asked = map[RowKey][]string{}
	return eachQuestion(ExamplesFile, bytes.NewReader(src), func(line int, e Question) error {
		for _, title := range e.Expect {
			sections, ok := byTitle[titleKey(title)]
			if !ok {
				return &Error{File: ExamplesFile, Line: line, Msg: fmt.Sprintf("no section is titled %q", title)}
			}
			for _, s := range sections {
				key := answeredBy(s, e.Answer)
				g.asked[key] = append(g.asked[key], e.Text)
			}
		}
		return nil
	})
}

// titleKey is what SameTitle compares.
func titleKey(title string) string { return strings.ToLower(StripNumbering(title)) }
