package bot

import (
	"encoding/json"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/index/quality"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/slack-go/slack/socketmode"
)

// slackAckDeadline is how long Slack waits for an ack before it shows the
// user an error (slash commands) or sends the event again.
const slackAckDeadline = 3 * time.Second

// TestHangingWebAPI makes chat.postMessage hang in one channel (rate
// limited, or Slack having an incident) and sends a burst of mentions
// there, then /director questions never asked before, then mentions in
// other channels. Every envelope is acked within Slack's 3 s, the mentions
// elsewhere are answered, the flood is refused beyond its queue (logged,
// counted and left unacked), and no goroutine waits per mention.
func TestHangingWebAPI(t *testing.T) {
	t.Parallel()
	mentions := 3000
	if testing.Short() {
		mentions = 1000
	}
	h := startServer(t)
	// Closing the fake first ends the hanging calls, so the shutdown at the
	// end of the test is quick.
	t.Cleanup(h.fake.Close)
	h.fake.Hang("chat.postMessage", "CHANG")
	goroutines := runtime.NumGoroutine()

	var ids []string
	for i := range mentions {
		e := fakeslack.Mention(fmt.Sprint("hang-", i), "<@UBOT> skills", "U1", "CHANG", fmt.Sprintf("1700000000.%06d", i+1), "")
		h.fake.Deliver(e)
		ids = append(ids, e.ID())
	}
	questions := newQuestions(t, 30)
	var slashIDs []string
	for _, q := range questions {
		e := h.fake.SlashCommand(q, "U1", "C1")
		h.fake.Deliver(e)
		slashIDs = append(slashIDs, e.ID())
	}
	elsewhere := 20
	for i := range elsewhere {
		e := fakeslack.Mention(fmt.Sprint("fast-", i), "<@UBOT> timeline", "U1", fmt.Sprint("CFAST", i), "1800000000.000001", "")
		h.fake.Deliver(e)
		ids = append(ids, e.ID())
	}
	ids = append(ids, slashIDs...)

	// A mention the full queue refused is left for Slack to send again.
	acks := map[string]fakeslack.Ack{}
	refused := func() float64 { return float64(webAPIRefused(h)) }
	if !h.fake.WaitFor(wait, func() bool {
		for _, a := range h.fake.Acks() {
			acks[a.EnvelopeID] = a
		}
		return len(acks)+int(refused()) >= len(ids)
	}) {
		t.Fatalf("%d of %d envelopes acked, %v refused", len(acks), len(ids), refused())
	}
	if unacked := len(ids) - len(acks); float64(unacked) != refused() || h.fake.Pending() != unacked {
		t.Errorf("%d envelopes unacked, %d pending, %v refused: want the refused ones alone left pending", unacked, h.fake.Pending(), refused())
	}
	var late int
	var slowest, slowestSlash time.Duration
	for _, id := range ids {
		a, ok := acks[id]
		if !ok {
			continue
		}
		d := a.Received.Sub(a.Sent)
		slowest = max(slowest, d)
		if slices.Contains(slashIDs, id) {
			slowestSlash = max(slowestSlash, d)
			if !strings.Contains(string(acks[id].Payload), `"blocks"`) {
				t.Errorf("slash ack without its answer: %.200s", acks[id].Payload)
			}
		}
		if d > slackAckDeadline {
			late++
		}
	}
	if late > 0 {
		t.Errorf("%d of %d acks later than %v (slowest %v)", late, len(ids), slackAckDeadline, slowest)
	}
	if !h.fake.WaitFor(wait, func() bool { return countPosts(h) >= elsewhere }) {
		t.Errorf("mentions in other channels waited behind the hanging one: %d of %d answered", countPosts(h), elsewhere)
	}
	// Parallel tests start goroutines too, so the bound is loose; a
	// goroutine per waiting mention would be about mentions-maxQueued more.
	extra := runtime.NumGoroutine() - goroutines
	if extra > mentions/3 {
		t.Errorf("%d more goroutines while %d mentions wait", extra, mentions)
	}
	if want := mentions - maxLaneQueued - 1; refused() < float64(want) {
		t.Errorf("refused %v mentions, want at least %d", refused(), want)
	}
	if !strings.Contains(h.logs.String(), `"queue full: work refused"`) {
		t.Error("no log line for the full queue")
	}
	t.Logf("%d mentions hanging, %d slash commands, %d elsewhere: slowest ack %v, slowest slash ack %v, %d late; %v refused; %d extra goroutines",
		mentions, len(questions), elsewhere, slowest, slowestSlash, late, refused(), extra)
}

