package index

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strings"
)

// defaultThesaurus is the domain vocabulary every guide starts from; its
// format is described at its top.
//
//go:embed thesaurus.txt
var defaultThesaurus []byte

// fillers are words that shape a question but are not its topic.
//
//go:embed fillers.txt
var fillers []byte

// thesaurus is a guide's vocabulary, read from Solr's synonyms format.
type thesaurus struct {
	// synonyms are sets of single words, each a synonym of the others.
	synonyms [][]string
	// phrases fold entries of several words into one word, in the guide
	// and in questions; rewrites read entries as other words in questions.
	phrases, rewrites rewriter
}

// readThesaurus parses thesaurus files, later ones extending earlier ones.
// Mistakes are reported with the file's name and line.
func readThesaurus(files ...namedText) (*thesaurus, error) {
	t := &thesaurus{}
	var phrases, rewrites []rule
	for _, f := range files {
		sc := bufio.NewScanner(bytes.NewReader(f.text))
		for line := 1; sc.Scan(); line++ {
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			if from, to, oneWay := strings.Cut(text, "=>"); oneWay {
				r, err := rewriteRule(entries(from), strings.Join(strings.Fields(to), " "))
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", f.name, line, err)
				}
				rewrites = append(rewrites, r)
				continue
			}
			words, multi := splitEntries(entries(text))
			if len(multi) > 0 {
				if len(words) == 0 {
					return nil, fmt.Errorf("%s:%d: %q has phrases but no single word to fold them into", f.name, line, text)
				}
				phrases = append(phrases, rule{entries: multi, to: words[0]})
			}
			if len(words) > 1 {
				t.synonyms = append(t.synonyms, words)
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

// namedText is a file's name and content.
type namedText struct {
	name string
	text []byte
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

// rewriter finds the entries of its rules in a text with one regular
// expression, a group per rule.
type rewriter struct {
	re *regexp.Regexp
	to []string
}

func newRewriter(rules []rule) (rewriter, error) {
	if len(rules) == 0 {
		return rewriter{}, nil
	}
	alts := make([]string, len(rules))
	to := make([]string, len(rules))
	for i, r := range rules {
		pats := make([]string, len(r.entries))
		for j, e := range r.entries {
			pats[j] = entryPattern(e)
		}
		alts[i] = "(" + strings.Join(pats, "|") + ")"
		to[i] = r.to
	}
	re, err := regexp.Compile(`(?i)\b(?:` + strings.Join(alts, "|") + `)s?\b`)
	if err != nil {
		return rewriter{}, fmt.Errorf("compile thesaurus: %w", err)
	}
	return rewriter{re: re, to: to}, nil
}

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
				b.WriteString(`\s*(?:&|&amp;|and)\s*`)
			case r == '-':
				b.WriteString(`[\s-]*`)
			case r < 128 && !singleWord.MatchString(string(r)):
				b.WriteString(`\s*` + regexp.QuoteMeta(string(r)) + `\s*`)
			default:
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
	}
	return b.String()
}

// replace rewrites each match with what its rule gives for the matched text.
func (w rewriter) replace(text string, with func(match, to string) string) string {
	if w.re == nil {
		return text
	}
	ms := w.re.FindAllStringSubmatchIndex(text, -1)
	if ms == nil {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(text[last:m[0]])
		for g := range w.to {
			if m[2+2*g] >= 0 {
				b.WriteString(with(text[m[0]:m[1]], w.to[g]))
				break
			}
		}
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// expand adds each phrase's word after the phrase, for indexed text.
func (t *thesaurus) expand(text string) string {
	return t.phrases.replace(text, func(match, to string) string { return match + " " + to })
}

// rewrite reads a question as the thesaurus says: one-way rules applied,
// phrases folded into their word, so a two-word phrase does not count
// twice.
func (t *thesaurus) rewrite(question string) string {
	spaced := func(_, to string) string { return " " + to + " " }
	return t.phrases.replace(t.rewrites.replace(question, spaced), spaced)
}

// fillerWords returns the filler list's words.
func fillerWords() []string {
	var out []string
	for _, line := range strings.Split(string(fillers), "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}
