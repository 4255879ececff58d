package main

import (
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
)

// BenchmarkOversizedFrame sends `directorbot serve` one 10 MB websocket
// frame and reports its resident memory before, at its peak from the frame
// on, and after: the bot refuses a message over its read limit without
// reading it.
func BenchmarkOversizedFrame(b *testing.B) {
	bin := buildBinary(b)
	frame := []byte(`{"envelope_id":"huge","type":"events_api","payload":{"text":"` + strings.Repeat("x", 10<<20) + `"}}`)
	var idle, peak, after float64
	for b.Loop() {
		fake := fakeslack.New()
		p := startServe(b, bin, fake)
		awaitHello(b, fake)
		time.Sleep(2 * time.Second)
		idle += procMemory(b, p.cmd.Process.Pid, "VmRSS")
		resetPeak(b, p.cmd.Process.Pid)
		_ = fake.SendRaw(frame)
		// Either the bot read it or closed the connection; give it time.
		fake.WaitFor(5*time.Second, func() bool { return fake.Connections() > 1 })
		time.Sleep(time.Second)
		peak += procMemory(b, p.cmd.Process.Pid, "VmHWM")
		after += procMemory(b, p.cmd.Process.Pid, "VmRSS")
		p.stop(b)
		fake.Close()
	}
	b.ReportMetric(idle/float64(b.N), "idle-RSS-MiB")
	b.ReportMetric(peak/float64(b.N), "peak-RSS-MiB")
	b.ReportMetric(after/float64(b.N), "after-RSS-MiB")
}
