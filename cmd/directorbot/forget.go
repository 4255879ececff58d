package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/bot/store"
)

func forgetCommand() command {
	return command{
		name:    "forget",
		summary: "Delete what the store keeps by people's Slack user IDs, as /director forget me does for oneself: for people who left, or who asked an admin.",
		usage:   "USER_ID...",
		examples: []string{
			"directorbot forget U012ABCDEF",
			"DATABASE_URL=postgres://bot@db/directorbot directorbot forget U012ABCDEF W034GHIJKL",
		},
		run: runForget,
	}
}

func runForget(ctx context.Context, env *environment, args []string) error {
	c := forgetCommand()
	users, err := parse(c.flags(env.stderr), args)
	if err != nil {
		return err
	}
	if len(users) == 0 {
		return usageError{"forget needs one or more Slack user IDs, such as U012ABCDEF (a person's profile › ⋮ › Copy member ID)"}
	}
	for _, u := range users {
		// A name ("@jane") or an email would forget no one.
		if !blockkit.IsUserID(u) {
			return usageError{fmt.Sprintf("%q is not a Slack user ID, such as U012ABCDEF (a person's profile › ⋮ › Copy member ID)", u)}
		}
	}
	url, err := reportDatabaseURL(env)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, url)
	switch {
	case store.Unprivileged(err):
		// The report's read-only role, say.
		return usageError{fmt.Sprintf("DATABASE_URL: %v: forget deletes rows, and opening the store may create or change its tables: the role lacks a right forget needs (serve's role has them)", err)}
	case err != nil:
		return storeError("DATABASE_URL", err)
	}
	defer st.Close()
	for _, u := range users {
		f, err := st.Forget(ctx, u)
		if err != nil {
			return fmt.Errorf("forget %s: %w", u, err)
		}
		fmt.Fprintf(env.stdout, "%s: %s\n", u, forgotten(f))
	}
	fmt.Fprintln(env.stderr, "directorbot forget: the questions kept for the guide's owners carry no user ID; they are deleted after RETENTION_DAYS")
	return nil
}

// forgotten says what a forget deleted.
func forgotten(f store.Forgotten) string {
	var parts []string
	if f.Plans > 0 {
		parts = append(parts, "their self-assessment")
	}
	if f.Welcomes > 0 {
		parts = append(parts, "the note that they were welcomed")
	}
	if f.Conversations > 0 {
		parts = append(parts, "the memory of "+report.Quantity(int(f.Conversations), "conversation"))
	}
	if f.Handoffs > 0 {
		parts = append(parts, report.Quantity(int(f.Handoffs), "question")+" waiting for an answer")
	}
	if len(parts) == 0 {
		return "nothing was kept"
	}
	return "deleted " + strings.Join(parts, ", ")
}
