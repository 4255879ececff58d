package fakeslack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

var envelopeSeq atomic.Int64

// Envelope is one Socket Mode message from Slack to the app.
type Envelope map[string]any

// ID returns the envelope's envelope_id.
func (e Envelope) ID() string { id, _ := e["envelope_id"].(string); return id }

func newEnvelope(kind string, payload map[string]any, acceptsPayload bool) Envelope {
	n := envelopeSeq.Add(1)
	return Envelope{
		"envelope_id":              fmt.Sprintf("env-%d", n),
		"type":                     kind,
		"accepts_response_payload": acceptsPayload,
		"payload":                  payload,
	}
}

// SlashCommand is a /director command, as in Slack's slash_commands
// envelope.
func (s *Slack) SlashCommand(text, user, channel string) Envelope {
	return s.NamedCommand("/director", text, user, channel)
}

// NamedCommand is SlashCommand for an app whose command is another.
func (s *Slack) NamedCommand(command, text, user, channel string) Envelope {
	n := envelopeSeq.Load() + 1
	return newEnvelope("slash_commands", map[string]any{
		"token": "verification-token", "team_id": "T123ABC456", "team_domain": "acme",
		"channel_id": channel, "channel_name": "general", "user_id": user, "user_name": "someone",
		"command": command, "text": text,
		"response_url": s.ResponseURL(fmt.Sprint("slash-", responseSeq.Add(1))),
		"trigger_id":   fmt.Sprint("trigger-", n),
	}, true)
}

// Event wraps an Events API event in an event_callback and an events_api
// envelope.
func Event(eventID string, event map[string]any) Envelope {
	return newEnvelope("events_api", map[string]any{
		"token": "verification-token", "team_id": "T123ABC456", "api_app_id": "A123ABC456",
		"event": event, "type": "event_callback", "event_id": eventID, "event_time": time.Now().Unix(),
		"authorizations": []any{map[string]any{"team_id": "T123ABC456", "user_id": BotUserID, "is_bot": true}},
	}, false)
}

