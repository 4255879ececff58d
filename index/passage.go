package index

import (
	"regexp"
	"strings"

	"github.com/directorbot/directorbot/content"
)

// Passage is the part of a section that answers a question best: one
// sentence of a paragraph or example, or one list item. An answer opens
// with it, then shows the section for context.
type Passage struct {
	// Block indexes Section.Blocks; Item is the list item, or the
	// sentence of a paragraph or example.
	Block, Item int
	// Text is the passage's plain text.
	Text string
}

// intent is what kind of fact a question asks for, read from its phrasing
// ("how long", "what percentage", "who"), which the stop lists drop.
type intent int

const (
	noIntent intent = iota
	duration        // how long, how many years
	amount          // how many, how much, what percentage, what share
	person          // who, to whom
)

var intents = []struct {
	re   *regexp.Regexp
	kind intent
	// holds matches the text of a passage that states such a fact.
	holds *regexp.Regexp
}{
	{regexp.MustCompile(`(?i)\bhow long\b|\bhow many (years|months)\b|\bwhen\b`), duration, regexp.MustCompile(`(?i)\d.*\b(years?|months?)\b|\b(years?|months?)\b`)},
	{regexp.MustCompile(`(?i)\bhow (many|much|big|large)\b|\bwhat (percent|percentage|share|portion|fraction|size)\b|\b(percent|percentage|%)`), amount, regexp.MustCompile(`\d`)},
	{regexp.MustCompile(`(?i)\bwho\b|\bwhom\b`), person, regexp.MustCompile(`(?i)\b(ceo|cto|board|vp|director|manager|ics?|executives?)\b`)},
}

// intentOf reads a question's intent from its phrasing.
func intentOf(question string) (intent, *regexp.Regexp) {
	for _, in := range intents {
		if in.re.MatchString(question) {
			return in.kind, in.holds
		}
	}
	return noIntent, nil
}

// intentWeight is what stating the fact asked for adds to a passage's
// score, against the question words' rarity weights (about 1 to 8).
const intentWeight = 2

// passage returns the section's passage that answers the question best, or
// nil when the question is about the section as a whole: its title holds
// the question's words as well as any passage does.
func (ix *Index) passage(s *content.Section, words []word, question string) *Passage {
	_, holds := intentOf(question)
	best, bestScore := (*Passage)(nil), 0.0
	for bi, b := range s.Blocks {
		for ii, text := range passages(b) {
			score := ix.cover(text, words)
			if score == 0 {
				continue
			}
			if holds != nil && holds.MatchString(text) {
				score += intentWeight
			}
			if score > bestScore {
				best, bestScore = &Passage{Block: bi, Item: ii, Text: text}, score
			}
		}
	}
	if best == nil || (holds == nil && bestScore <= ix.cover(s.Title, words)) {
		return nil
	}
	return best
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

// sentences splits a paragraph into sentences.
func sentences(text string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringIndex(text)
		if loc == nil {
			break
		}
		// The end is the last character before the spaces.
		end := loc[0] + strings.IndexFunc(text[loc[0]:], func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' })
		out = append(out, strings.TrimSpace(text[:end]))
		text = text[end:]
	}
	if t := strings.TrimSpace(text); t != "" {
		out = append(out, t)
	}
	return out
}

// cover is the rarity-weighted share of the question's words a text holds:
// a word found through a synonym or a near spelling counts half.
func (ix *Index) cover(text string, words []word) float64 {
	return coverage(ix.stems(text), words)
}

// stems returns the set of a text's stems, as the guide's text is indexed.
func (ix *Index) stems(text string) map[string]bool {
	stems := map[string]bool{}
	for _, t := range ix.stemmer.Analyze([]byte(ix.vocabulary.Expand(text))) {
		stems[string(t.Term)] = true
	}
	return stems
}

// sectionStems returns the stems of a section's title, path and text,
// analyzed once: every confident search reads its best section's.
func (ix *Index) sectionStems(s *content.Section) map[string]bool {
	if st, ok := ix.sectionWords.Load(s); ok {
		return st.(map[string]bool)
	}
	st := ix.stems(s.Title + "\n" + strings.Join(s.Path(), " ") + "\n" + s.Text())
	ix.sectionWords.Store(s, st)
	return st
}

// coverage is the rarity-weighted share of the words among stems.
func coverage(stems map[string]bool, words []word) float64 {
	total := 0.0
	for _, w := range words {
		switch {
		case stems[w.stem]:
			total += w.weight
		case w.matchesAny(stems):
			total += w.weight / 2
		}
	}
	return total
}

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
