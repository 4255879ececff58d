package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Handoff is a reply a replica had queued but not sent when it shut down:
// the Socket Mode envelope it answers. Slack will not send that envelope
// again (it was acked), so the store keeps it for another replica, or the
// next start, to answer.
type Handoff struct {
	// Type is the envelope's type: "events_api" or "interactive".
	Type string
	// Payload is the envelope's payload as Slack sent it.
	Payload json.RawMessage
	// User is who the reply is for: forgetting them deletes it.
	User string
	// Received is when the envelope arrived.
	Received time.Time
}

// HandoffMaxAge is how long a handoff waits for a replica to answer it:
// an answer that late would read as a glitch, not a reply. Sweep deletes
// older ones, which no replica took (none ran since).
const HandoffMaxAge = 10 * time.Minute

// handoffRows is how many handoffs one INSERT writes: four parameters a
// row, well within both engines' limits on parameters.
const handoffRows = 500

// PutHandoffs keeps hs until TakeHandoffs takes them.
func (s *Store) PutHandoffs(ctx context.Context, hs []Handoff) error {
	db, err := s.askedDB()
	if err != nil {
		return err
	}
	for batch := range slices.Chunk(hs, handoffRows) {
		var args []any
		for _, h := range batch {
			if h.Type == "" || len(h.Payload) == 0 {
				return errors.New("keep handoff: no envelope")
			}
			if err := checkUser(h.User); err != nil {
				return fmt.Errorf("keep handoff: %w", err)
			}
			args = append(args, h.Type, string(h.Payload), h.User, db.timeArg(s.timeOr(h.Received)))
		}
		values := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?), ", len(batch)), ", ")
		if _, err := db.exec(ctx, `INSERT INTO handoffs (type, payload, user_id, received_at) VALUES `+values, args...); err != nil {
			return fmt.Errorf("keep %d handoffs: %w", len(batch), err)
		}
	}
	return nil
}

// TakeHandoffs deletes and returns at most limit handoffs, the oldest kept
// first. Replicas taking at the same time take each handoff once, and on
// PostgreSQL none waits for another.
func (s *Store) TakeHandoffs(ctx context.Context, limit int) ([]Handoff, error) {
	db, err := s.askedDB()
	if err != nil {
		return nil, err
	}
	// Most of the time there is none: a read costs less than a DELETE,
	// which on SQLite takes the file's write lock.
	some := false
	err = db.query(ctx, `SELECT 1 FROM handoffs LIMIT 1`, nil, func(scanFunc) error {
		some = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("take handoffs: %w", err)
	}
	if !some {
		return nil, nil
	}
	type taken struct {
		id int64
		Handoff
	}
	var got []taken
	query := `DELETE FROM handoffs WHERE id IN (SELECT id FROM handoffs ORDER BY id LIMIT ?` + db.skipLocked() + `)
RETURNING id, type, payload, user_id, received_at`
	err = db.query(ctx, query, []any{limit}, func(scan scanFunc) error {
		var t taken
		var payload string
		var received any
		if err := scan(&t.id, &t.Type, &payload, &t.User, &received); err != nil {
			return err
		}
		t.Payload = json.RawMessage(payload)
		if t.Received, err = storedTime(received); err != nil {
			return err
		}
		got = append(got, t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("take handoffs: %w", err)
	}
	// RETURNING keeps no order.
	slices.SortFunc(got, func(a, b taken) int { return int(a.id - b.id) })
	hs := make([]Handoff, len(got))
	for i, t := range got {
		hs[i] = t.Handoff
	}
	return hs, nil
}
