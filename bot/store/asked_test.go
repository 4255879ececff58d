package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/report"
)

// ask records a question at the clock's time and returns its token.
func ask(t *testing.T, s *Store, question, section string, surface Surface) string {
	t.Helper()
	token := NewReplyToken()
	if err := s.RecordQuestion(t.Context(), Asked{Question: question, Section: section, Surface: surface, Token: token}); err != nil {
		t.Fatalf("RecordQuestion(%q): %v", question, err)
	}
	return token
}

func vote(t *testing.T, s *Store, token string, helpful bool) {
	t.Helper()
	found, err := s.RecordFeedback(t.Context(), token, helpful)
	if err != nil || !found {
		t.Fatalf("RecordFeedback(%s) = %v, %v; want true, nil", token, found, err)
	}
}

func TestReport(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s, clock := openClocked(t, b.newURL(t)) // Sunday 2026-03-01 09:00 UTC
		start := clock.Now()

		// Day 1: three asks of the skills question, one no-answer.
		skills := []string{
			ask(t, s, "What skills does a Director need?", "skills", SurfaceSlash),
			ask(t, s, "what skills does a director need", "skills", SurfaceMention),
			ask(t, s, "  WHAT skills does a director   need?! ", "skills", SurfaceDM),
		}
		ask(t, s, "What equity does a VP get?", "", SurfaceSlash)
		clock.Advance(24 * time.Hour)
		// Day 2: the VP question twice, no-answers that share topic words.
		vp := ask(t, s, "who does a VP report to", "director-vs-vp", SurfaceMention)
		ask(t, s, "who does a VP report to?", "director-vs-vp", SurfaceSlash)
		ask(t, s, "VP equity", "", SurfaceDM)
		ask(t, s, "equity for VPs?", "", SurfaceSlash)
		ask(t, s, "director bonus", "", SurfaceSlash)
		// Day 3: nothing. Day 4: one more answer.
		clock.Advance(48 * time.Hour)
		ask(t, s, "how long is the transition", "transition/timeline", SurfaceDM)

		vote(t, s, skills[0], true)
		vote(t, s, skills[1], true)
		vote(t, s, skills[2], false)
		vote(t, s, skills[2], true) // the latest vote counts
		vote(t, s, vp, false)
		if found, err := s.RecordFeedback(t.Context(), NewReplyToken(), true); err != nil || found {
			t.Errorf("feedback for an unknown token = %v, %v; want false, nil", found, err)
		}
		if found, err := s.RecordFeedback(t.Context(), "not a token", true); err != nil || found {
			t.Errorf("feedback for a malformed token = %v, %v; want false, nil", found, err)
		}

		until := clock.Now().Add(time.Hour)
		r, err := s.Report(t.Context(), start.Add(-time.Hour), until, 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if r.Asked != 10 || r.Answered != 6 || r.NoAnswer != 4 || r.Helpful != 3 || r.NotHelpful != 1 {
			t.Errorf("totals: asked %d answered %d no answer %d helpful %d not helpful %d; want 10 6 4 3 1",
				r.Asked, r.Answered, r.NoAnswer, r.Helpful, r.NotHelpful)
		}
		// A limit of one leaves the rest of each list out, and counts it.
		one, err := s.Report(t.Context(), start.Add(-time.Hour), until, 1, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Top) < 2 || len(r.Unanswered) < 2 || r.Left != (report.Left{}) ||
			one.Left.Top != len(r.Top)-1 || one.Left.Unanswered != len(r.Unanswered)-1 || len(one.Top) != 1 {
			t.Errorf("left out at limit 1: %+v (top %d, unanswered %d at limit 10, left %+v)", one.Left, len(r.Top), len(r.Unanswered), r.Left)
		}
		if r.NoAnswerRate != 0.4 {
			t.Errorf("no-answer rate %v; want 0.4", r.NoAnswerRate)
		}
		wantTop := []report.Question{
			{Text: "what skills does a director need", Asked: 3, Answered: 3, Helpful: 3, Section: "skills"},
			{Text: "who does a vp report to", Asked: 2, Answered: 2, NotHelpful: 1, Section: "director-vs-vp"},
		}
		if len(r.Top) < 2 || !reflect.DeepEqual(r.Top[:2], wantTop) {
			t.Errorf("top questions %+v; want first %+v", r.Top, wantTop)
		}
		if len(r.Unanswered) != 2 {
			t.Fatalf("unanswered groups %+v; want 2", r.Unanswered)
		}
		if g := r.Unanswered[0]; !slices.Equal(g.Words, []string{"equity", "vps"}) || g.Asked != 3 || len(g.Examples) != 3 {
			t.Errorf("first unanswered group %+v; want words [equity vps] (the first question's), asked 3, 3 examples", g)
		}
		if g := r.Unanswered[1]; !slices.Equal(g.Words, []string{"bonus", "director"}) || g.Asked != 1 {
			t.Errorf("second unanswered group %+v; want [bonus director] asked 1", g)
		}
		wantSections := []report.Section{
			{ID: "skills", Answers: 3, Helpful: 3},
			{ID: "transition/timeline", Answers: 1},
			{ID: "director-vs-vp", Answers: 2, NotHelpful: 1},
		}
		if !slices.Equal(r.Sections, wantSections) {
			t.Errorf("sections %+v; want %+v", r.Sections, wantSections)
		}
		if least := r.LeastHelpful(5); len(least) != 1 || least[0].ID != "director-vs-vp" {
			t.Errorf("least helpful %+v; want director-vs-vp", least)
		}
		wantRate := []report.Period{
			{Start: day(2026, 3, 1), Asked: 4, NoAnswer: 1, NotCovered: 1, Rate: 0.25},
			{Start: day(2026, 3, 2), Asked: 5, NoAnswer: 3, NotCovered: 3, Rate: 0.6},
			{Start: day(2026, 3, 3)},
			{Start: day(2026, 3, 4), Asked: 1},
		}
		if !slices.Equal(r.Rate, wantRate) {
			t.Errorf("rate %+v; want %+v", r.Rate, wantRate)
		}

		weekly, err := s.Report(t.Context(), start.Add(-time.Hour), until, 10, report.Week)
		if err != nil {
			t.Fatal(err)
		}
		// Sunday 1 March is in the week of Monday 23 February.
		wantWeeks := []report.Period{
			{Start: day(2026, 2, 23), Asked: 4, NoAnswer: 1, NotCovered: 1, Rate: 0.25},
			{Start: day(2026, 3, 2), Asked: 6, NoAnswer: 3, NotCovered: 3, Rate: 0.5},
		}
		if !slices.Equal(weekly.Rate, wantWeeks) {
			t.Errorf("weekly rate %+v; want %+v", weekly.Rate, wantWeeks)
		}

		// A window that starts after day 2 sees only day 4.
		later, err := s.Report(t.Context(), start.Add(48*time.Hour), until, 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if later.Asked != 1 || len(later.Unanswered) != 0 || len(later.Top) != 1 {
			t.Errorf("later window: %+v; want the one question of day 4", later)
		}
	})
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestRetentionDeletesOldQuestions(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s, clock := openClocked(t, b.newURL(t))
		old := ask(t, s, "old question", "skills", SurfaceSlash)
		clock.Advance(89 * 24 * time.Hour)
		ask(t, s, "recent question", "", SurfaceDM)
		clock.Advance(2 * 24 * time.Hour)
		// 90 days of retention: the first question is now 91 days old.
		n, err := s.DeleteQuestionsBefore(t.Context(), clock.Now().AddDate(0, 0, -90))
		if err != nil || n != 1 {
			t.Fatalf("DeleteQuestionsBefore = %d, %v; want 1, nil", n, err)
		}
		if left := queryInt(t, s, "SELECT count(*) FROM questions"); left != 1 {
			t.Errorf("%d questions left; want 1", left)
		}
		if found, err := s.RecordFeedback(t.Context(), old, true); err != nil || found {
			t.Errorf("feedback on a deleted question = %v, %v; want false, nil", found, err)
		}
		if n, err := s.DeleteQuestionsBefore(t.Context(), clock.Now().AddDate(0, 0, -90)); err != nil || n != 0 {
			t.Errorf("second sweep = %d, %v; want 0, nil", n, err)
		}
	})
}

