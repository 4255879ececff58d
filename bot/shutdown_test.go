package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/slack-go/slack/socketmode"
)

// TestShutdownMidBurstLosesNoAck stops replica A (SIGTERM) in the middle of
// a burst of mentions and /director commands that Slack writes to A's
// connection while it is open, and to B's once A's is closed; like Slack,
// the fake sends the events A never acked to B. Every envelope A read is
// acked, A's Run returns nil within its bounds, and every event is answered
// exactly once, by A or by B.
func TestShutdownMidBurstLosesNoAck(t *testing.T) {
	t.Parallel()
	url := sqliteURL(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	fake.RetryOnClose()
	a := startReplica(t, fake, openStore(t, url))
	var readMu sync.Mutex
	readByA := map[string]bool{}
	a.server.gates.onRead = func(id string) {
		readMu.Lock()
		readByA[id] = true
		readMu.Unlock()
	}
	startReplica(t, fake, openStore(t, url))
	const connA, connB = 0, 1

	const burst, stopAt = 600, 200
	var envelopes []fakeslack.Envelope
	where := map[string]string{}
	for i := range burst {
		if i%3 == 2 {
			envelopes = append(envelopes, fake.SlashCommand("skills", "U1", "C1"))
			continue
		}
		// A channel each: one channel's posts are held to about one a
		// second (TestBusyChannelLosesNoAnswer).
		channel := fmt.Sprint("C", i)
		ts := fmt.Sprintf("1700000000.%06d", i+1)
		e := fakeslack.Mention(fmt.Sprint("burst-", i), "<@UBOT> skills", "U1", channel, ts, "")
		envelopes = append(envelopes, e)
		where[e.ID()] = channel + "/" + ts
	}
	var stopped chan struct{}
	var stopErr error
	var stopTook time.Duration
	toA, toB := 0, 0
	for i, e := range envelopes {
		if i == stopAt {
			stopped = make(chan struct{})
			go func() {
				stopTook, stopErr = a.stop(t)
				close(stopped)
			}()
		}
		// Slack writes to A while its connection is open, else to B.
		if fake.DeliverOn(connA, e) == nil {
			toA++
		} else if err := fake.DeliverOn(connB, e); err != nil {
			t.Fatal(err)
		} else {
			toB++
		}
		time.Sleep(200 * time.Microsecond)
	}
	<-stopped
	if stopErr != nil {
		t.Errorf("Run returned %v", stopErr)
	}
	if bound := settleTimeout + drainTimeout; stopTook > bound {
		t.Errorf("shutdown took %v, more than %v", stopTook, bound)
	}

	readMu.Lock()
	read := len(readByA)
	var unacked []string
	for id := range readByA {
		if n, _ := ackedTimes(fake, id); n == 0 {
			unacked = append(unacked, id)
		}
	}
	readMu.Unlock()
	if len(unacked) > 0 {
		t.Errorf("%d of the %d envelopes A read were never acked: %v", len(unacked), read, unacked)
	}
	// Every event is answered once, by A (it read it) or by B (Slack sent
	// it again, or there in the first place).
	if !fake.WaitFor(2*wait, func() bool {
		got := replies(fake)
		for _, w := range where {
			if got[w] == 0 {
				return false
			}
		}
		return true
	}) {
		t.Error("not every event was answered")
	}
	time.Sleep(300 * time.Millisecond)
	got := replies(fake)
	for id, w := range where {
		if got[w] != 1 {
			t.Errorf("%s answered %d times", id, got[w])
		}
	}
	// Slack does not retry a command that was pending on a connection when
	// it closed: only commands A never read may be among them.
	lost := fake.Lost()
	readMu.Lock()
	for _, e := range lost {
		if readByA[e.ID()] {
			t.Errorf("%s was read by A and lost", e.ID())
		}
	}
	readMu.Unlock()
	var closed struct {
		CaughtUp string `json:"caught_up"`
		Took     string `json:"took"`
	}
	for _, line := range strings.Split(a.logs.String(), "\n") {
		if strings.Contains(line, `"connection closed"`) {
			_ = json.Unmarshal([]byte(line), &closed)
		}
	}
	t.Logf("burst of %d, SIGTERM after %d: %d written to A, %d to B; A read %d, all acked; caught up in %s, connection closed %s after SIGTERM, Run returned after %v; %d commands written to A and never read (Slack does not retry those)",
		burst, stopAt, toA, toB, read, closed.CaughtUp, closed.Took, stopTook.Round(time.Microsecond), len(lost))
}

// TestShutdownHandsQueuedRepliesOver stops a replica while a busy
// channel's answers wait their turn (Slack posts about one a second to a
// channel). Their mentions were acked, so Slack will not send them again:
// with a store, the replies still queued when the drain gives up, and the
// one it cut short, are kept there, and the next start answers every one,
// once; without one they are lost, and the log says how many.
func TestShutdownHandsQueuedRepliesOver(t *testing.T) {
	t.Parallel()
	for _, kept := range []bool{true, false} {
		t.Run(fmt.Sprint("store ", kept), func(t *testing.T) {
			t.Parallel()
			fake := fakeslack.New()
			t.Cleanup(fake.Close)
			url := sqliteURL(t)
			var claims Claims
			if kept {
				claims = openStore(t, url)
			}
			a := startReplica(t, fake, claims)
			// More than the burst and the drain's ten seconds let through.
			const mentions = 30
			var ids []string
			for i := range mentions {
				e := fakeslack.Mention(fmt.Sprint("queued-", i), "<@UBOT> skills", "U1", "CBUSY", fmt.Sprintf("1700000000.%06d", i+1), "")
				if err := fake.DeliverOn(0, e); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, e.ID())
			}
			if !fake.WaitFor(wait, func() bool {
				for _, id := range ids {
					if n, _ := ackedTimes(fake, id); n == 0 {
						return false
					}
				}
				return true
			}) {
				t.Fatal("not every mention was acked")
			}
			if _, err := a.stop(t); err != nil {
				t.Fatal(err)
			}
			msg := "dropped the replies still queued at shutdown"
			if kept {
				msg = "handed the queued replies over to the other replicas"
			}
			m := regexp.MustCompile(`"msg":"` + msg + `","replies":(\d+)`).FindStringSubmatch(a.logs.String())
			if m == nil {
				t.Fatalf("A's logs lack %q:\n%s", msg, a.logs.String())
			}
			left, _ := strconv.Atoi(m[1])
			// The reply that was running is among them: A posts nothing
			// after Run returned.
			time.Sleep(2 * time.Second)
			if n := len(replies(fake)); n+left != mentions {
				t.Fatalf("A answered %d and logged %d as %q, of %d mentions", n, left, msg, mentions)
			}
			if !kept {
				return
			}
			startReplica(t, fake, openStore(t, url))
			deadline := 2*time.Duration(left)*time.Second + wait
			if !fake.WaitFor(deadline, func() bool { return len(replies(fake)) >= mentions }) {
				t.Fatalf("after %v: %d of %d mentions answered, %d handed over", deadline, len(replies(fake)), mentions, left)
			}
			time.Sleep(1500 * time.Millisecond) // time for a second answer to arrive, at one post a second
			for where, n := range replies(fake) {
				if n != 1 {
					t.Errorf("%s answered %d times", where, n)
				}
			}
			t.Logf("A answered %d mentions and handed %d over", mentions-left, left)
		})
	}
}

