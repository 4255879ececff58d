package bot

import (
	"context"
	"strings"
	"testing"
)

func TestReplyCacheKeepsRecentWithinBytes(t *testing.T) {
	t.Parallel()
	reply := func(q string) cachedReply {
		return cachedReply{key: q, payload: []byte(strings.Repeat("x", 96)), kind: kindAnswer}
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
	c.put(cachedReply{key: "huge", payload: make([]byte, 400)})
	if _, ok := c.get("huge"); ok {
		t.Error("a reply larger than the whole cache was kept")
	}
	if c.bytes > c.maxBytes {
		t.Errorf("cache holds %d bytes, bound %d", c.bytes, c.maxBytes)
	}
	c.reset(0)
	c.put(reply("q--5"))
	if _, ok := c.get("q--4"); ok {
		t.Error("reset kept an entry")
	}
	if _, ok := c.get("q--5"); ok {
		t.Error("a cache reset to 0 bytes kept an entry")
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

func TestAnotherQuestionWithTheSameReplyReusesItsEncoding(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	first := h.slash(t, "what skills does a director need?")
	// Drop the first question's entry, so that only the reply key can
	// serve the second question.
	h.server.replies.reset(replyCacheBytes)
	r, err := h.server.responder.plan(context.Background(), "What skills does a director need", true)
	if err != nil {
		t.Fatal(err)
	}
	cached, ok := h.server.rendered.get(r.key)
	if !ok {
		t.Fatal("the first reply was not kept under its key")
	}
	second := h.slash(t, "What skills does a director need")
	if second != first || second != string(cached.payload) {
		t.Errorf("the same reply came back different:\n%s\n%s", first, second)
	}
	if _, ok := h.server.replies.get("What skills does a director need"); !ok {
		t.Error("the second question's reply was not cached under it")
	}
}

func TestReplyKeysTellRepliesApart(t *testing.T) {
	t.Parallel()
	r := responder(t)
	key := func(q string, private bool) string {
		t.Helper()
		p, err := r.plan(context.Background(), q, private)
		if err != nil {
			t.Fatal(err)
		}
		return p.key
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{"what skills does a director need?", "What skills does a director need", true},
		{"what skills does a director need?", "who does a VP report to?", false},
		{"help", "", true},
		{"how do I bake sourdough bread", "how do I bake sourdough cake", false},
	}
	for _, tt := range tests {
		if got := key(tt.a, true) == key(tt.b, true); got != tt.same {
			t.Errorf("keys of %q and %q equal = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	if key("who does a VP report to?", true) == key("who does a VP report to?", false) {
		t.Error("a private and a public answer share a key")
	}
}
