package bot

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
)

// TestStopsWhenSlackRefusesTheBot: the app uninstalled, the bot's token
// revoked (by the event or by a refused call) stop Run with an
// *AuthError saying what to do, after acking the event; a revoked token
// of a person's does not.
func TestStopsWhenSlackRefusesTheBot(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		before func(*fakeslack.Slack)
		event  fakeslack.Envelope
		reason string
	}{
		{"uninstalled", nil, fakeslack.Event("Ev1", map[string]any{"type": "app_uninstalled"}), uninstalled},
		{"bot token revoked", nil, fakeslack.Event("Ev2", map[string]any{"type": "tokens_revoked", "tokens": map[string]any{"oauth": []string{}, "bot": []string{fakeslack.BotUserID}}}), revoked},
		{"a person's token revoked", nil, fakeslack.Event("Ev3", map[string]any{"type": "tokens_revoked", "tokens": map[string]any{"oauth": []string{"U1"}, "bot": []string{}}}), ""},
		{"a post refused", func(f *fakeslack.Slack) { f.RefuseNext("chat.postMessage", "token_revoked") },
			fakeslack.DirectMessage("Ev4", "director skills", "U1", "D1", "1.0001"), "token_revoked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := startServer(t)
			if tt.before != nil {
				tt.before(h.fake)
			}
			h.send(t, tt.event)
			h.ackFor(t, tt.event.ID())
			select {
			case err := <-h.done:
				var auth *AuthError
				if !errors.As(err, &auth) || auth.Reason != tt.reason || auth.Variable != botTokenVariable {
					t.Fatalf("Run = %v, want an AuthError for %s", err, tt.reason)
				}
				h.done <- err // for the cleanup
			case <-time.After(time.Second):
				if tt.reason != "" {
					t.Fatalf("Run did not stop after %s; logs:\n%s", tt.name, h.logs.String())
				}
			}
		})
	}
}

// TestIgnoresOtherWorkspaces: an event, a command or a click from another
// workspace than the bot token's is acked and left alone, and logged.
func TestIgnoresOtherWorkspaces(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	mention := fakeslack.Mention("EvOther", "<@"+fakeslack.BotUserID+"> director skills", "U1", "C1", "1.0001", "")
	mention["payload"].(map[string]any)["team_id"] = "T999OTHER"
	slash := h.fake.SlashCommand("skills", "U1", "C1")
	slash["payload"].(map[string]any)["team_id"] = "T999OTHER"
	for _, e := range []fakeslack.Envelope{mention, slash} {
		h.send(t, e)
		if ack := h.ackFor(t, e.ID()); ack.Payload != nil {
			t.Errorf("ack of another workspace's envelope carries %v", ack.Payload)
		}
	}
	h.idle(t)
	for _, c := range h.fake.Calls() {
		if c.Method == "chat.postMessage" {
			t.Errorf("answered another workspace: %+v", c)
		}
	}
	if !strings.Contains(h.logs.String(), "another workspace") {
		t.Errorf("nothing logged; logs:\n%s", h.logs.String())
	}
}