// TestShutdownHandsOverAReplyCutShort stops a replica while its post to a
// channel hangs (Slack in trouble) and two more mentions there wait behind
// it: shutdown cuts the hanging post short once the drain gives up, and
// hands the two waiting over, in the order they came. The one cut short
// is not: Slack had its request, and may have posted it (as the fake
// does, after HangAfter), so posted again it would come twice.
func TestShutdownHandsOverAReplyCutShort(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	url := sqliteURL(t)
	st := openStore(t, url)
	a := startReplica(t, fake, st)
	fake.HangAfter("chat.postMessage", "CHANG")
	for i := range 3 {
		if err := fake.DeliverOn(0, fakeslack.Mention(fmt.Sprint("hung-", i), "<@UBOT> skills", "U1", "CHANG", fmt.Sprintf("1700000000.%06d", i+1), "")); err != nil {
			t.Fatal(err)
		}
	}
	if !fake.WaitFor(wait, func() bool { return len(fake.Acks()) == 3 }) {
		t.Fatal("the mentions were not acked")
	}
	took, err := a.stop(t)
	if err != nil {
		t.Fatal(err)
	}
	if bound := settleTimeout + drainTimeout + 2*handoffTimeout; took > bound {
		t.Errorf("shutdown took %v, more than %v", took, bound)
	}
	for _, want := range []string{
		`"msg":"handed the queued replies over to the other replicas","replies":2`,
		`"msg":"post message failed (cut short at shutdown)","channel":"CHANG","sent":"maybe: Slack had the request and did not say it was refused"`,
		`"msg":"did not hand a reply over: Slack may have it","handler":"mention"`,
	} {
		if !strings.Contains(a.logs.String(), want) {
			t.Errorf("A's logs lack %s:\n%s", want, a.logs.String())
		}
	}
	hs, err := st.TakeHandoffs(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hs {
		got = append(got, string(h.Payload))
	}
	if len(got) != 2 || !strings.Contains(got[0], `"ts":"1700000000.000002"`) || !strings.Contains(got[1], `"ts":"1700000000.000003"`) {
		t.Errorf("handed over %d: %.300s; want the 2 waiting, in order", len(got), got)
	}
	for _, p := range got {
		if strings.Contains(p, "verification-token") {
			t.Errorf("a handoff keeps Slack's verification token: %.300s", p)
		}
	}
}

// TestShutdownHandsOverNothingTwiceOrForgotten stops a replica while
// posts hang, holding work it must not hand over: a plan asked for in a
// channel whose reply went to the person's DM before its note in the
// channel hung (run again elsewhere, the DM would come twice), and two
// DMs of a person who then asked to be forgotten: the first one's reply
// hangs, and Slack may have it; the second waits (run elsewhere, it would
// keep again what the forget deleted). It hands over nothing, and says
// why.
func TestShutdownHandsOverNothingTwiceOrForgotten(t *testing.T) {
	t.Parallel()
	fake, st, a := startStored(t)
	fake.HangAfter("chat.postMessage", "CHANG")
	if err := fake.DeliverOn(0, fakeslack.Mention("plan-in-channel", "<@UBOT> build my plan", "U1", "CHANG", "1700000000.000001", "")); err != nil {
		t.Fatal(err)
	}
	dmsToU1 := func() int {
		n := 0
		for _, c := range fake.Calls() {
			if c.Method == "chat.postMessage" && c.Args["channel"] == "U1" && c.Error == "" {
				n++
			}
		}
		return n
	}
	if !fake.WaitFor(wait, func() bool { return dmsToU1() == 1 }) {
		t.Fatal("a plan asked for in a channel never came in the DM")
	}
	// U2's DMs: the first hangs, the second waits behind it; then U2 is
	// forgotten.
	fake.HangAfter("chat.postMessage", "D2")
	for i, text := range []string{"skills", "timeline"} {
		if err := fake.DeliverOn(0, fakeslack.DirectMessage(fmt.Sprint("dm-", i), text, "U2", "D2", fmt.Sprintf("1700000001.%06d", i+1))); err != nil {
			t.Fatal(err)
		}
	}
	forget := fake.SlashCommand("forget me", "U2", "C1")
	if err := fake.DeliverOn(0, forget); err != nil {
		t.Fatal(err)
	}
	a.ackFor(t, forget.ID())
	if _, err := a.stop(t); err != nil {
		t.Fatal(err)
	}
	if hs, err := st.TakeHandoffs(t.Context(), 10); err != nil || len(hs) != 0 {
		t.Errorf("handed over %d (%v); want none", len(hs), err)
	}
	if want := `"msg":"dropped the replies still queued at shutdown","replies":1,"by_work":{"forgotten":1}`; !strings.Contains(a.logs.String(), want) {
		t.Errorf("A's logs lack %s:\n%s", want, a.logs.String())
	}
	if n := dmsToU1(); n != 1 {
		t.Errorf("U1 got %d DMs for one plan", n)
	}
}

// TestShutdownHandsALateCommandOver: a /director answer too late for its
// ack goes to the command's response_url; when shutdown leaves that post
// queued (here behind others that Slack posts but never answers) the
// command, acked, would be lost. It is handed over, and the next start
// posts the answer to the response_url, once, without acking the envelope
// again (startReplica checks that no replica sends an ack without an
// envelope). A post Slack had when shutdown cut it short, or its own
// timeout ended it, is not handed over: Slack posted it, and it would come
// twice. One cut short before it was written is handed over. Either way,
// each command is answered once.
func TestShutdownHandsALateCommandOver(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	url := sqliteURL(t)
	late := func(c *Config) { c.LateAck = time.Nanosecond }
	a := startReplica(t, fake, openStore(t, url), late)
	// All wait in the asker's lane: one runs and hangs, then another, and
	// the last is still queued when the drain gives up.
	var cmds []fakeslack.Envelope
	var ids []string
	for _, text := range []string{"skills", "timeline", "pitfalls"} {
		cmd := fake.SlashCommand(text, "U1", "C1")
		id := path.Base(cmd["payload"].(map[string]any)["response_url"].(string))
		fake.HangAfter("response_url", id)
		if err := fake.DeliverOn(0, cmd); err != nil {
			t.Fatal(err)
		}
		cmds, ids = append(cmds, cmd), append(ids, id)
	}
	if !fake.WaitFor(wait, func() bool {
		for _, cmd := range cmds {
			if n, _ := ackedTimes(fake, cmd.ID()); n == 0 {
				return false
			}
		}
		return true
	}) {
		t.Fatal("the commands were not acked")
	}
	if _, err := a.stop(t); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`"msg":"handed the queued replies over to the other replicas","replies":[12]\b`).MatchString(a.logs.String()) {
		t.Errorf("A did not hand the command still queued over:\n%s", a.logs.String())
	}
	if !strings.Contains(a.logs.String(), `"sent":"maybe: Slack had the request and did not say it was refused"`) {
		t.Errorf("A's logs do not say Slack may have a reply it never answered:\n%s", a.logs.String())
	}
	for _, id := range ids {
		fake.Unhang("response_url", id)
	}
	startReplica(t, fake, openStore(t, url), late)
	answered := func() map[string]int {
		n := map[string]int{}
		for _, c := range fake.Calls() {
			if id, _ := c.Args["response_url_id"].(string); c.Method == "response_url" && c.Error == "" {
				n[id]++
			}
		}
		return n
	}
	if !fake.WaitFor(wait, func() bool { return len(answered()) == len(ids) }) {
		t.Fatalf("answers by response_url: %v; want all %d commands answered", answered(), len(ids))
	}
	time.Sleep(handoffPoll + 500*time.Millisecond)
	for id, n := range answered() {
		if n != 1 {
			t.Errorf("%s answered %d times; want once", id, n)
		}
	}
	for _, cmd := range cmds {
		if acks, withPayload := ackedTimes(fake, cmd.ID()); acks != 1 || withPayload != 0 {
			t.Errorf("a command was acked %d times, %d with a payload; want once, empty", acks, withPayload)
		}
	}
}

