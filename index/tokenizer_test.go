package index

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
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
	d, ok := embedded(t).question.(*analysis.DefaultAnalyzer)
	if !ok {
		t.Fatalf("question analyzer is %T", embedded(t).question)
	}
	if _, ok := d.Tokenizer.(asciiWords); !ok {
		t.Errorf("question tokenizer is %T, not asciiWords", d.Tokenizer)
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
