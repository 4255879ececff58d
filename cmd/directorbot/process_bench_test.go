package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/index/quality"
)

// These benchmarks run the real binary, as a user starts it: they build
// it, point it at a fake Slack and read its logs and /proc.

func buildBinary(b *testing.B) string { return buildPackage(b, ".") }

// buildPackage builds a command as deploy/docker/Dockerfile builds the
// bot: what runs in production.
func buildPackage(b *testing.B, pkg string) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "bot")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, pkg)
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := build.CombinedOutput()
	if err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a running `directorbot serve`.
type process struct {
	cmd     *exec.Cmd
	indexed time.Time
	logs    *bytes.Buffer
}

// startServe starts the binary against the fake and returns once the log
// says the guide is indexed.
func startServe(b *testing.B, bin string, fake *fakeslack.Slack) *process {
	b.Helper()
	return start(b, exec.Command(bin, "serve"), fake, `"guide indexed"`)
}

// start runs a command against the fake and returns once its log holds
// ready.
func start(b *testing.B, cmd *exec.Cmd, fake *fakeslack.Slack, ready string) *process {
	b.Helper()
	cmd.Dir = b.TempDir() // no .env around
	cmd.Env = append(os.Environ(),
		"SLACK_APP_TOKEN=xapp-1-A1-bench", "SLACK_BOT_TOKEN=xoxb-bench",
		"SLACK_API_URL="+fake.APIURL(), "LOG_LEVEL=info", "HEALTH_ADDR=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	// A benchmark that fails while the process runs must not leave it
	// running: slack-go would retry its connection for ever.
	b.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	p := &process{cmd: cmd, logs: &bytes.Buffer{}}
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		fmt.Fprintln(p.logs, lines.Text())
		if strings.Contains(lines.Text(), ready) {
			p.indexed = time.Now()
			break
		}
	}
	if p.indexed.IsZero() {
		_ = cmd.Wait()
		b.Fatalf("%s exited before logging %s:\n%s", cmd.Path, ready, p.logs)
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	return p
}

// stop ends the process as a supervisor does, and waits for it.
func (p *process) stop(b *testing.B) {
	b.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		b.Errorf("%s did not exit cleanly on SIGTERM: %v", p.cmd.Path, err)
	}
}

// awaitHello waits for the fake's hello to the process's connection.
func awaitHello(b *testing.B, fake *fakeslack.Slack) time.Time {
	b.Helper()
	select {
	case t := <-fake.Hellos():
		return t
	case <-time.After(10 * time.Second):
		b.Fatal("serve never connected to the fake Slack")
		return time.Time{}
	}
}

// BenchmarkStart is a cold start of `directorbot serve` with the embedded
// guide: process start to the guide indexed, and to the Socket Mode
// connection up (the fake's hello sent), in ms.
func BenchmarkStart(b *testing.B) {
	bin := buildBinary(b)
	fake := fakeslack.New()
	defer fake.Close()
	var indexed, connected time.Duration
	for b.Loop() {
		start := time.Now()
		p := startServe(b, bin, fake)
		hello := awaitHello(b, fake)
		indexed += p.indexed.Sub(start)
		connected += hello.Sub(start)
		b.StopTimer()
		p.stop(b)
		b.StartTimer()
	}
	b.ReportMetric(float64(indexed.Microseconds())/1e3/float64(b.N), "indexed-ms")
	b.ReportMetric(float64(connected.Microseconds())/1e3/float64(b.N), "connected-ms")
}

