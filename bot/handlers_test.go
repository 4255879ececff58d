package bot

import (
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
)

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

// TestAppNamedOtherwise serves an app installed as "Ladder", /ladder: its
// help names them, and a command under another name is still answered,
// its name logged once as a setting to fix.
func TestAppNamedOtherwise(t *testing.T) {
	t.Parallel()
	app, err := blockkit.NewApp("Ladder", "/ladder")
	if err != nil {
		t.Fatal(err)
	}
	h := startServerOn(t, fakeslack.New(), guidetest.Embedded(t), func(c *Config) { c.App = app })
	command := func(name, text string) string {
		e := h.fake.NamedCommand(name, text, "U1", "C1")
		h.send(t, e)
		return string(h.ackFor(t, e.ID()).Payload)
	}
	help := command("/ladder", "help")
	if !strings.Contains(help, "`/ladder plan`") || !strings.Contains(help, "`@Ladder`") || strings.Contains(help, "/director") {
		t.Errorf("help does not name the app's command and name:\n%s", help)
	}
	if strings.Contains(h.logs.String(), "SLASH_COMMAND") {
		t.Errorf("the app's own command is logged as misnamed:\n%s", h.logs.String())
	}
	for range 2 {
		if reply := command("/director", "skills"); !strings.Contains(reply, "Key Skill Sets") {
			t.Errorf("a command under another name is not answered:\n%s", reply)
		}
	}
	if n := strings.Count(h.logs.String(), `"SLASH_COMMAND":"/ladder"`); n != 1 {
		t.Errorf("a command under another name is logged %d times, want once:\n%s", n, h.logs.String())
	}
}
