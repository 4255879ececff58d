package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// Plans keeps what the bot remembers of a person, by Slack user ID: their
// self-assessment against the guide's readiness indicators, and that they
// were welcomed. *store.Store implements it.
type Plans interface {
	SavePlan(ctx context.Context, p store.Plan) error
	Plan(ctx context.Context, user string) (store.Plan, bool, error)
	Welcome(ctx context.Context, user string, at time.Time) (first bool, err error)
	Forget(ctx context.Context, user string) (store.Forgotten, error)
	ForgetBefore(ctx context.Context, user string, upTo time.Time) (store.Forgotten, error)
}

// planTimeout bounds a read or write of a person's plan.
const planTimeout = 2 * time.Second

// errPlansDown is what the Plans give while they are left alone.
var errPlansDown = errors.New("the store failed a moment ago: left alone for a while")

// plans calls the Plans as callPlans does, unless they failed a moment ago
// (plansDown): a hung store would otherwise hold every DM for planTimeout
// (the welcome, the plan offer).
func (s *Server) plans(ctx context.Context, what string, call func(context.Context) error) error {
	if s.plansDown.ongoing() {
		s.metrics.storeErrors.Inc()
		return errPlansDown
	}
	return s.callPlans(ctx, what, call)
}

// callPlans calls the Plans for at most planTimeout, even while they are
// left alone: a second forget (forgetAgain) must be tried. A failure is
// counted, logged as what failed, and leaves them alone for storeBackoff.
func (s *Server) callPlans(ctx context.Context, what string, call func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, planTimeout)
	defer cancel()
	if err := call(ctx); err != nil {
		s.plansDown.begin()
		s.metrics.storeErrors.Inc()
		s.logFailure(ctx, what, "retry_in", storeBackoff.String(), "err", safeError(err))
		return err
	}
	return nil
}

// keptPlan reads a person's kept ticks; ok is false when they have none,
// and err says the store failed (logged and counted).
func (s *Server) keptPlan(ctx context.Context, user string) (p store.Plan, ok bool, err error) {
	err = s.plans(ctx, "read a plan", func(ctx context.Context) (err error) {
		p, ok, err = s.cfg.Plans.Plan(ctx, user)
		return err
	})
	return p, ok, err
}

// planReply is what a person asking for their plan sees: their plan when
// they have one and asked to see it, else the self-assessment, ticked as
// they left it. A guide without indicators offers no plan.
func (s *Server) planReply(ctx context.Context, user string, kind blockkit.PlanKind) blockkit.Message {
	g := s.currentGuide()
	if g.Path() == nil {
		return blockkit.NoPlan()
	}
	kept, ok, err := s.keptPlan(ctx, user)
	if err != nil && kind == blockkit.PlanShow {
		return blockkit.Unavailable()
	}
	if ok && kind == blockkit.PlanShow {
		return s.renderPlan(ctx, kept.Have, kept.Updated)
	}
	form, _ := s.cfg.App.Assessment(g, kept.Have)
	return form
}

// renderPlan renders a plan from ticks with the guide serving now.
func (s *Server) renderPlan(ctx context.Context, have []string, updated time.Time) blockkit.Message {
	ix, done := s.owners.guide.Acquire()
	defer done()
	p := ix.Guide().Path()
	if p == nil {
		return blockkit.NoPlan()
	}
	closing, err := ix.Closers(ctx)
	if err != nil {
		s.log.Error("render plan", "err", safeError(err))
		return blockkit.Sorry()
	}
	return s.cfg.App.Plan(p, closing, have, updated)
}

// forgetReply forgets a person and tells them what was deleted and what
// is still kept.
func (s *Server) forgetReply(ctx context.Context, user string) blockkit.Message {
	at := time.Now()
	s.forgetAgain(user, at)
	s.forgotten.Add(user, at)
	var f store.Forgotten
	err := s.plans(ctx, "forget a person", func(ctx context.Context) (err error) {
		f, err = s.cfg.Plans.Forget(ctx, user)
		return err
	})
	if err != nil {
		return blockkit.Unavailable()
	}
	s.log.Info("forgot a person at their request", "plans", f.Plans, "welcomes", f.Welcomes, "handoffs", f.Handoffs, "conversations", f.Conversations)
	return blockkit.Forgot(blockkit.Deleted{Plan: f.Plans > 0, Welcome: f.Welcomes > 0, Waiting: f.Handoffs > 0, Conversation: f.Conversations > 0}, s.keeping())
}

// personal answers a message that asks for something of the person's own
// (their plan, to be forgotten); ok is false for any other message.
func (s *Server) personal(ctx context.Context, user, text string) (blockkit.Message, bool) {
	if blockkit.IsForget(text) {
		return s.forgetReply(ctx, user), true
	}
	if kind := blockkit.PlanIntent(text); kind != blockkit.PlanNone {
		return s.planReply(ctx, user, kind), true
	}
	return blockkit.Message{}, false
}

// mentioned answers a mention that asks for something personal in the
// person's DM, and says so in the thread, or, when the DM failed, how to
// ask for it privately: nobody sees another's plan. It reports whether the
// mention was such a request.
func (s *Server) mentioned(ctx context.Context, channel, thread, user, text string) bool {
	msg, ok := s.personal(ctx, user, text)
	if !ok {
		return false
	}
	forget := blockkit.IsForget(text)
	note := blockkit.SentPrivately(forget)
	if s.deliver(ctx, user, "", msg) == undelivered {
		note = s.cfg.App.NotSentPrivately(forget)
	}
	s.post(ctx, channel, thread, note)
	return true
}

