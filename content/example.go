package content

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/directorbot/directorbot/content/typo"
)

// ExamplesFile is the file of a guide's folder that holds questions people
// ask and the sections that answer them: search learns from them how
// people word what each section is about.
const ExamplesFile = "examples.jsonl"

// CompressedExamplesFile is ExamplesFile compressed with gzip (gzip
// examples.jsonl, which replaces the file), which a guide's folder may
// hold instead: the embedded guide's examples fit a Kubernetes ConfigMap
// only so.
const CompressedExamplesFile = ExamplesFile + ".gz"

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
	// Follows is the question asked just before in the same conversation,
	// for a follow-up ("and for a VP?"); optional. Only evaluation reads
	// it: an example teaches its own words.
	Follows string `json:"follows,omitempty"`
	// Parts, in place of Expect, are the titles that answer each question
	// of a message that asks two or more, in the order asked, [] for one
	// the guide does not answer: [["Timeline"], ["Key Skill Sets"]]. Expect
	// is then every title they name: the reply may open with any of them.
	// Only evaluation reads it.
	Parts [][]string `json:"parts,omitempty"`
}

// maxExampleLine bounds one line of examples: a long Slack message, with
// room to spare.
const maxExampleLine = 1 << 20

// EncodeQuestions writes questions as JSON lines, as ReadQuestions reads
// them.
func EncodeQuestions(qs []Question) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, q := range qs {
		if err := enc.Encode(q); err != nil {
			return nil, fmt.Errorf("encode question %q: %w", q.Text, err)
		}
	}
	return b.Bytes(), nil
}

// ReadQuestions reads JSON lines of questions, skipping blank lines. A
// line that is not a question is an Error naming file and the line.
func ReadQuestions(file string, r io.Reader) ([]Question, error) {
	var out []Question
	err := eachQuestion(file, r, func(_ int, q Question) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

// ReadQuestions reads a question set for the guide, as the package's
// ReadQuestions does; a title no section has is an error, with its line,
// as in the examples: a set naming a heading since renamed would count
// every question of it a miss.
func (g *Guide) ReadQuestions(file string, r io.Reader) ([]Question, error) {
	named := g.SectionsNamed()
	var out []Question
	err := eachQuestion(file, r, func(line int, q Question) error {
		for _, name := range q.Expect {
			if named(name) == nil {
				return unknownTitle(file, line, name)
			}
		}
		out = append(out, q)
		return nil
	})
	return out, err
}

// eachQuestion calls f with each question of r and its line. A line's
// mistake (an *Error, from reading it or from f) does not stop the others
// being read: the first maxMistakes are returned together, so that a
// renamed heading named on several lines is mended at once, and an error
// that counts the rest (Error.More). Any other error stops it.
func eachQuestion(file string, r io.Reader, f func(line int, q Question) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxExampleLine)
	mistakes := mistakeList{file: file}
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			text = withoutBOM(text)
		}
		if len(text) == 0 || text[0] == '#' {
			// A comment: no JSON line begins with "#".
			continue
		}
		q, err := decodeQuestion(text)
		if err != nil {
			mistakes.add(&Error{File: file, Line: line, Msg: "not a question: " + err.Error()})
			continue
		}
		var ce *Error
		switch err := f(line, q); {
		case errors.As(err, &ce):
			mistakes.add(ce)
		case err != nil:
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	return mistakes.err()
}

// decodeQuestion reads one line: a misspelt key ("expects") or an empty
// question is a mistake, not a question that silently teaches nothing.
func decodeQuestion(line []byte) (Question, error) {
	var q Question
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		return q, explainLine(line, err)
	}
	// "{…}, {…}" would otherwise teach the first and drop the rest.
	if rest := bytes.TrimSpace(line[dec.InputOffset():]); len(rest) > 0 {
		return q, fmt.Errorf("more after the question's object (%s): one question a line", excerpt(rest))
	}
	if strings.TrimSpace(q.Text) == "" {
		return q, errors.New(`no "question"`)
	}
	if q.Parts != nil {
		if q.Expect != nil {
			return q, errors.New(`both "expect" and "parts": give "parts" alone, the titles for each question the message asks`)
		}
		if len(q.Parts) < 2 {
			return q, errors.New(`"parts" lists the titles for each of two or more questions the message asks; for one, give "expect"`)
		}
		q.Expect = []string{}
		for _, part := range q.Parts {
			for _, title := range part {
				if !slices.Contains(q.Expect, title) {
					q.Expect = append(q.Expect, title)
				}
			}
		}
	}
	return q, nil
}

