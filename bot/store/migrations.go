package store

import (
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// migrationFiles holds the schema, one directory per engine. Each file is
// named NNNN_what.sql, is applied once per database in order of NNNN, and
// must never change once released: a later change is a new file, in both
// directories.
//
//go:embed migrations/postgres/*.sql migrations/sqlite/*.sql
var migrationFiles embed.FS

// migration is one numbered schema file.
type migration struct {
	version int64
	name    string
	sql     string
}

// migrationTx is a transaction of one engine, as the migration runner needs
// it.
type migrationTx interface {
	exec(ctx context.Context, sql string, args ...any) error
	appliedVersions(ctx context.Context) (map[int64]bool, error)
}

// schemaReader reads what the migration runner recorded in a database.
type schemaReader interface {
	// hasMigrations reports whether the database has a schema_migrations
	// table.
	hasMigrations(ctx context.Context) (bool, error)
	appliedVersions(ctx context.Context) (map[int64]bool, error)
}

// checkMigrated returns an error unless db holds every migration of d,
// for a reader that may not migrate it: one naming a database without the
// bot's tables, and one naming the first migration missing.
func checkMigrated(ctx context.Context, db schemaReader, d migrationDialect) error {
	all, err := loadMigrations(d.files, d.dir)
	if err != nil {
		return err
	}
	found, err := db.hasMigrations(ctx)
	if err != nil {
		return fmt.Errorf("look for schema_migrations: %w", err)
	}
	if !found {
		return errors.New("the database holds none of the bot's tables, or this role may not see them: name the database `directorbot serve` keeps its state in, where the role needs USAGE on the schema and SELECT on the tables")
	}
	applied, err := db.appliedVersions(ctx)
	if err != nil {
		return fmt.Errorf("read schema_migrations: %w", err)
	}
	if pending := pendingMigrations(all, applied); len(pending) > 0 {
		return fmt.Errorf("the database lacks %d of this version's %d migrations, from %s: start this version's `directorbot serve` on it once, which applies them", len(pending), len(all), pending[0].name)
	}
	return nil
}

// migrationDialect is what the migration runner needs to know of an engine:
// where its files are, and its statements to keep the schema_migrations
// table.
type migrationDialect struct {
	// files holds dir: migrationFiles, but for tests of an upgrade.
	files       fs.FS
	dir         string
	createTable string
	record      string
}

// Migration is what opening a store did to its schema, for the logs.
type Migration struct {
	// Applied names the migrations applied now, oldest first.
	Applied []string
	// Unknown counts the migrations the database records that this build
	// does not have: a newer build's, which this one runs beside (a
	// rollback).
	Unknown int
}

// migrate applies, within tx, every migration of d that tx's database has
// not recorded as applied, and records it.
func migrate(ctx context.Context, tx migrationTx, d migrationDialect) (Migration, error) {
	all, err := loadMigrations(d.files, d.dir)
	if err != nil {
		return Migration{}, err
	}
	if err := tx.exec(ctx, d.createTable); err != nil {
		return Migration{}, fmt.Errorf("create schema_migrations: %w", err)
	}
	applied, err := tx.appliedVersions(ctx)
	if err != nil {
		return Migration{}, fmt.Errorf("read schema_migrations: %w", err)
	}
	var done Migration
	known := map[int64]bool{}
	for _, m := range all {
		known[m.version] = true
	}
	for v := range applied {
		if !known[v] {
			done.Unknown++
		}
	}
	for _, m := range pendingMigrations(all, applied) {
		if err := tx.exec(ctx, m.sql); err != nil {
			return Migration{}, fmt.Errorf("apply migration %s: %w", m.name, err)
		}
		if err := tx.exec(ctx, d.record, m.version, m.name); err != nil {
			return Migration{}, fmt.Errorf("record migration %s: %w", m.name, err)
		}
		done.Applied = append(done.Applied, m.name)
	}
	return done, nil
}

// loadMigrations reads the *.sql files of dir in fsys, sorted by version.
func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, fmt.Errorf("list migrations in %s: %w", dir, err)
	}
	var all []migration
	seen := map[int64]string{}
	for _, name := range names {
		m, err := readMigration(fsys, name)
		if err != nil {
			return nil, err
		}
		if other, dup := seen[m.version]; dup {
			return nil, fmt.Errorf("migrations %s and %s share version %d", other, m.name, m.version)
		}
		seen[m.version] = m.name
		all = append(all, m)
	}
	slices.SortFunc(all, func(a, b migration) int { return cmp.Compare(a.version, b.version) })
	return all, nil
}

// readMigration reads one migration file, named NNNN_what.sql.
func readMigration(fsys fs.FS, name string) (migration, error) {
	base := path.Base(name)
	digits, _, ok := strings.Cut(base, "_")
	version, err := strconv.ParseInt(digits, 10, 64)
	if !ok || err != nil || version <= 0 {
		return migration{}, fmt.Errorf("migration %s: name must be NNNN_what.sql with NNNN > 0", name)
	}
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return migration{}, fmt.Errorf("read migration: %w", err)
	}
	return migration{version: version, name: base, sql: string(body)}, nil
}

// pendingMigrations returns the migrations of all whose versions are not in
// applied, in order.
func pendingMigrations(all []migration, applied map[int64]bool) []migration {
	var pending []migration
	for _, m := range all {
		if !applied[m.version] {
			pending = append(pending, m)
		}
	}
	return pending
}
