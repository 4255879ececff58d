package spelling

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOneEditApart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"dirctor", "director", true},
		{"director", "dirctor", true},
		{"skil", "skill", true},
		{"redi", "readi", true},
		{"readi", "reade", true},
		{"xeadi", "readi", true},
		{"same", "same", false},
		{"abc", "xyz", false},
		{"", "a", true},
		{"", "ab", false},
		{"kitten", "sitten", true},
		{"kitten", "sitting", false},
		{"ab", "ba", true},
		{"prodcut", "product", true},
		{"desgin", "design", true},
		{"abcd", "badc", false},
		{"abc", "cba", false},
		{"café", "cafe", true},
		{"café", "cafés", true},
		{"naïve", "naive", true},
		{"über", "uber", true},
		{"éa", "èa", true},
	}
	for _, tt := range tests {
		if got := OneEditApart(tt.a, tt.b); got != tt.want {
			t.Errorf("OneEditApart(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
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
		if got, want := OneEditApart(a, b), editDistance(a, b) == 1; got != want {
			t.Fatalf("OneEditApart(%q, %q) = %v, want %v", a, b, got, want)
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

func TestSpeller(t *testing.T) {
	t.Parallel()
	known := map[string]uint64{"director": 9, "directory": 2, "skill": 3, "decis": 2, "differ": 4, "vp": 7, "2024": 1}
	stem := func(w string) string {
		if w == "difference" {
			return "differ"
		}
		return strings.TrimSuffix(w, "s")
	}
	s := New(known, []string{"difference"}, []string{"what", "the"}, []string{"usually", "sure"}, stem)
	near := []struct {
		word string
		want []Term
	}{
		{"dirctor", []Term{{"director", 9}}},
		{"skils", []Term{{"skill", 3}}},
		{"diffrence", []Term{{"differ", 4}}},
		{"decisons", []Term{{"decis", 2}}},
		{"2025", nil},
		{"zzzzzz", nil},
	}
	for _, tt := range near {
		if got := s.Near(tt.word, stem(tt.word)); !slices.Equal(got, tt.want) {
			t.Errorf("Near(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	if got := LikeliestDocs(s.Near("dirctor", "dirctor")); got != 9 {
		t.Errorf("LikeliestDocs(dirctor) = %d, want 9", got)
	}
	if got := LikeliestDocs(nil); got != 1 {
		t.Errorf("LikeliestDocs(nothing) = %d, want 1", got)
	}
	for word, want := range map[string]string{"directer": "director", "directory": "directory", "dir": "dir", "vp": "vp"} {
		if got := s.Name(word, []string{"director", "vp"}); got != want {
			t.Errorf("Name(%q) = %q, want %q", word, got, want)
		}
	}
	phrasing := map[string]bool{"usualy": true, "wat": true, "sur": false, "usually": false, "xy": false, "director": false}
	for word, want := range phrasing {
		if got := s.PhrasingTypo(word); got != want {
			t.Errorf("PhrasingTypo(%q) = %v, want %v", word, got, want)
		}
	}
}
