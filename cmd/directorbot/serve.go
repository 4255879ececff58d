package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/directorbot/directorbot/bot"
)

func serveCommand() command {
	return command{
		name:    "serve",
		summary: "Answer in Slack over Socket Mode (needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN).",
		usage:   "[--guide DIR] [--index-dir DIR]",
		examples: []string{
			"SLACK_APP_TOKEN=xapp-… SLACK_BOT_TOKEN=xoxb-… directorbot serve",
			"directorbot serve   # with both tokens in .env",
		},
		settings: []string{
			"SLACK_APP_TOKEN     the app-level token, xapp-… (connections:write); required",
			"SLACK_BOT_TOKEN     the bot token, xoxb-…; required",
			"DATABASE_URL        where state is kept: sqlite:PATH (default sqlite:directorbot.db) or postgres://…",
			"GUIDE_DIR           the guide's folder (default: the embedded guide); same as --guide",
			"INDEX_DIR           where to keep the search index (default: in memory); same as --index-dir",
			"HEALTH_ADDR         where to answer /healthz, /readyz and /metrics, such as 127.0.0.1:8080 (default: off)",
			"LOG_LEVEL           debug, info (default), warn or error; logs are JSON on stderr",
			"ADMIN_USERS         Slack user IDs of the guide's admins, comma-separated",
			"RETENTION_DAYS      days the questions asked are kept (default 90)",
			appSettings[0],
			appSettings[1],
			"RELOAD_MIN_TOP1     top-1 a reloaded guide's questions.jsonl needs (default 0.8)",
			"RELOAD_MIN_REFUSED  share of its off-topic questions to refuse (default 1)",
			"SLACK_API_URL       the Web API's base URL (default Slack's)",
			"GOMEMLIMIT          Go's soft memory limit, below a container's (BENCHMARKS.md › Sizing a container)",
		},
		run:     runServe,
		mistake: exitConfig,
	}
}

// tokenSpec says where a token comes from and what it must look like.
type tokenSpec struct {
	variable, prefix, where string
}

var tokenSpecs = []tokenSpec{
	{"SLACK_APP_TOKEN", "xapp-", "your app's Basic Information page › App-Level Tokens (scope connections:write)"},
	{"SLACK_BOT_TOKEN", "xoxb-", "your app's OAuth & Permissions page › Bot User OAuth Token"},
}

// otherKind says, for a token with the other token's prefix, which it is,
// and whether the two look swapped (the other variable holds this one's
// kind); "" for any other token.
func otherKind(env *environment, t tokenSpec, v string) string {
	for _, o := range tokenSpecs {
		if o == t || !strings.HasPrefix(v, o.prefix) {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(env.getenv(o.variable)), t.prefix) {
			return fmt.Sprintf(" (it holds the %s… token %s should, and %s this one's: are the two swapped?)", o.prefix, o.variable, o.variable)
		}
		return fmt.Sprintf(" (it holds a %s… token, which %s takes)", o.prefix, o.variable)
	}
	return ""
}

// readTokens checks both tokens without ever printing them.
func readTokens(env *environment) (app, botToken string, err error) {
	values := make([]string, len(tokenSpecs))
	var errs []error
	for i, t := range tokenSpecs {
		v := strings.TrimSpace(env.getenv(t.variable))
		switch {
		case v == "":
			errs = append(errs, usageError{fmt.Sprintf("%s is not set: get it from %s", t.variable, t.where)})
		case v == t.prefix:
			errs = append(errs, usageError{fmt.Sprintf("%s holds only %s, as .env.example does: put the whole token there, from %s", t.variable, t.prefix, t.where)})
		case strings.ContainsAny(v[:1], `"'`) || strings.ContainsAny(v[len(v)-1:], `"'`):
			// .env's quotes are stripped by godotenv (and a systemd
			// EnvironmentFile's by systemd), not by docker run --env-file.
			errs = append(errs, usageError{fmt.Sprintf("%s starts or ends with a quote: write the token without quotes (docker --env-file keeps them as part of the value)", t.variable)})
		case strings.HasPrefix(strings.ToLower(v), "bearer "):
			errs = append(errs, usageError{fmt.Sprintf("%s starts with \"Bearer \": write the token alone, from %s", t.variable, t.where)})
		case !strings.HasPrefix(v, t.prefix) || strings.ContainsAny(v, " \t\n"):
			errs = append(errs, usageError{fmt.Sprintf("%s does not look like a %s… token%s: get it from %s", t.variable, t.prefix, otherKind(env, t, v), t.where)})
		}
		values[i] = v
	}
	if err := errors.Join(errs...); err != nil {
		return "", "", err
	}
	return values[0], values[1], nil
}

