package blockkit

import (
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// about is the sentence help and the Home tab open with: the guide's own
// (content.Guide.About), else the titles of its first pages.
func about(g *content.Guide) string {
	if a := g.About(); a != "" {
		return escape(a)
	}
	var titles []string
	for _, p := range g.Pages[:min(len(g.Pages), aboutPages)] {
		titles = append(titles, "*"+truncateEscaped(escape(p.Root.Title), maxHeader)+"*")
	}
	switch more := len(g.Pages) - aboutPages; {
	case more == 1:
		titles = append(titles, "one more page")
	case more > 1:
		titles = append(titles, fmt.Sprintf("%d more pages", more))
	}
	return "I answer questions from our guide: " + strings.Join(titles, ", ") + "."
}

// aboutPages is how many pages about names: its sentence opens help and
// the Home tab, and is help's notification text.
const aboutPages = 3

// tries are the questions help offers to try: the guide's suggested
// prompts, as they ask, else its first main topics, as a command.
func (a App) tries(g *content.Guide, topics []*content.Section) []string {
	var out []string
	if prompts := g.Prompts(); len(prompts) > 0 {
		for _, p := range prompts {
			out = append(out, "• "+truncateEscaped(escape(p.Message), maxHeader))
		}
		return out
	}
	for _, t := range topics[:min(len(topics), content.MaxPrompts)] {
		out = append(out, "• "+a.ask(truncateEscaped(escape(t.Title), maxHeader)))
	}
	return out
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
func (a App) renderHelp(g *content.Guide) Message {
	topics := mainTopics(g)
	var names []string
	size := 0
	for i, title := range topicNames(topics) {
		name := "• " + truncateEscaped(escape(title), maxHeader)
		if size += runeLen(name) + 1; size > maxHelpTopicsText {
			names = append(names, fmt.Sprintf("_…and %d more: ask me about any of them._", len(topics)-i))
			break
		}
		names = append(names, name)
	}
	blocks := []slack.Block{
		header(a.Name()),
		section(about(g)),
		section("*How to ask*\n" + a.waysToAsk(g)),
	}
	if p := g.Path(); p != nil {
		blocks = append(blocks, section("*Your plan*\n• "+a.ask("plan")+" — tick what you show of the *"+truncateEscaped(escape(p.Indicators.Title), maxHeader)+"*, and get "+promise(p)+"; only you see it\n• "+a.ask("forget me")+" — delete everything I keep about you"))
	}
	if len(names) > 0 {
		for _, t := range packText([]string{"*Topics*\n" + strings.Join(names, "\n")}, maxSectionText) {
			blocks = append(blocks, section(t))
		}
	}
	if try := a.tries(g, topics); len(try) > 0 {
		blocks = append(blocks, section("*Try*\n"+strings.Join(try, "\n")))
	}
	if act := actions(topicButtons(topics, maxActions)...); act != nil {
		blocks = append(blocks, act)
	}
	return Message{Text: truncateEscaped(escape(a.Name())+": "+about(g), maxFallbackText), Blocks: blocks}
}

func topicButtons(topics []*content.Section, n int) []*slack.ButtonBlockElement {
	var out []*slack.ButtonBlockElement
	for i, name := range topicNames(topics) {
		if len(out) == n {
			break
		}
		out = append(out, button(ActionTopic, name, topics[i].ID))
	}
	return out
}

// topicNames names sections listed together (topicLabel), a name two of
// them would share followed by its page's title ("Key Skill Sets (VP of
// Engineering)"), so that the two read apart.
func topicNames(topics []*content.Section) []string {
	names := make([]string, len(topics))
	count := map[string]int{}
	for i, t := range topics {
		names[i] = topicLabel(t)
		count[strings.ToLower(names[i])]++
	}
	for i, t := range topics {
		if count[strings.ToLower(names[i])] > 1 && t.Page != nil && t.Page.Root != nil && t.Page.Root != t {
			// The page's title must survive a button's 75 characters.
			page := " (" + truncate(t.Page.Root.Title, maxButtonText/2) + ")"
			names[i] = truncate(names[i], maxButtonText-runeLen(page)) + page
		}
	}
	return names
}

// topicLabel names a section on its button so that the name reads alone:
// a title of one word ("Morning", "Organizational") after its parent's
// ("Typical Day-to-Day Activities: Morning"), unless the parent is the
// root, whose title is the whole guide's.
func topicLabel(s *content.Section) string {
	if s.Parent == nil || s.Parent.Parent == nil || len(strings.Fields(s.Title)) > 1 {
		return s.Title
	}
	return s.Parent.Title + ": " + s.Title
}
