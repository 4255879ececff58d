package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/bot/ask"
	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/index"
)

// promptReply is what a click on one of the guide's own suggested prompts
// (frontmatter prompts) gets, in a line for its owners; wrong says the
// reply is no answer from the guide, or one that may not answer it.
type promptReply struct {
	note  string
	wrong bool
}

// promptReplies answers each of the guide's own suggested prompts as a
// click on its button is answered in a DM, where the welcome offers it to
// everyone: a prompt that gets no answer, or only the closest the guide
// has, is the first thing a newcomer sees fail. The prompts drawn from the
// guide's topics (none of its own) are its sections' titles, and are not
// checked.
func promptReplies(ctx context.Context, ix *index.Index) ([]promptReply, error) {
	g := ix.Guide()
	var replies []promptReply
	for _, p := range g.Prompts() {
		said := fmt.Sprintf("the prompt %q", p.Title)
		if p.Message != p.Title {
			said += fmt.Sprintf(" (it sends %q)", p.Message)
		}
		plan := blockkit.PlanIntent(p.Message) != blockkit.PlanNone
		switch {
		case blockkit.IsForget(p.Message):
			replies = append(replies, promptReply{said + " deletes the plan and conversation of whoever clicks it: it asks the bot to forget them", true})
			continue
		case plan && g.Path() == nil:
			replies = append(replies, promptReply{said + " asks for a plan, and the guide offers none: it gets the reply that there is no plan", true})
			continue
		case plan:
			replies = append(replies, promptReply{note: said + " builds the self-assessment (plan)"})
			continue
		}
		_, out, err := ask.Reply(ctx, blockkit.App{}, ix, p.Message, "", true, "", blockkit.Keeping{})
		if err != nil {
			return nil, fmt.Errorf("answer the prompt %q: %w", p.Message, err)
		}
		replies = append(replies, promptAnswer(said, ix, out))
	}
	return replies, nil
}

// promptAnswer tells of the reply out to a prompt that asks the guide.
func promptAnswer(said string, ix *index.Index, out blockkit.ReplyOutcome) promptReply {
	const mend = ": word it as a question the guide answers, or drop it"
	title := out.Section
	if s, ok := ix.Guide().Section(out.Section); ok {
		title = s.Title
	}
	switch {
	case out.Kind == blockkit.KindHelp:
		return promptReply{said + " gets the help message, not an answer" + mend, true}
	case !out.Kind.Answered():
		return promptReply{fmt.Sprintf("%s gets no answer (%s)%s", said, out.Kind, mend), true}
	case out.Kind == blockkit.KindUnsure:
		return promptReply{fmt.Sprintf("%s gets only the closest the guide has, %q, which may not answer it%s", said, title, mend), true}
	case out.Elsewhere != nil:
		return promptReply{fmt.Sprintf("%s asks about the %s and is answered from the part about the %s, %q%s", said, strings.Join(out.Elsewhere.Asked, " and "), strings.Join(out.Elsewhere.About, " and "), title, mend), true}
	}
	// Only the owner knows the section meant: "What does a Director do at
	// Halyard?" may find "Promotions at Halyard".
	return promptReply{note: fmt.Sprintf("%s is answered by %q (%s): check it is the section meant", said, title, out.Section)}
}
