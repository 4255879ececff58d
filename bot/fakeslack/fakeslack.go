// Package fakeslack is a local stand-in for Slack: the Web API methods the
// bot calls, over httptest, and a Socket Mode websocket that says hello,
// pings, delivers envelopes shaped as Slack documents them, and records
// the bot's acks. Tests and `directorbot dev` drive the real slack-go
// client against it through SLACK_API_URL.
package fakeslack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// BotUserID is the bot's own user, as auth.test reports it.
const BotUserID = "UBOT"

// Call is one Web API request the bot made, or one POST to a
// response_url (Method "response_url").
type Call struct {
	Method string
	// Args holds form values, or the decoded JSON body.
	Args map[string]any
	// Error is the Slack error the call was refused with, such as
	// invalid_blocks; it is empty for a call Slack would accept. Refusals
	// says why.
	Error string
	// TS is the ts of the message a chat.postMessage posted, "" for other
	// calls.
	TS string
	// sent is the body of a call sent as JSON, as sent; nil for a form.
	sent json.RawMessage
}

// Payload is what the call sent, as JSON: a JSON body as it came; a
// form's fields, those it carries as JSON text (blocks, view…) as that
// JSON, without the token, which authorizes the call rather than belongs
// to it. The ID the fake adds to a response_url's Args is never in it.
func (c Call) Payload() json.RawMessage {
	if c.sent != nil {
		return c.sent
	}
	payload := make(map[string]any, len(c.Args))
	for k, v := range c.Args {
		if k == "token" || k == responseURLIDKey {
			continue
		}
		if text, ok := v.(string); ok && jsonFields[k] && json.Valid([]byte(text)) {
			v = json.RawMessage(text)
		}
		payload[k] = v
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// "<" and "&" stay as sent, as in Slack's mrkdwn (<@U123>, &amp;).
	enc.SetEscapeHTML(false)
	_ = enc.Encode(payload) // form values and valid JSON always encode
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// jsonFields are the fields slack-go sends in a Web API form as JSON text.
var jsonFields = map[string]bool{"blocks": true, "attachments": true, "metadata": true, "view": true, "prompts": true}

// responseURLIDKey is the Args key of a response_url POST's ID, which
// the fake adds to what the bot sent.
const responseURLIDKey = "response_url_id"

// Ack is an envelope acknowledgement the bot sent over the websocket.
type Ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload,omitempty"`
	// Sent is when the fake began writing the acked envelope, and Received
	// when it read the ack off the websocket: their difference is the
	// round trip the bot's users wait for.
	Sent, Received time.Time `json:"-"`
	// Error is invalid_command_response when Slack would refuse the ack's
	// payload, a slash command's reply: the person who typed the command
	// sees that error instead. The envelope is acked all the same.
	Error string `json:"-"`
}

// Slack is a running fake.
type Slack struct {
	server   *httptest.Server
	upgrader websocket.Upgrader

	mu      sync.Mutex
	pending map[string]Envelope
	conns   []*websocket.Conn
	writers []func(kind int, data []byte) error
	calls   []Call
	acks    []Ack
	// refusals are the messages and views Slack would have refused, and
	// ackChecks validates ack payloads.
	refusals  []Refusal
	ackChecks *ackChecks
	// Fail makes the next calls of a method fail: each entry is an HTTP
	// status, with 429 answered with Retry-After: 1.
	fail map[string][]int
	// refuseNext makes the next calls of a method answer ok:false with
	// each error code in turn (RefuseNext).
	refuseNext map[string][]string

	// hang holds calls of a method to its channels until the fake closes,
	// before they take effect or after (Hang, HangAfter).
	hang      map[string]map[string]hold
	closing   chan struct{}
	closeOnce sync.Once
	// authError and connectError, when set, are what auth.test and
	// apps.connections.open answer.
	authError, connectError string
	// assistant is the app's agent (assistant) feature (assistant.go).
	assistant bool

	notify chan struct{}
	// called are the channels CallsAfter handed out, by the number of
	// calls each waits to be passed.
	called map[int]chan struct{}
	// waiters and pongs hand an awaited ack, or the pong of a ping, to the
	// one waiting for it.
	waiters map[string]chan Ack
	sentAt  map[string]time.Time
	// retryAfter is when RetryLate sends an event not acked again;
	// retrying tells that it looks for such events.
	retryAfter []time.Duration
	retrying   bool
	// strays counts the app's messages that are no ack of an envelope.
	strays  int
	hellos  chan time.Time
	pongs   map[string]chan struct{}
	pingSeq int
	// replicas tracks the connections of several replicas (replicas.go).
	replicas replicaState
	// members are the channels the bot is in, archived those archived, and
	// between the DMs between people (channels.go).
	members, archived, between map[string]bool
	// posts are the messages the bot posted, by conversation and ts:
	// those chat.update may change (channels.go).
	posts map[string]bool
	// dms are the bot's DM channels, by the user they are with
	// (channels.go).
	dms map[string]string
	// buckets are the posts each channel takes now, and limited the calls
	// answered 429 (ratelimit.go).
	buckets map[string]postBucket
	limited []Call
	// responseURLs are the response URLs issued, by id (responseurls.go).
	responseURLs map[string]*responseURL
	// PingInterval is how often the websocket pings; slack-go gives up on a
	// connection that has not been pinged for 30 s.
	PingInterval time.Duration
	// ResponseURLLifetime is how long a response_url takes posts: 30
	// minutes, as Slack's; set it before the fake is used.
	ResponseURLLifetime time.Duration
}

// New starts a fake Slack. Close it when done.
func New() *Slack {
	requireSchema()
	s := &Slack{
		pending: map[string]Envelope{}, hang: map[string]map[string]hold{}, closing: make(chan struct{}), members: map[string]bool{}, archived: map[string]bool{}, between: map[string]bool{}, posts: map[string]bool{},
		dms: map[string]string{}, buckets: map[string]postBucket{},
		responseURLs: map[string]*responseURL{}, ResponseURLLifetime: 30 * time.Minute,
		fail: map[string][]int{}, refuseNext: map[string][]string{}, notify: make(chan struct{}, 1), PingInterval: 5 * time.Second,
		waiters: map[string]chan Ack{}, called: map[int]chan struct{}{}, sentAt: map[string]time.Time{}, hellos: make(chan time.Time, 64), pongs: map[string]chan struct{}{},
		ackChecks: newAckChecks(),
	}
	// slack-go dials with Origin https://api.slack.com, as Slack expects.
	s.upgrader.CheckOrigin = func(*http.Request) bool { return true }
	mux := http.NewServeMux()
	mux.HandleFunc("/api/", s.api)
	mux.HandleFunc("/link", s.link)
	mux.HandleFunc("/response/", s.responseURL)
	s.server = httptest.NewServer(mux)
	return s
}

// APIURL is the Web API base URL to give the client (SLACK_API_URL).
func (s *Slack) APIURL() string { return s.server.URL + "/api/" }

// ResponseURL issues a response_url, named by id, that the fake accepts
// as Slack would: five posts within 30 minutes (responseurls.go).
func (s *Slack) ResponseURL(id string) string {
	s.issue(id)
	return s.server.URL + "/response/" + id
}

// Close stops the fake and drops every connection. It may be called more
// than once.
func (s *Slack) Close() {
	s.closeOnce.Do(func() {
		close(s.closing)
		s.mu.Lock()
		for _, c := range s.conns {
			_ = c.Close()
		}
		s.mu.Unlock()
		s.server.Close()
	})
}

// FailNext makes the next len(statuses) calls of method fail with those
// HTTP statuses.
func (s *Slack) FailNext(method string, statuses ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail[method] = append(s.fail[method], statuses...)
}

// RefuseNext makes the next calls of method answer ok:false with each of
// codes in turn, as Slack refusing a message for a reason the fake does
// not check: to test what the bot does when its own message is refused.
// Such a call is recorded with its error, and not counted as a Refusal.
func (s *Slack) RefuseNext(method string, codes ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuseNext[method] = append(s.refuseNext[method], codes...)
}

// Hang makes calls of method for channel never answer, until the client
// gives up, the fake closes or Unhang; calls for the channels it was given
// before hang too. For method "response_url", channel is the response
// URL's id.
func (s *Slack) Hang(method, channel string) { s.hold(method, channel, holdBefore) }

// HangAfter makes calls of method for channel take effect, as Slack posts
// a message it was sent, and then never answer, until the client gives
// up, the fake closes or Unhang: the client cannot tell whether Slack has
// the message. The call is recorded then.
func (s *Slack) HangAfter(method, channel string) { s.hold(method, channel, holdAfter) }

// hold is when a hanging call hangs: before it takes effect, or after.
type hold int

const (
	holdBefore hold = iota + 1
	holdAfter
)

func (s *Slack) hold(method, channel string, h hold) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hang[method] == nil {
		s.hang[method] = map[string]hold{}
	}
	s.hang[method][channel] = h
}

