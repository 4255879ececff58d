package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// sqliteDialect keeps schema_migrations on SQLite.
var sqliteDialect = migrationDialect{
	files: migrationFiles,
	dir:   "migrations/sqlite",
	createTable: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	)`,
	record: `INSERT INTO schema_migrations (version, name) VALUES (?, ?)`,
}

// sqliteClaim inserts a claim, or takes over an expired one, in one
// statement; it returns a row only when this call took the claim. Times are
// microseconds since the Unix epoch.
const sqliteClaim = `INSERT INTO claims (key, claimed_at, expires_at) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
WHERE claims.expires_at <= excluded.claimed_at
RETURNING 1`

// sqliteBusyTimeout is how long a statement waits for another process's
// lock on the file before it fails.
const sqliteBusyTimeout = 5 * time.Second

// sqlite is the store in a SQLite file, for a single process. It holds one
// connection: SQLite lets one writer at a time, and with one connection
// writes from several goroutines queue in Go instead of failing with
// SQLITE_BUSY.
type sqlite struct {
	db *sql.DB
	// migration is what opening it did to its schema.
	migration Migration
}

// openSQLite opens the database file at path. With readWrite it creates
// the file if need be and migrates it; with readOnly the file must exist
// and hold every migration.
func openSQLite(ctx context.Context, path string, a access) (*sqlite, error) {
	// A new file is its owner's alone: it keeps the questions people
	// asked. SQLite gives its -wal and -shm files the file's own mode. A
	// file that exists, or cannot be made here, is left to SQLite to open
	// and to say why not.
	if a == readWrite {
		if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
			f.Close()
		}
	}
	db, err := sql.Open("sqlite", sqliteDSN(path, a))
	if err != nil {
		return nil, fmt.Errorf("open SQLite %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := pingSQLite(ctx, db); err != nil {
		if sqliteCode(err) == sqliteCantOpen && a == readWrite {
			err = fmt.Errorf("%w: the file cannot be created or opened there; its folder must exist and be writable (in a read-only container, set DATABASE_URL to sqlite: and a writable path, or to postgres://…)", err)
		}
		return nil, errors.Join(fmt.Errorf("open SQLite %s: %w", path, err), db.Close())
	}
	s := &sqlite{db: db}
	if a == readOnly {
		if err := checkMigrated(ctx, sqliteSchema{db}, sqliteDialect); err != nil {
			return nil, errors.Join(fmt.Errorf("read SQLite %s: %w", path, err), db.Close())
		}
		return s, nil
	}
	if err := s.migrate(ctx); err != nil {
		return nil, errors.Join(fmt.Errorf("migrate SQLite %s: %w", path, err), db.Close())
	}
	return s, nil
}

// pingSQLite opens the first connection. Its pragmas switch a new file to
// WAL, which takes a lock SQLite does not wait for (the busy timeout does
// not apply): when several processes open a new file at once, all but one
// get SQLITE_BUSY, so a busy open is tried again, within the busy
// timeout.
func pingSQLite(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(sqliteBusyTimeout)
	for {
		err := db.PingContext(ctx)
		if err == nil || sqliteCode(err) != sqliteBusy || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// SQLite's primary result codes SQLITE_BUSY and SQLITE_CANTOPEN.
const (
	sqliteBusy     = 5
	sqliteCantOpen = 14
)

// sqliteCode is the primary result code of SQLite's error, which extended
// codes keep in their low byte; 0 for an error not SQLite's.
func sqliteCode(err error) int {
	var coded interface{ Code() int }
	if !errors.As(err, &coded) {
		return 0
	}
	return coded.Code() & 0xff
}

// sqliteDSN is the modernc.org/sqlite data source name for the file at
// path: a file: URI with a busy timeout for other processes' locks. To
// write, it adds WAL journaling, so a reader never blocks the writer;
// synchronous=NORMAL, durable across a crash of the process though not of
// the machine; and transactions that take the write lock when they begin.
// To read, it opens the file read-only, and changes none of its settings;
// and when no -wal file stands beside it (no serve has it open, or it is
// a copy), as immutable: SQLite then makes no -wal or -shm file, which a
// read-only folder would refuse, and which, owned by the reader, would
// keep serve from writing.
func sqliteDSN(path string, a access) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", sqliteBusyTimeout.Milliseconds()))
	if a == readOnly {
		q.Set("mode", "ro")
		if _, err := os.Stat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
			q.Set("immutable", "1")
		}
		return "file:" + escapeSQLitePath(path) + "?" + q.Encode()
	}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Set("_txlock", "immediate")
	return "file:" + escapeSQLitePath(path) + "?" + q.Encode()
}

// escapeSQLitePath escapes the characters that end or escape the path of a
// SQLite file: URI.
func escapeSQLitePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
}

// migrate applies the pending migrations in one transaction, which holds
// SQLite's write lock from its start.
func (s *sqlite) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if s.migration, err = migrate(ctx, sqliteSchema{tx}, sqliteDialect); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func (s *sqlite) migrated() Migration { return s.migration }

func (s *sqlite) claim(ctx context.Context, key string, claimedAt, expiresAt time.Time) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, sqliteClaim, key, claimedAt.UnixMicro(), expiresAt.UnixMicro()).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("insert claim: %w", err)
	}
	return true, nil
}

func (s *sqlite) release(ctx context.Context, key string) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM claims WHERE key = ?", key); err != nil {
		return fmt.Errorf("delete claim: %w", err)
	}
	return nil
}

func (s *sqlite) sweep(ctx context.Context, now time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM claims WHERE expires_at <= ?", now.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("delete expired claims: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("count expired claims: %w", err)
	}
	return n, nil
}

func (s *sqlite) close() error {
	return s.db.Close()
}

// sqliteSchema reads and keeps the schema_migrations table of a SQLite
// database, in a transaction when migrating.
type sqliteSchema struct {
	q interface {
		ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
		QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	}
}

func (t sqliteSchema) exec(ctx context.Context, query string, args ...any) error {
	_, err := t.q.ExecContext(ctx, query, args...)
	return err
}

func (t sqliteSchema) hasMigrations(ctx context.Context) (bool, error) {
	rows, err := t.q.QueryContext(ctx, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
	if err != nil {
		return false, err
	}
	defer rows.Close()
	found := rows.Next()
	return found, rows.Err()
}

func (t sqliteSchema) appliedVersions(ctx context.Context) (map[int64]bool, error) {
	rows, err := t.q.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := map[int64]bool{}
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		applied[v] = true
	}
	return applied, rows.Err()
}
