package bot

import (
	"cmp"
	"net/http"
	"strconv"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/slack-go/slack/socketmode"
)

// ackBuckets are the upper bounds, in seconds, of the ack latency
// histogram; Slack wants an ack within 3 s.
var ackBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3}

// metrics counts what the server does, in a registry of its own that also
// holds the process and Go runtime collectors. It is safe for concurrent
// use.
type metrics struct {
	registry   *prometheus.Registry
	events     *prometheus.CounterVec
	answers    prometheus.Counter
	unsure     prometheus.Counter
	noAnswers  prometheus.Counter
	feedback   *prometheus.CounterVec
	reconnects prometheus.Counter
	apiErrors  prometheus.Counter
	ackSeconds prometheus.Histogram
	// queueFull counts work refused by a full queue (ack, slash, webapi);
	// storeErrors counts claims made without the store, and claimsLost
	// deliveries left to the replica that claimed them first.
	queueFull   *prometheus.CounterVec
	storeErrors prometheus.Counter
	claimsLost  prometheus.Counter
	handoffs    *prometheus.CounterVec
	// connected is whether a Socket Mode connection is up; readiness
	// reads it too.
	connected atomic.Bool
}

func newMetrics() *metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), collectors.NewGoCollector())
	f := promauto.With(reg)
	m := &metrics{
		registry:    reg,
		events:      f.NewCounterVec(prometheus.CounterOpts{Name: "directorbot_events_total", Help: "Slack envelopes received, by type."}, []string{"type"}),
		answers:     f.NewCounter(prometheus.CounterOpts{Name: "directorbot_answers_total", Help: "Questions answered from the guide."}),
		unsure:      f.NewCounter(prometheus.CounterOpts{Name: "directorbot_unsure_answers_total", Help: "Questions answered with only the closest the guide has, which may not answer them (counted in directorbot_answers_total too)."}),
		noAnswers:   f.NewCounter(prometheus.CounterOpts{Name: "directorbot_no_answers_total", Help: "Questions the guide does not cover."}),
		feedback:    f.NewCounterVec(prometheus.CounterOpts{Name: "directorbot_feedback_total", Help: "Feedback button clicks."}, []string{"helpful"}),
		reconnects:  f.NewCounter(prometheus.CounterOpts{Name: "directorbot_reconnects_total", Help: "Socket Mode connections opened after the first."}),
		apiErrors:   f.NewCounter(prometheus.CounterOpts{Name: "directorbot_api_errors_total", Help: "Web API calls that failed after retries."}),
		ackSeconds:  f.NewHistogram(prometheus.HistogramOpts{Name: "directorbot_ack_seconds", Help: "Time from receiving an envelope to acking it.", Buckets: ackBuckets}),
		queueFull:   f.NewCounterVec(prometheus.CounterOpts{Name: "directorbot_queue_full_total", Help: "Work refused because its queue was full, by queue (ack, slash, webapi)."}, []string{"queue"}),
		storeErrors: f.NewCounter(prometheus.CounterOpts{Name: "directorbot_store_errors_total", Help: "Calls the store failed, or skipped while it was left alone after a failure: claims and their releases, conversations, plans and welcomes (the bot then answers without them), handoffs."}),
		handoffs:    f.NewCounterVec(prometheus.CounterOpts{Name: "directorbot_handoffs_total", Help: "Replies queued or cut short at shutdown: kept for another replica, dropped, not kept as Slack may have them (maybe_sent) or their task sent another reply (partly_sent), and, taken by this one, resumed or expired."}, []string{"outcome"}),
		claimsLost:  f.NewCounter(prometheus.CounterOpts{Name: "directorbot_claims_lost_total", Help: "Deliveries not answered because another delivery of the same event claimed it first."}),
	}
	f.NewGaugeFunc(prometheus.GaugeOpts{Name: "directorbot_connected", Help: "Whether a Socket Mode connection is up."}, func() float64 {
		if m.connected.Load() {
			return 1
		}
		return 0
	})
	// Both answers show from the start, at 0.
	m.feedback.WithLabelValues("true")
	m.feedback.WithLabelValues("false")
	for _, q := range []string{"ack", "slash", "webapi"} {
		m.queueFull.WithLabelValues(q)
	}
	for _, t := range []socketmode.EventType{socketmode.EventTypeEventsAPI, socketmode.EventTypeInteractive, socketmode.EventTypeSlashCommand} {
		m.events.WithLabelValues(string(t))
	}
	for _, o := range []string{handoffKept, handoffDropped, handoffMaybeSent, handoffPartlySent, handoffResumed, handoffExpired} {
		m.handoffs.WithLabelValues(o)
	}
	return m
}

// Outcomes of a reply queued at shutdown (directorbot_handoffs_total).
const (
	handoffKept    = "kept"
	handoffDropped = "dropped"
	// handoffMaybeSent is a reply cut short that Slack may have, and
	// handoffPartlySent one whose task had sent another: not kept.
	handoffMaybeSent  = "maybe_sent"
	handoffPartlySent = "partly_sent"
	handoffResumed    = "resumed"
	handoffExpired    = "expired"
)

// watch adds the gauges read from the server: which build it is, whether
// the admins are warned of the guide, and its queues.
func (m *metrics) watch(s *Server) {
	f := promauto.With(m.registry)
	f.NewGaugeVec(prometheus.GaugeOpts{Name: "directorbot_build_info", Help: "Always 1, labelled with the version serving, so that replicas of different builds show."}, []string{"version"}).
		WithLabelValues(cmp.Or(s.cfg.Version, "unreleased")).Set(1)
	f.NewGaugeFunc(prometheus.GaugeOpts{Name: "directorbot_guide_warned", Help: "Whether the admins' Home warns of the guide: the last reload was rejected, or the guide serving fails questions.jsonl."}, func() float64 {
		if s.rejected.Load() != nil {
			return 1
		}
		return 0
	})
	f.NewGaugeFunc(prometheus.GaugeOpts{Name: "directorbot_webapi_queued", Help: "Web API work waiting for a worker."}, func() float64 {
		q, _ := s.lanes.depth()
		return float64(q)
	})
	f.NewGaugeFunc(prometheus.GaugeOpts{Name: "directorbot_webapi_running", Help: "Web API work running."}, func() float64 {
		_, r := s.lanes.depth()
		return float64(r)
	})
	f.NewGaugeFunc(prometheus.GaugeOpts{Name: "directorbot_slash_pending", Help: "/director answers queued or running."}, func() float64 {
		return float64(s.slashBusy.Load())
	})
}

func (m *metrics) vote(helpful bool) {
	m.feedback.WithLabelValues(strconv.FormatBool(helpful)).Inc()
}

// handler serves every metric in Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}
