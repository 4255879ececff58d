package bot

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/bot/store/pgtest"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestMain stops the throwaway PostgreSQL server of the replica tests.
func TestMain(m *testing.M) { pgtest.Main(m) }

// openStore opens the store at url until the test ends.
func openStore(t testing.TB, url string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// sqliteURL is a new SQLite store's, in the test's temporary folder: the
// replicas given it share it.
func sqliteURL(t testing.TB) string {
	return "sqlite:" + filepath.Join(t.TempDir(), "directorbot.db")
}

// startReplica runs one more server against fake, with claims (nil: none;
// a store keeps handoffs, memory and plans too) and its configuration
// changed by edits, and waits for its connection, which is the fake's
// newest.
func startReplica(t testing.TB, fake *fakeslack.Slack, claims Claims, edits ...func(*Config)) *harness {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		AppToken: "xapp-1-A1-secret-app-token",
		BotToken: "xoxb-secret-bot-token",
		APIURL:   fake.APIURL(),
		Logger:   slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if claims != nil {
		cfg.Claims = claims
	}
	// A store keeps the replies queued at shutdown, the conversations'
	// memory and the plans too, as in serve.
	if st, ok := claims.(*store.Store); ok {
		cfg.Handoffs, cfg.Memory, cfg.Plans = st, st, st
	}
	for _, edit := range edits {
		edit(&cfg)
	}
	srv := NewServer(cfg, guidetest.Embedded(t))
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{fake: fake, server: srv, cancel: cancel, done: make(chan error, 1), logs: logs}
	before := fake.Connections()
	go func() { h.done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		h.done <- <-h.done
		for _, tok := range []string{"secret-app-token", "secret-bot-token"} {
			if strings.Contains(logs.String(), tok) {
				t.Errorf("a token appears in the logs")
			}
		}
		if n := fake.Strays(); n != 0 {
			t.Errorf("the replicas sent %d Socket Mode messages that ack no envelope", n)
		}
	})
	if !fake.WaitFor(wait, func() bool { return fake.Connections() > before }) {
		t.Fatalf("replica never connected; logs:\n%s", logs.String())
	}
	return h
}

// stop ends a replica as SIGTERM does and returns what Run returned and
// how long it took.
func (h *harness) stop(t testing.TB) (time.Duration, error) {
	t.Helper()
	start := time.Now()
	h.cancel()
	select {
	case err := <-h.done:
		h.done <- err
		return time.Since(start), err
	case <-time.After(settleTimeout + drainTimeout + 5*time.Second):
		t.Fatal("Run did not return after cancel")
		return 0, nil
	}
}

// replies counts the successful posts by where they went: thread (or
// channel, outside threads).
func replies(fake *fakeslack.Slack) map[string]int {
	n := map[string]int{}
	for _, c := range fake.Calls() {
		switch {
		case c.Error != "":
		case public(c):
			// A share, by the click it answers.
			n[fmt.Sprint("response/", c.Args["response_url_id"])]++
		case c.Method == "chat.postMessage" && !opener(c):
			ts, _ := c.Args["thread_ts"].(string)
			n[fmt.Sprint(c.Args["channel"], "/", ts)]++
		}
	}
	return n
}

// ackedTimes counts the acks of an envelope and how many carried a payload.
func ackedTimes(fake *fakeslack.Slack, id string) (acks, withPayload int) {
	for _, a := range fake.Acks() {
		if a.EnvelopeID == id {
			acks++
			if len(a.Payload) > 0 {
				withPayload++
			}
		}
	}
	return acks, withPayload
}

// deliveries are the envelopes of one replica test: mentions and DMs, each
// answered with one post in its own thread or DM, slash commands and
// clicks on Share.
type deliveries struct {
	events  []fakeslack.Envelope
	where   []string // the reply's key in replies()
	slashes []fakeslack.Envelope
	clicks  []fakeslack.Envelope
}

