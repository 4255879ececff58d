package blockkit

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// Keeping is what the bot keeps of the questions people ask it: whether
// the guide's owners get them (Questions), and for how long (Retention;
// 0 when the owners set no period).
type Keeping struct {
	Questions bool
	Retention time.Duration
}

// kept says what the bot keeps of the questions asked of it: questions,
// never who asked them.
func (k Keeping) kept() string {
	if !k.Questions {
		return "I don't keep the questions people ask me."
	}
	when := "after the retention period the guide's owners set"
	if days := int(k.Retention.Hours() / 24); days > 0 {
		when = fmt.Sprintf("after %d days", days)
	}
	return "the questions people ask me are kept for the guide's owners *without any user or channel ID*, so none of them can be traced back to you or told apart from anyone else's; they are deleted " + when + "."
}

// aboutBot reports whether a message asks about the bot itself rather
// than the guide: who made it, what it runs on, whether it is a person,
// who sees what is asked of it ("can my manager see what I ask you?").
func (c chatText) aboutBot() bool {
	q := string(c)
	if _, ok := aboutBotWhole[q]; ok {
		return true
	}
	padded := " " + q + " "
	holds := func(phrases []string) bool {
		return slices.ContainsFunc(phrases, func(p string) bool { return strings.Contains(padded, " "+p+" ") })
	}
	return holds(aboutBotPhrases) || holds(askedHere) && holds(seenOrKept)
}

// aboutBotWhole are whole messages, as chat reads them, that ask what the
// bot is; aboutBotPhrases ask it anywhere in a message, each specific
// enough that no question about the roles holds it ("how do you work"
// alone asks about the bot, "how do you work with product?" does not). A
// message that names what is asked here (askedHere) and whether it is
// seen or kept (seenOrKept) asks who sees it: "can my manager see my
// messages?", not "how do I keep my messages short as a VP?".
var (
	aboutBotWhole = map[string]struct{}{
		"how do you work": {}, "how does this work": {}, "how does this bot work": {}, "is this private": {},
		"is this anonymous": {}, "is this confidential": {}, "is this logged": {}, "is this recorded": {},
	}
	aboutBotPhrases = []string{
		"who built you", "who made you", "who created you", "who wrote you", "who programmed you", "who runs you",
		"who maintains you", "who owns you", "who trained you", "who is behind you", "who's behind you",
		"what model are you", "what model do you", "which model are you", "which model do you", "what llm", "which llm",
		"are you an ai", "are you ai", "are you a bot", "are you a robot", "are you human", "are you a human",
		"are you a real person", "are you a person", "are you chatgpt", "are you gpt", "are you claude", "are you gemini",
		"is this chatgpt", "is this an ai", "what are you running on", "what do you run on", "what are you built on",
		"what are you built with", "how were you trained", "where do your answers come from", "where do you get your answers",
		"do you keep my", "do you keep what", "do you save my", "do you remember what i", "what do you keep about", "what do you store about", "what do you know about me",
		"what data do you", "are you logging", "are you recording",
	}
	askedHere = []string{
		"what i ask", "what i type", "what i say here", "what i write here", "my questions", "my messages", "these messages",
		"these questions", "this conversation", "this chat", "our chat", "our conversation", "messages to you",
		"questions to you",
	}
	seenOrKept = []string{
		"see", "sees", "seen", "visible", "private", "anonymous", "confidential", "log", "logged", "store", "stored", "save",
		"saved", "kept", "recorded", "tracked", "monitored", "read by", "shared with",
	}
)

// renderAboutBot says what the bot is and is not, who sees the answers
// and the questions asked of it, and what it keeps of them.
func renderAboutBot(g *content.Guide, k Keeping) Message {
	what := about(g) + " I'm not a chatbot or a language model, and I don't search the web: I find the part of the guide that answers your question and show it as written, or tell you that it doesn't. Your company runs me, and the guide's owners keep the guide up to date."
	blocks := []slack.Block{
		header("About Director Bot"),
		section(what),
		section("*Who sees what you ask*\n• `/director &lt;question&gt;` — only you see the answer, unless you share it\n• `@Director Bot` in a channel — I reply in the thread, which everyone in the channel can see\n• A DM to me — one to one: nobody else sees it"),
		section("*What I keep of your questions:* " + k.kept()),
	}
	if g.Path() != nil {
		blocks = append(blocks, section("*Your plan:* the indicators you tick with `/director plan` are kept for you alone; `/director forget me` deletes everything I keep about you."))
	}
	blocks = append(blocks, contextLine("Your messages to me stay in your Slack history, which Slack keeps under your workspace's settings, not me."))
	return Message{Text: "About Director Bot: what I am, who sees what you ask, and what I keep.", Blocks: blocks}
}
