package bot

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/slack-go/slack/socketmode"
)

// The ack path has capacity of its own, apart from the Web API workers:
// acks never wait for a post to Slack. The event loop hands acks to a few
// ackers through a bounded queue, and /director answers (search, render,
// encode: CPU work, no Web API call) run on a small pool of their own
// whose workers ack with the answer. Neither starts a goroutine per
// envelope; a full queue is logged and counted, and the envelope is left
// unacked (events, which Slack sends again, and clicks, whose user sees
// Slack's error) or acked at once with a short apology (commands).

// Ack path sizes: ackers and their queue; the /director pool's queue, its
// workers being a few per CPU (a claim waits for the store).
const (
	ackers     = 4
	ackQueue   = 1024
	slashQueue = 1024
)

// pendingAck is an ack for an acker to send.
type pendingAck struct {
	evt      socketmode.Event
	received time.Time
	payload  any
}

// slashWorkers is the size of the /director pool.
func slashWorkers() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// startAckPath starts the ackers and the /director pool, which run until
// s.stopAcks is closed.
func (s *Server) startAckPath() {
	for range ackers {
		go func() {
			for {
				select {
				case a := <-s.ackq:
					s.ack(a.evt, a.received, a.payload)
				case <-s.stopAcks:
					return
				}
			}
		}()
	}
	for range slashWorkers() {
		go func() {
			for {
				select {
				case do := <-s.slashq:
					s.safely("slash", do)
					s.slashBusy.Add(-1)
				case <-s.stopAcks:
					return
				}
			}
		}()
	}
}

// ackSoon queues an ack without waiting. When the queue is full the ack is
// dropped, logged and counted: Slack sends an event again, but a slash
// command or a click is lost, and its user sees Slack's error.
func (s *Server) ackSoon(evt socketmode.Event, received time.Time, payload ...any) {
	if evt.Request == nil {
		return
	}
	a := pendingAck{evt: evt, received: received}
	if len(payload) > 0 {
		a.payload = payload[0]
	}
	select {
	case s.ackq <- a:
	default:
		s.queueFull("ack", "", "envelope", evt.Request.EnvelopeID)
	}
}

// answerSoon runs a /director answer on the pool, reporting false when its
// queue is full.
func (s *Server) answerSoon(do func()) bool {
	s.slashBusy.Add(1)
	select {
	case s.slashq <- do:
		return true
	default:
		s.slashBusy.Add(-1)
		return false
	}
}

// safely runs do, surviving its panic.
func (s *Server) safely(name string, do func()) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("handler panicked", "handler", name, "panic", redactText(fmt.Sprint(r)))
		}
	}()
	do()
}

// queueFull counts work refused because its queue is full, and logs it at
// most once a second per queue, with how much was refused since.
func (s *Server) queueFull(queue, lane string, attrs ...any) {
	s.metrics.queueFull.WithLabelValues(queue).Inc()
	if n, ok := s.fullLog.due(queue); ok {
		s.log.Warn("queue full: work refused", append([]any{"queue", queue, "lane", lane, "refused", n}, attrs...)...)
	}
}

// logLimiter lets a repeated log line through at most once a second per
// key, counting what it held back.
type logLimiter struct {
	mu   sync.Mutex
	last map[string]time.Time
	held map[string]int
}

// due reports whether a line for key may be logged now, and how many
// times it happened since the last one logged, this one included.
func (l *logLimiter) due(key string) (int, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.last == nil {
		l.last, l.held = map[string]time.Time{}, map[string]int{}
	}
	l.held[key]++
	now := time.Now()
	if now.Sub(l.last[key]) < time.Second {
		return 0, false
	}
	n := l.held[key]
	l.last[key], l.held[key] = now, 0
	return n, true
}
