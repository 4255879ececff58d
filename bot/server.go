// Package bot serves Director Bot in Slack over Socket Mode: it acks
// envelopes, routes slash commands, mentions, DMs, the App Home tab and
// button clicks to the replies package blockkit renders, retries Web API
// calls, drops repeated events, keeps slash replies for repeated
// questions, and serves health checks and Prometheus metrics.
package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/reload"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// Config is what the Socket Mode server needs to reach Slack.
type Config struct {
	// AppToken (xapp-…) opens Socket Mode connections.
	AppToken string
	// BotToken (xoxb-…) calls the Web API.
	BotToken string
	// APIURL is the Web API base URL, ending in "/"; empty means Slack's.
	APIURL string
	// Workers bounds how many Web API calls (posting answers) run at once.
	Workers int
	// LateAck is how long after a /director command arrived its answer may
	// still go in the ack (default 2 s): Slack shows an ack's payload only
	// within 3 s, so a later answer is posted to the response_url.
	LateAck time.Duration
	// Claims, when set, decide across replicas and restarts which delivery
	// of an event is answered (a *store.Store); nil keeps the in-process
	// repeat filter only.
	Claims Claims
	// Guide, when set, is the guide to answer from, reloaded without a
	// restart; nil answers from NewServer's index, which never changes.
	Guide *reload.Reloader
	// Questions, when set, keeps the questions asked and their 👍/👎 for
	// the guide's owners (a *store.Store); nil keeps none.
	Questions Questions
	// Lessons, when set with Questions, keeps what admins teach on their
	// Home tab (a *store.Store); Guide must read them (reload.Settings's
	// Taught set to Taught(Lessons)), or the lessons are kept and never
	// learned. nil offers no teaching.
	Lessons Lessons
	// Admins are the Slack user IDs of the guide's admins (ADMIN_USERS):
	// the report on their Home tab, /director reload, a DM when a new
	// guide is rejected.
	Admins []string
	// Memory keeps each conversation's last question, for its follow-ups
	// and "tell me more", where every replica reads it (a *store.Store);
	// nil keeps it in this replica only, as Plans. "forget me" deletes a
	// person's through Plans: set both to the same store.
	Memory Memory
	// Handoffs, when set, keep the replies still queued at shutdown for
	// another replica, or the next start, to send (a *store.Store); nil
	// drops them, logged and counted.
	Handoffs Handoffs
	// Plans keeps each person's self-assessment and that they were
	// welcomed, by user ID, until they ask to be forgotten (a
	// *store.Store); nil keeps them in memory, for this process only.
	Plans Plans
	// Retention is how long the questions are kept (RETENTION_DAYS), as
	// the bot tells whoever asks to be forgotten.
	Retention time.Duration
	// ForgetAgain is how long after forgetting a person the bot deletes a
	// plan they submitted before the forget that was saved after it
	// (forget.go); 0 means a minute.
	ForgetAgain time.Duration
	// App is what the workspace calls the bot and its slash command
	// (BOT_NAME, SLASH_COMMAND), which every message saying how to ask
	// names; the zero App is the default manifest's.
	App blockkit.App
	// Version is the build serving, for directorbot_build_info.
	Version string
	// Logger receives structured logs; never message text at info level.
	Logger *slog.Logger
}

// AuthError is a token Slack refused; retrying cannot help.
type AuthError struct {
	// Variable is the environment variable that holds the bad token.
	Variable string
	Reason   string
}

// Error names the variable, never the token.
func (e *AuthError) Error() string {
	switch e.Reason {
	case uninstalled:
		return fmt.Sprintf("slack says the app was uninstalled from the workspace (%s): install it again at https://api.slack.com/apps and set %s to its new bot token", e.Reason, e.Variable)
	case revoked:
		return fmt.Sprintf("slack says the bot's token was revoked (%s): reinstall the app at https://api.slack.com/apps and set %s to its new bot token", e.Reason, e.Variable)
	}
	if e.Variable == appTokenVariable && scopeReasons[e.Reason] {
		return fmt.Sprintf("slack refused the token in %s (%s): an app-level token needs the connections:write scope: generate one with it under Basic Information › App-Level Tokens at https://api.slack.com/apps and set %s", e.Variable, e.Reason, e.Variable)
	}
	return fmt.Sprintf("slack refused the token in %s (%s): create a new one at https://api.slack.com/apps and set %s", e.Variable, e.Reason, e.Variable)
}

