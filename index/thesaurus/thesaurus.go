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
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
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

// Thesaurus is a guide's vocabulary, read from Solr's synonyms format.
type Thesaurus struct {
	// Synonyms are sets of single words, each a synonym of the others.
	Synonyms [][]string
	// phrases fold entries of several words into one word, in the guide
	// and in questions; rewrites read entries as other words in questions.
	phrases, rewrites rewriter
}

// Read parses thesaurus files, later ones extending earlier ones.
// Mistakes are reported with the file's name and line.
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
			if from, to, oneWay := strings.Cut(text, "=>"); oneWay {
				r, err := rewriteRule(entries(from), strings.Join(strings.Fields(to), " "))
				if err == nil {
					err = wordBounded(r.entries)
				}
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", f.Name, line, err)
				}
				rewrites = append(rewrites, r)
				continue
			}
			if err := wordBounded(entries(text)); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", f.Name, line, err)
			}
			words, multi := splitEntries(entries(text))
			if len(multi) > 0 {
				if len(words) == 0 {
					return nil, fmt.Errorf("%s:%d: %q has phrases but no single word to fold them into", f.Name, line, text)
				}
				phrases = append(phrases, rule{entries: multi, to: words[0]})
			}
			if len(words) > 1 {
				t.Synonyms = append(t.Synonyms, words)
			}
		}
	}
	var err error
	if t.phrases, err = newRewriter(phrases); err != nil {
		return nil, err
	}
	if t.rewrites, err = newRewriter(rewrites); err != nil {
		return nil, err
	}
	return t, nil
}

// File is a thesaurus file's name, for errors, and content.
type File struct {
	Name string
	Text []byte
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
	var out []string
	for _, e := range strings.Split(list, ",") {
		if e = strings.ToLower(strings.Join(strings.Fields(e), " ")); e != "" {
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

func rewriteRule(from []string, to string) (rule, error) {
	if len(from) == 0 || to == "" {
		return rule{}, fmt.Errorf("a one-way rule needs words on both sides of =>")
	}
	return rule{entries: from, to: strings.ToLower(to)}, nil
}

// rule reads any of its entries as to.
type rule struct {
	entries []string
	to      string
}

// rewriter finds the entries of its rules in a text, each rule with a
// regular expression run only on texts that hold one of its entries once
// squashed: most texts hold none, and the expressions cost ten times a
// lookup. Entries are found in one pass over the squashed text, by their
// first two bytes.
type rewriter struct {
	rules []compiledRule
	// starts maps the first two bytes of each squashed entry, or its one
	// byte, to the entries that begin with them.
	starts map[string][]squashedEntry
}

// compiledRule is a rule's expression, compiled the first time a text
// holds one of its entries: most rules wait for a question that uses them,
// and a compiled expression is a few kilobytes kept for the process.
type compiledRule struct {
	re func() *regexp.Regexp
	to string
}

// squashedEntry is an entry as squash gives it, and its rule's index:
// every match of the entry, squashed, holds it.
type squashedEntry struct {
	text string
	rule int
}

func newRewriter(rules []rule) (rewriter, error) {
	w := rewriter{rules: make([]compiledRule, len(rules)), starts: map[string][]squashedEntry{}}
	for i, r := range rules {
		pats := make([]string, len(r.entries))
		for j, e := range r.entries {
			pats[j] = entryPattern(e)
			sq, _ := squash(e)
			key := sq[:min(2, len(sq))]
			w.starts[key] = append(w.starts[key], squashedEntry{text: sq, rule: i})
		}
		pattern := `(?i)\b(?:` + strings.Join(pats, "|") + `)s?\b`
		// Parsing finds any mistake now, at a fraction of compiling.
		if _, err := syntax.Parse(pattern, syntax.Perl); err != nil {
			return rewriter{}, fmt.Errorf("compile thesaurus rule %v: %w", r.entries, err)
		}
		w.rules[i] = compiledRule{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) }), to: r.to}
	}
	return w, nil
}

