package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// maxAckResponse is the size from which Slack silently drops a Socket Mode
// response, and slack-go refuses to send it: the envelope ID and the
// payload together. A larger answer goes through response_url.
const maxAckResponse = 20 * 1024

// ackFrame is what a response adds to its payload.
var ackFrame = len(`{"envelope_id":"","payload":}`) + maxEnvelopeID

// slashReply is a slash command ack payload.
type slashReply struct {
	ResponseType string        `json:"response_type"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks"`
}

// onSlash answers /director. The answer (search, render, encode, and the
// claim) runs on the /director pool, never behind Web API work, and is
// acked from there; a question asked before needs no search, and without a
// store to claim in it is acked straight from the event loop. It reports
// whether the command was taken: false when a full queue refused it.
func (s *Server) onSlash(evt socketmode.Event, received time.Time) (taken bool) {
	cmd, ok := evt.Data.(slack.SlashCommand)
	if !ok {
		s.ackSoon(evt, received)
		return true
	}
	s.checkCommand(cmd.Command)
	if isReloadCommand(cmd.Text) {
		s.ackSoon(evt, received, s.reloadCommand(cmd))
		return true
	}
	// A handed-over command has no ack to wait for it: it waits in its
	// asker's lane, as other handed-over work does, and is handed over
	// again if shutdown comes first.
	soon, resumed := s.answerSoon, handedOver(evt)
	if resumed {
		from := handoffOf(evt, cmd.UserID, received)
		soon = func(answer func()) bool {
			return s.enqueue(task{name: "handed-over command", lane: "user:" + cmd.UserID, handoff: from, do: func(context.Context) { answer() }})
		}
	}
	if isPlanCommand(cmd.Text) {
		// The person's own: never from or into the reply cache.
		turn := s.ackInTime(evt, received)
		if !soon(func() { s.planCommand(evt, cmd, received, turn) }) {
			s.refuseCommand(evt, cmd, turn)
			return false
		}
		return true
	}
	// A handed-over command is answered late, through its response_url.
	if s.claimer.claims == nil && !resumed {
		if r, ok := s.keptReply(s.keyOf(cmd)); ok {
			payload, a := r.again()
			s.ackSoon(evt, received, payload)
			s.delivered(a, store.SurfaceSlash)
			return true
		}
	}
	turn := s.ackInTime(evt, received)
	if !soon(func() { s.answerCommand(evt, cmd, received, turn) }) {
		s.refuseCommand(evt, cmd, turn)
		return false
	}
	return true
}

// refuseCommand acks a command refused by a full queue (the /director
// pool's, or the asker's lane's for a handed-over command) with a short
// apology: its clock acks it at once, off the event loop, unless the ack
// is already sent. A handed-over command, which Slack had acked, gets it
// through its response_url; its lane's refusal is counted where it was
// refused (enqueue).
func (s *Server) refuseCommand(evt socketmode.Event, cmd slack.SlashCommand, turn *commandAck) {
	if handedOver(evt) {
		s.apologize(cmd.ResponseURL)
		return
	}
	s.queueFull("slash", cmd.ChannelID, "envelope", evt.Request.EnvelopeID)
	turn.now(busyReply)
}

// apologize tells the asker of an acked command, whom Slack sends it no
// more, that its answer was lost, within callTimeout even as shutdown
// ends the work.
func (s *Server) apologize(responseURL string) {
	s.respond(context.WithoutCancel(s.working), responseURL, blockkit.Sorry(), false)
}

// checkCommand logs, once, a slash command whose name is not the App's:
// the command is answered, but every message that says how to ask names
// a command that the workspace does not have.
func (s *Server) checkCommand(name string) {
	want := s.cfg.App.Command()
	if name == "" || name == want || s.misnamed.Swap(true) {
		return
	}
	s.log.Warn("Slack sent a slash command under another name than the one the bot's messages tell people to type: set SLASH_COMMAND to the app's command",
		"command", name, "SLASH_COMMAND", want)
}

