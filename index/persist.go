package index

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/thesaurus"
)

// A persisted index lives in its own folder inside INDEX_DIR, so nothing
// else kept there is ever touched: bleve's index in searchDir, with the
// guide's fingerprint recorded in it last, and the parsed guide in
// guideFile. It is built beside, in a folder of its own, and renamed into
// place whole, so a crash mid-build leaves the old index or none.
const (
	homeDir   = "directorbot-index"
	searchDir = "search"
	guideFile = "guide.gob"
	lockFile  = "directorbot-index.lock"
)

// fingerprintKey is where a persisted index records which guide it holds,
// termsKey where it keeps its terms (keptTerms), saidKey the
// thesaurus's words the guide says (heededThesaurus), one a line, and
// ladderKey the roles of its tables of levels (ladder).
var (
	fingerprintKey = []byte("directorbot.guide")
	builtByKey     = []byte("directorbot.built-by")
	termsKey       = []byte("directorbot.terms")
	saidKey        = []byte("directorbot.said")
	ladderKey      = []byte("directorbot.ladder")
)

// lockWait is how long opening a persisted index waits for another
// process that has it open (serving from it) to let go.
const lockWait = "2s"

// lockPoll is how often Open tries the lock of a folder another process
// is indexing.
const lockPoll = 50 * time.Millisecond

// Open returns the index of the guide whose pages fsys holds, persisted in
// dir: when dir holds the index of these very pages, it is opened with the
// guide as parsed then, so a restart reads no markdown; otherwise the
// guide is parsed and indexed there afresh. The guide's files, not dir,
// are the source of truth. Processes opening the same dir take turns; one
// that finds the index open in another process gets an error, not a
// rebuild. ctx cancelled stops the wait and the indexing, leaving dir as
// it was.
func Open(ctx context.Context, fsys fs.FS, dir string) (*Index, error) {
	unlock, err := lock(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	contentFP, err := content.Fingerprint(fsys)
	if err != nil {
		return nil, fmt.Errorf("read guide: %w", err)
	}
	home := filepath.Join(dir, homeDir)
	ix, err := reopen(ctx, home, fingerprint(contentFP))
	switch {
	case err == nil:
		ix.reopened = true
		return ix, nil
	case ctx.Err() != nil:
		// Stopped while reopening, not a guide to build afresh.
		return nil, fmt.Errorf("open index %s: %w", dir, ctx.Err())
	case inUse(err):
		return nil, fmt.Errorf("index dir %s is in use by another process: give each process an INDEX_DIR of its own", dir)
	}
	g, err := content.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("read guide: %w", err)
	}
	th, said, err := heededThesaurus(g)
	if err != nil {
		return nil, err
	}
	// The fingerprint of the files as parsed, which may have changed since
	// they were hashed above.
	if err := persist(ctx, g, th, said, home, fingerprint(g.Fingerprint)); err != nil {
		return nil, err
	}
	// Searching holds one snapshot for good: opened from disk, it maps the
	// persisted segments rather than keeping the ones built in memory.
	b, err := openSearch(home)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	vocab, err := readKeptTerms(b)
	if err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	l, err := newLearner(b, th)
	if err != nil {
		_ = b.Close()
		return nil, err
	}
	return assemble(ctx, g, l, b, vocab)
}

// OpenKept opens the guide last indexed in dir, whatever the guide's
// pages now hold, so that a folder whose pages no longer load can be
// served as they last loaded. It fails when dir keeps no index, or one of
// another build's format.
func OpenKept(ctx context.Context, dir string) (*Index, error) {
	unlock, err := lock(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	ix, err := reopen(ctx, filepath.Join(dir, homeDir), "")
	if err != nil {
		return nil, fmt.Errorf("open the guide kept in %s: %w", dir, err)
	}
	ix.reopened = true
	return ix, nil
}

// lock takes dir's lock file, waiting for another process's Open to end
// or ctx to be cancelled.
func lock(ctx context.Context, dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index dir %s: %w", dir, err)
	}
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock index dir %s: %w", dir, err)
	}
	// flock's own wait cannot be cancelled: it is tried until it holds.
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { _ = f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			_ = f.Close()
			return nil, fmt.Errorf("lock index dir %s: %w", dir, err)
		}
		select {
		case <-ctx.Done():
			_ = f.Close()
			return nil, fmt.Errorf("wait for index dir %s, which another process is indexing: %w", dir, ctx.Err())
		case <-time.After(lockPoll):
		}
	}
}

