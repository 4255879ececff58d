package quality

import (
	"slices"
	"testing"

	"github.com/directorbot/directorbot/content"
)

// TestGateFailing lists, of a score's misses, those of the measures that
// fall short: an off-topic question answered when too few are refused,
// not an answerable one answered second, nor one answered right whose
// answer lies out of sight.
func TestGateFailing(t *testing.T) {
	t.Parallel()
	offTopic := Miss{Case: content.Question{Text: "salary?"}, Got: []string{"Pay"}}
	second := Miss{Case: content.Question{Text: "skills?", Expect: []string{"Skills"}}, Rank: 2}
	hidden := Miss{Case: content.Question{Text: "scope?", Expect: []string{"Scope"}}, Rank: 1, Hidden: true}
	misses := []Miss{offTopic, second, hidden}
	gate := Gate{MinTop1: 0.8, MinRefused: 1}
	text := func(ms []Miss) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Case.Text)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		score Score
		want  []string
	}{
		{"refused short", Score{Answerable: 10, Top1: 0.9, NoneTotal: 10, None: 9}, []string{"salary?"}},
		{"top-1 short", Score{Answerable: 10, Top1: 0.7, NoneTotal: 10, None: 10}, []string{"skills?"}},
		{"both short", Score{Answerable: 10, Top1: 0.7, NoneTotal: 10, None: 9}, []string{"salary?", "skills?"}},
		{"passes", Score{Answerable: 10, Top1: 0.9, NoneTotal: 10, None: 10}, nil},
	} {
		if got := text(gate.Failing(tc.score, misses)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Failing = %q, want %q", tc.name, got, tc.want)
		}
	}
}
