package fakeslack

import (
	"fmt"
	"strings"
)

// Slack refuses chat.postMessage with not_in_channel in a channel the bot
// is not a member of (https://docs.slack.dev/reference/methods/chat.postMessage,
// Errors), as in any channel where someone typed a slash command without
// inviting the bot. The fake counts the bot a member of a channel whose
// events reach it (an app_mention or a message: Slack sends those only
// from channels the bot is in), of a channel holding a message of its own
// that someone clicked on, and of channels it joined (Join); a DM, or a
// user's ID, always takes its posts.

// NotInChannel is the error of a post to a channel the bot is not in.
const NotInChannel = "not_in_channel"

// Join makes the bot a member of a channel, as an invitation does.
func (s *Slack) Join(channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[channel] = true
}

// noteMember counts the bot a member of the channel an envelope shows it
// in, if any. Callers hold s.mu.
func (s *Slack) noteMember(e Envelope) {
	payload, _ := e["payload"].(map[string]any)
	var channel any
	switch e["type"] {
	case "events_api":
		event, _ := payload["event"].(map[string]any)
		channel = event["channel"]
	case "interactive":
		container, _ := payload["container"].(map[string]any)
		if container["type"] == "message" && container["is_ephemeral"] == false {
			channel = container["channel_id"]
		}
	}
	if c, ok := channel.(string); ok && c != "" {
		s.members[c] = true
	}
}

// member reports whether the bot may post to a channel.
func (s *Slack) member(channel any) bool {
	c := fmt.Sprint(channel)
	if strings.HasPrefix(c, "D") || strings.HasPrefix(c, "U") || strings.HasPrefix(c, "W") {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.members[c]
}
