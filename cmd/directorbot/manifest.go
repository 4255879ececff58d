package main

import (
	"context"
	"errors"

	"github.com/directorbot/directorbot/deploy"
)

func manifestCommand() command {
	return command{
		name:    "manifest",
		summary: "Print the Slack app manifest to paste at api.slack.com/apps (Create New App › From an app manifest), under the names BOT_NAME and SLASH_COMMAND give.",
		usage:   "[--agent]",
		examples: []string{
			"directorbot manifest > manifest.yaml",
			"BOT_NAME='Career Guide' SLASH_COMMAND=/career directorbot manifest --agent",
		},
		settings: appSettings,
		run:      runManifest,
	}
}

func runManifest(_ context.Context, env *environment, args []string) error {
	fs := manifestCommand().flags(env.stderr)
	agent := fs.Bool("agent", false, "the app with Slack's agent feature (Agents & AI Apps, a paid plan): DMs open as agent threads with suggested prompts")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{"manifest takes no arguments: name the app with BOT_NAME and SLASH_COMMAND"}
	}
	app, err := readApp(env)
	if err != nil {
		return err
	}
	named, err := deploy.NamedManifest(*agent, app)
	var long deploy.NameTooLong
	if errors.As(err, &long) {
		return usageError{long.Error()}
	}
	if err != nil {
		return err
	}
	_, err = env.stdout.Write(named)
	return err
}
