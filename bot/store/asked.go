package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/directorbot/directorbot/bot/report"
)

// Surface is where a question was asked.
type Surface string

// The surfaces the bot answers on.
const (
	SurfaceSlash   Surface = "slash"
	SurfaceMention Surface = "mention"
	SurfaceDM      Surface = "dm"
)

// Outcome is how a question went.
type Outcome string

// The outcomes of a question.
const (
	OutcomeAnswered Outcome = "answered"
	OutcomeNoAnswer Outcome = "no_answer"
)

// Refusal is why a question got no answer, when the search knew: the
// question is for others to answer, not a gap in the guide.
type Refusal string

// The refusals; RefusalNone for an answer or a question the guide does not
// cover.
const (
	RefusalNone         Refusal = ""
	RefusalOutsideTopic Refusal = "outside_topic"
	RefusalOtherRole    Refusal = "other_role"
	RefusalCompanyFact  Refusal = "company_fact"
	RefusalRequest      Refusal = "request"
	RefusalConversation Refusal = "conversation"
	RefusalOpinion      Refusal = "opinion"
)

// known reports whether the store keeps r: one of the refusals above.
func (r Refusal) known() bool {
	switch r {
	case RefusalNone, RefusalOutsideTopic, RefusalOtherRole, RefusalCompanyFact, RefusalRequest, RefusalConversation, RefusalOpinion:
		return true
	}
	return false
}

// Asked is one question the bot was asked, as the store keeps it: never
// who asked it or where, only on which surface.
type Asked struct {
	// Question is the question's text; RecordQuestion normalizes it.
	Question string
	// Section is the ID of the section that answered, "" for no answer.
	Section string
	// Refusal is why there was no answer, when the search knew.
	Refusal Refusal
	// Unsure tells an answer that was only the closest the guide has,
	// which may not answer the question: where the guide may be thin.
	Unsure bool
	// Elsewhere tells an answer from another role's part of the guide
	// than the one the question asked about, which the reply said: where
	// the guide may lack that role's.
	Elsewhere bool
	Surface   Surface
	// Token is the reply token (NewReplyToken) that the reply's feedback
	// buttons carry, so that a 👍/👎 click finds this row. Each reply,
	// even one served again from a cache, needs its own.
	Token string
	// At is when it was asked; the zero time means now.
	At time.Time
}

// Outcome is OutcomeAnswered when a section answered, else
// OutcomeNoAnswer.
func (a Asked) Outcome() Outcome {
	if a.Section == "" {
		return OutcomeNoAnswer
	}
	return OutcomeAnswered
}

// ReplyTokenLen is the length of a reply token: 12 characters of 32
// letters and digits, 60 random bits.
const ReplyTokenLen = 12

// tokenAlphabet is Crockford's base32, lower-cased: no i, l, o or u.
const tokenAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// NewReplyToken returns a new random reply token. It says nothing of who
// asked: it only ties a feedback click to its question.
func NewReplyToken() string {
	var b [ReplyTokenLen]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	for i := range b {
		b[i] = tokenAlphabet[b[i]%32]
	}
	return string(b[:])
}

// IsReplyToken reports whether s has the form of a reply token.
func IsReplyToken(s string) bool {
	if len(s) != ReplyTokenLen {
		return false
	}
	for i := range len(s) {
		if !strings.ContainsRune(tokenAlphabet, rune(s[i])) {
			return false
		}
	}
	return true
}

// MaxQuestionRunes bounds the question text kept: enough to read what was
// asked, not a whole pasted document.
const MaxQuestionRunes = 300

var (
	// slackMarkup is a mention of a person, channel or group, or a link.
	slackMarkup = regexp.MustCompile(`<[^<>]*>`)
	// slackID is a bare Slack user, channel or team ID typed in a
	// question; the store keeps none.
	slackID = regexp.MustCompile(`\b[UWCGDTE][A-Z0-9]{7,12}\b`)
)

// NormalizeQuestion is the text the store keeps of a question: without
// Slack markup (mentions, links and their labels), IDs or email addresses,
// lower-cased, on one line with single spaces, without
// the punctuation around it, and at most MaxQuestionRunes long. The same
// question asked with other capitals or a question mark is one question.
func NormalizeQuestion(q string) string {
	q = slackMarkup.ReplaceAllString(q, " ")
	q = html.UnescapeString(q)
	q = emailPattern.ReplaceAllString(q, " ")
	q = slackID.ReplaceAllString(q, " ")
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	q = strings.Trim(q, " ?!.,;:")
	if utf8.RuneCountInString(q) > MaxQuestionRunes {
		q = strings.TrimSpace(string([]rune(q)[:MaxQuestionRunes]))
	}
	return strings.ToValidUTF8(q, "")
}

