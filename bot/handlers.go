package bot

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// leadingMention is the bot's mention that opens a message; emojiCode
// is an emoji's code (":rocket:"), whose colon stays.
var (
	leadingMention = regexp.MustCompile(`^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*`)
	emojiCode      = regexp.MustCompile(`^:[a-z0-9_+'-]+:`)
)

// respond posts to a response_url: a private reply, replacing the original
// message when replace is true.
func (s *Server) respond(ctx context.Context, url string, msg blockkit.Message, replace bool) bool {
	opts := []slack.MsgOption{slack.MsgOptionResponseURL(url, slack.ResponseTypeEphemeral)}
	if replace {
		opts = append(opts, slack.MsgOptionReplaceOriginal(url))
	}
	return s.sendResponse(ctx, url, msg, opts...)
}

// respondPublicly posts a message everyone in the conversation sees
// through the response_url of a click: unlike chat.postMessage, which
// Slack refuses with not_in_channel there, it works where the bot is no
// member, as in any channel where someone typed /director.
func (s *Server) respondPublicly(ctx context.Context, url string, msg blockkit.Message) bool {
	return s.sendResponse(ctx, url, msg, slack.MsgOptionResponseURL(url, slack.ResponseTypeInChannel))
}

// sendResponse posts a message to a response_url Slack gave, and reports
// whether it was sent.
func (s *Server) sendResponse(ctx context.Context, url string, msg blockkit.Message, opts ...slack.MsgOption) bool {
	opts = append(opts, slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...))
	return s.callResponseURL(ctx, url, "reply via response_url", opts...)
}

// deleteOriginal deletes, through a click's response_url, the private
// message clicked, and reports whether it is gone.
func (s *Server) deleteOriginal(ctx context.Context, url string) bool {
	return s.callResponseURL(ctx, url, "delete the message clicked", slack.MsgOptionDeleteOriginal(url))
}

// callResponseURL sends opts to a response_url Slack gave, doing what,
// and reports whether Slack took it.
func (s *Server) callResponseURL(ctx context.Context, url, what string, opts ...slack.MsgOption) bool {
	if !s.trustedResponseURL(url) {
		s.log.Warn("ignored a response_url that is not Slack's")
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	call, maybe := sending(ctx)
	_, _, _, err := s.api.SendMessageContext(call, "", opts...)
	return s.replied(ctx, err, maybe(err), what, "host", redactURL(url))
}

// post sends a message to a conversation, in a thread when threadTS is
// set, and reports whether it was sent.
func (s *Server) post(ctx context.Context, channel, threadTS string, msg blockkit.Message) bool {
	return s.deliver(ctx, channel, threadTS, msg) == posted
}

// delivery is what reached a conversation of a message posted.
type delivery int

const (
	undelivered delivery = iota
	posted
	// apologized: Slack refused the message for what it holds, and took
	// an apology in its place.
	apologized
)

// deliver posts msg as post does, and says what reached the conversation.
// Slack refusing the message itself, a renderer's mistake, is followed by
// an apology, so that the person is not left in silence, and Slack's retry
// of the event is not answered again with the same message.
func (s *Server) deliver(ctx context.Context, channel, threadTS string, msg blockkit.Message) delivery {
	maybe, err := s.postOnce(ctx, channel, threadTS, msg)
	if s.replied(ctx, err, maybe, "post message", "channel", channel) {
		return posted
	}
	if !refusedMessage(err) {
		return undelivered
	}
	maybe, err = s.postOnce(ctx, channel, threadTS, blockkit.Sorry())
	if s.replied(ctx, err, maybe, "post an apology for a refused message", "channel", channel) {
		return apologized
	}
	return undelivered
}

// postOnce posts msg, and says whether a failed post may have reached
// Slack (sending).
func (s *Server) postOnce(ctx context.Context, channel, threadTS string, msg blockkit.Message) (maybe bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, postTimeout)
	defer cancel()
	opts := []slack.MsgOption{slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...)}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	call, sent := sending(ctx)
	_, _, err = s.api.PostMessageContext(call, channel, opts...)
	return sent(err), err
}

