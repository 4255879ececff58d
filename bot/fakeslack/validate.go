package fakeslack

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/directorbot/directorbot/bot/fakeslack/internal/wording"
)

// Limits Slack documents for messages and views. Each rule that uses one
// names the page it comes from.
const (
	// https://docs.slack.dev/reference/block-kit/blocks: "up to 50 blocks
	// in each message, and 100 blocks in modals or Home tabs".
	maxMessageBlocks = 50
	maxViewBlocks    = 100
	// https://docs.slack.dev/reference/block-kit/blocks/markdown-block
	// allows 12,000 characters across a payload's markdown blocks; Slack
	// answers msg_blocks_too_long for blocks of any type holding more than
	// about 13,000 characters of text in all (slackapi/bolt-js#2509). The
	// fake holds to the stricter 12,000.
	maxBlocksText = 12000
	// https://docs.slack.dev/reference/methods/chat.postMessage: with
	// blocks, text is the notification fallback. Slack answers
	// msg_too_long far below the 40,000 characters that page names, from
	// about 4,000 (seratch/ChatGPT-in-Slack#102).
	maxMessageText = 4000
)

// ValidateMessage checks a message as chat.postMessage, chat.postEphemeral,
// chat.update, a response_url or a slash command's ack receive it: the
// top-level text and blocks (already decoded from JSON; other keys, such
// as channel or response_type, are ignored). It returns every rule the
// message breaks, or nil when Slack would accept it.
func ValidateMessage(msg map[string]any) []Violation {
	c := &checker{code: InvalidBlocks, view: false}
	blocks, hasBlocks := c.messageBlocks(msg)
	c.messageText(msg, hasBlocks && len(blocks) > 0, hasAttachments(msg))
	if len(blocks) > maxMessageBlocks {
		c.add("/blocks", wording.TooMany(maxMessageBlocks))
	}
	c.blocks("/blocks", blocks)
	c.tables("/blocks", blocks)
	c.blocksText("/blocks", blocks)
	return c.result()
}

// ValidateView checks a view as views.publish receives it (a Home tab or a
// modal), with pointers under /view. Every violation has Slack's code for
// a bad view, invalid_arguments; the first says the view as a whole
// matched neither a home nor a modal view, as Slack reports it.
func ValidateView(view map[string]any) []Violation {
	c := &checker{code: InvalidArguments, view: true}
	if view == nil {
		c.add("/view", "must provide an object")
		return c.result()
	}
	c.viewType(view)
	blocks, ok := view["blocks"].([]any)
	switch {
	case view["blocks"] == nil:
		c.add("/view", "missing required field: blocks")
	case !ok:
		c.add("/view/blocks", "must provide an array")
	case len(blocks) > maxViewBlocks:
		c.add("/view/blocks", wording.TooMany(maxViewBlocks))
	}
	c.blocks("/view/blocks", blocks)
	if len(c.vs) > 0 {
		c.add("/view", wording.NoSchemaMatched)
	}
	return c.result()
}

// MaxViewBytes is the largest view views.publish takes: a view "greater
// than 250kb" is view_too_large (https://docs.slack.dev/reference/methods/views.publish),
// counted here in bytes of its JSON as sent, 250,000, the stricter
// reading of "kb".
const MaxViewBytes = 250_000

// validatePublish checks views.publish's arguments, per its page: a
// user_id, required (whose Home tab the view is), and the view, at most
// MaxViewBytes.
func validatePublish(args map[string]any) []Violation {
	view, _ := decoded(args["view"]).(map[string]any)
	vs := ValidateView(view)
	if u, _ := args["user_id"].(string); u == "" {
		vs = append([]Violation{{Code: InvalidArguments, Message: "missing required field: user_id", Pointer: "/user_id"}}, vs...)
	}
	if n := viewBytes(args["view"]); n > MaxViewBytes {
		vs = append([]Violation{{Code: ViewTooLarge, Message: fmt.Sprintf("the view is %d bytes; at most %d", n, MaxViewBytes), Pointer: "/view"}}, vs...)
	}
	return vs
}

// viewBytes is the size of a view as the call sent it: the form field's
// text, or the JSON of the body's object.
func viewBytes(view any) int {
	if s, ok := view.(string); ok {
		return len(s)
	}
	raw, _ := json.Marshal(view)
	return len(raw)
}

// viewType checks a view's type: home or modal, per
// https://docs.slack.dev/reference/views.
func (c *checker) viewType(view map[string]any) {
	switch t := view["type"].(type) {
	case nil:
		c.add("/view", "missing required field: type")
	case string:
		if t != "home" && t != "modal" {
			c.add("/view/type", wording.UnsupportedType+t)
		}
	default:
		c.add("/view/type", "must provide a string")
	}
}

