package fakeslack

import (
	"fmt"

	"github.com/directorbot/directorbot/bot/fakeslack/internal/wording"
)

// Limits of blocks and elements, from Slack's Block Kit reference; each
// rule below names its page.
const (
	maxID              = 255
	maxTextObject      = 3000
	maxSectionText     = 3000
	maxSectionFields   = 10
	maxFieldText       = 2000
	maxHeaderText      = 150
	maxContextElements = 10
	maxActionsElements = 25
	maxButtonText      = 75
	maxButtonValue     = 2000
	maxButtonURL       = 3000
	maxAccessibility   = 75
	maxContextActions  = 5
)

// blockRules holds the rules of each block type the schema cannot say.
var blockRules = map[string]func(c *checker, ptr string, b map[string]any){
	"section":         (*checker).section,
	"header":          (*checker).header,
	"context":         (*checker).context,
	"actions":         (*checker).actions,
	"context_actions": (*checker).contextActions,
	"markdown":        (*checker).markdown,
	"table":           (*checker).table,
}

// block checks one block's lengths and counts, and its action_ids.
func (c *checker) block(ptr string, b map[string]any) {
	t, _ := b["type"].(string)
	if rule := blockRules[t]; rule != nil {
		rule(c, ptr, b)
	}
	c.actionIDs(ptr, b)
}

// section checks a section block, per
// https://docs.slack.dev/reference/block-kit/blocks/section-block: text
// of 1 to 3,000 characters, or fields, at most 10 of at most 2,000
// characters each; an accessory button as any button.
func (c *checker) section(ptr string, b map[string]any) {
	_, hasText := b["text"]
	_, hasFields := b["fields"]
	if !hasText && !hasFields {
		c.add(ptr, "missing required field: text")
	}
	c.textObject(pointer(ptr, "text"), b["text"], maxSectionText, true)
	fields, _ := b["fields"].([]any)
	c.maxItems(pointer(ptr, "fields"), fields, maxSectionFields)
	for i, f := range fields {
		c.textObject(pointer(ptr, "fields", i), f, maxFieldText, true)
	}
	if acc, ok := b["accessory"].(map[string]any); ok {
		c.element(pointer(ptr, "accessory"), acc)
	}
}

// header checks a header block, per
// https://docs.slack.dev/reference/block-kit/blocks/header-block: plain
// text of at most 150 characters.
func (c *checker) header(ptr string, b map[string]any) {
	c.textObject(pointer(ptr, "text"), b["text"], maxHeaderText, false)
}

// context checks a context block, per
// https://docs.slack.dev/reference/block-kit/blocks/context-block: at
// most 10 elements, text objects holding at most 3,000 characters.
func (c *checker) context(ptr string, b map[string]any) {
	elems, _ := b["elements"].([]any)
	c.maxItems(pointer(ptr, "elements"), elems, maxContextElements)
	for i, e := range elems {
		if m, ok := e.(map[string]any); ok && m["type"] != "image" {
			c.textObject(pointer(ptr, "elements", i), e, maxTextObject, true)
		}
	}
}

// actions checks an actions block, per
// https://docs.slack.dev/reference/block-kit/blocks/actions-block: at
// most 25 elements.
func (c *checker) actions(ptr string, b map[string]any) {
	elems, _ := b["elements"].([]any)
	c.maxItems(pointer(ptr, "elements"), elems, maxActionsElements)
	c.elements(pointer(ptr, "elements"), elems)
}

// contextActions checks a context_actions block, per
// https://docs.slack.dev/reference/block-kit/blocks/context-actions-block:
// at most 5 elements, feedback_buttons or icon_button.
func (c *checker) contextActions(ptr string, b map[string]any) {
	elems, _ := b["elements"].([]any)
	c.maxItems(pointer(ptr, "elements"), elems, maxContextActions)
	c.elements(pointer(ptr, "elements"), elems)
}

// markdown refuses a markdown block in a view, per
// https://docs.slack.dev/reference/block-kit/blocks/markdown-block
// ("available in messages"). Its text counts towards the text of all
// blocks.
func (c *checker) markdown(ptr string, _ map[string]any) {
	if c.view {
		c.add(pointer(ptr, "type"), wording.UnsupportedType+"markdown")
	}
}

func (c *checker) elements(base string, elems []any) {
	for i, e := range elems {
		if m, ok := e.(map[string]any); ok {
			c.element(pointer(base, i), m)
		}
	}
}

