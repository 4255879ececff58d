package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot"
	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/reload"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
)

// ownerSettings are serve's settings for the guide's owners.
type ownerSettings struct {
	// admins are ADMIN_USERS.
	admins []string
	// retention is RETENTION_DAYS.
	retention time.Duration
	// gate is RELOAD_MIN_TOP1 and RELOAD_MIN_REFUSED.
	gate quality.Gate
	// app is BOT_NAME and SLASH_COMMAND.
	app blockkit.App
}

// defaultRetentionDays is how long questions are kept without
// RETENTION_DAYS.
const defaultRetentionDays = 90

// maxRetentionDays bounds RETENTION_DAYS at a hundred years, as report
// bounds --since: far longer than a store is kept, and far less than a
// time.Duration holds (292 years), which 200,000 days overflowed into a
// negative age that deleted every question kept.
const maxRetentionDays = 36500

// readRetention reads RETENTION_DAYS, how long questions are kept: on its
// own for ask, which tells it and needs no other setting.
func readRetention(env *environment) (time.Duration, error) {
	v := strings.TrimSpace(env.getenv("RETENTION_DAYS"))
	if v == "" {
		return defaultRetentionDays * 24 * time.Hour, nil
	}
	days, err := strconv.Atoi(v)
	if err != nil || days < 1 || days > maxRetentionDays {
		return 0, usageError{fmt.Sprintf("RETENTION_DAYS %q: want a whole number of days from 1 to %d (a hundred years: to keep questions for good)", v, maxRetentionDays)}
	}
	return time.Duration(days) * 24 * time.Hour, nil
}

// appSettings are the settings readApp reads, as a command's help lists
// them.
var appSettings = []string{
	"BOT_NAME            the bot's display name, as the app's manifest gives it (default Director Bot)",
	"SLASH_COMMAND       the app's slash command, as its manifest gives it (default /director)",
}

// readApp reads BOT_NAME and SLASH_COMMAND, what the workspace calls the
// bot and its command: on their own for ask, which names them.
func readApp(env *environment) (blockkit.App, error) {
	app, err := blockkit.NewApp(env.getenv("BOT_NAME"), env.getenv("SLASH_COMMAND"))
	if err != nil {
		return app, usageError{fmt.Sprintf("BOT_NAME or SLASH_COMMAND: %v; set both as the app's manifest names them (deploy/slack/manifest.yaml)", err)}
	}
	return app, nil
}

