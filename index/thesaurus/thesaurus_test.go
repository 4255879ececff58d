package thesaurus

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestThesaurusFoldsPhrasesHoweverSpelled(t *testing.T) {
	t.Parallel()
	th, err := Read(File{Name: "thesaurus.txt", Text: Default})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"Vice President": "vp", "VICE-PRESIDENTS": "vp", "vice  president": "vp",
		"Engineering Managers": "em", "eng-manager": "em", "an Individual Contributor": "ic",
		"One-on-One": "oneonone", "1:1s": "oneonone", "1 on 1": "oneonone", "oneonones": "oneonone",
		"Profit & Loss": "pnl", "P&L": "pnl", "p & l": "pnl", "P&amp;L": "pnl", "PnL": "pnl",
		"C-level": "executive", "c suite": "executive", "CLevel": "executive",
		"Day-to-Day": "daily", "day to day": "daily", "Post-mortems": "postmortem", "postmortem": "postmortem",
		"Post-incident Reviews": "postmortem", "post incident review": "postmortem",
	}
	for text, want := range tests {
		if got := strings.Fields(strings.ToLower(th.Rewrite(text))); len(got) == 0 || got[len(got)-1] != want {
			t.Errorf("rewrite(%q) = %q, want it to end in %q", text, got, want)
		}
	}
	if got := th.Rewrite("Is a VP the same as a vice-president?"); !strings.Contains(got, " vp ") || strings.Contains(got, "vice") {
		t.Errorf("rewrite = %q", got)
	}
	if got := th.Expand("Day-to-day work"); got != "Day-to-day daily work" {
		t.Errorf("expand = %q", got)
	}
}

func TestThesaurusFormat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		check      func(*Thesaurus) string
		wantErr    string
	}{
		{name: "synonyms", text: "# comment\n\nalpha, Beta,gamma\n", check: func(th *Thesaurus) string {
			if len(th.Synonyms) != 1 || strings.Join(th.Synonyms[0], " ") != "alpha beta gamma" {
				return "synonyms " + strings.Join(th.Synonyms[0], " ")
			}
			return ""
		}},
		{name: "one way", text: "mgr, mgrs => manager\nskip level => skip-level manager\n", check: func(th *Thesaurus) string {
			if got := th.Rewrite("ask my mgr about a skip-level"); got != "ask my  manager  about a  skip-level manager " {
				return "rewrite " + got
			}
			return ""
		}},
		{name: "a phrase without a word", text: "alpha\nvery good, quite fine\n", wantErr: `custom.txt:2: "very good, quite fine" has phrases but no single word to fold them into: start the line with one word`},
		{name: "another arrow", text: "mgr -> manager\n", wantErr: `a one-way rule is written with "=>"`},
		{name: "an equals sign", text: "mgr = manager\n", wantErr: `a one-way rule is written with "=>"`},
		{name: "a slash within an entry", text: "head of product/design, product lead\n", wantErr: `has phrases but no single word to fold them into: start the line with one word`},
		{name: "a one-way rule without a target", text: "mgr =>\n", wantErr: "custom.txt:1"},
		{name: "a one-way rule without a source", text: "=> manager\n", wantErr: "custom.txt:1: a one-way rule needs words on both sides of =>"},
		{name: "two rules on a line", text: "mgr => manager => boss\n", wantErr: "custom.txt:1: \"mgr => manager => boss\" has two =>"},
		{name: "semicolons for commas", text: "budget; finance; spend\n", wantErr: `entries are separated by commas ("cfo, chief financial officer")`},
		{name: "an entry that starts with punctuation", text: "alpha\n$$, $$$ => budget\n", wantErr: "custom.txt:2"},
		{name: "a phrase that ends with punctuation", text: "pnl, p&l, p&\n", wantErr: "custom.txt:1"},
		{name: "an empty entry", text: "alpha\nbudget, , spend\n", wantErr: "custom.txt:2: \"budget, , spend\" has an empty entry"},
		{name: "an empty entry of a one-way rule", text: "mgr,, mgrs => manager\n", wantErr: "custom.txt:1"},
		{name: "a trailing comma", text: "budget, spend,\nmgr, => manager\n", check: func(th *Thesaurus) string {
			if len(th.Synonyms) != 1 || strings.Join(th.Synonyms[0], " ") != "budget spend" {
				return "synonyms " + fmt.Sprint(th.Synonyms)
			}
			return ""
		}},
	}
	for _, tt := range tests {
		th, err := Read(File{Name: "custom.txt", Text: []byte(tt.text)})
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want one naming %s", tt.name, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		default:
			if msg := tt.check(th); msg != "" {
				t.Errorf("%s: %s", tt.name, msg)
			}
		}
	}
}