// TestNoSlackIDsKept checks that what a question holds of people and
// channels is not kept.
func TestNoSlackIDsKept(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<@U012AB3CD> what skills?", "what skills"},
		{"ask <#C024BE91L|general> about U024BE7LH please", "ask about please"},
		{"What   does a\nDirector DO??", "what does a director do"},
		{"email <mailto:bob.smith@corp.com|bob.smith@corp.com> or jo@corp.io about P&amp;L", "email or about p&l"},
		{strings.Repeat("word ", 200), strings.TrimSpace(strings.Repeat("word ", 60))},
	} {
		if got := NormalizeQuestion(tc.in); got != tc.want {
			t.Errorf("NormalizeQuestion(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		ask(t, s, "<@U012AB3CD> hi from W0123ABCD in <#C024BE91L>", "", SurfaceMention)
		var kept string
		err := s.db.(askedDB).query(t.Context(), "SELECT question FROM questions", nil, func(scan scanFunc) error { return scan(&kept) })
		if err != nil {
			t.Fatal(err)
		}
		if kept != "hi from in" {
			t.Errorf("kept %q; want %q", kept, "hi from in")
		}
	})
}

func TestRecordQuestionRefusesBadInput(t *testing.T) {
	t.Parallel()
	s := openStore(t, sqliteURL(t))
	if err := s.RecordQuestion(t.Context(), Asked{Question: "q", Surface: "email", Token: NewReplyToken()}); err == nil {
		t.Error("an unknown surface was kept")
	}
	if err := s.RecordQuestion(t.Context(), Asked{Question: "q", Surface: SurfaceDM, Token: "short"}); err == nil {
		t.Error("a malformed token was kept")
	}
	if err := s.RecordQuestion(t.Context(), Asked{Question: "q", Refusal: "bored", Surface: SurfaceDM, Token: NewReplyToken()}); err == nil {
		t.Error("an unknown refusal was kept")
	}
	if err := s.RecordQuestion(t.Context(), Asked{Question: "q", Section: "skills", Refusal: RefusalOtherRole, Surface: SurfaceDM, Token: NewReplyToken()}); err == nil {
		t.Error("a refusal of an answered question was kept")
	}
	if err := s.RecordQuestion(t.Context(), Asked{Question: "q", Unsure: true, Surface: SurfaceDM, Token: NewReplyToken()}); err == nil {
		t.Error("an unsure answer without a section was kept")
	}
}