// Mention is an app_mention event; threadTS is empty outside a thread.
func Mention(eventID, text, user, channel, ts, threadTS string) Envelope {
	ev := map[string]any{"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return Event(eventID, ev)
}

// EditedMention is the app_mention Slack fires again when its user edits
// the message at ts, at editedAt: a new event, the message's own ts, and
// an edited field.
func EditedMention(eventID, text, user, channel, ts string, editedAt time.Time) Envelope {
	e := Mention(eventID, text, user, channel, ts, "")
	event := e["payload"].(map[string]any)["event"].(map[string]any)
	event["edited"] = map[string]any{"user": user, "ts": fmt.Sprintf("%d.000000", editedAt.Unix())}
	return e
}

// DirectMessage is a message event in a DM with the bot.
func DirectMessage(eventID, text, user, channel, ts string) Envelope {
	return Event(eventID, map[string]any{"type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts, "channel_type": "im"})
}

// HomeOpened is an app_home_opened event for the Home tab.
func HomeOpened(eventID, user string) Envelope {
	return Event(eventID, map[string]any{"type": "app_home_opened", "user": user, "channel": "D123ABC456", "tab": "home", "event_ts": "1515449522.000016"})
}

// ButtonClick is a block_actions interaction on a message: a click on a
// button.
func (s *Slack) ButtonClick(actionID, value, user, channel, messageTS string, ephemeral bool) Envelope {
	return s.BlockButtonClick("b1", actionID, value, user, channel, messageTS, ephemeral)
}

// BlockButtonClick is ButtonClick on a button of the block with the given
// block_id, which Slack's payload carries with the action.
func (s *Slack) BlockButtonClick(blockID, actionID, value, user, channel, messageTS string, ephemeral bool) Envelope {
	return s.click(buttonAction(blockID, actionID, value, "1548426417.840180"), user, channel, messageTS, ephemeral)
}

// buttonAction is the action of a click on a button.
func buttonAction(blockID, actionID, value, ts string) map[string]any {
	return map[string]any{
		"action_id": actionID, "block_id": blockID, "value": value, "type": "button",
		"text": map[string]any{"type": "plain_text", "text": "x", "emoji": true}, "action_ts": ts,
	}
}

// HomeClick is a block_actions interaction on the App Home tab: its
// container is the view, and unlike a click on a message it has no channel
// and no response_url (Slack's payload for a Home tab click).
func (s *Slack) HomeClick(blockID, actionID, value, user string) Envelope {
	return homeAction(buttonAction(blockID, actionID, value, "1548426417.840186"), user)
}

// HomeSelect is a block_actions interaction on the App Home tab: the
// choice of an option of a select menu of static options, as Slack sends
// it (the option as the view holds it, text and value, under
// selected_option).
func (s *Slack) HomeSelect(blockID, actionID string, option map[string]any, user string) Envelope {
	return homeAction(map[string]any{
		"type": "static_select", "action_id": actionID, "block_id": blockID, "selected_option": option,
		"action_ts": "1548426417.840187",
	}, user)
}

// HomeSuggest is a block_suggestion interaction on the App Home tab: a
// menu of external options asking for them, as query is typed in it
// ("" as it opens). Its ack carries the options.
func (s *Slack) HomeSuggest(blockID, actionID, query, user string) Envelope {
	payload := map[string]any{
		"type": blockSuggestion, "user": map[string]any{"id": user, "name": "person", "team_id": "T123ABC456"},
		"team":       map[string]any{"id": "T123ABC456", "domain": "example"},
		"api_app_id": "A123ABC456", "token": "verification-token",
		"action_id": actionID, "block_id": blockID, "value": query,
		"container": map[string]any{"type": "view", "view_id": "V1"},
		"view":      map[string]any{"id": "V1", "type": "home", "team_id": "T123ABC456", "app_id": "A123ABC456", "bot_id": "BBOT"},
	}
	return newEnvelope("interactive", payload, true)
}

// homeAction is a block_actions interaction on the App Home tab: its
// container is the view, and unlike one on a message it has no channel
// and no response_url.
func homeAction(action map[string]any, user string) Envelope {
	payload := blockActions(user, action)
	payload["container"] = map[string]any{"type": "view", "view_id": "V1"}
	payload["view"] = map[string]any{"id": "V1", "type": "home", "team_id": "T123ABC456", "app_id": "A123ABC456", "bot_id": "BBOT"}
	return newEnvelope("interactive", payload, true)
}

// ThreadButtonClick is ButtonClick on a public message in a thread: its
// container and message name the thread's parent (thread_ts), as Slack's
// block_actions payload does for a reply.
func (s *Slack) ThreadButtonClick(actionID, value, user, channel, messageTS, threadTS string) Envelope {
	e := s.ButtonClick(actionID, value, user, channel, messageTS, false)
	payload := e["payload"].(map[string]any)
	payload["container"].(map[string]any)["thread_ts"] = threadTS
	payload["message"] = map[string]any{"type": "message", "ts": messageTS, "thread_ts": threadTS}
	return e
}

// FeedbackClick is a block_actions interaction on a message: a click on
// one of the two buttons of a feedback_buttons element, whose value it
// carries, as https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
// and the feedback buttons element page describe it.
func (s *Slack) FeedbackClick(actionID, value, user, channel, messageTS string, ephemeral bool) Envelope {
	return s.click(map[string]any{
		"action_id": actionID, "block_id": "b2", "value": value, "type": "feedback_buttons",
		"text": map[string]any{"type": "plain_text", "text": "👍", "emoji": true}, "action_ts": "1548426417.840181",
	}, user, channel, messageTS, ephemeral)
}

// click is a block_actions interaction with one action, on a message.
func (s *Slack) click(action map[string]any, user, channel, messageTS string, ephemeral bool) Envelope {
	payload := blockActions(user, action)
	payload["container"] = map[string]any{"type": "message", "message_ts": messageTS, "channel_id": channel, "is_ephemeral": ephemeral}
	payload["channel"] = map[string]any{"id": channel, "name": "general"}
	payload["response_url"] = s.ResponseURL(fmt.Sprint("action-", responseSeq.Add(1)))
	return newEnvelope("interactive", payload, true)
}

// blockActions is what every block_actions payload holds: who clicked,
// in which workspace and app, and the action; the container is the
// caller's.
func blockActions(user string, action map[string]any) map[string]any {
	return map[string]any{
		"type":       "block_actions",
		"team":       map[string]any{"id": "T123ABC456", "domain": "acme"},
		"user":       map[string]any{"id": user, "username": "someone", "team_id": "T123ABC456"},
		"api_app_id": "A123ABC456", "token": "verification-token",
		"trigger_id": fmt.Sprint("trigger-", envelopeSeq.Load()+1),
		"actions":    []any{action},
	}
}

// Deliver sends an envelope the way Slack does: it stays pending until it
// is acked, and a pending envelope is sent again, with retry_attempt
// counting up, on the next connection.
func (s *Slack) Deliver(e Envelope) {
	data, err := json.Marshal(e)
	if err != nil {
		return
	}
	s.deliver(e, data)
}

// deliver sends an encoded envelope, noting it pending and when it went.
func (s *Slack) deliver(e Envelope, data []byte) {
	s.notePending(e)
	_ = s.write(e, data)
}

// notePending notes an envelope pending its ack, and when it went.
func (s *Slack) notePending(e Envelope) {
	s.mu.Lock()
	s.pending[e.ID()] = e
	s.sentAt[e.ID()] = time.Now()
	s.mu.Unlock()
}

// AckOf returns a channel that receives the ack of the envelope with the
// given ID; ask before delivering it, so the ack cannot come first.
func (s *Slack) AckOf(id string) <-chan Ack {
	ch := make(chan Ack, 1)
	s.mu.Lock()
	s.waiters[id] = ch
	s.mu.Unlock()
	return ch
}

// Ping sends a websocket ping on the newest connection and returns how long
// the pong took: the round trip of the connection itself, which no answer
// can beat.
func (s *Slack) Ping(ctx context.Context) (time.Duration, error) {
	s.mu.Lock()
	if len(s.writers) == 0 {
		s.mu.Unlock()
		return 0, ErrNotConnected
	}
	w := s.writers[len(s.writers)-1]
	s.pingSeq++
	id := fmt.Sprintf("rtt-%d", s.pingSeq)
	pong := make(chan struct{})
	s.pongs[id] = pong
	s.mu.Unlock()
	start := time.Now()
	if err := w(websocket.PingMessage, []byte(id)); err != nil {
		return 0, err
	}
	select {
	case <-pong:
		return time.Since(start), nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// pong hands a pong to the Ping waiting for it.
func (s *Slack) pong(data string) error {
	s.mu.Lock()
	ch := s.pongs[data]
	delete(s.pongs, data)
	s.mu.Unlock()
	if ch != nil {
		close(ch)
	}
	return nil
}

// Hellos receives the time of each hello the fake sends: when a bot's
// connection is up. It holds the last 64 unread.
func (s *Slack) Hellos() <-chan time.Time { return s.hellos }

// Burst delivers a /director command for each question at once and waits
// up to timeout for all their acks, which it returns in the same order.
func (s *Slack) Burst(questions []string, timeout time.Duration) ([]Ack, error) {
	chans := make([]<-chan Ack, len(questions))
	envelopes := make([]Envelope, len(questions))
	frames := make([][]byte, len(questions))
	for i, q := range questions {
		envelopes[i] = s.SlashCommand(q, "U1", "C1")
		chans[i] = s.AckOf(envelopes[i].ID())
		// Encoded beforehand, so that the fake's work does not compete
		// with the bot's while the burst is on.
		data, err := json.Marshal(envelopes[i])
		if err != nil {
			return nil, err
		}
		frames[i] = data
	}
	for i, e := range envelopes {
		s.deliver(e, frames[i])
	}
	deadline := time.After(timeout)
	acks := make([]Ack, len(questions))
	for i, ch := range chans {
		select {
		case acks[i] = <-ch:
		case <-deadline:
			return nil, fmt.Errorf("fakeslack: %d of %d commands not acked within %v", len(chans)-i, len(chans), timeout)
		}
	}
	return acks, nil
}

// Pending counts the delivered envelopes not acked yet.
func (s *Slack) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// redeliver resends every pending event on a new connection. Slack never
// sends a slash command or an interaction again: one still pending is lost
// (Lost), and its user sees an error.
func (s *Slack) redeliver(write func(int, []byte) error) {
	s.mu.Lock()
	var frames [][]byte
	for id, e := range s.pending {
		if e["type"] != "events_api" {
			if s.openConnection(id) {
				// Still pending on a connection that may ack it.
				continue
			}
			s.replicas.lost = append(s.replicas.lost, e)
			delete(s.pending, id)
			continue
		}
		attempt, _ := e["retry_attempt"].(int)
		e["retry_attempt"] = attempt + 1
		e["retry_reason"] = "timeout"
		data, err := json.Marshal(e)
		if err == nil {
			frames = append(frames, data)
		}
	}
	s.mu.Unlock()
	for _, f := range frames {
		if write(websocket.TextMessage, f) != nil {
			return
		}
	}
}

// ErrNotConnected means no bot is connected to the websocket.
var ErrNotConnected = errors.New("fakeslack: no bot connected")

// Send delivers an envelope on the newest connection. A slash command, a
// click or a menu's request for options is noted pending, so that its ack
// is checked as Slack checks it: within AckDeadline, a reply or options
// in it. Anything else is not: Deliver notes an event, to send it again.
func (s *Slack) Send(e Envelope) error {
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if kind := envelopeKind(e); kind == "slash_commands" || kind == "interactive" || kind == blockSuggestion {
		s.notePending(e)
	}
	return s.write(e, data)
}

// SendRaw delivers any bytes as one text frame on the newest connection.
// An envelope that shows the bot in a channel makes it a member there
// (channels.go).
func (s *Slack) SendRaw(data []byte) error {
	var e Envelope
	// Only events and clicks name a "channel"; a slash command's
	// channel_id, in a benchmark's bursts, is not decoded.
	if !bytes.Contains(data, []byte(`"channel"`)) || json.Unmarshal(data, &e) != nil {
		e = nil
	}
	return s.write(e, data)
}

// write sends an envelope's frame on the newest connection, noting where
// it shows the bot (noteMember); e may be nil for a frame that is none.
func (s *Slack) write(e Envelope, data []byte) error {
	s.mu.Lock()
	s.noteMember(e)
	if len(s.writers) == 0 {
		s.mu.Unlock()
		return ErrNotConnected
	}
	conn := len(s.writers) - 1
	if s.replicas.on == nil {
		s.replicas.on = map[string]int{}
	}
	s.replicas.on[e.ID()] = conn
	w := s.writers[conn]
	s.mu.Unlock()
	return w(websocket.TextMessage, data)
}

// Connections counts the websocket connections the bot has opened.
func (s *Slack) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.writers)
}

// Calls returns the Web API calls so far.
func (s *Slack) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// Acks returns the acks so far.
func (s *Slack) Acks() []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Ack(nil), s.acks...)
}

// Disconnect sends a disconnect frame with the given reason on the newest
// connection, as Slack does before it closes it.
func (s *Slack) Disconnect(reason string) error {
	return s.SendRaw([]byte(fmt.Sprintf(`{"type":"disconnect","reason":%q,"debug_info":{"host":"fake"}}`, reason)))
}

// Drop closes the newest connection abruptly, without a disconnect frame.
func (s *Slack) Drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.conns) > 0 {
		_ = s.conns[len(s.conns)-1].Close()
	}
}

// WaitFor polls cond until it holds or the timeout passes.
func (s *Slack) WaitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.After(timeout)
	for !cond() {
		select {
		case <-s.notify:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			return cond()
		}
	}
	return true
}

// Forget drops the recorded calls, acks and 429s, and the channels' posting
// rates, so that a long test can measure the bot's memory rather than the
// fake's records. It keeps the refusals.
func (s *Slack) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls, s.acks, s.limited = nil, nil, nil
	s.buckets = map[string]postBucket{}
}