// appTokenVariable holds the app-level token Socket Mode connects with;
// botTokenVariable the bot token of the Web API calls.
const (
	appTokenVariable = "SLACK_APP_TOKEN"
	botTokenVariable = "SLACK_BOT_TOKEN"
)

// uninstalled is the AuthError reason of the app_uninstalled event, and
// revoked that of tokens_revoked naming the bot.
const (
	uninstalled = "app_uninstalled"
	revoked     = "tokens_revoked"
)

// scopeReasons are Slack's errors for a token without the scope a call
// needs: opening a connection, slack-go retries them for ever, though no
// retry can help.
var scopeReasons = map[string]bool{"missing_scope": true, "no_permission": true, "not_allowed_token_type": true}

// Per-call limits: a Web API call that takes longer is abandoned, and
// shutdown waits this long for replies in flight. A post may take longer,
// up to its task's deadline (perform): replicas that answer in one busy
// channel share its rate of about a post a second, and each post waits its
// turn through 429s.
const (
	callTimeout  = 10 * time.Second
	postTimeout  = 3 * callTimeout
	drainTimeout = 10 * time.Second
	ackTimeout   = 3 * time.Second
)

// Server answers Slack over Socket Mode.
type Server struct {
	cfg       Config
	api       *slack.Client
	sm        *socketmode.Client
	log       *slog.Logger
	botUserID string
	// teamID is the workspace of the bot token (auth.test).
	teamID string
	// misnamed is set once a slash command came under a name other than
	// the App's, which was then logged (checkCommand).
	misnamed atomic.Bool
	seen     *seen
	// nudged holds the people recently offered their plan (converse),
	// clicks the clicks answered within doubleClick (repeatsClick),
	// continued the answers continued (continuedBefore).
	nudged, clicks, continued *seen
	claimer                   claimer
	// memoryDown is an outage of the Memory; unsaved are the
	// conversations it could not remember since, which are read alone.
	memoryDown outage
	unsaved    *expirable.LRU[string, struct{}]
	// plansDown is an outage of the Plans (plans).
	plansDown outage
	metrics   *metrics
	replies   *replyCache
	dms       *dms
	// lanes queue Web API work for the workers; gates are the Socket Mode
	// connections.
	lanes *lanes
	gates *gates
	// ackq feeds the ackers and slashq the /director pool (ackpath.go);
	// slashBusy counts the answers queued or running there. stopAcks ends
	// both.
	ackq      chan pendingAck
	slashq    chan func()
	slashBusy atomic.Int64
	stopAcks  chan struct{}
	stopOnce  sync.Once
	// stopTaking stops taking other replicas' handoffs (handoff.go).
	stopTaking func()
	// working is the context of the workers' tasks: stopRunning cuts
	// short those still running when shutdown stops waiting for them,
	// and interrupted holds the ones that then failed, to hand over.
	working     context.Context
	stopRunning context.CancelFunc
	interrupted interrupted
	// forgotten holds when each person recently forgotten was, so that
	// shutdown hands over none of their work that came before (handOver).
	forgotten *expirable.LRU[string, time.Time]
	fullLog   logLimiter
	// owners is the guide serving now, the questions kept and the admins
	// (owners.go).
	owners *owners
	// lateForgets are the second forgets of people who asked to be
	// forgotten (forget.go).
	lateForgets lateForgets
	// generation counts the guides accepted by reloads, for the kept
	// /director replies.
	generation atomic.Uint64
	// refused carries the first refusal of the bot's token met while
	// serving (a revoked token, the app uninstalled), which stops Run:
	// no reply can reach Slack until the app is installed again.
	refused chan error
	// rejected is the admins' Home's warning that the last reload was
	// rejected, nil once one is accepted or undoes what was.
	rejected atomic.Pointer[string]
	// told is what this replica last told the admins of a rejection (its
	// summary and problems), nil once it gives way: a rejection told in
	// the same words (a /director reload of the same mistake, a lesson
	// taught while it stands) is not told twice.
	told atomic.Pointer[string]
	// holdOff is how long, once a rejection is over, the same files'
	// rejection is not told again (holdOffRejection): staleRejection but
	// in tests.
	holdOff time.Duration
}

