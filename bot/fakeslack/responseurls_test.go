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
// to a URL never issued is refused, and so is one after the URL's
// lifetime (shortened in a fake of its own).
func TestResponseURLsTakeFivePostsWithinTheirLifetime(t *testing.T) {
	t.Parallel()
	post := func(api *slack.Client, url string) error {
		_, _, _, err := api.SendMessage("", slack.MsgOptionText("Budgets", false), slack.MsgOptionResponseURL(url, slack.ResponseTypeEphemeral))
		return err
	}
	fake, api := newClient(t)
	busy := fake.ResponseURL("busy")
	for i := range fakeslack.MaxResponseURLUses {
		if err := post(api, busy); err != nil {
			t.Fatalf("post %d: %v", i+1, err)
		}
	}
	if err := post(api, busy); err == nil {
		t.Error("a sixth post to a response_url was taken")
	}
	if err := post(api, strings.Replace(busy, "/busy", "/forged", 1)); err == nil {
		t.Error("a post to a response_url never issued was taken")
	}

	late, lateAPI := newClient(t)
	late.ResponseURLLifetime = time.Millisecond
	old := late.ResponseURL("old")
	time.Sleep(20 * time.Millisecond)
	if err := post(lateAPI, old); err == nil {
		t.Error("a post to an expired response_url was taken")
	}

	var got []string
	for _, r := range append(fake.Refusals(), late.Refusals()...) {
		if r.UserSees != "" {
			t.Errorf("%s: the person sees %s, want nothing", r.ResponseURLID, r.UserSees)
		}
		got = append(got, r.ResponseURLID+": "+r.Error)
	}
	want := []string{"busy: " + fakeslack.UsedURL, "forged: " + fakeslack.NoService, "old: " + fakeslack.ExpiredURL}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("refusals = %v, want %v", got, want)
	}
}
