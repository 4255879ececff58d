package fakeslack

import "time"

// Slack posts about one message a second to a channel, and allows short
// bursts (https://docs.slack.dev/apis/web-api/rate-limits, "Posting
// messages"): beyond that, chat.postMessage is answered HTTP 429 with
// Retry-After, the seconds to wait. The fake keeps a bucket of posts per
// channel that refills at one a second and holds PostBurst at most.

// PostBurst is the posts a quiet channel takes at once. Slack does not
// document the size of a burst; five is fewer than people report (25-40),
// so a bot that keeps to it keeps to Slack's.
const PostBurst = 5

// postBucket is one channel's posts in hand, at a time.
type postBucket struct {
	posts float64
	at    time.Time
}

// takePost takes one post from a channel's bucket, and reports whether it
// held one. An empty bucket holds one again within a second, which is the
// Retry-After the fake answers. Callers hold s.mu.
func (s *Slack) takePost(channel string, now time.Time) bool {
	b, seen := s.buckets[channel]
	if !seen {
		b = postBucket{posts: PostBurst, at: now}
	}
	b.posts = min(PostBurst, b.posts+now.Sub(b.at).Seconds())
	b.at = now
	ok := b.posts >= 1
	if ok {
		b.posts--
	}
	s.buckets[channel] = b
	return ok
}

// Limited returns the calls answered 429 so far, in order. Calls leaves
// them out: Slack took nothing from them.
func (s *Slack) Limited() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.limited...)
}
