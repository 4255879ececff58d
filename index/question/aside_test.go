package question

import (
	"strings"
	"testing"
)

func TestWithoutAsides(t *testing.T) {
	t.Parallel()
	tests := []struct{ question, want string }{
		{"what numbers does a director check before standup", "what numbers does a director check"},
		{"how do I talk money instead of story points with execs", "how do i talk money points with execs"},
		{"how do I keep the org running when I'm on vacation", "how do i keep the org running"},
		{"what's the PTO policy before the holidays", "what s the pto policy"},
		{"who owns planning before", "who owns planning"},
		{"what does a director do", "what does a director do"},
		{"do directors manage budgets, e.g. our datadog + aws spend?", "do directors manage budgets"},
		{"what dashboards should a director read, like grafana ones?", "what dashboards should a director read"},
		{"which tools, such as jira or linear, does a VP pick", "which tools does a vp pick"},
		{"what's the 401k match like", "what s the 401k match"},
	}
	for _, tt := range tests {
		if got := strings.Join(WithoutAsides(Words(tt.question)), " "); got != tt.want {
			t.Errorf("WithoutAsides(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}
