package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/directorbot/directorbot/content"
)

// TestOpenDecodesNoBody reopens two persisted guides of the same 300
// sections, more than are read whole at open (readAhead), with examples
// naming a section and a row: in one, each section holds a table of 30
// rows; in the other, one line of the same words. Reopening allocates
// about as much for both, since a section's body is decoded when first
// read, not at open: decoding every body there made a guide of 100,000
// sections open in 1.1 s rather than 0.3 s, unseen by any test. Not
// parallel: it counts the whole process's allocations.
func TestOpenDecodesNoBody(t *testing.T) {
	const sections, rows = 300, 30
	page := func(table bool) string {
		var b strings.Builder
		b.WriteString("# Handbook\n\n")
		for i := range sections {
			fmt.Fprintf(&b, "## Topic %d\n\nPlanning budget headcount roadmap.\n\n", i)
			if table {
				b.WriteString("| Dimension | Director | VP |\n| --- | --- | --- |\n")
				for r := range rows {
					fmt.Fprintf(&b, "| Row %d | planning budget | headcount roadmap |\n", r)
				}
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	examples := `{"question": "how do I plan the budget for topic 7?", "expect": ["Topic 7"]}
{"question": "row 3 of topic 9", "expect": ["Topic 9"], "answer": "Row 3 | planning budget | headcount roadmap"}
{"question": "how do I bake bread?", "expect": []}
`
	reopen := func(table bool) uint64 {
		files := fstest.MapFS{"guide.md": {Data: []byte(page(table))}, content.ExamplesFile: {Data: []byte(examples)}}
		dir := t.TempDir()
		persistOnce(t, files, dir)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix, err := Open(t.Context(), files, dir)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
		return after.Mallocs - before.Mallocs
	}
	lines, tables := reopen(false), reopen(true)
	t.Logf("reopening allocated %d objects with a line a section, %d with a table", lines, tables)
	if float64(tables) > 1.3*float64(lines) {
		t.Errorf("reopening a guide of tables allocated %d objects, of lines %d: bodies are decoded at open", tables, lines)
	}
}

// TestGuidesOwnWordsAfterReopening asks a handbook that says "rituals",
// which the default thesaurus reads as "recurring meetings", built in
// memory, persisted and reopened: each finds its Team Rituals section.
func TestGuidesOwnWordsAfterReopening(t *testing.T) {
	t.Parallel()
	files := fstest.MapFS{"guide.md": {Data: []byte("# Handbook\n\n## Team Rituals\n\nStandup, planning and retros are mandatory.\n\n## One-on-Ones\n\nWeekly recurring meetings with each report.\n")}}
	g, err := content.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	built, err := Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	defer built.Close()
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		open func() (*Index, error)
	}{
		{"in memory", func() (*Index, error) { return built, nil }},
		{"persisted", func() (*Index, error) { return Open(t.Context(), files, dir) }},
		{"reopened", func() (*Index, error) { return Open(t.Context(), files, dir) }},
	} {
		ix, err := tc.open()
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.Search(t.Context(), "which rituals do we have?", 1)
		if err != nil || len(hits) == 0 || hits[0].Section.Title != "Team Rituals" {
			t.Errorf("%s: %s, %v; want Team Rituals", tc.name, ids(hits), err)
		}
		if ix != built {
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestReopeningAGuideThatSaysNoneOfTheThesaurus reuses the persisted
// index of a guide that says no entry of a one-way rule: its empty list
// of the guide's own words is kept, not taken for a missing one.
func TestReopeningAGuideThatSaysNoneOfTheThesaurus(t *testing.T) {
	t.Parallel()
	files := fstest.MapFS{"guide.md": {Data: []byte("# Handbook\n\n## Budgets\n\nTools under $1,000 need no approval.\n")}}
	dir := t.TempDir()
	persistOnce(t, files, dir)
	// A rebuild replaces the folder, and the mark with it.
	marker := filepath.Join(dir, homeDir, "reuse-marker")
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(t.Context(), files, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := os.Stat(marker); err != nil {
		t.Error("reopening a guide that says none of the thesaurus rebuilt its index")
	}
	if said, err := readSaid(ix.bleve); err != nil || said != nil {
		t.Errorf("kept words %q, %v; want none", said, err)
	}
}

// persistOnce opens the guide's index in dir, which keeps it, and closes it.
func persistOnce(t *testing.T, files fstest.MapFS, dir string) {
	t.Helper()
	ix, err := Open(t.Context(), files, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCancelledIndexingStops: a build, a persisted build, the wait for
// another process indexing the same folder and the merge after a build
// each stop when their context is cancelled (serve's SIGTERM while a
// large guide is indexed), with the context's error, and a persisted
// build leaves the folder without an index.
func TestCancelledIndexingStops(t *testing.T) {
	t.Parallel()
	files := content.EmbeddedFiles()
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	cases := []struct {
		name string
		run  func(t *testing.T, dir string) error
		want error
	}{
		{"in memory", func(t *testing.T, _ string) error {
			g, err := content.Load(files)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Build(cancelled, g)
			return err
		}, context.Canceled},
		{"persisted", func(t *testing.T, dir string) error {
			_, err := Open(cancelled, files, dir)
			return err
		}, context.Canceled},
		{"waiting for another process", func(t *testing.T, dir string) error {
			unlock, err := lock(t.Context(), dir)
			if err != nil {
				t.Fatal(err)
			}
			defer unlock()
			// flock locks belong to an open file, so this one waits for
			// the test's as for another process's.
			ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
			defer cancel()
			_, err = Open(ctx, files, dir)
			if err != nil && !strings.Contains(err.Error(), "another process is indexing") {
				t.Errorf("the wait's error does not say what it waited for: %v", err)
			}
			return err
		}, context.DeadlineExceeded},
		{"merging", func(t *testing.T, dir string) error {
			path := filepath.Join(dir, "segments")
			m, err := newMapping()
			if err != nil {
				t.Fatal(err)
			}
			b, err := bleve.New(path, m)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 3 {
				if err := b.Index(fmt.Sprint("doc-", i), map[string]any{fieldTitle: fmt.Sprint("topic ", i)}); err != nil {
					t.Fatal(err)
				}
			}
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
			return compact(cancelled, path)
		}, context.Canceled},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := tc.run(t, dir); !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			for _, left := range []string{homeDir, homeDir + ".new"} {
				if _, err := os.Stat(filepath.Join(dir, left)); err == nil {
					t.Errorf("%s left in the index folder", left)
				}
			}
		})
	}
}

// TestOpenKeptOpensOnlyThisFormat: the guide last indexed in a folder
// opens whatever the pages hold now, unless an index of another format
// (another schema, bleve or thesaurus) is all the folder keeps.
func TestOpenKeptOpensOnlyThisFormat(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	persistOnce(t, fstest.MapFS{"guide.md": {Data: []byte("# Guide\n\n## Budgets\n\nDirectors own the budget.\n")}}, dir)
	ix, err := OpenKept(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if hits, err := ix.Search(t.Context(), "who owns the budget", 1); err != nil || len(hits) == 0 || hits[0].Section.Title != "Budgets" {
		t.Errorf("the kept guide finds %v, %v; want Budgets", hits, err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := openSearch(filepath.Join(dir, homeDir))
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(b.SetInternal(builtByKey, []byte("an older build")), b.Close()); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenKept(t.Context(), dir); err == nil || !strings.Contains(err.Error(), "format") {
		t.Errorf("an index of another format opened: %v", err)
	}
}

// TestWaitUntilStopsWithItsContext: the wait for a merge that never ends
// ends with its context, long before its limit.
func TestWaitUntilStopsWithItsContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	waitUntil(ctx, time.Minute, func() bool { return false })
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the wait took %v after its context ended; want it to end with it", took)
	}
}
