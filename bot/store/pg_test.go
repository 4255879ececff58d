package store

import (
	"testing"

	"github.com/directorbot/directorbot/bot/store/pgtest"
)

// TestMain stops the throwaway PostgreSQL server once the tests are done.
func TestMain(m *testing.M) { pgtest.Main(m) }

// postgresURL returns the URL of a new, empty database on the test binary's
// throwaway PostgreSQL server (see bot/store/pgtest).
func postgresURL(tb testing.TB) string { return pgtest.URL(tb) }