// TestShutdownLeavesTheConversationAsItFoundIt: "tell me more" cut short
// at shutdown, before Slack answered its reply, leaves the conversation's
// memory as it was: what a replica that takes it over, or the next "tell
// me more", reads shows the step the first would have, not the one after
// it.
func TestShutdownLeavesTheConversationAsItFoundIt(t *testing.T) {
	t.Parallel()
	fake, st, a := startStored(t)
	if err := fake.DeliverOn(0, fakeslack.Mention("question", "<@UBOT> how many engineers does a director usually manage?", "U1", "C1", "5.1", "")); err != nil {
		t.Fatal(err)
	}
	a.callsTo(t, "chat.postMessage", 1)
	a.idle(t)
	key := conversationKey("C1", "5.1")
	before, _, err := st.Recall(t.Context(), key)
	if err != nil || before == nil {
		t.Fatalf("the answer's conversation was not remembered: %s, %v", before, err)
	}
	fake.Hang("chat.postMessage", "C1")
	more := fakeslack.Mention("more", "<@UBOT> tell me more", "U1", "C1", "5.2", "5.1")
	if err := fake.DeliverOn(0, more); err != nil {
		t.Fatal(err)
	}
	if !fake.WaitFor(wait, func() bool { n, _ := ackedTimes(fake, more.ID()); return n > 0 }) {
		t.Fatal("tell me more was not acked")
	}
	if _, err := a.stop(t); err != nil {
		t.Fatal(err)
	}
	if after, _, err := st.Recall(t.Context(), key); err != nil || string(after) != string(before) {
		t.Errorf("a reply never sent moved the conversation on:\nbefore %s\nafter  %s (%v)", before, after, err)
	}
}