// Unhang answers the calls of method for channel again, from the next one.
func (s *Slack) Unhang(method, channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.hang[method], channel)
}

// stall holds a call that hangs at h (Hang, HangAfter) until the client
// gives up or the fake closes, and reports whether it did.
func (s *Slack) stall(r *http.Request, method, channel string, h hold) bool {
	s.mu.Lock()
	stuck := s.hang[method][channel] == h
	s.mu.Unlock()
	if stuck {
		select {
		case <-s.closing:
		case <-r.Context().Done():
		}
	}
	return stuck
}

// FailAuth makes auth.test refuse the token with the given Slack error,
// such as "invalid_auth" or "token_revoked".
func (s *Slack) FailAuth(slackError string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.authError = slackError
}

// FailConnect makes apps.connections.open refuse the app token with the
// given Slack error.
func (s *Slack) FailConnect(slackError string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.connectError = slackError
}

func (s *Slack) record(c Call) {
	s.mu.Lock()
	s.calls = append(s.calls, c)
	for n, ch := range s.called {
		if n < len(s.calls) {
			close(ch)
			delete(s.called, n)
		}
	}
	s.mu.Unlock()
	s.poke()
}

// CallsAfter returns a channel closed once the bot has made more than n
// calls (Calls), at once if it has: a reply that comes on its own can be
// shown as it comes, without polling.
func (s *Slack) CallsAfter(n int) <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch, ok := s.called[n]; ok {
		return ch
	}
	ch := make(chan struct{})
	if len(s.calls) > n {
		close(ch)
		return ch
	}
	s.called[n] = ch
	return ch
}

