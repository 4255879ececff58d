package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// maxAckResponse is the size from which Slack silently drops a Socket Mode
// response, and slack-go refuses to send it: the envelope ID and the
// payload together. A larger answer goes through response_url.
const maxAckResponse = 20 * 1024

// maxEnvelopeID bounds the envelope IDs an ack is sized for; Slack's are
// UUIDs, 36 characters.
const maxEnvelopeID = 64

// ackFrame is what a response adds to its payload.
var ackFrame = len(`{"envelope_id":"","payload":}`) + maxEnvelopeID

var leadingMention = regexp.MustCompile(`^\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*`)

// gone is the polite reply to a button for a section the guide lost.
var gone = Message{
	Text:   "That topic is no longer in the guide.",
	Blocks: []slack.Block{section("That topic is no longer in the guide — it may have been renamed. Type `/director help` to see the topics I know about.")},
}

// slashReply is a slash command ack payload.
type slashReply struct {
	ResponseType string        `json:"response_type"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks"`
}

func (s *Server) onSlash(evt socketmode.Event, received time.Time) {
	cmd, ok := evt.Data.(slack.SlashCommand)
	if !ok {
		s.ack(evt, received)
		return
	}
	if r, ok := s.replies.get(cmd.Text); ok {
		// A question asked before needs no worker: only the ack, which
		// may wait for the connection, leaves the event loop.
		s.count(r.kind)
		go s.ack(evt, received, r.payload)
		return
	}
	s.spawn("slash", func(ctx context.Context) {
		r, err := s.slashReply(ctx, cmd.Text)
		if err != nil {
			s.log.Error("answer slash command", "err", err)
			r, _ = encodeSlash("", sorry)
		}
		s.count(r.kind)
		if r.payload != nil {
			s.ack(evt, received, r.payload)
			return
		}
		s.ack(evt, received)
		s.respond(ctx, cmd.ResponseURL, r.msg, false)
	})
}

// sorry is the reply when answering failed.
var sorry = Message{Text: "Sorry, something went wrong. Please try again.", Blocks: []slack.Block{section("Sorry, something went wrong. Please try again.")}}

// slashReply finds the reply to a /director question, encoded for the ack.
// A reply rendered before, for this question or another, is not rendered
// or encoded again, and the question's reply is kept for the next time it
// is asked.
func (s *Server) slashReply(ctx context.Context, question string) (cachedReply, error) {
	p, err := s.responder.plan(ctx, question, true)
	if err != nil {
		return cachedReply{}, err
	}
	r, ok := s.rendered.get(p.key)
	if !ok {
		if r, err = encodeSlash(p.key, p.template()); err != nil {
			return cachedReply{}, err
		}
		s.rendered.put(r)
	}
	if r, err = p.withQuote(r); err != nil {
		return cachedReply{}, err
	}
	if r.payload != nil {
		s.replies.put(cachedReply{key: question, payload: r.payload, kind: r.kind})
	}
	return r, nil
}

// encodeSlash encodes a message as a slash command's ack payload; a message
// too large for an ack keeps a nil payload, to be posted to the
// response_url instead.
func encodeSlash(key string, msg Message) (cachedReply, error) {
	raw, err := json.Marshal(slashReply{ResponseType: "ephemeral", Text: msg.Text, Blocks: msg.Blocks})
	if err != nil {
		return cachedReply{}, fmt.Errorf("encode reply: %w", err)
	}
	r := cachedReply{key: key, kind: msg.kind, msg: msg}
	if fitsAck(raw) {
		r.payload = raw
	}
	return r, nil
}

// fitsAck reports whether a payload fits in an ack.
func fitsAck(payload []byte) bool {
	return len(payload)+ackFrame < maxAckResponse
}

// respond posts to a response_url: a private reply, replacing the original
// message when replace is true.
func (s *Server) respond(ctx context.Context, url string, msg Message, replace bool) {
	if !s.trustedResponseURL(url) {
		s.log.Warn("ignored a response_url that is not Slack's")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	opts := []slack.MsgOption{slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...), slack.MsgOptionResponseURL(url, slack.ResponseTypeEphemeral)}
	if replace {
		opts = append(opts, slack.MsgOptionReplaceOriginal(url))
	}
	if _, _, _, err := s.api.SendMessageContext(ctx, "", opts...); err != nil {
		s.metrics.apiErrors.Add(1)
		s.log.Error("reply via response_url failed", "err", err)
	}
}

// post sends a message to a conversation, in a thread when threadTS is set.
func (s *Server) post(ctx context.Context, channel, threadTS string, msg Message) {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	opts := []slack.MsgOption{slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...)}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	if _, _, err := s.api.PostMessageContext(ctx, channel, opts...); err != nil {
		s.metrics.apiErrors.Add(1)
		s.log.Error("post message failed", "channel", channel, "err", err)
	}
}