// startStored runs a replica on a new fake Slack, which it closes at the
// end of the test, with a new SQLite store, as serve keeps one.
func startStored(t testing.TB) (*fakeslack.Slack, *store.Store, *harness) {
	t.Helper()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "directorbot.db"))
	return fake, st, startReplica(t, fake, st)
}

// TestHandoffOfAnEventSeenHere: Slack sent a mention again to replica B
// (A's ack was late), and B lost its claim to A. A, cut short at shutdown,
// then hands the reply over, and B takes it: B answers it, though its
// repeat filter has seen the event.
func TestHandoffOfAnEventSeenHere(t *testing.T) {
	t.Parallel()
	fake, st, b := startStored(t)
	const channel, ts = "CSEEN", "1700000000.000001"
	e := fakeslack.Mention("seen-then-handed", "<@UBOT> skills", "U1", channel, ts, "")
	key := messageKey(channel, ts)
	if took, err := st.Claim(t.Context(), key, claimTTL); !took || err != nil {
		t.Fatalf("A's claim: %v, %v", took, err)
	}
	b.send(t, e)
	b.ackFor(t, e.ID())
	b.idle(t)
	if n := len(replies(fake)); n != 0 {
		t.Fatalf("B answered %d times a mention A had claimed", n)
	}
	payload, err := json.Marshal(e["payload"])
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Release(t.Context(), key); err != nil {
		t.Fatal(err)
	}
	if err := st.PutHandoffs(t.Context(), []store.Handoff{{Type: "events_api", Payload: payload, User: "U1", Received: time.Now()}}); err != nil {
		t.Fatal(err)
	}
	if !fake.WaitFor(2*handoffPoll+wait, func() bool { return len(replies(fake)) > 0 }) {
		t.Fatal("B never answered the reply handed over")
	}
	time.Sleep(300 * time.Millisecond) // time for a second answer to arrive
	if got := replies(fake); got[channel+"/"+ts] != 1 || len(got) != 1 {
		t.Errorf("replies %v, want one in the mention's thread", got)
	}
}