// update replaces the bot's message ts in channel with msg, and reports
// whether it did. Slack's refusal (the message deleted since: a
// message_not_found) is no failure: the caller posts msg instead. A
// failure that may have reached Slack reports true, so that msg is not
// posted twice.
func (s *Server) update(ctx context.Context, channel, ts string, msg blockkit.Message) bool {
	ctx, cancel := context.WithTimeout(ctx, postTimeout)
	defer cancel()
	call, sent := sending(ctx)
	_, _, _, err := s.api.UpdateMessageContext(call, channel, ts, slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...))
	maybe := sent(err)
	if se := (slack.SlackErrorResponse{}); errors.As(err, &se) && !maybe {
		s.log.Info("could not update a message: posting it anew", "channel", channel, "err", se.Err)
		return false
	}
	return s.replied(ctx, err, maybe, "update message", "channel", channel) || maybe
}

// refusedMessage reports whether Slack refused a message for what it
// holds (its blocks, its length, no text), not for where it was sent.
func refusedMessage(err error) bool {
	var se slack.SlackErrorResponse
	if !errors.As(err, &se) {
		return false
	}
	switch se.Err {
	case "invalid_blocks", "invalid_blocks_format", "invalid_attachments", "msg_too_long", "msg_blocks_too_long", "no_text":
		return true
	}
	return false
}

// onEvent hands an event's work to the workers. It reports false when the
// work is not in hand (spawnClaimed), and true for an event handed over or
// needing none.
func (s *Server) onEvent(evt socketmode.Event, received time.Time) bool {
	outer, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok {
		return true
	}
	eventID := ""
	if cb, ok := outer.Data.(*slackevents.EventsAPICallbackEvent); ok {
		eventID = cb.EventID
	}
	switch ev := outer.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		keys := []string{eventKey(eventID), messageKey(ev.Channel, ev.TimeStamp)}
		// A mention without a channel has nowhere to be answered.
		if ev.Channel == "" || ev.BotID != "" || ev.User == s.botUserID {
			return true
		}
		if staleEdit(ev, received) {
			s.log.Info("not answering an edit of a message older than the repeat filter remembers: it may have been answered", "channel", ev.Channel, "ts", ev.TimeStamp)
			return true
		}
		if !s.fresh(evt, keys...) {
			return true
		}
		thread := ev.ThreadTimeStamp
		// A mention in a thread already knows how to ask there.
		starts := thread == "" || thread == ev.TimeStamp
		if thread == "" {
			thread = ev.TimeStamp
		}
		return s.spawnClaimed("mention", ev.Channel, keys, handoffOf(evt, ev.User, received), func(ctx context.Context) {
			if !s.mentioned(ctx, ev.Channel, thread, ev.User, stripMention(ev.Text)) {
				s.answerIn(ctx, ev.Channel, thread, ev.User, stripMention(ev.Text), received, starts)
			}
		})
	case *slackevents.MessageEvent:
		if ev.ChannelType != "im" || ev.Channel == "" || !userSubtypes[ev.SubType] || ev.BotID != "" || ev.User == "" || ev.User == s.botUserID {
			return true
		}
		s.learnDM(ev.User, ev.Channel)
		keys := []string{eventKey(eventID), messageKey(ev.Channel, ev.TimeStamp)}
		if !s.fresh(evt, keys...) {
			return true
		}
		return s.spawnClaimed("dm", ev.Channel, keys, handoffOf(evt, ev.User, received), func(ctx context.Context) {
			if ev.SubType == "file_share" && strings.TrimSpace(ev.Text) == "" {
				// A screenshot alone asks nothing the bot can read.
				s.post(ctx, ev.Channel, ev.ThreadTimeStamp, blockkit.FilesUnread())
				return
			}
			s.converse(ctx, ev.Channel, ev.ThreadTimeStamp, ev.User, ev.Text, received)
		})
	case *slackevents.AssistantThreadStartedEvent:
		th := ev.AssistantThread
		s.learnDM(th.UserID, th.ChannelID)
		keys := []string{eventKey(eventID)}
		if th.UserID == "" || th.ChannelID == "" || !s.fresh(evt, keys...) {
			return true
		}
		return s.spawnClaimed("agent thread", th.ChannelID, keys, handoffOf(evt, th.UserID, received), func(ctx context.Context) { s.threadStarted(ctx, th, received) })
	case *slackevents.AppUninstalledEvent:
		s.refuse(&AuthError{Variable: botTokenVariable, Reason: uninstalled})
	case *slackevents.TokensRevokedEvent:
		if slices.Contains(ev.Tokens.Bot, s.botUserID) {
			s.refuse(&AuthError{Variable: botTokenVariable, Reason: revoked})
		}
	case *slackevents.AppHomeOpenedEvent:
		s.learnDM(ev.User, ev.Channel)
		keys := []string{eventKey(eventID)}
		if ev.Tab == "messages" && s.fresh(evt, keys...) {
			return s.spawnClaimed("messages tab", ev.Channel, keys, handoffOf(evt, ev.User, received), func(ctx context.Context) { s.messagesTabOpened(ctx, ev.User, ev.Channel, received) })
		}
		if ev.Tab != "home" || !s.fresh(evt, keys...) {
			return true
		}
		return s.spawnClaimed("home", homeLane(ev.User), keys, handoffOf(evt, ev.User, received), func(ctx context.Context) {
			ctx, cancel := context.WithTimeout(ctx, callTimeout)
			defer cancel()
			s.showHome(ctx, ev.User, blockkit.Teaching{})
		})
	}
	return true
}

