package reload

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

const handbook = `# Handbook

## Budgets

Directors own the budget of their organization and plan headcount every quarter.

## Hiring

Hiring managers interview candidates and make offers to engineers.
`

// onboarding is a page that a new guide adds.
const onboarding = `# Onboarding

## First Week

New engineers get a buddy and ship a change in their first week.
`

const questions = `{"question":"who owns the budget?","expect":["Budgets"]}

{"question":"how do I hire engineers?","expect":["Hiring"]}
{"question":"what is the weather like in Paris","expect":[]}
`

// writeGuide writes files into dir, named by their keys.
func writeGuide(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fixture is a reloader on a guide folder of the test's.
type fixture struct {
	dir      string
	r        *Reloader
	reg      *prometheus.Registry
	mu       sync.Mutex
	results  []Result
	resulted chan Result
	notified atomic.Int64
}

func newFixture(t *testing.T, s Settings, files map[string]string) *fixture {
	t.Helper()
	f := &fixture{dir: t.TempDir(), reg: prometheus.NewRegistry(), resulted: make(chan Result, 16)}
	writeGuide(t, f.dir, files)
	g, err := content.LoadDir(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	s.Dir, s.Registerer = f.dir, f.reg
	if s.Logger == nil {
		s.Logger = slog.New(slog.DiscardHandler)
	}
	s.OnResult = func(res Result) {
		f.mu.Lock()
		f.results = append(f.results, res)
		f.mu.Unlock()
		f.resulted <- res
	}
	f.r = New(ix, s)
	f.r.Notify(func(Result) { f.notified.Add(1) })
	t.Cleanup(func() {
		if err := f.r.Close(); err != nil {
			t.Error(err)
		}
	})
	return f
}

func (f *fixture) reload(t *testing.T) Result {
	t.Helper()
	res, err := f.r.Reload(t.Context(), "command")
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func (f *fixture) counted(result string) float64 {
	c, err := f.reg.Gather()
	if err != nil {
		panic(err)
	}
	for _, mf := range c {
		if mf.GetName() != "directorbot_guide_reloads_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			if m.GetLabel()[0].GetValue() == result {
				return m.GetCounter().GetValue()
			}
		}
	}
	return -1
}

// answers reports the ID of the section that answers question now.
func (f *fixture) answers(t *testing.T, question string) string {
	t.Helper()
	ix, done := f.r.Acquire()
	defer done()
	hits, err := ix.Search(t.Context(), question, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		return ""
	}
	return hits[0].Section.ID
}

func TestRejectedReloadKeepsTheOldGuide(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		files    map[string]string
		reason   string
		problems []string
	}{
		{
			name:     "broken markdown",
			files:    map[string]string{"onboarding.md": "---\nlabel: Onboarding\n# Onboarding\n\nNo closing frontmatter line.\n"},
			reason:   "a file of the guide has a mistake: onboarding.md:1:",
			problems: []string{"onboarding.md:1:"},
		},
		{
			name:     "table with a cell too many",
			files:    map[string]string{"onboarding.md": onboarding + "\n| Day | Task |\n| --- | --- |\n| 1 | laptop |\n| 2 | buddy | lunch |\n"},
			reason:   "a file of the guide has a mistake: onboarding.md:",
			problems: []string{"onboarding.md:"},
		},
		{
			name: "failing questions",
			files: map[string]string{
				"handbook.md":     handbook + "\n## Weather\n\nThe weather in Paris is like spring in March.\n",
				"questions.jsonl": questions + `{"question":"who plans headcount?","expect":["Hiring"]}` + "\n",
			},
			reason: "questions.jsonl failed: top-1 accuracy 0.67 is below 0.80; 1 of 1 off-topic questions got an answer",
			problems: []string{
				`questions.jsonl:4: "what is the weather like in Paris" wants no answer, got Weather`,
				`questions.jsonl:5: "who plans headcount?" wants Hiring, got Budgets`,
			},
		},
		{
			name: "questions naming a section the guide lacks",
			files: map[string]string{
				"handbook.md": strings.Replace(handbook, "## Budgets\n", "## Spending\n", 1),
			},
			reason:   `questions.jsonl:1: no section is titled "Budgets"`,
			problems: []string{`questions.jsonl:1: no section is titled "Budgets" (or has that ID); rename it here too if its heading changed`},
		},
		{
			name:     "examples of a section the guide lacks",
			files:    map[string]string{"examples.jsonl": `{"question": "who signs off on spend", "expect": ["Budget Approvals"]}` + "\n"},
			reason:   "a file of the guide has a mistake: examples.jsonl:1:",
			problems: []string{`examples.jsonl:1: no section is titled "Budget Approvals"`},
		},
		{
			name: "examples naming two sections the guide lacks",
			files: map[string]string{"examples.jsonl": `{"question": "who signs off on spend", "expect": ["Budget Approvals"]}` + "\n" +
				`{"question": "who plans spend", "expect": ["Spend Plans"]}` + "\n"},
			reason:   `a file of the guide has a mistake: examples.jsonl:1: no section is titled "Budget Approvals" (or has that ID); rename it here too if its heading changed (and 1 more)`,
			problems: []string{`examples.jsonl:1: no section is titled "Budget Approvals"`, `examples.jsonl:2: no section is titled "Spend Plans"`},
		},
		{
			name:     "unreadable questions",
			files:    map[string]string{"questions.jsonl": questions + "{not json\n"},
			reason:   "questions.jsonl:5:",
			problems: []string{"questions.jsonl:5:"},
		},
		{
			// A list's habit: this line crashed the bot, and now reads as
			// either adding or dropping.
			name:     "an outside.txt line written as a list's bullet",
			files:    map[string]string{"outside.txt": "salary\n- bonus\n"},
			reason:   "the guide does not load",
			problems: []string{`outside.txt:2: "- bonus": write "bonus" to add a topic, or "-bonus" to drop one of the default list's`},
		},
		{
			name:     "an outside.txt line that drops no topic of the list",
			files:    map[string]string{"outside.txt": "salary\n-bonuses and perks\n"},
			reason:   "the guide does not load",
			problems: []string{`outside.txt:2: "-bonuses and perks" drops nothing`},
		},
		{
			name:     "a roles.txt name left empty",
			files:    map[string]string{"roles.txt": "EM, engineering manager\nCTO, , chief technology officer\n"},
			reason:   "the guide does not load",
			problems: []string{`roles.txt:2: "CTO, , chief technology officer" has an empty name`},
		},
		{
			name:     "questions with two mistakes",
			files:    map[string]string{"questions.jsonl": questions + "{not json\n" + `{"question": "who budgets", "expect": ["Spend Plans"]}` + "\n"},
			reason:   "questions.jsonl:5: not a question",
			problems: []string{"questions.jsonl:5: not a question", `questions.jsonl:6: no section is titled "Spend Plans"`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, Settings{}, map[string]string{"handbook.md": handbook, "questions.jsonl": questions})
			before, done := f.r.Acquire()
			done()
			writeGuide(t, f.dir, tc.files)
			res := f.reload(t)
			if res.Accepted || res.Unchanged || !strings.HasPrefix(res.Reason, tc.reason) {
				t.Errorf("result %+v; want rejected because %q", res, tc.reason)
			}
			if len(res.Problems) != len(tc.problems) {
				t.Fatalf("problems %q; want %d", res.Problems, len(tc.problems))
			}
			for i, p := range tc.problems {
				if !strings.HasPrefix(res.Problems[i], p) {
					t.Errorf("problem %d = %q; want it to start %q", i, res.Problems[i], p)
				}
			}
			if !strings.Contains(res.Summary(), "rejected, the old one keeps serving") {
				t.Errorf("summary %q", res.Summary())
			}
			now, done := f.r.Acquire()
			done()
			if now != before {
				t.Error("a rejected guide was swapped in")
			}
			if got := f.answers(t, "who owns the budget?"); got != "budgets" {
				t.Errorf("after the rejected reload the budget question finds %q; want budgets", got)
			}
			if f.counted("rejected") != 1 || f.counted("accepted") != 0 || len(f.results) != 1 || f.notified.Load() != 1 {
				t.Errorf("reloads counted: rejected %v, accepted %v, results %d; want 1, 0, 1", f.counted("rejected"), f.counted("accepted"), len(f.results))
			}
		})
	}
}

