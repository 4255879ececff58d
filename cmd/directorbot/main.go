// Command directorbot answers questions about the engineering Director role,
// in a terminal or in Slack.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"syscall"
)

func main() {
	loaded, err := loadDotEnv(".env")
	for _, slip := range loaded.slips {
		fmt.Fprintf(os.Stderr, "directorbot: %s\n", slip)
	}
	if err != nil {
		if code, stop := dotEnvMistake(os.Args[1:]); stop {
			fmt.Fprintf(os.Stderr, "directorbot: %v\n", err)
			os.Exit(code)
		}
		fmt.Fprintf(os.Stderr, "directorbot: %v (ignored: this command reads no settings)\n", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := newEnvironment(os.Stdout, os.Stderr)
	env.dotEnv = loaded
	code := runIn(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

// dotEnvMistake is what a malformed .env does to a command line: the exit
// code, and whether to stop. serve stops as for any setting's mistake
// (exitConfig, which its service manager does not restart); version and
// help, which read no settings, go on.
func dotEnvMistake(args []string) (code int, stop bool) {
	if len(args) == 0 || slices.Contains([]string{"help", "-h", "--help", "version", "-v", "--version"}, args[0]) || helpAsked(args[1:]) {
		return 0, false
	}
	if args[0] == serveCommand().name {
		return exitConfig, true
	}
	return exitUsage, true
}
