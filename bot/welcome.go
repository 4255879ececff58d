package bot

import (
	"context"
	"slices"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// A DM starts a conversation. In a plain DM (the app's Messages tab) the
// bot welcomes a person once, on their first DM or when they first open
// the tab, with suggested prompts as buttons. With Slack's agent feature
// (the agent manifest: assistant_view, assistant:write), each new agent
// thread (assistant_thread_started) gets the welcome and the prompts as
// Slack's own suggested prompts (assistant.threads.setSuggestedPrompts);
// without it Slack never sends that event and everything stays plain DMs.

// AgentEvents are the Events API events of the agent manifest: the plain
// ones and assistant_thread_started.
var AgentEvents = sorted(append(slices.Clone(HandledEvents), "assistant_thread_started"))

// AgentScopes are the bot scopes of the agent manifest: the plain ones and
// assistant:write, for the suggested prompts.
var AgentScopes = sorted(append(slices.Clone(RequiredScopes), "assistant:write"))

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

// welcomeOnce notes that a person is being welcomed, by an event that
// arrived at arrived, and reports whether it is the first time. When the
// store cannot say, it is not: better no welcome than one at every DM.
func (s *Server) welcomeOnce(ctx context.Context, user string, arrived time.Time) bool {
	var first bool
	err := s.plans(ctx, "note a welcome", func(ctx context.Context) (err error) {
		first, err = s.cfg.Plans.Welcome(ctx, user, arrived)
		return err
	})
	return err == nil && first
}

// A person who asks about the path in a DM is offered their plan at most
// once per nudgeTTL, not after every answer. The last nudgeKeys people
// offered it are remembered, by each replica and until it restarts: at
// worst the offer comes once more.
const (
	nudgeTTL  = 24 * time.Hour
	nudgeKeys = 1 << 14
)

// converse answers a DM, in its thread when it has one (an agent thread):
// something personal (the plan, forget me), a greeting with the welcome
// (a hello once welcomed), or a question, after the welcome when it is
// the person's first DM. An answer about the path is followed by an offer
// to build the person's plan while they have none, once a day (nudgeTTL),
// unless it was to a question of another role.
func (s *Server) converse(ctx context.Context, channel, thread, user, text string, arrived time.Time) {
	if msg, ok := s.personal(ctx, user, text); ok {
		s.post(ctx, channel, thread, msg)
		return
	}
	g := s.currentGuide()
	// A greeting gets the welcome the first time, then a hello, or to
	// small talk the word that the bot has none; "help" the help the
	// welcome points to.
	if s.cfg.App.IsGreeting(text) {
		msg := blockkit.Hello()
		if s.cfg.App.IsSmallTalk(text) {
			msg = s.cfg.App.SmallTalk()
		}
		if s.welcomeOnce(ctx, user, arrived) {
			msg = s.cfg.App.Welcome(g, s.keeping())
		}
		if s.post(ctx, channel, thread, msg) {
			s.postedBetween(ctx, conversationKey(channel, thread), user, arrived)
		}
		return
	}
	if thread == "" && s.welcomeOnce(ctx, user, arrived) {
		s.post(ctx, channel, "", s.cfg.App.Welcome(g, s.keeping()))
	}
	msg, a, remember, err := s.answerFollowing(ctx, conversationKey(channel, thread), user, text, arrived)
	if err != nil {
		// The asker is told, not left waiting, as after a mention.
		s.logFailure(ctx, "answer question", "err", safeError(err))
		s.post(ctx, channel, thread, blockkit.Sorry())
		return
	}
	if !s.post(ctx, channel, thread, msg) {
		return
	}
	remember(ctx)
	s.delivered(a, store.SurfaceDM)
	// One answered from another role's part than the one asked about,
	// and told so (blockkit.ReplyOutcome.Elsewhere), is offered no plan.
	if a.section == "" || a.elsewhere != nil || !blockkit.OnPath(g, a.section) {
		return
	}
	if _, has, err := s.keptPlan(ctx, user); has || err != nil {
		return
	}
	if nudge, ok := blockkit.PlanNudge(g); ok && s.nudged.once(user) {
		s.post(ctx, channel, thread, nudge)
	}
}

// messagesTabOpened welcomes a person the first time they open the app's
// Messages tab, in their DM with the bot.
func (s *Server) messagesTabOpened(ctx context.Context, user, channel string, arrived time.Time) {
	if channel == "" || !s.welcomeOnce(ctx, user, arrived) {
		return
	}
	s.post(ctx, channel, "", s.cfg.App.Welcome(s.currentGuide(), s.keeping()))
}

// threadStarted welcomes a person in a new agent thread and sets its
// suggested prompts. When Slack refuses the prompts, the welcome carries
// them as buttons instead.
func (s *Server) threadStarted(ctx context.Context, th slackevents.AssistantThread, arrived time.Time) {
	g := s.currentGuide()
	s.welcomeOnce(ctx, th.UserID, arrived)
	params := slack.AssistantThreadsSetSuggestedPromptsParameters{ChannelID: th.ChannelID, ThreadTS: th.ThreadTimeStamp, Title: blockkit.PromptsTitle}
	for _, p := range blockkit.Prompts(g) {
		params.AddPrompt(p.Title, p.Message)
	}
	welcome := s.cfg.App.WelcomeThread(g, s.keeping())
	if len(params.Prompts) > 0 {
		pctx, cancel := context.WithTimeout(ctx, callTimeout)
		err := s.api.SetAssistantThreadsSuggestedPromptsContext(pctx, params)
		cancel()
		if err != nil {
			s.metrics.apiErrors.Inc()
			s.log.Warn("set suggested prompts failed: the welcome carries them", "err", safeError(err))
			welcome = s.cfg.App.Welcome(g, s.keeping())
		}
	}
	s.post(ctx, th.ChannelID, th.ThreadTimeStamp, welcome)
}

// prompted answers a click on a suggested prompt's button as if the
// person had sent its message, where the button was.
func (s *Server) prompted(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction, arrived time.Time) {
	text := blockkit.PromptOf(a.Value)
	if !s.withBot(cb.User.ID, cb.Channel.ID) {
		// Prompts are sent in the bot's DMs only; anywhere else, answer in
		// private.
		if msg, ok := s.personal(ctx, cb.User.ID, text); ok {
			s.privately(ctx, cb, msg, false)
			return
		}
		msg, _, err := s.answer(ctx, text, true)
		if err == nil {
			s.privately(ctx, cb, msg, false)
		}
		return
	}
	s.converse(ctx, cb.Channel.ID, threadOf(cb), cb.User.ID, text, arrived)
}
