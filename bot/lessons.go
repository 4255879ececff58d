package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/reload"
	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// Lessons keeps what admins teach on their Home tab: for a question
// people asked, the section that answers it, or that the guide should not
// answer it. *store.Store implements it.
type Lessons interface {
	Teach(ctx context.Context, section string, questions ...string) error
	LessonList
	LessonsUpTo(ctx context.Context, upTo int64) ([]store.Lesson, error)
	Unteach(ctx context.Context, id int64) (bool, error)
}

// LessonList lists the lessons in use, the latest taught first.
// *store.Store and *store.Reader implement it.
type LessonList interface {
	Lessons(ctx context.Context) ([]store.Lesson, error)
}

// Taught returns the lessons l keeps as examples of the guide, for
// reload.Settings.Taught: a question with the ID of the section that
// answers it, or with none.
func Taught(l LessonList) func(ctx context.Context) ([]content.Question, error) {
	return func(ctx context.Context) ([]content.Question, error) {
		lessons, err := l.Lessons(ctx)
		if err != nil {
			return nil, err
		}
		// Oldest first: the examples' order is the order they were taught.
		slices.Reverse(lessons)
		out := make([]content.Question, len(lessons))
		for i, ls := range lessons {
			out[i] = content.Question{Text: ls.Question, Expect: []string{}}
			if ls.Section != "" {
				out[i].Expect = []string{ls.Section}
			}
		}
		return out, nil
	}
}

// FollowLessons reloads the guide every period until ctx ends, so that a
// replica learns the lessons taught on another; a reload finds nothing
// changed most of the time, and then only reads.
func FollowLessons(ctx context.Context, guide *reload.Reloader, period time.Duration, log *slog.Logger) {
	if !guide.Reloadable() {
		return
	}
	every(ctx, period, false, func() {
		if _, err := guide.Reload(ctx, reload.TriggerLessons); err != nil && ctx.Err() == nil {
			log.Warn("reload the guide for new lessons", "err", safeError(err))
		}
	})
}

// teachable is a group of questions to teach, with its questions in full.
type teachable = blockkit.Teachable

// teaching is what the admins' Home offers to teach in the window of
// report r: the groups of its unanswered questions, unsure answers,
// answers marked 👎 and questions a rule refused as for others to answer
// (which a lesson naming a section answers, whatever the rule), of the
// questions not yet taught, the first shown each with the sections the
// search finds closest, and the lessons taught, listed from the place
// from.
func (s *Server) teaching(ctx context.Context, r report.Report, head blockkit.Teaching) (blockkit.Teaching, error) {
	t, err := s.toTeach(ctx, r.Since, r.Until)
	t.From, t.Notice, t.Done, t.Learning = head.From, head.Notice, head.Done, head.Learning
	if err != nil {
		return t, err
	}
	ix, done := s.owners.guide.Acquire()
	defer done()
	for i := range t.Groups[:min(blockkit.TeachGroups, len(t.Groups))] {
		if t.Groups[i].Closest, err = closestSections(ctx, ix, t.Groups[i].Questions[0]); err != nil {
			return t, err
		}
	}
	if warning := s.rejected.Load(); warning != nil {
		t.Warning = *warning
	}
	return t, nil
}

// toTeach is teaching without the closest sections: the groups to teach
// from since to until, and the lessons.
func (s *Server) toTeach(ctx context.Context, since, until time.Time) (blockkit.Teaching, error) {
	var t blockkit.Teaching
	lessons, err := s.cfg.Lessons.Lessons(ctx)
	if err != nil {
		return t, err
	}
	var latest int64
	for _, l := range lessons {
		latest = max(latest, l.ID)
	}
	t.Lessons = choices(lessons)
	t.Taught = s.inUse(lessons)
	t.Groups, t.Left, err = s.leftToTeach(ctx, since, until, t.Taught, latest)
	return t, err
}

// inUse returns the questions the lessons teach. A lesson whose section
// the guide serving lacks (renamed or removed since) teaches nothing: its
// questions are offered again.
func (s *Server) inUse(lessons []store.Lesson) map[string]bool {
	g := s.currentGuide()
	taught := map[string]bool{}
	for _, l := range lessons {
		if _, ok := g.Section(l.Section); ok || l.Section == "" {
			taught[l.Question] = true
		}
	}
	return taught
}

