// Package reload keeps the guide the bot answers from, and replaces it
// without a restart: it watches GUIDE_DIR (fsnotify), and reloads on demand
// too. A new guide is parsed and indexed in the background, checked
// against the guide's own question set (GUIDE_DIR/questions.jsonl, when it
// has one) and swapped in atomically only if it passes; otherwise the old
// guide keeps serving and the Result says why, with the file and line of a
// parse error or the question lines that failed. Searches hold the index
// they started on (Acquire), and an index replaced by a reload is closed
// once the last of them is done.
package reload

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/directorbot/directorbot/bot/ask"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
	"github.com/prometheus/client_golang/prometheus"
)

// QuestionsFile is the question set of a guide's folder that a new guide
// must pass before it is swapped in.
const QuestionsFile = "questions.jsonl"

// Settings say where the guide is and what a new one must pass.
type Settings struct {
	// Dir is GUIDE_DIR, the folder of the guide's pages. Empty means the
	// embedded guide, which changes only by Taught: nothing is watched,
	// and without Taught Reload refuses.
	Dir string
	// Taught, when set, returns the lessons the admins taught, as
	// examples: each load puts them in the guide's files as
	// content.TaughtFile (content.WithTaught), so that a reload learns
	// the lessons taught since the last.
	Taught func(ctx context.Context) ([]content.Question, error)
	// IndexDir is INDEX_DIR; a reloaded guide is indexed in a new folder
	// within it (reloadPrefix), removed once that index is replaced, so
	// that a reload writes nowhere serve's own index could not. Empty
	// means in memory.
	IndexDir string
	// Open loads the guide in files and indexes it, keeping the index in
	// indexDir ("" for memory), as serve does at start-up (index.Open or
	// index.Build). nil means content.Load and index.Build, in memory
	// whatever IndexDir says.
	Open func(ctx context.Context, files fs.FS, indexDir string) (*index.Index, error)
	// Gate is what questions.jsonl must score for a changed guide to be
	// swapped in (RELOAD_MIN_TOP1, RELOAD_MIN_REFUSED); nil means
	// DefaultGate. A share of 0 asks for nothing.
	Gate *quality.Gate
	// Debounce is how long the folder must stay quiet after a change
	// before it is reloaded, so that an editor's or a deploy's burst of
	// writes makes one reload; 0 means DefaultDebounce.
	Debounce time.Duration
	// Logger receives the reloads' logs; nil means slog.Default.
	Logger *slog.Logger
	// Registerer receives the reload metrics; nil means none.
	Registerer prometheus.Registerer
	// OnResult, when set, is called after every reload that found a
	// changed guide, accepted or rejected, or the guide serving Restored,
	// from the reloading goroutine.
	OnResult func(Result)
}

// DefaultDebounce is Settings.Debounce unset.
const DefaultDebounce = time.Second

// DefaultGate is Settings.Gate unset: top-1 0.8 on the answerable
// questions, and every off-topic one refused.
var DefaultGate = quality.Gate{MinTop1: 0.8, MinRefused: 1}

// Reloader holds the current guide's index and replaces it. It is safe for
// concurrent use.
type Reloader struct {
	cfg Settings
	log *slog.Logger
	cur atomic.Pointer[generation]
	// reloading allows one reload at a time; rejected, which it guards,
	// is the fingerprint of the files last rejected.
	reloading sync.Mutex
	rejected  string
	// startRejection is set by Start when it rejected the lessons, and
	// not changed after.
	startRejection *Result
	// closing tracks the indexes being closed.
	closing sync.WaitGroup
	metrics *metrics
	// closed is set by Close; swapMu orders it with a reload's swap, so
	// that no guide is swapped in after Close released the current one.
	closed atomic.Bool
	swapMu sync.Mutex
	// listeners are called with each Result, as Settings.OnResult is.
	listenMu  sync.Mutex
	listeners []func(Result)
}

// Notify adds fn to the functions called after every reload that found a
// changed guide, accepted or rejected, or the guide serving Restored, as
// Settings.OnResult is.
func (r *Reloader) Notify(fn func(Result)) {
	r.listenMu.Lock()
	defer r.listenMu.Unlock()
	r.listeners = append(r.listeners, fn)
}

// Collectors are the reload metrics, for a registry other than
// Settings.Registerer: directorbot_guide_reloads_total{result},
// directorbot_guide_sections and directorbot_guide_info{fingerprint}.
func (r *Reloader) Collectors() []prometheus.Collector {
	return []prometheus.Collector{r.metrics.reloads, r.metrics.sections, r.metrics.guide}
}

// Reloadable reports whether the guide can change: it comes from a
// folder, which Reload and Watch read, or it learns the admins' lessons.
func (r *Reloader) Reloadable() bool { return r.cfg.Dir != "" || r.cfg.Taught != nil }

