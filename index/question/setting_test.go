package question

import (
	"strings"
	"testing"
)

func TestSettingEndEndsTheSettingBeforeTheQuestion(t *testing.T) {
	t.Parallel()
	r := Reader{Cast: NewCast([][]string{{"director", "dir"}, {"vp"}, {"pm"}}, strings.ToLower), Described: map[int]bool{0: true, 1: true}}
	tests := []struct {
		sentence, setting string
	}{
		{"my lattice reviews are due friday — are perf reviews a director's job?", "my lattice reviews are due friday — "},
		{"our on-call is a mess—who owns it as a director?", "our on-call is a mess—"},
		{"I'm new -- should a VP own the budget?", "I'm new -- "},
		{"jira, confluence, 3 standups a day — where should a director's time go?", "jira, confluence, 3 standups a day — "},
		{"lattice calibration season: is calibration a director's job", "lattice calibration season: "},
		{"aws bill up 40% so should a director own the budget", "aws bill up 40% so "},
		{"i have no routine, just zoom all day – what should a director's day look like?", "i have no routine, just zoom all day – "},
		{"comp season --- director's job or VP's?", "comp season --- "},
		{"aws bill up 40%, cfo asking questions... should a dir own the budget", "aws bill up 40%, cfo asking questions... "},
		{"kubecon cfp open…is conference speaking part of the path to VP", "kubecon cfp open…"},
		// The question names no role the guide describes.
		{"my EM wants a raise - what do I offer?", ""},
		{"pagerduty vs opsgenie — which should we pick?", ""},
		{"confluence pages, so who owns the roadmap doc, PM or EM?", ""},
		// The question opens before the role is named.
		{"quick q: how do I bulk-edit epics in jira, as a director?", "quick q: "},
		{"quick one — how do I set up datadog dashboards so my VP can see incidents?", "quick one — "},
		// It opens as a question.
		{"how do we cut our aws bill — reserved instances or savings plans, as a director?", ""},
		{"what does our director do, day to day?", ""},
		{"director here: how do i set up SSO through okta?", ""},
		{"our tools — ", ""},
	}
	for _, tt := range tests {
		if got := tt.sentence[:r.SettingEnd(tt.sentence)]; got != tt.setting {
			t.Errorf("SettingEnd(%q) keeps %q, want %q", tt.sentence, got, tt.setting)
		}
	}
}