// TestWorkAfterTheLanesCloseIsHandedOver: work queued once shutdown has
// closed the lanes (an event's reply queued late, a /director answer
// finishing late) goes to the other replicas, as the work still queued
// then does, rather than being refused as if the queue were full: with a
// store it is kept there and in hand, its claim released for the replica
// that takes it; without one it is dropped, logged as such, and not in
// hand, so that its event is not acked and Slack sends it again.
func TestWorkAfterTheLanesCloseIsHandedOver(t *testing.T) {
	t.Parallel()
	for _, kept := range []bool{true, false} {
		t.Run(fmt.Sprint("store ", kept), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			logs := &syncBuffer{}
			cfg := Config{AppToken: "xapp-1-A1-secret", BotToken: "xoxb-secret", Logger: slog.New(slog.NewJSONHandler(logs, nil))}
			late := task{name: "mention", lane: "C1", handoff: &store.Handoff{Type: "events_api", Payload: []byte(`{"event_id":"Ev1"}`), User: "U1", Received: time.Now()}, do: func(context.Context) {
				t.Error("a task ran after the lanes closed")
			}}
			var st *store.Store
			if kept {
				st = openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "directorbot.db"))
				cfg.Claims, cfg.Handoffs = st, st
				if won, err := st.Claim(ctx, "event:Ev1", time.Hour); err != nil || !won {
					t.Fatalf("claim: %v, %v", won, err)
				}
				late.claim, late.held = "event:Ev1", true
			}
			srv := NewServer(cfg, guidetest.Embedded(t))
			srv.lanes.close()
			if got := srv.enqueue(late); got != kept {
				t.Errorf("enqueue after close = %v, want %v", got, kept)
			}
			if n := testutil.ToFloat64(srv.metrics.queueFull.WithLabelValues("webapi")); n != 0 {
				t.Errorf("work after close counted %v times as a full queue", n)
			}
			if !kept {
				if !strings.Contains(logs.String(), `"msg":"dropped the replies still queued at shutdown"`) {
					t.Errorf("the dropped reply is not logged:\n%s", logs.String())
				}
				return
			}
			hs, err := st.TakeHandoffs(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(hs) != 1 || hs[0].User != "U1" {
				t.Errorf("handoffs kept %+v, want the late reply", hs)
			}
			if won, err := st.Claim(ctx, "event:Ev1", time.Hour); err != nil || !won {
				t.Errorf("the late reply's claim was not released for the replica taking it: %v, %v", won, err)
			}
		})
	}
}

