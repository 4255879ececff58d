package reload

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// lessonBook is the lessons a test's reloader reads, as a store would
// keep them.
type lessonBook struct {
	mu      sync.Mutex
	lessons []content.Question
	err     error
}

func (b *lessonBook) set(err error, lessons ...content.Question) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.lessons, b.err = lessons, err
}

func (b *lessonBook) read(context.Context) ([]content.Question, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.lessons, b.err
}

// cloudBills is a question the handbook answers only once it is taught.
const cloudBills = "who decides what we spend on cloud bills"

// firstHit is the ID of the section the reloader's guide answers q with
// first, "" for none.
func firstHit(t *testing.T, r *Reloader, q string) string {
	t.Helper()
	ix, done := r.Acquire()
	defer done()
	hits, err := ix.Search(t.Context(), q, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		return ""
	}
	return hits[0].Section.ID
}

// TestLessonsAreLearned starts a guide with the lessons its store keeps
// and reloads it as they change: a new lesson is learned, the same ones
// again change nothing, a lesson whose section is gone does not stop the
// guide, and lessons that cannot be read keep the guide serving.
func TestLessonsAreLearned(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "handbook.md"), []byte(handbook), 0o644); err != nil {
		t.Fatal(err)
	}
	book := &lessonBook{}
	book.set(nil, content.Question{Text: "how do we pay for conferences", Expect: []string{"budgets"}})
	r, err := Start(t.Context(), Settings{Dir: dir, Taught: book.read, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := firstHit(t, r, "How do we pay for conferences?"); got != "budgets" {
		t.Errorf("the guide started without the store's lesson: %q", got)
	}
	if got := firstHit(t, r, cloudBills); got != "" {
		t.Fatalf("the guide answers %q before it is taught: %q", cloudBills, got)
	}
	if res, err := r.Reload(t.Context(), TriggerLessons); err != nil || !res.Unchanged {
		t.Errorf("a reload with the same lessons = %+v, %v; want unchanged", res, err)
	}

	book.set(nil, content.Question{Text: cloudBills, Expect: []string{"budgets"}}, content.Question{Text: "who runs the offsite", Expect: []string{"offsites"}})
	res, err := r.Reload(t.Context(), TriggerLessons)
	if err != nil || !res.Accepted {
		t.Fatalf("a reload with a new lesson and one whose section is gone = %+v, %v; want accepted", res, err)
	}
	if got := firstHit(t, r, cloudBills); got != "budgets" {
		t.Errorf("after the lesson, %q is answered by %q; want budgets", cloudBills, got)
	}
	if got := firstHit(t, r, "How do we pay for conferences?"); got == "budgets" {
		t.Errorf("a lesson undone is still answered as taught")
	}

	book.set(errors.New("database is down"))
	if res, err := r.Reload(t.Context(), TriggerLessons); err == nil {
		t.Errorf("a look for lessons that cannot be read = %+v; want an error, to log, not a reload to tell the admins", res)
	}
	res, err = r.Reload(t.Context(), TriggerCommand)
	if err != nil || res.Accepted || res.Reason == "" {
		t.Errorf("/director reload whose lessons cannot be read = %+v, %v; want rejected with a reason", res, err)
	}
	if got := firstHit(t, r, cloudBills); got != "budgets" {
		t.Errorf("a failed reload dropped the guide serving: %q", got)
	}
	if _, err := Start(t.Context(), Settings{Dir: dir, Taught: book.read}); err == nil {
		t.Error("Start with lessons that cannot be read succeeded")
	}
}

// TestFolderLessonsWithoutAStore: without a store of lessons (dev without
// --db), the lessons are the guide folder's own taught.jsonl, as ask and
// search read it, and a change of it is reloaded.
func TestFolderLessonsWithoutAStore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeGuide(t, dir, map[string]string{
		"handbook.md":      handbook,
		content.TaughtFile: `{"question": "` + cloudBills + `", "expect": ["budgets"]}` + "\n",
	})
	r, err := Start(t.Context(), Settings{Dir: dir, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := firstHit(t, r, cloudBills); got != "budgets" {
		t.Errorf("the folder's lesson was not learned: %q answers %q", cloudBills, got)
	}
	// A lesson added to the file is a change of the guide: watched, and
	// learned at the next reload.
	if !r.relevant(filepath.Join(dir, content.TaughtFile)) {
		t.Error("a change of taught.jsonl is not watched")
	}
	writeGuide(t, dir, map[string]string{content.TaughtFile: `{"question": "` + cloudBills + `", "expect": ["budgets"]}` + "\n" + `{"question": "how do we pay for conferences", "expect": ["budgets"]}` + "\n"})
	if res, err := r.Reload(t.Context(), TriggerCommand); err != nil || !res.Accepted {
		t.Fatalf("a reload after a lesson was added = %+v, %v; want accepted", res, err)
	}
	if got := firstHit(t, r, "how do we pay for conferences"); got != "budgets" {
		t.Errorf("the lesson added to the folder was not learned: %q", got)
	}
}

// TestEmbeddedGuideLearnsLessons: the embedded guide reloads, for the
// lessons taught, though it never changes otherwise.
func TestEmbeddedGuideLearnsLessons(t *testing.T) {
	t.Parallel()
	book := &lessonBook{}
	r, err := Start(t.Context(), Settings{Taught: book.read, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.Reloadable() {
		t.Fatal("the embedded guide with lessons is not reloadable")
	}
	if res, err := r.Reload(t.Context(), TriggerLessons); err != nil || !res.Unchanged {
		t.Errorf("a reload without lessons = %+v, %v; want unchanged", res, err)
	}
	const q = "what does the bot say about cloud bills"
	book.set(nil, content.Question{Text: q, Expect: []string{"Key Skill Sets"}})
	if res, err := r.Reload(t.Context(), TriggerLessons); err != nil || !res.Accepted {
		t.Fatalf("a reload with a lesson = %+v, %v; want accepted", res, err)
	}
	want := r.Guide().SectionsNamed()("Key Skill Sets")[0].ID
	if got := firstHit(t, r, q); got != want {
		t.Errorf("after the lesson, %q is answered by %q; want %q", q, got, want)
	}
}

// TestRejectedLessonsAreNotRebuiltEveryLook: a lesson that makes the
// guide fail its questions.jsonl is rejected once; the looks for lessons
// that follow find nothing new until the lessons change, and an admin's
// /director reload tries again.
func TestRejectedLessonsAreNotRebuiltEveryLook(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, text := range map[string]string{"handbook.md": handbook, QuestionsFile: questions} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	book := &lessonBook{}
	var results int
	r, err := Start(t.Context(), Settings{Dir: dir, Taught: book.read, Logger: slog.New(slog.DiscardHandler), OnResult: func(Result) { results++ }})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// questions.jsonl wants no answer for the weather.
	book.set(nil, content.Question{Text: "what is the weather like in Paris", Expect: []string{"Budgets"}})
	if res, err := r.Reload(t.Context(), TriggerLessons); err != nil || res.Accepted || res.Unchanged {
		t.Fatalf("a lesson that fails questions.jsonl = %+v, %v; want rejected", res, err)
	}
	for range 3 {
		if res, err := r.Reload(t.Context(), TriggerLessons); err != nil || !res.Unchanged {
			t.Errorf("a look after the rejection = %+v, %v; want unchanged", res, err)
		}
	}
	if results != 1 {
		t.Errorf("%d results told; want the one rejection", results)
	}
	if res, err := r.Reload(t.Context(), TriggerCommand); err != nil || res.Accepted || res.Unchanged {
		t.Errorf("/director reload after the rejection = %+v, %v; want rejected again", res, err)
	}
	book.set(nil)
	if res, err := r.Reload(t.Context(), TriggerLessons); err != nil || !res.Unchanged {
		t.Errorf("with the lesson undone = %+v, %v; want unchanged: the guide serving has none", res, err)
	}
}

// TestStartRejectsLessonsThatFailQuestions: at start-up, lessons that
// make the guide fail its questions.jsonl, where it passes without them,
// are rejected as a reload would reject them: the guide serves without
// them, in memory or kept in INDEX_DIR, StartRejection says why, and the
// looks for lessons that follow leave them out until they change. A guide
// that fails without them too serves with them, and one with no lessons
// that fails serves all the same: StartRejection says it fails (Failing),
// as it does of a questions.jsonl naming a heading the guide lacks.
func TestStartRejectsLessonsThatFailQuestions(t *testing.T) {
	t.Parallel()
	// questions.jsonl wants no answer for the weather.
	weather := content.Question{Text: "what is the weather like in Paris", Expect: []string{"budgets"}}
	mustFail := `{"question":"who owns the weather?","expect":["Hiring"]}` + "\n"
	for _, tc := range []struct {
		name      string
		questions string
		lessons   []content.Question
		kept      bool
		keptFails bool // INDEX_DIR cannot take the guide without the lessons
		rejected  bool
		failing   bool // the guide served fails questions.jsonl
	}{
		{"lessons that fail", questions, []content.Question{weather}, false, false, true, false},
		{"lessons that fail, index kept", questions, []content.Question{weather}, true, false, true, false},
		{"lessons that fail, INDEX_DIR failing", questions, []content.Question{weather}, true, true, true, false},
		{"lessons that pass", questions, []content.Question{{Text: cloudBills, Expect: []string{"budgets"}}}, false, false, false, false},
		{"a guide that fails without lessons", questions + mustFail, []content.Question{weather}, true, false, false, true},
		{"a guide that fails, with no lessons", questions + mustFail, nil, false, false, false, true},
		{"a question naming a heading the guide lacks", questions + `{"question":"who plans headcount?","expect":["Headcount Planning"]}` + "\n", nil, false, false, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeGuide(t, dir, map[string]string{"handbook.md": handbook, QuestionsFile: tc.questions})
			book := &lessonBook{}
			book.set(nil, tc.lessons...)
			s := Settings{Dir: dir, Taught: book.read, Logger: slog.New(slog.DiscardHandler)}
			if tc.kept {
				s.IndexDir = filepath.Join(t.TempDir(), "index")
				opened := 0
				s.Open = func(ctx context.Context, files fs.FS, dir string) (*index.Index, error) {
					if opened++; tc.keptFails && opened > 1 {
						return nil, errors.New("disk full")
					}
					return index.Open(ctx, files, dir)
				}
			}
			r, err := Start(t.Context(), s)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			res, told := r.StartRejection()
			if told != (tc.rejected || tc.failing) || res.Failing != tc.failing {
				t.Fatalf("StartRejection = %+v, %v; want lessons rejected %v, the guide failing %v", res, told, tc.rejected, tc.failing)
			}
			if tc.failing && !strings.Contains(res.Summary(), "it serves anyway, since there is no earlier guide") {
				t.Errorf("a guide failing at start-up says %q", res.Summary())
			}
			if len(tc.lessons) == 0 {
				return
			}
			taught := tc.lessons[0]
			if got, want := firstHit(t, r, taught.Text), taught.Expect[0]; (got == want) == tc.rejected {
				t.Errorf("%q is answered with %q; lesson for %q in use: %v, want %v", taught.Text, got, want, got == want, !tc.rejected)
			}
			if !tc.rejected {
				return
			}
			if res.Trigger != TriggerStart || !strings.Contains(res.Reason, QuestionsFile+" failed") || !strings.Contains(res.Summary(), "serves without them") {
				t.Errorf("the rejection says %+v (%s); want questions.jsonl's failure, at start-up", res, res.Summary())
			}
			if res, err := r.Reload(t.Context(), TriggerLessons); err != nil || !res.Unchanged || res.Current {
				t.Errorf("a look after the rejection = %+v, %v; want the rejected lessons left out", res, err)
			}
			book.set(nil)
			if res, err := r.Reload(t.Context(), TriggerLessons); err != nil || !res.Current || !res.Restored {
				t.Errorf("with the lesson undone = %+v, %v; want the guide serving, restored", res, err)
			}
		})
	}
}
