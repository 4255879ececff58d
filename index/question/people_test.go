package question

import (
	"errors"
	"strings"
	"testing"
)

// testRoles are the roles reader knows.
var testRoles = [][]string{{"director", "senior director"}, {"vp", "vice president", "svp"}, {"cto"}, {"staff engineer"}, {"em", "engineering manager"}}

// reader describes the director and the VP, and names the CTO, the staff
// engineer and the EM; a guide's text speaks only of the EM.
func reader() (Reader, func(int) (bool, error)) {
	r := Reader{Cast: NewCast(testRoles, strings.ToLower), Described: map[int]bool{0: true, 1: true}}
	return r, func(role int) (bool, error) { return role == 4, nil }
}

// asking reads a question as one sentence that asks.
func asking(q string) [][]string { return [][]string{Words(q)} }

func TestAboutOthers(t *testing.T) {
	t.Parallel()
	r, inText := reader()
	tests := []struct {
		question string
		want     string
	}{
		{"what does a CTO do all day?", "cto"},
		{"how do I become a staff engineer", "staff engineer"},
		{"difference between a staff engineer and a director", "staff engineer"},
		{"what does a CTO do that a VP doesn't?", "cto"},
		{"how many engineers should report to a single EM?", "em"},
		{"cto vs vp", "cto"},
		{"VP of engineering vs CTO", "cto"},
		{"director vs vp", ""},
		{"cto vs vp, who approves offers?", ""},
		{"how many engineers are under the engineering manager?", "engineering manager"},
		{"how is reporting to a CTO different from reporting to a director?", ""},
		{"how is an EM different from a director?", ""},
		{"does a VP report to the CTO?", ""},
		{"what does the CTO expect from me?", ""},
		{"I was an EM, what changes now?", ""},
		{"what does a director do?", ""},
		{"what's the difference between a senior director and a director?", "senior director"},
		{"what does a senior director do that a director doesn't?", "senior director"},
		{"VP vs SVP?", "svp"},
		{"what's the difference between director, senior director and VP?", ""},
		{"how is a director different from other directors?", ""},
		{"how many years as a director/senior director before VP?", ""},
		{"I report to a senior director, is that normal for a director?", ""},
		{"how do I go from VP to CTO?", "cto"},
		{"how does a VP differ from a CTO?", "cto"},
		{"how do I become CTO after being VP?", "cto"},
		{"how is a director different from an EM?", ""},
		{"how do I become a VP after being a director?", ""},
		{"VP vs CTO, what's the difference?", "cto"},
		{"director vs staff engineer, who writes more code?", ""},
		{"how do I go from director to VP?", ""},
		{"how do I go from EM to director?", ""},
		{"staff engineer wanting to transition to CTO, what are the key shifts?", "cto"},
		{"how do I help a tech lead transition to EM?", ""},
	}
	for _, tt := range tests {
		got, err := r.AboutOthers(asking(tt.question), NewSet(Words(tt.question)), inText)
		if err != nil || got != tt.want {
			t.Errorf("AboutOthers(%q) = %q, %v; want %q", tt.question, got, err, tt.want)
		}
	}
	if !(Reader{Cast: r.Cast}).Particular(Words("what does a CTO do")) {
		t.Error("a named role is not particular")
	}
	if got, _ := (Reader{Cast: r.Cast}).AboutOthers(asking("what does a CTO do?"), nil, inText); got != "" {
		t.Error("a guide that describes no one refused a question about the CTO")
	}
}

func TestAboutOthersPassesOnLookupErrors(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	fail := errors.New("index closed")
	_, err := r.AboutOthers(asking("what does a CTO do that a VP doesn't?"), nil, func(int) (bool, error) { return false, fail })
	if !errors.Is(err, fail) {
		t.Errorf("AboutOthers error = %v, want %v", err, fail)
	}
}

