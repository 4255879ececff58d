package blockkit

import (
	"encoding/json"

	"github.com/slack-go/slack"
)

// textLen counts the characters of text a block holds, as Slack counts
// them against a message's maxBlocksText: every text object, button label
// and table cell.
func textLen(b slack.Block) int {
	n := 0
	switch b := b.(type) {
	case *slack.HeaderBlock:
		n += textObjectLen(b.Text)
	case *slack.SectionBlock:
		n += textObjectLen(b.Text)
		for _, f := range b.Fields {
			n += textObjectLen(f)
		}
		if b.Accessory != nil && b.Accessory.ButtonElement != nil {
			n += textObjectLen(b.Accessory.ButtonElement.Text)
		}
	case *slack.ContextBlock:
		for _, e := range b.ContextElements.Elements {
			if t, ok := e.(*slack.TextBlockObject); ok {
				n += textObjectLen(t)
			}
		}
	case *slack.ActionBlock:
		for _, e := range b.Elements.ElementSet {
			if btn, ok := e.(*slack.ButtonBlockElement); ok {
				n += textObjectLen(btn.Text)
			} else {
				n += jsonTextLen(e)
			}
		}
	case *slack.ContextActionsBlock:
		for _, e := range b.Elements.ElementSet {
			if fb, ok := e.(*slack.FeedbackButtonsBlockElement); ok {
				n += feedbackButtonLen(fb.PositiveButton) + feedbackButtonLen(fb.NegativeButton)
			} else {
				n += jsonTextLen(e)
			}
		}
	case *slack.TableBlock:
		for _, r := range b.Rows {
			for _, c := range r {
				n += runeLen(cellPlain(c))
			}
		}
	case *slack.DividerBlock:
	default:
		n += jsonTextLen(b)
	}
	return n
}

func textObjectLen(t *slack.TextBlockObject) int {
	if t == nil {
		return 0
	}
	return runeLen(t.Text)
}

func feedbackButtonLen(b *slack.FeedbackButton) int {
	if b == nil {
		return 0
	}
	return textObjectLen(b.Text)
}

// blocksTextLen counts the text of blocks together.
func blocksTextLen(blocks []slack.Block) int {
	n := 0
	for _, b := range blocks {
		n += textLen(b)
	}
	return n
}

// jsonTextLen counts the text of any block or element from its JSON: the
// characters of every string under a "text" key.
func jsonTextLen(v any) int {
	raw, err := json.Marshal(v)
	if err != nil {
		return 0
	}
	var tree any
	if json.Unmarshal(raw, &tree) != nil {
		return 0
	}
	return textIn(tree)
}

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
				n += runeLen(s)
			} else {
				n += textIn(e)
			}
		}
	}
	return n
}
