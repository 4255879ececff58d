package store

import (
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchmarkClaim measures one successful Claim, of a fresh key each time,
// on each engine; PostgreSQL is reached over loopback TCP. Besides ns/op it
// reports the median and 99th percentile latency.
func BenchmarkClaim(b *testing.B) {
	for _, backend := range testBackends {
		b.Run(backend.name, func(b *testing.B) {
			s := openStore(b, backend.newURL(b))
			ctx := b.Context()
			var latencies []time.Duration
			for b.Loop() {
				key := "bench-" + strconv.Itoa(len(latencies))
				start := time.Now()
				won, err := s.Claim(ctx, key, DefaultClaimTTL)
				latencies = append(latencies, time.Since(start))
				if err != nil || !won {
					b.Fatalf("Claim(%q) = %v, %v; want true, nil", key, won, err)
				}
			}
			reportPercentiles(b, latencies)
		})
	}
}

// reportPercentiles adds the median and 99th percentile of latencies to
// the benchmark's results.
func reportPercentiles(b *testing.B, latencies []time.Duration) {
	if len(latencies) == 0 {
		return
	}
	slices.Sort(latencies)
	at := func(q float64) float64 { return float64(latencies[int(q*float64(len(latencies)-1))].Nanoseconds()) }
	b.ReportMetric(at(0.50), "p50-ns")
	b.ReportMetric(at(0.99), "p99-ns")
}