// logLevel is LOG_LEVEL's level, or otherwise when it is not set.
func logLevel(env *environment, otherwise slog.Level) (slog.Level, error) {
	text := env.getenv("LOG_LEVEL")
	if text == "" {
		return otherwise, nil
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(text)); err != nil {
		return 0, usageError{fmt.Sprintf("LOG_LEVEL %q is not one of debug, info, warn, error", text)}
	}
	return level, nil
}

// healthAddr checks the form of HEALTH_ADDR, with the other settings.
func healthAddr(env *environment) error {
	addr := env.getenv("HEALTH_ADDR")
	if addr == "" {
		return nil
	}
	if _, err := net.ResolveTCPAddr("tcp", addr); err != nil {
		return usageError{fmt.Sprintf("HEALTH_ADDR %q is not host:port, such as :8080: %v", addr, err)}
	}
	return nil
}

// listenHealth listens on HEALTH_ADDR, or returns nil when it is not set.
func listenHealth(env *environment) (net.Listener, error) {
	addr := env.getenv("HEALTH_ADDR")
	if addr == "" {
		return nil, nil
	}
	ln, err := bot.ListenHealth(addr)
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		// Another process holds it, maybe the last one still stopping:
		// a restart may find it free.
		return nil, err
	case err != nil:
		return nil, usageError{err.Error()}
	}
	return ln, nil
}