// isPlanCommand reports whether a /director command is about the
// person's own plan or data: "plan", "plan again", "forget me".
func isPlanCommand(text string) bool {
	t := strings.TrimSpace(text)
	return blockkit.IsForget(t) || blockkit.PlanIntent(t) != blockkit.PlanNone
}

// planCommand answers /director plan and /director forget me, on the
// /director pool: the reply is the person's own, never kept for others.
// It claims the command like any other and acks with the reply as
// answers are acked (ackAnswer), asking nothing to be kept.
func (s *Server) planCommand(evt socketmode.Event, cmd slack.SlashCommand, received time.Time, turn *commandAck) {
	ctx, cancel := context.WithTimeout(context.Background(), ackTimeout)
	defer cancel()
	key, answer := s.claimCommand(ctx, cmd)
	if !answer {
		turn.empty()
		return
	}
	msg, _ := s.personal(ctx, cmd.UserID, cmd.Text)
	payload, err := encodeSlash(msg)
	if err != nil {
		s.log.Error("encode plan reply", "err", safeError(err))
		msg = blockkit.Sorry()
		payload, _ = encodeSlash(msg) // a short, fixed message always encodes
	}
	s.ackAnswer(evt, cmd, received, turn, key, payload, func() blockkit.Message { return msg }, asked{})
}

// buildPlan answers a submitted self-assessment: it keeps the clicker's
// ticks, replacing those they had, and shows them their plan, privately.
func (s *Server) buildPlan(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction, clicked time.Time) {
	g := s.currentGuide()
	p := g.Path()
	if p == nil {
		s.privately(ctx, cb, blockkit.NoPlan(), false)
		return
	}
	if a.Value != p.Indicators.ID {
		// The guide changed since the form was sent: a new form.
		s.privately(ctx, cb, s.planReply(ctx, cb.User.ID, blockkit.PlanBuild), false)
		return
	}
	kept, _, _ := s.keptPlan(ctx, cb.User.ID)
	have := blockkit.Ticked(g, cb.BlockActionState, kept.Have)
	err := s.plans(ctx, "save a plan", func(ctx context.Context) error {
		return s.cfg.Plans.SavePlan(ctx, store.Plan{User: cb.User.ID, Path: p.Indicators.ID, Have: have, Updated: clicked})
	})
	if err != nil {
		s.privately(ctx, cb, blockkit.Unavailable(), false)
		return
	}
	s.privately(ctx, cb, s.renderPlan(ctx, have, time.Now()), true)
}

// updatePlan shows the clicker's self-assessment again, ticked as kept.
func (s *Server) updatePlan(ctx context.Context, cb slack.InteractionCallback) {
	s.privately(ctx, cb, s.planReply(ctx, cb.User.ID, blockkit.PlanBuild), true)
}

// readFromPlan opens a section from a plan below it, privately: the plan
// stays where it is. In the bot's DM or agent thread, the section is then
// what "more" and "any example?" there ask of; the click arrived at
// received.
func (s *Server) readFromPlan(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction, received time.Time) {
	// Shared from where only the clicker sees it; a DM has no one else.
	msg, ok := blockkit.Topic(s.currentGuide(), a.Value, cb.Container.IsEphemeral && cb.ResponseURL != "")
	if !ok {
		s.aside(ctx, cb, s.cfg.App.Gone())
		return
	}
	if s.privately(ctx, cb, s.opened(msg), false) && !cb.Container.IsEphemeral && s.withBot(cb.User.ID, cb.Channel.ID) {
		s.clicked(ctx, cb.User.ID, received, blockkit.Step{Action: blockkit.ActionTopic, Value: a.Value}, msg, conversationKey(cb.Channel.ID, threadOf(cb)))
	}
}

// privately sends a reply to a click where only the clicker sees it: to
// the response_url of an ephemeral message, in the bot's DM or agent
// thread the message is in, else in the clicker's DM with the bot; in
// place of the message clicked when replace (the self-assessment becomes
// the plan, as a form does), where Slack lets it. It reports whether the
// reply was sent.
func (s *Server) privately(ctx context.Context, cb slack.InteractionCallback, msg blockkit.Message, replace bool) bool {
	switch {
	case cb.Container.IsEphemeral && cb.ResponseURL != "":
		return s.respond(ctx, cb.ResponseURL, msg, replace)
	case s.withBot(cb.User.ID, cb.Channel.ID):
		if replace && cb.Container.MessageTs != "" && s.update(ctx, cb.Channel.ID, cb.Container.MessageTs, msg) {
			return true
		}
		return s.post(ctx, cb.Channel.ID, threadOf(cb), msg)
	default:
		return s.post(ctx, cb.User.ID, "", msg)
	}
}

// isDM reports whether a conversation is a DM: Slack's DM IDs start with D.
func isDM(channel string) bool { return strings.HasPrefix(channel, "D") }

// threadOf is the thread of the message clicked on, "" outside threads.
func threadOf(cb slack.InteractionCallback) string {
	if cb.Container.ThreadTs != "" {
		return cb.Container.ThreadTs
	}
	return cb.Message.ThreadTimestamp
}
