package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"

	"github.com/slack-go/slack"
)

// sending returns ctx for the calls that send one reply, and a function
// that tells, from the call's error, whether Slack may have the reply
// though the call failed: an attempt's request was written whole and no
// answer came back (shutdown or a timeout cut the wait short, or the
// connection dropped), or Slack answered 2xx (and then its error, or the
// rest of its answer, said nothing sure) or 502 or 504, which a gateway
// answers when it gave up on a request Slack may have gone on to serve.
// Once it may, the call's retries (retryConfig) send nothing more: sent
// again, the reply might come twice. A 429, 500, 503 or other error
// answer says the reply was not posted, and is retried as before; so
// does an error Slack names in its answer ({"ok": false}), but for
// "fatal_error", after which Slack says some of it may have been done.
func sending(ctx context.Context) (context.Context, func(err error) bool) {
	var maybe mayHave
	return context.WithValue(ctx, sendingKey{}, &maybe), func(err error) bool {
		var refused slack.SlackErrorResponse
		return err != nil && maybe.first.Load() != nil && !(errors.As(err, &refused) && refused.Err != "fatal_error")
	}
}

type sendingKey struct{}

// mayHave holds, once Slack may have a reply, the attempt that says so,
// for the error that refuses the next.
type mayHave struct{ first atomic.Pointer[attempt] }

// attempt is how an attempt of a reply's call ended: its request written
// whole, then err, or Slack's answer, status.
type attempt struct {
	err    error
	status string
}

// errMaybeSent stops a retry of a reply Slack may already have.
var errMaybeSent = errors.New("not sent again: Slack may have it from an earlier attempt")

// maybeSentError is errMaybeSent, with the earlier attempt that made it.
type maybeSentError struct{ earlier attempt }

func (e maybeSentError) Error() string {
	if e.earlier.err != nil {
		return fmt.Sprintf("%v (it was written whole, then: %v)", errMaybeSent, e.earlier.err)
	}
	return fmt.Sprintf("%v (it was answered %s)", errMaybeSent, e.earlier.status)
}

func (e maybeSentError) Is(target error) bool { return target == errMaybeSent }

// replyTransport notes, for the requests of a reply (sending), whether
// Slack may have it.
type replyTransport struct{ base http.RoundTripper }

// RoundTrip sends the request, or refuses to when it is a reply Slack may
// already have.
func (t replyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	maybe, _ := req.Context().Value(sendingKey{}).(*mayHave)
	if maybe == nil {
		return t.base.RoundTrip(req)
	}
	if first := maybe.first.Load(); first != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, maybeSentError{*first}
	}
	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{WroteRequest: func(w httptrace.WroteRequestInfo) { wrote.Store(w.Err == nil) }}
	resp, err := t.base.RoundTrip(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
	switch {
	case err != nil && wrote.Load():
		maybe.first.CompareAndSwap(nil, &attempt{err: err})
	case err == nil && servedMaybe(resp.StatusCode):
		maybe.first.CompareAndSwap(nil, &attempt{status: resp.Status})
	}
	return resp, err
}

// servedMaybe reports whether an answer with the status may come from
// Slack having served the request: 2xx, or a gateway's 502 or 504.
func servedMaybe(status int) bool {
	return status < 300 || status == http.StatusBadGateway || status == http.StatusGatewayTimeout
}