// inUse reports whether opening failed because another process holds the
// index: bbolt's lock wait ran out, and bbolt says only "timeout".
func inUse(err error) bool { return err != nil && err.Error() == "timeout" }

func openSearch(home string) (bleve.Index, error) {
	return bleve.OpenUsing(filepath.Join(home, searchDir), map[string]any{"bolt_timeout": lockWait})
}

// reopen opens the index persisted in home if its fingerprint is fp, or,
// for fp "", whatever guide it keeps, if a build of this format made it.
// The kept guide is read while the kept terms are, each on a core of its
// own.
func reopen(ctx context.Context, home, fp string) (*Index, error) {
	b, err := openSearch(home)
	if err != nil {
		return nil, err
	}
	got, _ := b.GetInternal(fingerprintKey)
	by, _ := b.GetInternal(builtByKey)
	switch {
	case fp == "" && (len(got) == 0 || string(by) != builtBy()):
		_ = b.Close()
		return nil, errors.New("no index of this build's format")
	case fp != "" && string(got) != fp:
		_ = b.Close()
		return nil, errors.New("index of another guide")
	}
	type decoded struct {
		g   *content.Guide
		err error
	}
	guide := make(chan decoded, 1)
	go func() {
		g, err := readGuide(filepath.Join(home, guideFile))
		guide <- decoded{g, err}
	}()
	vocab, err := readKeptTerms(b)
	d := <-guide
	if err == nil {
		err = d.err
	}
	var th *thesaurus.Thesaurus
	if err == nil {
		th, err = guideThesaurus(d.g)
	}
	if err == nil {
		var said []string
		if said, err = readSaid(b); err == nil {
			th = th.Heeding(said)
		}
	}
	var l *learner
	if err == nil {
		l, err = newLearner(b, th)
	}
	if err != nil {
		_ = b.Close()
		return nil, err
	}
	return assemble(ctx, d.g, l, b, vocab)
}

// saidMark opens the kept list of the thesaurus's words a guide says, so
// that an index kept without one (none said, or an older build's) is told
// from one that says none.
const saidMark = "said\n"

// readSaid reads the thesaurus's words the guide says, as build kept them.
func readSaid(b bleve.Index) ([]string, error) {
	raw, err := b.GetInternal(saidKey)
	if err != nil {
		return nil, fmt.Errorf("read the guide's own words: %w", err)
	}
	list, ok := strings.CutPrefix(string(raw), saidMark)
	switch {
	case !ok:
		return nil, errors.New("read the guide's own words: none kept")
	case list == "":
		return nil, nil
	}
	return strings.Split(list, "\n"), nil
}

// readGuide reads the parsed guide kept in a file.
func readGuide(path string) (*content.Guide, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return content.Decode(bufio.NewReaderSize(f, 1<<20))
}

// persist builds the guide's index beside home and puts it in home's
// place: the parsed guide first, then the search index, its fingerprint
// last. Cut short by ctx, it leaves home as it was.
func persist(ctx context.Context, g *content.Guide, th *thesaurus.Thesaurus, said []string, home, fp string) error {
	next := home + ".new"
	if err := os.RemoveAll(next); err != nil {
		return fmt.Errorf("clear %s: %w", next, err)
	}
	if err := os.MkdirAll(next, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", next, err)
	}
	if err := build(ctx, g, th, said, next, fp); err != nil {
		_ = os.RemoveAll(next)
		return err
	}
	if err := os.RemoveAll(home); err != nil {
		return fmt.Errorf("clear %s: %w", home, err)
	}
	if err := os.Rename(next, home); err != nil {
		return fmt.Errorf("put index in place: %w", err)
	}
	return nil
}

