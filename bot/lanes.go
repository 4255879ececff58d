package bot

import (
	"context"
	"slices"
	"sync"

	"github.com/directorbot/directorbot/bot/store"
)

// Web API work (posting answers, publishing the Home tab, replying to a
// response_url) waits in lanes, one per conversation, for a fixed set of
// long-lived workers. The queues are bounded, in all and per lane, so a
// flood is refused with a log line and a metric rather than held in
// goroutines; the workers take lanes in turn, and a lane runs one task at
// a time. So one conversation's replies come in order, a "forget me" is
// not undone by work queued before it, a conversation whose calls hang (an
// incident at Slack) holds one worker while the others go on answering
// everyone else, and a busy channel's posts do not race each other for
// Slack's posting rate (about one message a second to a channel): each
// waits its turn, and a post answered 429 is tried again after the wait
// Slack asks for (retryConfig), not lost.

// Lane limits: tasks waiting in all, and tasks waiting in one lane (at one
// post a second, more would be minutes late).
const (
	maxQueued     = 4096
	maxLaneQueued = 256
)

// task is Web API work for a worker.
type task struct {
	name string
	// lane is the conversation (or user) the work is for.
	lane string
	// claim, if set, is claimed before the work runs; held says it was
	// claimed already. Either way a task whose reply finally failed
	// releases it.
	claim string
	held  bool
	// forget are the repeat filter's keys, forgotten if the reply fails.
	forget []string
	// handoff is the envelope the work answers, kept for another replica
	// when shutdown leaves the task queued (handoff.go); nil: none.
	handoff *store.Handoff
	do      func(ctx context.Context)
}

// lane is one conversation's queue.
type lane struct {
	key   string
	tasks []task
	// busy says one of its tasks runs: the next waits for it.
	busy  bool
	ready bool
}

// lanes queues tasks by lane. It is safe for concurrent use.
type lanes struct {
	mu       sync.Mutex
	wake     *sync.Cond
	byKey    map[string]*lane
	ready    []*lane
	queued   int
	running  int
	closed   bool
	laneCap  int
	totalCap int
	// idle is signalled when a task finishes.
	idle chan struct{}
}

func newLanes() *lanes {
	l := &lanes{
		byKey:    map[string]*lane{},
		laneCap:  maxLaneQueued,
		totalCap: maxQueued,
		idle:     make(chan struct{}, 1),
	}
	l.wake = sync.NewCond(&l.mu)
	return l
}

// pushed is what became of a task pushed.
type pushed int

const (
	taken pushed = iota
	// noRoom: its lane or the queue was full.
	noRoom
	// stopping: the lanes were closed, for shutdown.
	stopping
)

// push queues a task, or says why it could not.
func (l *lanes) push(t task) pushed {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return stopping
	}
	if l.queued >= l.totalCap {
		return noRoom
	}
	ln := l.byKey[t.lane]
	if ln == nil {
		ln = &lane{key: t.lane}
		l.byKey[t.lane] = ln
	}
	if len(ln.tasks) >= l.laneCap {
		return noRoom
	}
	// A task handed over by a replica that stopped goes before those that
	// arrived after it: a conversation's replies come in the order of its
	// messages. Any other arrives last.
	i := len(ln.tasks)
	for i > 0 && arrivedAfter(ln.tasks[i-1], t) {
		i--
	}
	ln.tasks = slices.Insert(ln.tasks, i, t)
	l.queued++
	l.makeReady(ln)
	return taken
}

// arrivedAfter reports whether task a's envelope arrived after task b's.
func arrivedAfter(a, b task) bool {
	return a.handoff != nil && b.handoff != nil && a.handoff.Received.After(b.handoff.Received)
}

// makeReady puts a lane in turn for a worker if it has work it may run.
func (l *lanes) makeReady(ln *lane) {
	if ln.ready || len(ln.tasks) == 0 || ln.busy {
		return
	}
	ln.ready = true
	l.ready = append(l.ready, ln)
	l.wake.Signal()
}

// pop waits for the next task, taking lanes in turn; it returns false once
// the lanes are closed.
func (l *lanes) pop() (task, *lane, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for len(l.ready) == 0 && !l.closed {
		l.wake.Wait()
	}
	if l.closed {
		return task{}, nil, false
	}
	ln := l.ready[0]
	l.ready[0] = nil
	l.ready = l.ready[1:]
	ln.ready = false
	t := ln.tasks[0]
	ln.tasks[0] = task{}
	ln.tasks = ln.tasks[1:]
	if len(ln.tasks) == 0 {
		ln.tasks = nil
	}
	ln.busy = true
	l.queued--
	l.running++
	l.makeReady(ln)
	return t, ln, true
}

// done records that a task of ln finished.
func (l *lanes) done(ln *lane) {
	l.mu.Lock()
	ln.busy = false
	l.running--
	if len(ln.tasks) == 0 {
		delete(l.byKey, ln.key)
	} else {
		l.makeReady(ln)
	}
	l.mu.Unlock()
	select {
	case l.idle <- struct{}{}:
	default:
	}
}

// depth returns the tasks waiting and running.
func (l *lanes) depth() (queued, running int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.queued, l.running
}

// wait returns true once no task waits or runs, or false when ctx ends
// first.
func (l *lanes) wait(ctx context.Context) bool {
	for {
		if q, r := l.depth(); q == 0 && r == 0 {
			return true
		}
		select {
		case <-l.idle:
		case <-ctx.Done():
			q, r := l.depth()
			return q == 0 && r == 0
		}
	}
}

// close stops the workers once their current tasks end, and returns the
// tasks still queued, which no worker will run, each lane's in order.
func (l *lanes) close() []task {
	l.mu.Lock()
	l.closed = true
	var left []task
	for _, ln := range l.byKey {
		left = append(left, ln.tasks...)
		ln.tasks = nil
	}
	l.queued = 0
	l.ready = nil
	l.mu.Unlock()
	l.wake.Broadcast()
	return left
}

// run starts n workers that perform tasks until the lanes close.
func (l *lanes) run(n int, perform func(task)) {
	for range n {
		go func() {
			for {
				t, ln, ok := l.pop()
				if !ok {
					return
				}
				perform(t)
				l.done(ln)
			}
		}()
	}
}