// refusingRelease is a store whose claims cannot be released.
type refusingRelease struct{ *store.Store }

func (refusingRelease) Release(context.Context, string) error { return errors.New("store unreachable") }

// TestAReplyWhoseClaimStaysIsNotHandedOver: at shutdown, a queued reply
// whose claim the store would not release is not handed over, for its
// claim would keep the replica that takes it from answering: it is
// counted and logged as dropped, not as handed over.
func TestAReplyWhoseClaimStaysIsNotHandedOver(t *testing.T) {
	t.Parallel()
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "directorbot.db"))
	srv := NewServer(Config{AppToken: "xapp-1", BotToken: "xoxb-1", Claims: refusingRelease{st}, Handoffs: st, Logger: slog.New(slog.DiscardHandler)}, guidetest.Embedded(t))
	from := &store.Handoff{Type: socketmode.RequestTypeEventsAPI, Payload: []byte(`{}`), User: "U1", Received: time.Now()}
	if settled := srv.handOver([]task{{name: "answer", claim: "msg:C1:1.1", held: true, handoff: from}}); settled != 0 {
		t.Errorf("%d replies settled, want none", settled)
	}
	if hs, err := st.TakeHandoffs(t.Context(), 10); err != nil || len(hs) != 0 {
		t.Errorf("handed over %d replies (%v), want none", len(hs), err)
	}
	if n := testutil.ToFloat64(srv.metrics.handoffs.WithLabelValues(handoffDropped)); n != 1 {
		t.Errorf("%v replies counted as dropped, want 1", n)
	}
}

// TestAReplyCutShortWhoseClaimStaysIsNotHandedOver: a reply that shutdown
// cut short before any of it reached Slack is handed over only once its
// claim is released; when the store would not release it, the reply is
// dropped, counted and logged as such, and nothing is kept to hand over.
func TestAReplyCutShortWhoseClaimStaysIsNotHandedOver(t *testing.T) {
	t.Parallel()
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "directorbot.db"))
	for _, tc := range []struct {
		name    string
		claims  Claims
		dropped float64
		kept    int
	}{
		{"released", st, 0, 1},
		{"kept by the store", refusingRelease{st}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs bytes.Buffer
			srv := NewServer(Config{AppToken: "xapp-1", BotToken: "xoxb-1", Claims: tc.claims, Handoffs: st, Logger: slog.New(slog.NewJSONHandler(&logs, nil))}, guidetest.Embedded(t))
			srv.stopRunning()
			claim := "msg:C1:" + strings.ReplaceAll(tc.name, " ", "-")
			if won, err := st.Claim(t.Context(), claim, time.Hour); err != nil || !won {
				t.Fatalf("claim: %v, %v", won, err)
			}
			srv.failed(task{name: "answer", claim: claim, held: true, handoff: &store.Handoff{}}, true, &outcome{})
			if n := testutil.ToFloat64(srv.metrics.handoffs.WithLabelValues(handoffDropped)); n != tc.dropped {
				t.Errorf("%v replies counted as dropped, want %v", n, tc.dropped)
			}
			if kept := srv.interrupted.take(); len(kept) != tc.kept || tc.kept > 0 && kept[0].held {
				t.Errorf("kept to hand over %+v, want %d, its claim not held", kept, tc.kept)
			}
			if tc.dropped > 0 && !strings.Contains(logs.String(), "its claim could not be released") {
				t.Errorf("the drop is not logged:\n%s", logs.String())
			}
		})
	}
}

// TestRepeatedFailuresAreLoggedOnce: a failure met every poll (the store
// down while the replies handed over are taken) is logged when it begins,
// then once a minute while it goes on, and its end once.
func TestRepeatedFailuresAreLoggedOnce(t *testing.T) {
	t.Parallel()
	var f failureLog
	start := time.Now()
	for _, tc := range []struct {
		after time.Duration
		due   bool
	}{{0, true}, {2 * time.Second, false}, {59 * time.Second, false}, {61 * time.Second, true}, {63 * time.Second, false}} {
		if got := f.due(start.Add(tc.after)); got != tc.due {
			t.Errorf("failing after %v: logged %v, want %v", tc.after, got, tc.due)
		}
	}
	if !f.over() || f.over() {
		t.Error("the end of a failure is not logged once")
	}
	if !f.due(start.Add(64 * time.Second)) {
		t.Error("a failure after the last ended is not logged")
	}
}
