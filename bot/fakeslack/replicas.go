package fakeslack

import (
	"encoding/json"
	"maps"
	"slices"
	"time"

	"github.com/gorilla/websocket"
)

// Several replicas of the bot connect to one fake, as to Slack, which gives
// each envelope to one of the app's open connections and, for the Events
// API, sends an envelope that was not acked again as a retry
// (retry_attempt counting up, retry_reason "timeout"), on any connection.
// Connections are numbered in the order they said hello, from 0.

// replicaState is what the fake knows of its connections.
type replicaState struct {
	// closed marks the connections that are gone, and broken those a write
	// failed on, which are gone once the fake has read all the bot wrote.
	closed map[int]bool
	broken map[int]bool
	// on is the connection each pending envelope was last written on.
	on map[string]int
	// retryOnClose retries the pending events of a closed connection on
	// another one.
	retryOnClose bool
	// lost are envelopes that were pending on a connection when it closed
	// and that Slack does not retry: slash commands and interactions.
	lost []Envelope
	// next is the round-robin position of DeliverAny.
	next int
}

// OpenConnections returns the numbers of the connections still open.
func (s *Slack) OpenConnections() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	var open []int
	for i := range s.writers {
		if !s.replicas.closed[i] && !s.replicas.broken[i] {
			open = append(open, i)
		}
	}
	return open
}

// openConnection reports whether the envelope with the given ID was
// written on a connection still open. Callers hold s.mu.
func (s *Slack) openConnection(id string) bool {
	c, ok := s.replicas.on[id]
	return ok && !s.replicas.closed[c] && !s.replicas.broken[c]
}

// DeliverOn writes an envelope on connection conn, where it stays pending
// until acked.
func (s *Slack) DeliverOn(conn int, e Envelope) error {
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	s.mu.Lock()
	if conn < 0 || conn >= len(s.writers) || s.replicas.closed[conn] || s.replicas.broken[conn] {
		s.mu.Unlock()
		return ErrNotConnected
	}
	w := s.writers[conn]
	if s.replicas.on == nil {
		s.replicas.on = map[string]int{}
	}
	s.pending[e.ID()] = e
	s.noteMember(e)
	s.replicas.on[e.ID()] = conn
	if _, ok := s.sentAt[e.ID()]; !ok {
		s.sentAt[e.ID()] = time.Now()
	}
	s.mu.Unlock()
	if err := w(websocket.TextMessage, data); err != nil {
		// The acks the bot wrote before it closed may still be unread:
		// the connection is done once link has read them.
		s.mu.Lock()
		if s.replicas.broken == nil {
			s.replicas.broken = map[int]bool{}
		}
		s.replicas.broken[conn] = true
		s.mu.Unlock()
		return err
	}
	return nil
}

// DeliverAny writes an envelope on one of the open connections, in turn, as
// Slack spreads envelopes over an app's connections, and returns which. A
// connection found closed is skipped.
func (s *Slack) DeliverAny(e Envelope) (int, error) {
	for {
		open := s.OpenConnections()
		if len(open) == 0 {
			return -1, ErrNotConnected
		}
		s.mu.Lock()
		conn := open[s.replicas.next%len(open)]
		s.replicas.next++
		s.mu.Unlock()
		if err := s.DeliverOn(conn, e); err == nil {
			return conn, nil
		}
	}
}

// RetryOn sends an envelope again on connection conn, as Slack retries an
// event that was not acked in time: the same envelope with retry_attempt
// one higher and retry_reason "timeout".
func (s *Slack) RetryOn(conn int, e Envelope) error {
	return s.DeliverOn(conn, retryOf(e))
}

// retryOf is the next retry of an envelope.
func retryOf(e Envelope) Envelope {
	r := maps.Clone(e)
	attempt, _ := e["retry_attempt"].(int)
	r["retry_attempt"] = attempt + 1
	r["retry_reason"] = "timeout"
	return r
}

// SlackRetries is when Slack sends an event not acked again, counted from
// when it first sent it: once its ack is late (AckDeadline), then about a
// minute and five minutes later.
var SlackRetries = []time.Duration{AckDeadline, AckDeadline + time.Minute, AckDeadline + 5*time.Minute}

// retryTick is how often RetryLate looks for events due to be sent again.
const retryTick = 20 * time.Millisecond

// RetryLate makes the fake send an event not acked again, as Slack does,
// on one of the open connections in turn: the nth time after[n-1] after
// it was first sent (SlackRetries, or shorter in a test), and no more
// after the last. Slash commands and interactions are never sent again.
func (s *Slack) RetryLate(after ...time.Duration) {
	s.mu.Lock()
	started := s.retrying
	s.retryAfter, s.retrying = slices.Clone(after), true
	s.mu.Unlock()
	if started {
		return
	}
	go func() {
		t := time.NewTicker(retryTick)
		defer t.Stop()
		for {
			select {
			case <-s.closing:
				return
			case now := <-t.C:
				s.retryDue(now)
			}
		}
	}()
}

// retryDue sends again each pending event whose next retry is due.
func (s *Slack) retryDue(now time.Time) {
	s.mu.Lock()
	var due []Envelope
	for id, e := range s.pending {
		attempt, _ := e["retry_attempt"].(int)
		if e["type"] == "events_api" && attempt < len(s.retryAfter) && now.Sub(s.sentAt[id]) >= s.retryAfter[attempt] {
			// Made under the lock: redeliver writes pending envelopes.
			due = append(due, retryOf(e))
		}
	}
	s.mu.Unlock()
	slices.SortFunc(due, func(a, b Envelope) int { return compareIDs(a.ID(), b.ID()) })
	for _, e := range due {
		if _, err := s.DeliverAny(e); err != nil {
			return
		}
	}
}

// RetryOnClose makes the fake retry, on another open connection, the
// events that were pending on a connection when it closed, as Slack does;
// otherwise they are sent again on the next connection. Slash commands and
// interactions pending on it are never sent again: Lost returns them.
func (s *Slack) RetryOnClose() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replicas.retryOnClose = true
}

// Lost returns the slash commands and interactions that were pending on a
// connection when it closed: Slack shows their users an error.
func (s *Slack) Lost() []Envelope {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.replicas.lost)
}

// connectionClosed marks a connection gone, loses its pending slash
// commands and interactions and, with RetryOnClose, retries its pending
// events elsewhere.
func (s *Slack) connectionClosed(conn int) {
	s.mu.Lock()
	if s.replicas.closed == nil {
		s.replicas.closed = map[int]bool{}
	}
	if s.replicas.closed[conn] {
		s.mu.Unlock()
		return
	}
	s.replicas.closed[conn] = true
	var retry []Envelope
	for id, c := range s.replicas.on {
		e, pending := s.pending[id]
		if !pending || c != conn {
			continue
		}
		switch {
		case e["type"] != "events_api":
			s.replicas.lost = append(s.replicas.lost, e)
			delete(s.pending, id)
		case s.replicas.retryOnClose:
			retry = append(retry, e)
		default:
			// Sent again on the next connection (redeliver).
			continue
		}
		delete(s.replicas.on, id)
	}
	s.mu.Unlock()
	slices.SortFunc(retry, func(a, b Envelope) int { return compareIDs(a.ID(), b.ID()) })
	for _, e := range retry {
		if _, err := s.DeliverAny(retryOf(e)); err != nil {
			return
		}
	}
	s.poke()
}

// compareIDs orders envelope IDs such as env-9 and env-10 by length, then
// text, which for the fake's IDs is the order they were made in.
func compareIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