// generation is one guide's index and the searches using it.
type generation struct {
	ix *index.Index
	// refs counts one for being current, plus one per Acquire not yet
	// released; at 0 the index is closed and never handed out again.
	refs atomic.Int64
	// dir is the folder a reload indexed it in, removed after closing;
	// "" for the first index, whose folder is INDEX_DIR itself.
	dir string
	// fingerprint identifies the files it was loaded from, lessons
	// included, and loaded is when it was.
	fingerprint string
	loaded      time.Time
	r           *Reloader
}

// tryAcquire takes a reference unless the generation is already retired.
func (g *generation) tryAcquire() bool {
	for {
		n := g.refs.Load()
		if n == 0 {
			return false
		}
		if g.refs.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// release drops a reference, closing the index with the last one.
func (g *generation) release() {
	if g.refs.Add(-1) != 0 {
		return
	}
	g.r.closing.Add(1)
	go func() {
		defer g.r.closing.Done()
		if err := g.ix.Close(); err != nil {
			g.r.log.Warn("close replaced guide index", "err", err)
		}
		if g.dir != "" {
			if err := os.RemoveAll(g.dir); err != nil {
				g.r.log.Warn("remove replaced guide index", "dir", g.dir, "err", err)
			}
		}
	}()
}

// New returns a reloader serving ix, the index of the guide in s.Dir (or
// of the embedded guide when s.Dir is empty), without lessons: with
// s.Taught, use Start, which loads them. The reloader owns ix from now
// on: Close closes it.
func New(ix *index.Index, s Settings) *Reloader {
	r := newReloader(s)
	fp := ""
	if s.Dir != "" {
		fp, _ = fingerprint(r.base(), nil)
	}
	r.serve(ix, fp)
	return r
}

// Start loads and indexes the guide of s, with the lessons s.Taught
// returns, and returns a reloader serving it. The reloader owns the index:
// Close closes it.
func Start(ctx context.Context, s Settings) (*Reloader, error) {
	r := newReloader(s)
	files, fp, err := r.files(ctx)
	if err != nil {
		return nil, err
	}
	ix, err := r.open()(ctx, files, s.IndexDir)
	if err != nil {
		return r.startKept(ctx, fp, err)
	}
	ix, fp = r.checkLessons(ctx, ix, fp)
	r.serve(ix, fp)
	return r, nil
}

// keptFingerprint stands for the fingerprint of the guide kept in
// INDEX_DIR that startKept serves: no files' fingerprint is this word, so
// that any reload of the folder is tried.
const keptFingerprint = "kept"

// startKept serves, when the guide's pages (of fingerprint fp) have a
// mistake at start-up, the guide INDEX_DIR keeps from when they last
// loaded, as a running bot keeps its guide when a change has one: a
// restarted container serves on rather than stop for ever on a page its
// replicas rejected. StartRejection says why; the same files are not
// loaded again until they change or /director reload asks. Without
// INDEX_DIR, or a guide kept there, failed is the answer.
func (r *Reloader) startKept(ctx context.Context, fp string, failed error) (*Reloader, error) {
	if r.cfg.IndexDir == "" || len(content.Mistakes(failed)) == 0 {
		return nil, failed
	}
	ix, err := index.OpenKept(ctx, r.cfg.IndexDir)
	if err != nil {
		return nil, errors.Join(failed, err)
	}
	res := rejectLoad(failed)
	res.Trigger, res.Fingerprint, res.Kept, res.Sections = TriggerStart, fp, true, len(ix.Guide().Sections())
	r.log.Warn("the guide does not load at start-up: serving the one INDEX_DIR kept", "reason", res.Reason)
	r.startRejection, r.rejected = &res, fp
	r.serve(ix, keptFingerprint)
	return r, nil
}

// checkLessons checks ix, the guide loaded with the lessons taught, of
// fingerprint fp, against questions.jsonl as a reload checks a guide. A
// guide that fails with the lessons and passes without them is served
// without them, as the replica where the last of them was taught serves
// without it: the lessons are rejected, and StartRejection says why.
// Without lessons, or when the guide fails without them too, or cannot
// be checked, ix is served, as a folder is at start-up whatever its
// questions.jsonl says; StartRejection says when it fails it (Failing).
func (r *Reloader) checkLessons(ctx context.Context, ix *index.Index, fp string) (*index.Index, string) {
	base, err := fingerprint(r.base(), nil)
	if err != nil {
		return ix, fp
	}
	res := Result{Trigger: TriggerStart, Fingerprint: fp, Sections: len(ix.Guide().Sections())}
	err = r.check(ctx, ix, &res)
	switch {
	case err != nil && ctx.Err() != nil:
		return ix, fp
	case err != nil:
		// Told now, as a failing score is: a heading renamed in the pages
		// and not in questions.jsonl is the commonest edit.
		res.Reason, res.Problems = mistaken(err)
		r.log.Warn("questions.jsonl cannot check the guide at start-up: serving it", "reason", res.Reason)
		return ix, r.failing(res)
	case res.Reason == "":
		return ix, fp
	}
	if base == fp {
		r.log.Warn("the guide fails questions.jsonl at start-up: serving it", "reason", res.Reason)
		return ix, r.failing(res)
	}
	// The guide without the lessons is checked in memory, so that ix
	// keeps INDEX_DIR until it is known which guide serves.
	untaught, err := loadInMemory(ctx, r.untaught(), "")
	var without Result
	if err == nil {
		if err = r.check(ctx, untaught, &without); err != nil || without.Reason != "" {
			discard(untaught, "", r.log)
		}
	}
	switch {
	case err != nil:
		r.log.Warn("lessons fail questions.jsonl at start-up, and the guide without them could not be checked: serving them", "reason", res.Reason, "err", err.Error())
		return ix, r.failing(res)
	case without.Reason != "":
		r.log.Warn("the guide fails questions.jsonl at start-up with the lessons and without them: serving them", "reason", res.Reason)
		return ix, r.failing(res)
	}
	discard(ix, "", r.log)
	if r.cfg.IndexDir != "" {
		// Kept in INDEX_DIR, as any guide served at start-up; the one in
		// memory serves if that fails.
		if kept, err := r.open()(ctx, r.untaught(), r.cfg.IndexDir); err != nil {
			r.log.Warn("index the guide without the lessons in INDEX_DIR: serving it from memory", "err", err.Error())
		} else {
			discard(untaught, "", r.log)
			untaught = kept
		}
	}
	r.rejected = fp
	r.startRejection = &res
	r.metrics.reloads.WithLabelValues("rejected").Inc()
	r.log.Warn("lessons rejected at start-up: the guide serves without them", "reason", res.Reason, "problems", len(res.Problems), "first", firstProblem(res.Problems))
	return untaught, base
}

// failing keeps, for StartRejection, that the guide served at start-up
// fails questions.jsonl (res), and returns its fingerprint.
func (r *Reloader) failing(res Result) string {
	res.Failing = true
	r.startRejection = &res
	return res.Fingerprint
}

// StartRejection returns the check that failed when the reloader started,
// if one did (see Start): it rejected the lessons taught, and the guide
// serves without them until a reload accepts the lessons as they are
// then; or the guide served fails questions.jsonl (Failing) until a
// reload mends it.
func (r *Reloader) StartRejection() (Result, bool) {
	if r.startRejection == nil {
		return Result{}, false
	}
	return *r.startRejection, true
}

func newReloader(s Settings) *Reloader {
	if s.Gate == nil {
		s.Gate = &DefaultGate
	}
	s.Debounce = cmp.Or(s.Debounce, DefaultDebounce)
	return &Reloader{cfg: s, log: cmp.Or(s.Logger, slog.Default()), metrics: newMetrics(s.Registerer)}
}

// serve makes ix, loaded from files of fingerprint fp, the first index
// served.
func (r *Reloader) serve(ix *index.Index, fp string) {
	g := &generation{ix: ix, fingerprint: fp, loaded: time.Now(), r: r}
	g.refs.Store(1)
	if r.Reloadable() {
		removeStaleIndexes(r.cfg.IndexDir, r.log)
	}
	r.cur.Store(g)
	if ix != nil {
		r.metrics.serving(ix, fp)
	}
}

// base is the guide's own files: its folder, or the embedded guide's.
func (r *Reloader) base() fs.FS {
	if r.cfg.Dir == "" {
		return content.EmbeddedFiles()
	}
	return os.DirFS(r.cfg.Dir)
}

// files returns the guide's files with the lessons taught so far, and
// their fingerprint.
func (r *Reloader) files(ctx context.Context) (fs.FS, string, error) {
	taught, err := r.taught(ctx)
	if err != nil {
		return nil, "", err
	}
	fp, err := fingerprint(r.base(), taught)
	if err != nil {
		return nil, "", err
	}
	return content.WithTaught(r.base(), taught), fp, nil
}

// taught returns the lessons taught so far, as a content.TaughtFile: those
// the store keeps or, without a store, the folder's own file, if any.
func (r *Reloader) taught(ctx context.Context) ([]byte, error) {
	if r.cfg.Taught == nil {
		taught, err := fs.ReadFile(r.base(), content.TaughtFile)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read %s: %w", content.TaughtFile, err)
		}
		return taught, nil
	}
	// A store that hangs must not hold the reload, and the watch and
	// /director reload behind it, for longer.
	lctx, cancel := context.WithTimeout(ctx, lessonsTimeout)
	lessons, err := r.cfg.Taught(lctx)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("read the lessons taught: %w", err)
	}
	taught, err := content.EncodeQuestions(lessons)
	if err != nil {
		return nil, fmt.Errorf("write the lessons taught: %w", err)
	}
	return taught, nil
}

