package blockkit

import (
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/question"
	"github.com/slack-go/slack"
)

// renderNoAnswer says honestly that the guide does not cover the question,
// and why when the search knows (why, explained by reason: reasonFor),
// offers the closest topics, and points to help. A request for a text is
// told it is one, not that its answer was looked for.
func (a App) renderNoAnswer(question string, why index.Reason, reason string, closest []*content.Section) Message {
	q := quoteOf(question)
	text := "I couldn't find that in the guide."
	switch {
	case why == index.Request:
		text = "I can't write, summarize or translate that for you."
	case q != "":
		text = fmt.Sprintf("I couldn't find an answer to “%s” in the guide.", q)
	}
	blocks := []slack.Block{section(text)}
	if reason != "" {
		blocks = append(blocks, section(reason))
	}
	if len(closest) > 0 {
		blocks = append(blocks, section("These topics are the closest I have:"))
		if act := actions(topicButtons(closest, maxRelatedTopics)...); act != nil {
			blocks = append(blocks, act)
		}
	}
	blocks = append(blocks, contextLine("Type "+a.ask("help")+" to see everything I know about."))
	return Message{Text: truncateEscaped(text, maxFallbackText), Blocks: blocks}
}

// reasonFor explains a no-answer whose reason the search knows, or is "":
// the asker learns where to ask instead, and not to reword the question.
// A topic left to others, or another role, is told which roles the guide
// describes, when its headings name some, and another role is named
// (other, index.Result.Role) when the search knows it.
func reasonFor(roles []string, why index.Reason, other string) string {
	if len(roles) == 0 {
		return reasons[why]
	}
	described := roleList(roles) + " " + inflect(len(roles), "role", "roles")
	switch {
	case why == index.OutsideTopic:
		return "That topic is outside the guide, which describes the " + described + ": your manager, your people team or your company's own pages can tell you more."
	case why == index.OtherRole && other != "":
		return "The guide describes the " + described + ", not the role of " + escape(aRole(other)) + "."
	case why == index.OtherRole:
		return "The guide describes the " + described + "; it does not describe the other role your question names."
	}
	return reasons[why]
}

// refusalReason explains a no-answer: the way to a role the guide's path
// does not lead to (becoming, index.Result.Becoming), else by reasonFor.
func refusalReason(roles []string, why index.Reason, other string, becoming *index.Elsewhere) string {
	if becoming != nil {
		return becomingReason(becoming)
	}
	return reasonFor(roles, why, other)
}

// roleList names roles in a sentence: "Director and VP".
func roleList(roles []string) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = escape(r)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// reasons explain a no-answer whose reason the search knows, by reason.
var reasons = map[index.Reason]string{
	index.OutsideTopic: "That topic is outside the guide: your manager, your people team or your company's own pages can tell you more.",
	index.OtherRole:    "The guide describes the roles its pages are about; it does not describe the other role your question names.",
	index.CompanyFact:  "That's a fact about your own company, which the guide can't know: your manager or your people team can tell you.",
	index.Request:      "I answer questions from the guide: ask me what you want to know, and I'll show you where the guide says it.",
	index.Conversation: "The guide describes roles; it can't script a conversation with particular people. A mentor, a trusted peer or your people team can help you find the words.",
	index.Opinion:      "The guide says what the roles involve; it holds no opinions and can't weigh a decision of your own. A mentor, a trusted peer or your manager can help you think it through, and I can show you what the guide says about the roles.",
}

// foreignReason explains a no-answer to a question in another language
// (question.Foreign).
const foreignReason = "I read questions in English only: ask me in English and I'll look again."

// quoteOf is the question as a no-answer quotes it: its words as the
// asker typed them (entities decoded, once; mentions, emoji codes and
// formatting marks gone, links read as their labels: question.Normalize),
// escaped, on one line, at most 200 characters.
func quoteOf(q string) string {
	return truncateEscaped(escape(question.Normalize(q)), 200)
}
