package console

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// TestPrintsRefusals shows a reply the fake Slack refuses printed
// loudly, with Slack's error and its place in the payload.
func TestPrintsRefusals(t *testing.T) {
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
	s := New(fake, "/director", &out, &out, false, false)
	s.printRefusals()
	for _, want := range []string{"SLACK REFUSES THIS REPLY: invalid_blocks", "`action_id` \"topic\" already exists [json-pointer:/blocks/0/elements/1/action_id]", "never shown"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	s.printRefusals()
	if out.Len() != 0 {
		t.Errorf("a refusal printed twice: %s", out.String())
	}
}

// TestWaitsForTheGuideToLearn: a Home that says the guide is still
// learning a lesson is followed, before the next line, by the Home
// published once it has.
func TestWaitsForTheGuideToLearn(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	api := slack.New("xoxb-dev", slack.OptionAPIURL(fake.APIURL()))
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	publish := func(learning bool) {
		if _, err := api.PublishView("UDEV", blockkit.App{}.AdminHome(g, report.Report{}, blockkit.Teaching{Learning: learning}), ""); err != nil {
			t.Error(err)
		}
	}
	publish(true)
	go func() {
		time.Sleep(2 * replyQuiet)
		publish(false)
	}()
	var out bytes.Buffer
	New(fake, "/director", &out, &out, false, false).printReplies(time.Second)
	if n := strings.Count(out.String(), "views.publish (Home tab)"); n != 2 || strings.Count(out.String(), "still learning") != 1 {
		t.Errorf("printed %d Homes; want the one still learning, then the next:\n%s", n, out.String())
	}
}

// TestClickTargets reads "click": the label as typed, then, when it ends
// in a number, that button of the label before it.
func TestClickTargets(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typed string
		want  []clickTarget
	}{
		{"Full table", []clickTarget{{"Full table", 1}}},
		{"Undo 2", []clickTarget{{"Undo 2", 1}, {"Undo", 2}}},
		{"Topic 0", []clickTarget{{"Topic 0", 1}}},
		{"👎", []clickTarget{{"👎", 1}}},
	} {
		if got := clickTargets(tc.typed); !slices.Equal(got, tc.want) {
			t.Errorf("clickTargets(%q) = %v; want %v", tc.typed, got, tc.want)
		}
	}
}

// TestClicksOnTheMessageClicked: a click on a button of a message the bot
// posted is a click on that message, by its ts, so that a reply in its
// thread goes under it.
func TestClicksOnTheMessageClicked(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	api := slack.New("xoxb-dev", slack.OptionAPIURL(fake.APIURL()))
	btn := slack.NewButtonBlockElement("topic", "a", slack.NewTextBlockObject(slack.PlainTextType, "Open", false, false))
	_, ts, err := api.PostMessage("DDEV", slack.MsgOptionText("t", false), slack.MsgOptionBlocks(slack.NewActionBlock("b1", btn)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s := New(fake, "/director", &out, &out, false, false)
	s.printReplies(0)
	env, _, ok := s.click("Open")
	if !ok {
		t.Fatalf("no click:\n%s", out.String())
	}
	container, _ := env["payload"].(map[string]any)["container"].(map[string]any)
	if container["message_ts"] != ts {
		t.Errorf("clicked on message %v, want the one posted, %s", container["message_ts"], ts)
	}
}

// TestClicksOnAPrivateReply: a reply through a response_url has a ts
// Slack does not tell the app, which every click on it carries, as
// Slack's clicks on one message do, a second apart as at once: the bot
// tells a click again on the same answer by it.
func TestClicksOnAPrivateReply(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	api := slack.New("xoxb-dev", slack.OptionAPIURL(fake.APIURL()))
	btn := slack.NewButtonBlockElement("more", "a@1", slack.NewTextBlockObject(slack.PlainTextType, "Continue reading", false, false))
	url := fake.ResponseURL("private")
	_, _, _, err := api.SendMessage("", slack.MsgOptionResponseURL(url, slack.ResponseTypeEphemeral), slack.MsgOptionText("t", false), slack.MsgOptionBlocks(slack.NewActionBlock("b1", btn)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s := New(fake, "/director", &out, &out, false, false)
	s.printReplies(0)
	var clicked []any
	for i := range 2 {
		if i > 0 {
			time.Sleep(1100 * time.Millisecond)
		}
		env, _, ok := s.click("Continue reading")
		if !ok {
			t.Fatalf("no click:\n%s", out.String())
		}
		container, _ := env["payload"].(map[string]any)["container"].(map[string]any)
		clicked = append(clicked, container["message_ts"])
	}
	if clicked[0] == "" || clicked[0] != clicked[1] {
		t.Errorf("clicks on one private reply carry message_ts %q; want one, the same", clicked)
	}
}

// TestPrintsWhatComesBetweenLines: a message the bot posts on its own, a
// while after the last line, prints as it comes, while no other line is
// typed, and once only, though the session's end prints what is pending.
func TestPrintsWhatComesBetweenLines(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	api := slack.New("xoxb-dev", slack.OptionAPIURL(fake.APIURL()))
	typed, typing := io.Pipe()
	var out lockedBuffer
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		New(fake, "/director", &out, &out, false, false).Run(t.Context(), typed)
	}()
	go func() {
		time.Sleep(2 * replyQuiet)
		said := slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "The guide has not changed.", false, false), nil, nil)
		if _, _, err := api.PostMessage("DDEV", slack.MsgOptionText("The guide has not changed.", false), slack.MsgOptionBlocks(said)); err != nil {
			t.Error(err)
		}
	}()
	const posted = "── chat.postMessage to DDEV ──\nThe guide has not changed."
	if !fake.WaitFor(10*time.Second, func() bool { return strings.Contains(out.String(), posted) }) {
		t.Errorf("the message posted is not printed while no line is typed:\n%s", out.String())
	}
	typing.Close()
	<-ended
	if n := strings.Count(out.String(), posted); n != 1 {
		t.Errorf("the message posted is printed %d times:\n%s", n, out.String())
	}
}

// lockedBuffer is a buffer a session writes to while a test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