// choices folds lessons, the latest first, into the choices that taught
// them: those of one section taught at one moment are one group's, and
// one Undo undoes them all.
func choices(lessons []store.Lesson) []blockkit.Lesson {
	var out []blockkit.Lesson
	for i, l := range lessons {
		if i > 0 && l.Section == lessons[i-1].Section && l.Taught.Equal(lessons[i-1].Taught) {
			last := &out[len(out)-1]
			last.IDs, last.Questions = append(last.IDs, l.ID), append(last.Questions, l.Question)
			continue
		}
		out = append(out, blockkit.Lesson{IDs: []int64{l.ID}, Questions: []string{l.Question}, Section: l.Section})
	}
	return out
}

// leftToTeach returns the groups left to teach from since to until once
// the lesson of ID upTo was taught, of the questions not taught (inUse):
// those the Home offers first (groups), and how many more there are.
// The questions taught are left out before the questions are grouped,
// so that the groups past the first take the place of those taught.
func (s *Server) leftToTeach(ctx context.Context, since, until time.Time, taught map[string]bool, upTo int64) ([]teachable, int, error) {
	// The groups the Home shows, the kinds taken in turn, are among the
	// first TeachGroups of each kind.
	r, err := s.owners.questions.ToTeach(ctx, since, until, blockkit.TeachGroups, func(q string) bool { return taught[q] })
	if err != nil {
		return nil, 0, err
	}
	return groups(r, upTo), r.Left.Unanswered + r.Left.Unsure + r.Left.Refused + r.Left.NotHelpful, nil
}

// groups are the groups of r to teach, once the lesson of ID upTo was
// taught: the kinds taken in turn, a group in two kinds once.
func groups(r report.Report, upTo int64) []teachable {
	var out []teachable
	for _, grp := range inTurn(r.Unanswered, r.NotHelpfulQuestions, r.UnsureQuestions, r.RefusedQuestions) {
		key := groupKey(upTo, grp.Examples)
		if !slices.ContainsFunc(out, func(g teachable) bool { return g.Key == key }) {
			out = append(out, teachable{Key: key, Words: grp.Words, Asked: grp.Asked, Questions: grp.Examples})
		}
	}
	return out
}

// inTurn takes the lists' groups in turn, the first of each, then the
// second of each…: the few groups the Home offers to teach reach every
// kind there is, not the unanswered alone.
func inTurn(lists ...[]report.Group) []report.Group {
	var out []report.Group
	for i := 0; ; i++ {
		took := false
		for _, l := range lists {
			if i < len(l) {
				out, took = append(out, l[i]), true
			}
		}
		if !took {
			return out
		}
	}
}

// groupKey names a group of questions by the questions themselves, so
// that a choice teaches exactly the questions its admin saw, and by the
// latest lesson then taught, so that a second choice in the same menu
// (the admin changing their mind) finds them again.
func groupKey(upTo int64, questions []string) string {
	sum := sha256.Sum256([]byte(strings.Join(questions, "\n")))
	return strconv.FormatInt(upTo, 10) + "-" + hex.EncodeToString(sum[:8])
}

// upToOf reads the latest lesson a group's key was drawn with.
func upToOf(key string) (int64, bool) {
	n, _, ok := strings.Cut(key, "-")
	upTo, err := strconv.ParseInt(n, 10, 64)
	return upTo, ok && err == nil && upTo >= 0
}

// closestSections are the IDs of the sections the search finds closest to
// a question, whether or not it would answer with them.
func closestSections(ctx context.Context, ix *index.Index, question string) ([]string, error) {
	r, err := ix.Ask(ctx, question, 3)
	if err != nil {
		return nil, err
	}
	hits := r.Hits
	if len(hits) == 0 {
		hits = r.Closest
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.Section.ID
	}
	return ids, nil
}

// Notices of the admins' Home after a choice that taught nothing, or not
// yet.
const (
	noticeChanged = "The questions you picked for have changed since your Home was drawn: here they are again. Nothing was taught."
	noticeGone    = "That section is no longer in the guide: pick another. Nothing was taught."
	noticeFailed  = "The lesson could not be saved: try again in a moment."
	// noticeNotInUse follows an Undo of a lesson no longer in use.
	noticeNotInUse = "That lesson was replaced or undone since your Home was drawn: here are the lessons in use. Nothing was undone."
	// noticeRejected follows a lesson or an Undo saved whose guide the
	// reload rejected, and noticeNotReloaded one the guide could not be
	// reloaded for: the guide serving does not hold it.
	noticeRejected    = "Saved, but not in use: the guide with it was rejected (the warning above says why), so answers stay as they were. Undo the lesson that makes it fail, or mend the guide, and the next reload uses it."
	noticeNotReloaded = "Saved, but not in use yet: the guide could not be reloaded just now (the log says why); the next reload uses it."
)

