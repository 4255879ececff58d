package store

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// testBackend is an engine that the shared test suite runs against.
type testBackend struct {
	name string
	// newURL returns the DATABASE_URL of a new, empty database.
	newURL func(tb testing.TB) string
}

// testBackends lists the engines; PostgreSQL's tests skip, or fail under
// DIRECTORBOT_REQUIRE_POSTGRES=1, when it is not installed.
var testBackends = []testBackend{
	{name: "sqlite", newURL: sqliteURL},
	{name: "postgres", newURL: postgresURL},
}

// sqliteURL returns the DATABASE_URL of a new SQLite file in a temporary
// directory.
func sqliteURL(tb testing.TB) string {
	return "sqlite:" + filepath.Join(tb.TempDir(), "state.db")
}

// forEachBackend runs test as a parallel subtest for each engine.
func forEachBackend(t *testing.T, test func(t *testing.T, b testBackend)) {
	t.Helper()
	for _, b := range testBackends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			test(t, b)
		})
	}
}

// openStore opens the store at url, closing it when tb ends.
func openStore(tb testing.TB, url string) *Store {
	tb.Helper()
	s, err := Open(context.Background(), url)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

// testClock is a clock that moves only when told to.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// openClocked opens the store at url, as openStore does, reading the time
// from a new testClock.
func openClocked(tb testing.TB, url string) (*Store, *testClock) {
	tb.Helper()
	s, c := openStore(tb, url), newTestClock()
	s.now = c.Now
	return s, c
}

// queryInt runs a query that returns one integer, on either engine.
func queryInt(tb testing.TB, s *Store, query string) int64 {
	tb.Helper()
	var n int64
	var err error
	switch db := s.db.(type) {
	case *postgres:
		err = db.pool.QueryRow(context.Background(), query).Scan(&n)
	case *sqlite:
		err = db.db.QueryRow(query).Scan(&n)
	default:
		tb.Fatalf("unknown backend %T", db)
	}
	if err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return n
}
