package bot

import (
	"fmt"
	"io"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// ackBuckets are the upper bounds, in seconds, of the ack latency
// histogram; Slack wants an ack within 3 s.
var ackBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3}

// Metrics counts what the server does, for /metrics in Prometheus text
// format. It is safe for concurrent use.
type Metrics struct {
	mu         sync.Mutex
	events     map[string]uint64
	answers    atomic.Uint64
	noAnswers  atomic.Uint64
	feedback   map[bool]uint64
	reconnects atomic.Uint64
	apiErrors  atomic.Uint64
	ackCounts  []uint64
	ackSum     float64
	ackTotal   uint64
	connected  atomic.Bool
}

func newMetrics() *Metrics {
	return &Metrics{events: map[string]uint64{}, feedback: map[bool]uint64{}, ackCounts: make([]uint64, len(ackBuckets))}
}

func (m *Metrics) event(kind string) {
	m.mu.Lock()
	m.events[kind]++
	m.mu.Unlock()
}

func (m *Metrics) vote(helpful bool) {
	m.mu.Lock()
	m.feedback[helpful]++
	m.mu.Unlock()
}

func (m *Metrics) ackLatency(d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, b := range ackBuckets {
		if sec <= b {
			m.ackCounts[i]++
		}
	}
	m.ackSum += sec
	m.ackTotal++
}

// Connected reports whether a Socket Mode connection is up.
func (m *Metrics) Connected() bool { return m.connected.Load() }

// WriteTo writes every metric in Prometheus text format.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var n int64
	p := func(format string, args ...any) {
		k, _ := fmt.Fprintf(w, format, args...)
		n += int64(k)
	}
	p("# HELP directorbot_events_total Slack envelopes received, by type.\n# TYPE directorbot_events_total counter\n")
	kinds := make([]string, 0, len(m.events))
	for k := range m.events {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		p("directorbot_events_total{type=%q} %d\n", k, m.events[k])
	}
	p("# HELP directorbot_answers_total Questions answered from the guide.\n# TYPE directorbot_answers_total counter\ndirectorbot_answers_total %d\n", m.answers.Load())
	p("# HELP directorbot_no_answers_total Questions the guide does not cover.\n# TYPE directorbot_no_answers_total counter\ndirectorbot_no_answers_total %d\n", m.noAnswers.Load())
	p("# HELP directorbot_feedback_total Feedback button clicks.\n# TYPE directorbot_feedback_total counter\n")
	p("directorbot_feedback_total{helpful=\"true\"} %d\ndirectorbot_feedback_total{helpful=\"false\"} %d\n", m.feedback[true], m.feedback[false])
	p("# HELP directorbot_reconnects_total Socket Mode connections opened after the first.\n# TYPE directorbot_reconnects_total counter\ndirectorbot_reconnects_total %d\n", m.reconnects.Load())
	p("# HELP directorbot_api_errors_total Web API calls that failed after retries.\n# TYPE directorbot_api_errors_total counter\ndirectorbot_api_errors_total %d\n", m.apiErrors.Load())
	p("# HELP directorbot_ack_seconds Time from receiving an envelope to acking it.\n# TYPE directorbot_ack_seconds histogram\n")
	for i, b := range ackBuckets {
		p("directorbot_ack_seconds_bucket{le=\"%g\"} %d\n", b, m.ackCounts[i])
	}
	p("directorbot_ack_seconds_bucket{le=\"+Inf\"} %d\ndirectorbot_ack_seconds_sum %g\ndirectorbot_ack_seconds_count %d\n", m.ackTotal, m.ackSum, m.ackTotal)
	up := 0
	if m.connected.Load() {
		up = 1
	}
	p("# HELP directorbot_connected Whether a Socket Mode connection is up.\n# TYPE directorbot_connected gauge\ndirectorbot_connected %d\n", up)
	return n, nil
}