// untaught is the guide's files without any lessons.
func (r *Reloader) untaught() fs.FS { return content.WithTaught(r.base(), nil) }

// lessonsTimeout bounds reading the lessons taught.
const lessonsTimeout = 10 * time.Second

// open is Settings.Open, or its default.
func (r *Reloader) open() func(ctx context.Context, files fs.FS, indexDir string) (*index.Index, error) {
	if r.cfg.Open != nil {
		return r.cfg.Open
	}
	return loadInMemory
}

// Acquire returns the current index and a function to call once done with
// it; until then a reload will not close it. Searches of one question
// should use one Acquire, so that they all see the same guide.
func (r *Reloader) Acquire() (*index.Index, func()) {
	for {
		g := r.cur.Load()
		if g.tryAcquire() {
			var once sync.Once
			return g.ix, func() { once.Do(g.release) }
		}
		// g was replaced and released between Load and tryAcquire: the
		// new one is current. Unless the reloader is closed: then nothing
		// replaces it, and a late caller gets the index as it is (a search
		// fails on a closed index) rather than waiting for ever.
		if r.closed.Load() {
			return g.ix, func() {}
		}
	}
}

// Guide returns the current guide. A guide is immutable data, so it stays
// usable after a reload replaces it.
func (r *Reloader) Guide() *content.Guide {
	ix, done := r.Acquire()
	defer done()
	return ix.Guide()
}

