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
// from channels the bot is in) and of channels it joined (Join); a DM, or
// a user's ID, always takes its posts.

// NotInChannel is the error of a post to a channel the bot is not in.
const NotInChannel = "not_in_channel"

// Join makes the bot a member of a channel, as an invitation does.
func (s *Slack) Join(channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[channel] = true
}

// noteMember counts the bot a member of the channel of an event it is
// sent, if any: Slack sends a channel's events only to its members. A
// click shows no membership: a message shared through a response_url
// stands where the bot may be no member. Callers hold s.mu.
func (s *Slack) noteMember(e Envelope) {
	if e["type"] != "events_api" {
		return
	}
	payload, _ := e["payload"].(map[string]any)
	event, _ := payload["event"].(map[string]any)
	if c, ok := event["channel"].(string); ok && c != "" {
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
