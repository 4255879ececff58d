package bot

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// TestSendingTellsAReplySlackMayHave posts through the bot's own client
// and retries: a reply whose request Slack had whole, with no answer, a
// 2xx answer cut short, a gateway's 504 or Slack's fatal_error, may have
// been posted, and is not sent again; one Slack refused (429, 500, 503, an
// error it names), or one never written, was not.
func TestSendingTellsAReplySlackMayHave(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		answer   func(w http.ResponseWriter, r *http.Request, n int32)
		maybe    bool
		attempts int32
		// earlier is, when a retry was refused, the earlier attempt's
		// outcome the error names: "written" for a request written whole
		// and then cut short, else Slack's status.
		earlier string
	}{
		{"no answer", func(w http.ResponseWriter, r *http.Request, _ int32) { <-r.Context().Done() }, true, 1, ""},
		{"2xx cut short", func(w http.ResponseWriter, r *http.Request, _ int32) {
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		}, true, 1, ""},
		{"connection dropped, then 503s", func(w http.ResponseWriter, r *http.Request, n int32) {
			if n == 1 {
				conn, _, _ := w.(http.Hijacker).Hijack()
				conn.Close()
				return
			}
			w.WriteHeader(http.StatusServiceUnavailable)
		}, true, 1, "written"},
		{"a 429, then no answer", func(w http.ResponseWriter, r *http.Request, n int32) {
			if n == 1 {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			<-r.Context().Done()
		}, true, 2, ""},
		{"429s", func(w http.ResponseWriter, r *http.Request, _ int32) {
			w.Header().Set("Retry-After", "5")
			w.WriteHeader(http.StatusTooManyRequests)
		}, false, 1, ""},
		{"a 504, then 200", func(w http.ResponseWriter, r *http.Request, n int32) {
			if n == 1 {
				w.WriteHeader(http.StatusGatewayTimeout)
				return
			}
			w.Write([]byte(`{"ok":true}`))
		}, true, 1, "504 Gateway Timeout"},
		{"an error Slack names", func(w http.ResponseWriter, r *http.Request, _ int32) {
			w.Write([]byte(`{"ok":false,"error":"channel_not_found"}`))
		}, false, 1, ""},
		{"a fatal error", func(w http.ResponseWriter, r *http.Request, _ int32) {
			w.Write([]byte(`{"ok":false,"error":"fatal_error"}`))
		}, true, 1, ""},
		{"a 500, then no answer", func(w http.ResponseWriter, r *http.Request, n int32) {
			if n == 1 {
				w.WriteHeader(http.StatusInternalServerError)
				return
			}
			<-r.Context().Done()
		}, true, 2, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var attempts atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				// The server sees a client give up only once it has read the request.
				if _, err := io.Copy(io.Discard, r.Body); err != nil {
					return
				}
				tt.answer(w, r, attempts.Add(1))
			}))
			t.Cleanup(srv.Close)
			maybe, err := postThrough(t, srv.URL+"/")
			if err == nil {
				t.Fatal("the post succeeded")
			}
			if maybe != tt.maybe || attempts.Load() != tt.attempts {
				t.Errorf("maybe = %v after %d attempts (%v), want %v after %d", maybe, attempts.Load(), err, tt.maybe, tt.attempts)
			}
			var refused maybeSentError
			errors.As(err, &refused)
			earlier := refused.earlier.status
			if refused.earlier.err != nil {
				earlier = "written"
			}
			if earlier != tt.earlier || errors.Is(err, errMaybeSent) != (tt.earlier != "") {
				t.Errorf("err = %v, want a retry refused after %q", err, tt.earlier)
			}
		})
	}
	t.Run("never written", func(t *testing.T) {
		t.Parallel()
		// Nothing listens on port 1 (tcpmux) here: the connection is refused.
		if maybe, err := postThrough(t, "http://127.0.0.1:1/"); err == nil || maybe {
			t.Errorf("maybe = %v (%v), want false, and an error", maybe, err)
		}
	})
}

// postThrough posts a message to the Web API at url through the bot's
// transport and retries, for at most 3 s, and returns whether Slack may
// have it.
func postThrough(t *testing.T, url string) (bool, error) {
	t.Helper()
	api := slack.New("xoxb-test",
		slack.OptionHTTPClient(&http.Client{Transport: replyTransport{base: http.DefaultTransport}}),
		slack.OptionAPIURL(url), slack.OptionRetryConfig(retryConfig()))
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
	defer cancel()
	call, maybe := sending(ctx)
	_, _, err := api.PostMessageContext(call, "C1", slack.MsgOptionText("hi", false))
	return maybe(err), err
}
