package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

const wait = 10 * time.Second

// syncBuffer collects logs from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness runs the real server against a fake Slack.
type harness struct {
	fake   *fakeslack.Slack
	server *Server
	cancel context.CancelFunc
	done   chan error
	logs   *syncBuffer
}

// startServer runs the server on the embedded guide.
func startServer(t testing.TB) *harness {
	t.Helper()
	return startServerWith(t, guidetest.Embedded(t))
}

// startServerWith runs the server on the guide ix indexes.
func startServerWith(t testing.TB, ix *index.Index) *harness {
	t.Helper()
	return startServerOn(t, fakeslack.New(), ix)
}

// startServerOn runs the server against a given fake, which it closes at
// the end of the test, with its configuration changed by edits.
func startServerOn(t testing.TB, fake *fakeslack.Slack, ix *index.Index, edits ...func(*Config)) *harness {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		AppToken: "xapp-1-A1-secret-app-token",
		BotToken: "xoxb-secret-bot-token",
		APIURL:   fake.APIURL(),
		Logger:   slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	for _, edit := range edits {
		edit(&cfg)
	}
	srv := NewServer(cfg, ix)
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{fake: fake, server: srv, cancel: cancel, done: make(chan error, 1), logs: logs}
	go func() { h.done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-h.done
		fake.Close()
		for _, tok := range []string{"secret-app-token", "secret-bot-token"} {
			if strings.Contains(logs.String(), tok) {
				t.Errorf("a token appears in the logs")
			}
		}
		if n := fake.Strays(); n != 0 {
			t.Errorf("the bot sent %d Socket Mode messages that ack no envelope", n)
		}
		// Every reply the bot sent must be one Slack accepts.
		refusals := fake.Refusals()
		for i, r := range refusals {
			if i == 5 {
				t.Errorf("and %d more refusals", len(refusals)-i)
				break
			}
			t.Errorf("Slack refuses a reply: %s", r)
		}
	})
	if !fake.WaitFor(wait, func() bool { return fake.Connections() > 0 }) {
		t.Fatalf("bot never connected; logs:\n%s", logs.String())
	}
	return h
}

// idle waits until the server has no Web API work queued or running: a
// reply's post is seen before the task that sent it ends, and what it
// does after the post (remember the conversation) is done by then.
func (h *harness) idle(t testing.TB) {
	t.Helper()
	if !h.fake.WaitFor(wait, func() bool { queued, running := h.server.lanes.depth(); return queued == 0 && running == 0 }) {
		t.Fatal("the server never went idle")
	}
}

func (h *harness) send(t testing.TB, e fakeslack.Envelope) {
	t.Helper()
	if err := h.fake.Send(e); err != nil {
		t.Fatal(err)
	}
}

func (h *harness) ackFor(t testing.TB, id string) fakeslack.Ack {
	t.Helper()
	var found fakeslack.Ack
	ok := h.fake.WaitFor(wait, func() bool {
		for _, a := range h.fake.Acks() {
			if a.EnvelopeID == id {
				found = a
				return true
			}
		}
		return false
	})
	if !ok {
		t.Fatalf("envelope %s never acked", id)
	}
	return found
}

// slash sends /director with the text and returns the ack's payload.
func (h *harness) slash(t testing.TB, text string) string {
	t.Helper()
	return h.slashIn(t, text, "C1")
}

// slashIn sends a /director command from U1 in a conversation and returns
// its ack's payload.
func (h *harness) slashIn(t testing.TB, text, channel string) string {
	t.Helper()
	e := h.fake.SlashCommand(text, "U1", channel)
	h.send(t, e)
	return string(h.ackFor(t, e.ID()).Payload)
}

// callsTo waits until at least n calls of method were made, then returns
// them all.
func (h *harness) callsTo(t *testing.T, method string, n int) []fakeslack.Call {
	t.Helper()
	var got []fakeslack.Call
	h.fake.WaitFor(wait, func() bool {
		got = got[:0]
		for _, c := range h.fake.Calls() {
			if c.Method == method {
				got = append(got, c)
			}
		}
		return len(got) >= n
	})
	if len(got) < n {
		t.Fatalf("want %d %s calls, got %d", n, method, len(got))
	}
	return got
}

