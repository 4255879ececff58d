package index

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// Passage is the part of a section that answers a question best: one
// sentence of a paragraph or example, or one list item. An answer opens
// with it, then shows the section for context.
type Passage struct {
	// Block indexes Section.Blocks(); Item is the list item, or the
	// sentence of a paragraph or example.
	Block, Item int
	// Text is the passage's plain text.
	Text string
}

// intentWeight is what stating the fact asked for adds to a passage's
// score, against the question words' rarity weights (about 1 to 8).
const intentWeight = 2

// units are the words a question measures its fact in ("how many hours a
// week"): what the passage states (intent), not what it is about. A
// passage that holds only them ("1:1s with engineering managers (4-6
// hrs/week)") does not answer how many hours go to tech reviews, when
// another passage holds what the question is about.
var units = question.SetOf("hour hours hr hrs week weeks month months year years yr yrs day days")

// passage returns the section's passage that answers the question best, or
// nil when the question is about the section as a whole: its title holds
// the question's words as well as any passage does. A question that asks
// for a measured fact is matched on its words other than units first.
func (ix *Index) passage(s *content.Section, words []word, in question.Intent) *Passage {
	r := ix.read(s)
	if in != question.NoIntent && in != question.Person {
		topic := slices.DeleteFunc(slices.Clone(words), func(w word) bool { return units[w.text] })
		if len(topic) < len(words) {
			if p := r.best(topic, in); p != nil {
				return &p.Passage
			}
		}
	}
	p := r.best(words, in)
	if p == nil || in == question.NoIntent && p.score <= coverage(r.titleStems, words, nil) {
		return nil
	}
	return &p.Passage
}

// scored is a passage with its score for a question.
type scored struct {
	Passage
	score float64
}

// best returns the passage that holds most of the words, weighed by
// rarity, a passage that states the fact asked for counting intentWeight
// more; nil when none holds any.
func (r *reading) best(words []word, in question.Intent) *scored {
	var out *scored
	passages := r.passages()
	for i, p := range passages {
		score := coverage(p.stems, words, nil)
		if score == 0 {
			continue
		}
		// A question the guide asks itself, as a FAQ does, is answered
		// by the passage after it: "**Can I give a spot bonus?**
		// Directors can approve…".
		if answer, ok := answerTo(passages, i); ok {
			p = answer
		}
		if in.States(p.Text) {
			score += intentWeight
		}
		if out == nil || score > out.score {
			out = &scored{p.Passage, score}
		}
	}
	return out
}

// answerTo returns the passage that answers passage i when it is a
// question of a paragraph: the next of its block, or else the first of
// the next block, when that is no question itself and says more than a
// word or three ("Yes."), which alone answers nothing.
func answerTo(passages []stemmedPassage, i int) (stemmedPassage, bool) {
	p := passages[i]
	if p.listed || !asks(p.Text) || i+1 == len(passages) {
		return stemmedPassage{}, false
	}
	next := passages[i+1]
	if next.Block != p.Block && next.Block != p.Block+1 || asks(next.Text) || len(strings.Fields(next.Text)) < minAnswerWords {
		return stemmedPassage{}, false
	}
	return next, true
}

// minAnswerWords is the fewest words a passage quoted for the question
// before it says: "Yes, within limits." answers; "Yes." does not.
const minAnswerWords = 3

// asks reports whether a passage is a question.
func asks(text string) bool {
	return strings.HasSuffix(strings.TrimRight(text, ` "'”’)`), "?")
}

// reading is a section as searching reads it, analyzed once: the stems of
// its title, of its title, path and text together, of each passage and of
// each table row.
type reading struct {
	titleStems, stems map[string]bool
	// askedStems are the words the section's examples share (learned).
	askedStems map[string]bool
	// passages returns the section's passages, analyzed the first time
	// they are asked for: of the sections weighed as answers (answers),
	// only those shown need them. At 100,000 sections, where each
	// question reads sections not read before, this saved a cold answer
	// about a tenth (BenchmarkAnswer/sections=100000-cold).
	passages func() []stemmedPassage
	// rowStems returns the stems of each table row's cells, analyzed the
	// first time they are asked for: few questions need them.
	rowStems func() map[RowRef]rowStems
	// levels returns its tables of levels, found the first time they are
	// asked for.
	levels func() []levelTable
	// titledByRole tells whether its heading names a role and nothing
	// else (Index.titledByRole), and titleRoles the roles its heading
	// names (Index.titleRoles), read the first time they are asked.
	titledByRole func() bool
	titleRoles   func() []int
	// titleMove returns the two roles its heading moves between
	// (Index.titleMove), read the first time asked.
	titleMove func() []int
	// titleGrades returns the roles its heading names, each with the grade
	// it names it by (Index.titleGrades), read the first time asked.
	titleGrades func() []titleGrade
}

// stemmedPassage is a passage and its stems.
type stemmedPassage struct {
	Passage
	stems map[string]bool
	// listed tells an item of a list: a question there is one of a list
	// of questions, which the next item does not answer.
	listed bool
}

// rowStems are the stems of a table row: of all its cells, and of its
// first, which names it.
type rowStems struct {
	cells, name map[string]bool
}