// RecordQuestion keeps a question the bot was asked and its outcome.
func (s *Store) RecordQuestion(ctx context.Context, a Asked) error {
	switch a.Surface {
	case SurfaceSlash, SurfaceMention, SurfaceDM:
	default:
		return fmt.Errorf("record question: unknown surface %q", a.Surface)
	}
	if !IsReplyToken(a.Token) {
		return errors.New("record question: want a token from NewReplyToken")
	}
	switch {
	case a.Refusal != RefusalNone && a.Section != "":
		return fmt.Errorf("record question: refusal %q for an answered question", a.Refusal)
	case !a.Refusal.known():
		return fmt.Errorf("record question: unknown refusal %q", a.Refusal)
	case a.Unsure && a.Section == "":
		return errors.New("record question: unsure without an answer")
	case a.Elsewhere && a.Section == "":
		return errors.New("record question: answered elsewhere without an answer")
	}
	at := databaseTime(a.At)
	if a.At.IsZero() {
		at = s.clock()
	}
	db, err := s.askedDB()
	if err != nil {
		return err
	}
	_, err = db.exec(ctx, `INSERT INTO questions (asked_at, question, section_id, surface, outcome, refusal, unsure, elsewhere, reply_token)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		db.timeArg(at), NormalizeQuestion(a.Question), a.Section, string(a.Surface), string(a.Outcome()), string(a.Refusal), a.Unsure, a.Elsewhere, a.Token)
	if err != nil {
		return fmt.Errorf("record question: %w", err)
	}
	return nil
}

// RecordFeedback keeps a 👍 (helpful) or 👎 vote on the reply that carried
// token, replacing any earlier vote on it: a reply keeps its latest vote.
// found is false when no kept question has the token: a reply to a button
// rather than a question, one from before questions were kept, or one
// whose question retention has deleted.
func (s *Store) RecordFeedback(ctx context.Context, token string, helpful bool) (found bool, err error) {
	if !IsReplyToken(token) {
		return false, nil
	}
	vote := -1
	if helpful {
		vote = 1
	}
	db, err := s.askedDB()
	if err != nil {
		return false, err
	}
	n, err := db.exec(ctx, `UPDATE questions SET feedback = ?, feedback_at = ? WHERE reply_token = ?`,
		vote, db.timeArg(s.clock()), token)
	if err != nil {
		return false, fmt.Errorf("record feedback: %w", err)
	}
	return n > 0, nil
}

// DeleteQuestionsBefore deletes the questions asked before cutoff, with
// their feedback, and the votes on opened sections cast before it, and
// returns how many questions it deleted.
func (s *Store) DeleteQuestionsBefore(ctx context.Context, cutoff time.Time) (int64, error) {
	db, err := s.askedDB()
	if err != nil {
		return 0, err
	}
	at := db.timeArg(databaseTime(cutoff))
	n, err := db.exec(ctx, `DELETE FROM questions WHERE asked_at < ?`, at)
	if err != nil {
		return 0, fmt.Errorf("delete old questions: %w", err)
	}
	if _, err := db.exec(ctx, `DELETE FROM opened_votes WHERE voted_at < ?`, at); err != nil {
		return n, fmt.Errorf("delete old votes on opened sections: %w", err)
	}
	return n, nil
}

// maxGrouped bounds the distinct questions a report groups, unanswered or
// unsure.
const maxGrouped = 10000

// inWindow is the end of a query of the questions asked in a window,
// from its first argument (inclusive) to its second (exclusive).
const inWindow = ` FROM questions WHERE asked_at >= ? AND asked_at < ?`

// Report sums up the questions asked from since (inclusive) to until
// (exclusive): up to limit top questions, unanswered groups and unsure
// ones, every section that answered, and the no-answer rate per bucket.
func (s *Store) Report(ctx context.Context, since, until time.Time, limit int, bucket report.Bucket) (report.Report, error) {
	since, until = databaseTime(since), databaseTime(until)
	r := report.Report{Since: since, Until: until, Bucket: bucket}
	db, err := s.askedDB()
	if err != nil {
		return r, err
	}
	window := []any{db.timeArg(since), db.timeArg(until)}
	fail := func(part string, err error) (report.Report, error) {
		return report.Report{}, fmt.Errorf("report %s: %w", part, err)
	}

	err = db.query(ctx, `SELECT count(*),
		count(*) FILTER (WHERE outcome = 'answered'),
		count(*) FILTER (WHERE feedback = 1),
		count(*) FILTER (WHERE feedback = -1),
		count(*) FILTER (WHERE outcome = 'no_answer' AND refusal = ''),
		count(*) FILTER (WHERE refusal = 'outside_topic'),
		count(*) FILTER (WHERE refusal = 'other_role'),
		count(*) FILTER (WHERE refusal = 'company_fact'),
		count(*) FILTER (WHERE refusal = 'request'),
		count(*) FILTER (WHERE refusal = 'conversation'),
		count(*) FILTER (WHERE refusal = 'opinion'),
		count(*) FILTER (WHERE unsure),
		count(*) FILTER (WHERE elsewhere)`+inWindow, window, func(scan scanFunc) error {
		return scan(&r.Asked, &r.Answered, &r.Helpful, &r.NotHelpful, &r.NotCovered, &r.Refused.OutsideTopic, &r.Refused.OtherRole,
			&r.Refused.CompanyFact, &r.Refused.Request, &r.Refused.Conversation, &r.Refused.Opinion, &r.Unsure, &r.Elsewhere)
	})
	if err != nil {
		return fail("totals", err)
	}
	r.NoAnswer = r.Asked - r.Answered
	r.NoAnswerRate = report.Rate(r.NoAnswer, r.Asked)

	err = db.query(ctx, `SELECT surface, count(*), count(*) FILTER (WHERE outcome = 'answered'),
		count(*) FILTER (WHERE feedback = 1), count(*) FILTER (WHERE feedback = -1)`+inWindow+`
		GROUP BY surface ORDER BY count(*) DESC, surface`, window, func(scan scanFunc) error {
		var s report.Surface
		if err := scan(&s.Name, &s.Asked, &s.Answered, &s.Helpful, &s.NotHelpful); err != nil {
			return err
		}
		r.Surfaces = append(r.Surfaces, s)
		return nil
	})
	if err != nil {
		return fail("surfaces", err)
	}

	err = db.query(ctx, `SELECT question, count(*), count(*) FILTER (WHERE outcome = 'answered'),
		count(*) FILTER (WHERE feedback = 1), count(*) FILTER (WHERE feedback = -1)`+inWindow+`
		GROUP BY question ORDER BY count(*) DESC, question LIMIT ?`, append(window, limit), func(scan scanFunc) error {
		var q report.Question
		if err := scan(&q.Text, &q.Asked, &q.Answered, &q.Helpful, &q.NotHelpful); err != nil {
			return err
		}
		r.Top = append(r.Top, q)
		return nil
	})
	if err != nil {
		return fail("top questions", err)
	}
	if err := latestAnswers(ctx, db, window, r.Top); err != nil {
		return fail("top questions' sections", err)
	}
	err = db.query(ctx, `SELECT count(DISTINCT question)`+inWindow, window, func(scan scanFunc) error {
		var distinct int
		err := scan(&distinct)
		r.Left.Top = max(0, distinct-len(r.Top))
		return err
	})
	if err != nil {
		return fail("questions", err)
	}

	grouping, err := groupingOf(ctx, db, window)
	if err != nil {
		return fail("questions' words", err)
	}
	for _, k := range groupKinds(&r) {
		if *k.groups, *k.left, err = grouping.grouped(ctx, k.condition, limit, nil); err != nil {
			return fail(k.part, err)
		}
	}

	err = db.query(ctx, `SELECT section_id, count(*),
		count(*) FILTER (WHERE feedback = 1),
		count(*) FILTER (WHERE feedback = -1)`+inWindow+` AND outcome = 'answered'
		GROUP BY section_id`, window, func(scan scanFunc) error {
		var sec report.Section
		if err := scan(&sec.ID, &sec.Answers, &sec.Helpful, &sec.NotHelpful); err != nil {
			return err
		}
		r.Sections = append(r.Sections, sec)
		return nil
	})
	if err != nil {
		return fail("sections", err)
	}
	if err := openedVotes(ctx, db, window, &r); err != nil {
		return fail("votes on opened sections", err)
	}
	report.SortSections(r.Sections)

	asked, noAnswer, notCovered := map[time.Time]int{}, map[time.Time]int{}, map[time.Time]int{}
	day := db.dayExpr("asked_at")
	err = db.query(ctx, `SELECT `+day+`, count(*), count(*) FILTER (WHERE outcome = 'no_answer'), count(*) FILTER (WHERE outcome = 'no_answer' AND refusal = '')`+inWindow+`
		GROUP BY `+day, window, func(scan scanFunc) error {
		var d int64
		var n, none, gaps int
		if err := scan(&d, &n, &none, &gaps); err != nil {
			return err
		}
		start := time.Unix(d*86400, 0).UTC()
		asked[start], noAnswer[start], notCovered[start] = n, none, gaps
		return nil
	})
	if err != nil {
		return fail("no-answer rate", err)
	}
	r.FillRate(asked, noAnswer, notCovered)
	return r, nil
}

// ToTeach returns what is left to teach of the questions asked from
// since (inclusive) to until (exclusive): as Report groups them, the
// unanswered questions, the unsure answers, the refused questions and the
// answers marked 👎, up to limit groups a list, Left counting those past
// it; but the questions taught (taught reports them) are left out before
// they are grouped, so that each one taught makes room for the next
// rather than leaving a list, or a group's examples, shorter than need
// be. The answers from another role's part are left out (that part is
// for the guide's owners to write), and so are the counts, the top
// questions, the sections and the rate.
func (s *Store) ToTeach(ctx context.Context, since, until time.Time, limit int, taught func(question string) bool) (report.Report, error) {
	since, until = databaseTime(since), databaseTime(until)
	r := report.Report{Since: since, Until: until}
	db, err := s.askedDB()
	if err != nil {
		return r, err
	}
	grouping, err := groupingOf(ctx, db, []any{db.timeArg(since), db.timeArg(until)})
	if err != nil {
		return report.Report{}, fmt.Errorf("questions to teach: questions' words: %w", err)
	}
	for _, k := range groupKinds(&r) {
		if !k.teachable {
			continue
		}
		if *k.groups, *k.left, err = grouping.grouped(ctx, k.condition, limit, taught); err != nil {
			return report.Report{}, fmt.Errorf("questions to teach: %s: %w", k.part, err)
		}
	}
	return r, nil
}

// groupKind is one of a report's lists of groups: the questions it
// groups (condition), what an error calls it, and whether a lesson may
// teach them (ToTeach).
type groupKind struct {
	condition, part string
	groups          *[]report.Group
	left            *int
	teachable       bool
}

// groupKinds are r's lists of groups, to fill in.
func groupKinds(r *report.Report) []groupKind {
	return []groupKind{
		{`outcome = 'no_answer' AND refusal = ''`, "unanswered questions", &r.Unanswered, &r.Left.Unanswered, true},
		{`unsure`, "unsure answers", &r.UnsureQuestions, &r.Left.Unsure, true},
		{`elsewhere`, "answers from another role's part", &r.ElsewhereQuestions, &r.Left.Elsewhere, false},
		{`refusal <> ''`, "refused questions", &r.RefusedQuestions, &r.Left.Refused, true},
		{`feedback = -1`, "answers not helpful", &r.NotHelpfulQuestions, &r.Left.NotHelpful, true},
	}
}

// grouping groups the questions of a window by their topic words.
type grouping struct {
	db     askedDB
	window []any
	// common are the words nearly every question of the window holds,
	// answered or not, which tell no gap from another.
	common map[string]bool
}

// groupingOf is the grouping of the questions of window.
func groupingOf(ctx context.Context, db askedDB, window []any) (grouping, error) {
	g := grouping{db: db, window: window}
	all, err := g.counts(ctx, "true")
	if err != nil {
		return g, err
	}
	g.common = report.CommonWords(all)
	return g, nil
}

// counts returns the questions that meet a condition, the most asked
// first, each with a section that answered it (the first by ID, when
// sections differed) and a refusal's reason.
func (g grouping) counts(ctx context.Context, condition string) ([]report.Count, error) {
	var questions []report.Count
	err := g.db.query(ctx, `SELECT question, count(*), min(section_id), min(refusal)`+inWindow+` AND `+condition+`
		GROUP BY question ORDER BY count(*) DESC, question LIMIT ?`, append(g.window, maxGrouped), func(scan scanFunc) error {
		var c report.Count
		if err := scan(&c.Text, &c.Asked, &c.Section, &c.Reason); err != nil {
			return err
		}
		questions = append(questions, c)
		return nil
	})
	return questions, err
}

// grouped returns up to limit groups of the questions that meet a
// condition, those leave reports (when not nil) left out first, and how
// many more groups there are.
func (g grouping) grouped(ctx context.Context, condition string, limit int, leave func(question string) bool) ([]report.Group, int, error) {
	questions, err := g.counts(ctx, condition)
	if err != nil {
		return nil, 0, err
	}
	if leave != nil {
		questions = slices.DeleteFunc(questions, func(c report.Count) bool { return leave(c.Text) })
	}
	groups, left := report.GroupQuestions(questions, limit, g.common)
	return groups, left, nil
}

// latestAnswers sets each top question's Section to the section that
// answered it last within the window, and its Before to those that
// answered it earlier, the latest first: a lesson or an edit of the guide
// shows as the answer it changed.
func latestAnswers(ctx context.Context, db askedDB, window []any, top []report.Question) error {
	if len(top) == 0 {
		return nil
	}
	at := make(map[string]int, len(top))
	args := slices.Clone(window)
	for i, q := range top {
		at[q.Text] = i
		args = append(args, q.Text)
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(top)), ", ")
	// Oldest first: the latest answer is the last to be set.
	return db.query(ctx, `SELECT question, section_id`+inWindow+` AND outcome = 'answered' AND question IN (`+marks+`)
		ORDER BY asked_at, id`, args, func(scan scanFunc) error {
		var question, section string
		if err := scan(&question, &section); err != nil {
			return err
		}
		q := &top[at[question]]
		if q.Section != "" && q.Section != section {
			q.Before = slices.Insert(slices.DeleteFunc(q.Before, func(id string) bool { return id == section }), 0, q.Section)
		}
		q.Section = section
		return nil
	})
}

// scanFunc reads the current row into dest.
type scanFunc func(dest ...any) error

// askedDB is what the questions need of an engine: statements written with
// ? placeholders, its representation of a time, its expression for the
// day (days since the Unix epoch, UTC) of a time column, and the clause
// that makes a subquery skip the rows other transactions hold.
type askedDB interface {
	exec(ctx context.Context, query string, args ...any) (int64, error)
	query(ctx context.Context, query string, args []any, row func(scan scanFunc) error) error
	timeArg(t time.Time) any
	dayExpr(column string) string
	skipLocked() string
}

func (s *Store) askedDB() (askedDB, error) {
	db, ok := s.db.(askedDB)
	if !ok {
		return nil, fmt.Errorf("store engine %T keeps no questions", s.db)
	}
	return db, nil
}

// postgresPlaceholders numbers the ? placeholders of query as $1, $2, …
// The queries of this file hold no ? in a literal.
func postgresPlaceholders(query string) string {
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (p *postgres) exec(ctx context.Context, query string, args ...any) (int64, error) {
	tag, err := p.pool.Exec(ctx, postgresPlaceholders(query), args...)
	if err != nil {
		return 0, p.wrap("exec", err)
	}
	return tag.RowsAffected(), nil
}

func (p *postgres) query(ctx context.Context, query string, args []any, row func(scan scanFunc) error) error {
	rows, err := p.pool.Query(ctx, postgresPlaceholders(query), args...)
	if err != nil {
		return p.wrap("query", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return p.wrap("scan", err)
		}
	}
	if err := rows.Err(); err != nil {
		return p.wrap("query", err)
	}
	return nil
}

func (p *postgres) timeArg(t time.Time) any { return t }

func (p *postgres) skipLocked() string { return " FOR UPDATE SKIP LOCKED" }

func (p *postgres) dayExpr(column string) string {
	return "floor(extract(epoch FROM " + column + ") / 86400)::bigint"
}

func (s *sqlite) exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *sqlite) query(ctx context.Context, query string, args []any, row func(scan scanFunc) error) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *sqlite) timeArg(t time.Time) any { return t.UnixMicro() }

// skipLocked is empty: SQLite has one writer at a time, so a DELETE's
// subquery sees no rows another writer holds.
func (s *sqlite) skipLocked() string { return "" }

func (s *sqlite) dayExpr(column string) string {
	// Integer division rounds toward zero; times before 1970 do not occur.
	return "(" + column + " / 86400000000)"
}