// commandAck sends a /director command's one ack: with the answer when it
// is ready within Config.LateAck of the command's arrival, or else empty
// at that moment, whatever the answer still waits for (the pool's queue, a
// claim, a plan read), so that Slack never sees a late ack and the answer
// goes to the response_url instead.
type commandAck struct {
	taken atomic.Bool
	// by is when the ack may no longer carry the answer.
	by    time.Time
	timer *time.Timer
	send  func(payload any)
	// early, when set, is what the clock acks with, at once (now).
	early atomic.Pointer[json.RawMessage]
}

// ackInTime starts the clock of a command's ack. A handed-over command,
// which Slack had acked, has no ack to send.
func (s *Server) ackInTime(evt socketmode.Event, received time.Time) *commandAck {
	c := &commandAck{by: received.Add(s.cfg.LateAck), send: func(payload any) { s.ack(evt, received, payload) }}
	if handedOver(evt) {
		c.taken.Store(true)
		return c
	}
	c.timer = time.AfterFunc(time.Until(c.by), func() {
		if !c.taken.CompareAndSwap(false, true) {
			return
		}
		if early := c.early.Load(); early != nil {
			c.send(*early)
			return
		}
		c.send(nil)
	})
	return c
}

// now has the clock ack the command at once with payload, unless it is
// acked already; a handed-over command has no ack to send.
func (c *commandAck) now(payload json.RawMessage) {
	if c.timer == nil {
		return
	}
	c.early.Store(&payload)
	// Reset runs the clock's func again if it ran: it then acks nothing.
	c.timer.Reset(0)
}

// inTime reports whether the caller sends the ack with the answer: it is
// not sent yet, and the time for it is not up.
func (c *commandAck) inTime() bool {
	return time.Now().Before(c.by) && c.take()
}

// take reports whether the caller sends the ack: it is not sent yet, and
// now never will be by the clock.
func (c *commandAck) take() bool {
	if !c.taken.CompareAndSwap(false, true) {
		return false
	}
	c.timer.Stop()
	return true
}

// empty acks the command without an answer, unless it is acked already.
func (c *commandAck) empty() {
	if c.take() {
		c.send(nil)
	}
}

// busyReply is the ack of a command refused because the /director pool is
// full.
var busyReply, _ = encodeSlash(blockkit.Sorry())

// answerCommand answers a /director command, on the pool: it claims the
// command (another replica holding it means it is answered there: ack and
// do nothing) and acks with the answer; an answer too large for an ack is
// acked at once and posted to the command's response_url.
func (s *Server) answerCommand(evt socketmode.Event, cmd slack.SlashCommand, received time.Time, turn *commandAck) {
	ctx, cancel := context.WithTimeout(context.Background(), ackTimeout)
	defer cancel()
	key, answer := s.claimCommand(ctx, cmd)
	if !answer {
		turn.empty()
		return
	}
	if r, ok := s.keptReply(s.keyOf(cmd)); ok {
		payload, a := r.again()
		s.ackAnswer(evt, cmd, received, turn, key, payload, func() blockkit.Message {
			msg, err := decodeSlash(payload)
			if err != nil {
				s.log.Error("decode kept reply", "err", safeError(err))
				return blockkit.Sorry()
			}
			return msg
		}, a)
		return
	}
	payload, msg, a, err := s.answerSlash(ctx, s.keyOf(cmd))
	if err != nil {
		s.log.Error("answer slash command", "err", safeError(err))
		msg = blockkit.Sorry()
		payload, _ = encodeSlash(msg) // a short, fixed message always encodes
	}
	s.ackAnswer(evt, cmd, received, turn, key, payload, func() blockkit.Message { return msg }, a)
}

// claimCommand claims a command for this replica: answer is false when
// another replica answers it; held is the claim's key when this replica
// holds it, "" when it answers without one (claim).
func (s *Server) claimCommand(ctx context.Context, cmd slack.SlashCommand) (held string, answer bool) {
	key := slashKey(cmd)
	answer, ok := s.claim(ctx, key)
	if !ok {
		key = ""
	}
	return key, answer
}

