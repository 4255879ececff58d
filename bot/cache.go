package bot

import (
	"container/list"
	"encoding/json"
	"sync"
)

// replyCacheBytes bounds the memory the slash reply cache holds: a few
// hundred answers, more than a workspace's popular questions.
const replyCacheBytes = 4 << 20

// cachedReply is a slash command's reply, encoded as the ack's payload,
// under the question it answers or the reply key it renders.
type cachedReply struct {
	key     string
	payload json.RawMessage
	kind    messageKind
	// msg is the message itself, for a reply too large for an ack; such a
	// reply is never cached.
	msg Message
}

// replyCache keeps recent encoded /director replies, the least recently
// used dropped first: by question, so that the same question asked again
// ("/director skills") is acked without searching, rendering or encoding;
// and by reply key, so that another question with the same answer is not
// rendered or encoded again. The guide does not change while the bot runs.
// It is safe for concurrent use.
type replyCache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	order    *list.List // of *cachedReply, most recent first
	byKey    map[string]*list.Element
}

func newReplyCache(maxBytes int) *replyCache {
	return &replyCache{maxBytes: maxBytes, order: list.New(), byKey: map[string]*list.Element{}}
}

// reset empties the cache and sets its bound; 0 turns it off.
func (c *replyCache) reset(maxBytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.maxBytes, c.bytes = maxBytes, 0
	c.order.Init()
	clear(c.byKey)
}

// get returns the reply cached under a key.
func (c *replyCache) get(key string) (cachedReply, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return cachedReply{}, false
	}
	c.order.MoveToFront(e)
	return *e.Value.(*cachedReply), true
}

// put remembers an encoded reply, dropping the least recent ones to stay
// in bounds; a reply too large for an ack is not kept.
func (c *replyCache) put(r cachedReply) {
	size := len(r.key) + len(r.payload)
	r.msg = Message{}
	c.mu.Lock()
	defer c.mu.Unlock()
	if r.payload == nil || size > c.maxBytes {
		return
	}
	if _, ok := c.byKey[r.key]; ok {
		return
	}
	c.byKey[r.key] = c.order.PushFront(&r)
	c.bytes += size
	for c.bytes > c.maxBytes {
		last := c.order.Back()
		old := last.Value.(*cachedReply)
		c.order.Remove(last)
		delete(c.byKey, old.key)
		c.bytes -= len(old.key) + len(old.payload)
	}
}
