package blockkit

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
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
// than the guide: who made it, whether it is an AI or a person, who sees
// what is asked of it and what it keeps ("can my manager see what I ask
// you?"). People ask the guide's questions in the second person too
// ("who trained you to think like an exec?", "what model do you use for
// org design?"), so the bot is asked about only in words that name it
// (botPhrases, botOpenings, botWhole), or that name what is asked here
// (askedHere) and its being seen or kept (seenOrKept): "can my manager
// see my messages?". Words that might name other messages (mayBeAskedHere:
// "my questions"), and an opening followed by more ("is this private
// equity experience…"), count only in a message that names no topic of
// the roles (roleTopics).
func (c chatText) aboutBot() bool {
	q := string(c)
	roles := slices.ContainsFunc(strings.Fields(q), func(w string) bool { return roleTopics[w] })
	if slices.Contains(botWhole, q) || slices.ContainsFunc(botOpenings, func(p string) bool { return q == p || strings.HasPrefix(q, p+" ") && !roles }) {
		return true
	}
	padded := " " + q + " "
	holds := func(phrases []string) bool {
		return slices.ContainsFunc(phrases, func(p string) bool { return strings.Contains(padded, " "+p+" ") })
	}
	return holds(botPhrases) || holds(seenOrKept) && (holds(askedHere) || holds(mayBeAskedHere) && !roles)
}

var (
	// botWhole are whole messages that ask what the bot is; botOpenings
	// open one.
	botWhole    = []string{"are you ai", "are u ai", "how do you work", "how do u work", "how does this work", "how does this bot work", "what even is this bot", "who made this", "who can see this", "is this ai"}
	botOpenings = []string{"is this private", "is this anonymous", "is this confidential", "is this logged", "is this recorded",
		"is this monitored", "is this tracked", "is this secure", "is this dm private", "is this convo private", "is this chat private"}
	// botPhrases name the bot wherever they stand.
	botPhrases = []string{
		"who built you", "who made you", "who created you", "who wrote you", "who programmed you", "who made this bot",
		"who built this bot", "who runs this bot", "who owns this bot", "who built this thing", "who is behind this bot",
		"who's behind this bot", "what model are you", "which model are you", "what model is this", "model behind you",
		"model behind this", "what ai model", "what llm is", "what llm are you", "what llm do you", "llm behind",
		"are you an ai", "are you ai or", "are you a bot", "are you a robot", "are you human", "are you a human",
		"are you a real person", "are you a person", "are u a bot", "r u a bot", "are u human", "r u human",
		"r u a real person", "r u a person", "are you an actual person", "actual person typing", "behind this bot", "are you an llm", "is this an llm", "are you a language model",
		"are you chatgpt", "are you chat gpt", "r u chatgpt", "are you gpt", "is this gpt", "is this chatgpt",
		"is this thing chatgpt", "is this openai", "are you using gpt", "are you using chatgpt", "is this an ai",
		"is this bot ai", "does this use ai", "do you use ai", "what ai is this", "answers ai generated", "real or automated", "using an llm", "llm under the hood", "what powers you", "powering this bot",
		"is this powered by", "what were you trained on", "where do your answers come from", "where do ur answers come from",
		"do you search the web", "connected to the internet", "is this a bot", "is this thing a bot",
		"do you store my", "do you log my", "do you delete my", "do you learn from my", "do you train on my",
		"do you keep my", "do you save my", "do you remember me", "do you remember what i", "data retention",
		"retention policy", "what do you keep about me", "what do you store about me", "what data do you keep on me", "what data do you keep about me", "do you store anything", "do you keep anything", "do you log anything", "are your answers", "are ur answers", "safe to ask you",
		"what data do you have on me", "what data do you collect", "what do you know about me", "find out i asked",
		"know i asked", "someone on the other end",
	}
	// askedHere name what is asked of the bot; mayBeAskedHere may name
	// other messages too; seenOrKept say that it is seen or kept.
	askedHere = []string{"what i ask you", "what i asked you", "what i type here", "what i say here", "what i ask here",
		"messages to you", "questions to you", "my dms", "dms with you", "this dm", "these chats", "this chat", "this convo",
		"our chat", "my data", "answers you give me", "that i asked", "i type here"}
	mayBeAskedHere = []string{"my questions", "my messages", "what i ask", "these questions", "these messages",
		"this conversation", "our conversation", "if i ask you"}
	seenOrKept = []string{"see", "sees", "seen", "visible", "private", "anonymous", "confidential", "log", "logged",
		"store", "stored", "save", "saved", "kept", "recorded", "tracked", "monitored", "read", "reads", "delete",
		"deleted", "get a copy", "copy of", "do with", "learn from", "sent to", "shared with", "know", "report", "what happens to"}
	// roleTopics are words of questions about the roles that may also say
	// "my questions" or "this conversation".
	roleTopics = question.SetOf("director directors dir dirs vp vps exec execs executive executives ceo cto cfo cpo " +
		"board promotion promo interview interviews team teams org reorg roadmap budget headcount skip")
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
