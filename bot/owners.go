package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/directorbot/directorbot/bot/ask"
	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/reload"
	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	iquestion "github.com/directorbot/directorbot/index/question"
	"github.com/hashicorp/golang-lru/v2/expirable"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	dto "github.com/prometheus/client_model/go"
	"github.com/slack-go/slack"
)

// Questions is where the bot keeps the questions it answers for the
// guide's owners: the question, the section, the surface, the outcome and
// the latest 👍/👎, never who asked or where. *store.Store implements it.
type Questions interface {
	RecordQuestion(ctx context.Context, a store.Asked) error
	RecordFeedback(ctx context.Context, token string, helpful bool) (found bool, err error)
	RecordOpenedVote(ctx context.Context, voter, section string, helpful bool, at time.Time) error
	Report(ctx context.Context, since, until time.Time, limit int, bucket report.Bucket) (report.Report, error)
	ToTeach(ctx context.Context, since, until time.Time, limit int, taught func(question string) bool) (report.Report, error)
	DeleteQuestionsBefore(ctx context.Context, cutoff time.Time) (int64, error)
}

// Limits of the work for the guide's owners: keeping a question, building
// the admins' Home report (over homeWindow), and a reload asked for with
// /director reload.
const (
	keepTimeout   = 5 * time.Second
	reportTimeout = 5 * time.Second
	reloadTimeout = 10 * time.Minute
	homeWindow    = 30 * 24 * time.Hour
	homeRows      = 10
)

// owners is what the server does for the guide's owners: the guide it
// answers from (reloaded without a restart), the questions it keeps, and
// the admins.
type owners struct {
	guide     *reload.Reloader
	questions Questions
	admins    map[string]bool
	// keeping tracks questions being kept after their replies, and
	// reloads asked for; once flushed (shut) no more are started, so the
	// wait at shutdown never races a late start.
	keepMu  sync.Mutex
	shut    bool
	keeping sync.WaitGroup
	// votes tracks the 👍/👎 waiting for their questions to be kept;
	// kept is closed at shutdown once keeping is done: a vote still
	// waiting for a question this replica set out to keep (keptHere)
	// looks once more and gives up, for it will not come; one for another
	// replica's question goes on looking, within its time.
	votes    sync.WaitGroup
	kept     chan struct{}
	keptHere *expirable.LRU[string, struct{}]
	// recording are the questions being kept now: the admins' Home waits
	// for them, so a question asked just before it was opened is in it.
	recording pending
	// learning follows the lessons being learned and the admins' Homes
	// drawn meanwhile.
	learning learning
	// stillLearningAfter is how long an admin's Home waits for the guide
	// to learn a lesson (learnWait; shorter in tests).
	stillLearningAfter time.Duration
	metrics            *ownerMetrics
}

// pending is a set of pieces of work under way, each a channel closed
// when it ends.
type pending struct {
	mu    sync.Mutex
	next  int
	works map[int]chan struct{}
}

// begin adds a piece of work to the set; end takes it out.
func (p *pending) begin() (end func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.works == nil {
		p.works = map[int]chan struct{}{}
	}
	id, done := p.next, make(chan struct{})
	p.next++
	p.works[id] = done
	return func() {
		p.mu.Lock()
		delete(p.works, id)
		p.mu.Unlock()
		close(done)
	}
}

// wait waits until the work under way when it was called has ended, or
// ctx is done; work begun since is not waited for, so a busy bot's Home
// is not held back.
func (p *pending) wait(ctx context.Context) {
	p.mu.Lock()
	works := make([]chan struct{}, 0, len(p.works))
	for _, done := range p.works {
		works = append(works, done)
	}
	p.mu.Unlock()
	for _, done := range works {
		select {
		case <-done:
		case <-ctx.Done():
			return
		}
	}
}

// newOwners sets up what the server does for the guide's owners: with
// cfg.Guide, or else a guide of ix that never reloads.
func newOwners(cfg Config, ix *index.Index, m *metrics) *owners {
	o := &owners{guide: cfg.Guide, questions: cfg.Questions, admins: map[string]bool{}, kept: make(chan struct{}),
		keptHere: expirable.NewLRU[string, struct{}](keptHereSize, nil, keptHereTTL), stillLearningAfter: learnWait}
	if o.guide == nil {
		o.guide = reload.New(ix, reload.Settings{Logger: cfg.Logger})
	}
	for _, id := range cfg.Admins {
		if id = strings.TrimSpace(id); id != "" {
			o.admins[id] = true
		}
	}
	o.metrics = newOwnerMetrics(m)
	m.registry.MustRegister(o.guide.Collectors()...)
	return o
}

// ownerMetrics count the questions kept and the votes, and give the
// no-answer rate.
type ownerMetrics struct {
	questions *prometheus.CounterVec
	feedback  *prometheus.CounterVec
	keepFails prometheus.Counter
}