// read returns the section's reading, analyzing it the first time.
func (ix *Index) read(s *content.Section) *reading {
	if r, ok := ix.readings.Get(s); ok {
		return r
	}
	r := &reading{
		titleStems: ix.stems(s.Title),
		stems:      ix.stems(s.Title + "\n" + strings.Join(s.Path(), " ") + "\n" + s.Text()),
		askedStems: ix.learner.sectionLearned(ix.guide, s).stems,
	}
	r.passages = sync.OnceValue(func() []stemmedPassage {
		var out []stemmedPassage
		for bi, b := range s.Blocks() {
			for ii, text := range passages(b) {
				out = append(out, stemmedPassage{Passage{Block: bi, Item: ii, Text: text}, ix.stems(text), b.Kind == content.List})
			}
		}
		return out
	})
	r.rowStems = sync.OnceValue(func() map[RowRef]rowStems {
		out := map[RowRef]rowStems{}
		for ti, t := range s.Tables() {
			for ri, row := range t.Rows {
				var name map[string]bool
				if len(row) > 0 {
					name = ix.stems(row[0].Plain())
				}
				out[RowRef{Table: ti, Row: ri}] = rowStems{cells: ix.stems(content.RowPlain(row)), name: name}
			}
		}
		return out
	})
	r.levels = sync.OnceValue(func() []levelTable { return ix.levelTables(s) })
	r.titledByRole = sync.OnceValue(func() bool { return ix.titledByRole(s) })
	r.titleRoles = sync.OnceValue(func() []int { return ix.titleRoles(s) })
	r.titleMove = sync.OnceValue(func() []int { return ix.titleMove(s) })
	r.titleGrades = sync.OnceValue(func() []titleGrade { return ix.titleGrades(s) })
	ix.readings.Add(s, r)
	return r
}

// passages splits a block into its passages: list items, or the sentences
// of a paragraph or example. Tables have rows (Hit.Rows) instead.
func passages(b content.Block) []string {
	switch b.Kind {
	case content.List:
		out := make([]string, len(b.Items))
		for i, it := range b.Items {
			out[i] = it.Plain()
		}
		return out
	case content.Paragraph, content.Example:
		return sentences(b.Text.Plain())
	}
	return nil
}

// sentenceEnd ends a sentence: a full stop, question or exclamation mark
// before a space and a capital letter or a quote.
var sentenceEnd = regexp.MustCompile(`[.!?]["”]?\s+["“]?[A-Z]`)

// abbreviations end with a full stop inside a sentence: "Sr. PMs own a
// product line" is one.
var abbreviations = question.SetOf("sr jr vs mr mrs ms dr e.g i.e approx")

// sentences splits a paragraph into sentences.
func sentences(text string) []string {
	var out []string
	from := 0
	for {
		loc := sentenceEnd.FindStringIndex(text[from:])
		if loc == nil {
			break
		}
		loc[0] += from
		// The end is the last character before the spaces.
		end := loc[0] + strings.IndexFunc(text[loc[0]:], func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' })
		if word := text[strings.LastIndexAny(text[:loc[0]], " \n\t(")+1 : loc[0]]; abbreviations[strings.ToLower(word)] {
			from = end
			continue
		}
		out = append(out, strings.TrimSpace(text[:end]))
		text, from = text[end:], 0
	}
	if t := strings.TrimSpace(text); t != "" {
		out = append(out, t)
	}
	return out
}

// stems returns the set of a text's stems, as the guide's text is indexed.
func (ix *Index) stems(text string) map[string]bool {
	stems := map[string]bool{}
	for _, t := range ix.stemmer.Analyze([]byte(ix.vocabulary.Expand(text))) {
		stems[string(t.Term)] = true
	}
	return stems
}

// coverage is the rarity-weighted share of the words among stems: a word
// found through a synonym or a near spelling counts half, and so does one
// only the section's examples use (asked, nil for a passage).
func coverage(stems map[string]bool, words []word, asked map[string]bool) float64 {
	total := 0.0
	for _, w := range words {
		switch {
		case stems[w.stem]:
			total += w.weight
		case w.matchesAny(stems) || asked[w.stem]:
			total += w.weight / 2
		}
	}
	return total
}

// heldIn reports whether stems hold the word, or a synonym or near
// spelling of it.
func (w word) heldIn(stems map[string]bool) bool { return stems[w.stem] || w.matchesAny(stems) }

// matchesAny reports whether any term of the word's leaves is among stems.
func (w word) matchesAny(stems map[string]bool) bool {
	for _, g := range w.groups {
		for _, l := range g.leaves {
			if len(l.terms) == 1 && stems[l.terms[0]] {
				return true
			}
		}
	}
	return false
}

// PassageAt returns a section's passage by its place, as Passage gives it
// (a list item, or a sentence of a paragraph or example); false when the
// section has no such passage, as after the guide changed.
func PassageAt(s *content.Section, block, item int) (Passage, bool) {
	blocks := s.Blocks()
	if block < 0 || block >= len(blocks) {
		return Passage{}, false
	}
	texts := passages(blocks[block])
	if item < 0 || item >= len(texts) {
		return Passage{}, false
	}
	return Passage{Block: block, Item: item, Text: texts[item]}, true
}
