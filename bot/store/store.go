package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/report"
	"github.com/jackc/pgx/v5/pgconn"
)

// DefaultClaimTTL is how long a claim lives unless the caller asks for
// longer: an hour outlasts every redelivery Slack makes of an event, so a
// claim taken for an event is still there when its retries arrive.
const DefaultClaimTTL = time.Hour

// Store is the bot's persistent state in one database. It is safe for
// concurrent use by several goroutines.
type Store struct {
	db  backend
	now func() time.Time
}

// backend is one database engine's implementation of the store's
// operations. Times reach it already in UTC and cut to microseconds, the
// precision both engines keep.
type backend interface {
	// migrated is what opening the database did to its schema.
	migrated() Migration
	claim(ctx context.Context, key string, claimedAt, expiresAt time.Time) (bool, error)
	release(ctx context.Context, key string) error
	sweep(ctx context.Context, now time.Time) (int64, error)
	close() error
}

// Open connects to the database named by databaseURL, a DATABASE_URL value
// of the form postgres://…, postgresql://… or sqlite:PATH, and applies the
// embedded migrations that it lacks. Replicas may call Open at the same time
// on one PostgreSQL database: they migrate one after the other.
func Open(ctx context.Context, databaseURL string) (*Store, error) {
	return open(ctx, databaseURL, readWrite)
}

// access is what a process opening the store may do with its database.
type access int

const (
	// readWrite creates the database's file if need be and migrates it.
	readWrite access = iota
	// readOnly changes nothing, the schema included.
	readOnly
)

// Migrated is what opening the store did to its schema: the migrations
// applied, and those a newer build applied that this one does not know.
func (s *Store) Migrated() Migration { return s.db.migrated() }

// Refused reports whether err, from Open, is PostgreSQL refusing the
// settings themselves, which no retry mends, only a change of them: the
// credentials (or the role) it does not take, or rights the role lacks.
// A database or a SQLite folder not there yet is not: it may be made
// while a service manager restarts the bot.
func Refused(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && (strings.HasPrefix(pg.Code, "28") || pg.Code == "42501")
}

// Unprivileged reports whether err is PostgreSQL refusing the role a
// right it lacks (to create or change tables, or to delete rows): a
// read-only role opened as a writer.
func Unprivileged(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "42501"
}

// open opens the store at databaseURL with access a.

func open(ctx context.Context, databaseURL string, a access) (*Store, error) {
	target, err := parseDatabaseURL(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	var db backend
	switch target.engine {
	case enginePostgres:
		db, err = openPostgres(ctx, target.location, a)
	case engineSQLite:
		db, err = openSQLite(ctx, target.location, a)
	}
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return &Store{db: db, now: time.Now}, nil
}

// Reader is the store opened for reading alone, as the report reads it.
// It changes nothing, not even the schema, so it works with a read-only
// database role or a read-only copy of a SQLite file; pointed at a
// database that is not the bot's, it says so instead of creating the
// bot's tables there.
type Reader struct {
	s *Store
}

// OpenReader opens the database named by databaseURL, as Open does, for
// reading: a PostgreSQL session whose transactions are read-only, or a
// SQLite file opened read-only, which must exist. The database must hold
// every migration this build knows; serve applies them.
func OpenReader(ctx context.Context, databaseURL string) (*Reader, error) {
	s, err := open(ctx, databaseURL, readOnly)
	if err != nil {
		return nil, err
	}
	return &Reader{s: s}, nil
}

// Report is Store.Report.
func (r *Reader) Report(ctx context.Context, since, until time.Time, limit int, bucket report.Bucket) (report.Report, error) {
	return r.s.Report(ctx, since, until, limit, bucket)
}

// ToTeach is Store.ToTeach.
func (r *Reader) ToTeach(ctx context.Context, since, until time.Time, limit int, taught func(question string) bool) (report.Report, error) {
	return r.s.ToTeach(ctx, since, until, limit, taught)
}

// Lessons is Store.Lessons.
func (r *Reader) Lessons(ctx context.Context) ([]Lesson, error) {
	return r.s.Lessons(ctx)
}

// Close is Store.Close.
func (r *Reader) Close() error {
	return r.s.Close()
}

// Close releases the store's connections. The store must not be used after.
func (s *Store) Close() error {
	if err := s.db.close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// clock returns the time now, in UTC and cut to microseconds.
func (s *Store) clock() time.Time {
	return databaseTime(s.now())
}

// databaseTime puts t in UTC and cuts it to microseconds, the precision that
// both engines keep, so that times compare the same in Go and in SQL.
func databaseTime(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}