// TestAcceptedReloadWhileAnswering reloads good guides again and again
// while questions keep being answered: no search fails, none waits on the
// reload, and every replaced index is closed and its folder removed.
// slowAnswer is the search time that counts as late while a reload builds
// beside it: far above a search's milliseconds, well within the 3 s Slack
// gives an ack, and room for the race detector on two busy cores.
const slowAnswer = time.Second

func TestAcceptedReloadWhileAnswering(t *testing.T) {
	t.Parallel()
	indexDir := filepath.Join(t.TempDir(), "index")
	var opened atomic.Int64
	open := func(ctx context.Context, files fs.FS, dir string) (*index.Index, error) {
		if dir == "" || filepath.Dir(dir) != indexDir || !strings.HasPrefix(filepath.Base(dir), reloadPrefix) {
			return nil, errors.New("reload indexes outside a new folder within INDEX_DIR")
		}
		opened.Add(1)
		if err := os.WriteFile(filepath.Join(dir, "marker"), nil, 0o644); err != nil {
			return nil, err
		}
		return loadInMemory(ctx, files, dir)
	}
	f := newFixture(t, Settings{IndexDir: indexDir, Open: open}, map[string]string{"handbook.md": handbook, "questions.jsonl": questions})

	ctx, stop := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	var asked, failed, slow atomic.Int64
	var slowest atomic.Int64
	for range 8 {
		wg.Go(func() {
			for ctx.Err() == nil {
				start := time.Now()
				ix, done := f.r.Acquire()
				hits, err := ix.Search(context.Background(), "who owns the budget?", 3)
				done()
				took := time.Since(start)
				asked.Add(1)
				if err != nil || len(hits) == 0 || hits[0].Section.Title != "Budgets" {
					failed.Add(1)
				}
				if took > slowAnswer {
					slow.Add(1)
				}
				for old := slowest.Load(); int64(took) > old && !slowest.CompareAndSwap(old, int64(took)); old = slowest.Load() {
				}
			}
		})
	}
	const reloads = 6
	for i := range reloads {
		files := map[string]string{"onboarding.md": onboarding + strings.Repeat("\nMore text.\n", i+1)}
		writeGuide(t, f.dir, files)
		if res := f.reload(t); !res.Accepted || res.Score == nil || res.Sections != 5 {
			t.Fatalf("reload %d: %+v; want accepted with a score and 5 sections", i, res)
		}
	}
	time.Sleep(50 * time.Millisecond)
	stop()
	wg.Wait()
	if asked.Load() == 0 || failed.Load() != 0 || slow.Load() != 0 {
		t.Errorf("%d questions, %d failed, %d slower than %v (slowest %v); want none failed or slow",
			asked.Load(), failed.Load(), slow.Load(), slowAnswer, time.Duration(slowest.Load()))
	}
	if got := f.answers(t, "what happens in the first week for new engineers"); got != "onboarding/first-week" {
		t.Errorf("the new page's question finds %q; want onboarding/first-week", got)
	}
	if f.counted("accepted") != reloads || f.counted("rejected") != 0 {
		t.Errorf("reloads counted: accepted %v rejected %v; want %d, 0", f.counted("accepted"), f.counted("rejected"), reloads)
	}
	if got := testutil.ToFloat64(f.r.metrics.sections); got != 5 {
		t.Errorf("sections gauge %v; want 5", got)
	}
	// One guide serves, the last: its fingerprint labels the info.
	if n, want := testutil.CollectAndCount(f.r.metrics.guide), f.r.cur.Load().fingerprint[:12]; n != 1 || testutil.ToFloat64(f.r.metrics.guide.WithLabelValues(want)) != 1 {
		t.Errorf("%d guides in directorbot_guide_info; want one, %s", n, want)
	}
	// Every replaced index's folder goes once its searches are done; only
	// the serving one's is left.
	f.r.closing.Wait()
	left, _ := filepath.Glob(filepath.Join(indexDir, reloadPrefix+"*"))
	if len(left) != 1 || opened.Load() != reloads {
		t.Errorf("folders left %q after %d reloads; want the serving one only", left, opened.Load())
	}

	// Nothing changed since: nothing to do, and no message for admins;
	// the admin who asked is told since when.
	if res := f.reload(t); !res.Unchanged || len(f.results) != reloads || res.Served <= 0 || res.Served > time.Minute {
		t.Errorf("reload of an unchanged guide: %+v, %d results; want unchanged, served for a moment, and no new result", res, len(f.results))
	}
}