// userSubtypes are the subtypes of a message a person wrote, which a DM
// answers: none, a message with files attached ("file_share": a question
// with a screenshot), a thread reply also sent to the conversation
// ("thread_broadcast") and a /me message. The others are edits,
// deletions, bots' messages and notices of joins and topics.
var userSubtypes = map[string]bool{"": true, "file_share": true, "thread_broadcast": true, "me_message": true}

// fresh records an event's keys in the repeat filter and reports whether
// the event is to be answered: the first time its keys are seen, or
// handed over by another replica, which only one replica takes from the
// store. This replica may have seen the event before and lost its claim
// to the replica that then handed it over.
func (s *Server) fresh(evt socketmode.Event, keys ...string) bool {
	return s.seen.first(keys...) || handedOver(evt)
}

// staleEdit reports whether a mention is an edit of a message posted
// longer before it arrived than the repeat filter remembers. Slack fires
// app_mention again when a message is edited, and only within that time
// can the filter (or, across replicas, the message's claim) tell whether
// the message was answered before: a mention added by editing a message
// just posted is answered, a typo fixed in an answered question an hour
// later is not answered twice.
func staleEdit(ev *slackevents.AppMentionEvent, received time.Time) bool {
	if ev.Edited == nil {
		return false
	}
	sec, _, _ := strings.Cut(ev.TimeStamp, ".")
	posted, err := strconv.ParseInt(sec, 10, 64)
	return err != nil || received.Sub(time.Unix(posted, 0)) > dedupeTTL
}

// answerIn answers user's mention, which arrived at arrived, in its
// thread, and keeps it for the guide's owners. The answer to a mention
// that starts the thread says how to ask more there (blockkit.InThread).
func (s *Server) answerIn(ctx context.Context, channel, thread, user, question string, arrived time.Time, starts bool) {
	if s.cfg.App.IsGreeting(question) {
		// The whole help, posted where everyone reads it, is noise: it
		// is a command away, for the asker alone.
		msg := s.cfg.App.Greeting(s.currentGuide())
		if s.cfg.App.IsSmallTalk(question) {
			msg = s.cfg.App.SmallTalk()
		}
		if s.post(ctx, channel, thread, msg) {
			s.postedBetween(ctx, conversationKey(channel, thread), user, arrived)
		}
		return
	}
	msg, a, remember, err := s.answerFollowing(ctx, conversationKey(channel, thread), user, question, arrived)
	if err != nil {
		// The asker is told, not left waiting.
		s.logFailure(ctx, "answer question", "err", safeError(err))
		s.post(ctx, channel, thread, blockkit.Sorry())
		return
	}
	if starts && a.kind != blockkit.KindHelp {
		// An answer, or a refusal, may be followed up: small talk not.
		msg = blockkit.InThread(msg)
	}
	if s.post(ctx, channel, thread, msg) {
		remember(ctx)
		s.delivered(a, store.SurfaceMention)
	}
}

