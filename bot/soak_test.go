package bot

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
)

// TestSoak delivers many mentions, each in its own channel, through the fake Slack
// while forcing reconnects (disconnect frames and abrupt closes) and
// delivering 5 % of the envelopes twice. Every event must be answered
// exactly once, and goroutines and heap must come back down. -short runs a
// smaller load. The mentions come as fast as the bot posts, no faster: the
// Web API queue is bounded and refuses a flood (TestHangingWebAPI), and
// this test is about exactly once.
func TestSoak(t *testing.T) {
	events, reconnects := 10000, 20
	if testing.Short() {
		events, reconnects = 600, 4
	}
	ix := guidetest.Embedded(t)
	goroutines, heap := settle()
	h := startServerWith(t, ix)
	every := events / reconnects
	for i := range events {
		for queued, _ := h.server.lanes.depth(); queued > maxQueued/4; queued, _ = h.server.lanes.depth() {
			time.Sleep(time.Millisecond)
		}
		// A channel each: one channel's posts are held to about one a
		// second (TestBusyChannelLosesNoAnswer).
		channel := fmt.Sprint("C", i)
		e := fakeslack.Mention(fmt.Sprint("EvSoak", i), "<@UBOT> skills", "U1", channel, fmt.Sprintf("1700000000.%06d", i), "")
		h.fake.Deliver(e)
		if i%20 == 0 {
			h.fake.Deliver(fakeslack.Mention(fmt.Sprint("EvSoak", i), "<@UBOT> skills", "U1", channel, fmt.Sprintf("1700000000.%06d", i), ""))
		}
		if i%every == every/2 {
			before := h.fake.Connections()
			if (i/every)%2 == 0 {
				_ = h.fake.Disconnect("refresh_requested")
			} else {
				h.fake.Drop()
			}
			// Events go on arriving while the bot reconnects; the next forced
			// reconnect waits for this one to finish.
			if !h.fake.WaitFor(wait, func() bool { return h.fake.Connections() > before }) {
				t.Fatalf("no reconnect after forced reconnect %d", i/every+1)
			}
		}
	}
	deadline := 2 * time.Minute
	if !h.fake.WaitFor(deadline, func() bool { return h.fake.Pending() == 0 && countPosts(h) >= events }) {
		t.Fatalf("after %v: %d envelopes unacked, %d of %d events answered", deadline, h.fake.Pending(), countPosts(h), events)
	}
	time.Sleep(500 * time.Millisecond)
	threads := map[any]int{}
	for _, c := range h.fake.Calls() {
		if c.Method == "chat.postMessage" {
			threads[c.Args["thread_ts"]]++
		}
	}
	for ts, n := range threads {
		if n != 1 {
			t.Errorf("event %v answered %d times", ts, n)
		}
	}
	if len(threads) != events {
		t.Errorf("%d of %d events answered", len(threads), events)
	}
	if h.fake.Connections() < reconnects+1 {
		t.Errorf("only %d connections for %d forced reconnects", h.fake.Connections(), reconnects)
	}
	h.cancel()
	<-h.done
	h.done <- nil
	h.fake.Close()
	// What the test itself recorded (every reply, every log line) is not
	// the bot's memory.
	h.fake.Forget()
	h.logs.Reset()
	afterG, afterHeap := settle()
	t.Logf("%d events, %d connections; goroutines %d → %d, heap %d KB → %d KB", events, h.fake.Connections(), goroutines, afterG, heap/1024, afterHeap/1024)
	if afterG > goroutines+10 {
		t.Errorf("goroutines leaked: %d before, %d after", goroutines, afterG)
	}
	if afterHeap > heap+32<<20 {
		t.Errorf("heap grew from %d KB to %d KB", heap/1024, afterHeap/1024)
	}
}

// countPosts counts the answers posted: posts other than a conversation's
// openers (opener).
func countPosts(h *harness) int {
	n := 0
	for _, c := range h.fake.Calls() {
		if c.Method == "chat.postMessage" && !opener(c) || public(c) {
			n++
		}
	}
	return n
}

// public reports whether a call posted to a response_url for everyone in
// the conversation to see, as a share does.
func public(c fakeslack.Call) bool {
	return c.Method == "response_url" && c.Args["response_type"] == "in_channel"
}

// settle lets finished goroutines exit and collects garbage, then reports
// the goroutine count and live heap.
func settle() (int, uint64) {
	var m runtime.MemStats
	for range 20 {
		runtime.GC()
		time.Sleep(50 * time.Millisecond)
	}
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}