// Close stops serving: it releases the current index and waits until every
// index that served, the current one included, is closed, that is until
// every Acquire is released. It does not wait for a reload still loading
// a guide (at 100,000 sections, tens of seconds, longer than a pod's
// grace period): that reload discards what it built and returns an error.
func (r *Reloader) Close() error {
	r.swapMu.Lock()
	if r.closed.Swap(true) {
		r.swapMu.Unlock()
		return nil
	}
	cur := r.cur.Load()
	r.swapMu.Unlock()
	cur.release()
	r.closing.Wait()
	return nil
}

// errClosed is Reload's answer once Close is called.
var errClosed = errors.New("the reloader is closed")

// Result is what a reload did.
type Result struct {
	// Trigger says what asked for it: TriggerCommand, TriggerWatch,
	// TriggerLessons or TriggerStart.
	Trigger string
	// Accepted is set when the new guide now serves; Unchanged when the
	// folder held the guide already serving (Current), or files rejected
	// before, so nothing was done.
	Accepted, Unchanged, Current bool
	// Served is, with Current, how long ago the guide serving was loaded
	// from the same files: an owner who expected a change sees since when
	// there was none.
	Served time.Duration
	// Embedded is set when the guide is the embedded one, which only the
	// lessons taught change: there is no GUIDE_DIR to reload.
	Embedded bool
	// Restored is set, with Current, when the files rejected last have
	// given way to those of the guide serving (a rejected lesson was
	// undone, here or on another replica): nothing is rejected any more.
	Restored bool
	// Failing is set, at start-up, when the guide served fails its
	// questions.jsonl: there is no other to serve (StartRejection).
	Failing bool
	// Kept is set, at start-up, when the guide's pages did not load and
	// the guide INDEX_DIR kept from when they last did serves instead.
	Kept bool
	// Sections counts the new guide's sections, when it loaded.
	Sections int
	// Score is the new guide's score on questions.jsonl; nil without one.
	Score *quality.Score
	// Before is, when the new guide was accepted though it fails
	// questions.jsonl (Failures), the score of the guide it replaced on
	// the same questions, which it failed no better: holding every change
	// back until the file passes would keep the owner from mending the
	// guide step by step.
	Before *quality.Score
	// Failures says, with Before, how the new guide still fails
	// questions.jsonl.
	Failures string
	// Reason says in one line why the guide was rejected; "" when not.
	Reason string
	// Problems are the details: the parse error with its file and line,
	// or one line per question of questions.jsonl that failed, those the
	// guide serving answers as they want first.
	Problems []string
	// Took is how long the reload took.
	Took time.Duration
	// Fingerprint identifies the guide folder's files that were loaded;
	// replicas that load the same files get the same one.
	Fingerprint string
	// Cleared is the fingerprint of the files rejected last, when this
	// result ends their rejection (Restored or Accepted): told once, it may
	// be told again should they come back.
	Cleared string
}

