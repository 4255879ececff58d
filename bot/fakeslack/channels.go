package fakeslack

import (
	"strings"
)

// Slack refuses chat.postMessage with not_in_channel in a channel the bot
// is not a member of (https://docs.slack.dev/reference/methods/chat.postMessage,
// Errors), as in any channel where someone typed a slash command without
// inviting the bot. The fake counts the bot a member of a channel whose
// events reach it (an app_mention or a message: Slack sends those only
// from channels the bot is in) and of channels it joined (Join); a DM, or
// a user's ID, always takes its posts, but for a DM between two people
// (Between), where /director works but the bot is no member: Slack
// answers channel_not_found there. Slack refuses chat.postMessage and
// chat.postEphemeral in an archived channel with is_archived (both
// methods' Errors); for chat.postMessage the fake checks membership
// first, an order Slack's documentation leaves open.

// NotInChannel is the error of a post to a channel the bot is not in.
const NotInChannel = "not_in_channel"

// ChannelNotFound is the error of a post to a DM between people.
const ChannelNotFound = "channel_not_found"

// IsArchived is the error of a post to an archived channel.
const IsArchived = "is_archived"

// MessageNotFound is chat.update's error for a message that is not there
// to update (https://docs.slack.dev/reference/methods/chat.update,
// Errors): the fake updates only the bot's own posts, by the
// conversation's ID and the ts chat.postMessage answered, as Slack lets
// an app update only the messages it posted; a user's ID in place of
// the DM's is no conversation chat.update knows.
const MessageNotFound = "message_not_found"

// updateRefusal returns the error Slack answers chat.update of the
// message ts in channel with, when it refuses it, else "". Callers hold
// s.mu.
func (s *Slack) updateRefusal(channel string, ts any) string {
	t, _ := ts.(string)
	if !s.posts[channel+"/"+t] {
		return MessageNotFound
	}
	return ""
}

// Archive archives a channel, as someone may while the bot works on a
// reply there: Slack refuses posts to it with is_archived, even from a
// member.
func (s *Slack) Archive(channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.archived[channel] = true
}

// postRefusal returns the error Slack answers a call of method for
// channel with, when it refuses the channel, or for chat.update the
// message its args name, else "".
func (s *Slack) postRefusal(method, channel string, args map[string]any) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case method == "chat.update":
		return s.updateRefusal(channel, args["ts"])
	case method != "chat.postMessage" && method != "chat.postEphemeral":
		return ""
	case s.between[channel]:
		return ChannelNotFound
	case method == "chat.postMessage" && !s.member(channel):
		return NotInChannel
	case s.archived[channel]:
		return IsArchived
	}
	return ""
}

// Between makes channel a DM between two people, where someone may type
// /director: the bot is no member, and Slack refuses its posts there.
func (s *Slack) Between(channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.between[channel] = true
}

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
	c, _ := event["channel"].(string)
	if c == "" {
		return
	}
	s.members[c] = true
	if user, _ := event["user"].(string); user != "" && (event["channel_type"] == "im" || event["type"] == "app_home_opened") {
		// The DM's own ID, in place of one made up for a post before it.
		s.dms[user] = c
	}
}

// conversation returns the channel a post to channel goes to: Slack posts
// to a user ID in the bot's DM with that user, which the events sent
// about it name, and which has one posting rate with it. Callers hold
// s.mu.
func (s *Slack) conversation(channel string) string {
	if !strings.HasPrefix(channel, "U") && !strings.HasPrefix(channel, "W") {
		return channel
	}
	if s.dms[channel] == "" {
		s.dms[channel] = "D" + channel[1:]
	}
	return s.dms[channel]
}

// member reports whether the bot may post to a channel. Callers hold
// s.mu.
func (s *Slack) member(c string) bool {
	return strings.HasPrefix(c, "D") || strings.HasPrefix(c, "U") || strings.HasPrefix(c, "W") || s.members[c]
}
