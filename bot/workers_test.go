package bot

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestWorkersBoundWorkAndNeverBlockTheEventLoop queues more work than the
// queue holds while every worker is busy: spawn must still return at once,
// no more than Workers jobs may run together, and every job must run.
func TestWorkersBoundWorkAndNeverBlockTheEventLoop(t *testing.T) {
	t.Parallel()
	const workers, jobs = 3, jobQueue + 200
	s := NewServer(Config{Workers: workers}, nil)
	for range workers {
		go s.work()
	}
	defer close(s.stop)
	release := make(chan struct{})
	var running, most, done atomic.Int32
	var mu sync.Mutex
	spawned := make(chan struct{})
	go func() {
		defer close(spawned)
		for range jobs {
			s.spawn("test", func(context.Context) {
				n := running.Add(1)
				mu.Lock()
				most.Store(max(most.Load(), n))
				mu.Unlock()
				<-release
				running.Add(-1)
				done.Add(1)
			})
		}
	}()
	select {
	case <-spawned:
	case <-time.After(wait):
		close(release)
		t.Fatalf("spawning %d jobs with every worker busy blocked", jobs)
	}
	close(release)
	s.inflight.Wait()
	if got := done.Load(); got != jobs {
		t.Errorf("%d of %d jobs ran", got, jobs)
	}
	if got := most.Load(); got > workers {
		t.Errorf("%d jobs ran at once, want at most %d", got, workers)
	}
}
