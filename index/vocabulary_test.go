package index

import (
	"strings"
	"testing"
)

// TestPhraseHints checks that a phrase's hints never skip a text its
// pattern matches, in every spelling the patterns accept.
func TestPhraseHints(t *testing.T) {
	t.Parallel()
	texts := []string{
		"Vice President", "VICE-PRESIDENTS", "vice  president", "Engineering Managers",
		"eng-manager", "an Individual Contributor", "One-on-One", "1:1s", "1 on 1",
		"oneonones", "Profit & Loss", "P&L", "p & l", "P&amp;L", "PnL", "C-level",
		"c suite", "CLevel", "Day-to-Day", "day to day", "Post-mortems", "postmortem",
	}
	for _, text := range texts {
		matched := false
		for _, p := range phrases {
			if p.re.MatchString(text) {
				matched = true
				if !p.mayMatch(strings.ToLower(text)) {
					t.Errorf("%q matches %s, but its hints %v skip it", text, p.token, p.hints)
				}
			}
		}
		if !matched {
			t.Errorf("%q matches no phrase; the test lists it as a spelling of one", text)
		}
	}
	if got := replacePhrases("Is a VP the same as a vice-president?"); !strings.Contains(got, " vp ") || strings.Contains(got, "vice") {
		t.Errorf("replacePhrases = %q", got)
	}
	if got := expandPhrases("Day-to-day work"); got != "Day-to-day daily work" {
		t.Errorf("expandPhrases = %q", got)
	}
}