// keptReport records questions asked by /director now and returns the
// report of the hours around.
func keptReport(t *testing.T, s *Store, questions []Asked) report.Report {
	t.Helper()
	for _, a := range questions {
		a.Surface, a.Token = SurfaceSlash, NewReplyToken()
		if err := s.RecordQuestion(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 10, report.Day)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReportSplitsBySurface counts the questions by where they were
// asked, the most asked first, each with its answers and votes.
func TestReportSplitsBySurface(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		for _, a := range []Asked{
			{Question: "what skills does a director need", Section: "skills", Surface: SurfaceDM},
			{Question: "what is a vp", Section: "vp", Surface: SurfaceDM},
			{Question: "who pays for dinner", Surface: SurfaceDM},
			{Question: "what skills does a director need", Section: "skills", Surface: SurfaceSlash},
			{Question: "director equity", Surface: SurfaceSlash},
			{Question: "what is a vp", Section: "vp", Surface: SurfaceMention},
		} {
			a.Token = NewReplyToken()
			if err := s.RecordQuestion(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if a.Surface == SurfaceSlash && a.Section != "" {
				vote(t, s, a.Token, true)
			}
		}
		r, err := s.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		want := []report.Surface{{Name: "dm", Asked: 3, Answered: 2}, {Name: "slash", Asked: 2, Answered: 1, Helpful: 1}, {Name: "mention", Asked: 1, Answered: 1}}
		if !slices.Equal(r.Surfaces, want) {
			t.Errorf("surfaces %+v; want %+v", r.Surfaces, want)
		}
	})
}

// TestTopQuestionsNameTheirLatestAnswer: a question answered by one
// section, then, after the guide changed, by others, names the latest,
// and those before it once each, the latest first.
func TestTopQuestionsNameTheirLatestAnswer(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		now := time.Now()
		r := keptReport(t, s, []Asked{
			{Question: "how do directors run offsites?", Section: "zz-old", At: now.Add(-40 * time.Minute)},
			{Question: "how do directors run offsites?", Section: "offsites", At: now.Add(-30 * time.Minute)},
			{Question: "how do directors run offsites?", Section: "zz-mid", At: now.Add(-20 * time.Minute)},
			{Question: "how do directors run offsites?", Section: "offsites", At: now.Add(-10 * time.Minute)},
			{Question: "how do directors run offsites?", Section: "offsites", At: now.Add(-7 * time.Minute)},
			{Question: "how do directors run offsites?", At: now.Add(-5 * time.Minute)},
		})
		if len(r.Top) != 1 || r.Top[0].Section != "offsites" || r.Top[0].Answered != 5 || !slices.Equal(r.Top[0].Before, []string{"zz-mid", "zz-old"}) {
			t.Errorf("top questions %+v; want the offsites question, named by its latest answer's section, before it zz-mid and zz-old", r.Top)
		}
	})
}

