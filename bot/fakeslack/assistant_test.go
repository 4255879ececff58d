package fakeslack_test

import (
	"github.com/directorbot/directorbot/bot/fakeslack"
	_ "github.com/directorbot/directorbot/bot/fakeslack/blockschema"

	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

func checkboxOption(value, text string) map[string]any {
	return map[string]any{"text": textObj("mrkdwn", text), "value": value}
}

func checkboxesOf(actionID string, n int, initial ...int) map[string]any {
	var opts, init []any
	for i := range n {
		opts = append(opts, checkboxOption(fmt.Sprint("v", i), fmt.Sprint("Option ", i)))
	}
	for _, i := range initial {
		init = append(init, checkboxOption(fmt.Sprint("v", i), fmt.Sprint("Option ", i)))
	}
	el := map[string]any{"type": "checkboxes", "action_id": actionID, "options": opts}
	if init != nil {
		el["initial_options"] = init
	}
	return el
}

func TestCheckboxRules(t *testing.T) {
	t.Parallel()
	msg := func(blocks ...any) map[string]any { return map[string]any{"text": "t", "blocks": blocks} }
	if vs := fakeslack.ValidateMessage(msg(actionsBlock(checkboxesOf("tick", 10, 0, 9)), section("x"))); vs != nil {
		t.Errorf("ten options, two ticked: %v", vs)
	}
	long := checkboxesOf("tick", 2)
	long["options"].([]any)[1].(map[string]any)["text"] = textObj("plain_text", strings.Repeat("x", 76))
	long["options"].([]any)[0].(map[string]any)["value"] = strings.Repeat("v", 151)
	stranger := checkboxesOf("tick", 2)
	stranger["initial_options"] = []any{checkboxOption("v7", "Option 7")}
	for name, tc := range map[string]struct {
		el   map[string]any
		want []string
	}{
		"eleven options":  {checkboxesOf("tick", 11), []string{"no more than 10 items allowed [json-pointer:/blocks/0/elements/0/options]"}},
		"long text/value": {long, []string{"must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/1/text/text]", "must be less than 151 characters [json-pointer:/blocks/0/elements/0/options/0/value]"}},
		"unknown initial": {stranger, []string{"must match one of the element's `options` exactly [json-pointer:/blocks/0/elements/0/initial_options/0]"}},
	} {
		vs := fakeslack.ValidateMessage(msg(actionsBlock(tc.el)))
		got := fmt.Sprint(vs)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %s lacks %q", name, got, w)
			}
		}
		if fakeslack.ErrorCode(vs) != fakeslack.InvalidBlocks {
			t.Errorf("%s: code %q", name, fakeslack.ErrorCode(vs))
		}
	}
}

func TestSuggestedPromptsNeedTheAgentFeature(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	params := slack.AssistantThreadsSetSuggestedPromptsParameters{ChannelID: "D1", ThreadTS: "1.1", Title: "Try"}
	params.AddPrompt("Am I ready?", "Am I ready for VP?")
	err := api.SetAssistantThreadsSuggestedPromptsContext(t.Context(), params)
	if serr := slackError(t, err); serr.Err != fakeslack.MissingScope {
		t.Fatalf("without the agent feature: %v, want missing_scope", err)
	}
	fake.EnableAssistant()
	if err := api.SetAssistantThreadsSuggestedPromptsContext(t.Context(), params); err != nil {
		t.Fatalf("with the agent feature: %v", err)
	}
	for name, p := range map[string]slack.AssistantThreadsSetSuggestedPromptsParameters{
		"five":     {ChannelID: "D1", Prompts: make([]slack.AssistantThreadsPrompt, 5)},
		"no title": {ChannelID: "D1", Prompts: []slack.AssistantThreadsPrompt{{Message: "m"}}},
		"none":     {ChannelID: "D1", Prompts: []slack.AssistantThreadsPrompt{}},
		"nowhere":  {Prompts: []slack.AssistantThreadsPrompt{{Title: "t", Message: "m"}}},
	} {
		if err := api.SetAssistantThreadsSuggestedPromptsContext(t.Context(), p); err == nil || slackError(t, err).Err != fakeslack.InvalidArguments {
			t.Errorf("%s: %v, want invalid_arguments", name, err)
		}
	}
	calls := fake.Calls()
	if len(calls) != 6 || calls[1].Error != "" || calls[0].Error != fakeslack.MissingScope {
		t.Errorf("calls = %+v", calls)
	}
	if len(fake.Refusals()) != 5 {
		t.Errorf("refusals = %v", fake.Refusals())
	}
}