func newOwnerMetrics(m *metrics) *ownerMetrics {
	f := promauto.With(m.registry)
	om := &ownerMetrics{
		questions: f.NewCounterVec(prometheus.CounterOpts{Name: "directorbot_questions_total", Help: "Questions answered or not, kept for the guide's owners (a message of two questions counts two), by surface (slash, mention, dm) and outcome (answered, no_answer)."}, []string{"surface", "outcome"}),
		feedback:  f.NewCounterVec(prometheus.CounterOpts{Name: "directorbot_feedback_kept_total", Help: "Feedback clicks by vote (helpful true or false) and whether they were kept in the store (found true or false): on the answer's question, or, for a section opened by a button or shared, as a vote of its own."}, []string{"helpful", "found"}),
		keepFails: f.NewCounter(prometheus.CounterOpts{Name: "directorbot_questions_keep_errors_total", Help: "Questions, votes and retention sweeps the store failed to keep or delete."}),
	}
	f.NewGaugeFunc(prometheus.GaugeOpts{Name: "directorbot_no_answer_ratio", Help: "Share of the questions since start-up that the guide had no answer for."}, func() float64 {
		answered, not := counterValue(m.answers), counterValue(m.noAnswers)
		return report.Rate(int(not), int(answered+not))
	})
	for _, s := range []store.Surface{store.SurfaceSlash, store.SurfaceMention, store.SurfaceDM} {
		for _, o := range []store.Outcome{store.OutcomeAnswered, store.OutcomeNoAnswer} {
			om.questions.WithLabelValues(string(s), string(o))
		}
	}
	for _, h := range []string{"true", "false"} {
		for _, found := range []string{"true", "false"} {
			om.feedback.WithLabelValues(h, found)
		}
	}
	return om
}

// counterValue reads a counter's value.
func counterValue(c prometheus.Counter) float64 {
	var m dto.Metric
	if c.Write(&m) != nil {
		return 0
	}
	return m.GetCounter().GetValue()
}

// asked is a reply to a question, as the bot keeps it once it is sent.
type asked struct {
	question string
	kind     blockkit.Kind
	// section answered it, "" for none; token is in its feedback buttons,
	// "" when questions are not kept.
	section, token string
	// others are the other questions the message asks: each is kept as a
	// question of its own, so that one refused inside an answered message
	// still reaches the report; first is then the words of the question
	// the first answer answers, kept as that answer's ("" for the whole).
	others []blockkit.Other
	first  string
	// elsewhere, when set, tells that the answer is from another role's
	// part of the guide (blockkit.ReplyOutcome.Elsewhere).
	elsewhere *index.Elsewhere
}

// currentGuide is the guide serving now, for buttons: a guide is data, it
// stays usable after a reload replaces it.
func (s *Server) currentGuide() *content.Guide { return s.owners.guide.Guide() }

// answer renders the reply to a question from the guide serving now. When
// questions are kept, its 👍/👎 carry a new reply token.
func (s *Server) answer(ctx context.Context, question string, private bool) (blockkit.Message, asked, error) {
	ix, done := s.owners.guide.Acquire()
	defer done()
	return s.reply(ctx, ix, question, "", private)
}

