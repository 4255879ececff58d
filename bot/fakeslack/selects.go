package fakeslack

import "encoding/json"

// Limits of a select menu of static options, from
// https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element
// (options or option_groups, one of them, at most 100 of either;
// placeholder, optional, plain text of at most 150 characters; initial_option one of
// the options) and of an option group, from
// https://docs.slack.dev/reference/block-kit/composition-objects/option-group-object
// (label plain text of at most 75 characters, at most 100 options).
const (
	maxSelectOptions = 100
	maxOptionGroups  = 100
	maxPlaceholder   = 150
	maxGroupLabel    = 75
)

// staticSelect checks a select menu of static options: options or option
// groups, not both, each within its limits (option text plain text only),
// at most 100 options in all, and an initial option among them.
func (c *checker) staticSelect(ptr string, e map[string]any) {
	options, hasOptions := e["options"].([]any)
	groups, hasGroups := e["option_groups"].([]any)
	switch {
	case hasOptions && hasGroups:
		c.add(ptr, "must provide either options or option_groups, not both")
	case !hasOptions && !hasGroups:
		c.add(ptr, "must provide options or option_groups")
	}
	if p, ok := e["placeholder"]; ok {
		c.plainText(pointer(ptr, "placeholder"), p, maxPlaceholder)
	}
	c.maxItems(pointer(ptr, "options"), options, maxSelectOptions)
	c.maxItems(pointer(ptr, "option_groups"), groups, maxOptionGroups)
	known := map[string]bool{}
	for i, o := range options {
		c.selectOption(pointer(ptr, "options", i), o, known)
	}
	total := len(options)
	for gi, g := range groups {
		m, _ := g.(map[string]any)
		at := pointer(ptr, "option_groups", gi)
		c.plainText(pointer(at, "label"), m["label"], maxGroupLabel)
		opts, ok := m["options"].([]any)
		if !ok || len(opts) == 0 {
			c.add(pointer(at, "options"), "must provide at least 1 option")
		}
		c.maxItems(pointer(at, "options"), opts, maxSelectOptions)
		for i, o := range opts {
			c.selectOption(pointer(at, "options", i), o, known)
		}
		total += len(opts)
	}
	if total > maxSelectOptions {
		c.add(ptr, "no more than 100 options allowed in all")
	}
	if initial, ok := e["initial_option"]; ok && !known[canonical(initial)] {
		c.add(pointer(ptr, "initial_option"), "must match one of the element's options exactly")
	}
}

// selectOption checks one option of a select menu, whose text Slack takes
// only as plain text, and records it in known.
func (c *checker) selectOption(ptr string, o any, known map[string]bool) {
	c.option(ptr, o)
	if m, ok := o.(map[string]any); ok {
		c.plainText(pointer(ptr, "text"), m["text"], maxOptionText)
	}
	known[canonical(o)] = true
}

// plainText checks a text object that must be plain text: present, of
// type plain_text, within max characters.
func (c *checker) plainText(ptr string, v any, max int) {
	t, ok := v.(map[string]any)
	if !ok {
		c.add(ptr, "must provide a plain_text object")
		return
	}
	if t["type"] != "plain_text" {
		c.add(pointer(ptr, "type"), `must be "plain_text"`)
	}
	c.textObject(ptr, v, max, false)
}

// externalSelect checks a select menu of options the app suggests as
// the person types (block_suggestion): its placeholder, and
// min_query_length a count of characters. The schema refuses options in
// it.
func (c *checker) externalSelect(ptr string, e map[string]any) {
	if p, ok := e["placeholder"]; ok {
		c.plainText(pointer(ptr, "placeholder"), p, maxPlaceholder)
	}
	if n, ok := e["min_query_length"]; ok {
		if f, isNumber := n.(float64); !isNumber || f < 0 || f != float64(int(f)) {
			c.add(pointer(ptr, "min_query_length"), "must be a whole number of characters, 0 or more")
		}
	}
	if initial, ok := e["initial_option"]; ok {
		c.selectOption(pointer(ptr, "initial_option"), initial, map[string]bool{})
	}
}

// ValidateSuggestions checks the payload of the ack of a
// block_suggestion: the options or option groups the menu shows, within
// the limits of a select menu of static options (an empty list shows
// "no results"), per
// https://docs.slack.dev/reference/interaction-payloads/block_suggestion-payload
// (at most 100 options or option groups).
func ValidateSuggestions(payload []byte) []Violation {
	if len(payload) == 0 || string(payload) == "null" {
		return nil // an ack without options: the menu shows none
	}
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil || m == nil {
		return []Violation{{Code: InvalidPayload, Message: "must provide an object", Pointer: ""}}
	}
	options, hasOptions := m["options"].([]any)
	groups, hasGroups := m["option_groups"].([]any)
	if (hasOptions || hasGroups) && len(options)+len(groups) == 0 {
		return nil
	}
	c := &checker{code: InvalidPayload}
	c.staticSelect("", m)
	return c.result()
}
