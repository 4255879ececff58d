package bot

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
)

// Claims decide, across replicas and restarts, which delivery of an event
// is answered: the first to claim its key. *store.Store implements it.
type Claims interface {
	// Claim takes key for ttl and reports whether this call took it.
	Claim(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// Release gives key up, so that the next Claim takes it.
	Release(ctx context.Context, key string) error
}

// claimTTL is how long a claim lives: an hour outlasts every retry Slack
// makes of an event (it gives up after a few minutes).
const claimTTL = time.Hour

// Limits on the store: a claim that takes longer is given up, and while the
// store is failing the bot answers without claims (a reply twice is better
// than none) and tries it again after storeBackoff.
const (
	claimTimeout = 500 * time.Millisecond
	storeBackoff = 5 * time.Second
)

// claimer claims keys in the store, failing open. It is safe for
// concurrent use.
type claimer struct {
	claims Claims
	down   outage
}

// outage is a store that failed: until storeBackoff has passed, callers
// go without it rather than wait for it on every message. It is safe for
// concurrent use.
type outage struct {
	// until is when, in Unix nanoseconds, to try the store again.
	until atomic.Int64
}

// begin starts an outage, or starts it again.
func (o *outage) begin() { o.until.Store(time.Now().Add(storeBackoff).UnixNano()) }

// ongoing reports whether the store is still to be left alone.
func (o *outage) ongoing() bool { return time.Now().UnixNano() < o.until.Load() }

// claim reports whether this replica should answer key, and whether it
// holds the claim: answer and held when it took the claim, answer alone
// when there is no store or it cannot say (logged and counted). Only a
// held claim may be released: one answered without it may be another
// replica's, and releasing it would let a retry answer twice.
func (s *Server) claim(ctx context.Context, key string) (answer, held bool) {
	return s.claimFor(ctx, key, claimTTL)
}

// claimFor is claim, the claim held for ttl.
func (s *Server) claimFor(ctx context.Context, key string, ttl time.Duration) (answer, held bool) {
	c := &s.claimer
	if c.claims == nil || key == "" {
		return true, false
	}
	if c.down.ongoing() {
		s.metrics.storeErrors.Inc()
		return true, false
	}
	ctx, cancel := context.WithTimeout(ctx, claimTimeout)
	defer cancel()
	won, err := c.claims.Claim(ctx, key, ttl)
	if err != nil {
		c.down.begin()
		s.metrics.storeErrors.Inc()
		s.log.Error("claim failed: answering without it, and without the store for a while", "key", key, "retry_in", storeBackoff.String(), "err", safeError(err))
		return true, false
	}
	if !won {
		s.metrics.claimsLost.Inc()
		s.log.Debug("answered elsewhere", "key", key)
	}
	return won, won
}

// release gives a claim up after its reply finally failed, so that a retry
// of the event may answer, and reports whether it did: a claim the store
// could not release holds every replica off for its hour.
func (s *Server) release(key string) (released bool) {
	c := &s.claimer
	if c.claims == nil || key == "" {
		return true
	}
	// A store known to fail is left alone: at shutdown, each claim of the
	// work handed over would wait out claimTimeout on it.
	if c.down.ongoing() {
		s.metrics.storeErrors.Inc()
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), claimTimeout)
	defer cancel()
	if err := c.claims.Release(ctx, key); err != nil {
		c.down.begin()
		s.metrics.storeErrors.Inc()
		s.log.Error("release claim failed", "key", key, "err", safeError(err))
		return false
	}
	return true
}

// Claim keys name what Slack sends so that every delivery of one thing,
// to any replica, has the same key.

// messageKey is a message's: the conversation and its ts. Slack's retries
// of an event carry the same message, and so does the app_mention it sends
// again when the message is edited.
func messageKey(channel, ts string) string {
	if channel == "" || ts == "" {
		return ""
	}
	return "msg:" + channel + ":" + ts
}

// eventKey is any other event's: its event_id.
func eventKey(eventID string) string {
	if eventID == "" {
		return ""
	}
	return "event:" + eventID
}

// slashKey is a slash command's: its trigger_id, unique per invocation.
func slashKey(cmd slack.SlashCommand) string {
	if cmd.TriggerID == "" {
		return ""
	}
	return "slash:" + cmd.TriggerID
}

// actionKey is a click's: its trigger_id, or else when, by whom and on what.
func actionKey(cb slack.InteractionCallback, a *slack.BlockAction) string {
	if cb.TriggerID != "" {
		return "action:" + cb.TriggerID
	}
	if a == nil || a.ActionTs == "" || cb.User.ID == "" {
		return ""
	}
	return "action:" + strings.Join([]string{a.ActionTs, cb.User.ID, a.ActionID, a.Value, a.SelectedOption.Value}, ":")
}

// doubleClick is how long a click that repeats another (by the same
// person, on the same button of the same message, with the same value) is
// taken for the same click: a double click, or a click again while the
// first one's reply is on its way, each with a trigger_id of its own. A
// message replaced in place keeps its ts, and its buttons may come back
// ("Update my answers", then "Build my plan" again): a deliberate click
// comes later than this.
const doubleClick = 3 * time.Second

// clickKey is what a click repeats of another (doubleClick), hashed, for
// a plan's ticks may be many: "" for a click on no message, such as the
// Home tab's.
func clickKey(cb slack.InteractionCallback, a *slack.BlockAction) string {
	ts := clickedTS(cb)
	if ts == "" || cb.User.ID == "" {
		return ""
	}
	return hashedKey("click:", cb.User.ID, cb.Container.ChannelID, ts, a.ActionID, a.Value, a.SelectedOption.Value, stateKey(cb.BlockActionState))
}