// BenchmarkMemory reads the resident memory of `directorbot serve` from
// /proc: idle once connected and settled, its peak while answering 500
// /director commands sent at once, the question set's questions in turn,
// and idle again once settled after them: what a pod holds once it has
// answered, as the heap has grown back into the pages serve returned.
// Beside it, in the same iteration, the plain baseline (testdata/barebot):
// slack-go and the same store, acking each command with canned text; and
// the plain bleve baseline (testdata/blevebot): that, with the embedded
// guide in a plain bleve index, answering with its match query's best.
func BenchmarkMemory(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("needs /proc")
	}
	bots := []struct {
		name, unit string
		bin        string
		run        func(bin string, fake *fakeslack.Slack) *process
	}{
		{"directorbot", "", buildBinary(b), func(bin string, fake *fakeslack.Slack) *process { return startServe(b, bin, fake) }},
		{"barebot", "plain-", buildPackage(b, "./testdata/barebot"), func(bin string, fake *fakeslack.Slack) *process {
			return start(b, exec.Command(bin), fake, "connecting")
		}},
		{"blevebot", "bleve-", buildPackage(b, "./testdata/blevebot"), func(bin string, fake *fakeslack.Slack) *process {
			return start(b, exec.Command(bin), fake, "connecting")
		}},
	}
	batch := burstOf(questionSet(b))
	idle, peak := make([]float64, len(bots)), make([]float64, len(bots))
	anon, file := make([]float64, len(bots)), make([]float64, len(bots))
	after := make([]float64, len(bots))
	for b.Loop() {
		for i, bot := range bots {
			fake := fakeslack.New()
			p := bot.run(bot.bin, fake)
			awaitHello(b, fake)
			m := measureBurst(b, p, fake, batch)
			idle[i] += m.idle
			anon[i] += m.anon
			file[i] += m.file
			peak[i] += m.peak
			after[i] += m.after
			p.stop(b)
			fake.Close()
		}
	}
	for i, bot := range bots {
		b.ReportMetric(idle[i]/float64(b.N), bot.unit+"idle-RSS-MiB")
		b.ReportMetric(peak[i]/float64(b.N), bot.unit+"peak-RSS-MiB")
		b.ReportMetric(after[i]/float64(b.N), bot.unit+"after-RSS-MiB")
		b.ReportMetric(anon[i]/float64(b.N), bot.unit+"idle-anon-MiB")
		b.ReportMetric(file[i]/float64(b.N), bot.unit+"idle-file-MiB")
	}
}

// burstOf returns 500 of the questions, in turn.
func burstOf(questions []string) []string {
	batch := make([]string, 500)
	for i := range batch {
		batch[i] = questions[i%len(questions)]
	}
	return batch
}

// burstMemory is a running bot's resident memory around a burst, in MiB.
type burstMemory struct {
	// idle, anon and file are VmRSS, RssAnon and RssFile once settled
	// after connecting; peak the most it held while answering (VmHWM,
	// reset after idle, so not the start's); after VmRSS once settled
	// after answering.
	idle, anon, file, peak, after float64
}

// measureBurst reads a connected bot's memory before, while and after it
// answers a burst of /director commands, each of which must be answered
// as Slack accepts, in time.
func measureBurst(b *testing.B, p *process, fake *fakeslack.Slack, batch []string) burstMemory {
	b.Helper()
	pid := p.cmd.Process.Pid
	time.Sleep(2 * time.Second)
	m := burstMemory{idle: procMemory(b, pid, "VmRSS"), anon: procMemory(b, pid, "RssAnon"), file: procMemory(b, pid, "RssFile")}
	resetPeak(b, pid)
	acks, err := fake.Burst(batch, 30*time.Second)
	if err != nil {
		b.Fatal(err)
	}
	// A bot whose replies Slack refuses, or gets too late, answers nothing.
	for j, a := range acks {
		if a.Error != "" {
			b.Fatalf("Slack reports %s for the reply to %q", a.Error, batch[j])
		}
	}
	m.peak = procMemory(b, pid, "VmHWM")
	time.Sleep(2 * time.Second)
	m.after = procMemory(b, pid, "VmRSS")
	return m
}

// resetPeak makes a process's peak resident memory (VmHWM) its present
// one, so that a later peak is of what came after: writing 5 to
// clear_refs does.
func resetPeak(b *testing.B, pid int) {
	b.Helper()
	if err := os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0); err != nil {
		b.Fatal(err)
	}
}

// procMemory returns a memory figure of /proc/PID/status, in MiB.
func procMemory(b *testing.B, pid int, field string) float64 {
	b.Helper()
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			var kb float64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%f kB", &kb); err != nil {
				b.Fatal(err)
			}
			return kb / 1024
		}
	}
	b.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}

func questionSet(b *testing.B) []string {
	b.Helper()
	cases, err := quality.LoadSet("../../index/testdata/questions.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	return quality.Questions(cases)
}
