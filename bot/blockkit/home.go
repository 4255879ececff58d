package blockkit

import (
	"fmt"

	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// Home builds the App Home tab: what the bot is, how to use it, and
// the topic index, each topic with its subtopics and an Open button. A Home
// view holds at most 100 blocks and no table.
func (a App) Home(g *content.Guide) slack.HomeTabViewRequest {
	blocks := []slack.Block{
		header(a.Name()),
		section(about(g)),
		section("*How to ask*\n" + a.waysToAsk(g)),
	}
	if p := g.Path(); p != nil {
		// The plan, otherwise offered only in a DM's welcome.
		blocks = append(blocks, section("*Your transition plan*\nTick what you already show of the *"+truncateEscaped(escape(p.Indicators.Title), maxHeader)+
			"* and I'll build your plan in our DM: "+promise(p)+". The button below, or "+a.ask("plan")+", shows it again, only to you."),
			actions(planButton()))
	}
	blocks = append(blocks, slack.NewDividerBlock(), header("Topics"))
	topics := mainTopics(g)
	names := topicNames(topics)
	room := maxHomeBlocks - len(blocks)
	for i, t := range topics {
		if i == room-1 && len(topics) > room {
			blocks = append(blocks, contextLine("_…and more: ask me about any of them._"))
			break
		}
		blocks = append(blocks, topicSection(t, names[i]))
	}
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// waysToAsk lists the ways to ask, the same in help and on the Home tab.
func (a App) waysToAsk(g *content.Guide) string {
	return "• " + a.ask("&lt;topic or question&gt;") + " in any channel or DM — a private answer, only you see it (you can share it)\n• " + a.mention() + " and your question in a channel — I reply in the thread\n• " + dmUse(g)
}

// dmUse says what a DM is for: a guide with a path (the transition plan)
// gives advice on the move; in any, only the asker sees the answers.
func dmUse(g *content.Guide) string {
	if g.Path() != nil {
		return "Send me a DM — advice on your transition; only you see my answers"
	}
	return "Send me a DM — only you see my answers"
}

// topicSection shows a topic's name with its subtopics as fields, and an
// Open button.
func topicSection(t *content.Section, name string) slack.Block {
	var fields []*slack.TextBlockObject
	for i, c := range t.Children {
		if i == maxFields-1 && len(t.Children) > maxFields {
			fields = append(fields, markdown(fmt.Sprintf("_…and %d more_", len(t.Children)-i)))
			break
		}
		fields = append(fields, markdown("• "+truncateEscaped(escape(c.Title), maxFieldText-2)))
	}
	var acc *slack.Accessory
	if b := button(ActionTopic, "Open", t.ID); b != nil {
		acc = slack.NewAccessory(b)
	}
	return slack.NewSectionBlock(markdown(truncateEscaped("*"+escape(name)+"*", maxSectionText)), fields, acc)
}
