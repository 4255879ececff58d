package blockkit

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/index"
)

func TestNewApp(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, command         string
		wantName, wantCommand string
		wrong                 string // in the error, "" for none
	}{
		{"", "", DefaultName, DefaultCommand, ""},
		{"  Career Guide  ", "/career", "Career Guide", "/career", ""},
		{"Ladder", "ladder-help", "Ladder", "/ladder-help", ""},
		{"", "/karriere_ü", DefaultName, "/karriere_ü", ""},
		{"@Ladder", "/hr.guide", "Ladder", "/hr.guide", ""},
		{"Career\u2028Guide", "", "", "", "line break"},
		{"", "/Career", "", "", "not one Slack accepts"},
		{strings.Repeat("n", 80), "", strings.Repeat("n", 80), DefaultCommand, ""},
		{strings.Repeat("n", 81), "", "", "", "81 characters"},
		{"Career\nGuide", "", "", "", "line break"},
		{"The `Guide`", "", "", "", "backtick"},
		{"", "/career guide", "", "", "not one Slack accepts"},
		{"", "/", "", "", "not one Slack accepts"},
		{"", "/" + strings.Repeat("c", 32), "", "", "not one Slack accepts"},
		{"", "/c`", "", "", "not one Slack accepts"},
	} {
		app, err := NewApp(tc.name, tc.command)
		switch {
		case tc.wrong == "" && err != nil:
			t.Errorf("NewApp(%q, %q): %v", tc.name, tc.command, err)
		case tc.wrong != "" && (err == nil || !strings.Contains(err.Error(), tc.wrong)):
			t.Errorf("NewApp(%q, %q) = %v, want an error saying %q", tc.name, tc.command, err, tc.wrong)
		case tc.wrong == "" && (app.Name() != tc.wantName || app.Command() != tc.wantCommand):
			t.Errorf("NewApp(%q, %q) = %q, %q; want %q, %q", tc.name, tc.command, app.Name(), app.Command(), tc.wantName, tc.wantCommand)
		}
	}
}

// TestAppNamesEverywhere renders every message that says how to ask, for
// an app named otherwise: none may name the default's bot or command.
func TestAppNamesEverywhere(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	g := ix.Guide()
	app, err := NewApp("Career & Ladder", "/ladder")
	if err != nil {
		t.Fatal(err)
	}
	closing, err := ix.Closers(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	k := Keeping{Questions: true, Retention: 90 * 24 * time.Hour, Conversation: time.Hour}
	chat := func(message string) Message {
		msg, ok := app.Chat(g, message, k)
		if !ok {
			t.Fatalf("Chat(%q) is not chat", message)
		}
		return msg
	}
	form, _ := app.Assessment(g, nil)
	noAnswer, _ := app.Answer(Found{Question: "what is the capital of France?", Result: index.Result{Why: index.OutsideTopic}}, true, "")
	messages := map[string]any{
		"help":               chat("help"),
		"about the bot":      chat("who sees what I ask?"),
		"small talk":         chat("tell me a joke"),
		"thanks":             chat("thanks!"),
		"missed":             chat("that's not what I asked"),
		"reload how":         chat("reload"),
		"home":               app.Home(g),
		"admins' home":       app.AdminHome(g, report.Report{Since: time.Now().Add(-7 * 24 * time.Hour), Until: time.Now()}, Teaching{}),
		"welcome":            app.Welcome(g, k),
		"welcome thread":     app.WelcomeThread(g, k),
		"greeting":           app.Greeting(g),
		"nothing before":     app.NothingBefore(g),
		"gone":               app.Gone(),
		"thanks for a 👎":     app.Thanks(false),
		"no more":            app.NoMore(),
		"no more of refusal": app.NoMoreOfRefusal(),
		"reload notice":      app.ReloadNotice("The guide was reloaded.", nil),
		"assessment":         form,
		"plan":               app.Plan(g.Path(), closing, nil, time.Time{}),
		"not sent: plan":     app.NotSentPrivately(false),
		"not sent: forget":   app.NotSentPrivately(true),
		"no answer":          noAnswer,
	}
	for name, msg := range messages {
		raw, err := json.Marshal(msg)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		if strings.Contains(text, "/director") || strings.Contains(text, DefaultName) {
			t.Errorf("%s names the default app:\n%s", name, text)
		}
		if !strings.Contains(text, "/ladder") && !strings.Contains(text, "Career \\u0026amp; Ladder") && !strings.Contains(text, "Career &amp; Ladder") {
			t.Errorf("%s names neither the app's command nor its name:\n%s", name, text)
		}
	}
}

// TestAppNameInChat: a message that names the app as installed reads as
// one that names "bot", and a question of its name gets help, which
// names it.
func TestAppNameInChat(t *testing.T) {
	t.Parallel()
	app, err := NewApp("Career Compass", "/compass")
	if err != nil {
		t.Fatal(err)
	}
	g := guidetest.Embedded(t).Guide()
	for _, tc := range []struct {
		message string
		want    string // in the reply, "" for a question to search
	}{
		{"thanks, Career Compass!", "Glad to help"},
		{"career compass how are you", "no small talk"},
		{"what is your name?", "Career Compass"},
		{"are you career compass?", "Career Compass"},
		{"what does a director do?", ""},
		{"career compasses for new directors?", ""},
	} {
		msg, ok := app.Chat(g, tc.message, Keeping{})
		switch text := Readable(msg); {
		case tc.want == "" && ok:
			t.Errorf("Chat(%q) = %.200s, want a question to search", tc.message, text)
		case tc.want != "" && !strings.Contains(text, tc.want):
			t.Errorf("Chat(%q) = %.200s (chat %v), want %q", tc.message, text, ok, tc.want)
		}
	}
	if !app.IsGreeting("hi Career Compass") || (App{}).IsGreeting("hi Career Compass") || !app.IsGreeting("Career Compass!") {
		t.Error("a greeting names the app as installed, not the default")
	}
	// A name that is a word of the guide's is read as the guide's, but
	// where greetings and thanks name the bot.
	ladder, err := NewApp("Ladder", "/ladder")
	if err != nil {
		t.Fatal(err)
	}
	for message, chat := range map[string]bool{"ladder?": false, "who owns this ladder's rungs?": false, "thanks, Ladder!": true, "hi ladder": true,
		"what is a career ladder?": false, "how do I climb the ladder": false} {
		if _, ok := ladder.Chat(g, message, Keeping{}); ok != chat {
			t.Errorf("with the app named Ladder, Chat(%q) is chat: %v, want %v", message, ok, chat)
		}
	}
}
