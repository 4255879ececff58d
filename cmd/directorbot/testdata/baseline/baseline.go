// Package baseline is what the memory benchmark's baseline bots share
// (BenchmarkMemory): the bot's store on SQLite, and slack-go's Socket Mode
// client acking every request with the reply its bot gives.
package baseline

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/directorbot/directorbot/bot/store"
)

// Serve opens the store in the working directory, connects to Slack with
// the environment's tokens and API URL, and acks each request with reply's
// payload for it, until ctx ends. It logs "connecting" once it starts to.
func Serve(ctx context.Context, reply func(socketmode.Event) any) error {
	st, err := store.Open(ctx, "sqlite:directorbot.db")
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"),
		slack.OptionAppLevelToken(os.Getenv("SLACK_APP_TOKEN")),
		slack.OptionAPIURL(os.Getenv("SLACK_API_URL")))
	sm := socketmode.New(api)
	go func() {
		for evt := range sm.Events {
			if evt.Request == nil {
				continue
			}
			// Slack drops an ack it cannot take; the fake would only
			// report the command as never acked.
			if err := sm.Ack(*evt.Request, reply(evt)); err != nil {
				slog.Error("ack", "err", err)
			}
		}
	}()
	slog.Info("connecting")
	failed := make(chan error, 1)
	// RunContext returns only with an error, the context's once it ends.
	go func() { failed <- sm.RunContext(ctx) }()
	// The client's own shutdown waits on its reads: a baseline need not.
	select {
	case <-ctx.Done():
		return nil
	case err := <-failed:
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("socket mode: %w", err)
	}
}