// teach keeps an admin's choice in a teaching menu on the Home tab, has
// the guide learn it, and shows the admin their Home again, saying why
// when nothing was taught.
func (s *Server) teach(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction) {
	key, section, ok := blockkit.TeachChoice(a.BlockID, a.SelectedOption.Value)
	if !ok || !s.canTeach(cb.User.ID) {
		return
	}
	if _, known := s.currentGuide().Section(section); !known && section != "" {
		s.showHome(ctx, cb.User.ID, blockkit.Teaching{Notice: noticeGone})
		return
	}
	questions, err := s.groupToTeach(ctx, key)
	switch {
	case err != nil:
		s.storeFailed(ctx, "teach", err)
		s.showHome(ctx, cb.User.ID, blockkit.Teaching{Notice: noticeFailed})
	case questions == nil:
		s.showHome(ctx, cb.User.ID, blockkit.Teaching{Notice: noticeChanged})
	default:
		err = s.cfg.Lessons.Teach(ctx, section, questions...)
		if err == nil {
			s.log.Info("lesson taught", "admin", cb.User.ID, "section", section, "questions", len(questions))
		}
		s.learned(ctx, cb.User.ID, err, "teach", 0, "")
	}
}

// groupToTeach returns the questions of the group key names on the
// admins' Home as it stood when drawn, with the lessons then in use, nil
// when none has that key now.
func (s *Server) groupToTeach(ctx context.Context, key string) ([]string, error) {
	upTo, ok := upToOf(key)
	if !ok {
		return nil, nil
	}
	lessons, err := s.cfg.Lessons.LessonsUpTo(ctx, upTo)
	if err != nil {
		return nil, err
	}
	since, until := homeWindowNow()
	groups, _, err := s.leftToTeach(ctx, since, until, s.inUse(lessons), upTo)
	if err != nil {
		return nil, err
	}
	if i := slices.IndexFunc(groups, func(g teachable) bool { return g.Key == key }); i >= 0 {
		return groups[i].Questions, nil
	}
	return nil, nil
}

// suggest answers a teaching menu's request for options (a guide with
// more sections than a menu holds) in the ack, from the /director pool:
// the sections whose titles match what the admin typed and, as the menu
// opens, the closest to the group's questions first. Anyone but an admin
// gets none; so does a request the pool has no room for.
func (s *Server) suggest(evt socketmode.Event, cb slack.InteractionCallback, received time.Time) {
	deadline := received.Add(suggestWithin)
	if !s.answerSoon(func() { s.ackSoon(evt, received, s.suggestions(cb, deadline)) }) {
		s.queueFull("slash", homeLane(cb.User.ID), "envelope", evt.Request.EnvelopeID)
		s.ackSoon(evt, received, blockkit.Suggestions{})
	}
}

// suggestions are the options of a teaching menu for the query typed in
// it; the closest sections come first if found by deadline.
func (s *Server) suggestions(cb slack.InteractionCallback, deadline time.Time) blockkit.Suggestions {
	key, ok := blockkit.TeachKey(cb.BlockID)
	if !ok || blockkit.ActionOf(cb.ActionID) != blockkit.ActionTeach || !s.canTeach(cb.User.ID) {
		return blockkit.Suggestions{}
	}
	var closest []string
	if strings.TrimSpace(cb.Value) == "" {
		ctx, cancel := context.WithDeadline(context.Background(), deadline)
		defer cancel()
		questions, err := s.groupToTeach(ctx, key)
		if err == nil && len(questions) > 0 {
			ix, done := s.owners.guide.Acquire()
			closest, err = closestSections(ctx, ix, questions[0])
			done()
		}
		if err != nil {
			s.log.Warn("closest sections for a teaching menu", "err", safeError(err))
		}
	}
	return blockkit.TeachSuggestions(s.currentGuide(), closest, cb.Value, maxAckResponse-ackFrame)
}

// suggestWithin bounds, from its arrival, the work of a teaching menu's
// request for options, within the 3 s Slack waits for them: the closest
// sections are left out rather than the options late.
const suggestWithin = 2500 * time.Millisecond

