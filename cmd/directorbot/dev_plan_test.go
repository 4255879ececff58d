package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// devOutput runs dev with args on the lines typed, and returns what it
// printed, in order.
func devOutput(t *testing.T, args []string, lines ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader(strings.Join(append(lines, "quit"), "\n") + "\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, append([]string{"dev"}, args...)); code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errOut.String(), out.String())
	}
	if errOut.Len() > 0 {
		t.Errorf("stderr: %s", errOut.String())
	}
	if strings.Contains(out.String(), "SLACK REFUSES") {
		t.Errorf("a reply was refused:\n%s", out.String())
	}
	return out.String()
}

// inOrder fails unless text holds each of wants, in order.
func inOrder(t *testing.T, text string, wants ...string) {
	t.Helper()
	at := 0
	for _, want := range wants {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("output lacks %q after position %d:\n%s", want, at, text)
		}
		at += i + len(want)
	}
}

// TestDevRunsThePlainDMFlow: the Messages tab's welcome and its prompts,
// the self-assessment ticked and submitted, the plan, /director plan, and
// forget me, all in the terminal.
func TestDevRunsThePlainDMFlow(t *testing.T) {
	t.Parallel()
	out := devOutput(t, nil,
		"messages", "click Build my transition plan", "tick 2 5 6", "click Build my plan",
		"/director plan", "/director forget me", "/director plan")
	inOrder(t, out,
		"── chat.postMessage to DDEV ──\n👋 Hi! I'm Director Bot",
		"[Am I ready for VP?] [Director vs VP in one table] [What does a VP's week look like?] [Build my transition plan]",
		"── chat.postMessage to DDEV ──\nCareer Progression Indicators",
		" 1 [ ] Ability to set and execute multi-year technical strategy",
		" 2 [x] Strong relationships with C-level executives",
		" 5 [x] External visibility and thought leadership",
		"── chat.update to DDEV (in place of the message clicked) ──\nYour transition plan",
		"you show 3 of 7",
		"⬜ Composure and judgment during crises\n→ 5. Handle Ambiguity and Crisis",
		"── ack (only you can see this) ──\nYour transition plan",
		"── ack (only you can see this) ──\n🗑 Done: I've deleted everything I kept about you: your self-assessment",
		"── ack (only you can see this) ──\nCareer Progression Indicators",
		" 2 [ ] Strong relationships",
	)
}

// TestDevRunsTheAgentFlow: with --agent, a new thread's suggested prompts,
// a prompt picked, the assessment and the plan in the thread.
func TestDevRunsTheAgentFlow(t *testing.T) {
	t.Parallel()
	out := devOutput(t, []string{"--agent"}, "thread", "prompt 4", "tick 7", "click Build my plan", "how long does the transition take?")
	inOrder(t, out,
		"── assistant.threads.setSuggestedPrompts in thread",
		"prompt 3: What does a VP's week look like?\n  prompt 4: Build my transition plan",
		"── chat.postMessage to DDEV in thread", "👋 Hi!",
		"── chat.postMessage to DDEV in thread", "Career Progression Indicators",
		" 7 [x] Composure and judgment during crises",
		"── chat.update to DDEV in thread", "(in place of the message clicked) ──\nYour transition plan", "you show 1 of 7",
		"── chat.postMessage to DDEV in thread", "Timeline",
	)
	if strings.Contains(out, "── chat.postMessage to DDEV ──") {
		t.Errorf("a reply outside the agent thread:\n%s", out)
	}
}

func TestDevThreadNeedsTheAgentFeature(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader("thread\nquit\n"), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errOut.String(), "run dev --agent") {
		t.Errorf("stderr: %q", errOut.String())
	}
}
