// Package blockkit renders the guide as Slack messages: answers with their
// tables and buttons, help, the App Home tab, the stock replies, and a plain
// text view of any message for a terminal. Its functions only compute: they
// send nothing and start no goroutines.
package blockkit

import "github.com/slack-go/slack"

// Message is a Slack message payload: the fallback text for notifications
// and screen readers, and the Block Kit blocks people see.
type Message struct {
	Text   string        `json:"text"`
	Blocks []slack.Block `json:"blocks"`
}

// Limits Slack enforces on messages; a message over any of them is
// rejected whole, so rendering keeps under every one for any guide.
const (
	maxBlocks       = 50
	maxHomeBlocks   = 100
	maxHeader       = 150
	maxSectionText  = 3000
	maxFields       = 10
	maxFieldText    = 2000
	maxContextElems = 10
	maxActions      = 25
	maxButtonText   = 75
	maxButtonValue  = 2000
	maxTableRows    = 100
	maxTableCells   = 20
	maxFallbackText = 300
)

// maxRelatedTopics is the most topics an answer or a no-answer offers as
// buttons.
const maxRelatedTopics = 3

// Action IDs of the buttons the bot sends; Socket Mode handlers dispatch on
// them.
const (
	ActionTopic        = "topic"
	ActionFullTable    = "full_table"
	ActionShare        = "share"
	ActionFeedbackUp   = "feedback_up"
	ActionFeedbackDown = "feedback_down"
)

func plain(text string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, text, true, false)
}

func markdown(text string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, text, false, true)
}

func header(title string) slack.Block {
	return slack.NewHeaderBlock(plain(truncateEscaped(escape(title), maxHeader)))
}

func section(text string) slack.Block {
	return slack.NewSectionBlock(markdown(text), nil, nil)
}

func contextLine(text string) slack.Block {
	return slack.NewContextBlock("", markdown(truncateEscaped(text, maxSectionText)))
}

// button makes a button, or nil when its value would not fit: a button that
// Slack rejects would take the whole message down with it.
func button(actionID, label, value string) *slack.ButtonBlockElement {
	if len(value) > maxButtonValue {
		return nil
	}
	return slack.NewButtonBlockElement(actionID, value, plain(truncateEscaped(escape(label), maxButtonText)))
}

// actions wraps buttons in an actions block, dropping missing ones and any
// beyond Slack's limit. It returns nil when no button is left.
func actions(buttons ...*slack.ButtonBlockElement) slack.Block {
	var elems []slack.BlockElement
	for _, b := range buttons {
		if b != nil && len(elems) < maxActions {
			elems = append(elems, b)
		}
	}
	if len(elems) == 0 {
		return nil
	}
	return slack.NewActionBlock("", elems...)
}
