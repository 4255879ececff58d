package store

import "testing"

// TestWithoutSecrets: tokens and email addresses, in any script, are
// masked wherever the bot keeps or logs text; the words around them stay.
func TestWithoutSecrets(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"my token is xoxb-1-2-abc, why?":               "my token is [token], why?",
		"ask jane.doe+vp@example.co.uk about it":       "ask [email] about it",
		"mail josé@exämple.de or jose@müller.de today": "mail [email] or [email] today",
		"Ж@пример.рф":                                  "[email]",
		"director@ scale and @here":                    "director@ scale and @here",
		"what does a director do":                      "what does a director do",
	}
	for in, want := range tests {
		if got := WithoutSecrets(in); got != want {
			t.Errorf("WithoutSecrets(%q) = %q, want %q", in, got, want)
		}
	}
}
