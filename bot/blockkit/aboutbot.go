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

// Keeping is what the bot keeps of the questions asked of it: for the
// guide's owners, whether it keeps them (Questions) and for how long
// (Retention, which serve always sets); for a follow-up, how long the last
// question of a conversation is kept with its asker's ID (Conversation;
// none when zero, as in the terminal).
type Keeping struct {
	Questions    bool
	Retention    time.Duration
	Conversation time.Duration
}

// conversation says how long the last question of a conversation is kept.
func (k Keeping) conversation() string {
	return fmt.Sprintf("%d minutes", int(k.Conversation.Minutes()))
}

// forOwners says how the questions are kept for the guide's owners:
// never with who asked them or where.
func (k Keeping) forOwners() string {
	return fmt.Sprintf("for the guide's owners, *without any user or channel ID*, deleted after %d days", int(k.Retention.Hours()/24))
}

// asksAboutBot reports whether a message, opened, asks about the bot
// itself rather than the guide: who made it, whether it is an AI or a
// person, who sees what is asked of it and what it keeps ("can my manager
// see what I ask you?"). People ask the guide's questions in the second
// person too ("who trained you to think like an exec?", "do you use AI to
// write reviews as a director?"), so the bot is asked about only in words
// that name it (botPhrases, botOpenings, botWhole), or that name what is
// asked here (askedHere) and its being seen or kept (seenOrKept): "can my
// manager see my messages?". Words that might be about something else
// (mayBeAboutBot: "do you use ai", "retention policy"; mayBeAskedHere: "my
// questions", "this dm"), and an opening followed by more ("is this
// private equity experience…"), count only in a message that names no
// topic of the roles (roleTopics).
func asksAboutBot(q string) bool {
	roles := slices.ContainsFunc(strings.Fields(q), func(w string) bool { return roleTopics[strings.TrimSuffix(w, "'s")] })
	if slices.Contains(botWhole, q) || slices.ContainsFunc(botOpenings, func(p string) bool { return q == p || strings.HasPrefix(q, p+" ") && !roles }) {
		return true
	}
	padded := " " + q + " "
	holds := func(phrases []string) bool {
		return slices.ContainsFunc(phrases, func(p string) bool { return strings.Contains(padded, " "+p+" ") })
	}
	if holds(botPhrases) || holds(seenOrKept) && holds(askedHere) {
		return true
	}
	return !roles && (holds(mayBeAboutBot) || holds(seenOrKept) && holds(mayBeAskedHere))
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
		"who built this bot", "who runs this bot", "who owns this bot", "who built this thing", "behind this bot",
		"what model are you", "which model are you", "what model is this", "model behind you", "model behind this",
		"what llm is", "what llm are you", "what llm do you", "llm behind", "are you an ai", "are you ai or",
		"are you a bot", "are you a robot", "are you human", "are you a human", "are you a real person",
		"are you a person", "are u a bot", "r u a bot", "are u human", "r u human", "r u a real person", "r u a person",
		"are you an actual person", "actual person typing", "are you an llm", "is this an llm", "are you a language model",
		"are you chatgpt", "are you chat gpt", "r u chatgpt", "are you gpt", "is this gpt", "is this chatgpt",
		"is this thing chatgpt", "is this openai", "are you using gpt", "are you using chatgpt", "is this an ai",
		"is this bot ai", "what ai is this", "answers ai generated", "real or automated", "using an llm",
		"llm under the hood", "what powers you", "powering this bot", "is this powered by", "what were you trained on",
		"where do your answers come from", "where do ur answers come from", "do you search the web",
		"connected to the internet", "is this thing a bot", "do you store my", "do you log my", "do you delete my",
		"do you learn from my", "do you train on my", "do you keep my", "do you save my", "do you remember me",
		"do you remember what i", "what do you keep about me", "what do you store about me", "what data do you keep on me",
		"what data do you keep about me", "what data do you have on me", "what data do you collect",
		"what do you know about me", "do you store anything", "do you keep anything", "do you log anything",
		"someone on the other end", "safe to ask you",
	}
	// mayBeAboutBot name the bot, or something of the roles; among them,
	// the guide itself, which the card says the guide's owners keep up to
	// date ("who wrote this guide?", not "who owns the guide to hiring, the
	// VP?").
	mayBeAboutBot = []string{"is this a bot", "does this use ai", "do you use ai", "what ai model", "are your answers",
		"are ur answers", "data retention", "retention policy", "know i asked", "find out i asked",
		"who wrote this guide", "who wrote the guide", "who writes the guide", "who wrote this career guide",
		"who wrote the career guide", "who maintains the guide", "who maintains this guide", "who owns the guide",
		"who owns this guide", "who updates the guide", "who keeps the guide", "is the guide up to date",
		"is this guide up to date", "how up to date is the guide", "how up to date is this guide", "how old is the guide",
		"how old is this guide", "when was the guide updated", "when was this guide updated",
		"when was the guide last updated", "when was this guide last updated"}
	// askedHere name what is asked of the bot; mayBeAskedHere may name
	// other messages too; seenOrKept say that it is seen or kept.
	askedHere = []string{"what i ask you", "what i asked you", "i type here", "what i say here", "what i ask here",
		"messages to you", "questions to you", "my dms", "dms with you", "this convo", "our chat", "answers you give me",
		"my plan"}
	mayBeAskedHere = []string{"my questions", "my messages", "what i ask", "these questions", "these messages",
		"this conversation", "our conversation", "if i ask you", "my data", "that i asked", "this dm", "this chat", "these chats"}
	seenOrKept = []string{"see", "sees", "seen", "visible", "private", "anonymous", "confidential", "log", "logged",
		"store", "stored", "save", "saved", "kept", "recorded", "tracked", "monitored", "read", "reads", "delete",
		"deleted", "get a copy", "copy of", "do with", "learn from", "sent to", "shared with", "what happens to"}
	// roleTopics are words of questions about the roles that may also say
	// "my questions" or "do you use ai".
	roleTopics = question.SetOf("director directors dir dirs vp vps exec execs executive executives ceo cto cfo cpo " +
		"board promotion promo interview interviews team teams org reorg roadmap budget headcount skip transfer " +
		"reviews review report reports")
)

