package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/directorbot/directorbot/bot/store"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// Handoffs keep the replies a replica had queued but not sent when it shut
// down: the envelopes they answer were acked, so Slack will not send them
// again, and without a handoff they would be lost. Another replica, or the
// next start, takes them and answers. *store.Store implements it.
type Handoffs interface {
	// PutHandoffs keeps hs until TakeHandoffs takes them.
	PutHandoffs(ctx context.Context, hs []store.Handoff) error
	// TakeHandoffs deletes and returns at most limit handoffs, oldest
	// first; replicas taking at once take different ones.
	TakeHandoffs(ctx context.Context, limit int) ([]store.Handoff, error)
}

// Handoff limits: replicas look for handed-over replies every handoffPoll,
// take at most handoffBatch at a time, and answer none older than
// store.HandoffMaxAge (an answer that late reads as a glitch, not a
// reply); a read or write of handoffs that takes longer than
// handoffTimeout is given up. The people forgotten within handoffMaxAge
// are remembered, at most forgottenKept of them, so that none of their
// work from before is handed over.
const (
	handoffPoll    = 2 * time.Second
	handoffBatch   = 64
	handoffMaxAge  = store.HandoffMaxAge
	handoffTimeout = 2 * time.Second
	forgottenKept  = 10_000
)

// handoffOf is the envelope evt, for user, as another replica needs it to
// answer: nil when it carries no payload.
func handoffOf(evt socketmode.Event, user string, received time.Time) *store.Handoff {
	if evt.Request == nil || len(evt.Request.Payload) == 0 || user == "" {
		return nil
	}
	return &store.Handoff{Type: evt.Request.Type, Payload: evt.Request.Payload, User: user, Received: received}
}

// handOver keeps in the store the tasks that shutdown left queued, for
// another replica to run, and logs and counts those it could not keep:
// work without an envelope, or every task when there is no store or it
// fails. A late /director answer's claim, taken before it was queued, is
// released for the replica that takes it over. Work that came before
// its person asked to be forgotten is dropped: run elsewhere, it would
// keep of them again what the forget deleted. It returns how many tasks
// are settled: kept for another replica, or dropped for a forget.
func (s *Server) handOver(left []task) (settled int) {
	var keep []store.Handoff
	dropped := map[string]int{}
	for _, t := range left {
		if t.held && !s.release(t.claim) {
			// Its claim would keep the replica that takes it from
			// answering.
			dropped["claim not released"]++
			continue
		}
		switch {
		case t.handoff != nil && s.forgottenSince(t.handoff.User, t.handoff.Received):
			dropped["forgotten"]++
			settled++
		case t.handoff == nil || s.cfg.Handoffs == nil:
			dropped[t.name]++
		default:
			keep = append(keep, withoutToken(*t.handoff))
		}
	}
	if len(keep) > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), handoffTimeout)
		defer cancel()
		if err := s.cfg.Handoffs.PutHandoffs(ctx, keep); err != nil {
			s.metrics.storeErrors.Inc()
			s.log.Error("could not hand the queued replies over", "replies", len(keep), "err", safeError(err))
			dropped["handoff"] += len(keep)
		} else {
			s.metrics.handoffs.WithLabelValues(handoffKept).Add(float64(len(keep)))
			s.log.Info("handed the queued replies over to the other replicas", "replies", len(keep))
			settled += len(keep)
		}
	}
	if n := total(dropped); n > 0 {
		s.metrics.handoffs.WithLabelValues(handoffDropped).Add(float64(n))
		s.log.Warn("dropped the replies still queued at shutdown", "replies", n, "by_work", dropped)
	}
	return settled
}

// forgottenSince reports whether user asked to be forgotten at or after
// at.
func (s *Server) forgottenSince(user string, at time.Time) bool {
	when, ok := s.forgotten.Get(user)
	return ok && !when.Before(at)
}

// withoutToken is h without the verification token Slack puts in every
// payload: the bot never reads it, and the store need not keep it.
func withoutToken(h store.Handoff) store.Handoff {
	var fields map[string]json.RawMessage
	if json.Unmarshal(h.Payload, &fields) != nil {
		return h
	}
	if _, ok := fields["token"]; !ok {
		return h
	}
	delete(fields, "token")
	if payload, err := json.Marshal(fields); err == nil {
		h.Payload = payload
	}
	return h
}

