package bot

import (
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/fakeslack"
)

// TestFollowUpInAThread: "and for a VP?" in the thread of an answer asks
// its question again of a VP; the same words in another thread ask
// themselves.
func TestFollowUpInAThread(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.send(t, fakeslack.Mention("EvF1", "<@UBOT> how many engineers does a director usually manage?", "U1", "C1", "3.1", ""))
	h.callsTo(t, "chat.postMessage", 1)
	h.send(t, fakeslack.Mention("EvF2", "<@UBOT> and for a VP?", "U1", "C1", "3.2", "3.1"))
	h.send(t, fakeslack.Mention("EvF3", "<@UBOT> and for a VP?", "U2", "C1", "4.1", ""))
	posts := h.callsTo(t, "chat.postMessage", 3)
	text := func(c fakeslack.Call) string { return c.Args["blocks"].(string) }
	var followed, alone string
	for _, p := range posts[1:] {
		switch p.Args["thread_ts"] {
		case "3.1":
			followed = text(p)
		case "4.1":
			alone = text(p)
		}
	}
	if !strings.Contains(text(posts[0]), "30-100+ engineers") {
		t.Fatalf("the first answer lacks the director's org size: %.400s", text(posts[0]))
	}
	// The row that answers opens the reply: "> *Team size* — …".
	const row = "*Team size* —"
	if !strings.Contains(followed, row) {
		t.Errorf("the follow-up should give the VP's team size: %.600s", followed)
	}
	if alone == "" || strings.Contains(alone, row) {
		t.Errorf("the same words in another thread have no question to follow: %.600s", alone)
	}
}
