// Package blockkit renders the guide as Slack messages: answers with their
// tables and buttons, help, the App Home tab, the stock replies, and a plain
// text view of any message for a terminal, in the order Slack draws it. Its
// functions only compute, from a section or from what the search found
// (bot/ask searches): they search nothing, send nothing and start no
// goroutines.
package blockkit

import (
	"strconv"
	"strings"

	"github.com/slack-go/slack"
)

// Message is a Slack message payload: the fallback text for notifications
// and screen readers, and the Block Kit blocks people see.
type Message struct {
	Text   string        `json:"text"`
	Blocks []slack.Block `json:"blocks"`
}

// Elements returns the interactive elements of a message, in order: those
// of its actions and context_actions blocks, and its sections' button
// accessories.
func (m Message) Elements() []slack.BlockElement {
	var out []slack.BlockElement
	for _, b := range m.Blocks {
		switch b := b.(type) {
		case *slack.ActionBlock:
			out = append(out, b.Elements.ElementSet...)
		case *slack.ContextActionsBlock:
			out = append(out, b.Elements.ElementSet...)
		case *slack.SectionBlock:
			if b.Accessory != nil && b.Accessory.ButtonElement != nil {
				out = append(out, b.Accessory.ButtonElement)
			}
		}
	}
	return out
}

// Limits Slack enforces on messages; a message over any of them is
// rejected whole, so rendering keeps under every one for any guide. The
// fake Slack (bot/fakeslack) enforces the same rules and names the page of
// Slack's documentation each comes from.
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
	// maxTableText is the most characters a table's cells hold in all.
	maxTableText = 10000
	// maxBlocksText is the most characters of text a message's blocks
	// hold in all: every text object, button label and table cell.
	maxBlocksText = 12000
	// maxFallbackText is ours: a notification shows one short line
	// (Slack's own limit on the top-level text is 4,000).
	maxFallbackText = 300
)

// maxRelatedTopics is the most topics an answer or a no-answer offers as
// buttons.
const maxRelatedTopics = 3

// Kinds of the buttons the bot sends. A button's action_id is its kind,
// or its kind, a colon and its place in its block ("topic:2"), since Slack
// wants action_ids unique within a block: handlers route with ActionOf.
const (
	ActionTopic     = "topic"
	ActionFullTable = "full_table"
	// ActionMore continues an answer too long for one message.
	ActionMore  = "more"
	ActionShare = "share"
	// ActionFeedback is the feedback_buttons element (👍/👎); its value
	// says which was clicked (see Vote).
	ActionFeedback = "feedback"
)

// Action IDs of the 👍/👎 buttons of answers sent before they became a
// feedback_buttons element: such messages stay in Slack, so their clicks
// are still counted.
const (
	ActionFeedbackUp   = "feedback_up"
	ActionFeedbackDown = "feedback_down"
)

// ActionOf returns the kind of a button from its action_id: "topic:2" and
// "topic" are both ActionTopic.
func ActionOf(actionID string) string {
	kind, _, _ := strings.Cut(actionID, ":")
	return kind
}

// Values of the feedback buttons: the vote, a colon and the section's ID.
const (
	votePositive = "positive"
	voteNegative = "negative"
)

// Vote reads a click on a feedback button from its action_id and value:
// whether the answer helped, and the ID of the section it showed. ok is
// false for any other button.
func Vote(actionID, value string) (helpful bool, section string, ok bool) {
	switch ActionOf(actionID) {
	case ActionFeedbackUp:
		return true, value, true
	case ActionFeedbackDown:
		return false, value, true
	case ActionFeedback:
		vote, id, _ := strings.Cut(value, ":")
		id, _, _ = strings.Cut(id, ":") // a reply token may follow (ReadVote)
		switch vote {
		case votePositive:
			return true, id, true
		case voteNegative:
			return false, id, true
		}
	}
	return false, "", false
}

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
// Slack rejects would take the whole message down with it. Its action_id
// is its kind until actions numbers it.
func button(kind, label, value string) *slack.ButtonBlockElement {
	if len(value) > maxButtonValue {
		return nil
	}
	return slack.NewButtonBlockElement(kind, value, plain(truncateEscaped(escape(label), maxButtonText)))
}

// actions wraps buttons in an actions block, dropping missing ones and any
// beyond Slack's limit, and numbering their action_ids by place ("topic:0",
// "full_table:1") so that each is unique in the block. It returns nil when
// no button is left.
func actions(buttons ...*slack.ButtonBlockElement) slack.Block {
	return actionsBlock("", buttons...)
}

// actionsBlock is actions with a block_id, which every click on its
// buttons carries.
func actionsBlock(blockID string, buttons ...*slack.ButtonBlockElement) slack.Block {
	var elems []slack.BlockElement
	for _, b := range buttons {
		if b != nil && len(elems) < maxActions {
			b.ActionID = ActionOf(b.ActionID) + ":" + strconv.Itoa(len(elems))
			elems = append(elems, b)
		}
	}
	if len(elems) == 0 {
		return nil
	}
	return slack.NewActionBlock(blockID, elems...)
}

// feedback is the 👍/👎 of an answer: Slack's feedback_buttons element in
// a context_actions block. Each button's value is the vote and the
// section's ID.
func feedback(sectionID string) slack.Block {
	positive, negative := votePositive+":"+sectionID, voteNegative+":"+sectionID
	if len(positive) > maxButtonValue {
		positive, negative = votePositive, voteNegative
	}
	return slack.NewContextActionsBlock("", slack.NewFeedbackButtonsBlockElement(ActionFeedback,
		slack.NewFeedbackButton(plain("👍"), positive).WithAccessibilityLabel("This answer helped"),
		slack.NewFeedbackButton(plain("👎"), negative).WithAccessibilityLabel("This answer did not help"),
	))
}
