package fakeslack_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/directorbot/directorbot/bot/fakeslack"
)

// TestChannelPostRate posts to one channel faster than Slack allows: a
// burst goes through, the next post is answered 429 with Retry-After: 1
// and left out of Calls, another channel is not held back, and a second
// later the channel takes a post again.
func TestChannelPostRate(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	fake.Join("C1")
	fake.Join("C2")
	post := func(channel string) error {
		_, _, err := api.PostMessage(channel, slack.MsgOptionText("hello", false))
		return err
	}
	for i := range fakeslack.PostBurst {
		if err := post("C1"); err != nil {
			t.Fatalf("post %d of the burst: %v", i+1, err)
		}
	}
	var limited *slack.RateLimitedError
	if err := post("C1"); !errors.As(err, &limited) || limited.RetryAfter != time.Second {
		t.Fatalf("post past the burst: got %v, want 429 with Retry-After: 1", err)
	}
	if err := post("C2"); err != nil {
		t.Errorf("another channel: %v", err)
	}
	time.Sleep(time.Second + 100*time.Millisecond)
	if err := post("C1"); err != nil {
		t.Errorf("a second later: %v", err)
	}
	if calls, limits := len(fake.Calls()), len(fake.Limited()); calls != fakeslack.PostBurst+2 || limits != 1 {
		t.Errorf("%d calls and %d limited, want %d and 1", calls, limits, fakeslack.PostBurst+2)
	}
}

// TestDMPostRate posts to a user by their ID, as the bot posts a plan or
// a welcome: Slack posts it in the bot's DM with them and answers with that
// channel's ID, and posts to either ID share the DM's one posting rate.
func TestDMPostRate(t *testing.T) {
	t.Parallel()
	_, api := newClient(t)
	var dm string
	for i := range fakeslack.PostBurst {
		channel, _, err := api.PostMessage("U9", slack.MsgOptionText("hello", false))
		if err != nil {
			t.Fatalf("post %d of the burst: %v", i+1, err)
		}
		dm = channel
	}
	if !strings.HasPrefix(dm, "D") {
		t.Fatalf("a post to a user ID answered channel %q; want the DM's ID", dm)
	}
	var limited *slack.RateLimitedError
	if _, _, err := api.PostMessage(dm, slack.MsgOptionText("hello", false)); !errors.As(err, &limited) {
		t.Errorf("a post to the DM past the burst of posts to its user: got %v, want 429", err)
	}
}
