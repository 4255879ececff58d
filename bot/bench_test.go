package bot

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/ask"
	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content/synthetic"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
)

// latencies collects one duration per operation and reports percentiles,
// which a mean (ns/op) hides.
type latencies []time.Duration

func (l latencies) percentile(p float64) time.Duration {
	s := slices.Clone(l)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func (l latencies) report(b *testing.B) {
	b.Helper()
	if len(l) == 0 {
		return
	}
	b.ReportMetric(float64(l.percentile(0.50))/1e3, "p50-µs")
	b.ReportMetric(float64(l.percentile(0.99))/1e3, "p99-µs")
	b.ReportMetric(float64(slices.Max(l))/1e3, "max-µs")
}

// benchQuestions are the question set's questions: a realistic mix of
// broad, narrow, misspelt and off-topic ones.
func benchQuestions(b *testing.B) []string {
	b.Helper()
	cases, err := quality.LoadSet("../index/testdata/questions.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	return quality.Questions(cases)
}

var (
	syntheticMu      sync.Mutex
	syntheticIndexes = map[int]*index.Index{}
)

// syntheticIndex indexes a synthetic guide of n sections, once per test
// binary.
func syntheticIndex(b *testing.B, n int) *index.Index {
	b.Helper()
	syntheticMu.Lock()
	defer syntheticMu.Unlock()
	if ix, ok := syntheticIndexes[n]; ok {
		return ix
	}
	g, err := synthetic.Guide(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := index.Build(b.Context(), g)
	if err != nil {
		b.Fatal(err)
	}
	syntheticIndexes[n] = ix
	return ix
}

// BenchmarkAnswer is the cost of one answer, question to Block Kit
// message: normalize, search, render. Each operation answers the next
// question of the set, so the percentiles are over the whole mix.
func BenchmarkAnswer(b *testing.B) {
	ctx := context.Background()
	run := func(b *testing.B, ix *index.Index, questions []string) {
		b.ReportAllocs()
		var lat latencies
		var faults pageFaults
		faults.start(b)
		i := 0
		for b.Loop() {
			start := time.Now()
			if _, _, err := ask.Reply(ctx, blockkit.App{}, ix, questions[i%len(questions)], "", true, "", blockkit.Keeping{}); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
			i++
		}
		faults.stop(b)
		lat.report(b)
		faults.report(b)
	}
	b.Run("embedded", func(b *testing.B) { run(b, guidetest.Embedded(b), benchQuestions(b)) })
	b.Run("embedded-cold", func(b *testing.B) {
		g := guidetest.Embedded(b).Guide()
		answerCold(b, benchQuestions(b), func() (*index.Index, error) { return index.Build(b.Context(), g) }, true)
	})
	// As embedded-cold, but the build's garbage is kept, not returned to
	// the system: what the first answers after a start pay for having
	// their memory back (idle RSS, BENCHMARKS.md).
	b.Run("embedded-cold-kept", func(b *testing.B) {
		g := guidetest.Embedded(b).Guide()
		answerCold(b, benchQuestions(b), func() (*index.Index, error) { return index.Build(b.Context(), g) }, false)
	})
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			run(b, syntheticIndex(b, n), synthetic.Questions())
		})
		b.Run(fmt.Sprintf("sections=%d-cold", n), func(b *testing.B) {
			files, dir := synthetic.Files(n, 1), filepath.Join(b.TempDir(), "index")
			answerCold(b, synthetic.Questions(), func() (*index.Index, error) { return index.Open(b.Context(), files, dir) }, true)
		})
	}
}

// answerCold answers each question once on a fresh index, built or
// reopened from disk by open: nothing a question's words or sections need
// has been read yet, as for the first questions after a start. Opening the
// index, and returning its garbage as serve does (free), is not timed.
// It also reports the page faults an answer takes (faults/op), counted
// while answering only.
func answerCold(b *testing.B, questions []string, open func() (*index.Index, error), free bool) {
	ctx := context.Background()
	b.ReportAllocs()
	var lat latencies
	var ix *index.Index
	var faults pageFaults
	i := 0
	for b.Loop() {
		if i%len(questions) == 0 {
			faults.stop(b)
			b.StopTimer()
			if ix != nil {
				_ = ix.Close()
			}
			var err error
			if ix, err = open(); err != nil {
				b.Fatal(err)
			}
			if free {
				// As serve does before its first question.
				debug.FreeOSMemory()
			}
			b.StartTimer()
			faults.start(b)
		}
		start := time.Now()
		if _, _, err := ask.Reply(ctx, blockkit.App{}, ix, questions[i%len(questions)], "", true, "", blockkit.Keeping{}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		i++
	}
	faults.stop(b)
	_ = ix.Close()
	lat.report(b)
	faults.report(b)
}

// pageFaults adds up the minor page faults of the process (getrusage's
// ru_minflt) in the stretches between start and stop. For the embedded
// guide, built in memory, they are pages of the heap touched again after
// the system took them back; an index reopened from disk also faults in
// the pages of its files it reads.
type pageFaults struct {
	total, from int64
	// took is how long the stretches lasted, began when this one did.
	took     time.Duration
	began    time.Time
	counting bool
}

// minorFaults returns how many minor page faults the process has taken.
func minorFaults(b *testing.B) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return int64(ru.Minflt)
}

func (f *pageFaults) start(b *testing.B) {
	f.from, f.began, f.counting = minorFaults(b), time.Now(), true
}

func (f *pageFaults) stop(b *testing.B) {
	if f.counting {
		f.took += time.Since(f.began)
		f.total += minorFaults(b) - f.from
	}
	f.counting = false
}

