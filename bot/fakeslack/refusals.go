package fakeslack

import (
	"bytes"
	"encoding/json"
	"hash/maphash"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Refusal is a message or view the fake refused, as Slack would have.
type Refusal struct {
	// Method is the Web API method refused, or "response_url", or "ack"
	// for a slash command's ack payload.
	Method string
	// Error is what Slack answers, such as invalid_blocks.
	Error string
	// UserSees is what the person who typed a slash command sees instead
	// of the reply, invalid_command_response, for a refused response_url
	// POST or ack payload, or operation_timeout for a late ack; it is
	// empty for a Web API call, whose error goes to the bot.
	UserSees string
	// EnvelopeID is the envelope of a refused ack.
	EnvelopeID string
	// ResponseURLID is the id of a refused response_url (as given to
	// ResponseURL).
	ResponseURLID string
	// Violations are the rules broken.
	Violations []Violation
}

// String returns the refusal and its violations in Slack's words, for a
// test's failure message.
func (r Refusal) String() string {
	var b strings.Builder
	b.WriteString(r.Method)
	if r.EnvelopeID != "" {
		b.WriteString(" " + r.EnvelopeID)
	}
	if r.ResponseURLID != "" {
		b.WriteString(" " + r.ResponseURLID)
	}
	b.WriteString(": " + r.Error)
	for _, v := range r.Violations {
		b.WriteString("\n\t" + v.String())
	}
	return b.String()
}

// Refusals returns the messages and views refused so far, in order. Forget
// keeps them: a test can assert there were none at its end.
func (s *Slack) Refusals() []Refusal {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Refusal(nil), s.refusals...)
}

func (s *Slack) refuse(r Refusal) {
	s.mu.Lock()
	s.refusals = append(s.refusals, r)
	s.mu.Unlock()
	s.poke()
}

// messageMethods are the Web API methods that take a message.
var messageMethods = map[string]bool{"chat.postMessage": true, "chat.postEphemeral": true, "chat.update": true}

// checkCall validates the message or view of a Web API call.
func checkCall(method string, args map[string]any) []Violation {
	switch {
	case messageMethods[method]:
		return ValidateMessage(messageOf(args))
	case method == "views.publish":
		return validatePublish(args)
	case method == SetSuggestedPrompts:
		return validatePrompts(args)
	}
	return nil
}

// checkResponse validates a response_url POST. One that only deletes the
// original message carries none.
func checkResponse(args map[string]any) []Violation {
	if args["delete_original"] == true || args["delete_original"] == "true" {
		return nil
	}
	return ValidateMessage(messageOf(args))
}

// messageOf returns the message of a call's arguments: its text, and its
// blocks and attachments decoded (slack-go sends them as JSON strings in
// form values).
func messageOf(args map[string]any) map[string]any {
	msg := map[string]any{}
	for _, key := range []string{"text", "blocks", "attachments"} {
		if v, ok := args[key]; ok {
			msg[key] = decoded(v)
		}
	}
	return msg
}

// decoded returns a form value holding JSON as the value it encodes, and
// any other value as it is: a string that is not JSON is kept, to be
// refused as not an array or object.
func decoded(v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	var out any
	if json.Unmarshal([]byte(s), &out) != nil {
		return s
	}
	return out
}

// refusalBody is Slack's answer to a refused call: ok false, the error,
// its messages in response_metadata and, for invalid_blocks, in errors.
func refusalBody(vs []Violation) map[string]any {
	code := ErrorCode(vs)
	var messages, details []string
	for _, v := range withCode(vs, code) {
		messages = append(messages, v.String())
		details = append(details, v.detail())
	}
	body := map[string]any{"ok": false, "error": code, "response_metadata": map[string]any{"messages": messages}}
	if code == InvalidBlocks {
		body["errors"] = details
	}
	return body
}

// writeRefusal answers a refused call: Web API methods with HTTP 200, as
// Slack does; a response_url, like Slack's webhooks, with 400 Bad Request.
func writeRefusal(w http.ResponseWriter, status int, vs []Violation) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	writeJSON(w, refusalBody(vs))
}

