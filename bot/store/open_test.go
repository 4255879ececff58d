package store

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/store/pgtest"
)

func TestParseDatabaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw      string
		engine   engine
		location string
	}{
		{"postgres://bot@db:5432/directorbot", enginePostgres, "postgres://bot@db:5432/directorbot"},
		{"postgresql://bot@db/directorbot?sslmode=require", enginePostgres, "postgresql://bot@db/directorbot?sslmode=require"},
		{"sqlite:/var/lib/directorbot/state.db", engineSQLite, "/var/lib/directorbot/state.db"},
		{"sqlite:state.db", engineSQLite, "state.db"},
		{"sqlite:./data/../state.db", engineSQLite, "state.db"},
		{"sqlite:///var/lib/directorbot/state.db", engineSQLite, "/var/lib/directorbot/state.db"},
	}
	for _, tt := range tests {
		got, err := parseDatabaseURL(tt.raw)
		if err != nil || got.engine != tt.engine || got.location != tt.location {
			t.Errorf("parseDatabaseURL(%q) = %+v, %v; want {%v %q}", tt.raw, got, err, tt.engine, tt.location)
		}
	}
}

func TestOpenRejectsInvalidURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw  string
		want string
	}{
		{"", "DATABASE_URL is empty"},
		{"mysql://bot:hunter2-secret@db/directorbot", `unsupported scheme "mysql"`},
		{"POSTGRES://bot:hunter2-secret@db/directorbot", `unsupported scheme "POSTGRES"`},
		{"host=db user=bot password=hunter2-secret", "has no scheme"},
		{"state.db", "has no scheme"},
		{"sqlite:", "has no file path"},
		{"sqlite://hunter2-secret/state.db", "names a host"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			t.Parallel()
			s, err := Open(t.Context(), tt.raw)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded; want an error", tt.raw)
			}
			msg := err.Error()
			for _, want := range []string{tt.want, "DATABASE_URL", "sqlite:PATH"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not contain %q", msg, want)
				}
			}
			if !strings.HasPrefix(tt.raw, "sqlite:") && !strings.Contains(msg, "postgres://") {
				t.Errorf("error %q does not name the postgres:// form", msg)
			}
			if strings.Contains(msg, "hunter2") {
				t.Errorf("error %q shows the password", msg)
			}
			// A caller that took the URL from a flag names the flag.
			var bad *URLError
			if !errors.As(err, &bad) {
				t.Fatalf("error %q is no *URLError", msg)
			}
			bad.Setting = "--db"
			if msg := bad.Error(); !strings.HasPrefix(msg, "--db ") || strings.Contains(msg, "DATABASE_URL") || !strings.Contains(msg, strings.TrimPrefix(tt.want, "DATABASE_URL ")) {
				t.Errorf("from --db: error %q; want it to name --db, not DATABASE_URL, and say %q", msg, tt.want)
			}
		})
	}
}

// TestOpenHidesPassword opens PostgreSQL URLs that cannot work, whether
// malformed or naming a closed port, and checks that the password is in no
// error. It needs no server.
func TestOpenHidesPassword(t *testing.T) {
	t.Parallel()
	const closed = "127.0.0.1:1"
	tests := []struct {
		name     string
		url      string
		password string
	}{
		{"userinfo, closed port", "postgres://bot:hunter2-secret@" + closed + "/directorbot", "hunter2-secret"},
		{"postgresql scheme", "postgresql://bot:hunter2-secret@" + closed + "/directorbot?sslmode=disable", "hunter2-secret"},
		{"query parameter", "postgres://bot@" + closed + "/directorbot?password=hunter2-secret", "hunter2-secret"},
		{"percent-encoded", "postgres://bot:hunter2%2Fsecret@" + closed + "/directorbot", "hunter2/secret"},
		{"invalid port", "postgres://bot:hunter2-secret@db:notaport/directorbot", "hunter2-secret"},
		{"bad escape", "postgres://bot:hunter2-%zzsecret@db/directorbot", "hunter2-%zzsecret"},
		{"raw at sign", "postgres://bot:hunter2@secret@db:notaport/directorbot", "hunter2@secret"},
		{"bad option", "postgres://bot:hunter2-secret@" + closed + "/directorbot?pool_max_conns=many", "hunter2-secret"},
		{"raw slash and at sign", "postgres://bot:hunter2/x@secret@" + closed + "/directorbot", "hunter2/x@secret"},
		{"password in query and bad port", "postgres://bot@db:notaport/directorbot?password=hunter2-secret", "hunter2-secret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
			defer cancel()
			s, err := Open(ctx, tt.url)
			if err == nil {
				s.Close()
				t.Fatalf("Open succeeded; want an error")
			}
			msg := err.Error()
			t.Logf("error: %s", msg)
			for _, secret := range []string{tt.password, "hunter2", "secret"} {
				if strings.Contains(msg, secret) {
					t.Errorf("error %q shows the password", msg)
				}
			}
		})
	}
}

