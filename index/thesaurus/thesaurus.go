// Package thesaurus reads the search's domain vocabulary: synonyms,
// phrases folded into one word, one-way rewrites of abbreviations and
// idioms (Solr's synonyms format), the filler words that are never a
// question's topic, the topics and the people a guide to the role leaves
// to others. It knows text, not bleve.
package thesaurus

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"iter"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Default is the domain vocabulary every guide starts from; its format is
// described at its top.
//
//go:embed thesaurus.txt
var Default []byte

// fillers are words that shape a question but are not its topic.
//
//go:embed fillers.txt
var fillers []byte

// outside are words that name topics a guide to the role leaves to
// others.
//
//go:embed outside.txt
var outside []byte

// roles are the people a question may be about, by their names.
//
//go:embed roles.txt
var roles []byte

// functions are the functions and trades outside engineering whose
// leaders a guide to the role does not describe.
//
//go:embed functions.txt
var functions []byte

// Thesaurus is a guide's vocabulary, read from Solr's synonyms format.
type Thesaurus struct {
	// Synonyms are sets of single words, each a synonym of the others.
	Synonyms [][]string
	// phrases fold entries of several words into one word, in the guide
	// and in questions; rewrites read entries as other words in questions.
	phrases, rewrites rewriter
}

// Read parses thesaurus files, later ones extending earlier ones, and an
// own file's one-way rules taking precedence over the others'. Mistakes
// are reported with the file's name and line.
func Read(files ...File) (*Thesaurus, error) {
	t := &Thesaurus{}
	var phrases, rewrites []rule
	for _, f := range files {
		sc := bufio.NewScanner(bytes.NewReader(f.Text))
		for line := 1; sc.Scan(); line++ {
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			// A trailing comma is harmless; an entry left out between two is
			// a word forgotten ("budget, , spend").
			if from, _, _ := strings.Cut(text, "=>"); strings.TrimSpace(from) != "" && slices.ContainsFunc(strings.Split(strings.TrimRight(strings.TrimSpace(from), ","), ","), isBlank) {
				return nil, fmt.Errorf("%s:%d: %q has an empty entry: a comma with nothing before it", f.Name, line, text)
			}
			if from, to, oneWay := strings.Cut(text, "=>"); oneWay {
				if strings.Contains(to, "=>") {
					return nil, fmt.Errorf("%s:%d: %q has two =>: a rule reads its left side as its right, one rule a line", f.Name, line, text)
				}
				r, err := oneWayRule(entries(from), strings.Join(strings.Fields(to), " "))
				if err == nil {
					err = wordBounded(r.entries)
				}
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", f.Name, line, err)
				}
				r.own = f.Own
				rewrites = append(rewrites, r)
				continue
			}
			if err := wordBounded(entries(text)); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", f.Name, line, err)
			}
			words, multi := splitEntries(entries(text))
			if len(multi) > 0 {
				if len(words) == 0 {
					return nil, fmt.Errorf("%s:%d: %q has phrases but no single word to fold them into: %s", f.Name, line, text, onlyPhrases(text))
				}
				phrases = append(phrases, rule{entries: multi, to: words[0]})
			}
			if len(words) > 1 {
				t.Synonyms = append(t.Synonyms, words)
			}
		}
	}
	// A guide's own one-way rules go first: where one reads a phrase the
	// default rules read too ("stack rank"), the guide's reading is the
	// one taken.
	slices.SortStableFunc(rewrites, func(a, b rule) int {
		switch {
		case a.own == b.own:
			return 0
		case a.own:
			return -1
		}
		return 1
	})
	t.phrases, t.rewrites = newRewriter(phrases), newRewriter(rewrites)
	return t, nil
}

// onlyPhrases says how to mend a line of phrases alone: a one-way rule
// written with another arrow, entries separated otherwise than by commas,
// or a line with no single word first.
func onlyPhrases(text string) string {
	switch {
	case strings.Contains(text, "->") || strings.Contains(text, "=") && !strings.Contains(text, "=>"):
		return `a one-way rule is written with "=>" ("mgr => manager")`
	case !strings.Contains(text, ",") && strings.ContainsAny(text, ";|/"):
		return `entries are separated by commas ("cfo, chief financial officer")`
	}
	return `start the line with one word that its phrases are read as ("promo, promotion committee"), or read a phrase as another with "=>" ("promo committee => pier review")`
}

// isBlank reports whether an entry holds nothing but spaces.
func isBlank(entry string) bool { return strings.TrimSpace(entry) == "" }

