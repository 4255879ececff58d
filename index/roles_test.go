package index

import (
	"slices"
	"testing"
)

func TestRoles(t *testing.T) {
	t.Parallel()
	ix := &Index{vocab: map[string][numFields]uint64{
		"rare":   {3, 0, 0, 10, 20},
		"often":  {0, 0, 0, commonPostings, 100},
		"always": {0, 0, 0, stopPostings, stopPostings},
		"also":   {0, 0, 0, stopPostings, 1},
	}}
	word := func(term string) []group {
		var gs []group
		for fi := range boosts {
			var g group
			ix.add(&g, leaf{[]string{term}, fi, 1})
			gs = append(gs, g)
		}
		return gs
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
		groups := make([][]group, len(tt.words))
		for i, w := range tt.words {
			groups[i] = word(w)
		}
		if got := ix.roles(groups); !slices.Equal(got, tt.want) {
			t.Errorf("%s: roles(%v) = %v, want %v", tt.name, tt.words, got, tt.want)
		}
	}
}