func blocksText(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func TestSlashCommandAckCarriesAnswer(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	env := h.fake.SlashCommand("skills", "U1", "C1")
	h.send(t, env)
	ack := h.ackFor(t, env.ID())
	var reply map[string]any
	if err := json.Unmarshal(ack.Payload, &reply); err != nil {
		t.Fatalf("ack payload: %v (%s)", err, ack.Payload)
	}
	if reply["response_type"] != "ephemeral" || !strings.Contains(blocksText(t, reply["blocks"]), `"Key Skill Sets"`) {
		t.Errorf("ack payload = %s", ack.Payload)
	}
	if got := h.slash(t, ""); !strings.Contains(got, "How to ask") {
		t.Errorf("empty /director should give help: %s", got)
	}
}

func TestMentionRepliesInThreadOnce(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	first := fakeslack.Mention("Ev1", "<@UBOT> how is a VP different?", "U1", "C1", "1700000000.000100", "")
	h.send(t, first)
	h.ackFor(t, first.ID())
	// Slack redelivers the same event in a new envelope, and fires a new
	// app_mention when the message is edited: each is answered once.
	h.send(t, fakeslack.Mention("Ev1", "<@UBOT> how is a VP different?", "U1", "C1", "1700000000.000100", ""))
	h.send(t, fakeslack.Mention("Ev1-edit", "<@UBOT> how is a VP different, really?", "U1", "C1", "1700000000.000100", ""))
	inThread := fakeslack.Mention("Ev2", "<@UBOT> budget authority", "U1", "C1", "1700000000.000300", "1700000000.000200")
	h.send(t, inThread)
	h.callsTo(t, "chat.postMessage", 2)
	// Give a wrongly answered repeat time to arrive before counting.
	time.Sleep(300 * time.Millisecond)
	calls := h.callsTo(t, "chat.postMessage", 2)
	if len(calls) != 2 {
		t.Fatalf("want 2 replies, got %d", len(calls))
	}
	byThread := map[any]fakeslack.Call{}
	for _, c := range calls {
		byThread[c.Args["thread_ts"]] = c
	}
	if _, ok := byThread["1700000000.000100"]; !ok {
		t.Errorf("reply not threaded under the mention: %v", calls)
	}
	if c, ok := byThread["1700000000.000200"]; !ok || !strings.Contains(c.Args["blocks"].(string), "Budget authority") {
		t.Errorf("reply to a mention in a thread not in that thread: %v", calls)
	}
}

// TestEditedMentions: Slack fires app_mention again when a message is
// edited. An edit is answered only when its message was not answered
// before, and only while the bot can still tell.
func TestEditedMentions(t *testing.T) {
	t.Parallel()
	now := time.Now()
	recent := fmt.Sprintf("%d.000100", now.Add(-time.Minute).Unix())
	old := fmt.Sprintf("%d.000100", now.Add(-time.Hour).Unix())
	tests := []struct {
		name    string
		sent    []fakeslack.Envelope
		replies int
	}{
		{"a typo fixed in an answered question", []fakeslack.Envelope{
			fakeslack.Mention("Ev1", "<@UBOT> how is a VP diferent?", "U1", "C1", recent, ""),
			fakeslack.EditedMention("Ev2", "<@UBOT> how is a VP different?", "U1", "C1", recent, now),
		}, 1},
		{"the mention added by an edit", []fakeslack.Envelope{
			fakeslack.EditedMention("Ev3", "<@UBOT> how is a VP different?", "U1", "C1", recent, now),
		}, 1},
		// The repeat filter has forgotten the message by then: it may have
		// been answered.
		{"an hour-old message edited", []fakeslack.Envelope{
			fakeslack.EditedMention("Ev4", "<@UBOT> how is a VP different?", "U1", "C1", old, now),
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := startServer(t)
			for _, e := range tt.sent {
				h.send(t, e)
				h.ackFor(t, e.ID())
				h.idle(t)
			}
			// Give a wrongly answered edit time to arrive before counting.
			time.Sleep(300 * time.Millisecond)
			h.idle(t)
			if got := len(h.callsTo(t, "chat.postMessage", tt.replies)); got != tt.replies {
				t.Errorf("%d replies, want %d", got, tt.replies)
			}
		})
	}
}

// TestFilesAloneInADM: a DM of a file without words is told the bot
// reads no files, not welcomed as if it said hello.
func TestFilesAloneInADM(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.send(t, fakeslack.Event("EvF1", map[string]any{"type": "message", "subtype": "file_share", "channel": "D1", "user": "U1",
		"text": "", "ts": "1.7", "event_ts": "1.7", "channel_type": "im", "files": []any{map[string]any{"id": "F1", "name": "org.png"}}}))
	if got := h.callsTo(t, "chat.postMessage", 1)[0].Args["blocks"].(string); !strings.Contains(got, "can't open files") {
		t.Errorf("a file alone got %.300s", got)
	}
}

func TestDirectMessagesAndIgnoredMessages(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	bot := fakeslack.Event("Ev3", map[string]any{"type": "message", "channel": "D1", "bot_id": "B9", "text": "skills", "ts": "1.1", "channel_type": "im"})
	self := fakeslack.DirectMessage("Ev4", "skills", fakeslack.BotUserID, "D1", "1.2")
	edited := fakeslack.Event("Ev5", map[string]any{"type": "message", "subtype": "message_changed", "channel": "D1", "user": "U1", "text": "skills", "ts": "1.3", "channel_type": "im"})
	hello := fakeslack.DirectMessage("Ev6", "hi", "U1", "D1", "1.4")
	// A question with a screenshot attached is a person's message too.
	question := fakeslack.Event("Ev7", map[string]any{"type": "message", "subtype": "file_share", "channel": "D1", "user": "U1",
		"text": "how do I get ready for a VP role?", "ts": "1.5", "event_ts": "1.5", "channel_type": "im",
		"files": []any{map[string]any{"id": "F1", "name": "org.png"}}})
	for _, e := range []fakeslack.Envelope{bot, self, edited, hello, question} {
		h.send(t, e)
		h.ackFor(t, e.ID())
		if e.ID() == hello.ID() {
			// A person's first DM gets the welcome: hello's, before the question.
			h.callsTo(t, "chat.postMessage", 1)
		}
	}
	// The welcome, the readiness answer, and an offer to build a plan.
	h.callsTo(t, "chat.postMessage", 3)
	// Give a wrongly answered repeat time to arrive before counting.
	time.Sleep(300 * time.Millisecond)
	calls := h.callsTo(t, "chat.postMessage", 3)
	if len(calls) != 3 {
		t.Fatalf("bot, self or edited message answered: %d replies", len(calls))
	}
	all := calls[0].Args["blocks"].(string) + calls[1].Args["blocks"].(string) + calls[2].Args["blocks"].(string)
	if !strings.Contains(all, "Am I ready for VP?") || !strings.Contains(all, "Career Progression Indicators") || !strings.Contains(all, "where you stand") {
		t.Errorf("want the welcome, the readiness answer and the plan's offer, got %s", all)
	}
}

func TestHomeAndButtons(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.send(t, fakeslack.HomeOpened("Ev8", "U1"))
	home := h.callsTo(t, "views.publish", 1)[0]
	if !strings.Contains(blocksText(t, home.Args), "Core Responsibilities") {
		t.Errorf("home view = %v", home.Args)
	}
	topic := h.fake.ButtonClick(blockkit.ActionTopic+":1", "transition-to-vp/timeline", "U1", "C1", "1.1", true)
	share := h.fake.ButtonClick(blockkit.ActionShare, "key-skill-sets", "U1", "C1", "1.1", true)
	missing := h.fake.ButtonClick(blockkit.ActionTopic, "no/such/section", "U1", "C1", "1.1", true)
	// The value of the "Table: …" button: the section's first table.
	table := h.fake.ButtonClick(blockkit.ActionFullTable, "comparison-director-vs-vp#0", "U1", "C1", "1.1", true)
	feedback := h.fake.FeedbackClick(blockkit.ActionFeedback, "positive:key-skill-sets", "U1", "C1", "1.1", true)
	for _, e := range []fakeslack.Envelope{topic, share, missing, table, feedback} {
		h.send(t, e)
		h.ackFor(t, e.ID())
	}
	responses := h.callsTo(t, "response_url", 6)
	var private []fakeslack.Call
	shares, deleted := 0, 0
	for _, c := range responses {
		if c.Args["delete_original"] == true {
			// The private answer shared goes, with its Share button.
			deleted++
			continue
		}
		if !public(c) {
			private = append(private, c)
			continue
		}
		// Everyone in the conversation sees the share, posted through the
		// click's response_url: the bot need not be in the channel.
		shares++
		// replace_original is sent, false: the share is a message of its
		// own, and the private answer is deleted after it.
		if !strings.Contains(blocksText(t, c.Args), `Shared by \u003c@U1\u003e`) || c.Args["replace_original"] != false {
			t.Errorf("share = %v", c.Args)
		}
	}
	all := blocksText(t, private)
	for _, want := range []string{"Timeline", "no longer in the guide", "Team size", "Thanks for the feedback"} {
		if !strings.Contains(all, want) {
			t.Errorf("no private response_url reply containing %q", want)
		}
	}
	if shares != 1 || deleted != 1 || len(h.callsTo(t, "chat.postMessage", 0)) != 0 {
		t.Errorf("%d shares through the response_url, %d private answers deleted, and chat.postMessage called: want one share, its answer deleted, no post", shares, deleted)
	}
}

// TestADoubleClickIsAnsweredOnce clicks Full table twice on one answer,
// each click with a trigger_id of its own, as a double click sends them:
// the table is posted once. Another button of the answer is still
// answered, and so is the same button of another answer.
func TestADoubleClickIsAnsweredOnce(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	click := func(action, ts string) fakeslack.Envelope {
		return h.fake.ButtonClick(action, "comparison-director-vs-vp#0", "U1", "C1", ts, true)
	}
	for _, e := range []fakeslack.Envelope{click(blockkit.ActionFullTable, "1.1"), click(blockkit.ActionFullTable, "1.1"),
		click(blockkit.ActionShare, "1.1"), click(blockkit.ActionFullTable, "2.1")} {
		h.send(t, e)
		h.ackFor(t, e.ID())
	}
	h.callsTo(t, "response_url", 3)
	h.idle(t)
	if n := len(h.callsTo(t, "response_url", 0)); n != 3 {
		t.Errorf("%d replies to the clicks, want 3: the double click answered once", n)
	}
	// A click whose reply Slack refused is no answer: the same click
	// again is answered.
	h.fake.Join("C1")
	h.fake.RefuseNext("chat.postMessage", "channel_not_found")
	for range 2 {
		e := h.fake.ButtonClick(blockkit.ActionFullTable, "comparison-director-vs-vp#0", "U1", "C1", "3.1", false)
		h.send(t, e)
		h.ackFor(t, e.ID())
		h.idle(t)
	}
	if posts := h.callsTo(t, "chat.postMessage", 2); posts[1].Error != "" {
		t.Errorf("the click again after a refused reply: %+v", posts[1])
	}
}

// TestButtonInAThreadAnswersInIt: a topic button on a public answer, a
// reply in a thread, is answered in that thread, by its parent's ts, as
// chat.postMessage asks ("avoid using a reply's ts value").
func TestButtonInAThreadAnswersInIt(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	// The bot posted the answer in C1, so it is a member there.
	h.fake.Join("C1")
	click := h.fake.ThreadButtonClick(blockkit.ActionTopic+":1", "transition-to-vp/timeline", "U1", "C1", "5.2", "5.1")
	h.send(t, click)
	post := h.callsTo(t, "chat.postMessage", 1)[0]
	if post.Args["channel"] != "C1" || post.Args["thread_ts"] != "5.1" {
		t.Errorf("posted to %v in thread %v, want C1 in thread 5.1", post.Args["channel"], post.Args["thread_ts"])
	}
}

func TestFailedPostsAreRetriedAndPostedOnce(t *testing.T) {
	t.Parallel()
	tests := map[string][]int{"429 then success": {429}, "5xx then success": {500, 503},
		// 429s are no 5xx retries: a busy channel's post still
		// outlasts a blip of Slack's.
		"429s, a 5xx, then success": {429, 429, 429, 429, 503}}
	for name, statuses := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := startServer(t)
			h.fake.FailNext("chat.postMessage", statuses...)
			h.send(t, fakeslack.Mention("Ev9", "<@UBOT> skills", "U1", "C1", "2.1", ""))
			h.callsTo(t, "chat.postMessage", 1)
			// Give a duplicate post time to arrive before counting.
			time.Sleep(300 * time.Millisecond)
			if n := len(h.callsTo(t, "chat.postMessage", 1)); n != 1 {
				t.Errorf("posted %d times", n)
			}
		})
	}
}