// TestSlackSendsAgainWhatAFullQueueRefused refuses a mention, a DM and a
// click while their queues have no room: none is acked. Slack sends the
// events again, once there is room, and each is answered and acked once;
// it never sends a click again, but its user, shown Slack's error, can
// click again, and that click is answered.
func TestSlackSendsAgainWhatAFullQueueRefused(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	refused := func() int { return webAPIRefused(h) }
	thanks := func() int {
		n := 0
		for _, c := range h.fake.Calls() {
			if c.Method == "response_url" && c.Error == "" {
				n++
			}
		}
		return n
	}
	vote := func() fakeslack.Envelope {
		return h.fake.ButtonClick(blockkit.ActionFeedbackUp, "key-skill-sets", "U1", "CFULL", "1700000000.000009", false)
	}
	h.laneRoom(0)
	events := []fakeslack.Envelope{
		fakeslack.Mention("full-0", "<@UBOT> skills", "U1", "CFULL", "1700000000.000001", ""),
		fakeslack.DirectMessage("full-1", "timeline", "U1", "DFULL", "1700000000.000002"),
	}
	for _, e := range append(slices.Clone(events), vote()) {
		h.fake.Deliver(e)
	}
	if !h.fake.WaitFor(wait, func() bool { return refused() == 3 }) {
		t.Fatalf("%d of 3 refused", refused())
	}
	h.idle(t)
	if n := len(h.fake.Acks()); n > 0 || h.fake.Pending() != 3 || countPosts(h) > 0 || thanks() > 0 {
		t.Fatalf("%d acks, %d pending, %d answers: want the refused envelopes left pending", n, h.fake.Pending(), countPosts(h))
	}
	h.laneRoom(maxLaneQueued)
	// Slack sends the events again: the first retry, counted from the
	// first delivery, is due by now.
	h.fake.RetryLate(100*time.Millisecond, time.Second, 2*time.Second)
	h.send(t, vote())
	if !h.fake.WaitFor(wait, func() bool { return countPosts(h) >= len(events) && thanks() > 0 && len(h.fake.Acks()) == 3 }) {
		t.Fatalf("after Slack sent the events again and the user clicked again: %d answers, %d thanks, %d acks", countPosts(h), thanks(), len(h.fake.Acks()))
	}
	h.idle(t)
	if n, voted := countPosts(h), thanks(); n != len(events) || voted != 1 {
		t.Errorf("%d answers, %d thanks: want one for each event, one for the click", n, voted)
	}
}

// TestALateCommandAFullQueueRefusesGetsAnApology answers /director after
// its ack went out empty, while the Web API queue has no room for the
// answer: the asker, whom Slack sends no command again, is told so
// through the response_url.
func TestALateCommandAFullQueueRefusesGetsAnApology(t *testing.T) {
	t.Parallel()
	h := startServerOn(t, fakeslack.New(), guidetest.Embedded(t), func(c *Config) { c.LateAck = time.Nanosecond })
	h.laneRoom(0)
	e := h.fake.SlashCommand("What skills does a director need?", "U1", "C1")
	h.send(t, e)
	if ack := h.ackFor(t, e.ID()); len(ack.Payload) != 0 {
		t.Fatalf("ack %s, want it empty: the answer is late", ack.Payload)
	}
	sorry := blockkit.Sorry().Text
	if !h.fake.WaitFor(wait, func() bool {
		return slices.ContainsFunc(h.fake.Calls(), func(c fakeslack.Call) bool {
			return c.Method == "response_url" && c.Error == "" && c.Args["text"] == sorry
		})
	}) {
		t.Errorf("no apology through the response_url; refused %d, calls %+v", webAPIRefused(h), h.fake.Calls())
	}
}