// File is a thesaurus file's name, for errors, and content.
type File struct {
	Name string
	Text []byte
	// Own tells a guide's own file, whose one-way rules hold even for
	// words the guide says (Heeding).
	Own bool
}

// wordBounded checks that entries begin and end with a letter or digit: a
// rule is found where a word begins and ends (\b), so "$$" could never be.
func wordBounded(es []string) error {
	for _, e := range es {
		first, _ := utf8.DecodeRuneInString(e)
		last, _ := utf8.DecodeLastRuneInString(e)
		if !isWordRune(first) || !isWordRune(last) {
			return fmt.Errorf("%q must begin and end with a letter or digit", e)
		}
	}
	return nil
}

// entries splits a comma-separated list into lower-case entries.
func entries(list string) []string {
	out := names(list)
	for i, e := range out {
		out[i] = strings.ToLower(e)
	}
	return out
}

// names splits a comma-separated list into its entries, spaces squeezed,
// as written.
func names(list string) []string {
	var out []string
	for _, e := range strings.Split(list, ",") {
		if e = strings.Join(strings.Fields(e), " "); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// splitEntries tells single words from phrases: entries of several words,
// or with punctuation ("1:1", "p&l").
func splitEntries(es []string) (words, phrases []string) {
	for _, e := range es {
		if singleWord.MatchString(e) {
			words = append(words, e)
		} else {
			phrases = append(phrases, e)
		}
	}
	return words, phrases
}

var singleWord = regexp.MustCompile(`^[\pL\pN]+$`)

func oneWayRule(from []string, to string) (rule, error) {
	if len(from) == 0 || to == "" {
		return rule{}, fmt.Errorf("a one-way rule needs words on both sides of =>")
	}
	return rule{entries: from, to: strings.ToLower(to)}, nil
}

// rule reads any of its entries as to; own tells a rule of a guide's own
// file.
type rule struct {
	entries []string
	to      string
	own     bool
}

// rewriter finds the entries of its rules in a text and replaces them,
// rule by rule. Texts and entries are compared squashed (see squash), from
// the places words begin, each place looked up by its first two bytes: a
// text holds few of the rules, and this finds them in one pass.
type rewriter struct {
	// source holds the rules as read, to make a rewriter of fewer, and
	// entries their entries in order, as squashedEntry.place counts them.
	source  []rule
	entries []string
	rules   []squashedRule
	// starts maps the first two bytes of each squashed entry, or its one
	// byte, to the entries that begin with them.
	starts map[string][]squashedEntry
}

// squashedRule is a rule's entries, squashed, in their order: where two
// match at the same place, the first wins.
type squashedRule struct {
	entries []squashedEntry
	to      string
}

// squashedEntry is an entry as squash gives it, where it lets spaces or
// hyphens stand in a text's match (between its words, and around its
// punctuation: "day to day", "p & l"), and its rule's index.
type squashedEntry struct {
	text  string
	loose []bool
	rule  int
	// place is the entry's among all the rules' entries (rewriter.entries).
	place int
	// givesWay tells that the rule leaves the entry alone where a guide
	// says it (Said): not the owner's own rule, nor one whose words hold
	// the entry as words of their own ("accountable for" in "responsible
	// accountable for"; not "prod" in "production").
	givesWay bool
}

func newRewriter(rules []rule) rewriter {
	w := rewriter{source: rules, rules: make([]squashedRule, len(rules)), starts: map[string][]squashedEntry{}}
	for i, r := range rules {
		w.rules[i].to = r.to
		for _, e := range r.entries {
			se := newSquashedEntry(e, i)
			se.place = len(w.entries)
			se.givesWay = !r.own && !holds(squash(r.to), se)
			w.entries = append(w.entries, e)
			w.rules[i].entries = append(w.rules[i].entries, se)
			key := se.text[:min(2, len(se.text))]
			w.starts[key] = append(w.starts[key], se)
		}
	}
	return w
}

func newSquashedEntry(entry string, rule int) squashedEntry {
	sq := squash(entry)
	loose := make([]bool, len(sq.text))
	for k := 1; k < len(sq.text); k++ {
		loose[k] = sq.from[k].gap || isPunct(rune(sq.text[k])) || isPunct(rune(sq.text[k-1]))
	}
	return squashedEntry{text: sq.text, loose: loose, rule: rule}
}

// held marks the rules of which the text holds an entry.
func (w rewriter) held(s squashed) []bool {
	out := make([]bool, len(w.rules))
	for e := range w.found(s) {
		out[e.rule] = true
	}
	return out
}

// found yields each entry the text holds, once for each place it holds it.
func (w rewriter) found(s squashed) iter.Seq[squashedEntry] {
	return func(yield func(squashedEntry) bool) {
		for _, p := range s.starts {
			for n := 1; n <= 2 && p+n <= len(s.text); n++ {
				for _, e := range w.starts[s.text[p:p+n]] {
					if _, ok := s.match(e, p); ok && !yield(e) {
						return
					}
				}
			}
		}
	}
}

// replace rewrites each match with what its rule gives for the matched
// text, rule by rule, each rule on what the rules before it left.
func (w rewriter) replace(s squashed, with func(match, to string) string) squashed {
	held := w.held(s)
	for i, r := range w.rules {
		if !held[i] {
			continue
		}
		if out := s.replace(r, with); out != s.orig {
			s = squash(out)
			held = w.held(s)
		}
	}
	return s
}

// squashed is a text lower-cased, without what an entry lets vary between
// spellings: spaces and hyphens ("day-to-day", "day to day", "daytoday"),
// and the entity of "&". It keeps where each of its bytes came from. Any
// Unicode space parts words, and a hyphen may stand around punctuation
// ("1-:1") as a space may.
type squashed struct {
	orig, text string
	// from holds, for each byte of text, its character's place in orig.
	from []origin
	// starts are where in text each word begins, and each punctuation
	// mark right after a word ("p&l"): the places an entry may match.
	starts []int
}

// origin is a squashed byte's character in the original text, from begin
// to end, and whether spaces or hyphens were dropped before it.
type origin struct {
	begin, end int32
	gap        bool
}

func squash(text string) squashed {
	var b strings.Builder
	b.Grow(len(text))
	s := squashed{orig: text, from: make([]origin, 0, len(text))}
	inWord, gap := false, false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		begin := i
		i += n
		if r == '&' && len(text)-i >= 4 && strings.EqualFold(text[i:i+4], "amp;") {
			i += 4
		}
		if r == '-' || unicode.IsSpace(r) {
			inWord, gap = false, true
			continue
		}
		word := boundaryWord(r)
		if word != inWord {
			s.starts = append(s.starts, b.Len())
		}
		inWord = word
		before := b.Len()
		b.WriteRune(lower(r))
		for range b.Len() - before {
			s.from = append(s.from, origin{begin: int32(begin), end: int32(i), gap: gap})
			gap = false
		}
	}
	s.text = b.String()
	return s
}

// lower lower-cases a rune, keeping a letter outside ASCII outside it:
// "İ" and the Kelvin sign fold to ASCII letters, which would join words
// that a word boundary, as regular expressions see it, parts.
func lower(r rune) rune {
	if l := unicode.ToLower(r); r < utf8.RuneSelf || l >= utf8.RuneSelf {
		return l
	}
	return r
}

// match reports whether an entry matches the text at squashed byte p, as
// a whole word, with a plural "s" or without, and where in the original
// text the match ends.
func (s squashed) match(e squashedEntry, p int) (end int, ok bool) {
	if !strings.HasPrefix(s.text[p:], e.text) {
		return 0, false
	}
	for k := 1; k < len(e.text); k++ {
		if s.from[p+k].gap && !e.loose[k] {
			return 0, false
		}
	}
	q := p + len(e.text)
	if q < len(s.text) && s.text[q] == 's' && !s.from[q].gap && s.boundary(int(s.from[q].end)) {
		return int(s.from[q].end), true
	}
	end = int(s.from[q-1].end)
	return end, s.boundary(end)
}

// boundary reports whether a word begins or ends at byte i of the original
// text, as \b in a regular expression sees it.
func (s squashed) boundary(i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s.orig[:i])
	after, n := utf8.DecodeRuneInString(s.orig[i:])
	return boundaryWord(before) != (n > 0 && boundaryWord(after))
}