// Summary is the result in one line, for logs and messages.
func (res Result) Summary() string {
	switch {
	case res.Unchanged && !res.Current:
		return "The guide's files and the lessons taught are still those rejected last: nothing to reload until they change."
	case res.Unchanged && res.Embedded:
		return "The lessons taught have not changed since the guide serving was loaded, " + ago(res.Served) + ", and the embedded guide does not change: nothing to reload. To serve pages of your own, set GUIDE_DIR to their folder."
	case res.Unchanged:
		return "The guide has not changed since it was loaded, " + ago(res.Served) + ": the files in GUIDE_DIR and the lessons taught are the same, so there is nothing to reload. If you expected a change, check that it is saved in GUIDE_DIR."
	case res.Accepted && res.Score != nil && res.Score.N == 0:
		return fmt.Sprintf("New guide live: %d sections (%s holds no questions to check it against).", res.Sections, QuestionsFile)
	case res.Accepted && res.Before != nil:
		return fmt.Sprintf("New guide live: %d sections. It fails %s, but no worse than the old guide did (%s; the old guide: %s): %s.", res.Sections, QuestionsFile, res.Score, res.Before, res.Failures)
	case res.Accepted && res.Score != nil:
		return fmt.Sprintf("New guide live: %d sections, questions.jsonl passed (%s).", res.Sections, res.Score)
	case res.Accepted:
		return fmt.Sprintf("New guide live: %d sections (no %s to check it against).", res.Sections, QuestionsFile)
	}
	switch {
	case res.Kept:
		return "The guide's files did not load at start-up, so the guide kept in INDEX_DIR from when they last loaded serves: " + res.Reason
	case res.Failing:
		return "The guide fails " + QuestionsFile + " at start-up; it serves anyway, since there is no earlier guide to fall back on: " + res.Reason
	case res.Trigger == TriggerStart:
		return "The lessons taught are not in use: with them, the guide was rejected at start-up, so it serves without them: " + res.Reason
	}
	return "New guide rejected, the old one keeps serving: " + res.Reason
}

// ago says how long ago something happened, d before now, in the unit a
// person would: minutes within the hour, hours within two days, then days.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "under a minute ago"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute") + " ago"
	case d < 48*time.Hour:
		return plural(int(d/time.Hour), "hour") + " ago"
	}
	return plural(int(d/(24*time.Hour)), "day") + " ago"
}

// plural is n units, the unit's name in the plural but for 1.
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// errNoDir is Reload's answer when the guide is the embedded one and
// learns no lessons.
var errNoDir = errors.New("the bot serves the embedded guide: set GUIDE_DIR to a folder of pages to reload from")

// Reload loads the guide in the folder again, with the lessons taught so
// far, checks it and swaps it in if it passes. It waits for a reload already running to finish first. It
// fails only when there is nothing to reload from, the reloader is
// closed, or, for TriggerLessons, the lessons cannot be read (the next
// look will try again); a guide that does not pass is a Result, not an
// error. Only TriggerCommand loads again files rejected last time: a
// look for lessons finds them unchanged, rather than rebuilding and
// rejecting them again every minute.
func (r *Reloader) Reload(ctx context.Context, trigger string) (Result, error) {
	if !r.Reloadable() {
		return Result{}, errNoDir
	}
	r.reloading.Lock()
	defer r.reloading.Unlock()
	if r.closed.Load() {
		return Result{}, errClosed
	}
	start := time.Now()
	res, fp, err := r.reload(ctx, trigger)
	if err != nil {
		return Result{}, err
	}
	res.Trigger, res.Took, res.Fingerprint, res.Embedded = trigger, time.Since(start), fp, r.cfg.Dir == ""
	if r.closed.Load() {
		return res, errClosed
	}
	if !res.Accepted && !res.Unchanged && ctx.Err() != nil {
		// Cut short, not found wanting: nobody is told it was rejected.
		return res, fmt.Errorf("the reload was cut short: %w", ctx.Err())
	}
	switch {
	case res.Unchanged && !res.Restored:
		return res, nil
	case res.Restored:
		r.log.Info("guide files rejected last have given way to those serving", "trigger", trigger)
	case res.Accepted:
		r.metrics.reloads.WithLabelValues("accepted").Inc()
		r.log.Info("guide reloaded", "trigger", trigger, "sections", res.Sections, "took", res.Took.Round(time.Millisecond).String())
	default:
		r.metrics.reloads.WithLabelValues("rejected").Inc()
		r.log.Warn("guide reload rejected", "trigger", trigger, "reason", res.Reason, "problems", len(res.Problems), "first", firstProblem(res.Problems))
	}
	if r.cfg.OnResult != nil {
		r.cfg.OnResult(res)
	}
	r.listenMu.Lock()
	listeners := slices.Clone(r.listeners)
	r.listenMu.Unlock()
	for _, fn := range listeners {
		fn(res)
	}
	return res, nil
}

