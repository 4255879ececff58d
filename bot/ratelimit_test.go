package bot

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
)

// TestBusyChannelLosesNoAnswer mentions the bot many times at once in one
// channel, answered by one replica or by three that share its posting
// rate.
// Slack posts about one message a second to a channel and answers the rest
// 429 (the fake's PostBurst, then one a second): every mention must still
// be answered, once, and by one replica in the order the mentions came.
func TestBusyChannelLosesNoAnswer(t *testing.T) {
	t.Parallel()
	for _, replicas := range []int{1, 3} {
		t.Run(fmt.Sprint(replicas, " replicas"), func(t *testing.T) {
			t.Parallel()
			fake := fakeslack.New()
			t.Cleanup(fake.Close)
			url := sqliteURL(t)
			var h *harness
			for range replicas {
				h = startReplica(t, fake, openStore(t, url))
			}
			const mentions = 3 * fakeslack.PostBurst
			var threads []string
			for i := range mentions {
				ts := fmt.Sprintf("1700000000.%06d", i+1)
				if err := fake.DeliverOn(i%replicas, fakeslack.Mention(fmt.Sprint("busy-", i), "<@UBOT> skills", "U1", "CBUSY", ts, "")); err != nil {
					t.Fatal(err)
				}
				threads = append(threads, ts)
			}
			// One a second after the burst, each after Slack's Retry-After
			// and slack-go's jitter of up to a second.
			deadline := 2*time.Duration(mentions-fakeslack.PostBurst)*time.Second + wait
			answered := func() int { return len(h.callsTo(t, "chat.postMessage", 0)) }
			if !fake.WaitFor(deadline, func() bool { return answered() >= mentions }) {
				t.Fatalf("after %v: %d of %d mentions answered", deadline, answered(), mentions)
			}
			time.Sleep(500 * time.Millisecond) // time for a second answer to arrive
			var got []string
			for _, p := range h.callsTo(t, "chat.postMessage", mentions) {
				got = append(got, fmt.Sprint(p.Args["thread_ts"]))
			}
			if replicas > 1 {
				// Each replica answers in order; together they interleave.
				slices.Sort(got)
			}
			if fmt.Sprint(got) != fmt.Sprint(threads) {
				t.Errorf("answered threads\n%v\nwant each once\n%v", got, threads)
			}
			if len(fake.Limited()) == 0 {
				t.Error("Slack never answered 429: the channel was not busy")
			}
			t.Logf("%d mentions in one channel: %d posts answered 429 and tried again", mentions, len(fake.Limited()))
		})
	}
}