// replace rewrites the rule's matches in the original text, left to right.
func (s squashed) replace(r squashedRule, with func(match, to string) string) string {
	var b strings.Builder
	copied, resume := 0, 0
	for _, p := range s.starts {
		if int(s.from[p].begin) < resume {
			continue
		}
		for _, e := range r.entries {
			if end, ok := s.match(e, p); ok {
				begin := int(s.from[p].begin)
				b.WriteString(s.orig[copied:begin])
				b.WriteString(with(s.orig[begin:end], r.to))
				copied, resume = end, end
				break
			}
		}
	}
	b.WriteString(s.orig[copied:])
	return b.String()
}

// boundaryWord reports whether a rune is a word character as \b in a
// regular expression sees it: ASCII letters, digits and "_".
func boundaryWord(r rune) bool {
	return r < utf8.RuneSelf && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isPunct reports whether a rune stands for itself in an entry: neither
// a letter, a digit, a space nor a hyphen.
func isPunct(r rune) bool { return r < 128 && !isWordRune(r) && r != ' ' && r != '-' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Said returns the entries of one-way rules that a guide of the given
// texts says itself, in the rules' order, which Heeding then leaves
// alone. A rule whose words hold the entry ("accountable for =>
// responsible accountable for") adds to it, and a rule of the guide's own
// file (File.Own) is the owner's choice: neither is given.
func (t *Thesaurus) Said(texts iter.Seq[string]) []string {
	said := make([]bool, len(t.rewrites.entries))
	for text := range texts {
		for e := range t.rewrites.found(squash(text)) {
			said[e.place] = said[e.place] || e.givesWay
		}
	}
	var out []string
	for i, e := range t.rewrites.entries {
		if said[i] && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// Heeding returns the thesaurus for a guide that says the entries said
// (Said): a one-way rule reads none of them as other words, since the
// guide's own word finds the guide's answer ("rituals" stays rituals in a
// handbook that has a Team Rituals section, where the default reads it
// as "recurring meetings"). With none said, it is the thesaurus itself.
func (t *Thesaurus) Heeding(said []string) *Thesaurus {
	if len(said) == 0 {
		return t
	}
	var kept []rule
	for i, r := range t.rewrites.source {
		var entries []string
		for k, e := range r.entries {
			if !slices.Contains(said, e) || !t.rewrites.rules[i].entries[k].givesWay {
				entries = append(entries, e)
			}
		}
		if len(entries) > 0 {
			kept = append(kept, rule{entries: entries, to: r.to, own: r.own})
		}
	}
	heeding := *t
	heeding.rewrites = newRewriter(kept)
	return &heeding
}

// holds reports whether the text holds the entry as words of its own.
func holds(s squashed, e squashedEntry) bool {
	return slices.ContainsFunc(s.starts, func(p int) bool {
		_, ok := s.match(e, p)
		return ok
	})
}

// Expand adds each phrase's word after the phrase, for indexed text.
func (t *Thesaurus) Expand(text string) string {
	return t.phrases.replace(squash(unbracketed(text)), func(match, to string) string { return match + " " + to }).orig
}

// Rewrite reads a question as the thesaurus says: one-way rules applied,
// phrases folded into their word, so a two-word phrase does not count
// twice.
func (t *Thesaurus) Rewrite(question string) string {
	spaced := func(_, to string) string { return " " + to + " " }
	return t.phrases.replace(t.rewrites.replace(squash(unbracketed(question)), spaced), spaced).orig
}

// bracketedLetter is a number with a letter in brackets after it, one
// word written so: "401(k)", "403(b)".
var bracketedLetter = regexp.MustCompile(`\b(\d+)\((\pL)\)`)

// unbracketed writes each number with a letter in brackets as the one
// word it is ("401(k)" as "401k"), which the outside list and the guide's
// words then hold, rather than "401" and "k".
func unbracketed(text string) string {
	if !strings.Contains(text, "(") {
		return text
	}
	return bracketedLetter.ReplaceAllString(text, "$1$2")
}

// Fillers returns the words that shape a question but are never its
// topic, beyond English stop words.
func Fillers() []string { return wordList(fillers) }

// Outside returns the words that name topics a guide to the role leaves to
// others (pay, HR procedures, tools): a question holding one that the
// guide never uses is not answered.
func Outside() []string { return wordList(outside) }

// OutsideOf returns the outside list (Outside) as a guide's own
// outside.txt (text, named name in errors) changes it: each line adds a
// word or phrase, lower-cased; a line "-word" drops an entry of the list
// so far, in either number ("-system design interviews" drops "system
// design interview", as a question of either is refused), for a guide
// that covers that topic in words of its own; and "-*" drops them all,
// so that a list that follows it replaces the default, as outside.txt
// once did. Blank lines and lines starting with # are left out. Each
// must begin and end with a letter or digit, as a thesaurus entry does:
// "---" names no topic, "- pay" (a list's habit) could mean either, and
// "-word" must name an entry the list holds; the error says which line
// is wrong.
func OutsideOf(name string, text []byte) ([]string, error) {
	list := Outside()
	for i, line := range strings.Split(string(text), "\n") {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		if w == "-*" {
			list = nil
			continue
		}
		drop, ok := strings.CutPrefix(w, "-")
		switch {
		case strings.Contains(w, ","):
			return nil, fmt.Errorf("%s:%d: %q: one word or phrase a line, each on a line of its own", name, i+1, w)
		case ok && strings.TrimSpace(drop) == "":
			return nil, fmt.Errorf("%s:%d: %q drops nothing: name the word or phrase to drop after the -", name, i+1, w)
		}
		if ok && drop != strings.TrimLeft(drop, " \t") {
			return nil, fmt.Errorf("%s:%d: %q: write %q to add a topic, or %q to drop one of the default list's", name, i+1, w, strings.TrimSpace(drop), "-"+strings.TrimSpace(drop))
		}
		w = strings.ToLower(strings.Join(strings.Fields(drop), " "))
		if err := wordBounded([]string{w}); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: one word or phrase a line, -word to drop one of the default list's, -* to drop them all, # for comments", name, i+1, err)
		}
		if !ok {
			list = append(list, w)
			continue
		}
		n := len(list)
		if list = slices.DeleteFunc(list, func(e string) bool { return e == w || e+"s" == w || w+"s" == e }); len(list) == n {
			return nil, fmt.Errorf("%s:%d: %q drops nothing: neither the default list nor the lines above hold %q", name, i+1, "-"+drop, w)
		}
	}
	return list, nil
}

// Roles returns the people a question may be about, each role by its
// names, as the list writes them: a question about a role the guide's
// headings never name is not answered, and a reply names it by the name
// the question used, as the list writes it ("CTO").
func Roles() [][]string {
	out, err := RoleList("roles.txt", roles)
	if err != nil {
		panic(err) // The embedded list is checked by its tests.
	}
	return out
}

// WithRoles returns the roles of a guide's own list (own) followed by
// those of the search's (Roles) that own names none of: a guide's line
// that shares a name with one of the search's roles, in any case or
// punctuation, replaces it ("EM, engineering manager" and "senior EM,
// Sr. EM" replace its "EM, …, sr EM"), and the roles it does not name are still known, so that
// questions about them are refused by name.
func WithRoles(own [][]string) [][]string {
	named := map[string]bool{}
	for _, names := range own {
		for _, n := range names {
			named[roleKey(n)] = true
		}
	}
	out := slices.Clone(own)
	for _, names := range Roles() {
		if !slices.ContainsFunc(names, func(n string) bool { return named[roleKey(n)] }) {
			out = append(out, names)
		}
	}
	return out
}

// roleKey is a role's name as a question reads it: its words, lower
// case, without their punctuation ("Sr. EM" is "sr em").
func roleKey(name string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !isWordRune(r) }), " ")
}

