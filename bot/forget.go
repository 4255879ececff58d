package bot

import (
	"context"
	"sync"
	"time"

	"github.com/directorbot/directorbot/bot/store"
)

// A forget deletes what the store keeps about a person when it runs. A
// plan they submitted, or a question they asked, just before it may still
// be on its way (another replica, a busy conversation) and be saved after
// it. So the bot forgets again a while later whatever came up to the first
// forget (Plans.ForgetBefore, which compares the click's or the message's
// arrival time); what came after the forget stays.

// defaultForgetAgain is Config.ForgetAgain unset: well past the time a
// click takes to be saved (its ack, a queue, the store's timeout).
const defaultForgetAgain = time.Minute

// forgetAgain schedules the second forget of a person forgotten at at.
func (s *Server) forgetAgain(user string, at time.Time) {
	s.lateForgets.after(s.cfg.ForgetAgain, func() {
		var f store.Forgotten
		err := s.callPlans(context.Background(), "forget a person again", func(ctx context.Context) (err error) {
			f, err = s.cfg.Plans.ForgetBefore(ctx, user, at)
			return err
		})
		if err != nil {
			return
		}
		if f != (store.Forgotten{}) {
			s.log.Info("forgot what was saved after its person's forget", "plans", f.Plans, "welcomes", f.Welcomes, "handoffs", f.Handoffs, "conversations", f.Conversations)
		}
	})
}

// lateForgets are the second forgets waiting for their time. At shutdown
// they run at once, so that none is lost with the process.
type lateForgets struct {
	mu      sync.Mutex
	next    int
	pending map[int]lateForget
	shut    bool
	running sync.WaitGroup
}

type lateForget struct {
	timer *time.Timer
	run   func()
}

// after runs fn after d, or at once when the server is shutting down.
func (l *lateForgets) after(d time.Duration, fn func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.running.Add(1)
	id := l.next
	l.next++
	run := sync.OnceFunc(func() {
		defer l.running.Done()
		l.mu.Lock()
		delete(l.pending, id)
		l.mu.Unlock()
		fn()
	})
	if l.shut {
		go run()
		return
	}
	if l.pending == nil {
		l.pending = map[int]lateForget{}
	}
	l.pending[id] = lateForget{timer: time.AfterFunc(d, run), run: run}
}

// flush runs the waiting forgets now, at once, and waits for them all: a
// hung store costs shutdown one forget's timeout, not one per forget.
func (l *lateForgets) flush() {
	l.mu.Lock()
	l.shut = true
	waiting := make([]lateForget, 0, len(l.pending))
	for _, f := range l.pending {
		waiting = append(waiting, f)
	}
	l.mu.Unlock()
	for _, f := range waiting {
		f.timer.Stop()
		go f.run()
	}
	l.running.Wait()
}
