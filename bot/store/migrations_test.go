package store

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// TestReopenIsNoOp: reopening a store applies nothing, and says so, and
// counts a newer build's migrations it does not know.
func TestReopenIsNoOp(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		first := openStore(t, url)
		if won, err := first.Claim(t.Context(), "kept", DefaultClaimTTL); err != nil || !won {
			t.Fatalf("Claim = %v, %v; want true, nil", won, err)
		}
		want := queryInt(t, first, "SELECT count(*) FROM schema_migrations")
		if m := first.Migrated(); int64(len(m.Applied)) != want || m.Unknown != 0 {
			t.Errorf("a new store's migration = %+v; want all %d applied", m, want)
		}
		// A newer build's migration, which this one does not know.
		queryInt(t, first, "INSERT INTO schema_migrations (version, name) VALUES (99999, '99999_newer.sql') RETURNING version")
		if err := first.Close(); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			s := openStore(t, url)
			if got := queryInt(t, s, "SELECT count(*) FROM schema_migrations"); got != want+1 {
				t.Errorf("reopened: %d migrations recorded; want %d", got, want+1)
			}
			if m := s.Migrated(); len(m.Applied) != 0 || m.Unknown != 1 {
				t.Errorf("reopened: migration = %+v; want none applied, one unknown", m)
			}
			if won, err := s.Claim(t.Context(), "kept", DefaultClaimTTL); err != nil || won {
				t.Errorf("reopened: Claim of a kept key = %v, %v; want false, nil", won, err)
			}
		}
	})
}

// TestConcurrentOpen opens one new database from several goroutines at
// once, as replicas starting together: all must succeed and each migration
// must be applied once.
func TestConcurrentOpen(t *testing.T) {
	t.Parallel()
	const replicas = 8
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		stores := make([]*Store, replicas)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range stores {
			wg.Go(func() {
				<-start
				s, err := Open(t.Context(), url)
				if err != nil {
					t.Errorf("replica %d: Open: %v", i, err)
					return
				}
				stores[i] = s
			})
		}
		close(start)
		wg.Wait()
		for _, s := range stores {
			if s != nil {
				t.Cleanup(func() { s.Close() })
			}
		}
		if t.Failed() {
			return
		}
		all, err := loadMigrations(migrationFiles, "migrations/"+b.name)
		if err != nil {
			t.Fatal(err)
		}
		if got := queryInt(t, stores[0], "SELECT count(*) FROM schema_migrations"); got != int64(len(all)) {
			t.Errorf("%d migrations recorded; want %d", got, len(all))
		}
	})
}

// TestEmbeddedMigrationsAgree checks that both engines have the same
// numbered migrations, so that neither falls behind.
func TestEmbeddedMigrationsAgree(t *testing.T) {
	t.Parallel()
	versions := map[string][]int64{}
	for _, engine := range []string{"postgres", "sqlite"} {
		all, err := loadMigrations(migrationFiles, "migrations/"+engine)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) == 0 {
			t.Fatalf("no %s migrations embedded", engine)
		}
		for _, m := range all {
			versions[engine] = append(versions[engine], m.version)
		}
	}
	if !slices.Equal(versions["postgres"], versions["sqlite"]) {
		t.Errorf("migration versions differ: postgres %v, sqlite %v", versions["postgres"], versions["sqlite"])
	}
}

func TestLoadMigrations(t *testing.T) {
	t.Parallel()
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []int64
		wantErr string
	}{
		{"sorted by number, not name", fstest.MapFS{
			"m/0010_c.sql": file("c"), "m/0002_b.sql": file("b"), "m/1_a.sql": file("a"), "m/notes.txt": file("x"),
		}, []int64{1, 2, 10}, ""},
		{"empty directory", fstest.MapFS{}, nil, ""},
		{"duplicate version", fstest.MapFS{"m/0001_a.sql": file("a"), "m/01_b.sql": file("b")}, nil, "share version 1"},
		{"no number", fstest.MapFS{"m/claims.sql": file("a")}, nil, "NNNN_what.sql"},
		{"version zero", fstest.MapFS{"m/0000_a.sql": file("a")}, nil, "NNNN_what.sql"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			all, err := loadMigrations(tt.files, "m")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v; want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, m := range all {
				got = append(got, m.version)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("versions = %v; want %v", got, tt.want)
			}
		})
	}
}

func TestPendingMigrations(t *testing.T) {
	t.Parallel()
	all := []migration{{version: 1}, {version: 2}, {version: 3}}
	got := pendingMigrations(all, map[int64]bool{1: true, 3: true, 7: true})
	if len(got) != 1 || got[0].version != 2 {
		t.Errorf("pending = %v; want only version 2", got)
	}
}