func TestAboutCompany(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	tests := []struct {
		question string
		// story is told before the question, which is then not alone.
		story bool
		want  bool
	}{
		{"who's our VP here?", false, true},
		{"who is on the hiring committee?", false, true},
		{"who is my HR business partner", false, true},
		{"who's my skip level?", false, true},
		{"I'm the HR business partner for engineering, what does a director own?", false, false},
		{"when is the next promo cycle?", false, true},
		{"how many engineers do we have?", false, true},
		{"what time is my interview?", false, true},
		{"what's the EM career ladder at our company", false, true},
		{"what's the severity scale for incidents here", false, true},
		{"how many hours does a director spend in 1:1s here", false, false},
		{"what would a VP do here?", false, false},
		{"which OKR tool do we use at my startup?", false, true},
		{"who is the VP?", false, false},
		{"when should a director go for VP?", false, false},
		{"how many engineers do we have per director, usually?", false, false},
		{"who is in board meetings more, director or VP?", false, false},
		{"what are the common traps directors fall into here?", true, false},
		{"what should I work on first here?", false, false},
		{"how many teams does a director usually run at our company?", false, false},
		{"what's the best way to get known outside my company", false, false},
		{"what's the headcount budget for my org next year", false, true},
		{"how many directors does our VP have right now", false, true},
		{"when does budget planning kick off this year?", false, true},
		{"what should a director focus on this quarter?", false, false},
		{"how many 1:1s does a director usually have this week?", false, false},
		{"what has to change from how I work today?", false, false},
		{"what are my priorities as a new director this quarter?", false, false},
		{"what's my biggest blind spot right now?", false, false},
		{"when is the right time to ask for my promotion to VP this year?", false, false},
		{"how many direct reports is too many for me right now?", false, false},
		{"what's the budget for my team next year", false, true},
		{"when does budget planning kick off next month?", false, true},
		{"how many directors does our org have this year?", false, true},
		{"who approves offers for senior hires right now at most companies?", false, false},
		{"where can i find the eng ladder", false, true},
		{"where do i find our runbook for sev1s", false, true},
		{"where do i find docs on what a vp does day to day", false, false},
		{"where should a director's time go?", false, false},
		{"where do i find time for strategy as a director?", false, false},
		{"are we hiring a VP of infrastructure??", false, true},
		{"does our company have a VP of platform", false, true},
		{"do we have a plan for growing directors?", false, false},
		{"who approves headcount here", false, true},
		{"who leads QA here", false, true},
		{"who approves architecture now?", false, false},
		{"on day one who's our VP?", false, true},
		{"where do i see the biggest difference between director and VP?", false, false},
		{"where can i get more exec exposure as a director?", false, false},
		{"are we hiring a director too early with only 12 engineers?", false, false},
		{"do we have a director-level org with 60 engineers across 5 teams?", false, false},
		{"who is supposed to set technical standards here?", false, false},
		{"who owns hiring now, a director?", false, false},
		{"how many direct reports does our VP of eng have", false, true},
		{"how many managers does my VP have?", false, false},
		{"how many direct reports does my director role have?", false, false},
		{"when's the next sync for a director with their reports?", false, false},
		{"how many EMs should my director have", false, false},
		{"when's the next reorg", false, true},
		{"what day is our eng sync", false, true},
		{"what day-to-day work does a director do?", false, false},
		{"what's the EM to director ratio at this company", false, true},
		// A post of the company's at a moment (ownPost), how many report
		// to one, what its own things are and what it did (ours).
		{"does our VP have a budget review next week?", false, true},
		{"has my director hired the new EM yet?", false, true},
		// A past event of the asker's own post; not what it never did.
		{"did my director see my message about the outage?", false, true},
		{"did our director push back the launch date?", false, true},
		{"did my director miss a step by never owning a P&L before going for VP?", false, false},
		{"did a director at my last company ever own a P&L?", false, false},
		{"is our director at the offsite next week", false, true},
		{"how many EMs report directly to our director?", false, true},
		{"how many EMs report to my director?", false, false},
		{"how many EMs should report to our director?", false, false},
		{"what's our on-call rotation?", false, true},
		{"what are our eng values", false, true},
		{"what's our job as directors in a reorg?", false, false},
		{"did we ship the migration?", false, true},
		{"does our director handle perf reviews?", false, false},
		{"is my VP in the office today?", false, false},
		{"does our VP spend more time with the board this quarter than a director?", false, false},
		{"why is our VP in meetings all day today?", false, false},
		{"what's our path to VP?", false, false},
		{"did we promote our EM to director too early?", false, false},
		{"does our VP think I'm ready for director this quarter?", false, false},
		{"does my director have to approve every offer right now?", false, false},
		{"does our director hold a staff meeting every monday?", false, false},
		{"does our director still code these days?", false, false},
		{"will our directors be at the offsite tomorrow?", false, true},
		{"is our director ready for VP yet?", false, false},
		{"is our director coming to the offsite tomorrow too?", false, true},
		{"is our director too busy for 1:1s this week?", false, false},
		{"how many EMs report into our platform director?", false, true},
		{"what were our Q3 results?", false, true},
	}
	for _, tt := range tests {
		if got := r.AboutCompany(asking(tt.question), !tt.story); got != tt.want {
			t.Errorf("AboutCompany(%q, alone %v) = %v, want %v", tt.question, !tt.story, got, tt.want)
		}
	}
}

