package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/store"
)

// sweepEvery is how often serve deletes expired claims; they do no harm
// meanwhile (a new claim takes an expired one over).
const sweepEvery = 10 * time.Minute

// openState opens the store serve keeps its state in: DATABASE_URL, or a
// SQLite file in the working directory. A DATABASE_URL of the wrong form
// is a usage error; a database that cannot be reached is a failure.
func openState(ctx context.Context, env *environment, logger *slog.Logger) (*store.Store, error) {
	url := strings.TrimSpace(env.getenv("DATABASE_URL"))
	if url == "" {
		url = defaultDatabaseURL
	}
	st, err := openStore(ctx, "DATABASE_URL", url)
	if err != nil {
		return nil, err
	}
	engine, _, _ := strings.Cut(url, ":")
	logger.Info("state store open", "engine", engine) // never the URL: it may hold a password
	return st, nil
}

// openStore opens the store at url, which setting gave (DATABASE_URL, a
// flag), and names setting in its errors: a URL of the wrong form is a
// usage error, a database that cannot be reached a failure.
func openStore(ctx context.Context, setting, url string) (*store.Store, error) {
	st, err := store.Open(ctx, url)
	var bad *store.URLError
	switch {
	case errors.As(err, &bad):
		bad.Setting = setting
		return nil, usageError{bad.Error()}
	case err != nil:
		return nil, fmt.Errorf("%s: %w", setting, err)
	}
	return st, nil
}

// sweepExpired deletes expired claims, conversations' memories and
// handoffs now and then until ctx ends.
func sweepExpired(ctx context.Context, st *store.Store, logger *slog.Logger) {
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			n, err := st.Sweep(ctx, now)
			if err != nil {
				logger.Warn("sweep expired rows", "err", fmt.Sprint(err))
				continue
			}
			logger.Debug("swept expired rows", "deleted", n)
		}
	}
}