// answerFollowing answers a message of user's, which arrived at arrived,
// in a conversation (conversationKey), as answer does: a follow-up of the
// last question answered there asks it again (index.FollowUp), and the
// question answered, as it was read, is remembered for the next message
// ("and for a director?" after "and for a VP?" asks the first question of
// a director again); "tell me more" shows more of the last answer
// (conversation.more). The caller calls remember once the reply is sent:
// a reply cut short and handed over to another replica finds the
// conversation as this one found it. A message that another replica
// answers in the milliseconds between the post and remember is read
// alone; a person's next message comes later.
func (s *Server) answerFollowing(ctx context.Context, key, user, message string, arrived time.Time) (msg blockkit.Message, a asked, remember func(context.Context), err error) {
	ix, done := s.owners.guide.Acquire()
	defer done()
	c, kept := s.recall(ctx, key)
	known := kept == recalledIt
	later := func(next conversation) func(context.Context) {
		return func(ctx context.Context) { s.remember(ctx, key, user, arrived, next) }
	}
	if s.cfg.App.IsMore(message) && kept != recalledUnread {
		if !known {
			// The whole help, in a thread everyone reads, is noise.
			return s.cfg.App.NothingBefore(ix.Guide()), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
		}
		// "More" after a refused question asks more of it, not of the
		// answer before it: the guide has none.
		if c.Refused {
			return s.cfg.App.NoMoreOfRefusal(), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
		}
		msg, next, ok := c.more(ix.Guide())
		switch {
		case !ok:
			return s.cfg.App.NoMore(), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
		}
		return msg, asked{question: message, kind: blockkit.KindHelp}, later(next), nil
	}
	if kept == recalledNone && iquestion.AsksDetail(message) {
		// "Any example?" with nothing before it (or after forget me): the
		// word "example" alone would find whichever section gives one.
		return s.cfg.App.NothingBefore(ix.Guide()), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
	}
	if sec, ok := ix.Guide().Section(c.Section); known && ok {
		// "Source?" after an answer: where in the guide it is; "are you
		// sure?", which another search would answer otherwise, too;
		// "tl;dr", its first line.
		switch {
		case s.cfg.App.AsksSource(message):
			return blockkit.Source(sec), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
		case s.cfg.App.Doubts(message):
			return blockkit.Doubted(sec), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
		case s.cfg.App.AsksShort(message):
			return blockkit.InShort(sec), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
		}
	}
	if known && c.Refused && iquestion.AsksDetail(message) {
		// "Any example?" after a refused question: there is none of it.
		return s.cfg.App.NoMoreOfRefusal(), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
	}
	if n, noun := iquestion.Ordinal(message); known && n != 0 && suggestionNouns[noun] {
		// "The first one" after a no-answer points to the topics it
		// offered instead, and so does "the second one" after it; after
		// a refusal that offered none, to nothing.
		next, taken, ok := c.suggestion(ix.Guide(), n)
		switch {
		case ok:
			return next, asked{question: message, kind: blockkit.KindHelp}, later(taken), nil
		case len(c.Suggested) > 0:
			return blockkit.NoSuchItem(), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
		case c.Refused:
			return s.cfg.App.NoMoreOfRefusal(), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
		}
	}
	question, asker, after, followed, detail, pointed := message, user, "", false, false, false
	if known {
		// A follow-up asks the question of whoever asked it, in their
		// words: it stays theirs to forget. Any other message is asked
		// after it, and may lean on its answer; one that asks only for an
		// example or detail of it ("any example?"), or points to one of
		// its items ("the second one"), leaves the question it leans on
		// the conversation's, for the next to lean on too.
		question, followed = ix.FollowUp(c.Question, message)
		switch {
		case !followed:
			// As typed: "Thank you so much!" read as a question is "much!".
			question = message
			n, _ := iquestion.Ordinal(message)
			after, pointed = c.Question, n != 0
			detail = !pointed && iquestion.AsksDetail(message)
		case c.User != "":
			asker = c.User
		}
	}
	msg, a, err = s.reply(ctx, ix, question, after, false)
	if detail || pointed {
		// Kept for the guide's owners with the question it follows: "any
		// example?" or "the second one" alone tells them nothing.
		a.question = c.Question + " — " + message
	}
	sec, _ := ix.Guide().Section(a.section)
	switch {
	case err != nil:
		return msg, a, rememberNothing, err
	case a.kind == blockkit.KindHelp:
		return msg, a, between(c, known, later), nil
	case pointed && !a.kind.Answered():
		// "The ninth one" after five items: the message is no question
		// of its own, and the conversation stays as it was.
		return blockkit.NoSuchItem(), asked{question: message, kind: blockkit.KindHelp}, rememberNothing, nil
	case a.kind.Refused():
		// A question a rule refuses is what a follow-up asks again ("how
		// much does a director make?", then "and a VP?"); what more the
		// last answer offers stays, while it is the asker's own: another
		// person's must go with their "forget me". An aside the guide
		// finds nothing of is below.
		next := conversation{Question: question, User: asker}
		if asker == c.User {
			next = c.behind()
			next.Question = question
		}
		next.Refused, next.Suggested = true, blockkit.Onward(msg)
		return msg, a, later(next), nil
	case !a.kind.Answered():
		// An aside the guide finds nothing of ("hmm interesting") leaves
		// the conversation as it was, but for the topics it offered,
		// which "the first one" then points to.
		suggested := blockkit.Onward(msg)
		if len(suggested) == 0 {
			return msg, a, between(c, known, later), nil
		}
		next := conversation{User: asker}
		if known {
			next = c.behind()
		}
		next.Suggested = suggested
		return msg, a, later(next), nil
	case detail && c.Item != "" && iquestion.AsksExample(iquestion.Words(message)):
		// "Any example?" after "the second one": the item's own, which
		// its answer showed with it, or word that it gives none.
		if item, ok := ix.Guide().Section(c.Item); ok {
			return blockkit.NoMoreDetail(item), a, rememberNothing, nil
		}
		return msg, a, later(c.pointedTo(sec, msg)), nil
	case detail && (c.saidAbove(sec, msg) || c.sameName(sec, msg) && iquestion.AsksExample(iquestion.Words(message)) && sec.Examples() == 0):
		// "Any example?" answered by the answer that gave one, or all the
		// guide has, or by the section above again, which gives none:
		// not worth posting twice.
		return blockkit.NoMoreDetail(sec), a, rememberNothing, nil
	case followed && a.elsewhere != nil && sec != nil && c.Section == sec.ID && len(blockkit.Readable(msg)) > longRepost:
		// "And for a VP?" answered by the Director's part again, the
		// closest the guide has: a short part is posted again, saying
		// whose it is, but sixteen bullets are not worth posting twice
		// in a thread.
		return blockkit.OtherRoleAbove(sec, a.elsewhere), a, rememberNothing, nil
	case (followed && a.elsewhere == nil || after != "" && !pointed && len(a.others) == 0) && c.saidAbove(sec, msg):
		// "And for a VP?" answered by rows of a comparison, which gives
		// both roles, shown above; not by the Director's part again,
		// which then says so. Any other message answered as the last
		// was ("is that realistic?" after the timeline) is not worth
		// posting twice either, unless it asks more beside it, or
		// points to an item the answer above showed among the others.
		return blockkit.SameAsAbove(msg.Text), a, rememberNothing, nil
	case detail || pointed:
		return msg, a, later(c.pointedTo(sec, msg)), nil
	}
	return msg, a, later(answered(asker, question, sec, msg)), nil
}