// ackAnswer acks a command with its answer. An answer too large for an ack
// (nil payload), ready too late for Slack to show it with the ack (the
// command was acked empty: commandAck), or to a handed-over command, which
// Slack had acked, is acked at once, if at all, and posted to the
// command's response_url. The message is made only then: a kept reply is
// kept encoded. held is the command's claim, if this replica holds it:
// released should the post fail.
func (s *Server) ackAnswer(evt socketmode.Event, cmd slack.SlashCommand, received time.Time, turn *commandAck, held string, payload json.RawMessage, message func() blockkit.Message, a asked) {
	if payload != nil && turn.inTime() {
		s.ackDelivered(evt, received, payload, a)
		return
	}
	turn.empty()
	msg := message()
	// A response_url reply is not held to the channel's posting rate, so it
	// waits in the asker's lane, not behind the channel's posts.
	// Acked, the command is not sent again: shutdown hands its reply over.
	from := handoffOf(evt, cmd.UserID, received)
	queued := s.enqueue(task{name: "slash reply", lane: "user:" + cmd.UserID, claim: held, held: held != "", handoff: from, do: func(ctx context.Context) {
		if s.respond(ctx, cmd.ResponseURL, msg, false) {
			s.delivered(a, store.SurfaceSlash)
		}
	}})
	if !queued {
		s.apologize(cmd.ResponseURL)
	}
}

// ackDelivered acks a command with its reply, then counts, logs and keeps it as
// delivered does. The question is among those being kept from before the
// ack: an admin's Home opened as soon as the asker sees the answer waits
// for it.
func (s *Server) ackDelivered(evt socketmode.Event, received time.Time, payload json.RawMessage, a asked) {
	recorded := s.owners.recording.begin()
	s.ack(evt, received, payload)
	s.accountFor(a, store.SurfaceSlash, recorded)
}

// decodeSlash reads back an ack's payload as a message.
func decodeSlash(payload json.RawMessage) (blockkit.Message, error) {
	var m struct {
		Text   string          `json:"text"`
		Blocks json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(payload, &m); err != nil {
		return blockkit.Message{}, err
	}
	return blockkit.ParseMessage(m.Text, m.Blocks)
}

// keptReply returns the reply kept for a command's key, if it was
// answered from the guide served now.
func (s *Server) keptReply(key replyKey) (cachedReply, bool) {
	r, ok := s.replies.Get(key)
	return r, ok && r.generation == s.generation.Load()
}

// answerSlash renders and encodes the reply to a /director question, and
// keeps it for the next time the question is asked. A reply too large for
// an ack has a nil payload, to be posted to the response_url instead. a is
// the question as the guide's owners keep it.
func (s *Server) answerSlash(ctx context.Context, key replyKey) (json.RawMessage, blockkit.Message, asked, error) {
	generation := s.generation.Load()
	question := key.question
	msg, a, err := s.answer(ctx, question, key.shareable)
	if err != nil {
		return nil, msg, a, err
	}
	payload, err := encodeSlash(msg)
	if err != nil {
		return nil, msg, a, err
	}
	if payload != nil && len(question) <= maxCachedQuestion {
		s.replies.Add(key, cachedReply{payload: payload, kind: a.kind, asked: a, generation: generation})
	}
	return payload, msg, a, nil
}

// encodeSlash encodes a message as a slash command's ack payload; a message
// too large for an ack gets a nil payload.
func encodeSlash(msg blockkit.Message) (json.RawMessage, error) {
	raw, err := json.Marshal(slashReply{ResponseType: "ephemeral", Text: msg.Text, Blocks: msg.Blocks})
	if err != nil {
		return nil, fmt.Errorf("encode reply: %w", err)
	}
	if len(raw)+ackFrame >= maxAckResponse {
		return nil, nil
	}
	return raw, nil
}
