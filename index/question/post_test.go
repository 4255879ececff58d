package question

import (
	"slices"
	"testing"
)

// TestPostOrgs: the part of the company a post the asker holds or takes
// leads is told apart from what the question asks.
func TestPostOrgs(t *testing.T) {
	t.Parallel()
	c := NewCast([][]string{{"director", "dir", "director of engineering"}, {"EM", "engineering manager"}, {"tech lead", "TL"}}, func(s string) string { return s })
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"so i just got promoted to director of cloud platform last week (yay)", []string{"cloud platform"}},
		{"I'm the TL on the hive ingestion team and we want to change the schema", []string{"hive ingestion"}},
		{"I joined as an EM in savings after 6 years at a fintech.", []string{"savings"}},
		{"just got the director of payments acceptance job, starting next month.", []string{"payments acceptance"}},
		{"moving from director of cards to director of savings", []string{"cards"}},
		// Someone else's post, or a role's own name, names no org of the
		// asker's.
		{"what does the director of cloud platform own?", nil},
		{"I'm a director of engineering at a bank", nil},
		{"my EM in payments keeps skipping 1:1s", nil},
	} {
		var got []string
		for _, o := range c.PostOrgs(tt.text) {
			got = append(got, tt.text[o[0]:o[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("PostOrgs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
