package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/directorbot/directorbot/bot"
	"github.com/directorbot/directorbot/bot/console"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/reload"
	"github.com/directorbot/directorbot/bot/store"
)

func devCommand() command {
	return command{
		name:    "dev",
		summary: "Try the whole bot without Slack: a local fake Slack and the real bot, driven from the terminal.",
		usage:   "[--json] [--agent] [--db URL] [--guide DIR]",
		examples: []string{
			"directorbot dev",
			"printf '/director skills\\n@bot how is a VP different?\\nhi\\n' | directorbot dev --json",
			"printf '/director plan\\ntick 2 5\\nclick Build my plan\\n' | directorbot dev",
			"printf 'thread\\nprompt 1\\n' | directorbot dev --agent",
			"printf '/director how much equity does a VP get\\n' | directorbot dev --db sqlite:try.db && DATABASE_URL=sqlite:try.db directorbot report",
			"printf 'home\\n/director reload\\n' | ADMIN_USERS=UDEV directorbot dev   # you are UDEV: an admin's Home tab and commands",
		},
		settings: appSettings,
		run:      runDev,
	}
}

func runDev(ctx context.Context, env *environment, args []string) error {
	fs, g := devCommand().guideFlagSet(env)
	asJSON := fs.Bool("json", false, "also print every message's payload as the bot sent it: its text, blocks, thread_ts, response_type…")
	agent := fs.Bool("agent", false, "turn on Slack's agent feature: agent threads with suggested prompts (thread)")
	db := fs.String("db", "", "keep the questions asked, their 👍/👎 and plan ticks in this store (sqlite:PATH or postgres://…), as serve does, for report to read")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{"dev takes no arguments: type what a person would send once it starts"}
	}
	owners, err := readOwnerSettings(env)
	if err != nil {
		return err
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	// The bot's errors and warnings show (a failed reply is not just an
	// empty ack, a rejected reload says why); the rest of its log would
	// drown the replies, unless LOG_LEVEL asks for it, as serve would log.
	level, err := logLevel(env, slog.LevelWarn)
	if err != nil {
		return err
	}
	// The log, the reload notes and the console's own errors come from
	// several goroutines: one writer keeps their lines whole.
	stderr := &lockedWriter{w: env.stderr}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	cfg := bot.Config{AppToken: "xapp-dev", BotToken: "xoxb-dev", Logger: logger, Admins: owners.admins, App: owners.app}
	if *db != "" {
		st, err := openDevStore(runCtx, *db, owners, logger, &cfg)
		if err != nil {
			return err
		}
		defer st.Close()
	}
	// As in serve, the guide is reloaded when its folder changes, on
	// /director reload from an admin (ADMIN_USERS=UDEV), or when an
	// admin teaches it; the reloader owns the index.
	// Reloads are indexed in memory: in INDEX_DIR, the reloader would
	// clear the reload folders a serve there may be serving from.
	if g.indexDir != "" {
		fmt.Fprintf(env.stderr, "note: dev indexes the guide in memory; %s (--index-dir, INDEX_DIR) is left alone\n", g.indexDir)
	}
	inMemory := *g
	inMemory.indexDir = ""
	guide, err := startGuide(runCtx, &inMemory, cfg.Lessons, owners, logger)
	if err != nil {
		return err
	}
	defer guide.Close()
	cfg.Guide = guide
	// A rejected reload is told in the admins' DM and the log; one
	// accepted only at Info, which dev does not show: say it here, so that
	// an owner editing the pages sees when the edit went live.
	guide.Notify(func(res reload.Result) {
		if res.Accepted {
			fmt.Fprintf(stderr, "note: guide reloaded (%s): %s\n", res.Trigger, res.Summary())
		}
	})
	go watchGuide(runCtx, guide, owners.app, logger)
	fake := fakeslack.New()
	defer fake.Close()
	// As Slack does, an event the bot leaves unacked (its queue full) is
	// sent again.
	fake.RetryLate(fakeslack.SlackRetries...)
	if *agent {
		fake.EnableAssistant()
	}
	cfg.APIURL = fake.APIURL()
	srv := bot.NewServer(cfg, nil)
	done := make(chan error, 1)
	go func() { done <- srv.Run(runCtx) }()
	if !fake.WaitFor(5*time.Second, func() bool { return fake.Connections() > 0 }) {
		return fmt.Errorf("the bot did not connect to the local fake Slack")
	}
	session := console.New(fake, owners.app.Command(), env.stdout, stderr, *asJSON, *agent)
	fmt.Fprint(env.stdout, session.Help())
	session.Run(runCtx, env.stdin)
	stop()
	if err := <-done; err != nil {
		return err
	}
	if n := len(fake.Refusals()); n > 0 {
		return fmt.Errorf("%d of the bot's replies would have been refused by Slack (see above)", n)
	}
	return nil
}

// lockedWriter is a writer several goroutines may write whole lines to.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// openDevStore opens the store dev keeps what people ask in, as serve
// does, and sets cfg to keep the questions, lessons and plans there, deleting old
// questions as serve does. Claims are left out: the fake Slack numbers its
// events from 1 in every run, and a store that remembered them would take
// the next run's for repeats.
func openDevStore(ctx context.Context, url string, owners ownerSettings, logger *slog.Logger, cfg *bot.Config) (*store.Store, error) {
	st, err := openStore(ctx, "--db", url)
	if err != nil {
		return nil, err
	}
	cfg.Questions, cfg.Lessons, cfg.Plans, cfg.Retention = st, st, st, owners.retention
	go bot.SweepQuestions(ctx, st, owners.retention, logger)
	return st, nil
}
