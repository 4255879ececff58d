package blockkit

import (
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// renderNoAnswer says honestly that the guide does not cover the question,
// offers the closest topics, and points to help.
func renderNoAnswer(question string, closest []*content.Section) Message {
	q := quoteOf(question)
	text := "I couldn't find that in the guide."
	if q != "" {
		text = fmt.Sprintf("I couldn't find an answer to “%s” in the guide.", q)
	}
	blocks := []slack.Block{section(text)}
	if len(closest) > 0 {
		blocks = append(blocks, section("These topics are the closest I have:"))
		if act := actions(topicButtons(closest, maxRelatedTopics)...); act != nil {
			blocks = append(blocks, act)
		}
	}
	blocks = append(blocks, contextLine("Type `/director help` to see everything I know about."))
	return Message{Text: truncateEscaped(text, maxFallbackText), Blocks: blocks}
}

// quoteOf is the question as a no-answer quotes it: escaped, on one line,
// at most 200 characters.
func quoteOf(question string) string {
	return truncateEscaped(escape(strings.Join(strings.Fields(question), " ")), 200)
}