// count records whether a reply answered the question.
func (s *Server) count(kind blockkit.Kind) {
	switch {
	case kind == blockkit.KindHelp:
	case kind.Answered():
		s.metrics.answers.Inc()
		if kind == blockkit.KindUnsure {
			s.metrics.unsure.Inc()
		}
	default:
		s.metrics.noAnswers.Inc()
	}
}

// stripMention returns a message without the mention that opens it, nor
// the comma or colon that may follow it ("@bot: what…", "@bot,what…"),
// unless the colon opens an emoji's code ("@bot :rocket:").
func stripMention(text string) string {
	rest := leadingMention.ReplaceAllString(text, "")
	if rest != text && (strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ":") && !emojiCode.MatchString(rest)) {
		rest = rest[1:]
	}
	return strings.TrimSpace(rest)
}

// onInteraction hands a click's work to the workers. Like onEvent, it
// reports false when a full queue refused the work.
func (s *Server) onInteraction(evt socketmode.Event, received time.Time) bool {
	cb, ok := evt.Data.(slack.InteractionCallback)
	if !ok || cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 {
		return true
	}
	action := cb.ActionCallback.BlockActions[0]
	if blockkit.ActionOf(action.ActionID) == blockkit.ActionPlanTick {
		return true // a tick needs no answer: the form is read when submitted
	}
	return s.spawnClaimed("action", s.actionLane(cb, action), []string{actionKey(cb, action)}, handoffOf(evt, cb.User.ID, received), func(ctx context.Context) {
		// A handed-over click was this one's, taken by a replica that
		// shut down before it answered.
		click := ""
		if !handedOver(evt) {
			click = clickKey(cb, action)
		}
		if s.repeatsClick(ctx, click) {
			s.log.Debug("ignored a click repeated within a moment", "action", action.ActionID)
			return
		}
		s.act(ctx, cb, action, received)
		if failedUnsent(ctx) {
			s.forgetKey(s.clicks, click)
		}
	})
}

// failedUnsent reports whether a reply of the task that ctx belongs to
// finally failed, and Slack has none of its replies: the task may be
// done again without sending anything twice.
func failedUnsent(ctx context.Context) bool {
	o := outcomeOf(ctx)
	return o != nil && o.failed.Load() && !o.reached()
}

// act answers a click on one of the bot's buttons, which arrived at
// received.
func (s *Server) act(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction, received time.Time) {
	// Buttons of one block have action_ids "kind:place": route by kind.
	switch blockkit.ActionOf(a.ActionID) {
	case blockkit.ActionFeedback, blockkit.ActionFeedbackUp, blockkit.ActionFeedbackDown:
		s.feedback(ctx, cb, a, received)
	case blockkit.ActionShare:
		s.share(ctx, cb, a.Value)
	case blockkit.ActionPrompt:
		s.prompted(ctx, cb, a, received)
	case blockkit.ActionPlanBuild:
		s.buildPlan(ctx, cb, a, received)
	case blockkit.ActionPlanUpdate:
		s.updatePlan(ctx, cb)
	case blockkit.ActionPlanRead:
		s.readFromPlan(ctx, cb, a, received)
	case blockkit.ActionTopic, blockkit.ActionFullTable, blockkit.ActionMore:
		s.show(ctx, cb, a, received)
	case blockkit.ActionTeach:
		s.teach(ctx, cb, a)
	case blockkit.ActionUnteach:
		s.unteach(ctx, cb, a)
	case blockkit.ActionLessons:
		s.listLessons(ctx, cb, a)
	}
}