// longRepost is the length, as the terminal reads it, past which another
// role's part of the guide, the answer above, is pointed to rather than
// posted again: Typical Scope's three bullets (about 300 characters) are
// posted, Core Responsibilities' sixteen (about 1,500) are not.
const longRepost = 1000

// suggestionNouns are the words an ordinal may name the topics a no-answer
// offered by ("the first topic"); "" for none: "the first skill" asks for
// a skill, not a topic.
var suggestionNouns = map[string]bool{"": true, "topic": true, "topics": true, "option": true, "options": true, "suggestion": true, "button": true}

// rememberNothing is answerFollowing's remember for a reply that leaves
// the conversation as it was.
func rememberNothing(context.Context) {}

// between is answerFollowing's remember for a stock reply ("Tell me in
// other words…") posted after the conversation's answer, which is then
// no longer the one above: a message answered as it was gets it again
// rather than "👆 The answer above…", which would point at the stock
// reply. "No, directors spend 70% on strategy, right?" after "that's
// wrong" is answered with the row that says 40%.
func between(c conversation, known bool, later func(conversation) func(context.Context)) func(context.Context) {
	if !known || len(c.Said) == 0 && c.Item == "" && c.Section == "" {
		return rememberNothing
	}
	return later(c.behind())
}

// postedBetween is between for a reply posted before answerFollowing
// reads the conversation (a greeting, small talk): it reads it itself.
func (s *Server) postedBetween(ctx context.Context, key, user string, arrived time.Time) {
	c, kept := s.recall(ctx, key)
	between(c, kept == recalledIt, func(next conversation) func(context.Context) {
		return func(ctx context.Context) { s.remember(ctx, key, user, arrived, next) }
	})(ctx)
}

// keeping is what the bot keeps of the questions asked of it.
func (s *Server) keeping() blockkit.Keeping {
	return blockkit.Keeping{Questions: s.owners.questions != nil, Retention: s.cfg.Retention, Conversation: ConversationTTL}
}

// reply renders the reply to a question from ix, asked after another, the
// last of its conversation ("" for none).
func (s *Server) reply(ctx context.Context, ix *index.Index, question, after string, private bool) (blockkit.Message, asked, error) {
	token := ""
	if s.owners.questions != nil {
		token = store.NewReplyToken()
	}
	msg, out, err := ask.Reply(ctx, s.cfg.App, ix, question, after, private, token, s.keeping())
	return msg, asked{question: question, kind: out.Kind, section: out.Section, others: out.Others, first: out.Question, token: token, elsewhere: out.Elsewhere}, err
}

// again returns a kept /director reply with a reply token of its own, so
// that each asker's 👍/👎 counts on their own question.
func (r cachedReply) again() (json.RawMessage, asked) {
	a := r.asked
	if a.token == "" {
		return r.payload, a
	}
	a.token = store.NewReplyToken()
	// Tokens are random letters and digits of one length: the payload
	// keeps its size, and holds the old token only in the 👍/👎 values.
	return bytes.ReplaceAll(r.payload, []byte(r.asked.token), []byte(a.token)), a
}

// delivered counts a reply once it reached the asker, and keeps its
// question for the guide's owners: a reply retried or handed over to
// another replica counts once, where it was sent.
func (s *Server) delivered(a asked, surface store.Surface) {
	s.accountFor(a, surface, s.owners.recording.begin())
}

