package thesaurus

import (
	"strings"
	"testing"
)

func TestThesaurusFoldsPhrasesHoweverSpelled(t *testing.T) {
	t.Parallel()
	th, err := Read(File{"thesaurus.txt", Default})
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
		{name: "a phrase without a word", text: "alpha\nvery good, quite fine\n", wantErr: "custom.txt:2"},
		{name: "a one-way rule without a target", text: "mgr =>\n", wantErr: "custom.txt:1"},
		{name: "an entry that starts with punctuation", text: "alpha\n$$, $$$ => budget\n", wantErr: "custom.txt:2"},
		{name: "a phrase that ends with punctuation", text: "pnl, p&l, p&\n", wantErr: "custom.txt:1"},
	}
	for _, tt := range tests {
		th, err := Read(File{"custom.txt", []byte(tt.text)})
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

// FuzzHeldFindsEveryMatch checks the shortcut that spares the rules'
// expressions: any rule whose expression matches a text is among those the
// text is found to hold.
func FuzzHeldFindsEveryMatch(f *testing.F) {
	for _, seed := range []string{
		"Vice-President of P & L", "one-on-one 1:1s", "P&amp;L day to day", "x-functional xfn", "cLevel c-suite",
		"how big is a dir's org?", "sign-off on $$", "tech  debt, cruft",
	} {
		f.Add(seed)
	}
	th, err := Read(File{"thesaurus.txt", Default})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range []rewriter{th.phrases, th.rewrites} {
			held := w.held(text)
			for i, r := range w.rules {
				if !held[i] && r.re().MatchString(text) {
					t.Fatalf("%q matches rule %v (%q) but was not found to hold it", text, i, r.re())
				}
			}
		}
	})
}
