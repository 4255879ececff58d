package question

import (
	"slices"
	"strings"
	"testing"
)

func TestMentions(t *testing.T) {
	t.Parallel()
	c := NewCast([][]string{{"director"}, {"design director"}, {"EM", "engineering manager"}, {"director of product"}}, strings.ToLower)
	tests := []struct {
		words string
		want  []Mention
	}{
		{"what does a design director do", []Mention{{3, 5, 1, "design director"}}},
		{"do ems report to directors", []Mention{{1, 2, 2, "EM"}, {4, 5, 0, "director"}}},
		{"an engineering manager", []Mention{{1, 3, 2, "engineering manager"}}},
		{"emergency", nil},
		{"what do directors of product do", []Mention{{2, 5, 3, "director of product"}}},
		{"a director of products", []Mention{{1, 2, 0, "director"}}},
	}
	for _, tt := range tests {
		got := c.Mentions(Words(tt.words))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Mentions(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}