func TestReconnectsAndKeepsAnswering(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	if err := h.fake.Disconnect("refresh_requested"); err != nil {
		t.Fatal(err)
	}
	if !h.fake.WaitFor(wait, func() bool { return h.fake.Connections() >= 2 }) {
		t.Fatal("no reconnect after refresh_requested")
	}
	h.fake.Drop()
	if !h.fake.WaitFor(wait, func() bool { return h.fake.Connections() >= 3 }) {
		t.Fatal("no reconnect after an abrupt close")
	}
	e := h.fake.SlashCommand("timeline", "U1", "C1")
	h.fake.WaitFor(wait, func() bool { return h.fake.Send(e) == nil })
	if got := string(h.ackFor(t, e.ID()).Payload); !strings.Contains(got, "Timeline") {
		t.Errorf("after reconnects: %s", got)
	}
}

func TestShutdownDrainsAndReturnsNil(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	// The reply is still in flight (held back by a rate limit) when the
	// server is told to stop; it must be finished, not dropped.
	h.fake.FailNext("chat.postMessage", 429)
	e := fakeslack.Mention("Ev10", "<@UBOT> skills", "U1", "C1", "3.1", "")
	h.send(t, e)
	h.ackFor(t, e.ID())
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			t.Errorf("Run returned %v on shutdown", err)
		}
		h.done <- err
	case <-time.After(drainTimeout + 5*time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if n := len(h.callsTo(t, "chat.postMessage", 1)); n != 1 {
		t.Errorf("in-flight reply posted %d times", n)
	}
}

