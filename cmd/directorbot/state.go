package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/directorbot/directorbot/bot/store"
)

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
	// Never the URL, which may hold a password: where the data is, so
	// that a DATABASE_URL left unset is seen keeping it in a local file.
	logger.Info("state store open", "engine", engine, "where", store.Where(url))
	if m := st.Migrated(); len(m.Applied) > 0 {
		logger.Info("state store migrated", "applied", m.Applied)
	} else if m.Unknown > 0 {
		logger.Warn("the state store holds migrations this build does not know: a newer build ran on it, and this one serves beside them (a rollback)", "unknown", m.Unknown)
	}
	warnIfShared(url, logger)
	return st, nil
}

// warnIfShared warns when the SQLite file at url is readable or writable
// by other users than its owner: it keeps the questions people asked. A
// new file is made its owner's alone; one an older version made, or a
// copy, may not be.
func warnIfShared(url string, logger *slog.Logger) {
	path, sqlite, err := store.SQLiteFile(url)
	if err != nil || !sqlite {
		return
	}
	if info, err := os.Stat(path); err == nil && info.Mode().Perm()&0o077 != 0 {
		logger.Warn("the state store's file is open to other users: it keeps the questions people asked; chmod 600 it", "path", path, "mode", info.Mode().Perm().String())
	}
}

// openStore opens the store at url, which setting gave (DATABASE_URL, a
// flag), and names setting in its errors (storeError).
func openStore(ctx context.Context, setting, url string) (*store.Store, error) {
	st, err := store.Open(ctx, url)
	if err != nil {
		return nil, storeError(setting, err)
	}
	return st, nil
}

// openReader opens the store at url for reading, as openStore opens it.
func openReader(ctx context.Context, setting, url string) (*store.Reader, error) {
	r, err := store.OpenReader(ctx, url)
	if err != nil {
		return nil, storeError(setting, err)
	}
	return r, nil
}

// storeError names setting in an error opening a store: a URL of the
// wrong form, or a store that refuses what it names (credentials, a
// database, rights), is a usage error, which a restart cannot mend; a
// database that cannot be reached a failure, which one may.
func storeError(setting string, err error) error {
	if bad, ok := errors.AsType[*store.URLError](err); ok {
		bad.Setting = setting
		return usageError{bad.Error()}
	}
	if store.Refused(err) {
		return usageError{fmt.Sprintf("%s: %v", setting, err)}
	}
	return fmt.Errorf("%s: %w", setting, err)
}
