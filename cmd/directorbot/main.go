// Command directorbot answers questions about the engineering Director role,
// in a terminal or in Slack.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if err := loadDotEnv(".env"); err != nil {
		fmt.Fprintf(os.Stderr, "directorbot: %v\n", err)
		if len(os.Args) > 1 && os.Args[1] == serveCommand().name {
			os.Exit(exitConfig)
		}
		os.Exit(exitUsage)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
