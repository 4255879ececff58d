package question

import (
	"strings"
	"testing"
)

func TestStoryLengthEndsTheSetting(t *testing.T) {
	t.Parallel()
	c := NewCast([][]string{{"director"}, {"vp"}}, strings.ToLower)
	tests := []struct {
		sentence, story string
	}{
		{"my lattice reviews are due friday — are perf reviews a director's job?", "my lattice reviews are due friday — "},
		{"my EM wants a raise - what do I offer?", "my EM wants a raise - "},
		{"our on-call is a mess—who owns it?", "our on-call is a mess—"},
		{"I'm new -- should I own the budget?", "I'm new -- "},
		{"jira, confluence, 3 standups a day — where should a director's time go?", "jira, confluence, 3 standups a day — "},
		{"lattice calibration season: is calibration a director's job", "lattice calibration season: "},
		{"aws bill up 40% so should a director own the budget", "aws bill up 40% so "},
		// The last end before the question.
		{"i have no routine, just zoom all day – what should a director's day look like?", "i have no routine, just zoom all day – "},
		// The question names no role, and no asker tells the setting.
		{"pagerduty vs opsgenie — which should we pick?", ""},
		{"jira: how do i bulk move issues?", ""},
		// It opens as a question.
		{"how do we cut our aws bill — reserved instances or savings plans?", ""},
		{"what does our director do, day to day?", ""},
		// Nothing after the end opens as a question or names a role.
		{"our jira board is a mess — me or the EMs?", ""},
		{"director here: how do i set up SSO through okta?", ""},
		{"our tools — ", ""},
	}
	for _, tt := range tests {
		if got := tt.sentence[:c.StoryLength(tt.sentence)]; got != tt.story {
			t.Errorf("StoryLength(%q) keeps %q, want %q", tt.sentence, got, tt.story)
		}
	}
}