// RoleList reads a list of roles (a guide's roles.txt, named name in
// errors), one role a line, its names comma separated, each as a reply
// writes it; blank lines and lines starting with # are left out.
// Each name must begin and end with a letter or digit, and no entry be
// left empty between two commas, nor names be separated by a semicolon
// or a bar: the error says which line holds one.
func RoleList(name string, text []byte) ([][]string, error) {
	var out [][]string
	for i, line := range strings.Split(string(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if slices.ContainsFunc(strings.Split(strings.TrimRight(line, ","), ","), isBlank) {
			return nil, fmt.Errorf("%s:%d: %q has an empty name: a comma with nothing before it", name, i+1, line)
		}
		ns := names(line)
		if strings.Contains(line, "#") {
			return nil, fmt.Errorf("%s:%d: %q holds a #: a comment takes a line of its own", name, i+1, line)
		}
		// "Product Manager; PM" would be one name, shown as written.
		if j := strings.IndexAny(line, ";|"); j >= 0 {
			return nil, fmt.Errorf("%s:%d: %q holds a %q: a role's names are separated by commas", name, i+1, line, line[j:j+1])
		}
		if err := wordBounded(ns); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: one role a line, its names comma separated, # for comments", name, i+1, err)
		}
		out = append(out, ns)
	}
	return out, nil
}

// Functions returns the functions and trades outside engineering, one
// word or phrase each, as the list writes them for a reply ("HR"): next
// to a role the guide describes, one makes it another function's leader
// ("a finance director").
func Functions() []string { return lines(functions) }

// wordList reads a list of one word a line, with # comments, in lower
// case.
func wordList(text []byte) []string {
	out := lines(text)
	for i, w := range out {
		out[i] = strings.ToLower(w)
	}
	return out
}

// lines returns a list's lines, trimmed, but for blank lines and #
// comments.
func lines(text []byte) []string {
	var out []string
	for _, line := range strings.Split(string(text), "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			out = append(out, w)
		}
	}
	return out
}

// Fingerprint identifies the default vocabulary, for an index built with
// it: a persisted index is rebuilt when it changes.
func Fingerprint() string {
	return string(Default) + "\x00" + string(fillers) + "\x00" + string(outside) + "\x00" + string(roles) + "\x00" + string(functions)
}