// accountFor counts a reply delivered, logs it and keeps its question
// (keep); recorded ends its place among those being kept.
func (s *Server) accountFor(a asked, surface store.Surface, recorded func()) {
	s.count(a.kind)
	// Why a question got the reply it did, for an operator at debug level,
	// the only level that logs what people ask.
	if s.log.Enabled(context.Background(), slog.LevelDebug) {
		s.log.Debug("replied", "surface", string(surface), "reply", a.kind.String(), "section", a.section, "question", redactText(a.question))
	}
	s.keep(a, surface, recorded)
}

// keep records a question and its outcome in the background, after its
// reply went out: neither the ack nor the reply waits for the store. Help
// is not a question. recorded ends the question's place among those being
// kept (owners.recording), once it is kept or known not to be.
func (s *Server) keep(a asked, surface store.Surface, recorded func()) {
	q := s.owners.questions
	if q == nil || a.token == "" || a.kind == blockkit.KindHelp {
		recorded()
		return
	}
	rows := kept(a, surface)
	for _, row := range rows {
		s.owners.metrics.questions.WithLabelValues(string(surface), string(row.Outcome())).Inc()
	}
	s.owners.keptHere.Add(a.token, struct{}{})
	if !s.owners.start() {
		recorded()
		return
	}
	go func() {
		defer s.owners.keeping.Done()
		defer recorded()
		ctx, cancel := context.WithTimeout(context.Background(), keepTimeout)
		defer cancel()
		for _, row := range rows {
			// Each row is a question of its own: one the store fails keeps
			// none of the others from being kept.
			if err := q.RecordQuestion(ctx, row); err != nil {
				s.storeFailed(ctx, "keep question", err)
			}
		}
	}()
}

// kept is the rows a reply keeps, a question each: the message, or, when
// it asks others beside, the question its first answer answers, then each
// other question with what it got. A message of two questions counts as
// two. Only the first row carries the token of the reply's 👍/👎, which
// vote on its first answer; the others get tokens no button carries.
//
// Each holds the raw question: the store drops markup with its labels,
// which Normalize would have kept ("<mailto:…|bob@corp.com>"). A Slack
// token pasted into it is kept no more than it is logged: the owners read
// these for RETENTION_DAYS.
func kept(a asked, surface store.Surface) []store.Asked {
	first := a.question
	if a.first != "" {
		first = a.first
	}
	rows := []store.Asked{{Question: store.WithoutSecrets(first), Section: a.section, Refusal: refusals[a.kind], Unsure: a.kind == blockkit.KindUnsure, Elsewhere: a.elsewhere != nil, Surface: surface, Token: a.token}}
	for _, o := range a.others {
		rows = append(rows, store.Asked{Question: store.WithoutSecrets(o.Question), Section: o.Section, Refusal: refusals[o.Kind], Surface: surface, Token: store.NewReplyToken()})
	}
	return rows
}

// refusals are the store's names of the kinds of reply that say why the
// guide cannot answer; other kinds have none.
var refusals = map[blockkit.Kind]store.Refusal{
	blockkit.KindOutsideTopic: store.RefusalOutsideTopic,
	blockkit.KindRequest:      store.RefusalRequest,
	blockkit.KindConversation: store.RefusalConversation,
	blockkit.KindOpinion:      store.RefusalOpinion,
	blockkit.KindOtherRole:    store.RefusalOtherRole,
	blockkit.KindCompanyFact:  store.RefusalCompanyFact,
}

// start counts a piece of background work in keeping, and startVote a
// vote in votes, unless the server is shutting down: then they report
// false and the work is not done.
func (o *owners) start() bool     { return o.begin(&o.keeping) }
func (o *owners) startVote() bool { return o.begin(&o.votes) }

func (o *owners) begin(wg *sync.WaitGroup) bool {
	o.keepMu.Lock()
	defer o.keepMu.Unlock()
	if o.shut {
		return false
	}
	wg.Add(1)
	return true
}

// flushQuestions waits, at most timeout in all, for the questions being
// kept, then for the votes waiting on them, and starts no more.
func (s *Server) flushQuestions(timeout time.Duration) {
	o := s.owners
	o.keepMu.Lock()
	o.shut = true
	o.keepMu.Unlock()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	if !waitFor(&o.keeping, deadline.C) {
		s.log.Warn("gave up waiting for questions to be kept", "after", timeout.String())
		return
	}
	close(o.kept)
	if !waitFor(&o.votes, deadline.C) {
		s.log.Warn("gave up waiting for votes to be kept", "after", timeout.String())
	}
}

// waitFor waits for wg until deadline fires, reporting whether it did.
func waitFor(wg *sync.WaitGroup, deadline <-chan time.Time) bool {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-deadline:
		return false
	}
}