func makeDeliveries(fake *fakeslack.Slack, prefix string, mentions, dms, slashes, clicks int) deliveries {
	var d deliveries
	for i := range mentions {
		ts := fmt.Sprintf("1700000%03d.%06d", len(prefix), i+1)
		// A channel each: one channel's posts are held to about one a
		// second (TestBusyChannelLosesNoAnswer).
		channel := fmt.Sprintf("C%s%d", prefix, i)
		d.events = append(d.events, fakeslack.Mention(fmt.Sprintf("%s-mention-%d", prefix, i), "<@UBOT> skills", "U1", channel, ts, ""))
		d.where = append(d.where, channel+"/"+ts)
	}
	for i := range dms {
		channel := fmt.Sprintf("D%s%d", prefix, i)
		d.events = append(d.events, fakeslack.DirectMessage(fmt.Sprintf("%s-dm-%d", prefix, i), "how do I get ready for a VP role?", "U1", channel, "1.1"))
		d.where = append(d.where, channel+"/")
	}
	for range slashes {
		d.slashes = append(d.slashes, fake.SlashCommand("timeline", "U1", "C1"))
	}
	for i := range clicks {
		d.clicks = append(d.clicks, fake.ButtonClick(blockkit.ActionShare, "key-skill-sets", "U1", fmt.Sprintf("CSHARE%s%d", prefix, i), "1.1", false))
	}
	return d
}