// build writes the guide and its search index in dir, with the words of
// the thesaurus the guide says (heededThesaurus).
func build(ctx context.Context, g *content.Guide, th *thesaurus.Thesaurus, said []string, dir, fp string) error {
	if err := writeGuide(g, filepath.Join(dir, guideFile)); err != nil {
		return err
	}
	m, err := newMapping()
	if err != nil {
		return err
	}
	b, err := bleve.New(filepath.Join(dir, searchDir), m)
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	l, err := newLearner(b, th)
	if err == nil {
		err = indexGuide(ctx, g, l, b)
	}
	if err == nil {
		err = keepTerms(b)
	}
	if err == nil {
		if err = b.SetInternal(saidKey, []byte(saidMark+strings.Join(said, "\n"))); err != nil {
			err = fmt.Errorf("keep the guide's own words in %s: %w", dir, err)
		}
	}
	if err == nil {
		err = keepLadder(b, g, th)
	}
	if err == nil {
		if err = b.SetInternal(builtByKey, []byte(builtBy())); err != nil {
			err = fmt.Errorf("record the index's format in %s: %w", dir, err)
		}
	}
	if err == nil {
		if err = b.SetInternal(fingerprintKey, []byte(fp)); err != nil {
			err = fmt.Errorf("record guide fingerprint in %s: %w", dir, err)
		}
	}
	if cerr := b.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close index %s: %w", dir, cerr)
	}
	if err == nil {
		err = compact(ctx, filepath.Join(dir, searchDir))
	}
	return err
}

// singleSegment asks bleve's merger, in the form bleve reads its options
// from an index's configuration, to merge every segment into one, as
// bleve's own single-segment plan does.
var singleSegment = map[string]any{"scorchMergePlanOptions": map[string]any{
	"MaxSegmentsPerTier":   1,
	"MaxSegmentSize":       1 << 30,
	"MaxSegmentFileSize":   1 << 40,
	"TierGrowth":           1.0,
	"SegmentsPerMergeTask": 10,
	"FloorSegmentSize":     1 << 30,
	"FloorSegmentFileSize": 1 << 40,
	"ReclaimDeletesWeight": 2.0,
}}

// compactWait bounds how long compact waits for bleve to merge: an index
// left in several segments answers the same, only more slowly, so it is
// kept rather than failing the start.
const compactWait = 5 * time.Minute

// compact merges a built index into one segment. A guide indexed in
// batches lies in a segment or more per batch (ten at 100,000 sections),
// and every term a question asks is looked up, and its postings read, in
// each: one segment answers a cold question at 100,000 sections in about
// four fifths of the time. bleve merges in the background once the index
// is opened with a single-segment plan, and its statistics tell when it
// is done (TestOpenMergesIntoOneSegment fails if they stop telling).
// ctx cancelled stops the wait, and the build.
func compact(ctx context.Context, path string) error {
	b, err := bleve.OpenUsing(path, singleSegment)
	if err != nil {
		return fmt.Errorf("open index %s to merge it: %w", path, err)
	}
	if s := segments(b); s.files > 1 || s.memory > 0 {
		waitUntil(ctx, compactWait, func() bool { return segments(b).merged() })
	}
	cerr := b.Close()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("merge index %s: %w", path, err)
	}
	if cerr != nil {
		return fmt.Errorf("close merged index %s: %w", path, cerr)
	}
	return nil
}

// waitUntil polls done until it holds, limit has passed or ctx ends.
func waitUntil(ctx context.Context, limit time.Duration, done func() bool) {
	for deadline := time.Now().Add(limit); !done() && time.Now().Before(deadline) && ctx.Err() == nil; {
		time.Sleep(10 * time.Millisecond)
	}
}