func (s *Slack) poke() {
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

func (s *Slack) api(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	s.mu.Lock()
	var status int
	if q := s.fail[method]; len(q) > 0 {
		status, s.fail[method] = q[0], q[1:]
	}
	s.mu.Unlock()
	if status != 0 {
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "1")
		}
		http.Error(w, http.StatusText(status), status)
		return
	}
	call, err := readCall(r, method)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	args := call.Args
	s.mu.Lock()
	var refusal string
	if q := s.refuseNext[method]; len(q) > 0 {
		refusal, s.refuseNext[method] = q[0], q[1:]
	}
	s.mu.Unlock()
	if refusal != "" {
		call.Error = refusal
		s.record(call)
		writeJSON(w, map[string]any{"ok": false, "error": refusal})
		return
	}
	s.mu.Lock()
	channel, _ := args["channel"].(string)
	limited := method == "chat.postMessage" && !s.takePost(s.conversation(channel), time.Now())
	if limited {
		s.limited = append(s.limited, Call{Method: method, Args: args})
	}
	s.mu.Unlock()
	if limited {
		w.Header().Set("Retry-After", "1")
		http.Error(w, http.StatusText(http.StatusTooManyRequests), http.StatusTooManyRequests)
		return
	}
	if s.stall(r, method, channel, holdBefore) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	var ts string // a posted message's
	if method != "apps.connections.open" && method != "auth.test" {
		vs := s.scopeViolations(method)
		if len(vs) == 0 {
			vs = checkCall(method, args)
		}
		if len(vs) > 0 {
			s.refuseCall(Refusal{Method: method, Violations: vs}, call)
			writeRefusal(w, http.StatusOK, vs)
			return
		}
		if refused := s.postRefusal(method, channel, args); refused != "" {
			call.Error = refused
			s.record(call)
			s.refuse(Refusal{Method: method, Error: refused})
			writeJSON(w, map[string]any{"ok": false, "error": refused})
			return
		}
		if method == "chat.postMessage" {
			ts = newTS()
			s.mu.Lock()
			s.posts[s.conversation(channel)+"/"+ts] = true
			s.mu.Unlock()
		}
		call.TS = ts
		s.record(call)
		if s.stall(r, method, channel, holdAfter) {
			return
		}
	}
	switch method {
	case "auth.test":
		s.mu.Lock()
		authErr := s.authError
		s.mu.Unlock()
		if authErr != "" {
			writeJSON(w, map[string]any{"ok": false, "error": authErr})
			return
		}
		writeJSON(w, map[string]any{"ok": true, "user_id": BotUserID, "user": "director-bot", "team_id": "T123ABC456", "bot_id": "BBOT"})
	case "apps.connections.open":
		s.mu.Lock()
		connErr := s.connectError
		s.mu.Unlock()
		if connErr != "" {
			writeJSON(w, map[string]any{"ok": false, "error": connErr})
			return
		}
		writeJSON(w, map[string]any{"ok": true, "url": "ws" + strings.TrimPrefix(s.server.URL, "http") + "/link"})
	case "chat.postMessage":
		s.mu.Lock()
		posted := s.conversation(channel)
		s.mu.Unlock()
		writeJSON(w, map[string]any{"ok": true, "channel": posted, "ts": ts})
	case "chat.postEphemeral":
		writeJSON(w, map[string]any{"ok": true, "channel": args["channel"], "message_ts": newTS()})
	case "chat.update":
		writeJSON(w, map[string]any{"ok": true, "channel": args["channel"], "ts": args["ts"], "text": args["text"]})
	case "views.publish":
		writeJSON(w, map[string]any{"ok": true, "view": map[string]any{"id": "V1"}})
	case SetSuggestedPrompts:
		writeJSON(w, map[string]any{"ok": true})
	default:
		writeJSON(w, map[string]any{"ok": false, "error": "unknown_method"})
	}
}

