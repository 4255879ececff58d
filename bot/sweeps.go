package bot

import (
	"context"
	"log/slog"
	"time"
)

// Sweeper deletes what has expired in a store: claims, conversations'
// memories and handoffs (a *store.Store).
type Sweeper interface {
	Sweep(ctx context.Context, now time.Time) (int64, error)
}

// sweepEvery is how often expired rows are deleted; they do no harm
// meanwhile (a new claim takes an expired one over).
const sweepEvery = 10 * time.Minute

// sweepTimeout bounds one sweep.
const sweepTimeout = time.Minute

// SweepExpired deletes what has expired in s every sweepEvery until ctx
// ends. Several replicas may sweep one store.
func SweepExpired(ctx context.Context, s Sweeper, log *slog.Logger) {
	every(ctx, sweepEvery, false, func() {
		sctx, cancel := context.WithTimeout(ctx, sweepTimeout)
		defer cancel()
		n, err := s.Sweep(sctx, time.Now())
		switch {
		case ctx.Err() != nil: // stopping, not failing
		case err != nil:
			log.Warn("sweep expired rows", "err", safeError(err))
		default:
			log.Debug("swept expired rows", "deleted", n)
		}
	})
}

// SweepQuestions deletes, at once and then every hour until ctx ends, the
// questions older than retention. Several replicas may sweep one store.
// A retention of zero or less, which only an overflow makes, would delete
// every question: nothing is swept, and the mistake is logged.
func SweepQuestions(ctx context.Context, q Questions, retention time.Duration, log *slog.Logger) {
	if retention <= 0 {
		log.Error("kept every question: the retention is not a positive time", "retention", retention.String())
		return
	}
	every(ctx, time.Hour, true, func() {
		sctx, cancel := context.WithTimeout(ctx, sweepTimeout)
		defer cancel()
		n, err := q.DeleteQuestionsBefore(sctx, time.Now().Add(-retention))
		switch {
		case ctx.Err() != nil: // stopping, not failing
		case err != nil:
			log.Error("delete old questions", "err", safeError(err))
		case n > 0:
			log.Info("deleted old questions", "rows", n, "retention_days", int(retention.Hours()/24))
		}
	})
}

// every calls do, at once when now is set, then each period until ctx
// ends.
func every(ctx context.Context, period time.Duration, now bool, do func()) {
	if now {
		do()
	}
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			// Both may be ready: once stopped, nothing more is done.
			if ctx.Err() != nil {
				return
			}
			do()
		}
	}
}
