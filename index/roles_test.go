package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/content/synthetic"
)

func TestRoles(t *testing.T) {
	t.Parallel()
	ix := &Index{vocab: map[string][numFields]uint64{
		"rare":   {3, 0, 0, 10, 0},
		"often":  {0, 0, 0, commonPostings + 100, 0},
		"always": {0, 0, 0, 2 * stopPostings, 0},
		"also":   {0, 0, 0, stopPostings + 1, 0},
	}, docs: 1 << 20, guideDocs: 1 << 20, commonPostings: commonPostings, stopPostings: stopPostings}
	wordOf := func(term string) word {
		var gs []group
		for fi := range boosts {
			var g group
			ix.add(&g, leaf{terms: []string{term}, field: fi, boost: 1})
			gs = append(gs, g)
		}
		return word{text: term, groups: gs, postings: ix.postings(gs)}
	}
	tests := []struct {
		name  string
		words []string
		want  []role
	}{
		{"all selective", []string{"rare", "rare"}, []role{chooser, chooser}},
		{"common words only score", []string{"rare", "often"}, []role{chooser, common}},
		{"the least common chooses when all are common", []string{"often", "always"}, []role{chooser, ignored}},
		{"very common words are left out", []string{"rare", "always"}, []role{chooser, ignored}},
		{"a lone very common word still chooses", []string{"always"}, []role{chooser}},
		{"the least of two very common words chooses", []string{"always", "also"}, []role{ignored, chooser}},
		{"unknown words keep no role that matters", []string{"missing", "rare"}, []role{chooser, chooser}},
	}
	for _, tt := range tests {
		words := make([]word, len(tt.words))
		for i, w := range tt.words {
			words[i] = wordOf(w)
		}
		if got := ix.roles(words); !slices.Equal(got, tt.want) {
			t.Errorf("%s: roles(%v) = %v, want %v", tt.name, tt.words, got, tt.want)
		}
	}
}

// TestCommonWordsOnlyScore searches a guide large enough for its
// commonest word to be common: only the rarer word chooses sections, so
// every section found holds it.
func TestCommonWordsOnlyScore(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a 3,000-section guide")
	}
	ix := syntheticIndex(t, 3000)
	words := ix.words(ix.rewrite("team quarterly"))
	if got := ix.roles(words); !slices.Equal(got, []role{common, chooser}) {
		t.Fatalf("roles of %v = %v, want team common and quarterly choosing", words, got)
	}
	hits, err := ix.Search(context.Background(), "team quarterly", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range hits {
		text := strings.ToLower(h.Section.Title + " " + h.Section.Text() + " " + strings.Join(titlesBelow(h.Section), " "))
		for _, r := range h.RowTitles() {
			text += " " + strings.ToLower(r)
		}
		if !strings.Contains(text, "quarterly") {
			t.Errorf("%s does not hold the rarer word", h.Section.ID)
		}
	}
}

func titlesBelow(s *content.Section) []string {
	var out []string
	for _, d := range s.Descendants() {
		out = append(out, d.Title, d.Text())
	}
	return out
}

// TestWordsLeftOutStillAnswer asks, in a guide where two of three
// words are left out as too common, a question the rare word answers: the
// rare word alone must then be enough, not an impossible two of one.
func TestWordsLeftOutStillAnswer(t *testing.T) {
	t.Parallel()
	ix := syntheticIndex(t, 300)
	ix.commonPostings, ix.stopPostings = 10, 20
	words := ix.words(ix.rewrite("team director quarterly"))
	if got := ix.roles(words); !slices.Equal(got, []role{ignored, ignored, chooser}) {
		t.Fatalf("roles of %v = %v, want the first two left out", words, got)
	}
	hits, err := ix.Search(context.Background(), "team director quarterly", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits: the left-out words made the question unanswerable")
	}
}

// syntheticIndex builds a synthetic guide of n sections, closed with the
// test.
func syntheticIndex(t *testing.T, n int) *Index {
	t.Helper()
	g, err := synthetic.Guide(n, 1)
	if err != nil {
		t.Fatal(err)
	}
	return guideIndex(t, g)
}

// withSynonyms gives a freshly loaded guide a synonyms.txt of its own.
func withSynonyms(g *content.Guide, synonyms string) *content.Guide {
	g.Synonyms = []byte(synonyms)
	return g
}

// TestWordsInMostOfTheGuideOnlyScore checks that a word found in most of a
// small guide's documents ("director", in every section's path; "vp")
// does not choose the documents to score, as it would in a large one, and
// that synonym sets added to the vocabulary do not change that.
func TestWordsInMostOfTheGuideOnlyScore(t *testing.T) {
	t.Parallel()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var more strings.Builder
	for i := range 40 {
		fmt.Fprintf(&more, "alpha%d, beta%d\n", i, i)
	}
	for name, ix := range map[string]*Index{
		"embedded":             embedded(t),
		"with 40 synonym sets": guideIndex(t, withSynonyms(g, more.String())),
	} {
		for q, want := range map[string][]role{
			"what skills does a director need": {chooser, common},
			"who does a VP report to?":         {common, chooser},
			"succession planning":              {chooser, chooser},
		} {
			words := ix.words(ix.rewrite(q))
			if got := ix.roles(words); !slices.Equal(got, want) {
				t.Errorf("%s: roles of %q = %v, want %v", name, q, got, want)
			}
		}
	}
}