// TestSummaryOfNoChange: a reload that finds nothing changed says what it
// compared and since when the guide serving has served.
func TestSummaryOfNoChange(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		res  Result
		want string
	}{
		{Result{Unchanged: true, Current: true, Served: 20 * time.Second}, "The guide has not changed since it was loaded, under a minute ago: the files in GUIDE_DIR and the lessons taught are the same"},
		{Result{Unchanged: true, Current: true, Served: 61 * time.Second}, "since it was loaded, 1 minute ago"},
		{Result{Unchanged: true, Current: true, Served: 3*time.Hour + 59*time.Minute}, "since it was loaded, 3 hours ago"},
		{Result{Unchanged: true, Current: true, Served: 50 * time.Hour}, "since it was loaded, 2 days ago"},
		{Result{Unchanged: true, Current: true, Embedded: true, Served: 5 * time.Minute}, "The lessons taught have not changed since the guide serving was loaded, 5 minutes ago, and the embedded guide does not change"},
		{Result{Unchanged: true}, "still those rejected last"},
	} {
		got := tc.res.Summary()
		if !strings.Contains(got, tc.want) {
			t.Errorf("Summary() of %+v = %q; want %q in it", tc.res, got, tc.want)
		}
	}
}

// TestCloseWaitsForSearches checks that an index is closed only after the
// searches that acquired it are done.
func TestCloseWaitsForSearches(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Settings{}, map[string]string{"handbook.md": handbook})
	old, done := f.r.Acquire()
	writeGuide(t, f.dir, map[string]string{"onboarding.md": onboarding})
	if res := f.reload(t); !res.Accepted || res.Score != nil {
		t.Fatalf("reload: %+v; want accepted without a question set", res)
	}
	// The replaced index still answers the search that holds it.
	if _, err := old.Search(t.Context(), "who owns the budget?", 1); err != nil {
		t.Fatalf("the replaced index was closed under a search: %v", err)
	}
	done()
	done() // a second call is harmless
	f.r.closing.Wait()
	if _, err := old.Search(t.Context(), "who owns the budget?", 1); err == nil {
		t.Error("the replaced index is still open after its last search")
	}
}