// renderAboutBot says what the bot is and is not, who sees the answers
// and the questions asked of it, and what it keeps of them.
func (a App) renderAboutBot(g *content.Guide, k Keeping) Message {
	what := about(g) + " I'm a bot, not a person, and not a language model: I don't write answers or search the web. I find the part of the guide that answers your question and show it as written, or tell you that it doesn't. Your company runs me, and the guide's owners keep the guide up to date."
	dm := "• A DM to me — nobody else sees the conversation in Slack"
	if k.Questions {
		dm += "; its questions' words are kept for the guide's owners, without your name, and they read them (below): leave names and secrets out"
	}
	var kept []string
	if k.Conversation > 0 {
		kept = append(kept, "• The last question you asked me in a DM or a thread, with your user ID, for "+k.conversation()+", so that I understand a follow-up like \"any example?\"")
	}
	if k.Questions {
		kept = append(kept, "• Every question's text, "+k.forOwners()+"; a question asked in a channel can still be read there, under your name")
	} else {
		kept = append(kept, "• No questions for the guide's owners: they are not kept")
	}
	if p := g.Path(); p != nil {
		kept = append(kept, "• The *"+truncateEscaped(escape(p.Indicators.Title), maxHeader)+"* you tick with "+a.ask("plan")+", for you alone")
	}
	blocks := []slack.Block{
		header("About " + a.Name()),
		section(what),
		section("*Who sees what you ask*\n• " + a.ask("&lt;question&gt;") + " — only you see the answer, unless you share it\n• " + a.mention() + " in a channel — I reply in the thread, which everyone in the channel can see\n" + dm),
		section("*What I keep*\n" + strings.Join(kept, "\n") + "\n" + a.ask("forget me") + " (or `forget me` in a DM with me) deletes everything I keep about you."),
		contextLine("Your messages to me stay in your Slack history, which Slack keeps under your workspace's settings, not me."),
	}
	return Message{Text: truncateEscaped("About "+escape(a.Name())+": what I am, who sees what you ask, and what I keep.", maxFallbackText), Blocks: blocks}
}
