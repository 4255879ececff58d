package console

import (
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/slack-go/slack"
)

// The move to the next role: the Messages tab's welcome and its
// prompts, an agent thread (with --agent) and its suggested prompts, the
// self-assessment's checkboxes and the plan.

// planHelp tells what a person may type in the move to the next role
// (Session.Help).
const planHelp = `The move to the next role:
  messages                         open the app's Messages tab (the welcome, once)
  thread                           open a new agent thread (dev --agent); DMs then go in it
  prompt 2                         pick the agent thread's suggested prompt 2
  /director plan                   your plan, or the self-assessment
  tick 1 3 5                       tick (or untick) checkboxes of the last self-assessment
  click Build my plan              submit it: your plan
  /director forget me              forget everything kept about you`

// planFlow is the state of the move's flow in a dev session.
type planFlow struct {
	// agent is the app's agent feature (dev --agent).
	agent bool
	// thread is the agent thread DMs go in, once opened.
	thread string
	// prompts are the agent thread's suggested prompts.
	prompts []slack.AssistantThreadsPrompt
	// form is the last self-assessment, as filled in so far, where, and
	// the reply that holds it, whose Build my plan may be clicked again
	// after later replies.
	form      *fakeslack.Form
	where     fakeslack.Where
	formReply drawn
}

// isTransition reports whether a line is one of the move's commands, or a
// DM or a click that goes in the agent thread or on a form.
func (s *Session) isTransition(line string) bool {
	switch {
	case line == "messages" || line == "thread" || strings.HasPrefix(line, "tick ") || strings.HasPrefix(line, "prompt "):
		return true
	case strings.HasPrefix(line, "click "):
		kind, _, _ := s.button(strings.TrimSpace(strings.TrimPrefix(line, "click ")))
		return kind == blockkit.ActionPlanBuild || (kind != "" && s.last.thread != "" && strings.HasPrefix(s.last.channel, "D"))
	case strings.HasPrefix(line, "/") || strings.HasPrefix(line, "@") || line == "home":
		return false
	}
	return s.plan.thread != ""
}

// transition turns one of the move's lines into the envelope to send; ok
// is false when there is nothing to send (a tick, sent and shown here, or
// a mistake).
func (s *Session) transition(n int, line, ts string) (fakeslack.Envelope, bool) {
	switch {
	case line == "messages":
		return fakeslack.MessagesTabOpened(fmt.Sprint("EvDev", n), "UDEV", "DDEV"), true
	case line == "thread":
		if !s.plan.agent {
			fmt.Fprintln(s.errOut, "agent threads need the agent feature: run dev --agent")
			return nil, false
		}
		s.plan.thread = ts
		return fakeslack.AssistantThreadStarted(fmt.Sprint("EvDev", n), "UDEV", "DDEV", ts), true
	case strings.HasPrefix(line, "prompt "):
		i, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "prompt ")))
		switch {
		case len(s.plan.prompts) == 0:
			fmt.Fprintln(s.errOut, "no prompts yet: they come with an agent thread (thread, in dev --agent)")
			return nil, false
		case err != nil || i < 1 || i > len(s.plan.prompts):
			fmt.Fprintf(s.errOut, "no prompt %q: the thread's prompts are 1 to %d\n", strings.TrimPrefix(line, "prompt "), len(s.plan.prompts))
			return nil, false
		}
		return fakeslack.ThreadMessage(fmt.Sprint("EvDev", n), s.plan.prompts[i-1].Message, "UDEV", "DDEV", ts, s.plan.thread), true
	case strings.HasPrefix(line, "tick "):
		s.tick(strings.Fields(strings.TrimPrefix(line, "tick ")))
		return nil, false
	case strings.HasPrefix(line, "click "):
		label := strings.TrimSpace(strings.TrimPrefix(line, "click "))
		kind, id, value := s.button(label)
		if kind == blockkit.ActionPlanBuild && s.plan.form != nil {
			return s.fake.Submit(s.plan.form, id, value, "UDEV", s.plan.where), true
		}
		w := fakeslack.Where{Channel: s.last.channel, MessageTS: s.last.ts, ThreadTS: s.last.thread, Ephemeral: s.last.ephemeral}
		return s.fake.ClickIn(id, value, "UDEV", w), true
	}
	return fakeslack.ThreadMessage(fmt.Sprint("EvDev", n), line, "UDEV", "DDEV", ts, s.plan.thread), true
}

