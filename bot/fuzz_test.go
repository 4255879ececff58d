package bot

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
)

// FuzzEnvelope sends arbitrary frames to the real server over the fake
// Slack's websocket. A frame whose envelope_id can be read is acked (unless
// it is one of Slack's own control frames) and nothing crashes;
// TestBadEnvelopesAreAckedAndIgnored shows the bot answering afterwards.
func FuzzEnvelope(f *testing.F) {
	for _, seed := range []string{
		`{"envelope_id":"f1","type":"events_api","payload":"nope"}`,
		`{"envelope_id":"f2","type":"slash_commands","payload":{"text":"skills","response_url":"http://10.0.0.1/x"},"accepts_response_payload":true}`,
		`{"envelope_id":"f3","type":"interactive","payload":{"type":"block_actions","actions":[{"action_id":"topic","value":"x"}],"response_url":"http://10.0.0.1/"}}`,
		`{"envelope_id":"f4","type":"events_api","payload":{"type":"event_callback","event_id":"E1","event":{"type":"app_mention","text":"<@UBOT> skills","channel":"C1","ts":"1.1","user":"U1"}}}`,
		`{"envelope_id":"f5","type":"mystery"}`,
		`not json`, `{}`, `[]`, `{"envelope_id":7}`,
	} {
		f.Add([]byte(seed))
	}
	h := startServer(f)
	f.Fuzz(func(t *testing.T, frame []byte) {
		var head struct {
			EnvelopeID string `json:"envelope_id"`
			Type       string `json:"type"`
		}
		conns := h.fake.Connections()
		if err := h.fake.SendRaw(frame); err != nil {
			t.Skip("connection is being re-opened")
		}
		if json.Unmarshal(frame, &head) == nil && head.EnvelopeID != "" && head.Type != "hello" && head.Type != "disconnect" {
			// Well under the fuzzer's 10 s hang limit, so a missing ack is
			// reported with its input.
			if !h.fake.WaitFor(3*time.Second, func() bool { return acked(h.fake, head.EnvelopeID) }) {
				if h.fake.Connections() != conns {
					// An earlier frame made the client reconnect and this one
					// went to the old connection; Slack would send it again.
					t.Skip("frame lost to a reconnect")
				}
				t.Fatalf("frame %q was never acked", frame)
			}
		}
	})
}

func acked(f *fakeslack.Slack, id string) bool {
	for _, a := range f.Acks() {
		if a.EnvelopeID == id {
			return true
		}
	}
	return false
}
