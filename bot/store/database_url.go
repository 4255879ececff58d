package store

import (
	"cmp"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// acceptedForms lists the DATABASE_URL forms that Open understands, for
// error messages.
const acceptedForms = "want postgres://USER:PASSWORD@HOST:PORT/DB or postgresql://… for PostgreSQL, or sqlite:PATH for a SQLite file"

// URLError is a store URL that Open cannot read. Its message names the
// setting the URL came from, Setting or else DATABASE_URL, so that a
// caller that took it from elsewhere (a flag) can say so, and quotes no
// more of the URL than its scheme, so that a password in it cannot leak.
type URLError struct {
	Setting string
	// problem is what is wrong, and the forms that would do.
	problem string
}

func (e *URLError) Error() string {
	return cmp.Or(e.Setting, "DATABASE_URL") + " " + e.problem
}

// Where says where the store of a URL Open reads keeps its data, for the
// logs: a SQLite file's absolute path, or a PostgreSQL server and
// database, never a password; "" for a URL Open cannot read.
func Where(databaseURL string) string {
	t, err := parseDatabaseURL(databaseURL)
	switch {
	case err != nil:
		return ""
	case t.engine == engineSQLite:
		if abs, err := filepath.Abs(t.location); err == nil {
			return abs
		}
		return t.location
	}
	u, err := url.Parse(t.location)
	if err != nil {
		return ""
	}
	return u.Host + u.Path
}

// engine is a database engine that the store can run on.
type engine int

const (
	enginePostgres engine = iota + 1
	engineSQLite
)

// target is a parsed DATABASE_URL: the engine, and where its database is.
type target struct {
	engine engine
	// location is the URL itself for PostgreSQL, the file path for SQLite.
	location string
}

// parseDatabaseURL tells which engine raw names. Its errors quote no more of
// raw than the scheme, so a password in it cannot leak through them.
func parseDatabaseURL(raw string) (target, error) {
	switch {
	case raw == "":
		return target{}, &URLError{problem: "is empty; " + acceptedForms}
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"):
		return target{engine: enginePostgres, location: raw}, nil
	case strings.HasPrefix(raw, "sqlite:"):
		path, err := sqlitePath(strings.TrimPrefix(raw, "sqlite:"))
		if err != nil {
			return target{}, err
		}
		return target{engine: engineSQLite, location: path}, nil
	}
	return target{}, &URLError{problem: describeScheme(raw) + "; " + acceptedForms}
}

// SQLiteFile returns the file a DATABASE_URL names when it is a SQLite
// one; ok is false for PostgreSQL, err says what is wrong with a URL Open
// would refuse.
func SQLiteFile(raw string) (path string, ok bool, err error) {
	t, err := parseDatabaseURL(raw)
	if err != nil || t.engine != engineSQLite {
		return "", false, err
	}
	return t.location, true, nil
}

// sqlitePath returns the file path of a sqlite: URL, given what follows
// "sqlite:". Besides a plain path it takes the URL form sqlite:///ABSOLUTE.
func sqlitePath(rest string) (string, error) {
	if strings.HasPrefix(rest, "//") {
		if !strings.HasPrefix(rest, "///") {
			return "", &URLError{problem: "sqlite://… names a host, not a file; want sqlite:PATH (or sqlite:///ABSOLUTE/PATH)"}
		}
		rest = strings.TrimPrefix(rest, "//")
	}
	if rest == "" {
		return "", &URLError{problem: "sqlite: has no file path; want sqlite:PATH, e.g. sqlite:/var/lib/directorbot/state.db"}
	}
	return filepath.Clean(rest), nil
}

// describeScheme names the scheme of raw for an error message, or says that
// it has none, without quoting anything after the scheme.
func describeScheme(raw string) string {
	scheme, _, found := strings.Cut(raw, ":")
	if !found || !isScheme(scheme) {
		return "has no scheme"
	}
	return fmt.Sprintf("has unsupported scheme %q", scheme)
}

// isScheme reports whether s is a URL scheme: a letter, then letters,
// digits, '+', '-' or '.'.
func isScheme(s string) bool {
	for i, r := range s {
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		other := '0' <= r && r <= '9' || r == '+' || r == '-' || r == '.'
		if !letter && (i == 0 || !other) {
			return false
		}
	}
	return s != ""
}