// reload does the work of Reload, holding the reloading lock, and returns
// the fingerprint of the files it read.
func (r *Reloader) reload(ctx context.Context, trigger string) (Result, string, error) {
	files, fp, err := r.files(ctx)
	switch {
	case err != nil && trigger == TriggerLessons:
		return Result{}, "", err
	case err != nil:
		// Rejected like a guide found wanting: the folder back as it was
		// restores the one serving (Restored), and replicas tell the
		// admins once.
		r.rejected = unreadable
		return Result{Reason: "the guide cannot be read", Problems: []string{err.Error()}}, unreadable, nil
	case fp == r.cur.Load().fingerprint:
		cleared := r.rejected
		r.rejected = ""
		return Result{Unchanged: true, Current: true, Restored: cleared != "", Cleared: cleared, Served: time.Since(r.cur.Load().loaded)}, fp, nil
	case fp == r.rejected && trigger != TriggerCommand:
		return Result{Unchanged: true}, fp, nil
	}
	res := r.swapIn(ctx, files, fp)
	switch {
	case res.Accepted:
		res.Cleared, r.rejected = r.rejected, ""
	case ctx.Err() == nil && !r.closed.Load():
		// A guide found wanting, not a reload cut short, which the next
		// look tries again.
		r.rejected = fp
	}
	return res, fp, nil
}

// unreadable stands for the fingerprint of a guide folder that cannot be
// read: no file's fingerprint is this word.
const unreadable = "unreadable"

// Triggers of a reload, as Result.Trigger says them.
const (
	// TriggerCommand is an admin's /director reload.
	TriggerCommand = "command"
	// TriggerWatch is a change to the guide's folder.
	TriggerWatch = "watch"
	// TriggerLessons is a look for lessons taught (FollowLessons), or a
	// lesson taught here.
	TriggerLessons = "lessons"
	// TriggerStart is Start's check of the lessons taught.
	TriggerStart = "start"
)

// swapIn loads, indexes and checks the guide in files, whose fingerprint
// is fp, and swaps it in if it passes.
func (r *Reloader) swapIn(ctx context.Context, files fs.FS, fp string) Result {
	ix, dir, err := r.build(ctx, files)
	if err != nil {
		return rejectLoad(err)
	}
	res := Result{Sections: len(ix.Guide().Sections())}
	keep := false
	defer func() {
		if !keep {
			discard(ix, dir, r.log)
		}
	}()
	if err := r.check(ctx, ix, &res); err != nil {
		res.Reason, res.Problems = mistaken(err)
		return res
	}
	if res.Reason != "" && !r.failsNoWorse(ctx, &res) {
		return res
	}
	g := &generation{ix: ix, dir: dir, fingerprint: fp, loaded: time.Now(), r: r}
	g.refs.Store(1)
	r.swapMu.Lock()
	if r.closed.Load() {
		r.swapMu.Unlock()
		res.Reason = errClosed.Error()
		return res
	}
	old := r.cur.Swap(g)
	// Released under swapMu, so that the wait of a Close that follows
	// counts the old index's closing.
	old.release()
	r.swapMu.Unlock()
	keep, res.Accepted = true, true
	r.metrics.serving(ix, fp)
	return res
}

// rejectLoad explains a guide that does not load or cannot be indexed: a
// parse error names its file and line.
func rejectLoad(err error) Result {
	res := Result{Reason: "the guide does not load", Problems: []string{err.Error()}}
	if len(content.Mistakes(err)) > 0 {
		reason, problems := mistaken(err)
		res.Reason, res.Problems = "a file of the guide has a mistake: "+reason, problems
	}
	return res
}

// mistaken says what went wrong: the first mistaken line of a file, and
// how many more, with every one of them as a problem, or the error itself.
func mistaken(err error) (reason string, problems []string) {
	mistakes := content.Mistakes(err)
	if len(mistakes) == 0 {
		return err.Error(), []string{err.Error()}
	}
	reason = mistakes[0].Error()
	if n := content.MistakenLines(mistakes); n > 1 {
		reason += fmt.Sprintf(" (and %d more)", n-1)
	}
	for _, m := range mistakes {
		problems = append(problems, m.Error())
	}
	return reason, problems
}

