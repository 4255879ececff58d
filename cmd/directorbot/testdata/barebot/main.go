// Command barebot is the plain baseline BenchmarkMemory runs beside the
// bot: slack-go's Socket Mode client and the bot's store (SQLite), acking
// every slash command with the same text. It indexes and renders nothing.
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/directorbot/directorbot/bot/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, "sqlite:directorbot.db")
	if err != nil {
		slog.Error("open store", "err", err)
		os.Exit(1)
	}
	defer st.Close()
	api := slack.New(os.Getenv("SLACK_BOT_TOKEN"),
		slack.OptionAppLevelToken(os.Getenv("SLACK_APP_TOKEN")),
		slack.OptionAPIURL(os.Getenv("SLACK_API_URL")))
	sm := socketmode.New(api)
	go func() {
		for evt := range sm.Events {
			if evt.Request != nil {
				sm.Ack(*evt.Request, map[string]string{"response_type": "ephemeral", "text": "Directors own a domain across several teams."})
			}
		}
	}()
	slog.Info("connecting")
	go func() {
		// RunContext returns only with an error, the context's once it ends.
		if err := sm.RunContext(ctx); ctx.Err() == nil {
			slog.Error("socket mode", "err", err)
			os.Exit(1)
		}
	}()
	// The client's own shutdown waits on its reads: a baseline need not.
	<-ctx.Done()
}
