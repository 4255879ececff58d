package spelling

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/directorbot/directorbot/content/typo"
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
		if got, want := OneEditApart(a, b), typo.Distance(a, b) == 1; got != want {
			t.Fatalf("OneEditApart(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}

func TestSpeller(t *testing.T) {
	t.Parallel()
	known := map[string]uint64{"director": 9, "directory": 2, "skill": 3, "decis": 2, "differ": 4, "vp": 7, "2024": 1, "respons": 3, "responsibl": 2}
	stems := map[string]string{"difference": "differ", "responsibilities": "responsibl", "resposibilities": "respos"}
	stem := func(w string) string {
		if s, ok := stems[w]; ok {
			return s
		}
		return strings.TrimSuffix(w, "s")
	}
	s := New(known, []string{"difference", "responsibilities"}, []string{"what", "the"}, []string{"usually", "sure"}, stem)
	near := []struct {
		word string
		want []Term
	}{
		{"dirctor", []Term{{"director", 9}}},
		{"skils", []Term{{"skill", 3}}},
		{"diffrence", []Term{{"differ", 4}}},
		{"decisons", []Term{{"decis", 2}}},
		// A stem cut short ("respos") is one edit from another word's
		// ("respons", of "response"): the word as written is nearer
		// the one meant.
		{"resposibilities", []Term{{"responsibl", 2}}},
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
	// "manages" is one edit from "manager", and its stem begins the
	// name's, but it is a word of its own.
	for word, want := range map[string]string{"directer": "director", "directory": "directory", "dir": "dir", "vp": "vp", "managr": "manager", "manages": "manages"} {
		if got := s.Name(word, []string{"director", "vp", "manager"}); got != want {
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

// TestCommon tells common English words from misspellings and words of
// the trade that no list of common words holds.
func TestCommon(t *testing.T) {
	t.Parallel()
	for word, want := range map[string]bool{
		"lunch": true, "launch": true, "weather": true, "colour": true, "color": true,
		"manger": false, "dirctor": false, "wifi": false, "okrs": false, "Lunch": false, "": false,
	} {
		if got := Common(word); got != want {
			t.Errorf("Common(%q) = %v, want %v", word, got, want)
		}
	}
}

// TestCommonWordsFile checks the list as Common reads it: lower case, of
// words long enough to be read as typos (Fuzzy), each once.
func TestCommonWordsFile(t *testing.T) {
	t.Parallel()
	words := commonWords()
	if len(words) < 10000 {
		t.Fatalf("common-words.txt holds %d words, want SCOWL's 10,000 and more", len(words))
	}
	for i, w := range words {
		if w != strings.ToLower(w) || !Fuzzy(w) || strings.ContainsAny(w, " '") {
			t.Errorf("common word %q: want one lower-case word of %d letters or more", w, minFuzzyRunes)
		}
		if i > 0 && words[i-1] == w {
			t.Errorf("common word %q listed twice", w)
		}
	}
}
