package index

import (
	"context"
	"testing"
	"unicode/utf8"
)

// FuzzSearch checks that any question, however odd, is searched without an
// error or a panic.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{
		"what skills does a director need?", "dirctor skils", "<@U1> how is a VP different?",
		`+title:x -y /.*/ ~2 ^5 "unclosed`, "\x00\x01", "what is the", "مدير 🚀", "1:1s P&L",
		"<https://x|label> <!here> :tada:", "\xff\xfe",
	} {
		f.Add(seed)
	}
	ix := embedded(f)
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := ix.Search(context.Background(), q, 3)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			if h.Section == nil {
				t.Fatal("hit without a section")
			}
			_ = h.RowTitles()
		}
	})
}

// FuzzOneEditApart checks the one-pass comparison against the textbook
// edit distance on runes, with a swap of neighbours as one edit (optimal
// string alignment).
func FuzzOneEditApart(f *testing.F) {
	for _, seed := range [][2]string{{"dirctor", "director"}, {"café", "cafe"}, {"éa", "èa"}, {"ab", "ba"}, {"éa", "aé"}, {"abc", "cba"}, {"", "x"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		if got, want := oneEditApart(a, b), editDistance(a, b) == 1; got != want {
			t.Fatalf("oneEditApart(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}

// editDistance is the optimal string alignment distance on runes: the
// fewest insertions, deletions, substitutions and swaps of neighbours.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
