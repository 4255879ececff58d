package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
)

// sending returns ctx for the calls that send one reply, and a function
// that tells whether Slack may have the reply though the call failed: an
// attempt's request was written whole and no answer came back (shutdown
// or a timeout cut the wait short, or the connection dropped), or Slack
// answered 2xx and the rest of the answer was lost. Once it may, the
// call's retries (retryConfig) send nothing more: sent again, the reply
// might come twice. Slack's 429s and other 4xx and 5xx answers say the
// reply was not posted, and are retried as before.
func sending(ctx context.Context) (context.Context, func() bool) {
	var maybe atomic.Bool
	return context.WithValue(ctx, sendingKey{}, &maybe), maybe.Load
}

type sendingKey struct{}

// errMaybeSent stops a retry of a reply Slack may already have.
var errMaybeSent = errors.New("not sent again: Slack may have it from an earlier attempt")

// replyTransport notes, for the requests of a reply (sending), whether
// Slack may have it.
type replyTransport struct{ base http.RoundTripper }

// RoundTrip sends the request, or refuses to when it is a reply Slack may
// already have.
func (t replyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	maybe, _ := req.Context().Value(sendingKey{}).(*atomic.Bool)
	if maybe == nil {
		return t.base.RoundTrip(req)
	}
	if maybe.Load() {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, errMaybeSent
	}
	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{WroteRequest: func(w httptrace.WroteRequestInfo) { wrote.Store(w.Err == nil) }}
	resp, err := t.base.RoundTrip(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
	switch {
	case err != nil:
		maybe.Store(wrote.Load())
	case resp.StatusCode < 300:
		maybe.Store(true)
	}
	return resp, err
}