// TestCloseDoesNotWaitForALoadingReload: a shutdown during a long reload
// returns at once; the reload then discards the index it built, swaps
// nothing in and tells nobody.
func TestCloseDoesNotWaitForALoadingReload(t *testing.T) {
	t.Parallel()
	loading, finish := make(chan struct{}), make(chan struct{})
	var built *index.Index
	open := func(ctx context.Context, files fs.FS, _ string) (*index.Index, error) {
		close(loading)
		<-finish
		ix, err := loadInMemory(ctx, files, "")
		built = ix
		return ix, err
	}
	f := newFixture(t, Settings{Open: open}, map[string]string{"handbook.md": handbook})
	writeGuide(t, f.dir, map[string]string{"onboarding.md": onboarding})
	reloaded := make(chan error, 1)
	go func() {
		_, err := f.r.Reload(context.Background(), "command")
		reloaded <- err
	}()
	<-loading
	closed := make(chan struct{})
	go func() {
		_ = f.r.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close waited for the reload still loading")
	}
	close(finish)
	if err := <-reloaded; !errors.Is(err, errClosed) {
		t.Errorf("reload after Close: %v, want %v", err, errClosed)
	}
	if _, err := built.Search(t.Context(), "who owns the budget?", 1); err == nil {
		t.Error("the index built after Close is still open")
	}
	if n := f.notified.Load(); n != 0 || len(f.resulted) != 0 {
		t.Errorf("%d listeners and %d results told of a reload after Close", n, len(f.resulted))
	}
}

