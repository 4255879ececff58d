package bot

import (
	lru "github.com/hashicorp/golang-lru/v2"
)

// dmsKept is how many people's DMs with the bot are remembered: past
// it, the least recently heard from are forgotten, and a DM of theirs is
// taken for the bot's again (withBot).
const dmsKept = 50_000

// dms maps a person to their DM with the bot, learned from the events
// Slack sends about it (learnDM). Slack's IDs tell a DM ("D…") from a
// channel, but not the bot's DM with someone from a DM between two
// people, where /director works too and its answer may be shared with
// the other.
type dms = lru.Cache[string, string]

func newDMs() *dms {
	c, _ := lru.New[string, string](dmsKept) // fails only for a size below 1
	return c
}

// learnDM notes that channel is the bot's DM with user: Slack sent an
// event from it (a message there, the Home or Messages tab opened, an
// agent thread started).
func (s *Server) learnDM(user, channel string) {
	if user != "" && isDM(channel) {
		s.dms.Add(user, channel)
	}
}

// withBot reports whether a conversation is the bot's DM with user: a
// DM, unless the bot knows another as theirs. A DM it has heard nothing
// from is taken for the bot's, as most /director commands in a DM are:
// the reply offers no Share there. Each replica learns from the events
// it is sent.
func (s *Server) withBot(user, channel string) bool {
	if !isDM(channel) {
		return false
	}
	own, ok := s.dms.Peek(user)
	return !ok || own == channel
}