// checker gathers the violations of one message or view.
type checker struct {
	// code is the error of a bad block: invalid_blocks in a message,
	// invalid_arguments in a view.
	code string
	view bool
	vs   []Violation
}

// add notes a violation of the block rules.
func (c *checker) add(ptr, msg string) { c.addCode(c.code, ptr, msg) }

func (c *checker) addCode(code, ptr, msg string) {
	c.vs = append(c.vs, Violation{Code: code, Message: msg, Pointer: ptr})
}

func (c *checker) result() []Violation {
	if len(c.vs) == 0 {
		return nil
	}
	return tidy(c.vs)
}

// messageBlocks returns a message's blocks, noting blocks that are not an
// array (invalid_blocks_format, as Slack answers a blocks argument that is
// not a JSON array).
func (c *checker) messageBlocks(msg map[string]any) ([]any, bool) {
	raw, ok := msg["blocks"]
	if !ok || raw == nil {
		return nil, false
	}
	blocks, ok := raw.([]any)
	if !ok {
		c.addCode(InvalidBlocksFormat, "/blocks", "must provide an array")
	}
	return blocks, true
}

// messageText checks the top-level text, per
// https://docs.slack.dev/reference/methods/chat.postMessage: a message
// needs text, blocks or attachments (no_text); with blocks, text is the
// notification fallback and is required here; it holds at most 4,000
// characters (msg_too_long).
func (c *checker) messageText(msg map[string]any, hasBlocks, hasAttachments bool) {
	raw, present := msg["text"]
	text, isString := raw.(string)
	switch {
	case present && raw != nil && !isString:
		c.add("/text", "must provide a string")
	case text == "" && !hasBlocks && !hasAttachments:
		c.addCode(NoText, "/text", "must provide text, blocks or attachments")
	case !present && hasBlocks:
		c.addCode(NoText, "/text", "missing required field: text")
	case text == "" && hasBlocks:
		c.addCode(NoText, "/text", wording.TooShort(1))
	case chars(text) > maxMessageText:
		c.addCode(MsgTooLong, "/text", wording.TooLong(maxMessageText))
	}
}

func hasAttachments(msg map[string]any) bool {
	a, _ := msg["attachments"].([]any)
	return len(a) > 0
}

// blocks checks each block, and that block_ids are unique within the
// message (https://docs.slack.dev/reference/block-kit/blocks: "block_id
// should be unique for each message").
func (c *checker) blocks(base string, blocks []any) {
	ids := map[string]bool{}
	for i, raw := range blocks {
		ptr := pointer(base, i)
		c.vs = append(c.vs, schemaViolations(c.code, ptr, raw)...)
		b, ok := raw.(map[string]any)
		if !ok {
			continue
		}
		c.blockID(ptr, b, ids)
		c.block(ptr, b)
	}
}

// blockID checks a block_id: at most 255 characters and not used before.
func (c *checker) blockID(ptr string, b map[string]any, seen map[string]bool) {
	id, ok := b["block_id"].(string)
	if !ok {
		return
	}
	c.maxChars(pointer(ptr, "block_id"), id, maxID)
	if seen[id] {
		c.add(pointer(ptr, "block_id"), fmt.Sprintf("`block_id` %q already exists", id))
	}
	seen[id] = true
}

// blocksText checks the text of all blocks together: Slack answers
// msg_blocks_too_long beyond it.
func (c *checker) blocksText(base string, blocks []any) {
	if n := textIn(blocks); n > maxBlocksText {
		c.addCode(MsgBlocksTooLong, base, fmt.Sprintf("blocks must hold at most %d characters of text, not %d", maxBlocksText, n))
	}
}

// textIn counts the characters of every text string in a tree of blocks:
// text objects, rich text elements, table cells and markdown blocks.
func textIn(v any) int {
	n := 0
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			n += textIn(e)
		}
	case map[string]any:
		for k, e := range v {
			if s, ok := e.(string); ok && k == "text" {
				n += chars(s)
			} else {
				n += textIn(e)
			}
		}
	}
	return n
}

// chars counts characters as Slack's limits do.
func chars(s string) int { return utf8.RuneCountInString(s) }

// maxChars notes a string longer than max characters.
func (c *checker) maxChars(ptr, s string, max int) {
	if chars(s) > max {
		c.add(ptr, wording.TooLong(max))
	}
}

// maxItems notes an array with more than max items.
func (c *checker) maxItems(ptr string, items []any, max int) {
	if len(items) > max {
		c.add(ptr, wording.TooMany(max))
	}
}
