package fakeslack

import (
	"encoding/json"
	"fmt"
)

// Limits of checkboxes, from
// https://docs.slack.dev/reference/block-kit/block-elements/checkboxes-element
// ("A maximum of 10 options are allowed"; initial_options "exactly
// matches one or more of the options") and of their options, from
// https://docs.slack.dev/reference/block-kit/composition-objects/option-object
// (text and description at most 75 characters, value at most 150).
const (
	maxCheckboxOptions = 10
	maxOptionText      = 75
	maxOptionValue     = 150
)

// checkboxes checks a checkboxes element: at most 10 options, each option
// within its limits, and initial options that are among the options.
func (c *checker) checkboxes(ptr string, e map[string]any) {
	options, _ := e["options"].([]any)
	c.maxItems(pointer(ptr, "options"), options, maxCheckboxOptions)
	known := map[string]bool{}
	for i, o := range options {
		c.option(pointer(ptr, "options", i), o)
		known[canonical(o)] = true
	}
	initial, _ := e["initial_options"].([]any)
	c.maxItems(pointer(ptr, "initial_options"), initial, maxCheckboxOptions)
	for i, o := range initial {
		at := pointer(ptr, "initial_options", i)
		c.option(at, o)
		if !known[canonical(o)] {
			c.add(at, "must match one of the element's `options` exactly")
		}
	}
}

// option checks an option object's text, description and value.
func (c *checker) option(ptr string, o any) {
	m, ok := o.(map[string]any)
	if !ok {
		return
	}
	c.textObject(pointer(ptr, "text"), m["text"], maxOptionText, true)
	c.textObject(pointer(ptr, "description"), m["description"], maxOptionText, true)
	if v, ok := m["value"].(string); ok {
		c.maxChars(pointer(ptr, "value"), v, maxOptionValue)
	}
}

// canonical encodes an option the same way whatever its key order.
func canonical(o any) string {
	raw, _ := json.Marshal(o) // maps encode with sorted keys
	return string(raw)
}

// Checkbox is one option of a checkboxes element of a message, as a person
// sees it.
type Checkbox struct {
	// BlockID and ActionID name the element, Value the option.
	BlockID, ActionID, Value string
	// Text is the option's label.
	Text string
	// Initial is true for an option the message shows ticked.
	Initial bool
	// option is the option object as the message holds it.
	option map[string]any
}

// CheckboxesIn returns the checkbox options of a message's blocks: a JSON
// string (as chat.postMessage's form carries them) or decoded JSON (as a
// response_url or an ack carries them).
func CheckboxesIn(blocks any) []Checkbox {
	list, _ := decoded(blocks).([]any)
	var out []Checkbox
	for _, raw := range list {
		b, _ := raw.(map[string]any)
		blockID, _ := b["block_id"].(string)
		for _, e := range interactive("", b) {
			if e.m["type"] != "checkboxes" {
				continue
			}
			actionID, _ := e.m["action_id"].(string)
			initial := map[string]bool{}
			inits, _ := e.m["initial_options"].([]any)
			for _, o := range inits {
				initial[canonical(o)] = true
			}
			options, _ := e.m["options"].([]any)
			for _, o := range options {
				m, _ := o.(map[string]any)
				value, _ := m["value"].(string)
				text, _ := dig(m, "text", "text").(string)
				out = append(out, Checkbox{BlockID: blockID, ActionID: actionID, Value: value, Text: text, Initial: initial[canonical(o)], option: m})
			}
		}
	}
	return out
}

// Form is a message as a person fills it in: its checkboxes, each ticked
// or not, starting as the message shows them.
type Form struct {
	Boxes  []Checkbox
	Ticked []bool
}

// FormOf starts filling in a message's blocks.
func FormOf(blocks any) *Form {
	f := &Form{Boxes: CheckboxesIn(blocks)}
	for _, b := range f.Boxes {
		f.Ticked = append(f.Ticked, b.Initial)
	}
	return f
}