func (s *Server) onEvent(evt socketmode.Event) {
	outer, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok {
		return
	}
	eventID := ""
	if cb, ok := outer.Data.(*slackevents.EventsAPICallbackEvent); ok {
		eventID = cb.EventID
	}
	switch ev := outer.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if ev.BotID != "" || ev.User == s.botUserID || !s.seen.first("event:"+eventID, "msg:"+ev.Channel+":"+ev.TimeStamp) {
			return
		}
		thread := ev.ThreadTimeStamp
		if thread == "" {
			thread = ev.TimeStamp
		}
		s.spawn("mention", func(ctx context.Context) {
			s.answerIn(ctx, ev.Channel, thread, stripMention(ev.Text), false)
		})
	case *slackevents.MessageEvent:
		if ev.ChannelType != "im" || ev.SubType != "" || ev.BotID != "" || ev.User == "" || ev.User == s.botUserID {
			return
		}
		if !s.seen.first("event:"+eventID, "msg:"+ev.Channel+":"+ev.TimeStamp) {
			return
		}
		s.spawn("dm", func(ctx context.Context) {
			s.answerIn(ctx, ev.Channel, ev.ThreadTimeStamp, ev.Text, true)
		})
	case *slackevents.AppHomeOpenedEvent:
		if ev.Tab != "home" || !s.seen.first("event:"+eventID) {
			return
		}
		s.spawn("home", func(ctx context.Context) {
			ctx, cancel := context.WithTimeout(ctx, callTimeout)
			defer cancel()
			req := slack.PublishViewContextRequest{UserID: ev.User, View: RenderHome(s.responder.Guide())}
			if _, err := s.api.PublishViewContext(ctx, req); err != nil {
				s.metrics.apiErrors.Add(1)
				s.log.Error("publish home failed", "err", err)
			}
		})
	}
}

// answerIn answers a question in a conversation. A DM that is only a
// greeting gets the welcome instead of help.
func (s *Server) answerIn(ctx context.Context, channel, thread, question string, dm bool) {
	var msg Message
	if dm && IsHelp(question) {
		msg = RenderWelcome()
	} else {
		var err error
		if msg, err = s.responder.Respond(ctx, question, false); err != nil {
			s.log.Error("answer question", "err", err)
			return
		}
	}
	s.count(msg.kind)
	s.post(ctx, channel, thread, msg)
}

// count records whether a reply answered the question.
func (s *Server) count(kind messageKind) {
	switch kind {
	case kindAnswer:
		s.metrics.answers.Add(1)
	case kindNoAnswer:
		s.metrics.noAnswers.Add(1)
	}
}

func stripMention(text string) string {
	return strings.TrimSpace(leadingMention.ReplaceAllString(text, ""))
}

func (s *Server) onInteraction(evt socketmode.Event) {
	cb, ok := evt.Data.(slack.InteractionCallback)
	if !ok || cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 {
		return
	}
	action := cb.ActionCallback.BlockActions[0]
	s.spawn("action", func(ctx context.Context) { s.act(ctx, cb, action) })
}

func (s *Server) act(ctx context.Context, cb slack.InteractionCallback, a *slack.BlockAction) {
	private := cb.Container.IsEphemeral || cb.Container.Type == "view"
	switch a.ActionID {
	case ActionFeedbackUp, ActionFeedbackDown:
		s.metrics.vote(a.ActionID == ActionFeedbackUp)
		s.log.Info("feedback", "section", a.Value, "helpful", a.ActionID == ActionFeedbackUp)
		if cb.ResponseURL != "" {
			thanks := Message{Text: "Thanks for the feedback!", Blocks: []slack.Block{contextLine("Thanks for the feedback!")}}
			s.respond(ctx, cb.ResponseURL, thanks, false)
		}
		return
	case ActionShare:
		msg, ok := s.responder.Section(a.Value, false)
		if !ok {
			s.respond(ctx, cb.ResponseURL, gone, false)
			return
		}
		msg.Blocks = append(msg.Blocks, contextLine("Shared by <@"+cb.User.ID+">"))
		s.post(ctx, cb.Channel.ID, "", msg)
		return
	}
	var msg Message
	var ok bool
	switch a.ActionID {
	case ActionTopic:
		msg, ok = s.responder.Section(a.Value, private)
	case ActionFullTable:
		msg, ok = s.responder.Table(a.Value, private)
	default:
		return
	}
	if !ok {
		msg = gone
	}
	switch {
	case cb.Container.Type == "view":
		s.post(ctx, cb.User.ID, "", msg)
	case private && cb.ResponseURL != "":
		s.respond(ctx, cb.ResponseURL, msg, true)
	default:
		s.post(ctx, cb.Channel.ID, cb.Container.MessageTs, msg)
	}
}

// HandledEvents are the Events API events the bot acts on; the app manifest
// subscribes to exactly these.
var HandledEvents = []string{"app_home_opened", "app_mention", "message.im"}

// RequiredScopes are the bot token scopes the bot uses: reading mentions,
// posting, the slash command, and reading DMs. Nothing more.
var RequiredScopes = []string{"app_mentions:read", "chat:write", "commands", "im:history"}

// SlashCommand is the command the bot answers.
const SlashCommand = "/director"
