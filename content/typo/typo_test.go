package typo

import "testing"

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"label", "label", 0}, {"lable", "label", 1}, {"promts", "prompts", 1}, {"ordr", "order", 1},
		{"path", "plan", 3}, {"", "abc", 3}, {"équipe", "equipe", 1}, {"promtps", "prompts", 1}, {"flag", "plan", 2},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