// hashedKey is a key of the given prefix naming parts, hashed, so that
// no part, however long, makes it long.
func hashedKey(prefix string, parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return prefix + hex.EncodeToString(h[:])
}

// continuedTTL is how long an answer continued is remembered
// (continuedBefore): the working day of someone reading it. A public
// answer and its continuation stay longer; after a day, the rest may be
// posted again, far out of sight of the first.
const continuedTTL = 24 * time.Hour

// continuedKey is the answer a Continue reading click continues (the
// message and the part it goes on from), and, for a private answer, whose
// it is: a public answer is continued once for everyone who reads it. It
// is "" below a shared answer, where each clicker's rest is their own,
// private, and may vanish (Slack drops a private message when the
// clicker's Slack is reloaded) while the shared answer and its button
// stay.
func continuedKey(cb slack.InteractionCallback, a *slack.BlockAction, where route) string {
	ts := clickedTS(cb)
	if ts == "" || where == belowShared {
		return ""
	}
	user := ""
	if where == inPlace {
		user = cb.User.ID
	}
	return hashedKey("continued:", cb.Container.ChannelID, ts, a.Value, user)
}

// clickedTS is the ts of the message clicked on, "" for a click on none
// (the Home tab's).
func clickedTS(cb slack.InteractionCallback) string {
	return cmp.Or(cb.Container.MessageTs, cb.Message.Timestamp)
}

// stateKey is what the inputs of a clicked message hold (the plan's
// ticks), in a fixed order: a form submitted again with other ticks is
// no repeat.
func stateKey(state *slack.BlockActionStates) string {
	if state == nil {
		return ""
	}
	var parts []string
	for block, actions := range state.Values {
		for id, a := range actions {
			values := []string{a.Value, a.SelectedOption.Value}
			for _, o := range a.SelectedOptions {
				values = append(values, o.Value)
			}
			slices.Sort(values)
			parts = append(parts, block+"/"+id+"="+strings.Join(values, ","))
		}
	}
	slices.Sort(parts)
	return strings.Join(parts, ";")
}

// repeatsClick reports whether a click repeats one being answered or
// answered within doubleClick, here or, with a store, by any replica.
// Otherwise it holds the click's key: forgetKey lets it go should the
// reply fail.
func (s *Server) repeatsClick(ctx context.Context, key string) bool {
	return !s.firstFor(ctx, s.clicks, key, doubleClick)
}

// continuedBefore reports whether an answer, named by its continuedKey,
// was continued already, here or on another replica, and notes it
// continued, until forgetKey: a private answer keeps its Continue
// reading button, which the app cannot take off without the answer's
// blocks, and Slack sends none with a click on a private message.
func (s *Server) continuedBefore(ctx context.Context, key string) bool {
	return !s.firstFor(ctx, s.continued, key, continuedTTL)
}

// firstFor records key in memo and claims it for ttl, and reports whether
// neither held it already: "" is never held.
func (s *Server) firstFor(ctx context.Context, memo *seen, key string, ttl time.Duration) bool {
	if key == "" {
		return true
	}
	if !memo.once(key) {
		return false
	}
	answer, _ := s.claimFor(ctx, key, ttl)
	return answer
}

// forgetKey lets a key firstFor recorded in memo go: the person's next
// click, after a reply that failed, is answered.
func (s *Server) forgetKey(memo *seen, key string) {
	memo.forget(key)
	s.release(key)
}

// outcome is where a task's replies note that one reached Slack (was
// sent), that one may have (sending) though it finally failed, and that
// one finally failed.
type outcome struct{ sent, maybe, failed atomic.Bool }

// reached reports whether Slack has, or may have, one of the task's
// replies: run again, the task might send it twice.
func (o *outcome) reached() bool { return o.sent.Load() || o.maybe.Load() }

type outcomeKey struct{}

// withOutcome gives ctx an outcome for the replies made under it.
func withOutcome(ctx context.Context, o *outcome) context.Context {
	return context.WithValue(ctx, outcomeKey{}, o)
}

// outcomeOf is the outcome of the task ctx belongs to, nil outside one.
func outcomeOf(ctx context.Context) *outcome {
	o, _ := ctx.Value(outcomeKey{}).(*outcome)
	return o
}

// replied notes, for the task that ctx belongs to, how a reply (what)
// went: sent, or finally failed, counted and logged with attrs; maybe
// tells a failed reply Slack may have all the same (sending). A reply that
// shutdown cut short is expected, and logged as such. It reports whether
// the reply was sent.
func (s *Server) replied(ctx context.Context, err error, maybe bool, what string, attrs ...any) bool {
	o := outcomeOf(ctx)
	if err == nil {
		if o != nil {
			o.sent.Store(true)
		}
		return true
	}
	if o != nil {
		o.failed.Store(true)
		if maybe {
			o.maybe.Store(true)
		}
	}
	if !s.cutShort(ctx) {
		s.metrics.apiErrors.Inc()
	}
	s.stopIfTokenRefused(err)
	if maybe {
		attrs = append(attrs, "sent", "maybe: Slack had the request and did not say it was refused")
	}
	s.logFailure(ctx, what+" failed", append(attrs, "err", safeError(err))...)
	return false
}

// cutShort reports whether shutdown ended the work that ctx belongs to.
func (s *Server) cutShort(ctx context.Context) bool {
	return ctx.Err() != nil && s.working.Err() != nil
}

// logFailure logs a failure at error level, or at info level when shutdown
// cut its work short: then it is expected, and no alert's business.
func (s *Server) logFailure(ctx context.Context, msg string, attrs ...any) {
	if s.cutShort(ctx) {
		s.log.Info(msg+" (cut short at shutdown)", attrs...)
		return
	}
	s.log.Error(msg, attrs...)
}