// TestOpenCallsAMalformedPostgresURLAURLError returns a URLError for a
// PostgreSQL URL of the wrong form, which no retry mends (serve exits 2),
// not for one that is well formed but unreachable.
func TestOpenCallsAMalformedPostgresURLAURLError(t *testing.T) {
	t.Parallel()
	for raw, malformed := range map[string]bool{
		"postgres://bot:hunter2-secret@db:notaport/directorbot": true,
		"postgres://bot@127.0.0.1:1/directorbot?sslmode=bogus":  true,
		"postgres://bot@127.0.0.1:1/directorbot":                false,
	} {
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		s, err := Open(ctx, raw)
		cancel()
		if err == nil {
			s.Close()
			t.Fatalf("Open(%q) succeeded", raw)
		}
		var bad *URLError
		if errors.As(err, &bad) != malformed || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("Open(%q): %v; a URLError: %v, want %v", raw, err, !malformed, malformed)
		}
	}
}

func TestRedactMasksEveryForm(t *testing.T) {
	t.Parallel()
	passwords := postgresPasswords("postgres://bot:p%40ss%20word@db/x?sslpassword=k3y")
	for _, form := range []string{"p@ss word", "p%40ss%20word", "p%40ss+word", "k3y"} {
		err := redact(errorString("failed near "+form+" here"), passwords)
		if strings.Contains(err.Error(), form) || !strings.Contains(err.Error(), redactedMask) {
			t.Errorf("redact left %q in %q", form, err)
		}
	}
}

// errorString is an error with a fixed message.
type errorString string

func (e errorString) Error() string { return string(e) }

func TestSQLiteDSNEscapesPath(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "odd?dir#1 %20")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, "sqlite:"+filepath.Join(dir, "state.db"))
	if won, err := s.Claim(t.Context(), "k", DefaultClaimTTL); err != nil || !won {
		t.Fatalf("Claim = %v, %v; want true, nil", won, err)
	}
	if !strings.HasPrefix(sqliteDSN("/a?b#c%d", readWrite), "file:/a%3Fb%23c%25d?") {
		t.Errorf("sqliteDSN did not escape the path: %s", sqliteDSN("/a?b#c%d", readWrite))
	}
}

func TestOpenSQLiteInMissingDirectory(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "missing", "state.db")
	s, err := Open(t.Context(), "sqlite:"+path)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded in a missing directory; want an error")
	}
	t.Logf("error: %s", err)
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "folder must exist and be writable") {
		t.Errorf("error %q does not name the file %s and say what it needs", err, path)
	}
}

func TestSQLiteUsesWAL(t *testing.T) {
	t.Parallel()
	s := openStore(t, sqliteURL(t))
	var mode string
	if err := s.db.(*sqlite).db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q; want wal", mode)
	}
	if timeout := queryInt(t, s, "PRAGMA busy_timeout"); timeout != sqliteBusyTimeout.Milliseconds() {
		t.Errorf("busy_timeout = %d; want %d", timeout, sqliteBusyTimeout.Milliseconds())
	}
}