// feedback counts a vote on an answer (👍/👎, Slack's feedback_buttons,
// whose value says which), keeps it on the answer's question by the reply
// token the value carries, and thanks the voter privately, under the
// answer, which stays as it was.
func (s *Server) feedback(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction, received time.Time) {
	helpful, section, token, ok := blockkit.ReadVote(a.ActionID, a.Value)
	if !ok {
		s.log.Warn("feedback with an unknown value")
		return
	}
	s.metrics.vote(helpful)
	if store.IsOpenedToken(token) {
		s.keepOpenedVote(token, cb.User.ID, section, helpful, received)
	} else {
		s.keepVote(token, helpful)
	}
	s.log.Info("feedback", "section", section, "helpful", helpful)
	if cb.ResponseURL != "" {
		s.respond(ctx, cb.ResponseURL, s.cfg.App.Thanks(helpful), false)
	}
}

// share posts a section to the conversation for everyone, saying who
// shared it, through the click's response_url (respondPublicly), in place
// of the private answer clicked.
func (s *Server) share(ctx context.Context, cb slack.InteractionCallback, id string) {
	msg, ok := blockkit.Shared(s.currentGuide(), id, cb.User.ID)
	msg = s.opened(msg)
	switch {
	case !ok:
		s.aside(ctx, cb, s.cfg.App.Gone())
	case cb.ResponseURL != "":
		if s.respondPublicly(ctx, cb.ResponseURL, msg) && cb.Container.IsEphemeral {
			// Shared once: the private copy, whose Share button would
			// post it again, goes, as Slack's own /giphy preview does.
			s.deleteOriginal(ctx, cb.ResponseURL)
		}
	default:
		s.post(ctx, cb.Channel.ID, "", msg)
	}
}

// show answers a topic, table or Continue reading button: in place of the
// private answer it was on (below it, for Continue reading), in a DM when
// it was on the Home tab, privately below a shared answer, below it in
// the bot's DM, else in the message's thread. The click arrived at
// received. A button whose section the guide no longer has, or a Continue
// reading of an answer continued already, is answered aside, leaving the
// answer as it was.
func (s *Server) show(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction, received time.Time) {
	where := routeOf(cb, a)
	kind := blockkit.ActionOf(a.ActionID)
	step := blockkit.Step{Action: kind, Value: a.Value}
	// A private reply offers to share it; in the bot's DM there is no one
	// to share it with.
	msg, ok := blockkit.Show(s.currentGuide(), step, (cb.Container.IsEphemeral || where == belowShared) && !s.withBot(cb.User.ID, cb.Channel.ID))
	if !ok {
		s.aside(ctx, cb, s.cfg.App.Gone())
		return
	}
	continued := ""
	if kind == blockkit.ActionMore {
		continued = continuedKey(cb, a, where)
	}
	if s.continuedBefore(ctx, continued) {
		s.aside(ctx, cb, blockkit.AlreadyContinued())
		return
	}
	s.showAt(ctx, cb, where, step, msg, received)
	if failedUnsent(ctx) {
		s.forgetKey(s.continued, continued)
	}
}

// showAt sends msg, the reply to a topic, table or Continue reading click
// (step) that arrived at received, where routeOf says.
func (s *Server) showAt(ctx context.Context, cb slack.InteractionCallback, where route, step blockkit.Step, msg blockkit.Message, received time.Time) {
	// The conversation remembers msg as rendered, which "more" compares
	// with: the vote token is only the posted copy's.
	posted := s.opened(msg)
	switch where {
	case inDM:
		// What the DM asks next asks of it, once the bot knows the DM.
		if dm, known := s.dms.Peek(cb.User.ID); s.post(ctx, cb.User.ID, "", posted) && known {
			s.clicked(ctx, cb.User.ID, received, step, msg, conversationKey(dm, ""))
		}
	case belowShared:
		// Below the shared answer, for the clicker alone: the answer stays
		// as everyone sees it, and the bot may be no member here.
		s.respond(ctx, cb.ResponseURL, posted, false)
	case inPlace:
		s.respond(ctx, cb.ResponseURL, posted, step.Action != blockkit.ActionMore)
	default:
		// In the clicked message's thread: Slack asks for its parent's ts,
		// not a reply's. In the bot's DM, a message outside threads is
		// answered below it, where the next is typed, not out of sight
		// behind "1 reply".
		in := threadOf(cb)
		thread := in
		if thread == "" && !s.withBot(cb.User.ID, cb.Channel.ID) {
			thread = cb.Container.MessageTs
		}
		if s.post(ctx, cb.Channel.ID, thread, posted) {
			// "More" goes on from it, in the thread and, for an answer
			// outside threads (a DM's), where the answer was.
			keys := []string{conversationKey(cb.Channel.ID, thread)}
			if in != thread {
				keys = append(keys, conversationKey(cb.Channel.ID, in))
			}
			s.clicked(ctx, cb.User.ID, received, step, msg, keys...)
		}
	}
}

