package bot

import "testing"

func TestStripMention(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"<@UBOT> how is a VP different?":     "how is a VP different?",
		"<@UBOT>: what does a director do?":  "what does a director do?",
		"<@UBOT|bot>, skills":                "skills",
		"<@UBOT>:":                           "",
		"<@UBOT> :rocket:":                   ":rocket:",
		"<@UBOT>:rocket: skills":             ":rocket: skills",
		"  <@UBOT>   :thinking_face: :tada:": ":thinking_face: :tada:",
		"hey <@UBOT> skills":                 "hey <@UBOT> skills",
		"<@UBOT> ,how much equity?":          "how much equity?",
		"<@UBOT>:help":                       "help",
		"<@UBOT>: :rocket:":                  ":rocket:",
	}
	for text, want := range tests {
		if got := stripMention(text); got != want {
			t.Errorf("stripMention(%q) = %q, want %q", text, got, want)
		}
	}
}