// build loads and indexes the guide in files: in a new folder within
// INDEX_DIR, or in memory. dir is that folder, "" in memory.
func (r *Reloader) build(ctx context.Context, files fs.FS) (ix *index.Index, dir string, err error) {
	if r.cfg.IndexDir != "" {
		if err := os.MkdirAll(r.cfg.IndexDir, 0o755); err != nil {
			return nil, "", fmt.Errorf("create %s: %w", r.cfg.IndexDir, err)
		}
		if dir, err = os.MkdirTemp(r.cfg.IndexDir, reloadPrefix); err != nil {
			return nil, "", fmt.Errorf("create a folder for the new index: %w", err)
		}
	}
	ix, err = r.opened(ctx, files, dir)
	if err != nil {
		if dir != "" {
			err = errors.Join(err, os.RemoveAll(dir))
		}
		return nil, "", err
	}
	return ix, dir, nil
}

// opened opens the guide in files as build does. A panic in doing so is
// the reload's rejection, logged with its stack: a mistake in a watched
// folder that no check foresaw must leave the old guide serving, not stop
// the bot ("---" in outside.txt once did).
func (r *Reloader) opened(ctx context.Context, files fs.FS, dir string) (ix *index.Index, err error) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("indexing the new guide panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			ix, err = nil, fmt.Errorf("the guide could not be indexed (a defect: please report it with the log): %v", p)
		}
	}()
	return r.open()(ctx, files, dir)
}

// loadInMemory parses the guide in files and indexes it in memory.
func loadInMemory(ctx context.Context, files fs.FS, _ string) (*index.Index, error) {
	g, err := content.Load(files)
	if err != nil {
		return nil, err
	}
	return index.Build(ctx, g)
}

// reloadPrefix starts the name of a reloaded index's folder in INDEX_DIR,
// before its random part.
const reloadPrefix = "directorbot-reload-"

// removeStaleIndexes removes the folders that reloads of an earlier run
// left in indexDir.
func removeStaleIndexes(indexDir string, log *slog.Logger) {
	if indexDir == "" {
		return
	}
	stale, _ := filepath.Glob(filepath.Join(indexDir, reloadPrefix+"*"))
	// Those of an earlier version lie beside it.
	beside, _ := filepath.Glob(filepath.Join(filepath.Dir(indexDir), filepath.Base(indexDir)+".reload-*"))
	stale = append(stale, beside...)
	for _, dir := range stale {
		if err := os.RemoveAll(dir); err != nil {
			log.Warn("remove an old reloaded index", "dir", dir, "err", err)
		}
	}
}

func discard(ix *index.Index, dir string, log *slog.Logger) {
	if err := ix.Close(); err != nil {
		log.Warn("close rejected guide index", "err", err)
	}
	if dir != "" {
		_ = os.RemoveAll(dir)
	}
}

// check runs the guide folder's questions.jsonl, when it has one, through
// the new index and sets res.Score, and res.Reason and res.Problems when
// it does not pass. It returns an error for a question set that cannot be
// read.
func (r *Reloader) check(ctx context.Context, ix *index.Index, res *Result) error {
	if r.cfg.Dir == "" {
		return nil
	}
	path := filepath.Join(r.cfg.Dir, QuestionsFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s cannot be read: %w", QuestionsFile, err)
	}
	cases, err := ix.Guide().ReadQuestions(QuestionsFile, bytes.NewReader(data))
	if err != nil {
		return err
	}
	score, misses, err := scored(ctx, ix, cases)
	if err != nil {
		return err
	}
	res.Score = score
	failed := r.cfg.Gate.Failures(*score)
	if len(failed) == 0 {
		return nil
	}
	res.Reason = failedPrefix + strings.Join(failed, "; ")
	res.Problems = missLines(data, cases, r.cfg.Gate.Failing(*score, misses))
	return nil
}

// scored runs the questions of questions.jsonl (cases) through ix, as
// eval scores them, through the replies people would get: its score, and
// the questions it misses.
func scored(ctx context.Context, ix *index.Index, cases []content.Question) (*quality.Score, []quality.Miss, error) {
	report, err := quality.Evaluate(ctx, ix, cases, ask.Preview(ix))
	if err != nil {
		return nil, nil, fmt.Errorf("%s could not be run: %w", QuestionsFile, err)
	}
	return &report.Score, report.Misses, nil
}

// failsNoWorse compares a new guide that fails questions.jsonl (res)
// with the guide serving, on the same questions (served): when that one
// fails them too and the new one does no worse by either of the gate's
// measures (top-1, off-topic questions refused), res becomes the new
// guide's acceptance, with the old score (Before), and it reports true.
// Else the new guide's failing questions that the serving one answers as
// they want come first in res.Problems: what the change broke, before
// what was broken already.
func (r *Reloader) failsNoWorse(ctx context.Context, res *Result) bool {
	old, missed, ok := r.served(ctx)
	if !ok {
		return false
	}
	if len(r.cfg.Gate.Failures(*old)) > 0 && res.Score.Top1 >= old.Top1 && res.Score.None >= old.None {
		res.Before, res.Failures, res.Reason = old, strings.TrimPrefix(res.Reason, failedPrefix), ""
		return true
	}
	res.Problems = brokenFirst(res.Problems, missed)
	return false
}

