package bot

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
)

// TestShutdownMidBurstLosesNoAck stops replica A (SIGTERM) in the middle of
// a burst of mentions and /director commands that Slack writes to A's
// connection while it is open, and to B's once A's is closed; like Slack,
// the fake sends the events A never acked to B. Every envelope A read is
// acked, A's Run returns nil within its bounds, and every event is answered
// exactly once, by A or by B.
func TestShutdownMidBurstLosesNoAck(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "directorbot.db")
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
