package reload

import (
	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the reloads' Prometheus metrics.
type metrics struct {
	reloads  *prometheus.CounterVec
	sections prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "directorbot_guide_reloads_total",
			Help: "Guide reloads that found a changed guide, by result: accepted (swapped in) or rejected (the old guide kept serving).",
		}, []string{"result"}),
		sections: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "directorbot_guide_sections",
			Help: "Sections of the guide serving now.",
		}),
	}
	// Both results show from the start, at 0.
	m.reloads.WithLabelValues("accepted")
	m.reloads.WithLabelValues("rejected")
	if reg != nil {
		reg.MustRegister(m.reloads, m.sections)
	}
	return m
}
