package blockkit

import (
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// exampleQuestions show new users how to ask.
var exampleQuestions = []string{
	"What skills does a director need?",
	"How is a VP different?",
	"Who does a VP report to?",
	"How do I get ready for a VP role?",
}

// mainTopics returns the guide's main topics: the sections right below
// each page's title.
func mainTopics(g *content.Guide) []*content.Section {
	var out []*content.Section
	for _, p := range g.Pages {
		out = append(out, p.Root.Children...)
	}
	return out
}

// maxHelpTopicsText bounds the list of topics in help: what is left of
// maxBlocksText besides the rest of help and its buttons.
const maxHelpTopicsText = 8000

// renderHelp explains what the bot does and how to ask, lists the guide's
// topics from its headings, and offers them as buttons.
func renderHelp(g *content.Guide) Message {
	topics := mainTopics(g)
	var names []string
	size := 0
	for i, t := range topics {
		name := "• " + truncateEscaped(escape(t.Title), maxHeader)
		if size += runeLen(name) + 1; size > maxHelpTopicsText {
			names = append(names, fmt.Sprintf("_…and %d more: ask me about any of them._", len(topics)-i))
			break
		}
		names = append(names, name)
	}
	examples := make([]string, len(exampleQuestions))
	for i, q := range exampleQuestions {
		examples[i] = "• " + q
	}
	blocks := []slack.Block{
		header("Director Bot"),
		section("I answer questions about the engineering *Director* role and how it differs from a *VP of Engineering*, from our career guide."),
		section("*How to ask*\n• `/director skills` — a private answer, only you see it (you can share it)\n• `@Director Bot how is a VP different?` — I reply in the thread\n• Send me a DM — we can talk about your move to VP one to one"),
	}
	if p := g.Path(); p != nil {
		blocks = append(blocks, section("*Your plan*\n• `/director plan` — tick the *"+truncateEscaped(escape(p.Indicators.Title), maxHeader)+"* you show, and get your gaps, what closes them, the timeline and the pitfalls; only you see it\n• `/director forget me` — delete everything I keep about you"))
	}
	if len(names) > 0 {
		for _, t := range packText([]string{"*Topics*\n" + strings.Join(names, "\n")}, maxSectionText) {
			blocks = append(blocks, section(t))
		}
	}
	blocks = append(blocks, section("*Try*\n"+strings.Join(examples, "\n")))
	if act := actions(topicButtons(topics, maxActions)...); act != nil {
		blocks = append(blocks, act)
	}
	return Message{Text: "Director Bot: ask me about the engineering Director role and the move to VP.", Blocks: blocks}
}

func topicButtons(topics []*content.Section, n int) []*slack.ButtonBlockElement {
	var out []*slack.ButtonBlockElement
	for _, t := range topics {
		if len(out) == n {
			break
		}
		out = append(out, button(ActionTopic, t.Title, t.ID))
	}
	return out
}
