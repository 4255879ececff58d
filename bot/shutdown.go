package bot

import (
	"context"
	"time"
)

// catchUpTimeout bounds how long shutdown goes on reading while it catches
// up with the envelopes already read, and settleTimeout how long it keeps
// a connection open, reading nothing more, for the acks of those it read:
// an ack is due within ackTimeout.
const (
	catchUpTimeout = time.Second
	settleTimeout  = ackTimeout + time.Second
)

// shutdown ends Run when its context ends, in the order that loses no ack:
//
//  1. The bot catches up: it goes on reading and acking until every
//     envelope read has its ack written (at most catchUpTimeout), so that
//     at the moment it stops reading nothing waits.
//  2. The gates stop reading: each connection lets through the rest of the
//     message it is in, and nothing more. What that let through is
//     dispatched and acked as usual; the connection stays open until every
//     envelope read has its ack written (at most settleTimeout).
//  3. The connection is closed, with a close frame, so Slack sends what
//     comes next to the app's other connections; events it had written to
//     this one but the bot never read are sent again there.
//  4. The replies in flight finish, at most drainTimeout; then the second
//     forgets still waiting run (forget.go), and the replies still queued,
//     or cut short, are handed over to the other replicas (handoff.go).
//
// It returns nil: a shutdown is not an error.
func (s *Server) shutdown(stopSocketMode context.CancelFunc, socketModeDone <-chan error) error {
	start := time.Now()
	s.stopTaking()
	s.log.Info("shutting down: acking the envelopes read, then reading no more")
	ended := s.settle(catchUpTimeout, socketModeDone)
	caughtUp := time.Since(start)
	s.gates.pause()
	if !ended {
		ended = s.settle(settleTimeout, socketModeDone)
		if ok, waiting := s.gates.settled(); !ok && !ended {
			s.log.Warn("closing with envelopes not acked", "unacked", waiting, "after", settleTimeout.String())
		}
	}
	read, unacked := s.gates.stats()
	stopSocketMode()
	s.gates.closeAll()
	s.metrics.connected.Store(false)
	if !ended {
		select {
		case <-socketModeDone:
		case <-time.After(2 * time.Second):
			s.log.Warn("socket mode client did not stop")
		}
	}
	s.log.Info("connection closed", "envelopes_read", read, "unacked", len(unacked), "caught_up", caughtUp.Round(time.Microsecond).String(), "took", time.Since(start).Round(time.Microsecond).String())
	finished := s.drain()
	s.lateForgets.flush()
	s.stopWork()
	s.log.Info("shut down", "replies_finished", finished, "took", time.Since(start).Round(time.Millisecond).String())
	return nil
}

// settle dispatches envelopes as they come until every open connection is
// at a message boundary with every envelope it let through acked, or until
// timeout. It returns true if slack-go's connection manager ended
// meanwhile: then there is no connection left to settle.
func (s *Server) settle(timeout time.Duration, socketModeDone <-chan error) (ended bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		if ok, _ := s.gates.settled(); ok {
			return false
		}
		select {
		case evt, ok := <-s.sm.Events:
			if ok {
				_ = s.dispatch(evt)
			}
		case <-s.gates.changed:
		case <-socketModeDone:
			return true
		case <-deadline.C:
			return false
		}
	}
}