// total sums the counts of m.
func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// takeHandoffs starts answering, every handoffPoll, the replies other
// replicas (or this one's last run) handed over, and returns the function
// that stops it and waits until it has.
func (s *Server) takeHandoffs() (stop func()) {
	if s.cfg.Handoffs == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(handoffPoll)
		defer tick.Stop()
		var told failureLog
		for {
			asked, err := s.takeHandoffBatches(ctx)
			switch {
			case !asked:
				// Queues half full: the store was not asked.
			case err != nil && ctx.Err() == nil:
				s.metrics.storeErrors.Inc()
				if told.due(time.Now()) {
					s.log.Error("could not take the replies other replicas handed over", "err", safeError(err), "told_again_in", failureRepeat.String())
				}
			case err == nil && told.over():
				s.log.Info("taking the replies other replicas hand over again")
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return sync.OnceFunc(func() {
		cancel()
		<-done
	})
}

// failureRepeat is how often a failure that goes on every handoffPoll is
// logged again: each is counted (directorbot_store_errors_total), and a
// line every 2 s while the store is down would bury the rest.
const failureRepeat = time.Minute

// failureLog says when a failure that repeats should be logged: the first
// time, then every failureRepeat while it goes on.
type failureLog struct{ last time.Time }

// due reports whether the failure should be logged now, and notes it.
func (f *failureLog) due(now time.Time) bool {
	if !f.last.IsZero() && now.Sub(f.last) < failureRepeat {
		return false
	}
	f.last = now
	return true
}

// over reports whether a failure was logged since the last success, and
// forgets it: the end of the failure is worth a line too.
func (f *failureLog) over() bool {
	was := !f.last.IsZero()
	f.last = time.Time{}
	return was
}

// takeHandoffBatches takes handoffs until none are left, or ctx ends, or
// this replica's queues are half full: what it takes is deleted from the
// store, and work its queues refuse would be lost. It reports whether it
// asked the store, and the store's error, if taking failed.
func (s *Server) takeHandoffBatches(ctx context.Context) (asked bool, err error) {
	for ctx.Err() == nil {
		if queued, _ := s.lanes.depth(); queued > maxQueued/2 {
			return asked, nil
		}
		tctx, cancel := context.WithTimeout(ctx, handoffTimeout)
		hs, err := s.cfg.Handoffs.TakeHandoffs(tctx, handoffBatch)
		cancel()
		asked = true
		if err != nil {
			return true, err
		}
		if len(hs) > 0 {
			s.log.Info("answering the replies another replica handed over", "replies", len(hs))
		}
		for _, h := range hs {
			s.resume(h)
		}
		if len(hs) < handoffBatch {
			return true, nil
		}
	}
	return asked, nil
}

// resume answers a handed-over envelope as if it had just arrived, without
// acking it again: Slack has its ack.
func (s *Server) resume(h store.Handoff) {
	if age := time.Since(h.Received); age > handoffMaxAge {
		s.metrics.handoffs.WithLabelValues(handoffExpired).Inc()
		s.log.Warn("dropped a handed-over reply: too late to answer", "type", h.Type, "age", age.Round(time.Second).String())
		return
	}
	evt, err := handedOverEvent(h)
	if err != nil {
		s.metrics.handoffs.WithLabelValues(handoffDropped).Inc()
		s.log.Error("dropped a handed-over reply", "err", safeError(err))
		return
	}
	queued := true
	switch evt.Type {
	case socketmode.EventTypeEventsAPI:
		queued = s.onEvent(evt, h.Received)
	case socketmode.EventTypeInteractive:
		queued = s.onInteraction(evt, h.Received)
	case socketmode.EventTypeSlashCommand:
		// Received long enough ago, its answer goes to its response_url.
		queued = s.onSlash(evt, h.Received)
	}
	if !queued {
		// Slack has its ack and will not send it again.
		s.metrics.handoffs.WithLabelValues(handoffDropped).Inc()
		s.log.Warn("dropped a handed-over reply: its queue is full", "type", h.Type)
		return
	}
	s.metrics.handoffs.WithLabelValues(handoffResumed).Inc()
}

// handedOver reports whether evt was handed over (resume): Slack had its
// ack, and it has no envelope ID to ack again.
func handedOver(evt socketmode.Event) bool {
	return evt.Request != nil && evt.Request.EnvelopeID == ""
}

// handedOverEvent reads a handoff's envelope as slack-go's Socket Mode
// client reads one from the connection.
func handedOverEvent(h store.Handoff) (socketmode.Event, error) {
	req := &socketmode.Request{Type: h.Type, Payload: h.Payload}
	switch h.Type {
	case socketmode.RequestTypeEventsAPI:
		outer, err := slackevents.ParseEvent(h.Payload, slackevents.OptionNoVerifyToken())
		if err != nil {
			return socketmode.Event{}, fmt.Errorf("read a handed-over event: %w", err)
		}
		return socketmode.Event{Type: socketmode.EventTypeEventsAPI, Data: outer, Request: req}, nil
	case socketmode.RequestTypeInteractive:
		var cb slack.InteractionCallback
		if err := json.Unmarshal(h.Payload, &cb); err != nil {
			return socketmode.Event{}, fmt.Errorf("read a handed-over click: %w", err)
		}
		return socketmode.Event{Type: socketmode.EventTypeInteractive, Data: cb, Request: req}, nil
	case socketmode.RequestTypeSlashCommands:
		var cmd slack.SlashCommand
		if err := json.Unmarshal(h.Payload, &cmd); err != nil {
			return socketmode.Event{}, fmt.Errorf("read a handed-over command: %w", err)
		}
		return socketmode.Event{Type: socketmode.EventTypeSlashCommand, Data: cmd, Request: req}, nil
	}
	return socketmode.Event{}, fmt.Errorf("a handed-over envelope of type %q", h.Type)
}