// keptHereSize and keptHereTTL bound the reply tokens whose questions a
// replica remembers setting out to keep: a vote comes within minutes of
// its answer, or finds its question kept long before.
const (
	keptHereSize = 4096
	keptHereTTL  = 10 * time.Minute
)

// voteRetry is a vote's first wait for its question to be kept; each
// wait after doubles, up to a second.
const voteRetry = 100 * time.Millisecond

// keepOpenedVote keeps a vote cast at at by user on a reply no question
// asked for, which showed section and carried token (opened), without
// holding up the click's other work; during shutdown, with the click's.
func (s *Server) keepOpenedVote(token, user, section string, helpful bool, at time.Time) {
	q := s.owners.questions
	if q == nil {
		return
	}
	record := func() {
		ctx, cancel := context.WithTimeout(context.Background(), claimTimeout)
		defer cancel()
		if err := q.RecordOpenedVote(ctx, store.OpenedVoter(s.cfg.BotToken, token, user), section, helpful, at); err != nil {
			s.voteFailed(ctx, helpful, err)
			return
		}
		s.owners.metrics.feedback.WithLabelValues(strconv.FormatBool(helpful), "true").Inc()
	}
	if !s.owners.startVote() {
		record()
		return
	}
	go func() {
		defer s.owners.votes.Done()
		record()
	}()
}

// opened returns a reply no question asked for (a section opened by a
// button, or shared) with a token of its own in its feedback buttons,
// when questions are kept, so that its 👍/👎 is kept too.
func (s *Server) opened(msg blockkit.Message) blockkit.Message {
	if s.owners.questions == nil {
		return msg
	}
	return blockkit.WithVoteToken(msg, store.NewOpenedToken())
}

// keepVote records a 👍/👎 on the kept question whose reply carried token,
// without holding up the click's other work. A question is kept just
// after its reply is sent, on this replica or another, and on a slow store
// that takes up to keepTimeout: a quick click may come first, so the vote
// looks again, for as long, before it gives up, or, for a question this
// replica set out to keep, until shutdown has kept every one it was
// keeping. During shutdown it looks only briefly, and waits on the
// click's own work.
func (s *Server) keepVote(token string, helpful bool) {
	q := s.owners.questions
	switch {
	case q == nil:
	case token == "":
		s.voteKept(helpful, false)
	case !s.owners.startVote():
		s.recordVote(q, token, helpful, claimTimeout)
	default:
		go func() {
			defer s.owners.votes.Done()
			s.recordVote(q, token, helpful, keepTimeout)
		}()
	}
}

// recordVote marks the vote on its question once it is kept, looking
// again after voteRetry, then twice as long each time, the last time when
// within has passed or, for a question of this replica's, shutdown has
// kept what it was keeping (owners.kept).
func (s *Server) recordVote(q Questions, token string, helpful bool, within time.Duration) {
	giveUp, kept := time.Now().Add(within), s.owners.kept
	// The last look, at giveUp, has a store call's time of its own.
	ctx, cancel := context.WithTimeout(context.Background(), within+claimTimeout)
	defer cancel()
	for wait := voteRetry; ; wait = min(2*wait, time.Second) {
		found, err := q.RecordFeedback(ctx, token, helpful)
		switch {
		case err != nil && ctx.Err() == nil:
			s.voteFailed(ctx, helpful, err)
			return
		case found || err != nil:
			s.voteKept(helpful, found)
			return
		}
		left := time.Until(giveUp)
		if left <= 0 {
			s.voteKept(helpful, false)
			return
		}
		select {
		case <-time.After(min(wait, left)):
		case <-kept:
			kept = nil // closed: heard once
			if s.owners.keptHere.Contains(token) {
				giveUp = time.Now()
			}
		}
	}
}

// voteKept counts a vote, and logs one that found no question kept to
// mark: its question was not kept, or not in time, and the vote is not
// in the report.
func (s *Server) voteKept(helpful, found bool) {
	if !found {
		s.log.Info("a vote found no question kept to mark", "helpful", helpful)
	}
	s.owners.metrics.feedback.WithLabelValues(strconv.FormatBool(helpful), strconv.FormatBool(found)).Inc()
}

// voteFailed counts and logs a vote the store failed to keep.
func (s *Server) voteFailed(ctx context.Context, helpful bool, err error) {
	s.storeFailed(ctx, "keep feedback", err)
	s.owners.metrics.feedback.WithLabelValues(strconv.FormatBool(helpful), "false").Inc()
}

// storeFailed counts and logs a failure of the store to keep or read what
// the guide's owners need, but for one that shutdown cut short.
func (s *Server) storeFailed(ctx context.Context, what string, err error) {
	if !s.cutShort(ctx) {
		s.owners.metrics.keepFails.Inc()
	}
	s.logFailure(ctx, what, "err", safeError(err))
}

