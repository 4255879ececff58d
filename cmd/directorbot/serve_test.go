package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/bot/store/pgtest"
	"github.com/directorbot/directorbot/content/synthetic"
)

// TestMain stops the throwaway PostgreSQL server of the replica test.
func TestMain(m *testing.M) { pgtest.Main(m) }

// safeBuffer collects a command's output from several goroutines.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serveInProcess runs `directorbot serve` against fake with the given
// extra settings until the test ends, and waits for its connection.
func serveInProcess(t *testing.T, fake *fakeslack.Slack, vars map[string]string) (stop func() int, logs *safeBuffer) {
	t.Helper()
	env := map[string]string{
		"SLACK_APP_TOKEN": "xapp-1-A1-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value",
		"SLACK_API_URL": fake.APIURL(), "LOG_LEVEL": "debug",
	}
	for k, v := range vars {
		env[k] = v
	}
	logs = &safeBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	code := make(chan int, 1)
	before := fake.Connections()
	go func() {
		code <- runIn(ctx, &environment{stdout: logs, stderr: logs, getenv: func(k string) string { return env[k] }}, []string{"serve"})
	}()
	var once sync.Once
	result := 0
	stop = func() int {
		once.Do(func() { cancel(); result = <-code })
		return result
	}
	t.Cleanup(func() {
		stop()
		if strings.Contains(logs.String(), "secret-value") {
			t.Error("a token appears in serve's output")
		}
	})
	if !fake.WaitFor(serveWait, func() bool { return fake.Connections() > before }) {
		t.Fatalf("serve never connected:\n%s", logs)
	}
	// Which build runs is the first thing an operator reads.
	if !strings.Contains(logs.String(), `"msg":"starting","version":"unreleased"`) {
		t.Errorf("serve does not log its version at start:\n%s", logs)
	}
	return stop, logs
}

// serveWait is how long a test waits for serve to connect or reply: it
// builds its index first, which under the race detector, beside the other
// packages' tests on a busy two-core machine, has taken over 10 s.
const serveWait = 30 * time.Second

// posts counts the successful chat.postMessage calls by thread.
func posts(fake *fakeslack.Slack) map[string]int {
	n := map[string]int{}
	for _, c := range fake.Calls() {
		if c.Method == "chat.postMessage" && c.Error == "" {
			n[fmt.Sprint(c.Args["channel"], "/", c.Args["thread_ts"])]++
		}
	}
	return n
}

