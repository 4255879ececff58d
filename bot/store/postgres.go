package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// postgresMigrationLock is the pg_advisory_xact_lock key that replicas take
// while migrating, so that they migrate one at a time. Advisory locks are
// per database; the value spells "dirbstor".
const postgresMigrationLock int64 = 0x6469726273746f72

// postgresDialect keeps schema_migrations on PostgreSQL.
var postgresDialect = migrationDialect{
	files: migrationFiles,
	dir:   "migrations/postgres",
	createTable: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    bigint      PRIMARY KEY,
		name       text        NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`,
	record: `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`,
}

// postgresClaim inserts a claim, or takes over an expired one, in one
// statement; it returns a row only when this call took the claim. Under
// concurrent inserts PostgreSQL waits for the winner's row and re-checks the
// WHERE against it, so exactly one caller gets a row.
const postgresClaim = `INSERT INTO claims (key, claimed_at, expires_at) VALUES ($1, $2, $3)
ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
WHERE claims.expires_at <= excluded.claimed_at
RETURNING 1`

// postgres is the store on PostgreSQL, through a connection pool.
type postgres struct {
	pool *pgxpool.Pool
	// migration is what opening it did to its schema.
	migration Migration
	// passwords are the DATABASE_URL's passwords, masked in every error.
	passwords []string
}

// connectTimeout bounds each connection's opening, unless DATABASE_URL
// sets connect_timeout (0 waits for ever, as libpq does): without one, a
// server that takes the connection and never answers held serve at its
// start, and every later connection, with nothing logged.
const connectTimeout = 10 * time.Second

// openPostgres connects to the database at rawURL. With readWrite it
// migrates it; with readOnly every transaction of the session is read-only,
// and the database must hold every migration.
func openPostgres(ctx context.Context, rawURL string, a access) (*postgres, error) {
	passwords := postgresPasswords(rawURL)
	config, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, parseError(err, passwords)
	}
	if !strings.Contains(rawURL, "connect_timeout") {
		config.ConnConfig.ConnectTimeout = connectTimeout
	}
	if a == readOnly {
		config.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	}
	pool, err := connectPostgres(ctx, config)
	if err != nil {
		return nil, redact(err, passwords)
	}
	p := &postgres{pool: pool, passwords: passwords}
	if a == readOnly {
		if err := checkMigrated(ctx, postgresSchema{pool}, postgresDialect); err != nil {
			pool.Close()
			return nil, p.wrap("read PostgreSQL", err)
		}
		return p, nil
	}
	if err := p.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return p, nil
}

// connectPostgres opens a pool and checks, with one connection, that the
// server can be reached.
func connectPostgres(ctx context.Context, config *pgxpool.Config) (*pgxpool.Pool, error) {
	pool, err := pgxpool.NewWithConfig(ctx, config)
	if err != nil {
		return nil, fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	return pool, nil
}

// migrate applies the pending migrations in one transaction, holding the
// migration lock so that replicas starting together take turns.
func (p *postgres) migrate(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) (err error) {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", postgresMigrationLock); err != nil {
			return fmt.Errorf("take migration lock: %w", err)
		}
		p.migration, err = migrate(ctx, postgresSchema{tx}, postgresDialect)
		return err
	})
	if err != nil {
		return p.wrap("migrate PostgreSQL", err)
	}
	return nil
}

func (p *postgres) migrated() Migration { return p.migration }

func (p *postgres) claim(ctx context.Context, key string, claimedAt, expiresAt time.Time) (bool, error) {
	var one int
	err := p.pool.QueryRow(ctx, postgresClaim, key, claimedAt, expiresAt).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, p.wrap("insert claim", err)
	}
	return true, nil
}

func (p *postgres) release(ctx context.Context, key string) error {
	if _, err := p.pool.Exec(ctx, "DELETE FROM claims WHERE key = $1", key); err != nil {
		return p.wrap("delete claim", err)
	}
	return nil
}

func (p *postgres) sweep(ctx context.Context, now time.Time) (int64, error) {
	tag, err := p.pool.Exec(ctx, "DELETE FROM claims WHERE expires_at <= $1", now)
	if err != nil {
		return 0, p.wrap("delete expired claims", err)
	}
	return tag.RowsAffected(), nil
}

func (p *postgres) close() error {
	p.pool.Close()
	return nil
}

// wrap adds context to err and masks the DATABASE_URL's passwords in it.
func (p *postgres) wrap(context string, err error) error {
	return redact(fmt.Errorf("%s: %w", context, err), p.passwords)
}

// postgresSchema reads and keeps the schema_migrations table of a
// PostgreSQL database, in a transaction when migrating.
type postgresSchema struct {
	q interface {
		Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
		Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	}
}

func (t postgresSchema) exec(ctx context.Context, sql string, args ...any) error {
	_, err := t.q.Exec(ctx, sql, args...)
	return err
}

func (t postgresSchema) hasMigrations(ctx context.Context) (bool, error) {
	rows, err := t.q.Query(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL")
	if err != nil {
		return false, err
	}
	return pgx.CollectExactlyOneRow(rows, pgx.RowTo[bool])
}

func (t postgresSchema) appliedVersions(ctx context.Context) (map[int64]bool, error) {
	rows, err := t.q.Query(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return nil, err
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	applied := make(map[int64]bool, len(versions))
	for _, v := range versions {
		applied[v] = true
	}
	return applied, nil
}
