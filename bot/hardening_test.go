package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
)

func TestBadQuestionsThroughSlack(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	tests := map[string]string{
		"40,000 characters":    strings.Repeat("what skills does a director need ", 1250)[:40000],
		"control characters":   "skills\x00\x01\x07\x1b[31m",
		"right-to-left emoji":  "\u202eskills 🚀 مهارات",
		"only stop words":      "what is the",
		"query syntax":         `+title:x -y /.*/ ~2 ^5 "unclosed`,
		"one word 1,000 times": strings.Repeat("timeline ", 1000),
		"only markup":          "<@U1> <#C1|general> <https://example.com|a link> <!here>",
		"unknown subcommand":   "frobnicate --now",
	}
	for name, text := range tests {
		got := h.slash(t, text)
		if !strings.Contains(got, `"blocks"`) {
			t.Errorf("%s: no reply in the ack: %s", name, got)
		}
		if strings.Contains(got, "<!here>") {
			t.Errorf("%s: markup echoed unescaped", name)
		}
	}
	missing := h.fake.ButtonClick(blockkit.ActionFullTable, "not-a-table-value", "U1", "C1", "1.1", true)
	noActions := fakeslack.Envelope{"envelope_id": "no-actions", "type": "interactive", "accepts_response_payload": true,
		"payload": map[string]any{"type": "block_actions", "user": map[string]any{"id": "U1"}}}
	for _, e := range []fakeslack.Envelope{missing, noActions} {
		h.send(t, e)
		h.ackFor(t, e.ID())
	}
	if got := h.slash(t, "timeline"); !strings.Contains(got, "Timeline") {
		t.Errorf("not answering after bad input: %s", got)
	}
}

func TestConnectionsOpenFailuresAreRetried(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	fake.FailNext("apps.connections.open", 500, 429)
	h := startServerOn(t, fake, guidetest.Embedded(t))
	if got := h.slash(t, "skills"); !strings.Contains(got, "Key Skill Sets") {
		t.Errorf("after connection failures: %s", got)
	}
}

func TestStuckCallDoesNotBlockOtherEvents(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.fake.Hang("chat.postMessage", "CSTUCK")
	h.send(t, fakeslack.Mention("EvStuck", "<@UBOT> skills", "U1", "CSTUCK", "5.1", ""))
	start := time.Now()
	for i := range 5 {
		h.send(t, fakeslack.Mention(fmt.Sprint("EvFast", i), "<@UBOT> timeline", "U1", "CFAST", fmt.Sprintf("5.%d", i+2), ""))
	}
	h.callsTo(t, "chat.postMessage", 5)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("other events waited %v behind a stuck call", d)
	}
}
