package store

import (
	"database/sql"
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// TestLessonsAreKeptUntilUndone teaches questions, teaches one of them
// again (the later word is in use, once), reads them back latest first,
// and undoes lessons: one that replaced another brings it back, one
// replaced or undone already changes nothing.
func TestLessonsAreKeptUntilUndone(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		ctx := t.Context()
		now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
		s.now = func() time.Time { return now }
		if err := s.Teach(ctx, "skills", "what makes a good director", "director skills"); err != nil {
			t.Fatal(err)
		}
		first, err := s.Lessons(ctx)
		if err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Minute)
		if err := s.Teach(ctx, "", "director skills", "whats for lunch", "director skills"); err != nil {
			t.Fatal(err)
		}
		got := lessonsAre(t, s, "after teaching one again", lesson{"whats for lunch", ""}, lesson{"director skills", ""}, lesson{"what makes a good director", "skills"})
		if !got[0].Taught.Equal(now) {
			t.Errorf("taught at %v, want %v", got[0].Taught, now)
		}
		for _, l := range first {
			if ok, err := s.Unteach(ctx, l.ID); err != nil || ok != (l.Question != "director skills") {
				t.Errorf("Unteach(%+v) = %v, %v; a lesson replaced since is not in use", l, ok, err)
			}
		}
		lessonsAre(t, s, "after undoing the first", lesson{"whats for lunch", ""}, lesson{"director skills", ""})
		if ok, err := s.Unteach(ctx, got[1].ID); err != nil || !ok {
			t.Fatalf("Unteach = %v, %v", ok, err)
		}
		lessonsAre(t, s, "after undoing the lesson that replaced another", lesson{"whats for lunch", ""}, lesson{"director skills", "skills"})
		if ok, err := s.Unteach(ctx, got[1].ID); err != nil || ok {
			t.Errorf("undoing a lesson twice = %v, %v; want false, nil", ok, err)
		}
		// Taught the section it has already, a question keeps its lesson:
		// Undo then forgets it, rather than undo a lesson that changed
		// nothing.
		if err := s.Teach(ctx, "", "whats for lunch"); err != nil {
			t.Fatal(err)
		}
		again := lessonsAre(t, s, "taught the same again", lesson{"whats for lunch", ""}, lesson{"director skills", "skills"})
		if ok, err := s.Unteach(ctx, again[0].ID); err != nil || !ok {
			t.Fatalf("Unteach = %v, %v", ok, err)
		}
		lessonsAre(t, s, "undone after being taught the same again", lesson{"director skills", "skills"})
		if err := s.Teach(ctx, "skills", " "); err == nil {
			t.Error("an empty question was taught")
		}
	})
}

// lesson is a lesson's question and section, as a test compares them.
type lesson struct{ question, section string }

// lessonsAre checks that s's lessons in use are want, the latest first,
// and returns them.
func lessonsAre(t *testing.T, s *Store, when string, want ...lesson) []Lesson {
	t.Helper()
	got, err := s.Lessons(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%s, Lessons = %+v, want %v", when, got, want)
	}
	for i, l := range got {
		if (lesson{l.Question, l.Section}) != want[i] {
			t.Errorf("%s, lesson %d = %+v, want %v", when, i, l, want[i])
		}
	}
	return got
}

// TestLessonsTaughtBeforeHistoryAreKept: a SQLite database that kept
// lessons before migration 0009 keeps them after it (the table is
// rebuilt), and teaches a question again beside its earlier lesson.
func TestLessonsTaughtBeforeHistoryAreKept(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bot.db")
	db, tx := sqliteBefore(t, path, 9)
	if _, err := tx.Exec(`INSERT INTO lessons (question, section, taught_at) VALUES ('director skills', 'skills', 1), ('whats for lunch', '', 2)`); err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(tx.Commit(), db.Close()); err != nil {
		t.Fatal(err)
	}

	s := openStore(t, "sqlite:"+path)
	lessonsAre(t, s, "after the migration", lesson{"whats for lunch", ""}, lesson{"director skills", "skills"})
	if err := s.Teach(t.Context(), "hiring", "director skills"); err != nil {
		t.Fatal(err)
	}
	got := lessonsAre(t, s, "taught again", lesson{"director skills", "hiring"}, lesson{"whats for lunch", ""})
	if ok, err := s.Unteach(t.Context(), got[0].ID); err != nil || !ok {
		t.Fatalf("Unteach = %v, %v", ok, err)
	}
	lessonsAre(t, s, "undone", lesson{"whats for lunch", ""}, lesson{"director skills", "skills"})
}

// sqliteBefore opens a SQLite database at path and, in the transaction it
// returns, migrates it as it was before migration version: the caller
// keeps rows as an older bot did, then commits and closes.
func sqliteBefore(t *testing.T, path string, version int64) (*sql.DB, *sql.Tx) {
	t.Helper()
	db, err := sql.Open("sqlite", sqliteDSN(path, readWrite))
	if err != nil {
		t.Fatal(err)
	}
	before := sqliteDialect
	before.files = migrationsBefore(t, sqliteDialect.dir, version)
	tx, err := db.BeginTx(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := migrate(t.Context(), sqliteSchema{tx}, before); err != nil {
		t.Fatal(err)
	}
	return db, tx
}

// migrationsBefore holds the migrations of dir numbered below version.
func migrationsBefore(t *testing.T, dir string, version int64) fs.FS {
	t.Helper()
	all, err := loadMigrations(migrationFiles, dir)
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, m := range all {
		if m.version < version {
			files[path.Join(dir, m.name)] = &fstest.MapFile{Data: []byte(m.sql)}
		}
	}
	return files
}

// TestLessonsUpToAReplacement: the lessons in use as they stood once a
// given lesson was taught, before a question was taught again.
func TestLessonsUpToAReplacement(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		ctx := t.Context()
		for _, l := range []lesson{{"director skills", "skills"}, {"whats for lunch", ""}, {"director skills", "hiring"}} {
			if err := s.Teach(ctx, l.section, l.question); err != nil {
				t.Fatal(err)
			}
		}
		now := lessonsAre(t, s, "now", lesson{"director skills", "hiring"}, lesson{"whats for lunch", ""})
		then, err := s.LessonsUpTo(ctx, now[1].ID)
		if err != nil || len(then) != 2 || then[0].Question != "whats for lunch" || then[1].Section != "skills" {
			t.Errorf("LessonsUpTo(%d) = %+v, %v; want lunch, then skills as first taught", now[1].ID, then, err)
		}
		if none, err := s.LessonsUpTo(ctx, 0); err != nil || len(none) != 0 {
			t.Errorf("LessonsUpTo(0) = %+v, %v; want none", none, err)
		}
	})
}
