package bot

import (
	"encoding/json"

	"github.com/directorbot/directorbot/bot/blockkit"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/slack-go/slack"
)

// The slash reply cache keeps replyCacheSize replies, the least recently
// used dropped first: more than a workspace's popular questions. A kept
// reply fits in an ack (20 KB) and its question in maxCachedQuestion, so
// the cache holds at most about 5 MB.
const (
	replyCacheSize    = 256
	maxCachedQuestion = 1024
)

// cachedReply is a /director reply encoded as the ack's payload, and what
// kind of reply it is, for the metrics.
type cachedReply struct {
	payload json.RawMessage
	kind    blockkit.Kind
	// asked is the question as kept; again gives each reuse its own
	// reply token (owners.go).
	asked asked
	// generation is the guide's the reply was answered from: a reply
	// answered while a reload swapped the guide is not served after it.
	generation uint64
}

// replyKey is what a /director reply is rendered from, but for the guide,
// whose reload empties the cache: the question, and whether the reply
// offers to share it (not in the bot's DM, where there is no one to share
// it with).
type replyKey struct {
	question  string
	shareable bool
}

// keyOf is the key of a command's reply.
func (s *Server) keyOf(cmd slack.SlashCommand) replyKey {
	return replyKey{question: cmd.Text, shareable: !s.withBot(cmd.UserID, cmd.ChannelID)}
}

// replyCache keeps encoded /director replies by what they are rendered
// from, so that a question asked again ("/director skills") is acked
// without searching, rendering or encoding.
type replyCache = lru.Cache[replyKey, cachedReply]

func newReplyCache() *replyCache {
	c, _ := lru.New[replyKey, cachedReply](replyCacheSize) // fails only for a size below 1
	return c
}