// TestReportGroupsUnsureAnswers keeps answers that were only the closest
// the guide has beside sure ones: the report counts them among the
// answers and groups them by topic words, and the database itself refuses
// an unsure question without an answer.
func TestReportGroupsUnsureAnswers(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		r := keptReport(t, s, []Asked{
			{Question: "how do I build a rate limiter?", Section: "director-vs-vp", Unsure: true},
			{Question: "rate limiter build", Section: "key-skill-sets", Unsure: true},
			{Question: "what goes in a board deck?", Section: "director-vs-vp", Unsure: true},
			{Question: "what skills does a director need?", Section: "skills"},
			{Question: "how do directors run offsites?"},
		})
		if r.Answered != 4 || r.Unsure != 3 || len(r.Unanswered) != 1 {
			t.Errorf("%d answered, %d unsure, %d unanswered groups; want 4, 3, 1", r.Answered, r.Unsure, len(r.Unanswered))
		}
		if len(r.UnsureQuestions) != 2 || r.UnsureQuestions[0].Asked != 2 || !slices.Equal(r.UnsureQuestions[0].Words, []string{"build", "limiter", "rate"}) ||
			!slices.Equal(r.UnsureQuestions[0].Sections, []string{"director-vs-vp", "key-skill-sets"}) {
			t.Errorf("unsure groups %+v; want the rate limiter's two, with the sections that answered, then the board deck", r.UnsureQuestions)
		}
		if slices.ContainsFunc(r.Unanswered, func(g report.Group) bool { return g.Sections != nil }) {
			t.Errorf("unanswered groups with sections: %+v", r.Unanswered)
		}
		db, err := s.askedDB()
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.exec(t.Context(), `INSERT INTO questions (asked_at, question, section_id, surface, outcome, unsure, reply_token)
			VALUES (?, 'who owns the budget', '', 'dm', 'no_answer', ?, ?)`, db.timeArg(s.clock()), true, NewReplyToken())
		if err == nil {
			t.Error("the database kept an unsure question without an answer")
		}
	})
}