func TestWatchReloadsOnceABurstIsOver(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Settings{Debounce: 150 * time.Millisecond}, map[string]string{"handbook.md": handbook})
	ctx, stop := context.WithCancel(t.Context())
	watched := make(chan error, 1)
	go func() { watched <- f.r.Watch(ctx) }()
	time.Sleep(100 * time.Millisecond) // let the watch start
	// A burst: a page written in pieces, an editor's swap file, a rename.
	tmp := filepath.Join(f.dir, ".onboarding.md.swp")
	for i := range 5 {
		writeGuide(t, f.dir, map[string]string{".onboarding.md.swp": onboarding[:len(onboarding)*(i+1)/5]})
		time.Sleep(20 * time.Millisecond)
	}
	if err := os.Rename(tmp, filepath.Join(f.dir, "onboarding.md")); err != nil {
		t.Fatal(err)
	}
	select {
	case res := <-f.resulted:
		if !res.Accepted || res.Trigger != "watch" {
			t.Errorf("watch reload: %+v; want accepted", res)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the change was never reloaded")
	}
	select {
	case res := <-f.resulted:
		t.Errorf("a burst made a second reload: %+v", res)
	case <-time.After(500 * time.Millisecond):
	}
	if got := f.answers(t, "what happens in the first week for new engineers"); got != "onboarding/first-week" {
		t.Errorf("after the watch reload the new page's question finds %q", got)
	}
	// A mistake written later is rejected, and said so.
	writeGuide(t, f.dir, map[string]string{"onboarding.md": "---\nlabel: x\n"})
	select {
	case res := <-f.resulted:
		if res.Accepted || !strings.Contains(res.Reason, "onboarding.md:1") {
			t.Errorf("broken page: %+v; want rejected with its file and line", res)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the broken page was never reloaded")
	}
	stop()
	if err := <-watched; err != nil {
		t.Errorf("Watch: %v", err)
	}
}

// embeddedReloader is a reloader of the embedded guide's index, quiet.
func embeddedReloader(t *testing.T) (*Reloader, *index.Index) {
	t.Helper()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	return New(ix, Settings{Logger: slog.New(slog.DiscardHandler)}), ix
}

func TestEmbeddedGuideDoesNotReload(t *testing.T) {
	t.Parallel()
	r, _ := embeddedReloader(t)
	defer r.Close()
	if _, err := r.Reload(t.Context(), "command"); err == nil || !strings.Contains(err.Error(), "GUIDE_DIR") {
		t.Errorf("Reload of the embedded guide: %v; want an error naming GUIDE_DIR", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if err := r.Watch(ctx); err != nil {
		t.Errorf("Watch of the embedded guide: %v", err)
	}
}

func TestStaleReloadFoldersAreRemoved(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	// This version's, within INDEX_DIR, and an earlier one's, beside it.
	stale := []string{filepath.Join(parent, "index", reloadPrefix+"123"), filepath.Join(parent, "index.reload-456")}
	for _, dir := range stale {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	newFixture(t, Settings{IndexDir: filepath.Join(parent, "index")}, map[string]string{"handbook.md": handbook})
	for _, dir := range stale {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("a folder left by an earlier run's reload is still there: %v", err)
		}
	}
}

// TestAcquireAfterCloseReturns checks that a search starting after Close,
// as a worker still draining may, gets an answer at once, not a spin.
func TestAcquireAfterCloseReturns(t *testing.T) {
	t.Parallel()
	r, ix := embeddedReloader(t)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		got, release := r.Acquire()
		release()
		if got != ix {
			t.Error("Acquire after Close returned another index")
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Acquire after Close never returned")
	}
}

// TestRejectedReloadLogsWhy rejects a guide that does not load: the log
// says why, not only how many problems there were.
func TestRejectedReloadLogsWhy(t *testing.T) {
	t.Parallel()
	var logged bytes.Buffer
	f := newFixture(t, Settings{Logger: slog.New(slog.NewJSONHandler(&logged, nil))}, map[string]string{"handbook.md": handbook})
	writeGuide(t, f.dir, map[string]string{"onboarding.md": "---\nlabel: Onboarding\n# Onboarding\n"})
	if res := f.reload(t); res.Accepted {
		t.Fatalf("a broken page was accepted: %+v", res)
	}
	if !strings.Contains(logged.String(), `"first":"onboarding.md:1:`) {
		t.Errorf("the log does not say why:\n%s", logged.String())
	}
}

// TestFailingGuideMendsStepByStep serves a guide that fails its
// questions.jsonl: a change that fails it no worse is accepted, and says
// so, where holding every change back until the file passes kept the
// owner from mending the guide; a change that fails it worse is rejected,
// the question it broke told first.
func TestFailingGuideMendsStepByStep(t *testing.T) {
	t.Parallel()
	failing := questions + `{"question":"who plans headcount?","expect":["Hiring"]}` + "\n"
	f := newFixture(t, Settings{}, map[string]string{"handbook.md": handbook, "questions.jsonl": failing})
	writeGuide(t, f.dir, map[string]string{"onboarding.md": onboarding})
	res := f.reload(t)
	if !res.Accepted || res.Before == nil || !strings.HasPrefix(res.Summary(), "New guide live: 5 sections. It fails questions.jsonl, but no worse than the old guide did (top1=0.67") ||
		!strings.HasSuffix(res.Summary(), "): top-1 accuracy 0.67 is below 0.80.") {
		t.Fatalf("a change that fails no worse: %+v, %q", res, res.Summary())
	}
	// A section added with a question for it: the serving guide lacks
	// the section, so misses the question, and the change mends.
	writeGuide(t, f.dir, map[string]string{"onboarding.md": onboarding + "\n## Laptops\n\nIT ships each new engineer a laptop.\n",
		"questions.jsonl": failing + `{"question":"when does IT ship the laptop?","expect":["Laptops"]}` + "\n"})
	if res = f.reload(t); !res.Accepted || res.Before == nil || res.Score.Top1 <= res.Before.Top1 {
		t.Fatalf("a change that adds a section and its question: %+v", res)
	}
	writeGuide(t, f.dir, map[string]string{"handbook.md": handbook + "\n## Weather\n\nThe weather in Paris is like spring in March.\n"})
	res = f.reload(t)
	if res.Accepted || len(res.Problems) != 2 || !strings.HasPrefix(res.Problems[0], "questions.jsonl:4:") || !strings.HasPrefix(res.Problems[1], "questions.jsonl:5:") {
		t.Errorf("a change that fails worse: %+v; want rejected, the weather question (line 4) first", res)
	}
}

// TestRejectionTellsWhatTheChangeBroke: the guide serving fails its
// questions.jsonl by a miss; a change that fails it worse lists first the
// question it broke, then the one missed before. A miss of a measure the
// change passes is not listed: with the gate's top-1 met, the headcount
// question answered second is not why the change was rejected.
func TestRejectionTellsWhatTheChangeBroke(t *testing.T) {
	t.Parallel()
	set := `{"question":"who plans headcount?","expect":["Hiring"]}` + "\n" + questions +
		`{"question":"who makes offers to engineers?","expect":["Hiring"]}` + "\n" + `{"question":"what do directors plan every quarter?","expect":["Budgets"]}` + "\n"
	weather := map[string]string{"handbook.md": handbook + "\n## Weather\n\nThe weather in Paris is like spring in March.\n"}
	for _, tc := range []struct {
		name string
		gate quality.Gate
		want []string
	}{
		{"top-1 met", quality.Gate{MinTop1: 0.8, MinRefused: 1}, []string{"weather"}},
		{"top-1 short", quality.Gate{MinTop1: 0.9, MinRefused: 1}, []string{"weather", "headcount"}},
	} {
		f := newFixture(t, Settings{Gate: &tc.gate}, map[string]string{"handbook.md": handbook, "questions.jsonl": set})
		writeGuide(t, f.dir, weather)
		res := f.reload(t)
		ok := !res.Accepted && len(res.Problems) == len(tc.want)
		for i := range tc.want {
			ok = ok && strings.Contains(res.Problems[i], tc.want[i])
		}
		if !ok {
			t.Errorf("%s: %+v; want rejected, problems about %q in turn", tc.name, res, tc.want)
		}
	}
}

// TestPanickingReloadKeepsTheOldGuide: a guide whose indexing panics, for
// a mistake no check foresaw, is rejected with the panic logged; the old
// guide keeps serving and the bot keeps running.
func TestPanickingReloadKeepsTheOldGuide(t *testing.T) {
	t.Parallel()
	var logged bytes.Buffer
	open := func(context.Context, fs.FS, string) (*index.Index, error) { panic("index out of range [-1]") }
	f := newFixture(t, Settings{Open: open, Logger: slog.New(slog.NewJSONHandler(&logged, nil))}, map[string]string{"handbook.md": handbook})
	writeGuide(t, f.dir, map[string]string{"onboarding.md": onboarding})
	res := f.reload(t)
	if res.Accepted || len(res.Problems) != 1 || !strings.Contains(res.Problems[0], "index out of range [-1]") {
		t.Errorf("result %+v; want rejected, naming the panic", res)
	}
	if got := f.answers(t, "who owns the budget?"); got != "budgets" {
		t.Errorf("after the panic the budget question finds %q; want budgets", got)
	}
	if !strings.Contains(logged.String(), `"msg":"indexing the new guide panicked"`) || !strings.Contains(logged.String(), "reload.go") {
		t.Errorf("the log lacks the panic and its stack:\n%.2000s", logged.String())
	}
}

// TestReloadCutShortIsNoRejection: a reload whose context ends before its
// check is done is an error, told to nobody as a rejection, and the same
// files are tried again at the next look.
func TestReloadCutShortIsNoRejection(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Settings{}, map[string]string{"handbook.md": handbook, QuestionsFile: questions})
	writeGuide(t, f.dir, map[string]string{"onboarding.md": onboarding})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if res, err := f.r.Reload(ctx, TriggerLessons); err == nil || res.Accepted {
		t.Fatalf("a reload cut short = %+v, %v; want an error", res, err)
	}
	if n := f.notified.Load(); n != 0 {
		t.Errorf("a reload cut short was told %d times", n)
	}
	if res := f.reload(t); !res.Accepted {
		t.Errorf("the next reload = %+v; want the same files accepted", res)
	}
}

// TestWatchWaitsForAReplacedFolder removes the guide's folder for longer
// than the debounce, as a slow deploy does ("rm -rf guide && git clone …"),
// then makes it again and, a moment later, its files, as a clone does:
// nothing is reloaded, or rejected, while it is gone or empty, and the new
// page is reloaded once it is written.
func TestWatchWaitsForAReplacedFolder(t *testing.T) {
	t.Parallel()
	const debounce = 300 * time.Millisecond
	looked := make(chan struct{}, 1)
	logs := slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		if bytes.Contains(p, []byte("guide's folder")) {
			select {
			case looked <- struct{}{}:
			default:
			}
		}
		return len(p), nil
	}), nil))
	f := newFixture(t, Settings{Debounce: debounce, Logger: logs}, map[string]string{"handbook.md": handbook})
	ctx, stop := context.WithCancel(t.Context())
	watched := make(chan error, 1)
	go func() { watched <- f.r.Watch(ctx) }()
	defer func() {
		stop()
		<-watched
	}()
	time.Sleep(100 * time.Millisecond) // the watch is set up
	if err := os.RemoveAll(f.dir); err != nil {
		t.Fatal(err)
	}
	select {
	case <-looked: // the watch found it gone, and looks again every debounce
	case <-time.After(5 * time.Second):
		t.Fatal("the watch never noticed the folder gone")
	}
	// Made between two looks, its files written after the next one.
	time.Sleep(debounce / 2)
	if err := os.Mkdir(f.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(debounce)
	writeGuide(t, f.dir, map[string]string{"handbook.md": handbook, "onboarding.md": onboarding})
	select {
	case res := <-f.resulted:
		if !res.Accepted {
			t.Errorf("after the folder came back: %+v; want its files, once written, accepted", res)
		}
	case <-time.After(5 * time.Second):
		t.Error("the folder came back with a new page, and the watch never reloaded it")
	}
}

