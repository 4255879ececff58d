package question

import "testing"

func TestOrdinal(t *testing.T) {
	t.Parallel()
	tests := map[string]int{
		"the second one":                   2,
		"what about the 3rd?":              3,
		"and the third?":                   3,
		"tell me more about the first one": 1,
		"the 2nd pitfall":                  2,
		"#4":                               4,
		"number 5 pls":                     5,
		"the last one":                     -1,
		"2":                                2,
		// Anything else asks of its own.
		"the second time I asked":                    0,
		"why is the second one first?":               0,
		"what does a director do in the first year?": 0,
		"who are the first people to hire":           0,
		"in 2026":                                    0,
		"the first and the second":                   0,
		"hello":                                      0,
		"what about the first year?":                 0,
		"and the last week?":                         0,
		"the first time":                             0,
		"no 2 years":                                 0,
	}
	for q, want := range tests {
		if got, _ := Ordinal(q); got != want {
			t.Errorf("Ordinal(%q) = %d, want %d", q, got, want)
		}
	}
	for q, want := range map[string]string{"the second one": "", "the 2nd pitfall": "pitfall", "and the first skill?": "skill", "hello": ""} {
		if _, got := Ordinal(q); got != want {
			t.Errorf("Ordinal(%q) names %q, want %q", q, got, want)
		}
	}
}