// element checks an interactive element's lengths: a button, per
// https://docs.slack.dev/reference/block-kit/block-elements/button-element
// (text at most 75 characters, value 2,000, url 3,000, accessibility_label
// 75); feedback buttons, per
// https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
// (each button's text 75, value 2,000, accessibility_label 75); an icon
// button, per
// https://docs.slack.dev/reference/block-kit/block-elements/icon-button-element;
// checkboxes (checkboxes.go); a select menu of static options, or of
// options the app suggests (selects.go).
func (c *checker) element(ptr string, e map[string]any) {
	switch e["type"] {
	case "button", "icon_button":
		c.button(ptr, e)
	case "checkboxes":
		c.checkboxes(ptr, e)
	case "static_select":
		c.staticSelect(ptr, e)
	case "external_select":
		c.externalSelect(ptr, e)
	case "feedback_buttons":
		for _, side := range []string{"positive_button", "negative_button"} {
			if b, ok := e[side].(map[string]any); ok {
				c.button(pointer(ptr, side), b)
			}
		}
	}
}

// button checks a button's text, value, url and accessibility_label.
func (c *checker) button(ptr string, b map[string]any) {
	if l, ok := b["accessibility_label"].(string); ok {
		c.maxChars(pointer(ptr, "accessibility_label"), l, maxAccessibility)
	}
	c.textObject(pointer(ptr, "text"), b["text"], maxButtonText, false)
	if v, ok := b["value"].(string); ok {
		c.maxChars(pointer(ptr, "value"), v, maxButtonValue)
	}
	if u, ok := b["url"].(string); ok {
		c.maxChars(pointer(ptr, "url"), u, maxButtonURL)
	}
}

// textObject checks a text object, per
// https://docs.slack.dev/reference/block-kit/composition-objects/text-object:
// its text holds at least 1 character, here at most max; emoji is a
// property of plain_text only, never of mrkdwn. Where either plain_text
// or mrkdwn may stand (union), Slack first reports the object as a whole.
func (c *checker) textObject(ptr string, v any, max int, union bool) {
	t, ok := v.(map[string]any)
	if !ok {
		return
	}
	at, msg := textObjectFault(ptr, t, max)
	if msg == "" {
		return
	}
	if union {
		c.add(ptr, wording.NoSchemaMatched)
	}
	c.add(at, msg)
}

// textObjectFault returns where a text object breaks a rule and how, or
// an empty message.
func textObjectFault(ptr string, t map[string]any, max int) (at, msg string) {
	if _, ok := t["emoji"]; ok && t["type"] == "mrkdwn" {
		return ptr, "invalid additional property: emoji"
	}
	text, ok := t["text"].(string)
	switch n := chars(text); {
	case !ok:
		return "", ""
	case n == 0:
		return pointer(ptr, "text"), wording.TooShort(1)
	case n > max:
		return pointer(ptr, "text"), wording.TooLong(max)
	}
	return "", ""
}

// actionIDs checks the action_ids of a block's elements, per
// https://docs.slack.dev/reference/block-kit/block-elements: at most 255
// characters, and unique among the action_ids of the block.
func (c *checker) actionIDs(ptr string, b map[string]any) {
	seen := map[string]bool{}
	for _, e := range interactive(ptr, b) {
		id, ok := e.m["action_id"].(string)
		if !ok {
			continue
		}
		at := pointer(e.ptr, "action_id")
		c.maxChars(at, id, maxID)
		if seen[id] {
			c.add(at, fmt.Sprintf("`action_id` %q already exists", id))
		}
		seen[id] = true
	}
}

// located is an element and its pointer.
type located struct {
	ptr string
	m   map[string]any
}

// interactive returns the elements of a block that may carry an
// action_id: those of an actions or context_actions block, a section's
// accessory, an input's element.
func interactive(ptr string, b map[string]any) []located {
	var out []located
	for _, key := range []string{"accessory", "element"} {
		if m, ok := b[key].(map[string]any); ok {
			out = append(out, located{pointer(ptr, key), m})
		}
	}
	if t := b["type"]; t == "actions" || t == "context_actions" {
		elems, _ := b["elements"].([]any)
		for i, e := range elems {
			if m, ok := e.(map[string]any); ok {
				out = append(out, located{pointer(ptr, "elements", i), m})
			}
		}
	}
	return out
}