func TestAsksPay(t *testing.T) {
	t.Parallel()
	r, _ := reader()
	tests := []struct {
		question string
		want     bool
	}{
		{"how much does a director make?", true},
		{"how much money do VPs earn a year?", true},
		{"how much would a VP make in the bay area", true},
		{"how much does a VP make decisions alone?", false},
		{"how much impact does a director make?", false},
		{"what does a VP earn?", true},
		{"what do directors make compared to VPs", true},
		{"what does a director make decisions about?", false},
		{"what impact does a director make?", false},
		{"what does a director make on a typical day?", false},
		{"what should directors make a habit of in their first year?", false},
		{"what does a director make in a week - decisions, docs, plans?", false},
		{"what do VPs make per year?", true},
		// Pay by name.
		{"whats the pay like for a vp", true},
		{"what about pay for a director?", true},
		{"how's the pay?", true},
		{"what's the pay-off of becoming a VP?", false},
		{"what is the pay back period of a platform investment?", false},
		{"how should a director pay down tech debt?", false},
		{"what should a director pay attention to?", false},
		// Pay named beside the role.
		{"what's the VP salary?", true},
		{"director comp?", true},
		{"the salary of a senior director", true},
		{"pay for a director", true},
		{"what do we pay directors", true},
		{"does a VP pay attention to details?", false},
		{"how do I talk to my director about my raise?", false},
		{"what's director pay like?", true},
		{"what should senior directors pay close attention to?", false},
		{"should a director pay for team offsites out of their budget?", false},
		{"who should pay for a director's conference ticket?", false},
		{"APM starting salary?", false}, // no role the list knows
		{"director starting salary?", true},
		{"senior director base compensation", true},
		{"whats the band for a senior director", true},
		{"what's the salary range for a senior director?", true},
		{"how much more does a VP make than a director?", true},
		{"how much more does a VP make of the strategy?", false},
		{"the pay scale of a director", true},
		{"what range of teams does a director own?", false},
		{"the salary gap for a director who moves", false},
		{"which band of engineers does a director lead?", false},
		{"director base salary", true},
		{"senior director max base salary?", true},
		{"how does a director negotiate salary for new hires?", false},
		{"can a director approve compensation changes?", false},
	}
	for _, tt := range tests {
		if got := r.Cast.AsksPay(Words(tt.question)); got != tt.want {
			t.Errorf("AsksPay(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
	// The role whose pay is asked, where one is named.
	for q, want := range map[string]string{
		"how much does a CTO make?":            "CTO",
		"the salary band for a staff engineer": "staff engineer",
		"what's director pay like?":            "director",
		"how's the pay?":                       "",
	} {
		m, ok := r.Cast.PaidRole(Words(q))
		if ok != (want != "") || ok && !strings.EqualFold(m.Name, want) {
			t.Errorf("PaidRole(%q) = %+v, %v, want %q", q, m, ok, want)
		}
	}
}