// NewTS returns a message timestamp, for a message whose ts Slack keeps
// from the app: one posted through a response_url or a slash command's
// ack. A click on the message carries it, the same for every click.
func NewTS() string { return newTS() }

// newTS returns a message timestamp.
func newTS() string {
	now := time.Now().UnixMicro()
	for {
		last := lastTS.Load()
		now = max(now, last+1)
		if lastTS.CompareAndSwap(last, now) {
			return fmt.Sprintf("%d.%06d", now/1e6, now%1e6)
		}
	}
}

// lastTS is the last ts newTS gave, in microseconds: Slack's ts are
// seconds and microseconds, unique in a conversation.
var lastTS atomic.Int64

// refuseCall records a refused call, in Calls with its error and in
// Refusals with why.
func (s *Slack) refuseCall(r Refusal, c Call) {
	r.Error = ErrorCode(r.Violations)
	c.Error = r.Error
	s.record(c)
	s.refuse(r)
}

// readCall reads the call of method that r makes: a form, or JSON.
func readCall(r *http.Request, method string) (Call, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return Call{}, err
	}
	c := Call{Method: method, Args: map[string]any{}}
	if len(body) == 0 {
		return c, nil
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		c.sent = body
		return c, json.Unmarshal(body, &c.Args)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return Call{}, err
	}
	for k, v := range form {
		c.Args[k] = v[0]
	}
	return c, nil
}

func writeJSON(w http.ResponseWriter, v any) {
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Slack) responseURL(w http.ResponseWriter, r *http.Request) {
	call, err := readCall(r, "response_url")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	args := call.Args
	id := strings.TrimPrefix(r.URL.Path, "/response/")
	args[responseURLIDKey] = id
	if s.stall(r, "response_url", id, holdBefore) {
		return
	}
	if code := s.spend(id); code != "" {
		vs := []Violation{s.spentViolation(code)}
		s.refuseCall(Refusal{Method: "response_url", ResponseURLID: id, Violations: vs}, call)
		writeRefusal(w, http.StatusNotFound, vs)
		return
	}
	if vs := checkResponse(args); len(vs) > 0 {
		s.refuseCall(Refusal{Method: "response_url", UserSees: InvalidCommandResponse, ResponseURLID: id, Violations: vs}, call)
		writeRefusal(w, http.StatusBadRequest, vs)
		return
	}
	s.record(call)
	if s.stall(r, "response_url", id, holdAfter) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	writeJSON(w, map[string]any{"ok": true})
}

// ackPrefix and payloadKey are how slack-go writes an ack.
const (
	ackPrefix  = `{"envelope_id":"`
	payloadKey = `,"payload":`
)

