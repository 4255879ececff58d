package store

import (
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/report"
)

// TestOpenedVotes keeps 👍/👎 on sections opened by a button: each
// voter's later vote on the same reply replaces their earlier, by the
// time it was cast, while another's on it counts too (a shared answer);
// the report counts them in its totals and in their sections' (a section
// no question found among them), retention deletes the old, and a voter
// not named by OpenedVoter, or no section, is refused.
func TestOpenedVotes(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s, clock := openClocked(t, b.newURL(t))
		ask(t, s, "what skills?", "key-skill-sets", SurfaceSlash)
		shared, other := NewOpenedToken(), NewOpenedToken()
		vote := func(token, user, section string, helpful bool, at time.Time) {
			t.Helper()
			if err := s.RecordOpenedVote(t.Context(), OpenedVoter("xoxb-secret", token, user), section, helpful, at); err != nil {
				t.Fatalf("RecordOpenedVote(%q, %q): %v", token, section, err)
			}
		}
		vote(shared, "U0", "key-skill-sets", false, clock.Now())
		clock.Advance(89 * 24 * time.Hour)
		vote(shared, "U1", "key-skill-sets", false, clock.Now())
		clock.Advance(time.Second)
		vote(shared, "U1", "key-skill-sets", true, clock.Now())
		// A vote cast before it, kept after it, changes nothing.
		vote(shared, "U1", "key-skill-sets", false, clock.Now().Add(-time.Millisecond))
		vote(shared, "U2", "key-skill-sets", true, clock.Now())
		vote(other, "U1", "transition-to-vp/timeline", false, clock.Now())
		r, err := s.Report(t.Context(), clock.Now().Add(-24*time.Hour), clock.Now().Add(time.Hour), 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if r.Helpful != 2 || r.NotHelpful != 1 {
			t.Errorf("totals 👍 %d 👎 %d; want 2 and 1: each voter's latest vote, once", r.Helpful, r.NotHelpful)
		}
		got := map[string][2]int{}
		for _, sec := range r.Sections {
			got[sec.ID] = [2]int{sec.Helpful, sec.NotHelpful}
		}
		if got["key-skill-sets"] != [2]int{2, 0} || got["transition-to-vp/timeline"] != [2]int{0, 1} {
			t.Errorf("sections' votes = %v", got)
		}
		clock.Advance(2 * 24 * time.Hour)
		if _, err := s.DeleteQuestionsBefore(t.Context(), clock.Now().AddDate(0, 0, -90)); err != nil {
			t.Fatal(err)
		}
		if left := queryInt(t, s, "SELECT count(*) FROM opened_votes"); left != 3 {
			t.Errorf("%d votes left after retention; want the 3 recent ones", left)
		}
		for _, bad := range [][2]string{{NewOpenedToken(), "key-skill-sets"}, {OpenedVoter("xoxb-secret", shared, "U1"), ""}, {"U1", "key-skill-sets"}} {
			if err := s.RecordOpenedVote(t.Context(), bad[0], bad[1], true, clock.Now()); err == nil {
				t.Errorf("RecordOpenedVote(%q, %q) kept", bad[0], bad[1])
			}
		}
	})
}

// TestOpenedTokens: an opened reply's token has a reply token's length
// and is never one, so a vote tells which it is on; a voter's name holds
// neither the user's ID nor the token.
func TestOpenedTokens(t *testing.T) {
	t.Parallel()
	token := NewOpenedToken()
	voter := OpenedVoter("xoxb-secret", token, "U123ABC")
	if strings.Contains(voter, "u123abc") || strings.Contains(voter, token) || voter == OpenedVoter("xoxb-other", token, "U123ABC") || voter == OpenedVoter("xoxb-secret", token, "U123ABD") {
		t.Errorf("voter %q: names the user or the token, or is the same for another secret or user", voter)
	}
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