// explainLine says how to mend a line that did not decode as a question,
// err being the decoder's: a line that is not one JSON object (with the
// form a line takes), expect written as one title rather than a list of
// them, a field of the wrong type, a field the line should not have (with
// the one meant when it is a slip from it, else those there are). Other
// mistakes keep the decoder's words. It reads the line again, which only a
// mistaken line costs.
func explainLine(line []byte, err error) error {
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf(`not one JSON object (%v): each line is {"question": "…", "expect": ["Section Title"]}, its quotes, commas and braces closed`, err)
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		switch field := typeErr.Field; {
		case field == "expect" && typeErr.Value == "string":
			var one struct {
				Expect string `json:"expect"`
			}
			if json.Unmarshal(line, &one) == nil {
				return fmt.Errorf(`"expect" must be a list of section titles: [%q], not %q`, one.Expect, one.Expect)
			}
		case field == "expect":
			return errors.New(`"expect" must be a list of section titles, such as ["Key Skill Sets"], or [] for a question the guide does not answer`)
		case field != "":
			return fmt.Errorf("%q must be a string, in quotes", field)
		}
		return err
	}
	fields := questionFields()
	for _, key := range keysOf(line) {
		if slices.ContainsFunc(fields, func(f string) bool { return strings.EqualFold(key, f) }) {
			continue
		}
		if meant := misspeltField(key, fields); meant != "" {
			return fmt.Errorf("unknown field %q: did you mean %q?", key, meant)
		}
		quoted := make([]string, len(fields))
		for i, f := range fields {
			quoted[i] = strconv.Quote(f)
		}
		last := len(quoted) - 1
		return fmt.Errorf("unknown field %q: the fields are %s and %s", key, strings.Join(quoted[:last], ", "), quoted[last])
	}
	return err
}

// questionFields are the keys of a question's line, as Question names
// them.
func questionFields() []string {
	t := reflect.TypeFor[Question]()
	out := make([]string, t.NumField())
	for i := range out {
		out[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return out
}

// misspeltField returns the field key is a slip from, or "": the nearest
// one edit away from a field of up to five letters, else two, in any case
// ("Expected" for expect; a plural, "styles", is one).
func misspeltField(key string, fields []string) string {
	best, bestDistance := "", 3
	for _, f := range fields {
		most := 1
		if len(f) > 5 {
			most = 2
		}
		if d := typo.Distance(strings.ToLower(key), f); d <= most && d < bestDistance {
			best, bestDistance = f, d
		}
	}
	return best
}

// keysOf returns the keys of the JSON object line, in its order, as far
// as it reads.
func keysOf(line []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			break
		}
		keys = append(keys, key)
		var value json.RawMessage
		if dec.Decode(&value) != nil {
			break
		}
	}
	return keys
}

// Asked returns the questions of the guide's examples that the section
// answers, in the file's order, but for those a row of its tables answers
// (AskedRow). The slice is the guide's: callers must not change it.
func (g *Guide) Asked(s *Section) []string { return g.asked[rowKey{Section: s, Table: -1}] }

// AskedRow returns the questions of the guide's examples that one row of
// one of the section's tables answers: their answer is in the row.
func (g *Guide) AskedRow(s *Section, table, row int) []string {
	return g.asked[rowKey{Section: s, Table: table, Row: row}]
}

