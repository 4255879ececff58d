package bot

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// TestEverySweepsUntilStopped: work runs at once only when asked to, then
// each period, and no more once its context ends.
func TestEverySweepsUntilStopped(t *testing.T) {
	t.Parallel()
	for _, now := range []bool{false, true} {
		ctx, cancel := context.WithCancel(t.Context())
		var calls atomic.Int64
		done := make(chan struct{})
		go func() {
			defer close(done)
			every(ctx, time.Hour, now, func() { calls.Add(1) })
		}()
		time.Sleep(20 * time.Millisecond)
		cancel()
		<-done
		if want := map[bool]int64{false: 0, true: 1}[now]; calls.Load() != want {
			t.Errorf("at once %v: %d sweeps before the first period; want %d", now, calls.Load(), want)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Second)
	defer cancel()
	var calls atomic.Int64
	every(ctx, 5*time.Millisecond, false, func() {
		if calls.Add(1) == 3 {
			cancel()
		}
	})
	if calls.Load() != 3 {
		t.Errorf("%d sweeps; want 3, the last one's cancel ending it", calls.Load())
	}
}
