package bot

import (
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/slack-go/slack"
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

// TestSlashInADMBetweenPeopleOffersShare answers /director in a DM
// between two people, which the bot tells from its own DM with the asker
// once Slack has named that one (here, by the Home tab opened): there is
// someone to share the answer with, and a topic opened from it offers
// Share too. In the bot's own DM, neither does.
func TestSlashInADMBetweenPeopleOffersShare(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.fake.Between("D9")
	home := fakeslack.HomeOpened("EvHomeU1", "U1")
	h.send(t, home)
	h.ackFor(t, home.ID())
	for i, tt := range []struct {
		channel string
		share   bool
	}{{"D9", true}, {"D123ABC456", false}} {
		got := h.slashIn(t, "what skills does a director need?", tt.channel)
		if strings.Contains(got, "Share in channel") != tt.share {
			t.Errorf("/director in %s offers Share in channel: %v; want %v", tt.channel, !tt.share, tt.share)
		}
		topic := elementOf(t, h.slashMessage(t, "how long before a director becomes a VP?"), blockkit.ActionTopic).(*slack.ButtonBlockElement)
		h.send(t, h.fake.ButtonClick(topic.ActionID, topic.Value, "U1", tt.channel, "1.1", true))
		reply := blocksText(t, h.callsTo(t, "response_url", i+1)[i].Args)
		if strings.Contains(reply, "Share in channel") != tt.share {
			t.Errorf("a topic opened in %s offers Share in channel: %v; want %v", tt.channel, !tt.share, tt.share)
		}
	}
	if refused := h.fake.Refusals(); len(refused) != 0 {
		t.Errorf("Slack refused %v", refused)
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