// EachAsked calls f for each section, and each row of a section's
// tables (table -1: the section itself), that the guide's examples name,
// in the guide's order, a section before its rows, with its questions
// (Asked, AskedRow) and where each names it among the sections it names:
// 0 for the first, its best answer. It reads no section's tables. The
// slices are the guide's: f must not change them.
func (g *Guide) EachAsked(f func(s *Section, table, row int, questions []string, ranks []int)) {
	for _, a := range g.storedAsked() {
		f(g.sections[a.Section], a.Table, a.Row, a.Questions, a.Ranks)
	}
}

// Examples returns every question of the guide's examples that names a
// section, once each.
func (g *Guide) Examples() []string {
	var out []string
	seen := map[string]bool{}
	for _, qs := range g.asked {
		for _, q := range qs {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Taught returns the questions taught in Slack (TaughtFile), in the
// file's order, each naming by ID the sections the guide has that answer
// it, or none when the guide should not answer it (a lesson whose
// sections are all gone is left out). Asked word for word, the search
// answers them with the first section they name, or not at all, whatever
// the examples say. The slice is the guide's: callers must not change it.
func (g *Guide) Taught() []Question { return g.taught }

// Unanswered returns the questions of the guide's examples that name no
// section: questions people ask that the guide does not answer, in the
// file's order. The slice is the guide's: callers must not change it.
func (g *Guide) Unanswered() []string { return g.unanswered }

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

// rowKey names one row of one of a section's tables, or with Table -1 the
// section itself.
type rowKey struct {
	Section    *Section
	Table, Row int
}

// answeredBy returns the row of the section's tables that holds an
// example's answer, or the section itself when no row or several do
// ("4-6 hrs/week" is in two rows of a table of hours).
func answeredBy(s *Section, answer string) rowKey {
	key := rowKey{Section: s, Table: -1}
	if answer == "" {
		return key
	}
	found := 0
	for ti, t := range s.Tables() {
		for ri, row := range t.Rows {
			if strings.Contains(RowPlain(row), answer) {
				key, found = rowKey{Section: s, Table: ti, Row: ri}, found+1
			}
		}
	}
	if found > 1 {
		return rowKey{Section: s, Table: -1}
	}
	return key
}

// TaughtFile is the file of a guide's folder that holds the examples its
// admins taught in Slack, in the format of ExamplesFile; serving, the bot
// puts the lessons it keeps there (WithTaught). A line that names a
// section the guide no longer has is skipped, not a mistake: a heading
// renamed since must not stop the guide from loading.
const TaughtFile = "taught.jsonl"

// fileExamples reads the guide's examples, then those taught in Slack,
// and files each question under the sections it names, every section of
// that title, or under the row of their tables that holds its answer,
// once. In examples a title no section has is an error, so that a renamed
// heading does not silently drop what its examples taught: rename it in
// examples.jsonl too.
func (g *Guide) fileExamples(examples, taught []byte) error {
	g.asked, g.ranks, g.unanswered, g.taught, g.shared, g.lost = nil, nil, nil, nil, nil, 0
	g.examples = len(bytes.TrimSpace(examples)) > 0
	if len(examples) == 0 && len(taught) == 0 {
		return nil
	}
	named := g.SectionsNamed()
	g.asked, g.ranks = map[rowKey][]string{}, map[rowKey][]int{}
	err := eachQuestion(ExamplesFile, bytes.NewReader(examples), func(line int, q Question) error {
		for _, name := range q.Expect {
			sections := named(name)
			if sections == nil {
				return unknownTitle(ExamplesFile, line, name)
			}
			if len(sections) > 1 {
				g.shared = append(g.shared, sharedTitle(line, name, sections))
			}
		}
		g.file(q, named)
		return nil
	})
	if err != nil {
		return err
	}
	// Lessons name sections by ID, which a title must not shadow.
	byID := func(name string) []*Section {
		if s, ok := g.Section(name); ok {
			return []*Section{s}
		}
		return named(name)
	}
	return eachQuestion(TaughtFile, bytes.NewReader(taught), func(_ int, q Question) error {
		if len(q.Expect) > 0 {
			if q.Expect = slices.DeleteFunc(q.Expect, func(name string) bool { return byID(name) == nil }); len(q.Expect) == 0 {
				g.lost++
				return nil // its sections are gone; it does not teach "none"
			}
		}
		g.file(q, byID)
		// Kept with the IDs of the sections it names, as Taught says.
		ids := make([]string, len(q.Expect))
		for i, name := range q.Expect {
			ids[i] = byID(name)[0].ID
		}
		q.Expect = ids
		g.taught = append(g.taught, q)
		return nil
	})
}

// HasExamples reports whether the guide's ExamplesFile holds questions,
// apart from the lessons taught in Slack.
func (g *Guide) HasExamples() bool { return g.examples }

// LostLessons counts the lessons of TaughtFile left out because every
// section they name is gone from the guide (renamed or removed since they
// were taught): their questions need teaching again.
func (g *Guide) LostLessons() int { return g.lost }

// SharedTitles says which lines of the guide's examples name a title
// that several sections share, such as two pages' "Timeline": each such
// line teaches all of them, as questions asked of either; an ID names one.
func (g *Guide) SharedTitles() []string { return g.shared }

// sharedTitle says that an example's line names a title sections share.
func sharedTitle(line int, name string, sections []*Section) string {
	ids := make([]string, len(sections))
	for i, s := range sections {
		ids[i] = s.ID
	}
	return fmt.Sprintf("%s:%d: %q is the title of %d sections (%s): the line teaches them all; name one by its ID to teach it alone", ExamplesFile, line, name, len(sections), strings.Join(ids, ", "))
}

// file files one example under the sections it names, or with the
// questions the guide does not answer when it names none.
func (g *Guide) file(q Question, named func(string) []*Section) {
	if len(q.Expect) == 0 && !slices.Contains(g.unanswered, q.Text) {
		g.unanswered = append(g.unanswered, q.Text)
	}
	for rank, name := range q.Expect {
		for _, s := range named(name) {
			key := answeredBy(s, q.Answer)
			if !slices.Contains(g.asked[key], q.Text) {
				g.asked[key] = append(g.asked[key], q.Text)
				g.ranks[key] = append(g.ranks[key], rank)
			}
		}
	}
}

// SectionsNamed returns a lookup of the sections a name of a question
// file's expect names: every section of that title (as titleKey compares
// them), else the section of that ID, which tells apart sections of one
// title ("oncall/faq"); nil for none.
func (g *Guide) SectionsNamed() func(name string) []*Section {
	byTitle := map[string][]*Section{}
	for _, s := range g.sections {
		key := titleKey(s.Title)
		byTitle[key] = append(byTitle[key], s)
	}
	return func(name string) []*Section {
		if sections := byTitle[titleKey(name)]; sections != nil {
			return sections
		}
		if s, ok := g.byID[name]; ok {
			return []*Section{s}
		}
		return nil
	}
}

// unknownTitle is the mistake of a line of a file of questions that names
// a title, or an ID, no section has.
func unknownTitle(file string, line int, name string) error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf("no section is titled %q (or has that ID); rename it here too if its heading changed", name)}
}

// titleKey is what two titles share when they name one heading: lower-
// cased, without leading numbering such as "1."; a title named as the
// markdown writes it ("Budget &amp; Planning") is the heading's title as
// read; emoji aside, which a question file may leave out ("Key Skills"
// names "🧰 Key Skills").
func titleKey(title string) string {
	plain := strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.So, unicode.Sk) || r == '\u200d' || r == '\ufe0f' || r == '\ufe0e' {
			return ' '
		}
		return r
	}, unescape([]byte(title)))
	return strings.ToLower(StripNumbering(strings.Join(strings.Fields(plain), " ")))
}

// excerpt quotes the start of text, "…" marking what it leaves out.
func excerpt(text []byte) string {
	const most = 20
	if r := []rune(string(text)); len(r) > most {
		return strconv.Quote(string(r[:most])) + "…"
	}
	return strconv.Quote(string(text))
}