func TestBadEnvelopesAreAckedAndIgnored(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	bad := []string{
		`{"envelope_id":"bad-1","type":"events_api","payload":"not an object","accepts_response_payload":false}`,
		`{"envelope_id":"bad-2","type":"slash_commands","payload":{"text":42},"accepts_response_payload":true}`,
		`{"envelope_id":"bad-3","type":"interactive","payload":{"type":"block_actions","actions":"nope"}}`,
		`{"envelope_id":"bad-4","type":"interactive","payload":{"type":"block_actions"}}`,
		`{"envelope_id":"bad-5","type":"events_api","payload":{"type":"event_callback","event":{"type":"app_mention"}}}`,
		`not json at all`,
		`{"type":"mystery"}`,
	}
	for _, raw := range bad {
		if err := h.fake.SendRaw([]byte(raw)); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"bad-1", "bad-2", "bad-3", "bad-4", "bad-5"} {
		h.ackFor(t, id)
	}
	if got := h.slash(t, "pitfalls"); !strings.Contains(got, "Common Pitfalls") {
		t.Errorf("not answering after bad input: %s", got)
	}
}

func TestHealthReadinessAndMetrics(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	srv := httptest.NewServer(h.server.healthHandler())
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, _ := get("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz = %d", code)
	}
	if !h.fake.WaitFor(wait, func() bool { code, _ := get("/readyz"); return code == http.StatusOK }) {
		t.Error("/readyz never ready while connected")
	}
	h.slash(t, "skills")
	h.slash(t, "best pizza in town")
	h.slash(t, "what conferences should a director attend?")
	h.send(t, h.fake.FeedbackClick(blockkit.ActionFeedback, "negative:key-skill-sets", "U1", "C1", "1.1", true))
	h.callsTo(t, "response_url", 1)
	// An ack's latency is counted just after the ack is written, so the
	// fake may hold the ack a moment before the count.
	var metrics string
	h.fake.WaitFor(wait, func() bool {
		_, metrics = get("/metrics")
		return strings.Contains(metrics, "directorbot_ack_seconds_count 4")
	})
	for _, want := range []string{
		`directorbot_events_total{type="slash_commands"} 3`,
		`directorbot_events_total{type="interactive"} 1`,
		"directorbot_answers_total 2", "directorbot_unsure_answers_total 1", "directorbot_no_answers_total 1",
		`directorbot_feedback_total{helpful="false"} 1`,
		"directorbot_ack_seconds_count 4", "directorbot_connected 1",
		// Counters an alert may watch show at 0 before the first count.
		`directorbot_handoffs_total{outcome="dropped"} 0`, `directorbot_queue_full_total{queue="webapi"} 0`,
		`directorbot_events_total{type="events_api"} 0`,
		"process_resident_memory_bytes ", "go_goroutines ",
		// Which build and which guide each replica serves.
		`directorbot_build_info{version="unreleased"} 1`, `directorbot_guide_info{fingerprint="`, "directorbot_guide_warned 0",
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q:\n%s", want, metrics)
		}
	}
}