// state is the form as a block_actions payload carries it in state.values:
// by block_id and action_id, each checkboxes element with its selected
// options, as https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
// describes it.
func (f *Form) state() map[string]any {
	values := map[string]any{}
	for i, b := range f.Boxes {
		block, _ := values[b.BlockID].(map[string]any)
		if block == nil {
			block = map[string]any{}
			values[b.BlockID] = block
		}
		el, _ := block[b.ActionID].(map[string]any)
		if el == nil {
			el = map[string]any{"type": "checkboxes", "selected_options": []any{}}
			block[b.ActionID] = el
		}
		if f.Ticked[i] {
			el["selected_options"] = append(el["selected_options"].([]any), b.option)
		}
	}
	return map[string]any{"values": values}
}

// Where is the message a click is on: its conversation and ts, the thread
// it is in (empty outside threads), and whether only the clicker sees it.
type Where struct {
	Channel, MessageTS, ThreadTS string
	Ephemeral                    bool
}

// Tick is the block_actions interaction Slack sends when a person ticks
// or unticks a checkbox of a form: the element's selected options after
// the change, and the state of the whole form.
func (s *Slack) Tick(f *Form, i int, user string, w Where) Envelope {
	f.Ticked[i] = !f.Ticked[i]
	b := f.Boxes[i]
	selected := []any{}
	for j, o := range f.Boxes {
		if o.BlockID == b.BlockID && o.ActionID == b.ActionID && f.Ticked[j] {
			selected = append(selected, o.option)
		}
	}
	return s.interaction(map[string]any{
		"action_id": b.ActionID, "block_id": b.BlockID, "type": "checkboxes", "selected_options": selected, "action_ts": "1548426417.840182",
	}, user, w, f.state())
}

// Submit is the block_actions interaction of a click on a button of a
// form: the button's action, with the state of every checkbox of the form.
func (s *Slack) Submit(f *Form, actionID, value, user string, w Where) Envelope {
	return s.interaction(map[string]any{
		"action_id": actionID, "block_id": "submit", "value": value, "type": "button",
		"text": map[string]any{"type": "plain_text", "text": "x", "emoji": true}, "action_ts": "1548426417.840183",
	}, user, w, f.state())
}

// ClickIn is a click on a button of a message in a thread (an agent
// thread, or a thread of a DM).
func (s *Slack) ClickIn(actionID, value, user string, w Where) Envelope {
	return s.BlockClickIn("b1", actionID, value, user, w)
}

// BlockClickIn is ClickIn on a button of the block with the given
// block_id, which Slack's payload carries with the action.
func (s *Slack) BlockClickIn(blockID, actionID, value, user string, w Where) Envelope {
	return s.interaction(buttonAction(blockID, actionID, value, "1548426417.840184"), user, w, map[string]any{"values": map[string]any{}})
}

// interaction is a block_actions interaction with one action and a state.
func (s *Slack) interaction(action map[string]any, user string, w Where, state map[string]any) Envelope {
	container := map[string]any{"type": "message", "message_ts": w.MessageTS, "channel_id": w.Channel, "is_ephemeral": w.Ephemeral}
	message := map[string]any{"type": "message", "ts": w.MessageTS}
	if w.ThreadTS != "" {
		container["thread_ts"] = w.ThreadTS
		message["thread_ts"] = w.ThreadTS
	}
	payload := blockActions(user, action)
	payload["container"] = container
	payload["channel"] = map[string]any{"id": w.Channel, "name": "directmessage"}
	payload["response_url"] = s.ResponseURL(fmt.Sprint("action-", responseSeq.Add(1)))
	payload["state"] = state
	if !w.Ephemeral {
		payload["message"] = message
	}
	return newEnvelope("interactive", payload, true)
}

// dig returns the value at a path of object keys, or nil.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}