// isAdmin reports whether a Slack user is one of ADMIN_USERS.
func (s *Server) isAdmin(user string) bool { return s.owners.admins[user] }

// homeView is the Home tab of a user: with the questions report for
// admins, when questions are kept, and what to teach when lessons are
// too, headed and listed as head says (showHome); the normal Home for
// everyone else, and when the report cannot be read.
func (s *Server) homeView(ctx context.Context, user string, head blockkit.Teaching) slack.HomeTabViewRequest {
	g := s.currentGuide()
	if !s.isAdmin(user) || s.owners.questions == nil {
		return s.cfg.App.Home(g)
	}
	s.waitKept(ctx)
	ctx, cancel := context.WithTimeout(ctx, reportTimeout)
	defer cancel()
	r, err := s.homeReport(ctx)
	if err != nil {
		s.storeFailed(ctx, "questions report for the admins' Home", err)
		return s.cfg.App.Home(g)
	}
	var t blockkit.Teaching
	if s.canTeach(user) {
		if t, err = s.teaching(ctx, r, head); err != nil {
			s.storeFailed(ctx, "lessons for the admins' Home", err)
		}
	}
	return s.cfg.App.AdminHome(g, r, t)
}

// showHome publishes user's Home tab, the teaching part headed as head
// says (its notice) and listing the lessons from head.From. A teacher's
// Home says whether the guide is still learning a lesson; it is then
// shown again once the guide has learned (Server.learned).
func (s *Server) showHome(ctx context.Context, user string, head blockkit.Teaching) {
	if s.canTeach(user) {
		var done func()
		head.Learning, done = s.owners.learning.draw(user, head.From)
		defer done()
	}
	view := s.homeView(ctx, user, head)
	// A Home published twice is the same Home: nothing to trace.
	_, err := s.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: user, View: view})
	s.replied(ctx, err, false, "publish home")
}

// waitKept waits, at most keptWait, for the questions being kept, so that
// one asked just before the Home was opened is in its report; a slow
// store leaves the Home the time to be drawn and published.
func (s *Server) waitKept(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, keptWait)
	defer cancel()
	s.owners.recording.wait(ctx)
}

// keptWait bounds how long the admins' Home waits for the questions being
// kept: a question is kept in milliseconds.
const keptWait = time.Second

// homeReport is the report of the admins' Home: the last homeWindow.
func (s *Server) homeReport(ctx context.Context) (report.Report, error) {
	since, until := homeWindowNow()
	return s.owners.questions.Report(ctx, since, until, homeRows, report.BucketFor(since, until))
}

// homeWindowNow is the window of the admins' Home: the last homeWindow.
func homeWindowNow() (since, until time.Time) {
	until = time.Now()
	return until.Add(-homeWindow), until
}

// isReloadCommand reports whether a /director command asks for a reload.
func isReloadCommand(text string) bool {
	return strings.EqualFold(strings.TrimSpace(text), "reload")
}

// reloadCommand answers /director reload: an admin's reload runs in the
// background and its result comes to the command's response_url; anyone
// else is told that only admins may, or that there are none. It returns
// the ack's payload.
func (s *Server) reloadCommand(cmd slack.SlashCommand) json.RawMessage {
	var msg blockkit.Message
	switch {
	case len(s.owners.admins) == 0:
		msg = blockkit.NoAdmins()
	case !s.isAdmin(cmd.UserID):
		msg = blockkit.AdminsOnly()
	case !s.owners.guide.Reloadable():
		msg = blockkit.ReloadReply("This bot serves the guide built into it: set GUIDE_DIR to a folder of pages to reload from.", nil)
	default:
		msg = blockkit.Reloading()
		if !s.owners.start() {
			break
		}
		go func() {
			defer s.owners.keeping.Done()
			// Cut short at shutdown, as the workers' tasks are: a large
			// guide's indexing must not hold the drain for minutes.
			ctx, cancel := context.WithTimeout(s.working, reloadTimeout)
			defer cancel()
			res, err := s.owners.guide.Reload(ctx, reload.TriggerCommand)
			// The answer to the command, unlike the admins' DMs, says
			// nothing of how reloads happen: the admin just asked for one.
			notice := blockkit.ReloadReply(res.Summary(), res.Problems)
			if err != nil {
				notice = blockkit.ReloadReply("The guide was not reloaded: "+err.Error(), nil)
			}
			// Told even when shutdown cut the reload short, within
			// keepTimeout, as shutdown waits for it (flushQuestions).
			rctx, cancelReply := context.WithTimeout(context.WithoutCancel(ctx), keepTimeout)
			defer cancelReply()
			s.respond(rctx, cmd.ResponseURL, notice, false)
		}()
	}
	payload, _ := encodeSlash(msg) // a short, fixed message always encodes
	return payload
}