func runServe(ctx context.Context, env *environment, args []string) (err error) {
	fs, g := serveCommand().guideFlagSet(env)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{"serve takes no arguments"}
	}
	// Every setting is read before any is told wrong: one start tells
	// every mistake.
	level, levelErr := logLevel(env, slog.LevelInfo)
	logger := slog.New(slog.NewJSONHandler(env.stderr, &slog.HandlerOptions{Level: level}))
	// asked is when serve was asked to stop, in Unix nanoseconds.
	var asked atomic.Int64
	stopAfter := context.AfterFunc(ctx, func() { asked.CompareAndSwap(0, time.Now().UnixNano()) })
	defer stopAfter()
	// What stops serve is logged as the rest is, for the log pipelines
	// that alert on errors; its messages name settings, never a token.
	defer func() {
		switch {
		case err != nil:
			logger.Error("serve stopped", "err", err.Error())
		case ctx.Err() != nil:
			// The last line, when a service manager's grace ends or not.
			// AfterFunc's own goroutine may not have run yet: then it is
			// now.
			asked.CompareAndSwap(0, time.Now().UnixNano())
			logger.Info("stopped", "took", time.Since(time.Unix(0, asked.Load())).Round(time.Millisecond).String())
		}
	}()
	appToken, botToken, tokensErr := readTokens(env)
	apiURL, apiErr := readAPIURL(env)
	owners, ownersErr := readOwnerSettings(env)
	if err := errors.Join(levelErr, tokensErr, apiErr, healthAddr(env), ownersErr); err != nil {
		return err
	}
	logger.Info("starting", "version", buildVersion(), "go", runtime.Version())
	// A health address in use stops the start before the guide is
	// indexed (seconds for a large guide). It is listened on only once
	// the guide is: until then a probe is refused, not left waiting.
	probe, err := listenHealth(env)
	if err != nil {
		return err
	}
	if probe != nil {
		probe.Close()
	}
	// Claims in the store make each event answered once across replicas
	// and restarts; it keeps the lessons the guide is indexed with.
	st, err := openState(ctx, env, logger)
	if err != nil {
		return stoppedStarting(ctx, logger, err)
	}
	defer closeWithin(logger, "the state store", st.Close)
	start := time.Now()
	guide, err := startGuide(ctx, g, st, owners, logger)
	if err != nil {
		return stoppedStarting(ctx, logger, err)
	}
	defer closeWithin(logger, "the guide's index", guide.Close)
	logGuideIndexed(ctx, logger, guide, g.indexDir != "", time.Since(start))
	// The sweeps, the folder's watch and the lessons' reloads stop when
	// serve is asked to: a reload started while the bot drains would hold
	// the drain up.
	sweepCtx, stopSweep := context.WithCancel(ctx)
	defer stopSweep()
	go bot.SweepExpired(sweepCtx, st, logger)
	srv := bot.NewServer(bot.Config{Version: buildVersion(), AppToken: appToken, BotToken: botToken, APIURL: apiURL, Logger: logger, Claims: st, Handoffs: st, Memory: st,
		Guide: guide, Questions: st, Lessons: st, Admins: owners.admins, Plans: st, Retention: owners.retention, App: owners.app}, nil)
	// The guide's owners: the guide watched (the server hears of its
	// reloads), old questions deleted.
	runGuideOwners(sweepCtx, guide, st, owners, logger)
	healthErr := make(chan error, 1)
	healthLn, err := listenHealth(env)
	if err != nil {
		return err
	}
	if healthLn != nil {
		healthCtx, stopHealth := context.WithCancel(ctx)
		defer stopHealth()
		go func() { healthErr <- srv.ServeHealth(healthCtx, healthLn) }()
	}
	// Building the index leaves garbage the size of the guide's text;
	// return it to the system now rather than minutes later, so that the
	// pod's resident memory is what serving needs.
	debug.FreeOSMemory()
	err = srv.Run(ctx)
	select {
	case herr := <-healthErr:
		if herr != nil && err == nil {
			err = herr
		}
	default:
	}
	var authErr *bot.AuthError
	if errors.As(err, &authErr) {
		return usageError{authErr.Error()}
	}
	return err
}

// closeTimeout bounds each close at the end of serve: a store whose
// server hangs must not hold the process past its service manager's
// grace.
const closeTimeout = 2 * time.Second

// closeWithin calls close, waiting for it at most closeTimeout, and logs
// its failure or the wait given up.
func closeWithin(logger *slog.Logger, what string, close func() error) {
	done := make(chan error, 1)
	go func() { done <- close() }()
	select {
	case err := <-done:
		if err != nil {
			logger.Warn("close "+what, "err", err.Error())
		}
	case <-time.After(closeTimeout):
		logger.Warn("gave up waiting to close "+what, "after", closeTimeout.String())
	}
}

// stoppedStarting is err, what stopped serve before it served, unless it
// was asked to stop (SIGTERM while a large guide is indexed): that is a
// clean stop, logged as one.
func stoppedStarting(ctx context.Context, logger *slog.Logger, err error) error {
	if ctx.Err() == nil {
		return err
	}
	logger.Info("stopped before serving, as asked", "err", err.Error())
	return nil
}

// readAPIURL reads SLACK_API_URL, the Web API's base URL: "" for Slack's
// own, else an http or https URL, to which a missing final slash is
// added, since method names are appended to it ("…/api" and "auth.test"
// would make "…/apiauth.test").
func readAPIURL(env *environment) (string, error) {
	v := strings.TrimSpace(env.getenv("SLACK_API_URL"))
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", usageError{fmt.Sprintf("SLACK_API_URL %q: want the Web API's base URL, such as https://slack.com/api/", v)}
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}