// TestReportSeparatesRefusals keeps questions the search refused, with
// why, beside one the guide does not cover: the report counts the refused
// by reason and lists only the other among the guide's gaps.
func TestReportSeparatesRefusals(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		r := keptReport(t, s, []Asked{
			{Question: "how much equity does a VP get?", Refusal: RefusalOutsideTopic},
			{Question: "what's the 401k match?", Refusal: RefusalOutsideTopic},
			{Question: "what does a CTO do all day?", Refusal: RefusalOtherRole},
			{Question: "who's the VP here?", Refusal: RefusalCompanyFact},
			{Question: "write my self-review for the VP promo", Refusal: RefusalRequest},
			{Question: "what do i say to my EM whose dog died?", Refusal: RefusalConversation},
			{Question: "how do i tell my VP i'm pregnant", Refusal: RefusalConversation},
			{Question: "would you rather be a director or a VP?", Refusal: RefusalOpinion},
			{Question: "how do directors run offsites?"},
		})
		if want := (report.Refused{OutsideTopic: 2, OtherRole: 1, CompanyFact: 1, Request: 1, Conversation: 2, Opinion: 1}); r.Refused != want || r.NoAnswer != 9 {
			t.Errorf("refused %+v of %d no answers; want %+v of 9", r.Refused, r.NoAnswer, want)
		}
		if len(r.Unanswered) != 1 || r.Unanswered[0].Examples[0] != "how do directors run offsites" {
			t.Errorf("the guide's gaps are %+v; want only the offsites question", r.Unanswered)
		}
		// The questions were asked in the period that holds now: the last
		// but one when the report's hour ahead crosses midnight.
		now := time.Now()
		i := len(r.Rate) - 1
		for i > 0 && r.Rate[i].Start.After(now) {
			i--
		}
		if len(r.Rate) == 0 || r.Rate[i].NoAnswer != 9 || r.Rate[i].NotCovered != 1 {
			t.Errorf("the rate's periods %+v; want the one of now of 9 no answers, 1 not in the guide", r.Rate)
		}
	})
}

// TestConcurrentQuestions records and votes from many goroutines at once,
// as the bot's workers do.
func TestConcurrentQuestions(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		var wg sync.WaitGroup
		for i := range 40 {
			wg.Go(func() {
				token := NewReplyToken()
				if err := s.RecordQuestion(t.Context(), Asked{Question: "skills", Section: "skills", Surface: SurfaceSlash, Token: token}); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.RecordFeedback(t.Context(), token, i%2 == 0); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		r, err := s.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 5, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if r.Asked != 40 || r.Helpful != 20 || r.NotHelpful != 20 {
			t.Errorf("asked %d helpful %d not helpful %d; want 40 20 20", r.Asked, r.Helpful, r.NotHelpful)
		}
	})
}

func TestReplyTokens(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		tok := NewReplyToken()
		if !IsReplyToken(tok) || seen[tok] {
			t.Fatalf("token %q: malformed or repeated", tok)
		}
		seen[tok] = true
	}
	for _, bad := range []string{"", "ABCDEFGHJKMN", "0123456789a", "0123456789abc", "0123456789ai"} {
		if IsReplyToken(bad) {
			t.Errorf("IsReplyToken(%q) = true", bad)
		}
	}
}

// storeBefore opens a store and takes it back to before a migration: the
// column it added dropped, its version forgotten. The caller adds rows and
// closes the store; opening it again runs the migration.
func storeBefore(t *testing.T, url, column string, version int) (*Store, askedDB) {
	t.Helper()
	old, err := Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	db, err := old.askedDB()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`ALTER TABLE questions DROP COLUMN ` + column,
		`DELETE FROM schema_migrations WHERE version = ` + strconv.Itoa(version),
	} {
		if _, err := db.exec(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	return old, db
}

// TestRefusalsKeepOldQuestions upgrades a store whose questions were kept
// before refusals were: they read as not covered, and the database itself
// refuses a refusal of an answered question.
func TestRefusalsKeepOldQuestions(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		// The store as it was before migration 0004, with a question.
		old, db := storeBefore(t, url, "refusal", 4)
		_, err := db.exec(t.Context(), `INSERT INTO questions (asked_at, question, section_id, surface, outcome, reply_token)
			VALUES (?, 'how do directors run offsites', '', 'dm', 'no_answer', ?)`, db.timeArg(old.clock()), NewReplyToken())
		if err != nil {
			t.Fatal(err)
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}

		s := openStore(t, url)
		r, err := s.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if r.NoAnswer != 1 || r.NotCovered != 1 || len(r.Unanswered) != 1 {
			t.Errorf("after the upgrade: %d no answers, %d not covered, %d unanswered groups; want 1, 1, 1", r.NoAnswer, r.NotCovered, len(r.Unanswered))
		}
		db, err = s.askedDB()
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.exec(t.Context(), `INSERT INTO questions (asked_at, question, section_id, surface, outcome, refusal, reply_token)
			VALUES (?, 'who owns the budget', 'budgets', 'dm', 'answered', 'other_role', ?)`, db.timeArg(s.clock()), NewReplyToken())
		if err == nil {
			t.Error("the database kept a refusal of an answered question")
		}
	})
}

