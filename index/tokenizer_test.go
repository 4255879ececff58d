package index

import (
	"reflect"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// sameTokens fails the test where asciiWords and the unicode tokenizer
// split the text differently.
func sameTokens(t *testing.T, text string) {
	t.Helper()
	uni := unicode.NewUnicodeTokenizer()
	want := uni.Tokenize([]byte(text))
	got := asciiWords{uni}.Tokenize([]byte(text))
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q:\n got  %s\n want %s", text, got, want)
	}
}

func TestASCIIWordsAreBleves(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"", " ", "what skills does a director need?", "Director's P&L, 1:1s and OKRs",
		"don't", "rock'n'roll", "'quoted'", "it's 3.5x or 1,000.25 people", "a.b.c", "1.a", "a.1", "1.2.3",
		"snake_case _x x_ __ _1 1_ a_1_b", "e.g. i.e. U.S.A.", "12:30 a:b :a a: a::b", "3;4 a;b 3,a a,3",
		"tab\tnew\nline\r\nend", "C++ C# .NET node.js v1.2-beta", "100%, $5, #3, @you", "ends with.",
		"hi...there", "x''y", "1''2", "vp/director", "non-ascii café falls back", "emoji 👍 too",
	} {
		sameTokens(t, text)
	}
}

func TestASCIIWordsReplaceTheQuestionTokenizer(t *testing.T) {
	t.Parallel()
	if tok := embedded(t).question.Tokenizer; reflect.TypeOf(tok) != reflect.TypeOf(asciiWords{}) {
		t.Errorf("question tokenizer is %T, not asciiWords", tok)
	}
}

// FuzzASCIIWordsAreBleves holds asciiWords to the unicode tokenizer, on
// the input and on the input folded into ASCII, which asciiWords reads
// itself.
func FuzzASCIIWordsAreBleves(f *testing.F) {
	for _, seed := range []string{"what's a VP's role?", "1:1s, 3.5 and a_b", "e.g. x'y 1,2"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sameTokens(t, text)
		ascii := []byte(text)
		for i := range ascii {
			ascii[i] &= 0x7f
		}
		sameTokens(t, string(ascii))
	})
}

// sameTerms fails the test where a question's tokens, filtered one by one
// and kept by their text, give other terms than the question analyzer.
func sameTerms(t *testing.T, ix *Index, text string) {
	t.Helper()
	var want, got []string
	for _, tok := range ix.question.Analyze([]byte(text)) {
		want = append(want, string(tok.Term))
	}
	for _, tok := range ix.question.Tokenizer.Tokenize([]byte(text)) {
		if w := ix.word(tok); w.text != "" {
			got = append(got, w.text)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%q: terms %q, the analyzer's %q", text, got, want)
	}
}

func TestTokensFilteredOneByOneAreTheAnalyzers(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	for _, text := range []string{
		"What skills does a Director need?", "the VP's role and a director's", "DIRECTOR directors Director's",
		"is it the and of a", "café Ünïcödé naïve", "1:1s 3.5 P&L e.g.", "rock'n'roll don't won't",
	} {
		// Twice: the second time every token comes from the cache.
		sameTerms(t, ix, text)
		sameTerms(t, ix, text)
	}
}

// FuzzTokensFilteredOneByOne holds filtering tokens one by one to the
// question analyzer for any question.
func FuzzTokensFilteredOneByOne(f *testing.F) {
	for _, seed := range []string{"What's a VP's role?", "the and of", "Director's DIRECTOR"} {
		f.Add(seed)
	}
	ix := embedded(f)
	f.Fuzz(func(t *testing.T, text string) { sameTerms(t, ix, text) })
}
