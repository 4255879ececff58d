package blockkit

import (
	"strings"

	"github.com/directorbot/directorbot/index"

	"github.com/slack-go/slack"
)

// A reply to a question that the bot keeps (bot/store) carries a reply
// token in its feedback buttons, after the section's ID:
// "positive:SECTION:TOKEN". A 👍/👎 click then finds the kept question by
// its token alone, with no user or channel ID kept beside it. Section IDs
// hold no colon (content.Slug), so the token is what follows the second.

// ReplyOutcome is how a reply to a message went, for the questions a bot
// keeps: its kind, the ID of the section that answered ("" for help or no
// answer), and what each other question the message asks got.
type ReplyOutcome struct {
	Kind    Kind
	Section string
	// Question is, for a message that asks others beside it, the words of
	// the question the first answer answers ("" for the whole message).
	Question string
	// Others are the message's other questions, answered under "You also
	// asked" or refused there (index.Result.Others and Unanswered).
	Others []Other
	// Elsewhere, when set, tells that the answer is from another role's
	// part of the guide than the one asked about (index.Hit.Elsewhere),
	// which it says.
	Elsewhere *index.Elsewhere
}

// Other is another question a message asks, and its reply: KindAnswer
// with the section that answered, or the kind of its refusal.
type Other struct {
	Question string
	Kind     Kind
	Section  string
}

// SectionOf returns the ID of the section whose answer msg is, as its
// feedback buttons name it, or "" for a message that is no answer.
func SectionOf(msg Message) string {
	_, section := withReplyToken(msg, "")
	return section
}

// WithVoteToken returns msg with token added to the values of its
// feedback buttons, after the section's ID, as a reply to a question
// carries its reply token: a vote on it then names the token (ReadVote).
// A message without feedback buttons is returned as it is.
func WithVoteToken(msg Message, token string) Message {
	msg, _ = withReplyToken(msg, token)
	return msg
}

// withReplyToken returns msg with token added to the values of its
// feedback buttons, and the ID of the section they vote on. The blocks
// that change are copies: msg is left as it was.
func withReplyToken(msg Message, token string) (Message, string) {
	section := ""
	blocks := make([]slack.Block, len(msg.Blocks))
	copy(blocks, msg.Blocks)
	for i, b := range blocks {
		ca, ok := b.(*slack.ContextActionsBlock)
		if !ok || ca.Elements == nil {
			continue
		}
		elems := make([]slack.BlockElement, len(ca.Elements.ElementSet))
		copy(elems, ca.Elements.ElementSet)
		for j, e := range elems {
			fb, ok := e.(*slack.FeedbackButtonsBlockElement)
			if !ok || fb.PositiveButton == nil || fb.NegativeButton == nil {
				continue
			}
			_, id, ok := Vote(fb.ActionID, fb.PositiveButton.Value)
			if !ok || id == "" {
				continue
			}
			section = id
			if token == "" || len(fb.PositiveButton.Value)+1+len(token) > maxButtonValue || len(fb.NegativeButton.Value)+1+len(token) > maxButtonValue {
				continue
			}
			up, down := *fb.PositiveButton, *fb.NegativeButton
			up.Value += ":" + token
			down.Value += ":" + token
			tokened := *fb
			tokened.PositiveButton, tokened.NegativeButton = &up, &down
			elems[j] = &tokened
		}
		copied := *ca
		copied.Elements = &slack.BlockElements{ElementSet: elems}
		blocks[i] = &copied
	}
	msg.Blocks = blocks
	return msg, section
}

// ReadVote reads a click on a feedback button: whether the answer helped,
// the ID of the section it showed, and the reply token it carries, "" for
// an answer to a button rather than to a question, or one sent before
// questions were kept. ok is false for any other button.
func ReadVote(actionID, value string) (helpful bool, section, token string, ok bool) {
	helpful, section, ok = Vote(actionID, value)
	if parts := strings.SplitN(value, ":", 3); ok && ActionOf(actionID) == ActionFeedback && len(parts) == 3 {
		token = parts[2]
	}
	return helpful, section, token, ok
}

// ReloadNotice tells an admin, in a DM they did not ask for, how a guide
// reload went (ReloadReply), and why they are told.
func (a App) ReloadNotice(summary string, problems []string) Message {
	msg := ReloadReply(summary, problems)
	msg.Blocks = append(msg.Blocks, contextLine("Guide reloads happen when the pages in `GUIDE_DIR` or the lessons taught change, or with "+a.ask("reload")+". Only admins get this."))
	return msg
}

// ReloadReply answers an admin's reload with how it went: its summary,
// and the problems that rejected it (a page's mistake with its file and
// line, or the lines of questions.jsonl that failed), as many as fit, but
// for the one the summary already says.
func ReloadReply(summary string, problems []string) Message {
	blocks := []slack.Block{section(truncateEscaped(escape(summary), maxSectionText))}
	if len(problems) == 1 && strings.Contains(summary, problems[0]) {
		problems = nil
	}
	// A file of questions lists 20 mistaken lines and one counting the
	// rest (content.Error.More): all are shown.
	const shown = 21
	var lines []string
	room := maxSectionText
	for i, p := range problems {
		if i == shown {
			lines = append(lines, "…and more: `directorbot eval --misses --guide GUIDE_DIR GUIDE_DIR/questions.jsonl` lists them all")
			break
		}
		line := "• " + truncateEscaped(escape(p), 300)
		if room -= len([]rune(line)) + 1; room < 200 {
			lines = append(lines, "…and more")
			break
		}
		lines = append(lines, line)
	}
	if len(lines) > 0 {
		blocks = append(blocks, section(strings.Join(lines, "\n")))
	}
	return Message{Text: truncateEscaped(escape(summary), maxFallbackText), Blocks: blocks}
}

// ReloadHow answers "reload" sent in a DM or a mention, which reloads
// nothing: the command does.
func (a App) ReloadHow() Message {
	return sentence("To reload the guide, one of its admins types " + a.ask("reload") + ".")
}

// AdminsOnly answers the slash command's reload from someone who is not an admin.
func AdminsOnly() Message {
	text := "Only the guide's admins can reload it."
	return sentence(text)
}

// NoAdmins answers the slash command's reload when the bot has no admins: no one
// can reload, and whoever runs the bot is who can name them.
func NoAdmins() Message {
	text := "No admins are configured, so no one can reload the guide: ADMIN_USERS, where the bot runs, names them by their Slack member IDs."
	return sentence(text)
}

// Reloading acknowledges the slash command's reload from an admin: the result
// follows.
func Reloading() Message {
	text := "Reloading the guide… I'll tell you how it went."
	return sentence(text)
}