// TestRefusalKindsKeepOldQuestions upgrades a SQLite store from before
// requests, conversations and opinions were refusals of their own (the
// questions table is rebuilt): its questions, votes and refusals stay as
// they were, the new refusals are kept beside them, and the database
// still refuses a refusal of an answered question, an unsure no-answer, a
// reply token used twice, and reads questions by time through its index.
func TestRefusalKindsKeepOldQuestions(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bot.db")
	db, tx := sqliteBefore(t, path, 10)
	at := time.Now().UnixMicro()
	_, err := tx.Exec(`INSERT INTO questions (asked_at, question, section_id, surface, outcome, reply_token, feedback, refusal, unsure) VALUES
		(?, 'what skills does a director need', 'skills', 'dm', 'answered', ?, -1, '', 0),
		(?, 'rate limiter', 'skills', 'slash', 'answered', ?, 0, '', 1),
		(?, 'how much equity does a vp get', '', 'mention', 'no_answer', ?, 0, 'outside_topic', 0),
		(?, 'how do directors run offsites', '', 'dm', 'no_answer', ?, 0, '', 0)`,
		at, NewReplyToken(), at, NewReplyToken(), at, NewReplyToken(), at, NewReplyToken())
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(tx.Commit(), db.Close()); err != nil {
		t.Fatal(err)
	}

	s := openStore(t, "sqlite:"+path)
	r := keptReport(t, s, []Asked{
		{Question: "what do i say to my EM whose dog died?", Refusal: RefusalConversation},
		{Question: "would you rather be a director or a VP?", Refusal: RefusalOpinion},
	})
	want := report.Refused{OutsideTopic: 1, Conversation: 1, Opinion: 1}
	if r.Asked != 6 || r.Answered != 2 || r.NotHelpful != 1 || r.Unsure != 1 || r.NotCovered != 1 || r.Refused != want {
		t.Errorf("after the upgrade: %d asked, %d answered, %d not helpful, %d unsure, %d not covered, refused %+v; want 6, 2, 1, 1, 1, %+v",
			r.Asked, r.Answered, r.NotHelpful, r.Unsure, r.NotCovered, r.Refused, want)
	}
	adb, err := s.askedDB()
	if err != nil {
		t.Fatal(err)
	}
	insert := func(section, outcome, refusal, unsure, token string) error {
		_, err := adb.exec(t.Context(), `INSERT INTO questions (asked_at, question, section_id, surface, outcome, refusal, unsure, reply_token)
			VALUES (?, 'q', ?, 'dm', ?, ?, `+unsure+`, ?)`, adb.timeArg(s.clock()), section, outcome, refusal, token)
		return err
	}
	for _, row := range [][4]string{
		{"skills", "answered", "conversation", "0"},
		{"", "no_answer", "", "1"},
		{"", "no_answer", "bored", "0"},
	} {
		if insert(row[0], row[1], row[2], row[3], NewReplyToken()) == nil {
			t.Errorf("the database kept %q", row)
		}
	}
	token := NewReplyToken()
	if err := insert("", "no_answer", "opinion", "0", token); err != nil {
		t.Fatal(err)
	}
	if insert("", "no_answer", "", "0", token) == nil {
		t.Error("the database kept a reply token twice")
	}
	var indexes int
	err = adb.query(t.Context(), `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'questions' AND name = 'questions_asked_at_idx'`, nil,
		func(scan scanFunc) error { return scan(&indexes) })
	if err != nil || indexes != 1 {
		t.Errorf("the questions' index by time: %d, %v", indexes, err)
	}
}