// aside tells the clicker alone about their click (the section it led
// to is gone, the answer is continued already), below the message
// clicked, which stays as it was: through the click's response_url, which
// posts a private message of its own when replace_original is false, on a
// message everyone sees as on a private one; else as privately does, in
// the bot's DM, where everything is private, or the clicker's.
func (s *Server) aside(ctx context.Context, cb slack.InteractionCallback, msg blockkit.Message) {
	if cb.ResponseURL != "" && !s.withBot(cb.User.ID, cb.Channel.ID) {
		s.respond(ctx, cb.ResponseURL, msg, false)
		return
	}
	s.privately(ctx, cb, msg, false)
}

// route is where the reply to a topic, table or Continue reading click
// goes (show).
type route int

const (
	// inThread: in the clicked message's thread, for everyone.
	inThread route = iota
	// inDM: in the clicker's DM, for a click on the Home tab.
	inDM
	// belowShared: privately, below a shared answer.
	belowShared
	// inPlace: in place of the private answer clicked.
	inPlace
)

// routeOf returns where the reply to a topic, table or Continue reading
// click goes.
func routeOf(cb slack.InteractionCallback, a *slack.BlockAction) route {
	switch {
	case cb.Container.Type == "view":
		return inDM
	case a.BlockID == blockkit.SharedActions && cb.ResponseURL != "":
		return belowShared
	case cb.Container.IsEphemeral && cb.ResponseURL != "":
		return inPlace
	}
	return inThread
}

// actionLane is the lane a click's work waits in. A reply posted in the
// click's channel waits its turn there behind the channel's other posts
// (Slack posts about one a second to a channel). A choice on the Home tab
// waits behind the clicker's other Home work, so that the Home it
// publishes again lands in order with theirs. A reply through the click's
// response_url, or in the clicker's DM, is held to no channel's rate: it
// waits only behind the clicker's own work.
func (s *Server) actionLane(cb slack.InteractionCallback, a *slack.BlockAction) string {
	own := "user:" + cb.User.ID
	switch blockkit.ActionOf(a.ActionID) {
	case blockkit.ActionTeach, blockkit.ActionUnteach, blockkit.ActionLessons:
		return homeLane(cb.User.ID)
	case blockkit.ActionFeedback, blockkit.ActionFeedbackUp, blockkit.ActionFeedbackDown:
		return own
	case blockkit.ActionTopic, blockkit.ActionFullTable, blockkit.ActionMore:
		if routeOf(cb, a) != inThread {
			return own
		}
	case blockkit.ActionShare:
		if cb.ResponseURL != "" {
			return own
		}
	case blockkit.ActionPlanBuild, blockkit.ActionPlanUpdate, blockkit.ActionPlanRead, blockkit.ActionPrompt:
		// Answered privately (Server.privately): in the bot's DM clicked
		// in, else through the response_url or in the clicker's DM.
		if !s.withBot(cb.User.ID, cb.Channel.ID) {
			return own
		}
	}
	if cb.Channel.ID == "" {
		return own
	}
	return cb.Channel.ID
}

// homeLane is the lane of the work that publishes user's Home tab.
func homeLane(user string) string { return "home:" + user }

// HandledEvents are the Events API events the bot acts on; the app manifest
// subscribes to exactly these.
var HandledEvents = []string{"app_home_opened", "app_mention", "app_uninstalled", "message.im", "tokens_revoked"}

// RequiredScopes are the bot token scopes the bot uses: reading mentions,
// posting, the slash command, and reading DMs. Nothing more.
var RequiredScopes = []string{"app_mentions:read", "chat:write", "commands", "im:history"}
