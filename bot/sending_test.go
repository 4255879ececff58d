package bot

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// TestSendingTellsAReplySlackMayHave posts through the bot's own client
// and retries: a reply whose request Slack had whole, with no answer or
// a 2xx answer cut short, may have been posted, and is not sent again; one
// Slack refused, or one never written, was not.
func TestSendingTellsAReplySlackMayHave(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		answer   func(w http.ResponseWriter, r *http.Request, attempt int32)
		maybe    bool
		attempts int32
	}{
		{"no answer", func(w http.ResponseWriter, r *http.Request, _ int32) { <-r.Context().Done() }, true, 1},
		{"2xx cut short", func(w http.ResponseWriter, r *http.Request, _ int32) {
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		}, true, 1},
		{"connection dropped, then 503s", func(w http.ResponseWriter, r *http.Request, attempt int32) {
			if attempt == 1 {
				conn, _, _ := w.(http.Hijacker).Hijack()
				conn.Close()
				return
			}
			w.WriteHeader(http.StatusServiceUnavailable)
		}, true, 1},
		{"429s", func(w http.ResponseWriter, r *http.Request, _ int32) {
			w.Header().Set("Retry-After", "3")
			w.WriteHeader(http.StatusTooManyRequests)
		}, false, 1},
		{"a 503, then no answer", func(w http.ResponseWriter, r *http.Request, attempt int32) {
			if attempt == 1 {
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			<-r.Context().Done()
		}, true, 2},
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
		})
	}
	t.Run("never written", func(t *testing.T) {
		t.Parallel()
		closed, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		url := "http://" + closed.Addr().String() + "/"
		closed.Close()
		if maybe, err := postThrough(t, url); err == nil || maybe {
			t.Errorf("maybe = %v (%v), want false, and an error", maybe, err)
		}
	})
}

// postThrough posts a message to the Web API at url through the bot's
// transport and retries, for at most 1.5 s, and returns whether Slack may
// have it.
func postThrough(t *testing.T, url string) (bool, error) {
	t.Helper()
	api := slack.New("xoxb-test",
		slack.OptionHTTPClient(&http.Client{Transport: replyTransport{base: http.DefaultTransport}}),
		slack.OptionAPIURL(url), slack.OptionRetryConfig(retryConfig()))
	ctx, cancel := context.WithTimeout(t.Context(), 1500*time.Millisecond)
	defer cancel()
	call, maybe := sending(ctx)
	_, _, err := api.PostMessageContext(call, "C1", slack.MsgOptionText("hi", false))
	return maybe(), err
}
