package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/bot"
	"github.com/directorbot/directorbot/bot/ask"
	"github.com/directorbot/directorbot/bot/blockkit"
)

func askCommand() command {
	return command{
		name:    "ask",
		summary: "Answer a question from the guide, as the bot would in Slack.",
		usage:   "[--json] QUESTION",
		examples: []string{
			`directorbot ask "What skills does a director need?"`,
			`directorbot ask --json "who does a VP report to?"   # paste into Block Kit Builder`,
			`directorbot ask help`,
		},
		settings: appSettings,
		run:      runAsk,
	}
}

func runAsk(ctx context.Context, env *environment, args []string) error {
	fs, g := askCommand().guideFlagSet(env)
	asJSON := fs.Bool("json", false, "print the Slack message payload {\"text\", \"blocks\"} instead of text")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	retention, err := readRetention(env)
	if err != nil {
		return err
	}
	app, err := readApp(env)
	if err != nil {
		return err
	}
	ix, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	question := strings.Join(rest, " ")
	// Asked what the bot keeps, it answers as serve, which always has a
	// store, would: ask itself keeps nothing.
	kept := blockkit.Keeping{Questions: true, Retention: retention, Conversation: bot.ConversationTTL}
	msg, _, err := ask.Reply(ctx, app, ix, question, "", true, "", kept)
	if err != nil {
		return err
	}
	// "Forget me" is told what ask kept of the asker: nothing.
	if blockkit.IsForget(question) {
		_, err = fmt.Fprintln(env.stdout, "ask keeps nothing about you, so there is nothing to forget. In Slack, "+app.Command()+" forget me deletes what serve keeps of you: your plan's ticks, the note that you were welcomed, your questions waiting for an answer, your last question in a conversation.")
		return err
	}
	// A plan request gets the self-assessment, as in Slack, where ticking
	// and building it happen; the terminal shows the form.
	planned := false
	if blockkit.PlanIntent(question) != blockkit.PlanNone {
		if form, ok := app.Assessment(ix.Guide(), nil); ok {
			msg, planned = form, true
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(msg)
	}
	if _, err = fmt.Fprint(env.stdout, blockkit.Readable(msg)); err != nil || !planned {
		return err
	}
	_, err = fmt.Fprintln(env.stdout, "\nIn Slack, tick what you already do and press Build my plan; to try it here: directorbot dev, then "+app.Command()+" plan.")
	return err
}
