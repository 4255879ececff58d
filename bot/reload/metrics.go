package reload

import (
	"cmp"

	"github.com/directorbot/directorbot/index"
	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the reloads' Prometheus metrics.
type metrics struct {
	reloads  *prometheus.CounterVec
	sections prometheus.Gauge
	guide    *prometheus.GaugeVec
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
		guide: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "directorbot_guide_info",
			Help: "Always 1, labelled with the start of the fingerprint of the guide serving (its files and the lessons taught), so that replicas serving different guides show.",
		}, []string{"fingerprint"}),
	}
	// Both results show from the start, at 0.
	m.reloads.WithLabelValues("accepted")
	m.reloads.WithLabelValues("rejected")
	if reg != nil {
		reg.MustRegister(m.reloads, m.sections, m.guide)
	}
	return m
}

// serving records the guide now serving: its sections, and its
// fingerprint fp ("unknown" for an index given to New without a folder).
func (m *metrics) serving(ix *index.Index, fp string) {
	m.sections.Set(float64(len(ix.Guide().Sections())))
	m.guide.Reset()
	m.guide.WithLabelValues(cmp.Or(fp[:min(len(fp), 12)], "unknown")).Set(1)
}