// segmentStats is what bleve's statistics tell of an index's segments:
// how many lie on disk and in memory, the root made last since the index
// was opened (0 for none) and the last root kept on disk.
type segmentStats struct {
	files, memory, root, persisted uint64
}

// segments reads an index's segment statistics; a figure bleve does not
// tell reads as 0.
func segments(b bleve.Index) segmentStats {
	stats, _ := b.StatsMap()["index"].(map[string]any)
	get := func(key string) uint64 {
		n, _ := stats[key].(uint64)
		return n
	}
	return segmentStats{files: get("num_root_filesegments"), memory: get("num_root_memorysegments"),
		root: get("CurRootEpoch"), persisted: get("LastPersistedEpoch")}
}

// merged reports whether a merge has made a root of one segment on disk
// and kept that root there. A root must have been made since opening:
// bleve counts the segments of a new root just before it records the
// root, so a count of one beside no new root is a merge not yet recorded.
func (s segmentStats) merged() bool {
	return s.files <= 1 && s.memory == 0 && s.root > 0 && s.persisted >= s.root
}

// keptTerms are the index's terms and the documents each is in by field,
// as readTerms reads them, kept in the index itself: reading bleve's
// dictionaries back costs a third of a second at 100,000 sections, the
// kept copy a few milliseconds.
type keptTerms struct {
	Terms  []string
	Counts [][numFields]uint64
}

// keepTerms reads a built index's terms and keeps them in it.
func keepTerms(b bleve.Index) error {
	vocab, err := readTerms(b)
	if err != nil {
		return err
	}
	kept := keptTerms{Terms: make([]string, 0, len(vocab)), Counts: make([][numFields]uint64, 0, len(vocab))}
	for t, counts := range vocab {
		kept.Terms = append(kept.Terms, t)
		kept.Counts = append(kept.Counts, counts)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(kept); err != nil {
		return fmt.Errorf("keep terms: %w", err)
	}
	if err := b.SetInternal(termsKey, buf.Bytes()); err != nil {
		return fmt.Errorf("keep terms: %w", err)
	}
	return nil
}

// readKeptTerms reads the terms keepTerms kept.
func readKeptTerms(b bleve.Index) (map[string][numFields]uint64, error) {
	raw, err := b.GetInternal(termsKey)
	if err != nil || raw == nil {
		return nil, fmt.Errorf("read kept terms: %w", cmp.Or(err, errors.New("none kept")))
	}
	var kept keptTerms
	if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&kept); err != nil || len(kept.Terms) != len(kept.Counts) {
		return nil, fmt.Errorf("read kept terms: %w", cmp.Or(err, errors.New("terms and counts differ in number")))
	}
	vocab := make(map[string][numFields]uint64, len(kept.Terms))
	for i, t := range kept.Terms {
		vocab[t] = kept.Counts[i]
	}
	return vocab, nil
}

// writeGuide keeps the parsed guide in a file.
func writeGuide(g *content.Guide, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("keep parsed guide: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = g.Encode(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("keep parsed guide in %s: %w", path, err)
	}
	return nil
}

// fingerprint identifies the guide's files and what indexing them
// depends on: the indexing rules, the default vocabulary and bleve's
// version, whose analyzers decide the indexed terms.
func fingerprint(contentFP string) string {
	h := sha256.New()
	fmt.Fprintf(h, "schema %s\nbleve %s\n%s\x00%s", schemaVersion, bleveVersion(), thesaurus.Fingerprint(), contentFP)
	return hex.EncodeToString(h.Sum(nil))
}

// builtBy is the fingerprint of no guide: the index's format alone
// (schema, bleve, thesaurus), which OpenKept needs of an index it opens
// whatever guide it holds.
func builtBy() string { return fingerprint("") }

// bleveVersion is the version of bleve built in, "" when unknown.
func bleveVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range info.Deps {
		if m.Path == "github.com/blevesearch/bleve/v2" {
			return m.Version
		}
	}
	return ""
}