// TestUnsureKeepsOldQuestions upgrades a store whose questions were kept
// before unsure answers were: they read as answered surely, and new
// unsure answers count beside them.
func TestUnsureKeepsOldQuestions(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		// The store as it was before migration 0005, with two questions.
		old, db := storeBefore(t, url, "unsure", 5)
		for _, row := range [][2]string{{"skills", "answered"}, {"", "no_answer"}} {
			_, err := db.exec(t.Context(), `INSERT INTO questions (asked_at, question, section_id, surface, outcome, reply_token)
				VALUES (?, 'what skills does a director need', ?, 'dm', ?, ?)`, db.timeArg(old.clock()), row[0], row[1], NewReplyToken())
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}

		s := openStore(t, url)
		if err := s.RecordQuestion(t.Context(), Asked{Question: "rate limiter?", Section: "skills", Unsure: true, Surface: SurfaceDM, Token: NewReplyToken()}); err != nil {
			t.Fatal(err)
		}
		r, err := s.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if r.Asked != 3 || r.Answered != 2 || r.Unsure != 1 || len(r.UnsureQuestions) != 1 {
			t.Errorf("after the upgrade: %d asked, %d answered, %d unsure, %d unsure groups; want 3, 2, 1, 1", r.Asked, r.Answered, r.Unsure, len(r.UnsureQuestions))
		}
	})
}

// TestReportGroupsElsewhereAnswers keeps answers from another role's part
// of the guide than the one asked about beside others: the report counts
// them among the answers and groups them with the sections that answered,
// a store from before they were kept reads its questions as answered from
// the part asked about, and the database itself refuses one without an
// answer, as RecordQuestion does.
func TestReportGroupsElsewhereAnswers(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		url := b.newURL(t)
		old, db := storeBefore(t, url, "elsewhere", 12)
		_, err := db.exec(t.Context(), `INSERT INTO questions (asked_at, question, section_id, surface, outcome, reply_token)
			VALUES (?, 'how does a vp handle conflict', 'conflict', 'dm', 'answered', ?)`, db.timeArg(old.clock()), NewReplyToken())
		if err != nil {
			t.Fatal(err)
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		s := openStore(t, url)
		r := keptReport(t, s, []Asked{
			{Question: "how does a vp handle conflict?", Section: "director/conflict", Elsewhere: true},
			{Question: "vp conflict handling", Section: "director/conflict", Elsewhere: true, Unsure: true},
			{Question: "what skills does a director need?", Section: "skills"},
		})
		if r.Answered != 4 || r.Elsewhere != 2 || r.Unsure != 1 {
			t.Errorf("%d answered, %d elsewhere, %d unsure; want 4, 2, 1", r.Answered, r.Elsewhere, r.Unsure)
		}
		if len(r.ElsewhereQuestions) != 1 || r.ElsewhereQuestions[0].Asked != 2 || !slices.Equal(r.ElsewhereQuestions[0].Words, []string{"conflict", "vp"}) ||
			!slices.Equal(r.ElsewhereQuestions[0].Sections, []string{"director/conflict", "director/conflict"}) {
			t.Errorf("elsewhere groups %+v; want the conflict questions, with the section that answered", r.ElsewhereQuestions)
		}
		if err := s.RecordQuestion(t.Context(), Asked{Question: "q", Elsewhere: true, Surface: SurfaceDM, Token: NewReplyToken()}); err == nil {
			t.Error("an answer from another role's part without a section was kept")
		}
		adb, err := s.askedDB()
		if err != nil {
			t.Fatal(err)
		}
		_, err = adb.exec(t.Context(), `INSERT INTO questions (asked_at, question, section_id, surface, outcome, elsewhere, reply_token)
			VALUES (?, 'who owns the budget', '', 'dm', 'no_answer', ?, ?)`, adb.timeArg(s.clock()), true, NewReplyToken())
		if err == nil {
			t.Error("the database kept an answer from another role's part without an answer")
		}
	})
}

