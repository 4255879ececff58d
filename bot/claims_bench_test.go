package bot

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/store/pgtest"
)

// BenchmarkClaimedRoundTrip is what the claim adds to a /director command:
// the round trip (envelope sent → ack with the answer received), the
// question asked before (so the answer itself is a cache lookup), without
// a store and with each engine; every command has a new trigger_id, so
// each claims a new key. Each operation does one of each in turn, so all
// see the machine in the same state; claim-p50-µs is the median of the
// differences from the round trip without a store.
func BenchmarkClaimedRoundTrip(b *testing.B) {
	fake := fakeslack.New()
	b.Cleanup(fake.Close)
	none := startReplica(b, fake, nil)
	sqlite := startReplica(b, fake, openStore(b, "sqlite:"+filepath.Join(b.TempDir(), "bench.db")))
	postgres := startReplica(b, fake, openStore(b, pgtest.URL(b)))
	conns := map[*harness]int{none: 0, sqlite: 1, postgres: 2}
	ctx := context.Background()
	roundTrip := func(h *harness) float64 {
		e := fake.SlashCommand("skills", "U1", "C1")
		acked := fake.AckOf(e.ID())
		if err := fake.DeliverOn(conns[h], e); err != nil {
			b.Fatal(err)
		}
		select {
		case a := <-acked:
			return float64(a.Received.Sub(a.Sent).Microseconds())
		case <-ctx.Done():
			return 0
		}
	}
	for _, h := range []*harness{none, sqlite, postgres} {
		for range 50 {
			roundTrip(h) // warm up: the cache, the connections
		}
	}
	var base, lite, pg, liteDiff, pgDiff []float64
	for b.Loop() {
		n, s, p := roundTrip(none), roundTrip(sqlite), roundTrip(postgres)
		base, lite, pg = append(base, n), append(lite, s), append(pg, p)
		liteDiff, pgDiff = append(liteDiff, s-n), append(pgDiff, p-n)
	}
	median := func(v []float64) float64 { v = slices.Clone(v); slices.Sort(v); return v[len(v)/2] }
	b.ReportMetric(median(base), "none-p50-µs")
	b.ReportMetric(median(lite), "sqlite-p50-µs")
	b.ReportMetric(median(pg), "postgres-p50-µs")
	b.ReportMetric(median(liteDiff), "sqlite-claim-p50-µs")
	b.ReportMetric(median(pgDiff), "postgres-claim-p50-µs")
}