// NewServer prepares a server that answers from the guide ix indexes, or
// from cfg.Guide when set (ix is then unused); Run connects it.
func NewServer(cfg Config, ix *index.Index) *Server {
	if cfg.Workers <= 0 {
		cfg.Workers = 32
	}
	if cfg.LateAck <= 0 {
		cfg.LateAck = 2 * time.Second
	}
	if cfg.ForgetAgain <= 0 {
		cfg.ForgetAgain = defaultForgetAgain
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	// Without a store, the process keeps what one would.
	if cfg.Plans == nil || cfg.Memory == nil {
		m := newMemStore()
		if cfg.Plans == nil {
			cfg.Plans = m
		}
		if cfg.Memory == nil {
			cfg.Memory = m
		}
	}
	s := &Server{
		cfg:        cfg,
		log:        cfg.Logger,
		seen:       newSeen(dedupeKeys, dedupeTTL),
		nudged:     newSeen(nudgeKeys, nudgeTTL),
		clicks:     newSeen(dedupeKeys, doubleClick),
		continued:  newSeen(dedupeKeys, continuedTTL),
		claimer:    claimer{claims: cfg.Claims},
		metrics:    newMetrics(),
		replies:    newReplyCache(),
		dms:        newDMs(),
		lanes:      newLanes(),
		gates:      newGates(),
		ackq:       make(chan pendingAck, ackQueue),
		slashq:     make(chan func(), slashQueue),
		stopAcks:   make(chan struct{}),
		stopTaking: func() {},
		refused:    make(chan error, 1),
		forgotten:  expirable.NewLRU[string, time.Time](forgottenKept, nil, handoffMaxAge),
		unsaved:    expirable.NewLRU[string, struct{}](conversationsKept, nil, ConversationTTL),
		holdOff:    staleRejection,
	}
	s.working, s.stopRunning = context.WithCancel(context.Background())
	// The HTTP client goes first: the retry option wraps it.
	opts := []slack.Option{
		slack.OptionHTTPClient(s.httpClient()),
		slack.OptionAppLevelToken(cfg.AppToken),
		slack.OptionRetryConfig(retryConfig()),
	}
	if cfg.APIURL != "" {
		opts = append(opts, slack.OptionAPIURL(cfg.APIURL))
	}
	s.api = slack.New(cfg.BotToken, opts...)
	s.sm = socketmode.New(s.api, socketmode.OptionDialer(s.gates.socketDialer()), socketmode.OptionReadLimit(maxEnvelope))
	s.metrics.watch(s)
	s.owners = newOwners(cfg, ix, s.metrics)
	s.owners.guide.Notify(s.guideReloaded)
	return s
}

// retryConfig retries 429s after Retry-After until the call's deadline
// (postTimeout): replicas posting to one busy channel share its rate, and
// a post may be answered 429 many times before its turn comes, so a count
// would drop answers the deadline lets through. 5xx and network errors are
// retried with backoff, a few times (serverRetries): Slack in trouble is
// not helped by waiting out the whole deadline.
func retryConfig() slack.RetryConfig {
	cfg := slack.DefaultRetryConfig()
	cfg.MaxRetries = 30
	cfg.RetryAfterDuration = 5 * time.Second
	cfg.BackoffMax = 3 * time.Second
	cfg.Handlers = []slack.RetryHandler{
		fewRetries{slack.NewConnectionErrorRetryHandler()},
		slack.NewRateLimitErrorRetryHandler(cfg),
		fewRetries{slack.NewServerErrorRetryHandler(cfg)},
	}
	return cfg
}

// serverRetries is how many times a call is retried after a 5xx or a
// network error.
const serverRetries = 4

// fewRetries lets a retry handler retry serverRetries times at most.
type fewRetries struct{ slack.RetryHandler }

// ShouldRetry defers to the handler until serverRetries retries are spent.
// Only 5xx and network retries advance the backoff: state.Attempt counts
// 429s too, and a post that waited out four would retry no blip.
func (h fewRetries) ShouldRetry(state *slack.RetryState, req *http.Request, resp *http.Response, err error) (bool, time.Duration) {
	if state.Backoff != nil && state.Backoff.Attempts() >= serverRetries {
		return false, 0
	}
	return h.RetryHandler.ShouldRetry(state, req, resp, err)
}

// Run connects and answers until ctx ends, then stops taking envelopes,
// acks those it read, closes the connection, finishes the replies in
// flight (at most drainTimeout) and returns nil (see shutdown); ended
// before it connected, it returns nil too. It returns an *AuthError when
// Slack refuses a token.
func (s *Server) Run(ctx context.Context) error {
	auth, err := s.authenticate(ctx)
	switch {
	case err != nil && ctx.Err() != nil:
		s.log.Info("stopped before connecting")
		return nil
	case err != nil:
		return err
	}
	s.botUserID, s.teamID = auth.UserID, auth.TeamID
	s.log.Info("authenticated", "team_id", auth.TeamID, "bot_user", auth.UserID)
	// Each question is kept, and each vote finds its question, within
	// keepTimeout: waiting longer would only wait on a store that hangs.
	defer s.flushQuestions(keepTimeout + time.Second)

	s.lanes.run(s.cfg.Workers, s.perform)
	if res, ok := s.owners.guide.StartRejection(); ok {
		// Told as a rejected reload is: the admins' DM and Home.
		s.enqueue(task{name: "start-up check failed", lane: "guide", do: func(context.Context) { s.guideReloaded(res) }})
	}
	s.startAckPath()
	s.stopTaking = s.takeHandoffs()
	smCtx, stopSM := context.WithCancel(context.Background())
	defer stopSM()
	smDone := make(chan error, 1)
	go func() { smDone <- s.sm.RunContext(smCtx) }()

	for {
		select {
		case <-ctx.Done():
			return s.shutdown(stopSM, smDone)
		case err := <-smDone:
			s.stopWork()
			return classifyAuth(err, appTokenVariable, "socket mode stopped")
		case evt, ok := <-s.sm.Events:
			if !ok {
				s.stopWork()
				return errors.New("socket mode client stopped")
			}
			if err := s.dispatch(evt); err != nil {
				stopSM()
				s.stopTaking()
				s.drain()
				s.stopWork()
				return err
			}
		case err := <-s.refused:
			// The connection still works: the envelopes read are acked,
			// so that Slack does not send them again, as at any shutdown.
			_ = s.shutdown(stopSM, smDone)
			return err
		}
	}
}

// refuse stops Run with err, a refusal of the bot's token; the first
// refusal is enough.
func (s *Server) refuse(err *AuthError) {
	select {
	case s.refused <- err:
		s.log.Error("slack refused the bot's token: stopping", "reason", err.Reason)
	default:
	}
}

// stopIfTokenRefused stops Run (refuse) when a Web API error says the
// bot's token is no longer good: retrying cannot help.
func (s *Server) stopIfTokenRefused(err error) {
	if auth, ok := errors.AsType[*AuthError](classifyAuth(err, botTokenVariable, "")); ok {
		s.refuse(auth)
	}
}

// connectRefusal returns Slack's error for a connection it refused to
// open, "" for any other event.
func connectRefusal(evt socketmode.Event) string {
	ce, ok := evt.Data.(*slack.ConnectionErrorEvent)
	if !ok {
		return ""
	}
	var se slack.SlackErrorResponse
	if errors.As(ce.ErrorObj, &se) {
		return se.Err
	}
	return ""
}

// authRetry is the first wait before asking Slack again who the bot is,
// when Slack cannot be reached at start; each wait doubles, up to
// authRetryMax.
const (
	authRetry    = time.Second
	authRetryMax = 30 * time.Second
)

// authenticate asks Slack who the bot is (auth.test) until it answers or
// ctx ends: Slack, or the way to it, down at start is waited out here, as
// a service manager's restarts would, but ready the moment it is back.
// Any other failure, a token Slack refuses (*AuthError) among them, is
// returned at once.
func (s *Server) authenticate(ctx context.Context) (*slack.AuthTestResponse, error) {
	for wait := authRetry; ; wait = min(2*wait, authRetryMax) {
		auth, err := s.api.AuthTestContext(ctx)
		if err == nil || ctx.Err() != nil {
			return auth, err
		}
		down := transient(err)
		err = classifyAuth(err, botTokenVariable, "auth.test failed in Slack or on the way to it (a token Slack refused is told as such)")
		if !down {
			return nil, err
		}
		s.log.Warn("slack cannot be reached: asking again", "in", wait.String(), "err", err.Error())
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

// transientCodes are the errors Slack names that say it is the one
// failing, for now.
var transientCodes = map[string]bool{"internal_error": true, "fatal_error": true, "service_unavailable": true, "request_timeout": true, "ratelimited": true}

// transient reports whether a Web API call's err may pass if the call is
// made again: the network failed, Slack answered 5xx or 429, or it names
// an error of its own.
func transient(err error) bool {
	var retryable interface{ Retryable() bool }
	if errors.As(err, &retryable) {
		return retryable.Retryable()
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		return transientCodes[se.Err]
	}
	var network net.Error
	return errors.As(err, &network)
}

// classifyAuth turns Slack's auth failures into *AuthError; any other
// error is told as what failed.
func classifyAuth(err error, variable, what string) error {
	if err == nil {
		return errors.New(what)
	}
	var se slack.SlackErrorResponse
	reason := err.Error()
	if errors.As(err, &se) {
		reason = se.Err
	}
	switch reason {
	case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "not_allowed_token_type", "invalid_token":
		return &AuthError{Variable: variable, Reason: reason}
	}
	var syntax *json.SyntaxError
	var shape *json.UnmarshalTypeError
	if errors.As(err, &syntax) || errors.As(err, &shape) || errors.Is(err, io.EOF) {
		// A proxy's login page or another server at SLACK_API_URL
		// answers 200 with HTML, other JSON, or nothing.
		return redacted{what + ": the reply is not Slack's JSON (is a proxy answering, or does SLACK_API_URL name another server?): " + safeError(err), err}
	}
	return redacted{what + ": " + safeError(err), err}
}

// redacted is an error whose message is redacted for logs and the
// terminal (a Socket Mode URL carries a ticket), still wrapping the
// original for errors.Is and errors.As.
type redacted struct {
	msg string
	err error
}

func (e redacted) Error() string { return e.msg }
func (e redacted) Unwrap() error { return e.err }

// dispatch acks envelopes and hands their work to a worker. Only a fatal
// auth failure is returned.
func (s *Server) dispatch(evt socketmode.Event) error {
	received := time.Now()
	if s.otherWorkspace(evt) {
		// Through the ackers, as every ack from the loop: slack-go's send
		// queue may hold it for seconds while the connection is down.
		s.ackSoon(evt, received)
		return nil
	}
	switch evt.Type {
	case socketmode.EventTypeInvalidAuth:
		return &AuthError{Variable: appTokenVariable, Reason: "invalid_auth"}
	case socketmode.EventTypeConnected:
		if s.metrics.connected.Swap(true) || connectionCount(evt) > 0 {
			s.metrics.reconnects.Inc()
		}
		s.log.Info("connected to slack")
	case socketmode.EventTypeDisconnect:
		s.metrics.connected.Store(false)
		s.log.Info("slack asked to reconnect")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError:
		s.metrics.connected.Store(false)
		if reason := connectRefusal(evt); scopeReasons[reason] {
			return &AuthError{Variable: appTokenVariable, Reason: reason}
		}
		s.log.Warn("socket mode trouble", "type", string(evt.Type), "err", redactText(fmt.Sprint(evt.Data)))
	case socketmode.EventTypeEventsAPI:
		// Its work is queued (never waited for) before the ack, so that
		// an ack means the work is in hand. Work a full queue refused
		// (logged and counted) is not acked: Slack sends the event again,
		// perhaps to a replica with room.
		s.metrics.events.WithLabelValues(string(evt.Type)).Inc()
		s.ackUnlessRefused(evt, received, s.onEvent(evt, received))
	case socketmode.EventTypeInteractive:
		s.metrics.events.WithLabelValues(string(evt.Type)).Inc()
		if cb, ok := evt.Data.(slack.InteractionCallback); ok && cb.Type == slack.InteractionTypeBlockSuggestion {
			s.suggest(evt, cb, received)
			break
		}
		// Slack does not send a click again: one refused is not acked, so
		// that its user sees Slack's error and may click again.
		s.ackUnlessRefused(evt, received, s.onInteraction(evt, received))
	case socketmode.EventTypeSlashCommand:
		s.metrics.events.WithLabelValues(string(evt.Type)).Inc()
		s.onSlash(evt, received)
	case socketmode.EventTypeErrorBadMessage:
		s.ackUnreadable(evt, received)
	}
	return nil
}

// otherWorkspace reports whether an event comes from another workspace
// than the bot token's, and logs it: the app installed in a second
// workspace gets that one's events on this connection too, and replies
// with this token would go astray. Its events are acked and left alone.
func (s *Server) otherWorkspace(evt socketmode.Event) bool {
	var team string
	switch d := evt.Data.(type) {
	case slackevents.EventsAPIEvent:
		team = d.TeamID
	case slack.InteractionCallback:
		team = d.Team.ID
	case slack.SlashCommand:
		team = d.TeamID
	}
	if team == "" || s.teamID == "" || team == s.teamID {
		return false
	}
	if n, ok := s.fullLog.due("workspace " + team); ok {
		s.log.Warn("ignored events from another workspace: this bot serves the one of its token; install a bot of its own there", "team_id", team, "serving", s.teamID, "events", n)
	}
	return true
}

// ackUnlessRefused acks an envelope whose work was queued, or that needs
// none; one whose work a full queue refused is declined: left unacked, and
// forgotten by the gates, so that shutdown does not wait for its ack.
func (s *Server) ackUnlessRefused(evt socketmode.Event, received time.Time, queued bool) {
	switch {
	case queued:
		s.ackSoon(evt, received)
	case evt.Request != nil:
		s.gates.declined(evt.Request.EnvelopeID)
	}
}

// ackUnreadable acks an envelope that could not be parsed, when its
// envelope_id can still be read, so that Slack does not send it again.
func (s *Server) ackUnreadable(evt socketmode.Event, received time.Time) {
	bad, ok := evt.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		return
	}
	var envelope struct {
		EnvelopeID string `json:"envelope_id"`
	}
	_ = json.Unmarshal(bad.Message, &envelope)
	s.log.Warn("unreadable envelope", "envelope", envelope.EnvelopeID, "err", safeError(bad.Cause))
	if envelope.EnvelopeID != "" {
		s.ackSoon(socketmode.Event{Request: &socketmode.Request{EnvelopeID: envelope.EnvelopeID}}, received)
	}
}

// ack acknowledges an envelope, recording how long after its arrival.
func (s *Server) ack(evt socketmode.Event, received time.Time, payload ...any) {
	if evt.Request == nil || handedOver(evt) {
		return
	}
	// The ack goes through slack-go's bounded send queue, which stops
	// draining while the connection is down. The event loop hands acks to
	// the ackers (ackSoon), and the timeout ends the wait: Slack redelivers
	// whatever was not acked.
	ctx, cancel := context.WithTimeout(context.Background(), ackTimeout)
	defer cancel()
	var pl any
	if len(payload) > 0 {
		pl = payload[0]
	}
	if err := s.sm.AckCtx(ctx, evt.Request.EnvelopeID, pl); err != nil {
		s.log.Warn("ack failed", "envelope", evt.Request.EnvelopeID, "err", safeError(err))
		return
	}
	s.metrics.ackSeconds.Observe(time.Since(received).Seconds())
}

func connectionCount(evt socketmode.Event) int {
	if c, ok := evt.Data.(*socketmode.ConnectedEvent); ok {
		return c.ConnectionCount
	}
	return 0
}