// ackChecks validates ack payloads, remembering the result for each
// payload: the fake reads acks on the websocket reader while it shares the
// CPUs with the bot it measures, and a bot sends the same few replies
// again and again.
type ackChecks struct {
	mu   sync.Mutex
	seed maphash.Seed
	seen map[uint64][]Violation
}

// maxAckChecks bounds the results kept; past it, they are all dropped.
const maxAckChecks = 4096

func newAckChecks() *ackChecks {
	return &ackChecks{seed: maphash.MakeSeed(), seen: map[uint64][]Violation{}}
}

// check validates an ack's payload as a message. An ack without a
// payload, or with null or {}, carries no reply and is not checked.
func (a *ackChecks) check(payload []byte) []Violation {
	p := bytes.TrimSpace(payload)
	if len(p) == 0 || string(p) == "null" || string(p) == "{}" {
		return nil
	}
	h := maphash.Bytes(a.seed, p)
	a.mu.Lock()
	vs, ok := a.seen[h]
	a.mu.Unlock()
	if ok {
		return vs
	}
	vs = validatePayload(p)
	a.mu.Lock()
	if len(a.seen) >= maxAckChecks {
		clear(a.seen)
	}
	a.seen[h] = vs
	a.mu.Unlock()
	return vs
}

// validatePayload validates an encoded message.
func validatePayload(p []byte) []Violation {
	var msg map[string]any
	if err := json.Unmarshal(p, &msg); err != nil || msg == nil {
		return []Violation{{Code: InvalidPayload, Message: "must provide an object", Pointer: ""}}
	}
	return ValidateMessage(msg)
}

// AckDeadline is how long Slack waits for the ack of a slash command or a
// click: "Your app has to respond to the request within 3 seconds", or the
// person sees an error and the ack's payload is dropped. An event not
// acked in time is sent again instead (RetryLate, RetryOn).
const AckDeadline = 3 * time.Second

// blockSuggestion is the kind of an interactive envelope that asks for a
// menu's options: its ack carries them.
const blockSuggestion = "block_suggestion"

// envelopeKind is an envelope's type, or blockSuggestion.
func envelopeKind(e Envelope) string {
	if p, _ := e["payload"].(map[string]any); p["type"] == blockSuggestion {
		return blockSuggestion
	}
	kind, _ := e["type"].(string)
	return kind
}

// checkDeadline refuses the late ack of a slash command, a click or a
// menu's request for options.
func (s *Slack) checkDeadline(kind string, ack *Ack) {
	if kind != "slash_commands" && kind != "interactive" && kind != blockSuggestion || ack.Received.Sub(ack.Sent) <= AckDeadline {
		return
	}
	ack.Error = OperationTimeout
	s.refuse(Refusal{Method: "ack", Error: OperationTimeout, UserSees: OperationTimeout, EnvelopeID: ack.EnvelopeID})
}

// checkAck validates the payload of an ack of an envelope of the given
// kind: a slash command's reply, or a menu's options. Slack ignores the
// payloads of other envelopes, and of a late ack; an envelope no longer
// pending (kind "") is checked as a slash command's.
func (s *Slack) checkAck(kind string, ack *Ack) {
	if kind == blockSuggestion && ack.Error == "" {
		if vs := ValidateSuggestions(ack.Payload); len(vs) > 0 {
			ack.Error = OptionsNotLoaded
			s.refuse(Refusal{Method: "ack", Error: ErrorCode(vs), UserSees: OptionsNotLoaded, EnvelopeID: ack.EnvelopeID, Violations: slices.Clone(vs)})
		}
		return
	}
	if kind != "" && kind != "slash_commands" || ack.Error != "" {
		return
	}
	vs := s.ackChecks.check(ack.Payload)
	if len(vs) == 0 {
		return
	}
	ack.Error = InvalidCommandResponse
	s.refuse(Refusal{Method: "ack", Error: ErrorCode(vs), UserSees: InvalidCommandResponse, EnvelopeID: ack.EnvelopeID, Violations: slices.Clone(vs)})
}