// unteach undoes a lesson whose Undo button an admin clicked, and lists
// the lessons from where they were.
func (s *Server) unteach(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction) {
	ids, from, ok := blockkit.UnteachChoice(a.BlockID, a.Value)
	if !ok || !s.canTeach(cb.User.ID) {
		return
	}
	n, err := s.unteachAll(ctx, ids)
	if err == nil && n == 0 {
		s.showHome(ctx, cb.User.ID, blockkit.Teaching{Notice: noticeNotInUse, From: from})
		return
	}
	said := undone(n)
	if n > 0 {
		s.log.Info("lesson undone", "admin", cb.User.ID, "lessons", ids, "undone", n)
		if err != nil {
			// Some were undone: the guide learns that, and the rest wait
			// for another click.
			s.storeFailed(ctx, "undo a lesson", err)
			err, said = nil, said+" The others could not be undone: click Undo again in a moment."
		}
	}
	s.learned(ctx, cb.User.ID, err, "undo a lesson", from, said)
}

// unteachAll undoes the lessons of one choice, and returns how many of
// them were still in use, and so undone (those before a failure, if one
// failed).
func (s *Server) unteachAll(ctx context.Context, ids []int64) (int, error) {
	n := 0
	for _, id := range ids {
		ok, err := s.cfg.Lessons.Unteach(ctx, id)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// listLessons shows an admin their Home again, listing the lessons from
// the place the button they clicked names.
func (s *Server) listLessons(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction) {
	if from, ok := blockkit.LessonsFrom(a.Value); ok && s.canTeach(cb.User.ID) {
		s.showHome(ctx, cb.User.ID, blockkit.Teaching{From: from})
	}
}

// canTeach reports whether user may teach: an admin, when lessons and
// questions are kept.
func (s *Server) canTeach(user string) bool {
	return s.isAdmin(user) && s.cfg.Lessons != nil && s.owners.questions != nil
}

// learned follows a lesson kept or undone (err says whether it was): the
// guide reloads, to learn it, and the admin sees their Home again once it
// has, with the lesson listed or gone (and said, what it did, when not
// ""), or told it failed, and the lessons listed from the place from. A guide still learning after learnWait
// (a large one, a busy machine) is said to be, and the Homes that said so
// are shown again once it has learned (learning).
func (s *Server) learned(ctx context.Context, admin string, err error, what string, from int, said string) {
	if err != nil {
		s.storeFailed(ctx, what, err)
		s.showHome(ctx, admin, blockkit.Teaching{Notice: noticeFailed, From: from})
		return
	}
	if !s.owners.start() {
		s.showHome(ctx, admin, blockkit.Teaching{From: from, Done: said})
		return
	}
	done := make(chan struct{})
	// unused says, once done, why the guide serving does not hold the
	// change; "" when it does.
	var unused string
	s.owners.learning.begin()
	go func() {
		defer s.owners.keeping.Done()
		rctx, cancel := context.WithTimeout(s.working, reloadTimeout)
		res, err := s.owners.guide.Reload(rctx, reload.TriggerLessons)
		switch {
		case err != nil:
			s.log.Warn("reload the guide for a lesson", "err", safeError(err))
			unused = noticeNotReloaded
		case !res.Accepted && !res.Current:
			unused = noticeRejected
		}
		cancel()
		// Learned before done, so that a Home drawn once done does not
		// say the guide is still learning.
		owed := s.owners.learning.end()
		close(done)
		for other, at := range owed {
			pctx, cancel := context.WithTimeout(context.Background(), callTimeout)
			s.showHome(pctx, other, blockkit.Teaching{From: at})
			cancel()
		}
	}()
	t := blockkit.Teaching{From: from, Done: said}
	select {
	case <-done:
		if unused != "" {
			// Saved, but answers are as they were: no ✅ says otherwise.
			t.Done, t.Notice = "", unused
		}
	case <-time.After(s.owners.stillLearningAfter):
	case <-ctx.Done():
		// This Home may not reach Slack; drawn while the guide learns, it
		// is drawn again once it has.
	}
	s.showHome(ctx, admin, t)
}

// undone says that an Undo took back the lessons of n questions, whose
// questions the Home offers to teach again.
func undone(n int) string {
	if n == 1 {
		return "Undone: the lesson is taken back, and its question is answered as before it (the Home offers it again while it is in the window)."
	}
	return fmt.Sprintf("Undone: the %d lessons of that choice are taken back, and their questions are answered as before them (the Home offers them again while they are in the window).", n)
}

// learnWait is how long the admins' Home waits for the guide to learn a
// lesson before it is drawn saying it is still learning; the embedded
// guide takes under a second.
const learnWait = 10 * time.Second
