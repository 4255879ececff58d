package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Plan is one person's self-assessment against the guide's readiness
// indicators, as the store keeps it, by Slack user ID, until they ask to
// be forgotten. The plan shown is rebuilt from it and the guide serving.
type Plan struct {
	// User is the Slack user ID of the person.
	User string
	// Path is the ID of the guide's section of indicators they answered.
	Path string
	// Have are the indicators they ticked, as the guide words them.
	Have []string
	// Updated is when they last ticked: when their click arrived, which
	// ForgetBefore compares with a forget. Zero, SavePlan sets it to now.
	Updated time.Time
}

// Forgotten counts what Forget deleted about a person.
type Forgotten struct {
	// Plans is 1 when their self-assessment was deleted.
	Plans int64
	// Welcomes is 1 when the note that they were greeted was deleted.
	Welcomes int64
	// Handoffs counts their questions, handed over by a replica that shut
	// down, that were deleted before any replica answered them.
	Handoffs int64
	// Conversations counts the conversations whose memory of their
	// question was deleted.
	Conversations int64
}

// Limits of what a plan keeps: a person ticks at most maxTicked
// indicators of at most maxIndicatorBytes each.
const (
	maxTicked         = 1000
	maxIndicatorBytes = 2000
	maxUserID         = 64
)

// checkUser refuses an empty or unlikely Slack user ID.
func checkUser(user string) error {
	if user == "" || len(user) > maxUserID || strings.ContainsAny(user, " \t\n") {
		return fmt.Errorf("want a Slack user ID, got %q", user)
	}
	return nil
}

// SavePlan keeps a person's ticks, replacing the ones they had.
func (s *Store) SavePlan(ctx context.Context, p Plan) error {
	if err := checkUser(p.User); err != nil {
		return fmt.Errorf("save plan: %w", err)
	}
	if len(p.Have) > maxTicked {
		return fmt.Errorf("save plan: %d indicators ticked, at most %d", len(p.Have), maxTicked)
	}
	for _, h := range p.Have {
		if len(h) > maxIndicatorBytes {
			return fmt.Errorf("save plan: an indicator of %d bytes, at most %d", len(h), maxIndicatorBytes)
		}
	}
	have := p.Have
	if have == nil {
		have = []string{}
	}
	ticked, err := json.Marshal(have)
	if err != nil {
		return fmt.Errorf("save plan: %w", err)
	}
	at := s.timeOr(p.Updated)
	db, err := s.askedDB()
	if err != nil {
		return err
	}
	_, err = db.exec(ctx, `INSERT INTO plans (user_id, path_id, ticked, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET path_id = excluded.path_id, ticked = excluded.ticked, updated_at = excluded.updated_at`,
		p.User, p.Path, string(ticked), db.timeArg(at))
	if err != nil {
		return fmt.Errorf("save plan: %w", err)
	}
	return nil
}

// Plan returns a person's ticks; ok is false when they have none.
func (s *Store) Plan(ctx context.Context, user string) (p Plan, ok bool, err error) {
	if err := checkUser(user); err != nil {
		return Plan{}, false, fmt.Errorf("read plan: %w", err)
	}
	db, err := s.askedDB()
	if err != nil {
		return Plan{}, false, err
	}
	var ticked string
	var updated any
	err = db.query(ctx, `SELECT path_id, ticked, updated_at FROM plans WHERE user_id = ?`, []any{user}, func(scan scanFunc) error {
		ok = true
		return scan(&p.Path, &ticked, &updated)
	})
	if err != nil {
		return Plan{}, false, fmt.Errorf("read plan: %w", err)
	}
	if !ok {
		return Plan{}, false, nil
	}
	if err := json.Unmarshal([]byte(ticked), &p.Have); err != nil {
		return Plan{}, false, fmt.Errorf("read plan: ticks: %w", err)
	}
	p.User = user
	p.Updated, err = storedTime(updated)
	if err != nil {
		return Plan{}, false, fmt.Errorf("read plan: %w", err)
	}
	return p, true, nil
}