// held marks the rules of which the text, squashed, holds an entry. An
// entry's match begins where a word does (its pattern starts at \b), so
// only those places are looked at.
func (w rewriter) held(text string) []bool {
	out := make([]bool, len(w.rules))
	squashed, starts := squash(text)
	for _, i := range starts {
		for n := 1; n <= 2 && i+n <= len(squashed); n++ {
			for _, e := range w.starts[squashed[i:i+n]] {
				if strings.HasPrefix(squashed[i:], e.text) {
					out[e.rule] = true
				}
			}
		}
	}
	return out
}

// squash lower-cases a text and drops what entryPattern lets vary between
// spellings: spaces and hyphens ("day-to-day", "day to day", "daytoday"),
// and the entity of "&". It returns where in the result each word begins,
// and each punctuation mark right after a word ("p&l").
func squash(text string) (string, []int) {
	var b strings.Builder
	b.Grow(len(text))
	var starts []int
	inWord := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if r == '&' && len(text)-i >= 4 && strings.EqualFold(text[i:i+4], "amp;") {
			i += 4
		}
		if r == '-' || unicode.IsSpace(r) {
			inWord = false
			continue
		}
		word := boundaryWord(r)
		if word != inWord {
			starts = append(starts, b.Len())
		}
		inWord = word
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String(), starts
}

// boundaryWord reports whether a rune is a word character as \b in a
// regular expression sees it: ASCII letters, digits and "_".
func boundaryWord(r rune) bool {
	return r < utf8.RuneSelf && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isPunct reports whether a rune stands for itself in an entry's pattern:
// neither a letter, a digit, a space nor a hyphen.
func isPunct(r rune) bool { return r < 128 && !isWordRune(r) && r != ' ' && r != '-' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// entryPattern matches an entry however it is spaced or hyphenated: "day to
// day", "day-to-day"; "p&l", "P & L", "P&amp;L".
func entryPattern(entry string) string {
	var b strings.Builder
	for i, word := range strings.Fields(entry) {
		if i > 0 {
			b.WriteString(`[\s-]*`)
		}
		for _, r := range word {
			switch {
			case r == '&':
				b.WriteString(`\s*(?:&|&amp;)\s*`)
			case r == '-':
				b.WriteString(`[\s-]*`)
			case isPunct(r):
				b.WriteString(`\s*` + regexp.QuoteMeta(string(r)) + `\s*`)
			default:
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
	}
	return b.String()
}

// replace rewrites each match with what its rule gives for the matched
// text, rule by rule.
func (w rewriter) replace(text string, with func(match, to string) string) string {
	held := w.held(text)
	for i, r := range w.rules {
		if !held[i] {
			continue
		}
		if out := r.re().ReplaceAllStringFunc(text, func(m string) string { return with(m, r.to) }); out != text {
			text, held = out, w.held(out)
		}
	}
	return text
}

// Expand adds each phrase's word after the phrase, for indexed text.
func (t *Thesaurus) Expand(text string) string {
	return t.phrases.replace(text, func(match, to string) string { return match + " " + to })
}

// Rewrite reads a question as the thesaurus says: one-way rules applied,
// phrases folded into their word, so a two-word phrase does not count
// twice.
func (t *Thesaurus) Rewrite(question string) string {
	spaced := func(_, to string) string { return " " + to + " " }
	return t.phrases.replace(t.rewrites.replace(question, spaced), spaced)
}

// Fillers returns the words that shape a question but are never its
// topic, beyond English stop words.
func Fillers() []string { return wordList(fillers) }

// Outside returns the words that name topics a guide to the role leaves to
// others (pay, HR procedures, tools): a question holding one that the
// guide never uses is not answered.
func Outside() []string { return wordList(outside) }

// Roles returns the people a question may be about, each role by its
// names: a question about a role the guide's headings never name is not
// answered.
func Roles() [][]string {
	var out [][]string
	for _, line := range wordList(roles) {
		out = append(out, entries(line))
	}
	return out
}

// wordList reads a list of one word a line, with # comments.
func wordList(text []byte) []string {
	var out []string
	for _, line := range strings.Split(string(text), "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// Fingerprint identifies the default vocabulary, for an index built with
// it: a persisted index is rebuilt when it changes.
func Fingerprint() string {
	return string(Default) + "\x00" + string(fillers) + "\x00" + string(outside) + "\x00" + string(roles)
}
