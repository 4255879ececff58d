package bot

import (
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

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
	// A reply is counted once delivered, just after its ack is written:
	// the fake may show the ack first.
	if !h.fake.WaitFor(wait, func() bool { return testutil.ToFloat64(h.server.metrics.answers) == 2 }) {
		t.Errorf("answers counted %v times, want 2", testutil.ToFloat64(h.server.metrics.answers))
	}
	if !h.server.replies.Contains(replyKey{question: "what skills does a director need?", shareable: true}) {
		t.Error("the reply was not cached")
	}
	if h.server.replies.Contains(replyKey{question: "dirctor skils", shareable: true}) {
		t.Error("a question never asked is cached")
	}
}

// TestSlashInDMOffersNoShare answers /director in a DM without Share in
// channel, there being no one to share it with, and the same question in
// a channel with it, before and after: each is kept apart.
func TestSlashInDMOffersNoShare(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	for _, tt := range []struct {
		channel string
		share   bool
	}{{"C1", true}, {"D1", false}, {"C1", true}, {"D1", false}} {
		got := h.slashIn(t, "what skills does a director need?", tt.channel)
		if !strings.Contains(got, "Key Skill Sets") {
			t.Fatalf("in %s: reply lacks the answer: %s", tt.channel, got)
		}
		if strings.Contains(got, "Share in channel") != tt.share {
			t.Errorf("in %s: Share in channel offered %v; want %v", tt.channel, !tt.share, tt.share)
		}
	}
}

func TestLongQuestionsAreNotCached(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	long := strings.Repeat("what skills does a director need ", 40)
	if got := h.slash(t, long); !strings.Contains(got, "Key Skill Sets") {
		t.Errorf("reply lacks the answer: %s", got)
	}
	if h.server.replies.Contains(replyKey{question: long, shareable: true}) {
		t.Errorf("a question of %d bytes was cached", len(long))
	}
}

// TestRepliesOfAnOldGuideAreNotServed keeps a reply answered from one
// guide and reloads another: the reply is not served again, even though it
// was kept after the reload emptied the cache (an answer in flight).
func TestRepliesOfAnOldGuideAreNotServed(t *testing.T) {
	t.Parallel()
	s := NewServer(Config{}, guidetest.Embedded(t))
	before := s.generation.Load()
	s.generation.Add(1) // a reload accepted while the answer was computed
	s.replies.Add(replyKey{question: "skills", shareable: true}, cachedReply{payload: []byte(`{}`), generation: before})
	if _, ok := s.keptReply(replyKey{question: "skills", shareable: true}); ok {
		t.Error("a reply answered from the replaced guide was served")
	}
	s.replies.Add(replyKey{question: "skills", shareable: true}, cachedReply{payload: []byte(`{}`), generation: s.generation.Load()})
	if _, ok := s.keptReply(replyKey{question: "skills", shareable: true}); !ok {
		t.Error("a reply of the guide served now was not")
	}
}
