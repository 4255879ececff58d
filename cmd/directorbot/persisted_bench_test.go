package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/content/synthetic"
)

// BenchmarkServePersisted restarts `directorbot serve` on a synthetic
// guide whose index it built in INDEX_DIR before, as a pod restarts with
// its volume: process start to the guide indexed (reopened, not built),
// resident memory around 500 /director commands at once, the synthetic
// guides' questions in turn (measureBurst).
func BenchmarkServePersisted(b *testing.B) {
	bin := buildBinary(b)
	batch := burstOf(synthetic.Questions())
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			guide, dir := b.TempDir(), filepath.Join(b.TempDir(), "index")
			if err := os.WriteFile(filepath.Join(guide, "handbook.md"), synthetic.Markdown(n, 1), 0o644); err != nil {
				b.Fatal(err)
			}
			serve := func(fake *fakeslack.Slack) *process {
				return start(b, exec.Command(bin, "serve", "--guide", guide, "--index-dir", dir), fake, `"guide indexed"`)
			}
			// The first start builds the index; the ones measured reopen it.
			fake := fakeslack.New()
			first := serve(fake)
			awaitHello(b, fake)
			first.stop(b)
			fake.Close()
			var indexed time.Duration
			var idle, peak, after float64
			for b.Loop() {
				fake := fakeslack.New()
				begin := time.Now()
				p := serve(fake)
				if !strings.Contains(p.logs.String(), `"reopened":true`) {
					b.Fatalf("serve rebuilt the index it could reopen, so this would time a build:\n%s", p.logs)
				}
				indexed += p.indexed.Sub(begin)
				awaitHello(b, fake)
				m := measureBurst(b, p, fake, batch)
				idle, peak, after = idle+m.idle, peak+m.peak, after+m.after
				p.stop(b)
				fake.Close()
			}
			b.ReportMetric(float64(indexed.Microseconds())/1e3/float64(b.N), "indexed-ms")
			b.ReportMetric(idle/float64(b.N), "idle-RSS-MiB")
			b.ReportMetric(peak/float64(b.N), "peak-RSS-MiB")
			b.ReportMetric(after/float64(b.N), "after-RSS-MiB")
		})
	}
}