// writerFunc is an io.Writer of a function.
type writerFunc func(p []byte) (int, error)

func (w writerFunc) Write(p []byte) (int, error) { return w(p) }

// TestUnreadableFolderBackAsItWas makes the folder unreadable for a
// reload, which is rejected, then puts it back unchanged: the next reload
// restores the guide serving, so that its warning goes.
func TestUnreadableFolderBackAsItWas(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Settings{}, map[string]string{"handbook.md": handbook})
	if err := os.Rename(f.dir, f.dir+".away"); err != nil {
		t.Fatal(err)
	}
	res, err := f.r.Reload(t.Context(), TriggerCommand)
	if err != nil || res.Accepted || res.Reason != "the guide cannot be read" || res.Fingerprint == "" {
		t.Fatalf("reload of a folder gone: %+v, %v; want rejected as unreadable, with a fingerprint to tell it once", res, err)
	}
	if err := os.Rename(f.dir+".away", f.dir); err != nil {
		t.Fatal(err)
	}
	res, err = f.r.Reload(t.Context(), TriggerWatch)
	if err != nil || !res.Unchanged || !res.Restored {
		t.Errorf("reload of the folder back as it was: %+v, %v; want unchanged and restored", res, err)
	}
}

// TestSummaryOfAnEmptyQuestionSet: a guide accepted against a
// questions.jsonl without questions is not said to have passed it.
func TestSummaryOfAnEmptyQuestionSet(t *testing.T) {
	t.Parallel()
	got := Result{Accepted: true, Sections: 5, Score: &quality.Score{}}.Summary()
	if want := "New guide live: 5 sections (questions.jsonl holds no questions to check it against)."; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
}

