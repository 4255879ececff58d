package store

import (
	"github.com/directorbot/directorbot/bot/report"
	"testing"
	"time"
)

// TestOpenedVotes keeps 👍/👎 on sections opened by a button: a later vote
// on the same reply replaces the earlier, by the time it was cast, the
// report counts them in its
// totals and in their sections' (a section no question found among
// them), retention deletes the old, and a token of a question's reply,
// or no section, is refused.
func TestOpenedVotes(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s, clock := openClocked(t, b.newURL(t))
		ask(t, s, "what skills?", "key-skill-sets", SurfaceSlash)
		old, changed, other := NewOpenedToken(), NewOpenedToken(), NewOpenedToken()
		vote := func(token, section string, helpful bool) {
			t.Helper()
			if err := s.RecordOpenedVote(t.Context(), token, section, helpful, clock.Now()); err != nil {
				t.Fatalf("RecordOpenedVote(%q, %q): %v", token, section, err)
			}
		}
		vote(old, "key-skill-sets", false)
		clock.Advance(89 * 24 * time.Hour)
		vote(changed, "key-skill-sets", false)
		clock.Advance(time.Second)
		vote(changed, "key-skill-sets", true)
		// A vote cast before it, kept after it, changes nothing.
		if err := s.RecordOpenedVote(t.Context(), changed, "key-skill-sets", false, clock.Now().Add(-time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		vote(other, "transition-to-vp/timeline", false)
		r, err := s.Report(t.Context(), clock.Now().Add(-24*time.Hour), clock.Now().Add(time.Hour), 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if r.Helpful != 1 || r.NotHelpful != 1 {
			t.Errorf("totals 👍 %d 👎 %d; want 1 and 1: the changed vote counts once, as its latest", r.Helpful, r.NotHelpful)
		}
		got := map[string][2]int{}
		for _, sec := range r.Sections {
			got[sec.ID] = [2]int{sec.Helpful, sec.NotHelpful}
		}
		if got["key-skill-sets"] != [2]int{1, 0} || got["transition-to-vp/timeline"] != [2]int{0, 1} {
			t.Errorf("sections' votes = %v", got)
		}
		clock.Advance(2 * 24 * time.Hour)
		if _, err := s.DeleteQuestionsBefore(t.Context(), clock.Now().AddDate(0, 0, -90)); err != nil {
			t.Fatal(err)
		}
		if left := queryInt(t, s, "SELECT count(*) FROM opened_votes"); left != 2 {
			t.Errorf("%d votes left after retention; want the 2 recent ones", left)
		}
		for _, bad := range [][2]string{{NewReplyToken(), "key-skill-sets"}, {NewOpenedToken(), ""}, {"o", "key-skill-sets"}} {
			if err := s.RecordOpenedVote(t.Context(), bad[0], bad[1], true, clock.Now()); err == nil {
				t.Errorf("RecordOpenedVote(%q, %q) kept", bad[0], bad[1])
			}
		}
	})
}

// TestOpenedTokens: an opened reply's token has a reply token's length
// and is never one, so a vote tells which it is on.
func TestOpenedTokens(t *testing.T) {
	t.Parallel()
	for range 1000 {
		tok := NewOpenedToken()
		if !IsOpenedToken(tok) || IsReplyToken(tok) || len(tok) != ReplyTokenLen {
			t.Fatalf("token %q: malformed, or a reply token", tok)
		}
		if IsOpenedToken(NewReplyToken()) {
			t.Fatal("a reply token reads as an opened one")
		}
	}
}
