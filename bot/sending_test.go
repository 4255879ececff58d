package bot

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestSendingTellsARequestSlackMayHave: a reply's request that was written
// whole and got no answer may have reached Slack, and must not be sent
// again; one Slack answered, or one never written, is known.
func TestSendingTellsARequestSlackMayHave(t *testing.T) {
	t.Parallel()
	answered := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	t.Cleanup(answered.Close)
	hung := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	t.Cleanup(hung.Close)
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	nowhere := "http://" + closed.Addr().String()
	closed.Close()
	for _, tt := range []struct {
		name, url  string
		unanswered bool
	}{
		{"answered, even with a refusal", answered.URL, false},
		{"cut short before Slack answered", hung.URL, true},
		{"never written", nowhere, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
			defer cancel()
			traced, unanswered := sending(ctx)
			req, err := http.NewRequestWithContext(traced, http.MethodPost, tt.url, http.NoBody)
			if err != nil {
				t.Fatal(err)
			}
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
			if got := unanswered(); got != tt.unanswered {
				t.Errorf("unanswered = %v, want %v", got, tt.unanswered)
			}
		})
	}
}