func (f *pageFaults) report(b *testing.B) {
	b.ReportMetric(float64(f.total)/float64(b.N), "faults/op")
}

// BenchmarkPageFault is what a page fault costs on this machine, the
// baseline of the cold answers' faults (BenchmarkAnswer): each operation
// writes to a page the process has never touched, as the first answers
// after serve's start write to the heap's pages it returned to the
// system. ns-per-fault is the time over the faults taken.
func BenchmarkPageFault(b *testing.B) {
	const page, pages = 4096, 1024
	var mem []byte
	var faults pageFaults
	i := 0
	for b.Loop() {
		if i%pages == 0 {
			faults.stop(b)
			b.StopTimer()
			unmap(b, mem)
			mem = freshPages(b, pages*page)
			b.StartTimer()
			faults.start(b)
		}
		// A store alone: a read first would map the zero page, and the
		// store would then fault a second time to copy it.
		mem[i%pages*page] = 1
		i++
	}
	faults.stop(b)
	unmap(b, mem)
	faults.report(b)
	if faults.total > 0 {
		b.ReportMetric(float64(faults.took.Nanoseconds())/float64(faults.total), "ns-per-fault")
	}
}

// freshPages maps n bytes of memory the process has never touched, in
// pages of the base size: a huge page would take one fault for many. So
// does the Go heap where transparent huge pages are "madvise" or "never";
// where they are "always", the heap may fault huge pages, and this is no
// longer its cost.
func freshPages(b *testing.B, n int) []byte {
	mem, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		b.Fatal(err)
	}
	if err := syscall.Madvise(mem, syscall.MADV_NOHUGEPAGE); err != nil {
		b.Fatal(err)
	}
	return mem
}

// unmap returns memory mapped by BenchmarkPageFault, if any.
func unmap(b *testing.B, mem []byte) {
	if mem == nil {
		return
	}
	if err := syscall.Munmap(mem); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRoundTrip measures, on one connection to the fake Slack, a
// /director command's round trip (the envelope sent, the ack with the
// answer received) with the reply cache off and on, and beside it the bare websocket
// round trip (a ping until its pong), the floor no answer can beat. Each
// operation does one of each, so both see the machine in the same state;
// ratio-p50 is the median of their ratios.
func BenchmarkRoundTrip(b *testing.B) {
	h := startServer(b)
	ctx := context.Background()
	questions := benchQuestions(b)
	for _, c := range cacheModes {
		b.Run("slash="+c.name, func(b *testing.B) {
			h.useCache(c)
			for _, q := range questions {
				h.roundTrip(b, q) // fill the cache, if on
			}
			var slash, ping latencies
			var ratio []float64
			i := 0
			for b.Loop() {
				p, err := h.fake.Ping(ctx)
				if err != nil {
					b.Fatal(err)
				}
				s := h.roundTrip(b, questions[i%len(questions)])
				slash, ping = append(slash, s), append(ping, p)
				ratio = append(ratio, float64(s)/float64(p))
				i++
			}
			slash.report(b)
			b.ReportMetric(float64(ping.percentile(0.5))/1e3, "ping-p50-µs")
			slices.Sort(ratio)
			b.ReportMetric(ratio[len(ratio)/2], "ratio-p50")
		})
	}
}

// cacheMode says whether a benchmark runs with the reply cache.
type cacheMode struct {
	name   string
	cached bool
}

// cacheModes: every reply computed; every question asked before.
var cacheModes = []cacheMode{
	{"cold", false},
	{"repeat", true},
}

// useCache empties the reply cache, and turns it off (a size of 0 keeps
// nothing) unless the mode caches.
func (h *harness) useCache(c cacheMode) {
	h.server.replies.Purge()
	if c.cached {
		h.server.replies.Resize(replyCacheSize)
	} else {
		h.server.replies.Resize(0)
	}
}

// roundTrip sends /director with a question and returns how long the ack
// took to come back.
func (h *harness) roundTrip(b *testing.B, question string) time.Duration {
	e := h.fake.SlashCommand(question, "U1", "C1")
	acked := h.fake.AckOf(e.ID())
	h.fake.Deliver(e)
	select {
	case a := <-acked:
		return a.Received.Sub(a.Sent)
	case <-time.After(wait):
		b.Fatalf("envelope %s never acked", e.ID())
		return 0
	}
}

// burstSize is how many /director commands BenchmarkBurst sends at once.
const burstSize = 500

// BenchmarkBurst sends 500 /director commands at once, the question set's
// questions in turn, and waits for every ack, with the reply cache off and
// on (a first burst fills it). Slack shows an error for a command
// not acked within 3 s, so any later ack fails the benchmark.
func BenchmarkBurst(b *testing.B) {
	for _, c := range cacheModes {
		b.Run(c.name, func(b *testing.B) {
			h := startServer(b)
			h.useCache(c)
			questions := benchQuestions(b)
			if _, err := h.fake.Burst(questions, wait); err != nil {
				b.Fatal(err)
			}
			h.burst(b, questions)
		})
	}
}

func (h *harness) burst(b *testing.B, questions []string) {
	batch := make([]string, burstSize)
	for i := range batch {
		batch[i] = questions[i%len(questions)]
	}
	var lat latencies
	var elapsed time.Duration
	for b.Loop() {
		start := time.Now()
		acks, err := h.fake.Burst(batch, wait)
		if err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		for _, a := range acks {
			lat = append(lat, a.Received.Sub(a.Sent))
		}
	}
	lat.report(b)
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "answers/s")
	if late := slices.Max(lat); late > ackTimeout {
		b.Errorf("slowest ack took %v, Slack gives up after %v", late, ackTimeout)
	}
}