// TestFormsCarryTheirState fills in a message's checkboxes and submits it:
// slack-go reads the ticks from the payload's state, as from Slack's.
func TestFormsCarryTheirState(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	blocks, _ := json.Marshal([]any{
		map[string]any{"type": "actions", "block_id": "ticks:0", "elements": []any{checkboxesOf("tick:0", 10, 2)}},
		map[string]any{"type": "actions", "block_id": "ticks:1", "elements": []any{checkboxesOf("tick:0", 2)}},
	})
	f := fakeslack.FormOf(string(blocks))
	if len(f.Boxes) != 12 || !f.Ticked[2] || f.Boxes[11].BlockID != "ticks:1" || f.Boxes[11].Text != "Option 1" {
		t.Fatalf("form = %+v", f)
	}
	where := fakeslack.Where{Channel: "D1", MessageTS: "1.2", ThreadTS: "1.1"}
	tick := fake.Tick(f, 11, "U1", where)
	submit := fake.Submit(f, "build", "path", "U1", where)
	for _, e := range []fakeslack.Envelope{tick, submit} {
		raw, _ := json.Marshal(e["payload"])
		var cb slack.InteractionCallback
		if err := json.Unmarshal(raw, &cb); err != nil {
			t.Fatal(err)
		}
		values := cb.BlockActionState.Values
		if got := values["ticks:0"]["tick:0"].SelectedOptions; len(got) != 1 || got[0].Value != "v2" {
			t.Errorf("first group's ticks = %+v", got)
		}
		if got := values["ticks:1"]["tick:0"].SelectedOptions; len(got) != 1 || got[0].Value != "v1" {
			t.Errorf("second group's ticks = %+v", got)
		}
		if cb.Container.ThreadTs != "1.1" || cb.Channel.ID != "D1" || cb.User.ID != "U1" {
			t.Errorf("where = %+v", cb.Container)
		}
	}
}

// TestAgentEventsParse reads the agent's events as slack-go does.
func TestAgentEventsParse(t *testing.T) {
	t.Parallel()
	for _, e := range []fakeslack.Envelope{fakeslack.AssistantThreadStarted("Ev1", "U1", "D1", "1.1"), fakeslack.MessagesTabOpened("Ev2", "U1", "D1"), fakeslack.ThreadMessage("Ev3", "hi", "U1", "D1", "1.2", "1.1")} {
		raw, _ := json.Marshal(e["payload"])
		ev, err := slackevents.ParseEvent(raw, slackevents.OptionNoVerifyToken())
		if err != nil {
			t.Fatal(err)
		}
		switch in := ev.InnerEvent.Data.(type) {
		case *slackevents.AssistantThreadStartedEvent:
			if in.AssistantThread.UserID != "U1" || in.AssistantThread.ChannelID != "D1" || in.AssistantThread.ThreadTimeStamp != "1.1" {
				t.Errorf("thread started = %+v", in)
			}
		case *slackevents.AppHomeOpenedEvent:
			if in.Tab != "messages" || in.Channel != "D1" {
				t.Errorf("messages tab = %+v", in)
			}
		case *slackevents.MessageEvent:
			if in.ThreadTimeStamp != "1.1" || in.ChannelType != "im" {
				t.Errorf("thread message = %+v", in)
			}
		default:
			t.Errorf("unexpected %T", in)
		}
	}
}
