package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/report"
)

// openedMark starts the reply token of a section opened by a button
// rather than asked for (NewOpenedToken): a letter no reply token holds,
// so that a vote tells which it is on without a lookup.
const openedMark = "o"

// NewOpenedToken returns a new random token for a reply no question asked
// for (a section opened by a button, or shared), whose 👍/👎 its feedback
// buttons carry to RecordOpenedVote. It is a reply token's length.
func NewOpenedToken() string { return openedMark + NewReplyToken()[len(openedMark):] }

// IsOpenedToken reports whether s has the form NewOpenedToken gives.
func IsOpenedToken(s string) bool {
	rest, ok := strings.CutPrefix(s, openedMark)
	return ok && IsReplyToken("0"+rest)
}

// RecordOpenedVote keeps a 👍 (helpful) or 👎 vote, cast at at, on the
// reply that carried token, which showed section, in place of any vote
// on it cast before: two votes kept at once keep the later click's.
func (s *Store) RecordOpenedVote(ctx context.Context, token, section string, helpful bool, at time.Time) error {
	if !IsOpenedToken(token) || section == "" {
		return fmt.Errorf("record a vote on an opened section: %q and %q are no token and section", token, section)
	}
	vote := -1
	if helpful {
		vote = 1
	}
	db, err := s.askedDB()
	if err != nil {
		return err
	}
	_, err = db.exec(ctx, `INSERT INTO opened_votes (reply_token, section_id, feedback, voted_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (reply_token) DO UPDATE SET feedback = excluded.feedback, voted_at = excluded.voted_at
		WHERE opened_votes.voted_at <= excluded.voted_at`,
		token, section, vote, db.timeArg(databaseTime(at)))
	if err != nil {
		return fmt.Errorf("record a vote on an opened section: %w", err)
	}
	return nil
}

// openedVotes adds to r the votes on opened sections cast within window
// (since, until): to its totals of 👍 and 👎, and to each section's.
func openedVotes(ctx context.Context, db askedDB, window []any, r *report.Report) error {
	return db.query(ctx, `SELECT section_id, count(*) FILTER (WHERE feedback = 1), count(*) FILTER (WHERE feedback = -1)
		FROM opened_votes WHERE voted_at >= ? AND voted_at < ? GROUP BY section_id`, window, func(scan scanFunc) error {
		var id string
		var helpful, notHelpful int
		if err := scan(&id, &helpful, &notHelpful); err != nil {
			return err
		}
		r.Helpful, r.NotHelpful = r.Helpful+helpful, r.NotHelpful+notHelpful
		i := slices.IndexFunc(r.Sections, func(s report.Section) bool { return s.ID == id })
		if i < 0 {
			r.Sections = append(r.Sections, report.Section{ID: id})
			i = len(r.Sections) - 1
		}
		r.Sections[i].Helpful += helpful
		r.Sections[i].NotHelpful += notHelpful
		return nil
	})
}
