package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/slack-go/slack"
)

// TestDevShowsWhatSlackDraws drives dev through answers and clicks: each
// reply prints in Slack's drawn order, with the table last, and none is
// refused.
func TestDevShowsWhatSlackDraws(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader("@bot who does a VP report to?\nclick Full table\n/director skills\nclick 👎\nclick Nothing\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	text := out.String()
	if strings.Contains(text, "SLACK REFUSES") {
		t.Errorf("a reply was refused:\n%s", text)
	}
	// The matched row first, the buttons, then the table at the bottom.
	order := []string{
		"Comparison: Director vs VP\n==========================",
		"> Reports to — Director: VP or Senior Director · VP: CTO, CEO, or Board",
		"[Full table]",
		"[👍] [👎]",
		"Table: Comparison: Director vs VP",
		"Reports to │ VP or Senior Director │ CTO, CEO, or Board",
		// The Full table click answers in the thread, with every row.
		"── chat.postMessage to CDEV in thread",
		"Team size",
		"── ack (only you can see this) ──\nKey Skill Sets",
		"── response_url (only you can see this) ──\nThanks for the feedback! Try asking in other words",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("output lacks %q after position %d:\n%s", want, at, text)
		}
		at += i + len(want)
	}
	if !strings.Contains(errOut.String(), `no button "Nothing"`) {
		t.Errorf("a click on a missing button should say so: %q", errOut.String())
	}
}

// TestDevPrintsRefusals shows a reply the fake Slack refuses printed
// loudly, with Slack's error and its place in the payload.
func TestDevPrintsRefusals(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	api := slack.New("xoxb-dev", slack.OptionAPIURL(fake.APIURL()))
	twice := []slack.BlockElement{
		slack.NewButtonBlockElement("topic", "a", slack.NewTextBlockObject(slack.PlainTextType, "A", false, false)),
		slack.NewButtonBlockElement("topic", "b", slack.NewTextBlockObject(slack.PlainTextType, "B", false, false)),
	}
	_, _, err := api.PostMessage("C1", slack.MsgOptionText("t", false), slack.MsgOptionBlocks(slack.NewActionBlock("", twice...)))
	if err == nil {
		t.Fatal("the fake accepted two buttons with one action_id")
	}
	var out bytes.Buffer
	d := devSession{env: &environment{stdout: &out}, fake: fake}
	d.printRefusals()
	for _, want := range []string{"SLACK REFUSES THIS REPLY: invalid_blocks", "`action_id` \"topic\" already exists [json-pointer:/blocks/0/elements/1/action_id]", "never shown"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	d.printRefusals()
	if out.Len() != 0 {
		t.Errorf("a refusal printed twice: %s", out.String())
	}
}
