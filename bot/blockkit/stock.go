package blockkit

import (
	"slices"
	"unicode/utf8"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// Gone is the polite reply to a button for a section the guide no longer
// has.
func (a App) Gone() Message {
	return Message{
		Text:   "That topic is no longer in the guide.",
		Blocks: []slack.Block{section("That topic is no longer in the guide — it may have been renamed. Type " + a.ask("help") + " to see the topics I know about.")},
	}
}

// AlreadyContinued is the reply to Continue reading on an answer it
// continued before: the rest is posted once, just after the answer.
func AlreadyContinued() Message {
	return sentence("👆 That answer is continued already: the rest was posted below it, or in its thread.")
}

// sentence is a reply of one short text, its notification the same.
func sentence(text string) Message {
	return Message{Text: text, Blocks: []slack.Block{section(text)}}
}

// SameAsAbove is the reply to a follow-up whose answer is the one just
// given ("and for a VP?" after a comparison that gives both roles): that
// answer's notification text (said), what it opens with, is said again,
// since a thread may have grown below it (a table or a topic opened from
// its buttons), and "above" alone would point at those.
func SameAsAbove(said string) Message {
	const text = "👆 The answer above is what the guide says about that too"
	if said == "" {
		return sentence(text + ".")
	}
	lead := text + ":\n> "
	return sentence(lead + truncateEscaped(said, maxFallbackText-utf8.RuneCountInString(lead)))
}

// NoSuchItem is the reply to a follow-up that points to an item the
// answer above does not have ("the ninth one" after five pitfalls).
func NoSuchItem() Message {
	const text = "👆 The answer above has fewer items than that. Ask me about one of them in its own words."
	return sentence(text)
}

// NoMoreDetail is the reply to a request for an example or more detail
// ("any example?") of an answer that showed all the guide has of its
// section s: the examples it gave, its own and its subsections', or word
// that the guide gives none.
func NoMoreDetail(s *content.Section) Message {
	switch n := s.Examples(); {
	case n == 1:
		return sentence("👆 The answer above gives the guide's example of *" + escape(s.Title) + "*: it has no other.")
	case n > 1:
		return sentence("👆 The answer above gives the guide's examples of *" + escape(s.Title) + "*: it has no others.")
	}
	return sentence("👆 That's all the guide has on *" + escape(s.Title) + "*: it gives no example or more detail of it than the answer above.")
}

// Source is the reply to "source?" after an answer from section s: where
// it sits in the guide, as written there.
func Source(s *content.Section) Message {
	return sentence("👆 That answer is the guide's *" + escape(s.Title) + "* (" + breadcrumb(s) + "), shown as written.")
}

// OtherRoleAbove is the reply to a follow-up about another role ("and
// for a VP?") that the answer above, from section s, answers again, as
// the closest the guide has about the role asked about (e).
func OtherRoleAbove(s *content.Section, e *index.Elsewhere) Message {
	return sentence("👆 The guide's closest answer is the one above, *" + escape(s.Title) + "*, which is about " + theRoles(e.About) +
		": it has nothing closer about " + theRoles(e.Asked) + ". The buttons above lead on.")
}

// Doubted is the reply to "are you sure?" after an answer from section s:
// where it comes from, and what to do when it looks wrong.
func Doubted(s *content.Section) Message {
	return sentence("👆 That answer is the guide's own words, its *" + escape(s.Title) + "* (" + breadcrumb(s) + "), shown as written. I can't vouch for it beyond the guide: if it looks wrong, 👎 on it tells the guide's owners.")
}

// InShort is the reply to "tl;dr" after an answer from section s: its
// first line, and where the rest is.
func InShort(s *content.Section) Message {
	line := firstLine(s)
	if line == "" {
		return Source(s)
	}
	return sentence("👆 In short, from *" + escape(s.Title) + "*: " + truncateEscaped(escape(line), maxSectionText-200) + "\n_The answer above has the rest._")
}

// ownWords tells where every answer comes from, asked with no answer
// before it to place.
const ownWords = "My answers are the guide's own words, shown as written under the title of their section and where it sits in the guide: I don't write answers or search the web."

// FilesUnread is the reply to a DM of files without words: the bot reads
// no files.
func FilesUnread() Message {
	const text = "I can't open files or images. Ask me your question in words, or type `help` for everything I know about."
	return sentence(text)
}

// Missed answers a message that only says the last reply missed ("that's
// not what I asked"): what to do next.
func (a App) Missed() Message {
	return sentence("Tell me in other words what you're after: a figure, a role, a situation. If an answer missed, 👎 on it lets the guide's owners see it; " + a.ask("help") + " lists the topics.")
}

// Sorry is the reply when answering failed.
func Sorry() Message {
	const text = "Sorry, something went wrong. Please try again."
	return sentence(text)
}

// SmallTalk is the reply to small talk or a request for a joke ("how are
// you?", "tell me a joke about VPs"): the bot has neither, and says what
// it does instead.
func (a App) SmallTalk() Message {
	return sentence("🙂 I'm a bot with no small talk and no jokes: I answer questions from the guide. Ask me one, or " + a.helpHint())
}

// GladToHelp is the reply to a message that only thanks the bot or
// acknowledges an answer ("thanks!", "ok cool"); it reads as well after an
// "ok" to an offer.
func (a App) GladToHelp() Message {
	return sentence("Glad to help. Ask me anything else, or " + a.helpHint())
}

// Thanks acknowledges a click on a feedback button, privately, under the
// answer: a vote that it helped is thanked; a vote that it did not also
// says how to find a better answer.
func (a App) Thanks(helpful bool) Message {
	text := "Thanks for the feedback!"
	if !helpful {
		text = "Thanks for the feedback! Try asking in other words, or " + a.helpHint()
	}
	return Message{Text: text, Blocks: []slack.Block{contextLine(text)}}
}

// inThreadHint is how an answer in a channel's thread says how to ask
// more there: the bot reads a channel's messages only when mentioned.
const inThreadHint = "To ask more here, mention me in this thread."

// InThread is an answer as posted in a channel's thread: with
// inThreadHint last, above a table (which Slack draws at the bottom
// anyway) and its caption, which stays with it, unless the message has
// no room for one more block or its text.
func InThread(m Message) Message {
	hint := contextLine("_" + inThreadHint + "_")
	if len(m.Blocks) >= maxBlocks || blocksTextLen(m.Blocks)+textLen(hint) > maxBlocksText {
		return m
	}
	at := slices.IndexFunc(m.Blocks, func(b slack.Block) bool {
		_, table := b.(*slack.TableBlock)
		return table
	})
	switch {
	case at < 0:
		at = len(m.Blocks)
	case at > 0:
		if _, caption := m.Blocks[at-1].(*slack.ContextBlock); caption {
			at--
		}
	}
	m.Blocks = slices.Insert(slices.Clone(m.Blocks), at, hint)
	return m
}