// served scores the guide serving on the folder's questions.jsonl as it
// reads now, with the lines of the questions it misses; ok is false when
// there is no such file, or it cannot be read or run. A question naming
// a section the serving guide lacks, one the change adds, is its miss: a
// guide that adds a section and a question for it is mended, not broken.
func (r *Reloader) served(ctx context.Context) (score *quality.Score, missed []string, ok bool) {
	data, err := os.ReadFile(filepath.Join(r.cfg.Dir, QuestionsFile))
	if err != nil {
		return nil, nil, false
	}
	cases, err := content.ReadQuestions(QuestionsFile, bytes.NewReader(data))
	if err != nil {
		return nil, nil, false
	}
	cur, done := r.Acquire()
	defer done()
	score, misses, err := scored(ctx, cur, cases)
	if err != nil {
		return nil, nil, false
	}
	return score, missLines(data, cases, misses), true
}

// brokenFirst orders the lines of a check's failing questions (Problems)
// with those of lines that did not fail before first.
func brokenFirst(now, before []string) []string {
	line := func(p string) string {
		file, rest, _ := strings.Cut(p, ":")
		n, _, _ := strings.Cut(rest, ":")
		return file + ":" + n
	}
	failed := map[string]bool{}
	for _, p := range before {
		failed[line(p)] = true
	}
	var broken, still []string
	for _, p := range now {
		if failed[line(p)] {
			still = append(still, p)
		} else {
			broken = append(broken, p)
		}
	}
	return append(broken, still...)
}

// failedPrefix starts the Reason of a guide that fails questions.jsonl,
// before how it fails.
const failedPrefix = QuestionsFile + " failed: "

// missLines describes each miss as "questions.jsonl:LINE: …". Cases are
// the file's non-blank lines in order, and misses come in the order of
// their cases.
func missLines(data []byte, cases []content.Question, misses []quality.Miss) []string {
	var lines []int
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, i+1)
		}
	}
	var out []string
	next := 0
	for _, m := range misses {
		for next < len(cases) && !sameCase(cases[next], m.Case) {
			next++
		}
		line := 0
		if next < len(lines) {
			line = lines[next]
		}
		next++
		got := "no answer"
		if len(m.Got) > 0 {
			got = strings.Join(m.Got, " | ")
		}
		want := "no answer"
		if len(m.Case.Expect) > 0 {
			want = strings.Join(m.Case.Expect, " | ")
		}
		out = append(out, fmt.Sprintf("%s:%d: %q wants %s, got %s", QuestionsFile, line, m.Case.Text, want, got))
	}
	return out
}

func sameCase(a, b content.Question) bool {
	return a.Text == b.Text && slices.Equal(a.Expect, b.Expect) && a.Style == b.Style && a.Answer == b.Answer
}

// fingerprint hashes the names and contents of the files that make a
// guide, in its folder or the embedded guide's: its pages, synonyms.txt,
// outside.txt, examples.jsonl and questions.jsonl; then the lessons
// taught, when there are any.
func fingerprint(fsys fs.FS, taught []byte) (string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return "", fmt.Errorf("read guide folder: %w", err)
	}
	h := sha256.New()
	for _, e := range entries {
		name := e.Name()
		if !guideFile(name) || name == content.TaughtFile {
			continue // the lessons, if any, are taught
		}
		f, err := fsys.Open(name)
		if err != nil {
			return "", fmt.Errorf("read %s: %w", name, err)
		}
		fmt.Fprintf(h, "%s\x00", name)
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", fmt.Errorf("read %s: %w", name, err)
		}
		h.Write([]byte{0})
	}
	if len(taught) > 0 {
		fmt.Fprintf(h, "%s\x00", content.TaughtFile)
		h.Write(taught)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// guideFile reports whether a file of the guide's folder is part of the
// guide.
func guideFile(name string) bool {
	return strings.HasSuffix(name, ".md") || name == content.SynonymsFile || name == content.OutsideFile || name == content.RolesFile || name == content.ExamplesFile || name == content.CompressedExamplesFile || name == content.TaughtFile || name == QuestionsFile
}

// firstProblem is the first of a rejected reload's problems, which the log
// shows so that "the guide does not load" says why, or "".
func firstProblem(problems []string) string {
	if len(problems) == 0 {
		return ""
	}
	return problems[0]
}
