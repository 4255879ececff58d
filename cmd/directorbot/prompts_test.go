package main

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/directorbot/directorbot/content"
)

// promptsPage is a guide without a plan whose prompts are one of each:
// answered, refused, help and a plan.
const promptsPage = `---
prompts:
  - What does a Director own?
  - title: Pay
    message: What's the salary of a director?
  - hi
  - Build my transition plan
---
# Roles

## Director

### Director Scope

A Director owns several teams, their budget and their hiring plan.

## VP

### VP Scope

A VP owns the engineering organization and its strategy.
`

// TestPromptReplies: eval tells what each of the guide's own prompts
// gets, and serve logs only those that get no answer from the guide.
func TestPromptReplies(t *testing.T) {
	t.Parallel()
	notes := map[string]bool{ // the note, and whether serve logs it
		`the prompt "What does a Director own?" is answered by "Director Scope" (director/director-scope): check it is the section meant`:                    false,
		`the prompt "Pay" (it sends "What's the salary of a director?") gets no answer (outside_topic): word it as a question the guide answers, or drop it`: true,
		`the prompt "hi" gets the help message, not an answer: word it as a question the guide answers, or drop it`:                                          true,
		`the prompt "Build my transition plan" asks for a plan, and the guide offers none: it gets the reply that there is no plan`:                          true,
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "roles.md"), []byte(promptsPage), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errOut := runCLI(t, "eval", "--guide", dir)
	var logs bytes.Buffer
	g, err := content.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	logGuideNotes(t.Context(), slog.New(slog.NewTextHandler(&logs, nil)), builtIndex(t, g))
	for note, logged := range notes {
		if !strings.Contains(out, "note: "+note+"\n") {
			t.Errorf("eval does not say %q:\n%s%s", note, out, errOut)
		}
		if got := strings.Contains(logs.String(), strconv.Quote(note)); got != logged {
			t.Errorf("serve logs %q: %v, want %v:\n%s", note, got, logged, logs.String())
		}
	}
}

// TestPromptWrongly: a prompt that forgets whoever clicks it, or that
// asks about one role and is answered from another's part of the guide, is
// told.
func TestPromptWrongly(t *testing.T) {
	t.Parallel()
	const body = "# Roles\n\n## Director\n\n### How a Director Spends Time\n\nA Director spends time on hiring and on the teams' delivery.\n\n## VP\n\n### VP Scope\n\nA VP owns the organization.\n"
	for prompt, want := range map[string]string{
		"forget me":                     `the prompt "forget me" deletes the plan and conversation of whoever clicks it: it asks the bot to forget them`,
		"What does a VP spend time on?": `the prompt "What does a VP spend time on?" asks about the VP and is answered from the part about the Director, "How a Director Spends Time": word it as a question the guide answers, or drop it`,
	} {
		t.Run(prompt, func(t *testing.T) {
			t.Parallel()
			page := "---\nprompts:\n  - " + prompt + "\n---\n" + body
			g, err := content.Load(fstest.MapFS{"roles.md": {Data: []byte(page)}})
			if err != nil {
				t.Fatal(err)
			}
			replies, err := promptReplies(t.Context(), builtIndex(t, g))
			if err != nil {
				t.Fatal(err)
			}
			if len(replies) != 1 || replies[0].note != want || !replies[0].wrong {
				t.Errorf("replies = %+v, want one wrong: %q", replies, want)
			}
		})
	}
}