// TestAHandedOverCommandAFullQueueRefusesGetsAnApology takes over a
// command another replica acked while this one's queue has no room: its
// asker is told so through the response_url, and it is counted once as
// refused by its lane and as a handoff dropped, not resumed.
func TestAHandedOverCommandAFullQueueRefusesGetsAnApology(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.laneRoom(0)
	e := h.fake.SlashCommand("What skills does a director need?", "U1", "C1")
	payload, err := json.Marshal(e["payload"])
	if err != nil {
		t.Fatal(err)
	}
	h.server.resume(store.Handoff{Type: socketmode.RequestTypeSlashCommands, Payload: payload, User: "U1", Received: time.Now()})
	sorry := blockkit.Sorry().Text
	if !slices.ContainsFunc(h.fake.Calls(), func(c fakeslack.Call) bool {
		return c.Method == "response_url" && c.Error == "" && c.Args["text"] == sorry
	}) {
		t.Errorf("no apology through the response_url; calls %+v", h.fake.Calls())
	}
	m := h.server.metrics
	counts := map[string]float64{
		"refused by the lane":  testutil.ToFloat64(m.queueFull.WithLabelValues("webapi")),
		"refused as a command": testutil.ToFloat64(m.queueFull.WithLabelValues("slash")),
		"dropped":              testutil.ToFloat64(m.handoffs.WithLabelValues(handoffDropped)),
		"resumed":              testutil.ToFloat64(m.handoffs.WithLabelValues(handoffResumed)),
	}
	want := map[string]float64{"refused by the lane": 1, "refused as a command": 0, "dropped": 1, "resumed": 0}
	if !maps.Equal(counts, want) {
		t.Errorf("counted %v; want %v", counts, want)
	}
}

// TestARefusedEventKeepsNoShutdownWaiting stops the bot right after a
// full queue refused a mention: the envelope left unacked on purpose is
// not one shutdown waits for.
func TestARefusedEventKeepsNoShutdownWaiting(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.laneRoom(0)
	h.fake.Deliver(fakeslack.Mention("refused-0", "<@UBOT> skills", "U1", "CFULL", "1700000000.000001", ""))
	if !h.fake.WaitFor(wait, func() bool { return webAPIRefused(h) == 1 }) {
		t.Fatal("the mention was not refused")
	}
	if _, err := h.stop(t); err != nil {
		t.Fatal(err)
	}
	if logs := h.logs.String(); strings.Contains(logs, "closing with envelopes not acked") || !strings.Contains(logs, `"msg":"connection closed","envelopes_read":1,"unacked":0`) {
		t.Errorf("shutdown waited for the declined envelope:\n%s", logs)
	}
}

// laneRoom sets how much work each lane of the server may queue.
func (h *harness) laneRoom(n int) {
	h.server.lanes.mu.Lock()
	defer h.server.lanes.mu.Unlock()
	h.server.lanes.laneCap = n
}

// webAPIRefused counts the Web API work a full queue refused.
func webAPIRefused(h *harness) int {
	return int(testutil.ToFloat64(h.server.metrics.queueFull.WithLabelValues("webapi")))
}

// newQuestions returns n questions of the question set, none asked before
// in this server.
func newQuestions(t *testing.T, n int) []string {
	t.Helper()
	cases, err := quality.LoadSet("../index/testdata/questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	seen := map[string]bool{}
	for _, q := range quality.Questions(cases) {
		if !seen[q] && len(qs) < n {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	if len(qs) < n {
		t.Fatalf("only %d questions", len(qs))
	}
	return qs
}
