package fakeslack

import (
	"github.com/directorbot/directorbot/bot/fakeslack/internal/wording"

	"fmt"
	"strings"
)

// SetSuggestedPrompts is the Web API method that sets the suggested
// prompts of an agent (assistant) thread.
const SetSuggestedPrompts = "assistant.threads.setSuggestedPrompts"

// MissingScope is Slack's error for a method the app's token has no scope
// for.
const MissingScope = "missing_scope"

// maxSuggestedPrompts is from
// https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts:
// "set up to four suggested prompts", each with a title and a message.
const maxSuggestedPrompts = 4

// methodScopes are the scopes of the methods that need more than the
// plain app's: the agent (assistant) feature's, assistant:write.
var methodScopes = map[string]string{SetSuggestedPrompts: "assistant:write"}

// EnableAssistant turns on the app's agent (assistant) feature, as its
// manifest's assistant_view and the assistant:write scope do: without it,
// the fake refuses assistant.threads.* with missing_scope, as Slack
// refuses a token without the scope.
func (s *Slack) EnableAssistant() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.assistant = true
}

// scopeViolations refuses a method the app has no scope for.
func (s *Slack) scopeViolations(method string) []Violation {
	scope, ok := methodScopes[method]
	if !ok {
		return nil
	}
	s.mu.Lock()
	on := s.assistant
	s.mu.Unlock()
	if on {
		return nil
	}
	return []Violation{{Code: MissingScope, Message: "the token lacks the scope " + scope + " (needed: " + scope + ")", Pointer: "/token"}}
}

// validatePrompts checks assistant.threads.setSuggestedPrompts' arguments,
// per its page: channel_id, and prompts, a JSON array of one to four
// prompts, each with a title and a message; title, when given, a string.
func validatePrompts(args map[string]any) []Violation {
	c := &checker{code: InvalidArguments}
	if ch, _ := args["channel_id"].(string); ch == "" {
		c.add("/channel_id", "missing required field: channel_id")
	}
	raw, present := args["prompts"]
	prompts, ok := decoded(raw).([]any)
	switch {
	case !present:
		c.add("/prompts", "missing required field: prompts")
	case !ok:
		c.add("/prompts", "must provide an array")
	case len(prompts) == 0:
		c.add("/prompts", "must provide at least 1 item")
	case len(prompts) > maxSuggestedPrompts:
		c.add("/prompts", wording.TooMany(maxSuggestedPrompts))
	}
	for i, p := range prompts {
		m, ok := p.(map[string]any)
		if !ok {
			c.add(pointer("/prompts", i), "must provide an object")
			continue
		}
		for _, key := range []string{"title", "message"} {
			if v, _ := m[key].(string); strings.TrimSpace(v) == "" {
				c.add(pointer("/prompts", i, key), fmt.Sprintf("missing required field: %s", key))
			}
		}
	}
	return c.result()
}

// AssistantThreadStarted is the assistant_thread_started event Slack
// sends when a person opens a new thread with the app's agent, as
// https://docs.slack.dev/reference/events/assistant_thread_started shows
// it.
func AssistantThreadStarted(eventID, user, channel, threadTS string) Envelope {
	return Event(eventID, map[string]any{
		"type": "assistant_thread_started",
		"assistant_thread": map[string]any{
			"user_id": user, "channel_id": channel, "thread_ts": threadTS,
			"context": map[string]any{"channel_id": "C123ABC456", "team_id": "T123ABC456", "enterprise_id": ""},
		},
		"event_ts": threadTS,
	})
}

// MessagesTabOpened is an app_home_opened event for the app's Messages
// tab: its DM with the person.
func MessagesTabOpened(eventID, user, channel string) Envelope {
	return Event(eventID, map[string]any{"type": "app_home_opened", "user": user, "channel": channel, "tab": "messages", "event_ts": "1515449522.000017"})
}

// ThreadMessage is a message event in a thread of a DM with the bot, as in
// an agent thread.
func ThreadMessage(eventID, text, user, channel, ts, threadTS string) Envelope {
	return Event(eventID, map[string]any{"type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts, "thread_ts": threadTS, "channel_type": "im"})
}
