package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Claim takes key for ttl and reports whether this call took it: true for
// the first claimant, false while someone else's claim on key is alive, in
// this process or in another replica. A claim older than its ttl has expired
// and the next Claim takes it over. The check and the insert are one
// statement, so of any number of concurrent calls exactly one wins. Callers
// that deduplicate Slack events should pass DefaultClaimTTL or longer.
func (s *Store) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if key == "" {
		return false, errors.New("claim: empty key")
	}
	if ttl <= 0 {
		return false, fmt.Errorf("claim %q: ttl %v is not positive", key, ttl)
	}
	now := s.clock()
	won, err := s.db.claim(ctx, key, now, now.Add(ttl))
	if err != nil {
		return false, fmt.Errorf("claim %q: %w", key, err)
	}
	return won, nil
}

// Release deletes the claim on key, so that the next Claim for it succeeds:
// a caller releases its claim when the work it claimed finally failed, and a
// retry may then do it. Releasing a key that is not claimed is not an error.
func (s *Store) Release(ctx context.Context, key string) error {
	if key == "" {
		return errors.New("release claim: empty key")
	}
	if err := s.db.release(ctx, key); err != nil {
		return fmt.Errorf("release claim %q: %w", key, err)
	}
	return nil
}

// Sweep deletes the claims and the conversations' memories that have
// expired at now, and the handoffs older than HandoffMaxAge, and returns
// how many it deleted. Expired rows do no harm, since Claim takes a claim
// over, Recall reads no expired memory and no replica answers an old
// handoff, but sweeping now and then keeps the tables small, and forgets
// what people asked once it is no longer needed.
func (s *Store) Sweep(ctx context.Context, now time.Time) (int64, error) {
	now = databaseTime(now)
	n, err := s.db.sweep(ctx, now)
	if err != nil {
		return 0, fmt.Errorf("sweep claims: %w", err)
	}
	db, err := s.askedDB()
	if err != nil {
		return n, err
	}
	m, err := db.exec(ctx, `DELETE FROM conversations WHERE expires_at <= ?`, db.timeArg(now))
	if err != nil {
		return n, fmt.Errorf("sweep conversations: %w", err)
	}
	h, err := db.exec(ctx, `DELETE FROM handoffs WHERE received_at <= ?`, db.timeArg(now.Add(-HandoffMaxAge)))
	if err != nil {
		return n + m, fmt.Errorf("sweep handoffs: %w", err)
	}
	return n + m + h, nil
}