// TestOpenGivesUpOnASilentServer opens a store on a PostgreSQL address
// whose server takes the connection and never answers: Open fails within
// connectTimeout, saying it could not connect, though its context allows
// far longer. It held serve at its start, with nothing logged.
func TestOpenGivesUpOnASilentServer(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		// Held open, unanswered, until the listener closes.
		var held []net.Conn
		for {
			conn, err := ln.Accept()
			if err != nil {
				for _, c := range held {
					c.Close()
				}
				return
			}
			held = append(held, conn)
		}
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 3*connectTimeout)
	defer cancel()
	start := time.Now()
	s, err := Open(ctx, "postgres://bot:pw@"+ln.Addr().String()+"/directorbot?sslmode=disable")
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded; want an error")
	}
	if took := time.Since(start); took > connectTimeout+5*time.Second || !strings.Contains(err.Error(), "connect to PostgreSQL") {
		t.Errorf("Open failed after %v with %q; want within %v, saying it could not connect", took, err, connectTimeout)
	}
}

// TestSQLiteFileIsItsOwners: a new SQLite file, and its WAL, are readable
// by their owner alone: they keep the questions people asked. An existing
// file keeps the mode it has.
func TestSQLiteFileIsItsOwners(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "state.db")
	s, err := Open(t.Context(), "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.RecordQuestion(t.Context(), Asked{Question: "q", Surface: SurfaceDM, Token: NewReplyToken(), At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{path, path + "-wal"} {
		if info, err := os.Stat(name); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v; want mode 0600", name, info.Mode().Perm(), err)
		}
	}
	shared := filepath.Join(dir, "shared.db")
	if err := os.WriteFile(shared, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(t.Context(), "sqlite:"+shared)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if info, err := os.Stat(shared); err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("an existing file's mode changed: %v, %v", info.Mode().Perm(), err)
	}
}

// TestRefusedIsASettingsMistake: a store refusing the settings themselves
// (a role PostgreSQL does not take) is Refused, which no retry mends; a
// server not listening yet, a database or a SQLite folder not made yet,
// are not, since a restart may find them.
func TestRefusedIsASettingsMistake(t *testing.T) {
	t.Parallel()
	url := pgtest.URL(t)
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := closed.Addr().String()
	closed.Close()
	for _, tc := range []struct {
		name, url string
		refused   bool
	}{
		{"no such database", url[:strings.LastIndex(url, "/")+1] + "nosuchdb?sslmode=disable", false},
		{"no such role", strings.Replace(url, "postgres://postgres@", "postgres://nosuchrole@", 1), true},
		{"SQLite folder missing", "sqlite:" + filepath.Join(t.TempDir(), "missing", "bot.db"), false},
		{"server down", "postgres://bot@" + down + "/directorbot?sslmode=disable&connect_timeout=2", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := Open(t.Context(), tc.url)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if got := Refused(err); got != tc.refused {
				t.Errorf("Refused(%v) = %v, want %v", err, got, tc.refused)
			}
		})
	}
}

// TestWhereNamesNoPassword: the logs say where a store keeps its data,
// never a password.
func TestWhereNamesNoPassword(t *testing.T) {
	t.Parallel()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for raw, want := range map[string]string{
		"sqlite:directorbot.db":                                    filepath.Join(wd, "directorbot.db"),
		"sqlite:/var/lib/directorbot/state.db":                     "/var/lib/directorbot/state.db",
		"postgres://bot:hunter2@db.internal:5432/directorbot?x=1":  "db.internal:5432/directorbot",
		"postgresql://bot:hunter2@db/directorbot?password=hunter2": "db/directorbot",
		"mysql://bot:hunter2@db/directorbot":                       "",
	} {
		if got := Where(raw); got != want {
			t.Errorf("Where(%q) = %q, want %q", raw, got, want)
		}
	}
}
