package bot

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/directorbot/directorbot/bot/store"
)

// enqueue hands Web API work to the workers, in the lane of the
// conversation it is for, without waiting, and reports whether the work is
// in hand. When the lane or the queue is full the work is refused, logged
// and counted, and its claim (already held) released, so that the event
// may answer should it come again. Work arriving once shutdown has closed
// the lanes goes where the work still queued then goes: to the other
// replicas (handOver), and is in hand if it was kept for them (or
// dropped for a forget).
func (s *Server) enqueue(t task) bool {
	switch s.lanes.push(t) {
	case taken:
		return true
	case stopping:
		if s.handOver([]task{t}) == 1 {
			return true
		}
		// As for a full queue: a retry of the event may answer,
		// elsewhere.
		s.seen.forget(t.forget...)
		return false
	}
	s.queueFull("webapi", t.lane, "work", t.name)
	s.seen.forget(t.forget...)
	if t.held {
		s.release(t.claim)
	}
	return false
}

// spawnClaimed hands work to the workers, in the lane of the conversation
// (or user) it is for; from is the envelope it answers, handed over to
// another replica if shutdown leaves the work queued. It runs only if this replica claims keys[len-1]
// (the most specific key: a message's, or else the event's) first, and a
// reply that finally fails releases the claim and makes the repeat filter
// forget the keys, so that a retry of the event, here or elsewhere, may
// answer. It reports false when the work is not in hand: a full queue
// refused it, or shutdown could not hand it over (enqueue).
func (s *Server) spawnClaimed(name, lane string, keys []string, from *store.Handoff, do func(ctx context.Context)) bool {
	claim := ""
	for _, k := range keys {
		if k != "" {
			claim = k
		}
	}
	return s.enqueue(task{name: name, lane: lane, claim: claim, forget: keys, handoff: from, do: do})
}

// perform runs one task, with a deadline, surviving its panic: it claims
// the task's key unless someone else holds it, and releases the claim if a
// reply failed (failed). A task that shutdown cut short before any reply
// reached Slack is kept to be handed over (handoff.go); one that had sent a
// reply (a DM, then a note in the channel), or whose reply Slack may have
// (sending), is not run again: it would be sent twice.
func (s *Server) perform(t task) {
	ctx, cancel := context.WithTimeout(s.working, postTimeout)
	defer cancel()
	claimed := t.held
	if t.claim != "" && !t.held {
		answer, held := s.claim(ctx, t.claim)
		if !answer {
			return
		}
		claimed = held
	}
	var out outcome
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("handler panicked", "handler", t.name, "panic", redactText(fmt.Sprint(r)))
			out.failed.Store(true)
		}
		if out.failed.Load() {
			s.failed(t, claimed, &out)
		}
	}()
	t.do(withOutcome(ctx, &out))
}

// failed settles a task whose reply failed. When none of its replies
// reached Slack, a retry of its event may answer, here or elsewhere, and
// work shutdown cut short is kept to be handed over; otherwise it runs
// nowhere again, lest a reply come twice.
func (s *Server) failed(t task, claimed bool, out *outcome) {
	cut := s.working.Err() != nil
	switch {
	case !out.reached():
		s.seen.forget(t.forget...)
		released := !claimed || s.release(t.claim)
		switch {
		case cut && released:
			// Its claim is released: handOver must not release it again.
			t.held = false
			s.interrupted.add(t)
		case cut:
			s.metrics.handoffs.WithLabelValues(handoffDropped).Inc()
			s.log.Warn("did not hand a reply over: its claim could not be released, and holds every replica off", "handler", t.name)
		}
	case cut && out.maybe.Load():
		s.metrics.handoffs.WithLabelValues(handoffMaybeSent).Inc()
		s.log.Warn("did not hand a reply over: Slack may have it", "handler", t.name)
	case cut:
		s.metrics.handoffs.WithLabelValues(handoffPartlySent).Inc()
		s.log.Warn("did not hand a reply over: another of its replies was sent", "handler", t.name)
	}
}

// drain waits, at most drainTimeout, for the /director answers and the Web
// API work in flight, and reports whether all of it finished.
func (s *Server) drain() bool {
	ctx, cancel := context.WithTimeout(context.Background(), drainTimeout)
	defer cancel()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		queued, running := s.lanes.depth()
		if s.slashBusy.Load() == 0 && queued == 0 && running == 0 {
			return true
		}
		select {
		case <-ctx.Done():
			s.log.Warn("gave up waiting for replies in flight", "after", drainTimeout.String(), "queued", queued, "running", running)
			return false
		case <-s.lanes.idle:
		case <-tick.C:
		}
	}
}

// stopWork ends the workers, the ackers and the /director pool, and hands
// the work still queued, and the work it cut short, over to the other
// replicas (handoff.go).
func (s *Server) stopWork() {
	s.stopTaking()
	left := s.lanes.close()
	s.stopRunning()
	ctx, cancel := context.WithTimeout(context.Background(), handoffTimeout)
	defer cancel()
	if !s.lanes.wait(ctx) {
		s.log.Warn("work still running after it was cut short", "after", handoffTimeout.String())
	}
	// A task cut short came before those still queued in its lane.
	s.handOver(append(s.interrupted.take(), left...))
	if n := len(s.slashq); n > 0 {
		// Their clocks may have acked them: the askers see nothing.
		s.log.Warn("/director commands still waiting for the pool at shutdown are not answered", "commands", n)
	}
	s.stopOnce.Do(func() { close(s.stopAcks) })
}

// interrupted holds the tasks that failed because shutdown cut them
// short. It is safe for concurrent use.
type interrupted struct {
	mu    sync.Mutex
	tasks []task
}

func (i *interrupted) add(t task) {
	i.mu.Lock()
	i.tasks = append(i.tasks, t)
	i.mu.Unlock()
}

// take returns the tasks held and forgets them.
func (i *interrupted) take() []task {
	i.mu.Lock()
	defer i.mu.Unlock()
	t := i.tasks
	i.tasks = nil
	return t
}