// button finds a button by its label, of the last reply, or else the
// last self-assessment's Build my plan: its kind, action_id and value;
// kind is "" when there is none.
func (s *Session) button(label string) (kind, actionID, value string) {
	if btn := buttonOf(s.last, label); btn != nil {
		return blockkit.ActionOf(btn.ActionID), btn.ActionID, btn.Value
	}
	if btn := buttonOf(s.plan.formReply, label); btn != nil && blockkit.ActionOf(btn.ActionID) == blockkit.ActionPlanBuild {
		return blockkit.ActionPlanBuild, btn.ActionID, btn.Value
	}
	return "", "", ""
}

// buttonOf returns the button of reply d labelled label, nil if none.
func buttonOf(d drawn, label string) *slack.ButtonBlockElement {
	for _, e := range d.msg.Elements() {
		if btn, ok := e.(*slack.ButtonBlockElement); ok && html.UnescapeString(btn.Text.Text) == label {
			return btn
		}
	}
	return nil
}

// tick ticks or unticks the last form's boxes by number, each a click as
// Slack sends it, and shows the form.
func (s *Session) tick(numbers []string) {
	f := s.plan.form
	if f == nil {
		fmt.Fprintln(s.errOut, "no checkboxes to tick: ask for your plan first ("+s.command+" plan, or a DM: build my transition plan)")
		return
	}
	for _, number := range numbers {
		i, err := strconv.Atoi(number)
		if err != nil || i < 1 || i > len(f.Boxes) {
			fmt.Fprintf(s.errOut, "no checkbox %q: they are numbered 1 to %d\n", number, len(f.Boxes))
			continue
		}
		e := s.fake.Tick(f, i-1, "UDEV", s.plan.where)
		acked := s.fake.AckOf(e.ID())
		if err := s.fake.Send(e); err != nil {
			fmt.Fprintf(s.errOut, "send: %v\n", err)
			return
		}
		select {
		case <-acked:
		case <-time.After(5 * time.Second):
			fmt.Fprintln(s.errOut, "the tick was never acked")
		}
	}
	s.printForm()
}

// printForm lists the last form's checkboxes, numbered for tick.
func (s *Session) printForm() {
	f := s.plan.form
	fmt.Fprintln(s.out)
	for i, b := range f.Boxes {
		box := "[ ]"
		if f.Ticked[i] {
			box = "[x]"
		}
		fmt.Fprintf(s.out, "%2d %s %s\n", i+1, box, html.UnescapeString(b.Text))
	}
	fmt.Fprintln(s.out, "(tick N to change one, then click Build my plan)")
}

// noteReply keeps a reply's form, to tick and submit, and shows its boxes
// numbered.
func (s *Session) noteReply(blocks []byte, to drawn) {
	f := fakeslack.FormOf(string(blocks))
	if len(f.Boxes) == 0 {
		return
	}
	s.plan.form, s.plan.formReply = f, to
	s.plan.where = fakeslack.Where{Channel: to.channel, MessageTS: to.ts, ThreadTS: to.thread, Ephemeral: to.ephemeral}
	s.printForm()
}

// printPrompts shows an agent thread's suggested prompts, numbered for
// prompt.
func (s *Session) printPrompts(c fakeslack.Call) {
	raw, _ := c.Args["prompts"].(string)
	s.plan.prompts = nil
	_ = json.Unmarshal([]byte(raw), &s.plan.prompts)
	title, _ := c.Args["title"].(string)
	thread, _ := c.Args["thread_ts"].(string)
	fmt.Fprintf(s.out, "\n── %s in thread %s ──\n%s\n", c.Method, thread, title)
	for i, p := range s.plan.prompts {
		fmt.Fprintf(s.out, "  prompt %d: %s\n", i+1, p.Title)
	}
}
