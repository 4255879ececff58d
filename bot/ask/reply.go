// Package ask answers a question from a guide: it reads the message, asks
// the guide's index (package index), and renders what the search found
// with bot/blockkit, whose rendering runs no search. The bot, the
// terminal's ask, and the scoring of question sets all answer through it.
package ask

import (
	"context"
	"fmt"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
)

// Reply renders the reply to a question from the guide ix indexes, asked
// after another, the last of its conversation ("" for none), on whose
// answer it may lean (index.Index.AskAfter): help, thanks or the like for
// a message that asks nothing of the guide (blockkit.App.Chat), else the
// search's answer (blockkit.App.Answer), both naming app. A question about
// the bot is told what k says the bot keeps; an answer's feedback buttons
// carry token when it is not "".
func Reply(ctx context.Context, app blockkit.App, ix *index.Index, question, after string, private bool, token string, k blockkit.Keeping) (blockkit.Message, blockkit.ReplyOutcome, error) {
	if msg, ok := app.Chat(ix.Guide(), question, k); ok {
		return msg, blockkit.ReplyOutcome{Kind: blockkit.KindHelp}, nil
	}
	r, err := ix.AskAfter(ctx, after, question, blockkit.HitsWanted)
	if err != nil {
		return blockkit.Message{}, blockkit.ReplyOutcome{Kind: blockkit.KindHelp}, fmt.Errorf("answer question: %w", err)
	}
	msg, out := app.Answer(blockkit.Found{Question: question, Result: r, Roles: ix.Roles()}, private, token)
	return msg, out, nil
}

// Preview is the reply to a question as the asker sees it, as text, for
// scoring a question set as people would get its answers (quality): a
// greeting gets help, not a section that says "morning". The app's names
// are the default's: a score does not depend on them.
func Preview(ix *index.Index) quality.Preview {
	return func(ctx context.Context, question, after string) (quality.Reply, error) {
		msg, out, err := Reply(ctx, blockkit.App{}, ix, question, after, true, "", blockkit.Keeping{})
		return quality.Reply{Text: blockkit.Readable(msg), Answered: out.Kind.Answered()}, err
	}
}