// guideReloaded follows a reload: an accepted guide makes the kept
// /director replies stale; an accepted or restored one lifts the Home's
// warning; a rejected one, or one accepted though it still fails
// questions.jsonl (Result.Before), is told to every admin by DM, once
// for all replicas that reload the same files when they share a store,
// and warned of on the Home.
func (s *Server) guideReloaded(res reload.Result) {
	if res.Accepted || res.Restored {
		s.rejected.Store(nil)
	}
	if res.Restored || res.Accepted && res.Before == nil {
		// A guide accepted though it still fails questions.jsonl is told
		// as a rejection is: once in the same words.
		s.told.Store(nil)
	}
	if res.Cleared != "" {
		s.holdOffRejection(res.Cleared)
	}
	if res.Accepted {
		s.generation.Add(1)
		s.replies.Purge()
	}
	if res.Cleared != "" && res.Before == nil {
		// The admins were told of the rejection by DM: they are told
		// there, once for all replicas, that it is over.
		s.tellAdmins(clearedKey(res.Cleared), s.cfg.App.ReloadNotice(cleared(res), nil), func() {})
	}
	if res.Unchanged || res.Accepted && res.Before == nil {
		return
	}
	warning := "The guide's last reload was rejected, so the lessons and changes since are not in use: " + res.Reason
	if res.Trigger == reload.TriggerStart || res.Accepted {
		warning = res.Summary()
	}
	warning += failing(warning, res.Problems)
	s.rejected.Store(&warning)
	if len(s.owners.admins) == 0 {
		return
	}
	words := strings.Join(append([]string{res.Summary()}, res.Problems...), "\n")
	if last := s.told.Swap(&words); last != nil && *last == words {
		return
	}
	claim, told := "", func() {}
	if res.Fingerprint != "" {
		claim = rejectionKey(res.Fingerprint)
		// Told again, its files' end may be told again: released by the
		// replica that tells, never by one that did not (a replica the
		// change reached late would let the end be told twice).
		told = func() { s.release(clearedKey(res.Fingerprint)) }
	}
	s.tellAdmins(claim, s.cfg.App.ReloadNotice(res.Summary(), res.Problems), told)
}

// staleRejection is how long after a rejection is over the same files'
// rejection is not told to the admins again: a replica that reports it
// then has not seen the change yet (a ConfigMap reaches each pod in its
// own time, a minute or more apart) rather than met a new mistake.
const staleRejection = 3 * time.Minute

// holdOffRejection marks the rejection of the files of fingerprint fp as
// over: it may be told again, but not before s.holdOff has passed.
func (s *Server) holdOffRejection(fp string) {
	key := rejectionKey(fp)
	if !s.release(key) || s.holdOff <= 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), claimTimeout)
	defer cancel()
	s.claimFor(ctx, key, s.holdOff)
}

// tellAdmins posts a notice to every admin by DM, then calls told. One
// replica tells them, the one that takes claim ("" for any), from the
// workers: a reload waits for its listeners, and Slack's posts may hang.
func (s *Server) tellAdmins(claim string, notice blockkit.Message, told func()) {
	if len(s.owners.admins) == 0 {
		return
	}
	s.enqueue(task{name: "reload notice", lane: "admins", claim: claim, do: func(ctx context.Context) {
		for admin := range s.owners.admins {
			s.post(ctx, admin, "", notice)
		}
		told()
	}})
}

// cleared says that a reload ended the rejection the admins were told of.
func cleared(res reload.Result) string {
	if res.Accepted {
		return "The guide's files load again. " + res.Summary()
	}
	return "The guide's files are back to those of the guide serving: nothing is rejected any more."
}

// shownProblems is how many of a rejected reload's problems the admins'
// Home names; the DM names more.
const shownProblems = 3

// failing names the first of a rejected reload's problems (a question of
// questions.jsonl that failed, and what it got), so that the Home shows
// which lesson or change to undo or mend; those the warning says already
// (a page's mistake, which is the reason) are not said twice.
func failing(warning string, problems []string) string {
	problems = slices.DeleteFunc(slices.Clone(problems), func(p string) bool { return strings.Contains(warning, p) })
	if len(problems) == 0 {
		return ""
	}
	line := " Failing: " + strings.Join(problems[:min(shownProblems, len(problems))], "; ")
	if more := len(problems) - shownProblems; more > 0 {
		line += fmt.Sprintf("; and %d more, in the DM", more)
	}
	return line
}

// rejectionKey is the claim that one replica tells the admins of the
// rejection of the files of a fingerprint, and clearedKey that one tells
// them it is over.
func rejectionKey(fingerprint string) string { return "reload-rejected:" + fingerprint }
func clearedKey(fingerprint string) string   { return "reload-cleared:" + fingerprint }
