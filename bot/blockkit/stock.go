package blockkit

import "github.com/slack-go/slack"

// Gone is the polite reply to a button for a section the guide no longer
// has.
func Gone() Message {
	return Message{
		Text:   "That topic is no longer in the guide.",
		Blocks: []slack.Block{section("That topic is no longer in the guide — it may have been renamed. Type `/director help` to see the topics I know about.")},
	}
}

// Sorry is the reply when answering failed.
func Sorry() Message {
	const text = "Sorry, something went wrong. Please try again."
	return Message{Text: text, Blocks: []slack.Block{section(text)}}
}

// Thanks acknowledges a click on a feedback button.
func Thanks() Message {
	const text = "Thanks for the feedback!"
	return Message{Text: text, Blocks: []slack.Block{contextLine(text)}}
}
