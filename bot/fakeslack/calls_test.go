package fakeslack_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// TestCallsAfterTellsOfTheNextCall: the channel of CallsAfter closes once
// the bot makes more calls than it was given, not before, and at once for
// calls already made.
func TestCallsAfterTellsOfTheNextCall(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	next := fake.CallsAfter(len(fake.Calls()))
	select {
	case <-next:
		t.Fatal("closed before any call")
	case <-time.After(50 * time.Millisecond):
	}
	if _, _, err := api.PostMessage("D1", slack.MsgOptionText("Budgets", false)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-next:
	case <-time.After(5 * time.Second):
		t.Fatal("not closed after a call")
	}
	select {
	case <-fake.CallsAfter(0):
	default:
		t.Error("not closed at once for a call already made")
	}
}

// TestPayloadIsWhatTheBotSent: a call's payload holds the message's
// fields, its blocks as the JSON the bot sent rather than a string, and
// neither the token nor the ID the fake gives a response_url.
func TestPayloadIsWhatTheBotSent(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	header := slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, "Budgets", false, false))
	if _, _, err := api.PostMessage("D1", slack.MsgOptionText("Budgets: who owns them", false), slack.MsgOptionBlocks(header), slack.MsgOptionTS("1.000001")); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := api.SendMessage("", slack.MsgOptionText("Budgets", false), slack.MsgOptionBlocks(header), slack.MsgOptionResponseURL(fake.ResponseURL("r1"), slack.ResponseTypeEphemeral)); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{
		"chat.postMessage": {"text": `"Budgets: who owns them"`, "channel": `"D1"`, "thread_ts": `"1.000001"`},
		"response_url":     {"text": `"Budgets"`, "response_type": `"ephemeral"`},
	}
	for _, c := range fake.Calls() {
		raw, err := json.Marshal(c.Payload())
		if err != nil {
			t.Fatal(err)
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil {
			t.Fatal(err)
		}
		for k, v := range want[c.Method] {
			if string(fields[k]) != v {
				t.Errorf("%s: %s is %s, want %s: %s", c.Method, k, fields[k], v, raw)
			}
		}
		if !strings.HasPrefix(string(fields["blocks"]), `[{"type":"header"`) {
			t.Errorf("%s: the blocks are not the JSON sent: %s", c.Method, raw)
		}
		for _, gone := range []string{"token", "response_url_id"} {
			if _, ok := fields[gone]; ok {
				t.Errorf("%s: the payload holds %s: %s", c.Method, gone, raw)
			}
		}
	}
}