// timeOr is t as the database keeps it, or now when t is zero.
func (s *Store) timeOr(t time.Time) time.Time {
	if t.IsZero() {
		return s.clock()
	}
	return databaseTime(t)
}

// storedTime reads a time column as either engine returns it: a time from
// PostgreSQL, microseconds since the Unix epoch from SQLite.
func storedTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t.UTC(), nil
	case int64:
		return time.UnixMicro(t).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("a time stored as %T", v)
}

// Welcome notes that a person was greeted, and reports whether this was
// the first time: the bot greets each person once, across replicas. at is
// when the event that greets them arrived, which ForgetBefore compares
// with a forget; zero means now.
func (s *Store) Welcome(ctx context.Context, user string, at time.Time) (first bool, err error) {
	if err := checkUser(user); err != nil {
		return false, fmt.Errorf("note welcome: %w", err)
	}
	db, err := s.askedDB()
	if err != nil {
		return false, err
	}
	n, err := db.exec(ctx, `INSERT INTO welcomed (user_id, welcomed_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING`,
		user, db.timeArg(s.timeOr(at)))
	if err != nil {
		return false, fmt.Errorf("note welcome: %w", err)
	}
	return n == 1, nil
}

// Forget deletes everything the store keeps by a person's user ID: their
// self-assessment, the note that they were greeted, their questions
// waiting for another replica to answer them, and the conversations whose
// last question was theirs, whoever asked for more of it, or asked it of
// the other role, since. The questions kept
// for the guide's owners carry no user ID and are not theirs to find.
func (s *Store) Forget(ctx context.Context, user string) (Forgotten, error) {
	return s.ForgetBefore(ctx, user, endOfTime)
}

// endOfTime is later than anything the store keeps, and within what both
// engines store (SQLite's microseconds since 1970 in 64 bits, PostgreSQL's
// timestamps).
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// ForgetBefore deletes a person's self-assessment when they ticked it at
// or before upTo, the note that they were greeted when the greeting event
// arrived by then, and their handoffs that arrived by then and the
// conversations whose question they asked, last changed by a message that
// arrived by then. A forget deletes what is kept when it runs; a
// click or a DM that came before the forget but was saved after it
// (another replica, a busy conversation) is deleted by this, run again a
// while later, while what came after the forget stays.
func (s *Store) ForgetBefore(ctx context.Context, user string, upTo time.Time) (Forgotten, error) {
	if err := checkUser(user); err != nil {
		return Forgotten{}, fmt.Errorf("forget: %w", err)
	}
	db, err := s.askedDB()
	if err != nil {
		return Forgotten{}, err
	}
	var f Forgotten
	var errs []error
	// The greeting's note goes first: once the plan is gone, so is it.
	if f.Welcomes, err = db.exec(ctx, `DELETE FROM welcomed WHERE user_id = ? AND welcomed_at <= ?`, user, db.timeArg(databaseTime(upTo))); err != nil {
		errs = append(errs, fmt.Errorf("forget welcome: %w", err))
	}
	if f.Plans, err = db.exec(ctx, `DELETE FROM plans WHERE user_id = ? AND updated_at <= ?`, user, db.timeArg(databaseTime(upTo))); err != nil {
		errs = append(errs, fmt.Errorf("forget plan: %w", err))
	}
	if f.Handoffs, err = db.exec(ctx, `DELETE FROM handoffs WHERE user_id = ? AND received_at <= ?`, user, db.timeArg(databaseTime(upTo))); err != nil {
		errs = append(errs, fmt.Errorf("forget handoffs: %w", err))
	}
	if f.Conversations, err = db.exec(ctx, `DELETE FROM conversations WHERE user_id = ? AND asked_at <= ?`, user, db.timeArg(databaseTime(upTo))); err != nil {
		errs = append(errs, fmt.Errorf("forget conversations: %w", err))
	}
	return f, errors.Join(errs...)
}