// readOwnerSettings reads ADMIN_USERS, RETENTION_DAYS, RELOAD_MIN_TOP1,
// RELOAD_MIN_REFUSED, BOT_NAME and SLASH_COMMAND; a malformed one is a
// usage error naming it.
func readOwnerSettings(env *environment) (ownerSettings, error) {
	retention, err := readRetention(env)
	app, appErr := readApp(env)
	o := ownerSettings{retention: retention, gate: reload.DefaultGate, app: app}
	errs := []error{err, appErr}
	for _, id := range strings.Split(env.getenv("ADMIN_USERS"), ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if !blockkit.IsUserID(id) {
			errs = append(errs, usageError{fmt.Sprintf("ADMIN_USERS: %q is not a Slack user ID (U… or W…, from a profile's ⋮ › Copy member ID)", id)})
		}
		o.admins = append(o.admins, id)
	}
	for _, f := range []struct {
		name string
		into *float64
	}{{"RELOAD_MIN_TOP1", &o.gate.MinTop1}, {"RELOAD_MIN_REFUSED", &o.gate.MinRefused}} {
		v := strings.TrimSpace(env.getenv(f.name))
		if v == "" {
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		// NaN passes both bounds, and would pass every guide.
		if err != nil || math.IsNaN(x) || x < 0 || x > 1 {
			errs = append(errs, usageError{fmt.Sprintf("%s %q: want a share from 0 to 1, such as 0.8", f.name, v)})
			continue
		}
		*f.into = x
	}
	return o, errors.Join(errs...)
}

// startGuide loads and indexes the guide of g, with the lessons kept in
// lessons (nil for none), and serves it from a reloader that reloads it
// from g's folder as serve opened it, with the thresholds of o, and
// learns lessons taught since.
func startGuide(ctx context.Context, g *guideFlags, lessons bot.Lessons, o ownerSettings, logger *slog.Logger) (*reload.Reloader, error) {
	if err := g.check(); err != nil {
		return nil, err
	}
	s := reload.Settings{
		Dir:      g.dir,
		IndexDir: g.indexDir,
		Gate:     &o.gate,
		Logger:   logger,
		Open:     openIndex,
	}
	if lessons != nil {
		s.Taught = bot.Taught(lessons)
	}
	r, err := reload.Start(ctx, s)
	return r, g.loadError(err)
}

// logGuideIndexed tells how the guide came to be served, in took: with
// INDEX_DIR (persisted), whether its index was reopened or built there.
func logGuideIndexed(ctx context.Context, logger *slog.Logger, guide *reload.Reloader, persisted bool, took time.Duration) {
	ix, done := guide.Acquire()
	defer done()
	attrs := []any{"sections", len(ix.Guide().Sections())}
	if persisted {
		attrs = append(attrs, "reopened", ix.Reopened())
	}
	logger.Info("guide indexed", append(attrs, "took", took.Round(time.Microsecond).String())...)
	logGuideNotes(ctx, logger, ix)
}

// logGuideNotes logs what the guide's owners should know of the guide
// serving, at start and after each reload that swaps one in, and of its
// suggested prompts those that get no answer from the guide, or an answer
// that may not be one (promptReplies).
func logGuideNotes(ctx context.Context, logger *slog.Logger, ix *index.Index) {
	g := ix.Guide()
	if shared := g.SharedTitles(); len(shared) > 0 {
		logger.Warn("lines of examples.jsonl name a title several sections share, and teach them all", "lines", len(shared), "first", shared[0])
	}
	for _, n := range guideNotes(g) {
		logger.Warn("the guide's owners should know", "note", n)
	}
	prompts, err := promptReplies(ctx, ix)
	if err != nil {
		logger.Warn("the guide's suggested prompts were not checked", "err", err.Error())
		return
	}
	for _, p := range prompts {
		if p.wrong {
			logger.Warn("the guide's owners should know", "note", p.note)
		}
	}
}

// guideNotes are what a guide's owners should know of a guide that loads
// all the same, a line each: a guide without examples, tables wider than
// Slack shows, and a page's about that another's overrides. serve logs
// them and eval prints them.
func guideNotes(g *content.Guide) []string {
	var notes []string
	if !g.HasExamples() {
		notes = append(notes, noExamples)
	}
	if n := g.LostLessons(); n > 0 {
		notes = append(notes, fmt.Sprintf("lessons of %s left out: %d, each naming only sections the guide no longer has (renamed or removed since); teach their questions again on the admins' Home", content.TaughtFile, n))
	}
	if p := g.Path(); p != nil && p.ActionsNote() != "" {
		notes = append(notes, p.ActionsNote())
	}
	notes = append(notes, g.UntitledPages()...)
	notes = append(notes, blockkit.WideTables(g)...)
	return append(notes, g.UnusedAbout()...)
}

// noExamples tells the owners of a guide without examples what it costs
// and where examples come from: the questions people asked, or, for a
// guide made from the embedded page, the embedded examples, which name
// that page's sections and no other guide's.
const noExamples = "the guide has no " + content.ExamplesFile + ": its search knows no wording but its pages' own, and refuses fewer questions it does not cover; `directorbot report --examples` writes the questions people asked as its lines, each to be given the sections that answer it; a guide made from the embedded director.md keeps the embedded examples beside it: directorbot init DIR writes both (README: Customizing the guide)"

// runGuideOwners watches the guide's folder, logs what its owners should
// know of each guide a reload swaps in, and deletes old questions until
// ctx ends.
func runGuideOwners(ctx context.Context, guide *reload.Reloader, questions bot.Questions, o ownerSettings, logger *slog.Logger) {
	guide.Notify(func(res reload.Result) {
		if res.Accepted {
			ix, done := guide.Acquire()
			defer done()
			logGuideNotes(ctx, logger, ix)
		}
	})
	go watchGuide(ctx, guide, o.app, logger)
	go bot.SweepQuestions(ctx, questions, o.retention, logger)
	go bot.FollowLessons(ctx, guide, lessonsEvery, logger)
}

// lessonsEvery is how often a replica reloads to learn the lessons other
// replicas were taught; a replica taught one reloads at once.
const lessonsEvery = time.Minute

// watchGuide reloads guide when its folder changes, until ctx ends; a
// folder it cannot watch is logged with how to reload by hand.
func watchGuide(ctx context.Context, guide *reload.Reloader, app blockkit.App, logger *slog.Logger) {
	if err := guide.Watch(ctx); err != nil {
		logger.Error("the guide's folder is not watched: reload it with "+app.Command()+" reload", "err", err.Error())
	}
}
