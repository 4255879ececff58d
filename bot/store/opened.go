package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
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
// for (a section opened by a button, or shared), which its feedback
// buttons carry, so that a vote names its reply (OpenedVoter). It is a
// reply token's length.
func NewOpenedToken() string { return openedMark + NewReplyToken()[len(openedMark):] }

// IsOpenedToken reports whether s has the form NewOpenedToken gives: the
// mark, then what a reply token holds after its first letter.
func IsOpenedToken(s string) bool {
	rest, ok := strings.CutPrefix(s, openedMark)
	return ok && IsReplyToken("0"+rest)
}

// OpenedVoter names one person's vote on one reply no question asked for:
// a keyed hash (HMAC-SHA256 with secret, the bot's token, which the store
// never holds) of the reply's token and the voter's Slack user ID, so
// that each voter's latest vote on a shared answer counts, and the store
// alone tells nobody who voted.
func OpenedVoter(secret, token, user string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(token + "\x00" + user))
	return hex.EncodeToString(mac.Sum(nil))
}

// RecordOpenedVote keeps a 👍 (helpful) or 👎 vote, cast at at by voter
// (OpenedVoter) on a reply that showed section, in place of any vote of
// theirs on it cast before: two votes kept at once keep the later
// click's.
func (s *Store) RecordOpenedVote(ctx context.Context, voter, section string, helpful bool, at time.Time) error {
	if len(voter) != 2*sha256.Size || strings.Trim(voter, "0123456789abcdef") != "" || section == "" {
		return fmt.Errorf("record a vote on an opened section: %q and %q are no voter and section", voter, section)
	}
	vote := -1
	if helpful {
		vote = 1
	}
	db, err := s.askedDB()
	if err != nil {
		return err
	}
	_, err = db.exec(ctx, `INSERT INTO opened_votes (voter, section_id, feedback, voted_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (voter) DO UPDATE SET feedback = excluded.feedback, voted_at = excluded.voted_at
		WHERE opened_votes.voted_at <= excluded.voted_at`,
		voter, section, vote, db.timeArg(databaseTime(at)))
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