// TestServeReplicasOnPostgres runs two `serve` replicas with one
// DATABASE_URL on PostgreSQL against one fake Slack: a mention answered by
// one and retried on the other, and mentions delivered to both at once,
// are each answered once.
func TestServeReplicasOnPostgres(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	vars := map[string]string{"DATABASE_URL": pgtest.URL(t)}
	serveInProcess(t, fake, vars)
	serveInProcess(t, fake, vars)
	var wg sync.WaitGroup
	const n = 20
	for i := range n {
		e := fakeslack.Mention(fmt.Sprint("serve-", i), "<@UBOT> skills", "U1", "C1", fmt.Sprintf("1700000000.%06d", i+1), "")
		if i%2 == 0 {
			if err := fake.DeliverOn(0, e); err != nil {
				t.Fatal(err)
			}
			where := fmt.Sprintf("C1/1700000000.%06d", i+1)
			if !fake.WaitFor(serveWait, func() bool { return posts(fake)[where] > 0 }) {
				t.Fatalf("%s not answered", where)
			}
			if err := fake.RetryOn(1, e); err != nil {
				t.Fatal(err)
			}
			continue
		}
		for _, conn := range []int{0, 1} {
			wg.Go(func() {
				if err := fake.DeliverOn(conn, e); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
	if !fake.WaitFor(serveWait, func() bool { return len(posts(fake)) == n && fake.Pending() == 0 }) {
		t.Fatalf("%d of %d answered, %d envelopes unacked", len(posts(fake)), n, fake.Pending())
	}
	time.Sleep(300 * time.Millisecond)
	for where, k := range posts(fake) {
		if k != 1 {
			t.Errorf("%s answered %d times", where, k)
		}
	}
}

// TestServeHealthAddr: a HEALTH_ADDR of the wrong form is a usage error,
// one another process holds a failure, which a restart may not meet;
// either stops the start before the guide is indexed.
func TestServeHealthAddr(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for addr, want := range map[string]int{"not an address": exitConfig, held.Addr().String(): exitFailure} {
		var out, errOut bytes.Buffer
		vars := map[string]string{"SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_API_URL": fake.APIURL(),
			"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "bot.db"), "HEALTH_ADDR": addr}
		code := runIn(context.Background(), &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}, []string{"serve"})
		if code != want || !strings.Contains(errOut.String(), "HEALTH_ADDR") || strings.Contains(errOut.String(), "guide indexed") {
			t.Errorf("HEALTH_ADDR %q: exit %d, want %d before the guide is indexed; stderr %q", addr, code, want, errOut.String())
		}
	}
}

// TestServeDatabaseURL: a DATABASE_URL of the wrong form is a usage error
// naming the setting, without its password.
func TestServeDatabaseURL(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	var out, errOut bytes.Buffer
	vars := map[string]string{"SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_API_URL": fake.APIURL(),
		"DATABASE_URL": "mysql://bot:hunter2@db/directorbot"}
	code := runIn(context.Background(), &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}, []string{"serve"})
	if code != exitConfig || !strings.Contains(errOut.String(), "DATABASE_URL") || strings.Contains(errOut.String(), "hunter2") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

// TestServeStopsWhileIndexing: asked to stop while a large guide is being
// indexed in INDEX_DIR, serve stops the indexing rather than finish it,
// exits 0 and leaves no index behind it, half-built or whole.
func TestServeStopsWhileIndexing(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	guide, indexDir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(guide, "handbook.md"), synthetic.Markdown(5000, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_API_URL": fake.APIURL(),
		"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "bot.db"), "GUIDE_DIR": guide, "INDEX_DIR": indexDir}
	logs := &safeBuffer{}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	code := make(chan int, 1)
	go func() {
		code <- runIn(ctx, &environment{stdout: logs, stderr: logs, getenv: func(k string) string { return vars[k] }}, []string{"serve"})
	}()
	building := filepath.Join(indexDir, "directorbot-index.new")
	for deadline := time.Now().Add(serveWait); ; time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(building); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve never started indexing in %s:\n%s", indexDir, logs)
		}
	}
	cancel()
	if got := <-code; got != 0 || !strings.Contains(logs.String(), "stopped before serving") {
		t.Errorf("exit %d; want 0, with the stop logged:\n%s", got, logs)
	}
	left, err := os.ReadDir(indexDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		if strings.HasPrefix(e.Name(), "directorbot-index") && e.Name() != "directorbot-index.lock" {
			t.Errorf("%s left in INDEX_DIR", e.Name())
		}
	}
}

// TestServeSIGTERMMidBurst runs the real binary, with no DATABASE_URL (so
// a SQLite file in its working directory), sends it SIGTERM in the middle
// of a burst of /director commands and mentions, and checks that it exits
// 0 within its bounds, having acked every envelope it read.
func TestServeSIGTERMMidBurst(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "directorbot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SLACK_APP_TOKEN=xapp-1-A1-secret-value", "SLACK_BOT_TOKEN=xoxb-secret-value",
		"SLACK_API_URL="+fake.APIURL(), "LOG_LEVEL=info", "HEALTH_ADDR=", "DATABASE_URL=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	logs := &safeBuffer{}
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			fmt.Fprintln(logs, sc.Text())
		}
	}()
	if !fake.WaitFor(serveWait, func() bool { return fake.Connections() > 0 }) {
		_ = cmd.Process.Kill()
		t.Fatalf("serve never connected:\n%s", logs)
	}
	if _, err := os.Stat(filepath.Join(dir, "directorbot.db")); err != nil {
		t.Errorf("no SQLite file in the working directory by default: %v", err)
	}
	const burst = 400
	var sent []fakeslack.Envelope
	var signalled time.Time
	for i := range burst {
		if i == burst/3 {
			signalled = time.Now()
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
		}
		e := fake.SlashCommand("skills", "U1", "C1")
		if i%2 == 0 {
			e = fakeslack.Mention(fmt.Sprint("term-", i), "<@UBOT> skills", "U1", "C1", fmt.Sprintf("1700000000.%06d", i+1), "")
		}
		if fake.DeliverOn(0, e) != nil {
			break // the connection is closed: Slack would send to another
		}
		sent = append(sent, e)
		time.Sleep(100 * time.Microsecond)
	}
	// Wait closes the pipe, so every line is read first: the process
	// closing its end is what ends the copy.
	select {
	case <-copied:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		<-copied
	}
	err = cmd.Wait()
	took := time.Since(signalled)
	if err != nil {
		t.Errorf("serve exited with %v after SIGTERM:\n%s", err, logs)
	}
	if took > 15*time.Second {
		t.Errorf("serve took %v to exit", took)
	}
	// The last line says the stop, and how long it took.
	if lines := strings.Split(strings.TrimSpace(logs.String()), "\n"); !strings.Contains(lines[len(lines)-1], `"msg":"stopped","took":`) {
		t.Errorf("serve's last line is %s; want its stop", lines[len(lines)-1])
	}
	var closed struct {
		Read    int `json:"envelopes_read"`
		Unacked int `json:"unacked"`
	}
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, `"connection closed"`) {
			_ = json.Unmarshal([]byte(line), &closed)
		}
	}
	if closed.Read == 0 || closed.Unacked != 0 {
		t.Errorf("serve read %d envelopes and left %d unacked:\n%s", closed.Read, closed.Unacked, logs)
	}
	acked := map[string]bool{}
	for _, a := range fake.Acks() {
		acked[a.EnvelopeID] = true
	}
	if len(acked) < closed.Read {
		t.Errorf("the fake got %d acks, serve read %d envelopes", len(acked), closed.Read)
	}
	if strings.Contains(logs.String(), "secret-value") {
		t.Error("a token appears in serve's logs")
	}
	t.Logf("%d envelopes written, serve read %d and acked them all (%d acks), exit 0 %v after SIGTERM; %d written after it closed its connection",
		len(sent), closed.Read, len(acked), took.Round(time.Millisecond), len(sent)-len(acked))
}

// TestWarnIfShared: a SQLite store open to other users is warned about,
// its owner's alone or a PostgreSQL one is not.
func TestWarnIfShared(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tt := range []struct {
		url  string
		mode os.FileMode
		warn bool
	}{
		{"sqlite:" + filepath.Join(dir, "shared.db"), 0o644, true},
		{"sqlite:" + filepath.Join(dir, "own.db"), 0o600, false},
		{"postgres://bot@127.0.0.1/directorbot", 0, false},
	} {
		if path, ok, _ := store.SQLiteFile(tt.url); ok {
			if err := os.WriteFile(path, nil, tt.mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}
		}
		var logs bytes.Buffer
		warnIfShared(tt.url, slog.New(slog.NewTextHandler(&logs, nil)))
		if warned := strings.Contains(logs.String(), "chmod 600"); warned != tt.warn {
			t.Errorf("%s, mode %v: warned %v, want %v: %s", tt.url, tt.mode, warned, tt.warn, logs.String())
		}
	}
}