// TestPhrasesMatchWholeWords pins down where a phrase is found: as whole
// words, with a plural "s", spaced or hyphenated only where its own words
// or punctuation part, and the first of a line's entries where two begin
// at the same place.
func TestPhrasesMatchWholeWords(t *testing.T) {
	t.Parallel()
	th, err := Read(File{Name: "custom.txt", Text: []byte("vp, vice president\npnl, p&l\nlead, team lead time, team lead\n")})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"a Vice President", "a Vice President vp"},
		{"two vice presidents.", "two vice presidents vp."},
		{"vicepresident", "vicepresident vp"},
		{"vice--president", "vice--president vp"},
		{"vic e president", "vic e president"},
		{"vice presidential", "vice presidential"},
		{"avice president", "avice president"},
		{"vice president's", "vice president vp's"},
		{"P & L and p&amp;l", "P & L pnl and p&amp;l pnl"},
		{"p-&l", "p-&l pnl"},
		{"team lead time", "team lead time lead"},
		{"team lead times, team leads", "team lead times lead, team leads lead"},
		{"team lead timer", "team lead lead timer"},
		// A letter outside ASCII is no word boundary, even when it
		// lower-cases to an ASCII one.
		{"vİce president", "vİce president"},
		{"Vİce-President", "Vİce-President"},
		// A number with a letter in brackets is one word.
		{"The 401(k) match is 4%, 403(b) too", "The 401k match is 4%, 403b too"},
		{"Section (k) of 401 (k)", "Section (k) of 401 (k)"},
	}
	for _, tt := range tests {
		if got := th.Expand(tt.text); got != tt.want {
			t.Errorf("Expand(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestHeedingTheGuidesWords leaves a guide's own words as they are: a
// one-way rule reads only words the guide does not say, unless its words
// hold them or the guide's own file wrote it.
func TestHeedingTheGuidesWords(t *testing.T) {
	t.Parallel()
	th, err := Read(
		File{Name: "default", Text: []byte("rituals, ceremonies => recurring meetings\naccountable for => responsible accountable for\ndemo day => sprint demos\nprod => production\n")},
		File{Name: "synonyms.txt", Text: []byte("pager => oncall\n"), Own: true},
	)
	if err != nil {
		t.Fatal(err)
	}
	if said := th.Said(slices.Values([]string{"Nothing of it here."})); said != nil || th.Heeding(said) != th {
		t.Errorf("a guide that says no entry: said %q", said)
	}
	said := th.Said(slices.Values([]string{"Team Rituals", "Who is accountable for it: see the pager and the Demo-Day page.", "Prod Access"}))
	if !slices.Equal(said, []string{"rituals", "demo day", "prod"}) {
		t.Errorf("said %q, want rituals, demo day and prod", said)
	}
	heeding := th.Heeding(said)
	tests := []struct{ question, want string }{
		{"which rituals are mandatory?", "which rituals are mandatory?"},
		{"which ceremonies are mandatory?", "which  recurring meetings  are mandatory?"},
		{"who is accountable for it?", "who is  responsible accountable for  it?"},
		{"when is demo day?", "when is demo day?"},
		{"how do I get prod access?", "how do I get prod access?"},
		{"who carries the pager?", "who carries the  oncall ?"},
	}
	for _, tt := range tests {
		if got := heeding.Rewrite(tt.question); got != tt.want {
			t.Errorf("Rewrite(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
	if got := th.Rewrite("which rituals are mandatory?"); got != "which  recurring meetings  are mandatory?" {
		t.Errorf("the thesaurus itself changed: %q", got)
	}
}

// TestOwnRulesGoFirst: where a guide's own one-way rule reads a phrase a
// default rule reads too, the guide's is the one taken, though its file
// comes after; the default's other entries still read as before.
func TestOwnRulesGoFirst(t *testing.T) {
	t.Parallel()
	th, err := Read(
		File{Name: "default", Text: []byte("stack rank, what to work on first => prioritization\n")},
		File{Name: "synonyms.txt", Text: []byte("stack rank, forced ranking => forced distribution\n"), Own: true},
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ question, want string }{
		{"do we stack rank?", "do we  forced distribution ?"},
		{"what to work on first?", " prioritization ?"},
	} {
		if got := th.Rewrite(tt.question); got != tt.want {
			t.Errorf("Rewrite(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestOutsideOfNamesItsMistakes: a guide's outside.txt adds its lines to
// the search's list and drops a "-word" line's entry from it, in either
// number, or every entry ("-*"); a line that
// names no word ("---"), reads as a list's bullet ("- bonus": add or
// drop?) or drops what the list lacks is an error naming its line, not a
// topic silently never matched; "---" crashed the bot.
func TestOutsideOfNamesItsMistakes(t *testing.T) {
	t.Parallel()
	defaults := Outside()
	tests := []struct {
		text           string
		added, dropped []string
		wantErr        string
	}{
		{text: "", added: nil},
		{text: "# karaoke\nKaraoke\n\nparking  lot\n", added: []string{"karaoke", "parking lot"}},
		{text: "-Salary\n-pay   band\nbonus\n", added: []string{"bonus"}, dropped: []string{"salary", "pay band"}},
		{text: "karaoke\n-karaoke\n", added: nil},
		// Either number of a phrase, as a refusal may name it.
		{text: "-pay bands\n", dropped: []string{"pay band"}},
		// A list that replaces the default.
		{text: "-*\nkaraoke\n", added: []string{"karaoke"}, dropped: Outside()},
		{text: "salary\n- bonus\n", wantErr: `outside.txt:2: "- bonus": write "bonus" to add a topic, or "-bonus" to drop one`},
		{text: "-\n", wantErr: `outside.txt:1: "-" drops nothing: name the word`},
		{text: "hackathon, offsite\n", wantErr: `outside.txt:1: "hackathon, offsite": one word or phrase a line`},
		{text: "-lunchtime\n", wantErr: `outside.txt:1: "-lunchtime" drops nothing: neither the default list nor the lines above hold "lunchtime"`},
		{text: "---\n", wantErr: "outside.txt:1:"},
		{text: "a$$\n", wantErr: "outside.txt:1:"},
		{text: "'s\n", wantErr: "outside.txt:1:"},
	}
	for _, tt := range tests {
		got, err := OutsideOf("outside.txt", []byte(tt.text))
		if tt.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("OutsideOf(%q): error %v, want one starting %q", tt.text, err, tt.wantErr)
			}
			continue
		}
		want := slices.DeleteFunc(slices.Clone(defaults), func(w string) bool { return slices.Contains(tt.dropped, w) })
		if err != nil || !slices.Equal(got, append(want, tt.added...)) {
			t.Errorf("OutsideOf(%q) = %d words ending %q, %v; want the %d defaults but %q, then %q", tt.text, len(got), got[max(len(got)-3, 0):], err, len(defaults), tt.dropped, tt.added)
		}
	}
}

// TestRoleListNamesItsMistakes: a guide's roles.txt keeps each name as
// written, as a reply names the role; a line with a name left
// empty, or one that names no word, is an error naming its line.
func TestRoleListNamesItsMistakes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, want, wantErr string
	}{
		{text: "# ladder\nEM,  engineering   manager\n\nhead of data,\n", want: "EM/engineering manager|head of data"},
		{text: "EM\nCTO, , chief technology officer\n", wantErr: `roles.txt:2: "CTO, , chief technology officer" has an empty name`},
		{text: "EM\n- CTO\n", wantErr: `roles.txt:2: "- CTO" must begin and end with a letter or digit`},
		{text: "---\n", wantErr: "roles.txt:1:"},
		{text: "EM # our managers\n", wantErr: `roles.txt:1: "EM # our managers" holds a #: a comment takes a line of its own`},
		{text: "Product Manager; PM\n", wantErr: `roles.txt:1: "Product Manager; PM" holds a ";": a role's names are separated by commas`},
		{text: "EM\nCPO | chief product officer\n", wantErr: `roles.txt:2: "CPO | chief product officer" holds a "|"`},
	}
	for _, tt := range tests {
		got, err := RoleList("roles.txt", []byte(tt.text))
		var roles []string
		for _, names := range got {
			roles = append(roles, strings.Join(names, "/"))
		}
		switch {
		case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)):
			t.Errorf("RoleList(%q): error %v, want one starting %q", tt.text, err, tt.wantErr)
		case tt.wantErr == "" && (err != nil || strings.Join(roles, "|") != tt.want):
			t.Errorf("RoleList(%q) = %q, %v; want %q", tt.text, roles, err, tt.want)
		}
	}
	if len(Roles()) == 0 {
		t.Error("the embedded roles list is empty")
	}
}

// TestWithRoles: a guide's own role replaces the search's role it shares
// a name with, in any case or punctuation; the search's others stay,
// after the guide's.
func TestWithRoles(t *testing.T) {
	t.Parallel()
	own := [][]string{{"EM", "engineering manager"}, {"senior EM", "sr em"}, {"head of data"}, {"Chief Technology-Officer"}, {"Sr. Director"}}
	got := WithRoles(own)
	if !slices.EqualFunc(got[:len(own)], own, slices.Equal[[]string]) {
		t.Fatalf("WithRoles does not open with the guide's own roles: %q", got[:len(own)])
	}
	has := func(name string) int {
		return slices.IndexFunc(got, func(names []string) bool { return slices.Contains(names, name) })
	}
	if i := has("eng manager"); i >= 0 {
		t.Errorf("the search's EM, which the guide's names, stays: %q", got[i])
	}
	if i := has("CTO"); i >= 0 {
		t.Errorf("the search's CTO, which the guide's names as \"Chief Technology-Officer\", stays: %q", got[i])
	}
	if i := has("director of engineering"); i >= 0 {
		t.Errorf("the search's director, which the guide's names as \"Sr. Director\", stays: %q", got[i])
	}
	if has("CEO") < len(own) || has("staff engineer") < len(own) {
		t.Errorf("the search's roles the guide does not name are gone: %q", got)
	}
	if len(WithRoles(nil)) != len(Roles()) {
		t.Error("no roles of a guide's own leave the search's list as it is")
	}
}