// TestReplicasAnswerEachEventOnce runs two replicas on one PostgreSQL
// database and one fake Slack, which sends retries to the other replica
// (an event answered by A is retried on B, as Slack does after a late ack
// or a dropped connection) and delivers events to both at once. Every
// event is answered once, every envelope acked, and each slash command
// gets its answer in exactly one ack.
func TestReplicasAnswerEachEventOnce(t *testing.T) {
	t.Parallel()
	url := pgtest.URL(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	a := startReplica(t, fake, openStore(t, url))
	b := startReplica(t, fake, openStore(t, url))
	const connA, connB = 0, 1

	// A retry on the other replica, after the first delivery was answered.
	retried := makeDeliveries(fake, "retry", 20, 10, 0, 10)
	for i, e := range append(retried.events, retried.clicks...) {
		if err := fake.DeliverOn(connA, e); err != nil {
			t.Fatal(err)
		}
		a.ackFor(t, e.ID())
		if i < len(retried.events) {
			where := retried.where[i]
			if !fake.WaitFor(wait, func() bool { return replies(fake)[where] > 0 }) {
				t.Fatalf("%s never answered", e.ID())
			}
		}
		if err := fake.RetryOn(connB, e); err != nil {
			t.Fatal(err)
		}
	}

	// The same envelopes to both replicas at once.
	both := makeDeliveries(fake, "both", 20, 10, 10, 10)
	var wg sync.WaitGroup
	for _, e := range append(append(both.events, both.slashes...), both.clicks...) {
		for _, conn := range []int{connA, connB} {
			wg.Go(func() {
				if err := fake.DeliverOn(conn, e); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()

	all := append(append(append(retried.events, retried.clicks...), both.events...), both.clicks...)
	all = append(all, both.slashes...)
	if !fake.WaitFor(wait, func() bool {
		for _, e := range all {
			if n, _ := ackedTimes(fake, e.ID()); n < 2 {
				return false
			}
		}
		return true
	}) {
		t.Fatal("not every delivery was acked")
	}
	want := len(retried.events) + len(retried.clicks) + len(both.events) + len(both.clicks)
	fake.WaitFor(wait, func() bool { return countPosts(&harness{fake: fake}) >= want })
	time.Sleep(500 * time.Millisecond) // time for a wrong second answer to arrive
	got := replies(fake)
	for _, where := range append(retried.where, both.where...) {
		if got[where] != 1 {
			t.Errorf("%s answered %d times", where, got[where])
		}
	}
	if n := countPosts(&harness{fake: fake}); n != want {
		t.Errorf("%d posts, want %d (shares included)", n, want)
	}
	for _, e := range both.slashes {
		if _, answers := ackedTimes(fake, e.ID()); answers != 1 {
			t.Errorf("slash command %s answered in %d acks, want 1", e.ID(), answers)
		}
	}
	duplicates := 0
	for _, where := range append(retried.where, both.where...) {
		duplicates += max(0, got[where]-1)
	}
	t.Logf("retried on the other replica: %d mentions, %d DMs, %d clicks; delivered to both at once: %d mentions, %d DMs, %d commands, %d clicks; %d duplicate replies",
		20, 10, len(retried.clicks), 20, 10, len(both.slashes), len(both.clicks), duplicates)
	lost := testutil.ToFloat64(a.server.metrics.claimsLost) + testutil.ToFloat64(b.server.metrics.claimsLost)
	if min := float64(len(retried.events) + len(retried.clicks) + len(both.events) + len(both.slashes) + len(both.clicks)); lost != min {
		// A claim the store does not grant within claimTimeout is answered
		// without one, by design: on a machine too busy for PostgreSQL to
		// answer in time, this is where duplicates come from.
		errs := testutil.ToFloat64(a.server.metrics.storeErrors) + testutil.ToFloat64(b.server.metrics.storeErrors)
		t.Errorf("claims lost = %v, want %v (store errors, answered without a claim: %v)", lost, min, errs)
	}
}

// TestADoubleClickOnTwoReplicasIsAnsweredOnce: the two clicks of a
// double click reach two replicas, which answer the first alone.
func TestADoubleClickOnTwoReplicasIsAnsweredOnce(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	url := sqliteURL(t)
	a := startReplica(t, fake, openStore(t, url))
	b := startReplica(t, fake, openStore(t, url))
	for i, h := range []*harness{a, b} {
		e := fake.ButtonClick(blockkit.ActionFullTable, "comparison-director-vs-vp#0", "U1", "C1", "1.1", true)
		if err := fake.DeliverOn(i, e); err != nil {
			t.Fatal(err)
		}
		h.ackFor(t, e.ID())
	}
	a.callsTo(t, "response_url", 1)
	a.idle(t)
	b.idle(t)
	if n := len(a.callsTo(t, "response_url", 0)); n != 1 {
		t.Errorf("the double click was answered %d times, want once", n)
	}
}

// TestRestartThenRedelivery answers events with a SQLite store, restarts
// (a new process: the in-process repeat filter is gone) and has Slack
// retry them: none is answered again, and a new event is.
func TestRestartThenRedelivery(t *testing.T) {
	t.Parallel()
	url := sqliteURL(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	storeA, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	a := startReplica(t, fake, storeA)
	d := makeDeliveries(fake, "restart", 5, 3, 3, 3)
	for _, e := range append(append(d.events, d.slashes...), d.clicks...) {
		if err := fake.DeliverOn(0, e); err != nil {
			t.Fatal(err)
		}
		a.ackFor(t, e.ID())
	}
	want := len(d.events) + len(d.clicks)
	if !fake.WaitFor(wait, func() bool { return countPosts(&harness{fake: fake}) >= want }) {
		t.Fatal("first deliveries not answered")
	}
	if _, err := a.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if err := storeA.Close(); err != nil {
		t.Fatal(err)
	}

	b := startReplica(t, fake, openStore(t, url))
	conn := fake.OpenConnections()[0]
	for _, e := range append(append(d.events, d.slashes...), d.clicks...) {
		if err := fake.RetryOn(conn, e); err != nil {
			t.Fatal(err)
		}
	}
	fresh := fakeslack.Mention("restart-new", "<@UBOT> timeline", "U1", "CNEW", "1800000000.000001", "")
	if err := fake.DeliverOn(conn, fresh); err != nil {
		t.Fatal(err)
	}
	if !fake.WaitFor(wait, func() bool { return replies(fake)["CNEW/1800000000.000001"] == 1 }) {
		t.Fatal("a new event after the restart was not answered")
	}
	time.Sleep(300 * time.Millisecond)
	for _, e := range append(append(d.events, d.slashes...), d.clicks...) {
		if n, _ := ackedTimes(fake, e.ID()); n != 2 {
			t.Errorf("%s acked %d times, want 2", e.ID(), n)
		}
	}
	for _, e := range d.slashes {
		if _, answers := ackedTimes(fake, e.ID()); answers != 1 {
			t.Errorf("slash command %s answered in %d acks, want 1", e.ID(), answers)
		}
	}
	if n := countPosts(&harness{fake: fake}); n != want+1 {
		t.Errorf("%d posts, want %d: a retry after the restart was answered again", n, want+1)
	}
	if got := testutil.ToFloat64(b.server.metrics.claimsLost); got != float64(len(d.events)+len(d.slashes)+len(d.clicks)) {
		t.Errorf("claims lost after the restart = %v", got)
	}
}

// TestFailedReplyReleasesItsClaim makes a post fail for good: the claim is
// released, so Slack's retry of the event is answered, on the same replica
// (the repeat filter forgets it too) or on another.
func TestFailedReplyReleasesItsClaim(t *testing.T) {
	t.Parallel()
	url := sqliteURL(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	a := startReplica(t, fake, openStore(t, url))
	b := startReplica(t, fake, openStore(t, url))
	claims := openStore(t, url)
	for i, retryOn := range []int{0, 1} {
		fake.FailNext("chat.postMessage", failingPost()...)
		ts := fmt.Sprintf("1900000000.00000%d", i+1)
		e := fakeslack.Mention(fmt.Sprint("fail-", i), "<@UBOT> skills", "U1", "CFAIL", ts, "")
		logs := a.logs
		if err := fake.DeliverOn(0, e); err != nil {
			t.Fatal(err)
		}
		if !fake.WaitFor(2*wait, func() bool { return strings.Count(logs.String(), "post message failed") > i }) {
			t.Fatal("the post never failed")
		}
		// The claim is released just after the failure is logged: the
		// retry waits until the message's claim can be taken (and gives
		// it back), as Slack's own retry, a minute later, would find it.
		key := messageKey("CFAIL", ts)
		if !fake.WaitFor(wait, func() bool {
			won, err := claims.Claim(t.Context(), key, time.Minute)
			return err == nil && won && claims.Release(t.Context(), key) == nil
		}) {
			t.Fatal("the failed reply never released its claim")
		}
		if err := fake.RetryOn(retryOn, e); err != nil {
			t.Fatal(err)
		}
		if !fake.WaitFor(wait, func() bool { return replies(fake)["CFAIL/"+ts] == 1 }) {
			t.Errorf("the retry on replica %d was not answered after the first reply failed", retryOn)
		}
	}
	_ = b
}

// stalledClaims is a store whose claims time out while stalled is set, as
// behind a dead network path.
type stalledClaims struct {
	*store.Store
	stalled atomic.Bool
}

func (s *stalledClaims) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if s.stalled.Load() {
		<-ctx.Done()
		return false, ctx.Err()
	}
	return s.Store.Claim(ctx, key, ttl)
}

// TestFailOpenKeepsAnothersClaim answers a mention on replica A; Slack's
// retry reaches B while B's claims time out, so B answers without one, and
// B's post fails for good. B must not release the claim it never took,
// A's: the next retry would be answered twice.
func TestFailOpenKeepsAnothersClaim(t *testing.T) {
	t.Parallel()
	url := sqliteURL(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	a := startReplica(t, fake, openStore(t, url))
	stalled := &stalledClaims{Store: openStore(t, url)}
	b := startReplica(t, fake, stalled)
	claims := openStore(t, url)
	const ch, ts = "CREL", "1900000001.000001"
	e := fakeslack.Mention("rel-1", "<@UBOT> skills", "U1", ch, ts, "")
	if err := fake.DeliverOn(0, e); err != nil {
		t.Fatal(err)
	}
	if !fake.WaitFor(wait, func() bool { return replies(fake)[ch+"/"+ts] == 1 }) {
		t.Fatal("A never answered")
	}
	a.idle(t)
	stalled.stalled.Store(true)
	fake.FailNext("chat.postMessage", failingPost()...)
	if err := fake.RetryOn(1, e); err != nil {
		t.Fatal(err)
	}
	if !fake.WaitFor(2*wait, func() bool { return strings.Contains(b.logs.String(), "post message failed") }) {
		t.Fatal("B's post never failed")
	}
	b.idle(t)
	if won, err := claims.Claim(t.Context(), messageKey(ch, ts), time.Minute); err != nil || won {
		t.Errorf("A's claim was released by a replica that answered without one (claim taken again: %v, %v)", won, err)
	}
}

// hungStore is a real store whose every call hangs until its context
// ends while hang is set, as PostgreSQL does behind a dead network path.
type hungStore struct {
	*store.Store
	hang  atomic.Bool
	calls atomic.Int64
}

func (h *hungStore) block(ctx context.Context) error {
	if !h.hang.Load() {
		return nil
	}
	h.calls.Add(1)
	<-ctx.Done()
	return ctx.Err()
}

func (h *hungStore) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if err := h.block(ctx); err != nil {
		return false, err
	}
	return h.Store.Claim(ctx, key, ttl)
}
func (h *hungStore) Welcome(ctx context.Context, user string, at time.Time) (bool, error) {
	if err := h.block(ctx); err != nil {
		return false, err
	}
	return h.Store.Welcome(ctx, user, at)
}
func (h *hungStore) Plan(ctx context.Context, user string) (store.Plan, bool, error) {
	if err := h.block(ctx); err != nil {
		return store.Plan{}, false, err
	}
	return h.Store.Plan(ctx, user)
}
func (h *hungStore) Recall(ctx context.Context, key string) ([]byte, bool, error) {
	if err := h.block(ctx); err != nil {
		return nil, false, err
	}
	return h.Store.Recall(ctx, key)
}
func (h *hungStore) Remember(ctx context.Context, key, user string, m []byte, at time.Time, ttl time.Duration) error {
	if err := h.block(ctx); err != nil {
		return err
	}
	return h.Store.Remember(ctx, key, user, m, at, ttl)
}
func (h *hungStore) RecordQuestion(ctx context.Context, a store.Asked) error {
	if err := h.block(ctx); err != nil {
		return err
	}
	return h.Store.RecordQuestion(ctx, a)
}

// TestHungStoreDoesNotSlowEveryDM: README: "If the store fails or is slow
// (500 ms), the bot answers without it for 5 s rather than not at all".
// With the store hung, every DM should be answered about as fast as
// without it once the outage is known.
func TestHungStoreDoesNotSlowEveryDM(t *testing.T) {
	t.Parallel()
	st := &hungStore{Store: openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))}
	h := startServerOn(t, fakeslack.New(), guidetest.Embedded(t), func(c *Config) {
		c.Claims, c.Memory, c.Plans, c.Questions = st, st, st, st
	})
	ask := func(i int) time.Duration {
		ch := fmt.Sprintf("DZZ%d", i)
		start := time.Now()
		h.send(t, fakeslack.DirectMessage(fmt.Sprint("EvZZ", i), "how do I get ready for a VP role?", fmt.Sprint("UZZ", i), ch, "1.1"))
		h.fake.WaitFor(wait, func() bool {
			for _, c := range h.fake.Calls() {
				if c.Method == "chat.postMessage" && c.Args["channel"] == ch && strings.Contains(blocksText(t, c.Args), "VP") {
					return true
				}
			}
			return false
		})
		return time.Since(start)
	}
	ask(0) // welcomed, with the store well
	h.idle(t)
	st.hang.Store(true)
	h.logs.Reset()
	var slow []time.Duration
	for i := 1; i <= 4; i++ {
		slow = append(slow, ask(i))
	}
	h.idle(t)
	if errs := strings.Count(h.logs.String(), `"level":"ERROR"`); errs > 4 {
		t.Errorf("%d ERROR lines for 4 DMs with the store hung: one failure each of the Claims, Memory and Plans is enough:\n%s", errs, h.logs.String())
	}
	for _, d := range slow[1:] {
		if d > time.Second {
			t.Errorf("a DM answered %v after it arrived during a known store outage", d)
		}
	}
}

// failingPost is a post's every try failing with a 500: its retries spent,
// it fails for good.
func failingPost() []int {
	statuses := make([]int, serverRetries+1)
	for i := range statuses {
		statuses[i] = 500
	}
	return statuses
}
