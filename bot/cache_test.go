package bot

import (
	"strings"
	"testing"
)

func TestReplyCacheKeepsRecentWithinBytes(t *testing.T) {
	t.Parallel()
	reply := func(q string) cachedReply {
		return cachedReply{question: q, payload: []byte(strings.Repeat("x", 96)), kind: kindAnswer}
	}
	c := newReplyCache(3 * 100) // three replies of 4+96 bytes
	for _, q := range []string{"q--1", "q--2", "q--3"} {
		c.put(reply(q))
	}
	if _, ok := c.get("q--1"); !ok { // q--1 is now the most recent
		t.Fatal("q--1 missing before the cache was full")
	}
	c.put(reply("q--4"))
	tests := []struct {
		question string
		kept     bool
	}{
		{"q--1", true},
		{"q--2", false}, // least recently used
		{"q--3", true},
		{"q--4", true},
	}
	for _, tt := range tests {
		if _, ok := c.get(tt.question); ok != tt.kept {
			t.Errorf("%s kept = %v, want %v", tt.question, ok, tt.kept)
		}
	}
	c.put(cachedReply{question: "huge", payload: make([]byte, 400)})
	if _, ok := c.get("huge"); ok {
		t.Error("a reply larger than the whole cache was kept")
	}
	if c.bytes > c.maxBytes {
		t.Errorf("cache holds %d bytes, bound %d", c.bytes, c.maxBytes)
	}
}

func TestRepeatedSlashIsAnsweredFromCache(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	first := h.slash(t, "what skills does a director need?")
	second := h.slash(t, "what skills does a director need?")
	if first != second {
		t.Errorf("the repeated question got another reply:\n%s\n%s", first, second)
	}
	if !strings.Contains(second, "Key Skill Sets") {
		t.Errorf("reply lacks the answer: %s", second)
	}
	if got := h.server.metrics.answers.Load(); got != 2 {
		t.Errorf("answers counted %d times, want 2", got)
	}
	if _, ok := h.server.replies.get("what skills does a director need?"); !ok {
		t.Error("the reply was not cached")
	}
	if _, ok := h.server.replies.get("dirctor skils"); ok {
		t.Error("a question never asked is cached")
	}
}
