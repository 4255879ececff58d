package fakeslack

import (
	"fmt"
	"sync/atomic"
	"time"
)

// responseSeq numbers the response URLs the fake issues with envelopes,
// so that no two share an id, and so their five posts.
var responseSeq atomic.Int64

// Slack takes at most five posts to a response_url, within 30 minutes of
// the interaction that gave it
// (https://docs.slack.dev/interactivity/handling-user-interaction, "Using
// response_url"), and only response URLs it issued. The fake issues one
// with each slash command and click (ResponseURL) and refuses, with 404
// Not Found, a post to one it never issued, a sixth post, or one made
// after its lifetime (Slack.ResponseURLLifetime), counted from when it was
// issued. A post Slack refuses for its message counts too. Slack's
// documentation gives no error body for these; the fake answers
// no_service, used_url and expired_url, and the person sees nothing.

// MaxResponseURLUses is how many posts a response_url takes.
const MaxResponseURLUses = 5

// The errors of a post to a response_url Slack would not take.
const (
	NoService  = "no_service"
	UsedURL    = "used_url"
	ExpiredURL = "expired_url"
)

// responseURL is one response_url the fake issued: when, and how many
// posts it has taken.
type responseURL struct {
	issued time.Time
	uses   int
}

// issue records a response_url the first time it is given out.
func (s *Slack) issue(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.responseURLs[id]; !ok {
		s.responseURLs[id] = &responseURL{issued: time.Now()}
	}
}

// spend counts a post to a response_url and returns the error Slack would
// refuse it with, or "".
func (s *Slack) spend(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.responseURLs[id]
	switch {
	case !ok:
		return NoService
	case time.Since(u.issued) > s.ResponseURLLifetime:
		return ExpiredURL
	case u.uses == MaxResponseURLUses:
		return UsedURL
	}
	u.uses++
	return ""
}

// spentViolation says why a response_url took no post.
func (s *Slack) spentViolation(code string) Violation {
	messages := map[string]string{
		NoService:  "this response_url was never issued",
		UsedURL:    fmt.Sprintf("this response_url has already taken %d posts", MaxResponseURLUses),
		ExpiredURL: fmt.Sprintf("this response_url is older than %v", s.ResponseURLLifetime),
	}
	return Violation{Code: code, Message: messages[code], Pointer: "/"}
}
