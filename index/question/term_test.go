package question

import "testing"

func TestTerm(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"what's a P&L":                            "P&L",
		"what is a P&L?":                          "P&L",
		"What does IC mean here?":                 "IC",
		"what does 'own a domain' mean":           "own a domain",
		"define build vs buy":                     "build vs buy",
		"meaning of succession planning?":         "succession planning",
		"what do you mean by talent magnet":       "talent magnet",
		"what is the meaning of a director bench": "director bench",
		"what is ROI":                             "ROI",
		"what are KPIs?":                          "KPIs",
		"hi! what's an RFC":                       "RFC",
		"KPI meaning":                             "KPI",
		"what does M&A stand for":                 "M&A",
		"whats a skip level":                      "skip level",
		"i'm new here, what is a reorg?":          "reorg",
		// Facts, worth and more of a question are no term's meaning.
		"what is the timeline?":                             "",
		"what is scope":                                     "",
		"what is a good org size":                           "",
		"what is a typical day like":                        "",
		"what is a director's span of control at a startup": "",
		"what does a director do?":                          "",
		"what does this mean":                               "",
		"what do you mean":                                  "",
		"what does my manager mean by bar raiser":           "",
		"what does it mean to own a domain":                 "own a domain",
		"what does it mean KPIs":                            "KPIs",
		"what means skip-level?":                            "skip-level",
		"in film, what is a P&L":                            "",
		"so much meaning":                                   "",
		"what does a VP mean for my team":                   "",
		"is the ROI worth it":                               "",
		"what's the ROI?":                                   "",
		"what are the KPIs":                                 "",
	}
	for q, want := range tests {
		if got, loose := Term(q); got != want || loose {
			t.Errorf("Term(%q) = %q, %v; want %q, not loose", q, got, loose, want)
		}
	}
}

// TestLooseTerm: "what is" and two or three words that are no initialism
// ask a term's meaning only where the guide uses it (index.undefined).
func TestLooseTerm(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"what is build vs buy":           "build vs buy",
		"what is succession planning":    "succession planning",
		"whats stakeholder management":   "stakeholder management",
		"what is scope":                  "",
		"what is the span":               "",
		"what is a good director":        "",
		"what is expected of a director": "",
	}
	for q, want := range tests {
		got, loose := Term(q)
		if got != want || want != "" && !loose {
			t.Errorf("Term(%q) = %q, %v; want %q, loose", q, got, loose, want)
		}
	}
}

func TestNamed(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]string{
		"what is the Eng Council?":       "Eng Council",
		"whats the promo packet exactly": "promo packet",
		"what are the guardrails":        "guardrails",
		// Not "the": Term's; worth and more of a question: none.
		"what is a P&L":                         "",
		"what is the best org size":             "",
		"what is the day like":                  "",
		"what is the timeline for my promotion": "",
		"who is the eng council":                "",
	} {
		if got := Named(q); got != want {
			t.Errorf("Named(%q) = %q, want %q", q, got, want)
		}
	}
}
