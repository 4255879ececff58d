package fakeslack_test

import (
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/slack-go/slack"
)

// TestResponseURLsTakeFivePostsWithinTheirLifetime posts to response URLs
// as Slack counts them: five posts are taken and the sixth refused, a post
// after the URL's lifetime is refused, and so is one to a URL never
// issued.
func TestResponseURLsTakeFivePostsWithinTheirLifetime(t *testing.T) {
	t.Parallel()
	fake, api := newClient(t)
	fake.ResponseURLLifetime = 200 * time.Millisecond
	post := func(url string) error {
		_, _, _, err := api.SendMessage("", slack.MsgOptionText("Budgets", false), slack.MsgOptionResponseURL(url, slack.ResponseTypeEphemeral))
		return err
	}
	old := fake.ResponseURL("old")
	busy := fake.ResponseURL("busy")
	for i := range fakeslack.MaxResponseURLUses {
		if err := post(busy); err != nil {
			t.Fatalf("post %d: %v", i+1, err)
		}
	}
	if err := post(busy); err == nil {
		t.Error("a sixth post to a response_url was taken")
	}
	time.Sleep(fake.ResponseURLLifetime + 50*time.Millisecond)
	if err := post(old); err == nil {
		t.Error("a post to an expired response_url was taken")
	}
	if err := post(strings.Replace(old, "/old", "/forged", 1)); err == nil {
		t.Error("a post to a response_url never issued was taken")
	}
	var got []string
	for _, r := range fake.Refusals() {
		got = append(got, r.ResponseURLID+": "+r.Error)
	}
	want := []string{"busy: " + fakeslack.UsedURL, "old: " + fakeslack.ExpiredURL, "forged: " + fakeslack.NoService}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("refusals = %v, want %v", got, want)
	}
}
