package bot

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/directorbot/directorbot/content/synthetic"
	"github.com/directorbot/directorbot/index"
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
	cases, err := index.LoadCases("../index/testdata/questions.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	return index.Questions(cases)
}

// syntheticQuestions are in the synthetic guides' vocabulary: common and
// rare words, a typo, and an off-topic question.
var syntheticQuestions = []string{
	"how should a director plan the quarterly budget?",
	"vp roadmap review",
	"hiring manager onboarding",
	"what does the team do about incident reliability",
	"stakeholdr feedback",
	"annual calibration and promotion",
	"sourdough bread recipe",
	"architecture standards and debt",
}

var (
	syntheticMu         sync.Mutex
	syntheticResponders = map[int]*Responder{}
)

// syntheticResponder answers from a synthetic guide of n sections, built
// once per test binary.
func syntheticResponder(b *testing.B, n int) *Responder {
	b.Helper()
	syntheticMu.Lock()
	defer syntheticMu.Unlock()
	if r, ok := syntheticResponders[n]; ok {
		return r
	}
	g, err := synthetic.Guide(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := index.Build(g)
	if err != nil {
		b.Fatal(err)
	}
	r := NewResponder(ix)
	syntheticResponders[n] = r
	return r
}

// BenchmarkAnswer is the cost of one answer, question to Block Kit
// message: normalize, search, render. Each operation answers the next
// question of the set, so the percentiles are over the whole mix.
func BenchmarkAnswer(b *testing.B) {
	ctx := context.Background()
	run := func(b *testing.B, r *Responder, questions []string) {
		b.ReportAllocs()
		var lat latencies
		i := 0
		for b.Loop() {
			start := time.Now()
			if _, err := r.Respond(ctx, questions[i%len(questions)], true); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
			i++
		}
		lat.report(b)
	}
	b.Run("embedded", func(b *testing.B) { run(b, responder(b), benchQuestions(b)) })
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			run(b, syntheticResponder(b, n), syntheticQuestions)
		})
	}
}

// BenchmarkRoundTrip measures, on one connection to the fake Slack, a
// /director command's round trip (the envelope sent, the ack with the
// answer received) in each cache mode, and beside it the bare websocket
// round trip (a ping until its pong), the floor no answer can beat. Each
// operation does one of each, so both see the machine in the same state;
// ratio-p50 is the median of their ratios.
func BenchmarkRoundTrip(b *testing.B) {
	h := startServer(b)
	ctx := context.Background()
	questions := benchQuestions(b)
	for _, c := range cacheModes {
		b.Run("slash="+c.name, func(b *testing.B) {
			h.useCaches(c)
			for _, q := range questions {
				h.roundTrip(b, q) // fill what the mode caches
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

// cacheMode says which reply caches a benchmark runs with.
type cacheMode struct {
	name                   string
	byQuestion, byReplyKey bool
}

// cacheModes: every reply computed; a question not asked before, whose
// reply may have been rendered for another question; a question asked
// before.
var cacheModes = []cacheMode{
	{"cold", false, false},
	{"new", false, true},
	{"repeat", true, true},
}

func (h *harness) useCaches(c cacheMode) {
	size := func(on bool) int {
		if on {
			return replyCacheBytes
		}
		return 0
	}
	h.server.replies.reset(size(c.byQuestion))
	h.server.rendered.reset(size(c.byReplyKey))
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
// questions in turn, and waits for every ack, in each cache mode (a first
// burst fills the caches the mode uses). Slack shows an error for a command
// not acked within 3 s, so any later ack fails the benchmark.
func BenchmarkBurst(b *testing.B) {
	for _, c := range cacheModes {
		b.Run(c.name, func(b *testing.B) {
			h := startServer(b)
			h.useCaches(c)
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