// TestReportListsRefusedAndNotHelpful keeps questions refused as for
// others to answer and an answer marked 👎: the report lists each, with
// the reason or the section that answered, where an owner can act on them.
func TestReportListsRefusedAndNotHelpful(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		token := NewReplyToken()
		for _, a := range []Asked{
			{Question: "how much equity does a vp get", Refusal: RefusalOutsideTopic},
			{Question: "who is our cto", Refusal: RefusalCompanyFact},
			{Question: "summarize the all-hands", Refusal: RefusalRequest},
			{Question: "what do i say to my em whose dog died", Refusal: RefusalConversation},
			{Question: "do i get time off after a page", Section: "oncall/rotation", Token: token},
			{Question: "what skills does a director need", Section: "skills"},
		} {
			a.Surface = SurfaceSlash
			if a.Token == "" {
				a.Token = NewReplyToken()
			}
			if err := s.RecordQuestion(t.Context(), a); err != nil {
				t.Fatal(err)
			}
		}
		if found, err := s.RecordFeedback(t.Context(), token, false); !found || err != nil {
			t.Fatalf("feedback: %v, %v", found, err)
		}
		r, err := s.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		var refused []string
		for _, g := range r.RefusedQuestions {
			refused = append(refused, g.Noted(false)...)
		}
		slices.Sort(refused)
		if want := []string{"how much equity does a vp get (a topic left to others)", "summarize the all-hands (a text to write)",
			"what do i say to my em whose dog died (the words of a conversation)", "who is our cto (a fact of the company)"}; !slices.Equal(refused, want) {
			t.Errorf("refused %q, want %q", refused, want)
		}
		if len(r.NotHelpfulQuestions) != 1 || !slices.Equal(r.NotHelpfulQuestions[0].Noted(false), []string{"do i get time off after a page → oncall/rotation"}) {
			t.Errorf("not helpful %+v, want the time off question, answered by oncall/rotation", r.NotHelpfulQuestions)
		}
	})
}

// TestToTeachLeavesTaughtQuestionsOutFirst: the questions taught are left
// out before the questions are grouped and cut to the limit, so that the
// groups past the limit, and the wordings of a group past the few it
// shows, take the place of those taught; answers from another role's
// part are not taught.
func TestToTeachLeavesTaughtQuestionsOutFirst(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, b testBackend) {
		s := openStore(t, b.newURL(t))
		picnic := []string{"company picnic", "is there a company picnic", "the company picnic", "when is the company picnic"}
		var asked []Asked
		for _, q := range picnic {
			asked = append(asked, Asked{Question: q})
		}
		for range 3 {
			asked = append(asked, Asked{Question: "where do i park my bicycle"})
		}
		asked = append(asked,
			Asked{Question: "who waters the office plants"},
			Asked{Question: "what is my salary band", Refusal: RefusalOutsideTopic},
			Asked{Question: "what does a vp own", Section: "director/owns", Elsewhere: true})
		full := keptReport(t, s, asked)
		if len(full.Unanswered) != 3 || !slices.Equal(full.Unanswered[0].Examples, picnic[:report.MaxExamples]) {
			t.Fatalf("the report's unanswered groups %+v; want the picnic's first, with its first %d wordings", full.Unanswered, report.MaxExamples)
		}
		// The picnic's wordings the report shows, and the bicycle, taught.
		taught := map[string]bool{"where do i park my bicycle": true}
		for _, q := range full.Unanswered[0].Examples {
			taught[q] = true
		}
		r, err := s.ToTeach(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Hour), 1, func(q string) bool { return taught[q] })
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Unanswered) != 1 || !slices.Equal(r.Unanswered[0].Examples, picnic[3:]) || r.Unanswered[0].Asked != 1 || r.Left.Unanswered != 1 {
			t.Errorf("unanswered to teach %+v, %d more; want the picnic's last wording, then 1 more group (the plants)", r.Unanswered, r.Left.Unanswered)
		}
		if len(r.RefusedQuestions) != 1 || !slices.Equal(r.RefusedQuestions[0].Reasons, []string{"outside_topic"}) || r.Left.Refused != 0 {
			t.Errorf("refused to teach %+v, %d more; want the salary band with its reason", r.RefusedQuestions, r.Left.Refused)
		}
		if len(r.ElsewhereQuestions) != 0 || r.Left.Elsewhere != 0 || len(r.Top) != 0 {
			t.Errorf("ToTeach offers answers from another role's part, or top questions: %+v", r)
		}
	})
}
