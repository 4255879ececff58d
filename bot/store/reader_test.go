package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/report"
	"github.com/jackc/pgx/v5"
)

// TestReaderReadsWhatServeKept: a reader opens a migrated store on either
// engine and reads its questions and lessons.
func TestReaderReadsWhatServeKept(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		s := openStore(t, url)
		ask(t, s, "what does a director do", "director", SurfaceSlash)
		if err := s.Teach(t.Context(), "skills", "director skills"); err != nil {
			t.Fatal(err)
		}
		r := openReader(t, url)
		got, err := r.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 10, report.Day)
		if err != nil {
			t.Fatalf("Report: %v", err)
		}
		if len(got.Top) != 1 || got.Top[0].Text != "what does a director do" {
			t.Errorf("Top = %+v, want the one question asked", got.Top)
		}
		lessons, err := r.Lessons(t.Context())
		if err != nil || len(lessons) != 1 || lessons[0].Section != "skills" {
			t.Errorf("Lessons = %+v, %v; want the one lesson taught", lessons, err)
		}
	})
}

// TestReaderWritesNothing: the reader's connection refuses writes, so a
// report cannot change the database whatever it runs.
func TestReaderWritesNothing(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		openStore(t, url)
		r := openReader(t, url)
		db, err := r.s.askedDB()
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.exec(t.Context(), "DELETE FROM lessons")
		// SQLite's SQLITE_READONLY, PostgreSQL's read_only_sql_transaction
		// (25006).
		if err == nil || !strings.Contains(err.Error(), "attempt to write a readonly database") && !strings.Contains(err.Error(), "25006") {
			t.Errorf("a write through the reader: err = %v, want a read-only refusal", err)
		}
	})
}

// TestReaderLeavesOtherDatabasesAlone: pointed at a database that is not
// the bot's, or one an older bot migrated, the reader says so and creates
// no table.
func TestReaderLeavesOtherDatabasesAlone(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		// A database with a table of its own: a SQLite file must exist.
		rawQuery(t, url, "CREATE TABLE invoices (id integer)")
		_, err := OpenReader(t.Context(), url)
		if err == nil || !strings.Contains(err.Error(), "none of the bot's tables") {
			t.Errorf("OpenReader on another database: err = %v, want it to say it holds none of the bot's tables", err)
		}
		if n := rawQuery(t, url, tableCount[b.name]); n != 1 {
			t.Errorf("the database has %d tables after OpenReader, want 1: it created some", n)
		}
	})
}

// TestReaderWantsEveryMigration: a store an older bot migrated is named
// as such, with the first migration it lacks.
func TestReaderWantsEveryMigration(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/old.db"
	all, err := loadMigrations(migrationFiles, sqliteDialect.dir)
	if err != nil {
		t.Fatal(err)
	}
	last := all[len(all)-1]
	db, tx := sqliteBefore(t, path, last.version)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = OpenReader(t.Context(), "sqlite:"+path)
	if err == nil || !strings.Contains(err.Error(), "lacks 1 of") || !strings.Contains(err.Error(), last.name) {
		t.Errorf("OpenReader on an older store: err = %v, want it to name %s as missing", err, last.name)
	}
}

// TestReaderNeedsTheSQLiteFile: a reader creates no SQLite file.
func TestReaderNeedsTheSQLiteFile(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/missing.db"
	if _, err := OpenReader(t.Context(), "sqlite:"+path); err == nil {
		t.Fatal("OpenReader on a missing file succeeded")
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenReader created %s: stat: %v", path, err)
	}
}

// tableCount counts the tables of a database, by engine.
var tableCount = map[string]string{
	"sqlite":   "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
	"postgres": "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()",
}

// rawQuery runs a query on the database at url as another program would,
// without the store, and returns the integer it returns, 0 for none.
func rawQuery(tb testing.TB, url, query string) int64 {
	tb.Helper()
	target, err := parseDatabaseURL(url)
	if err != nil {
		tb.Fatal(err)
	}
	var n sql.NullInt64
	switch target.engine {
	case engineSQLite:
		db, err := sql.Open("sqlite", target.location)
		if err != nil {
			tb.Fatal(err)
		}
		defer db.Close()
		if err := db.QueryRow(query).Scan(&n); err != nil && !errors.Is(err, sql.ErrNoRows) {
			tb.Fatalf("%s: %v", query, err)
		}
	case enginePostgres:
		conn, err := pgx.Connect(context.Background(), target.location)
		if err != nil {
			tb.Fatal(err)
		}
		defer conn.Close(context.Background())
		if err := conn.QueryRow(context.Background(), query).Scan(&n); err != nil && !errors.Is(err, pgx.ErrNoRows) {
			tb.Fatalf("%s: %v", query, err)
		}
	}
	return n.Int64
}

// openReader opens a reader of the store at url, closing it when tb ends.
func openReader(tb testing.TB, url string) *Reader {
	tb.Helper()
	r, err := OpenReader(context.Background(), url)
	if err != nil {
		tb.Fatalf("OpenReader: %v", err)
	}
	tb.Cleanup(func() {
		if err := r.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return r
}

// TestReaderWithASelectOnlyRole: a PostgreSQL role that may only read the
// bot's tables reads the report, which migrating would refuse it, told as
// a right it lacks (Unprivileged).
func TestReaderWithASelectOnlyRole(t *testing.T) {
	t.Parallel()
	url := postgresURL(t)
	s := openStore(t, url)
	ask(t, s, "what does a director do", "director", SurfaceSlash)
	role := "reporter_" + strings.ToLower(NewReplyToken())
	// Roles outlive the test's database: the role goes with the test.
	t.Cleanup(func() {
		rawQuery(t, url, "DROP OWNED BY "+role)
		rawQuery(t, url, "DROP ROLE "+role)
	})
	for _, stmt := range []string{
		"CREATE ROLE " + role + " LOGIN",
		"GRANT USAGE ON SCHEMA public TO " + role,
		"GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role,
	} {
		rawQuery(t, url, stmt)
	}
	readerURL := strings.Replace(url, "postgres://postgres@", "postgres://"+role+"@", 1)
	// Without the reader, the report opened the store as serve does.
	if _, err := Open(t.Context(), readerURL); err == nil {
		t.Fatal("Open as a select-only role succeeded: the role may write, and the test proves nothing")
	} else if !Unprivileged(err) || !Refused(err) {
		t.Errorf("Open as a select-only role: %v; want it told as a right the role lacks", err)
	}
	r := openReader(t, readerURL)
	got, err := r.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 10, report.Day)
	if err != nil || len(got.Top) != 1 {
		t.Errorf("Report as %s = %+v, %v; want the one question", role, got.Top, err)
	}
}

// TestReaderReadsACopyInAReadOnlyFolder: a copy of the SQLite file alone,
// in a folder the reader may not write, is read, and nothing is made
// beside it.
func TestReaderReadsACopyInAReadOnlyFolder(t *testing.T) {
	t.Parallel()
	live := t.TempDir() + "/live.db"
	s := openStore(t, "sqlite:"+live)
	ask(t, s, "what does a director do", "director", SurfaceSlash)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(live)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/copy.db", data, 0o400); err != nil {
		t.Fatal(err)
	}
	// Root may write anywhere: the folder's mode then proves nothing,
	// but no file may appear beside the copy all the same.
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	r := openReader(t, "sqlite:"+dir+"/copy.db")
	got, err := r.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 10, report.Day)
	if err != nil || len(got.Top) != 1 {
		t.Errorf("Report of the copy = %+v, %v; want the one question", got.Top, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Errorf("the folder holds %d entries (%v), want the copy alone", len(entries), err)
	}
}