func TestLargeSlashAnswerGoesThroughResponseURL(t *testing.T) {
	t.Parallel()
	// A message holds at most 12,000 characters of text, but a table's
	// JSON takes far more room than its text: 60 rows of 12 cells.
	page := "# Guide\n\n## Handbook\n\nThe handbook.\n\n|" + strings.Repeat(" column |", 12) + "\n|" + strings.Repeat("---|", 12) + "\n" +
		strings.Repeat("|"+strings.Repeat(" handbook |", 12)+"\n", 60)
	h := startServerWith(t, guidetest.Page(t, page))
	e := h.fake.SlashCommand("handbook", "U1", "C1")
	h.send(t, e)
	if ack := h.ackFor(t, e.ID()); len(ack.Payload) != 0 {
		t.Errorf("an answer over 20 KB was put in the ack (%d bytes)", len(ack.Payload))
	}
	reply := h.callsTo(t, "response_url", 1)[0]
	if reply.Args["response_type"] != "ephemeral" || !strings.Contains(blocksText(t, reply.Args), "Handbook") {
		t.Errorf("response_url reply = %.300v", reply.Args)
	}
}

func TestResponseURLMustBeSlacks(t *testing.T) {
	t.Parallel()
	s := NewServer(Config{APIURL: "http://127.0.0.1:4567/api/"}, nil)
	tests := map[string]bool{
		"https://hooks.slack.com/actions/T1/1/abc":   true,
		"https://slack.com/x":                        true,
		"http://127.0.0.1:4567/response/1":           true,
		"http://hooks.slack.com/actions/T1/1/abc":    false,
		"https://hooks.slack.com.evil.example/x":     false,
		"https://evil.example/hooks.slack.com":       false,
		"http://10.0.0.1/response":                   false,
		"http://127.0.0.1:9999/response/1":           false,
		"https://user:pass@hooks.slack.com/actions/": false,
		"::not a url": false,
	}
	for u, want := range tests {
		if got := s.trustedResponseURL(u); got != want {
			t.Errorf("trustedResponseURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestRunStoppedBeforeConnecting ends Run while it checks the bot token, as
// SIGTERM during start-up does: a stop asked for is no token error.
func TestRunStoppedBeforeConnecting(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	defer fake.Close()
	fake.Hang("auth.test", "")
	srv := NewServer(Config{AppToken: "xapp-1", BotToken: "xoxb-1", APIURL: fake.APIURL(), Logger: slog.New(slog.DiscardHandler)}, guidetest.Embedded(t))
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	time.Sleep(100 * time.Millisecond)
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run stopped while checking the token: %v; want nil", err)
	}
}

// TestRefusedAnswerGetsAnApology makes Slack refuse an answer for what it
// holds, as it would a renderer's mistake: the asker gets an apology in
// the same thread rather than silence, and the answer is not posted again.
func TestRefusedAnswerGetsAnApology(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.fake.RefuseNext("chat.postMessage", "invalid_blocks")
	h.send(t, fakeslack.Mention("EvREF", "<@UBOT> what skills does a director need?", "U1", "CREF", "1.1", ""))
	h.callsTo(t, "chat.postMessage", 2)
	h.idle(t)
	var got []string
	for _, c := range h.fake.Calls() {
		if c.Method == "chat.postMessage" {
			got = append(got, fmt.Sprint(c.Error, "|", c.Args["thread_ts"], "|", c.Args["text"]))
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "invalid_blocks|1.1|") || !strings.HasPrefix(got[1], "|1.1|Sorry, something went wrong") {
		t.Errorf("posts: %q; want the refused answer, then the apology in its thread", got)
	}
}

// TestDebugLogSaysWhyAReply: at debug level, each reply delivered is
// logged with what answered it, or why nothing did, so that an operator
// can tell why a question got its reply.
func TestDebugLogSaysWhyAReply(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.slash(t, "what skills does a director need?")
	h.slash(t, "who is our VP right now?")
	for _, want := range []string{
		`"msg":"replied","surface":"slash","reply":"answer","section":"key-skill-sets","question":"what skills does a director need?"`,
		`"msg":"replied","surface":"slash","reply":"company_fact","section":"","question":"who is our VP right now?"`,
	} {
		if !h.fake.WaitFor(wait, func() bool { return strings.Contains(h.logs.String(), want) }) {
			t.Errorf("the logs lack %s:\n%s", want, h.logs.String())
		}
	}
}

// TestStartWaitsForSlack: Slack answering 503 at start, beyond what one
// call retries, is asked again until it answers, rather than stopping the
// bot for its service manager to restart; it connects, and says it waited.
func TestStartWaitsForSlack(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	fake.FailNext("auth.test", slices.Repeat([]int{http.StatusServiceUnavailable}, serverRetries+1)...)
	h := startServerOn(t, fake, guidetest.Embedded(t))
	if !strings.Contains(h.logs.String(), "slack cannot be reached: asking again") {
		t.Errorf("the wait for Slack is not logged:\n%s", h.logs)
	}
	if got := h.slash(t, "skills"); !strings.Contains(got, "Skill") {
		t.Errorf("after the wait, /director skills answers %s", got)
	}
}

// TestTransientFailures: what may pass if asked again (the network, a 5xx
// or 429, an error Slack says is its own) is waited out at start; what
// will not (a 404 from a wrong SLACK_API_URL, a code of Slack's about the
// workspace) is told at once.
func TestTransientFailures(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, true},
		{slack.StatusCodeError{Code: http.StatusServiceUnavailable}, true},
		{slack.StatusCodeError{Code: http.StatusTooManyRequests}, true},
		{slack.SlackErrorResponse{Err: "internal_error"}, true},
		{slack.StatusCodeError{Code: http.StatusNotFound}, false},
		{slack.SlackErrorResponse{Err: "team_access_not_granted"}, false},
		{errors.New("something else"), false},
	} {
		if got := transient(tc.err); got != tc.want {
			t.Errorf("transient(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
	// A wrong SLACK_API_URL, answering 404, stops the start.
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	fake.FailNext("auth.test", http.StatusNotFound)
	srv := NewServer(Config{AppToken: "xapp-1", BotToken: "xoxb-1", APIURL: fake.APIURL(), Logger: slog.New(slog.DiscardHandler)}, guidetest.Embedded(t))
	if err := srv.Run(t.Context()); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("Run with auth.test answering 404 = %v; want it told at once", err)
	}
}

// TestStartToldOfAReplyNotSlacks: a server at SLACK_API_URL answering 200
// with HTML (a proxy's login page), other JSON or nothing stops the
// start, told it is not Slack's reply rather than a bare decoding error.
func TestStartToldOfAReplyNotSlacks(t *testing.T) {
	t.Parallel()
	for _, body := range []string{"<html>proxy login</html>", "[1,2]", ""} {
		proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			fmt.Fprint(w, body)
		}))
		t.Cleanup(proxy.Close)
		srv := NewServer(Config{AppToken: "xapp-1", BotToken: "xoxb-1", APIURL: proxy.URL + "/", Logger: slog.New(slog.DiscardHandler)}, guidetest.Embedded(t))
		if err := srv.Run(t.Context()); err == nil || !strings.Contains(err.Error(), "the reply is not Slack's JSON (is a proxy answering") {
			t.Errorf("Run with %q at SLACK_API_URL = %v; want it told as no reply of Slack's", body, err)
		}
	}
}
