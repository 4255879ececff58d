package bot

import (
	"container/list"
	"encoding/json"
	"sync"
)

// replyCacheBytes bounds the memory the slash reply cache holds: a few
// hundred answers, more than a workspace's popular questions.
const replyCacheBytes = 4 << 20

// cachedReply is a slash command's reply, encoded as the ack's payload.
type cachedReply struct {
	question string
	payload  json.RawMessage
	kind     messageKind
}

// replyCache keeps the encoded replies to recent /director questions, the
// least recently asked dropped first. The same question asked again ("/director
// skills") is acked without searching, rendering or encoding again: the
// guide does not change while the bot runs. It is safe for concurrent use.
type replyCache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	order    *list.List // of *cachedReply, most recent first
	byText   map[string]*list.Element
}

func newReplyCache(maxBytes int) *replyCache {
	return &replyCache{maxBytes: maxBytes, order: list.New(), byText: map[string]*list.Element{}}
}

// get returns the reply to a question asked before.
func (c *replyCache) get(question string) (cachedReply, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byText[question]
	if !ok {
		return cachedReply{}, false
	}
	c.order.MoveToFront(e)
	return *e.Value.(*cachedReply), true
}

// put remembers a reply, dropping the least recent ones to stay in bounds.
func (c *replyCache) put(r cachedReply) {
	size := len(r.question) + len(r.payload)
	if size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byText[r.question]; ok {
		return
	}
	c.byText[r.question] = c.order.PushFront(&r)
	c.bytes += size
	for c.bytes > c.maxBytes {
		last := c.order.Back()
		old := last.Value.(*cachedReply)
		c.order.Remove(last)
		delete(c.byText, old.question)
		c.bytes -= len(old.question) + len(old.payload)
	}
}