// TestRelevantChanges: a change to any file the guide is read from, its
// examples gzipped too, or to a ConfigMap's links, is watched; editors'
// swap and backup files and other files are not.
func TestRelevantChanges(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := New(nil, Settings{Dir: dir})
	for name, want := range map[string]bool{
		"handbook.md": true, content.ExamplesFile: true, content.CompressedExamplesFile: true, content.SynonymsFile: true,
		content.OutsideFile: true, content.TaughtFile: true, QuestionsFile: true, "..data": true, "..2026_12_06_07_00_00.123": true,
		".handbook.md.swp": false, "handbook.md~": false, "notes.txt": false, "examples.jsonl.bak": false,
	} {
		if got := r.relevant(filepath.Join(dir, name)); got != want {
			t.Errorf("relevant(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestStartServesTheKeptGuide: pages with a mistake at start-up, as in a
// container restarted after a broken change its replicas rejected, serve
// the guide INDEX_DIR kept from when they last loaded, with
// StartRejection saying why; the same files are not tried again until
// they change, and mended they load. Without INDEX_DIR the start fails,
// as it does with no guide kept there.
func TestStartServesTheKeptGuide(t *testing.T) {
	t.Parallel()
	// As serve opens a guide: kept in INDEX_DIR, or in memory without one.
	persisted := func(ctx context.Context, files fs.FS, dir string) (*index.Index, error) {
		if dir == "" {
			return loadInMemory(ctx, files, dir)
		}
		return index.Open(ctx, files, dir)
	}
	broken := handbook + "\n## Scope\n\n| Dimension | Director |\n| --- | --- |\n| Reports to | VP | CEO |\n"
	dir, indexDir := t.TempDir(), filepath.Join(t.TempDir(), "index")
	s := Settings{Dir: dir, IndexDir: indexDir, Open: persisted, Logger: slog.New(slog.DiscardHandler)}
	for _, tc := range []struct {
		name     string
		settings Settings
		starts   bool
	}{
		{"no INDEX_DIR", Settings{Dir: dir, Open: persisted, Logger: s.Logger}, false},
		{"nothing kept", Settings{Dir: dir, IndexDir: filepath.Join(t.TempDir(), "empty"), Open: persisted, Logger: s.Logger}, false},
	} {
		writeGuide(t, dir, map[string]string{"handbook.md": broken})
		if r, err := Start(t.Context(), tc.settings); (err == nil) != tc.starts || err != nil && !strings.Contains(err.Error(), "handbook.md:15: table row has 3 cells") {
			t.Errorf("%s: start = %v; want it to fail naming the mistake", tc.name, err)
			if r != nil {
				r.Close()
			}
		}
	}
	writeGuide(t, dir, map[string]string{"handbook.md": handbook})
	first, err := Start(t.Context(), s)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	writeGuide(t, dir, map[string]string{"handbook.md": broken})
	r, err := Start(t.Context(), s)
	if err != nil {
		t.Fatalf("start with a broken page and a guide kept: %v", err)
	}
	defer r.Close()
	res, told := r.StartRejection()
	if !told || !res.Kept || !strings.Contains(res.Summary(), "kept in INDEX_DIR") || !strings.Contains(res.Reason, "handbook.md:15") {
		t.Errorf("StartRejection = %+v, %v; want the kept guide serving, and why", res, told)
	}
	if got := firstHit(t, r, "who owns the budget?"); got != "budgets" {
		t.Errorf("the kept guide answers %q; want budgets", got)
	}
	if res, err := r.Reload(t.Context(), TriggerWatch); err != nil || !res.Unchanged {
		t.Errorf("the same broken files looked at again: %+v, %v; want unchanged", res, err)
	}
	writeGuide(t, dir, map[string]string{"handbook.md": handbook + "\n" + strings.TrimPrefix(onboarding, "# Onboarding\n")})
	if res, err := r.Reload(t.Context(), TriggerWatch); err != nil || !res.Accepted || res.Cleared == "" {
		t.Errorf("the pages mended: %+v, %v; want accepted, the rejection cleared", res, err)
	}
}