// parseAck reads an ack. slack-go writes {"envelope_id":"…","payload":…},
// so the ID is read and the payload sliced out without decoding it: in a
// benchmark, the fake shares the bot's CPUs, and decoding a few kilobytes
// of Block Kit per ack would slow the bot down where Slack would not.
// Anything else is decoded in full.
func parseAck(data []byte) (Ack, bool) {
	if rest, ok := bytes.CutPrefix(data, []byte(ackPrefix)); ok {
		if id, after, ok := bytes.Cut(rest, []byte(`"`)); ok && bytes.IndexByte(id, '\\') < 0 {
			if string(after) == "}" {
				return Ack{EnvelopeID: string(id)}, len(id) > 0
			}
			if p, ok := bytes.CutPrefix(after, []byte(payloadKey)); ok && bytes.HasSuffix(p, []byte("}")) {
				return Ack{EnvelopeID: string(id), Payload: p[:len(p)-1]}, len(id) > 0
			}
		}
	}
	var ack Ack
	if err := json.Unmarshal(data, &ack); err != nil || ack.EnvelopeID == "" {
		return Ack{}, false
	}
	return ack, true
}

// link serves the Socket Mode websocket.
func (s *Slack) link(w http.ResponseWriter, r *http.Request) {
	conn, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	s.conns = append(s.conns, conn)
	s.mu.Unlock()
	conn.SetPongHandler(s.pong)
	var writeMu sync.Mutex
	write := func(kind int, data []byte) error {
		writeMu.Lock()
		defer writeMu.Unlock()
		return conn.WriteMessage(kind, data)
	}
	hello := `{"type":"hello","connection_info":{"app_id":"A1234"},"num_connections":1,"debug_info":{"host":"fake","approximate_connection_time":3600}}`
	if write(websocket.TextMessage, []byte(hello)) != nil {
		return
	}
	select {
	case s.hellos <- time.Now():
	default:
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		t := time.NewTicker(s.PingInterval)
		defer t.Stop()
		for {
			if write(websocket.PingMessage, []byte("ping")) != nil {
				return
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	s.mu.Lock()
	s.writers = append(s.writers, write)
	connIndex := len(s.writers) - 1
	s.mu.Unlock()
	defer s.connectionClosed(connIndex)
	s.redeliver(write)
	// Frames are read into one buffer, and only an ack's payload is kept:
	// the fake shares the machine with the bot it measures.
	var buf bytes.Buffer
	for {
		_, r, err := conn.NextReader()
		if err != nil {
			return
		}
		buf.Reset()
		if _, err := buf.ReadFrom(r); err != nil {
			return
		}
		received := time.Now()
		if buf.Len() >= MaxResponseFrame {
			s.refuse(Refusal{Method: "ack", Error: ResponseTooLarge, UserSees: OperationTimeout})
			continue
		}
		ack, ok := parseAck(buf.Bytes())
		if !ok {
			s.mu.Lock()
			s.strays++
			s.mu.Unlock()
			continue
		}
		ack.Payload = bytes.Clone(ack.Payload)
		ack.Received = received
		s.receive(ack)
	}
}

// MaxResponseFrame is the size from which Slack silently drops a message
// an app sends over Socket Mode, an ack among them: the envelope stays
// unacknowledged, and the person who typed a command sees it time out.
// Slack's documentation states no limit; slack-go measured this one
// against Slack (socketmode's maxResponseSize, "20KB").
const MaxResponseFrame = 20 * 1024

// Strays counts the messages the app sent over Socket Mode that are not
// acks of an envelope (one without an envelope ID, or not JSON): an app
// sends Slack nothing else there.
func (s *Slack) Strays() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.strays
}

// receive records an ack, validating its payload, and hands it to the one
// waiting for it. The payload is checked after the ack's arrival time is
// taken, and before anyone is told of it, so that a test that has its ack
// sees its refusal too.
func (s *Slack) receive(ack Ack) {
	s.mu.Lock()
	kind := envelopeKind(s.pending[ack.EnvelopeID])
	ack.Sent = s.sentAt[ack.EnvelopeID]
	s.mu.Unlock()
	s.checkDeadline(kind, &ack)
	s.checkAck(kind, &ack)
	s.mu.Lock()
	delete(s.pending, ack.EnvelopeID)
	delete(s.sentAt, ack.EnvelopeID)
	s.acks = append(s.acks, ack)
	w := s.waiters[ack.EnvelopeID]
	delete(s.waiters, ack.EnvelopeID)
	s.mu.Unlock()
	if w != nil {
		w <- ack
	}
	s.poke()
}
