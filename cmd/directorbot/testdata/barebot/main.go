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

	"github.com/slack-go/slack/socketmode"

	"github.com/directorbot/directorbot/cmd/directorbot/testdata/baseline"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := baseline.Serve(ctx, func(socketmode.Event) any {
		return map[string]string{"response_type": "ephemeral", "text": "Directors own a domain across several teams."}
	})
	if err != nil {
		slog.Error("barebot", "err", err)
		os.Exit(1)
	}
}
