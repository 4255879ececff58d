// Package console drives the bot from a terminal as a person would: each
// line typed becomes a slash command, a mention, a DM or a click sent
// through the fake Slack, and each reply prints as Slack would draw it,
// with any reply Slack would refuse (directorbot dev).
package console

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/slack-go/slack"
)

// help tells what a person may type, for the app's command /director
// (Session.Help).
const help = `Type what a person would send, one per line:
  /director skills                 a slash command (private answer)
  @bot how is a VP different?      a mention in a channel (threaded reply)
  reply and for a director?        a mention in the thread of the last mention (a follow-up)
  how do I get ready for a VP role?  a DM
  home                             open the App Home tab
  click Full table                 click a button of the latest reply that has it (click Undo 2: the second)
  pick 1 Key Skill Sets            choose a section in the 1st menu of the Home tab (an admin teaching)
  pick "parking" none              choose in the menu of the group holding "parking" (menus renumber after a lesson)
  quit                             stop
Replies print as Slack draws them (a table always last), as they come:
one that follows later, as a reload's outcome, too. A reply Slack would
refuse is printed with Slack's error, and dev then exits 1.`

// Session sends what a person types to the bot through the fake Slack
// and prints what the bot sends back, as Slack would draw it.
type Session struct {
	out, errOut io.Writer
	fake        *fakeslack.Slack
	json        bool
	seen        int
	// refused counts the refusals printed so far.
	refused int
	// last is the last reply printed with buttons, and recent the latest
	// few, the newest last, whose buttons "click" clicks; home is the
	// latest Home tab, the only one Slack shows, which pick reads.
	last   drawn
	recent []drawn
	home   drawn
	// thread is the ts of the last mention at a channel's top level: the
	// thread its reply started, where "reply" follows up.
	thread string
	// learning tells that the last Home printed says the guide is still
	// learning a lesson: another follows once it has.
	learning bool
	// plan is the move to the next role's flow (dev_plan.go).
	plan planFlow
	// command is the app's slash command.
	command string
	// clicked is the reply of the last click, which the bot may delete
	// through the click's response_url, and printed counts the replies
	// printed (drawn.n).
	clicked drawn
	printed int
}

// drawn is a reply as the console printed it: where it went and what it holds.
type drawn struct {
	msg blockkit.Message
	// ts is the message's own, as its clicks carry it.
	channel, thread, ts string
	ephemeral           bool
	// home tells the App Home tab, whose clicks come from a view.
	home bool
	// n numbers the replies printed, from 1: which one a deletion
	// removes.
	n int
}

// New starts a session with a bot connected to the fake Slack, whose
// slash command is command: replies print to out, mistakes to errOut;
// with json, each reply's Block Kit JSON too; agent tells whether the fake
// has Slack's agent feature on.
func New(fake *fakeslack.Slack, command string, out, errOut io.Writer, json, agent bool) *Session {
	return &Session{out: out, errOut: errOut, fake: fake, json: json, plan: planFlow{agent: agent}, command: command}
}

// Help tells what a person may type, the move to the next role's flow
// last, with the session's slash command.
func (s *Session) Help() string {
	var b strings.Builder
	for _, line := range strings.Split(help+"\n"+planHelp, "\n") {
		example, meaning, ok := strings.Cut(strings.TrimPrefix(line, "  "), "  ")
		if !strings.HasPrefix(line, "  ") || !ok {
			b.WriteString(line + "\n")
			continue
		}
		example = strings.Replace(example, "/director", s.command, 1)
		fmt.Fprintf(&b, "  %-31s  %s\n", example, strings.TrimSpace(meaning))
	}
	return b.String()
}

// Run sends each line read from in (Help) to the bot, numbered from 1,
// and prints its replies, until in ends, a line says quit or exit, or ctx
// ends (Ctrl-C); then it prints what is still to come. What the bot sends
// on its own between lines, as a reload's outcome or a reply that comes
// after its ack, prints as it comes, not when the next line is typed.
func (s *Session) Run(ctx context.Context, in io.Reader) {
	defer s.flush()
	lines := readLines(ctx, in)
	for n := 1; ; {
		select {
		case <-ctx.Done():
			return
		case <-s.fake.CallsAfter(s.seen):
			s.printArrived()
		case line, ok := <-lines:
			line = strings.TrimSpace(line)
			if !ok || line == "quit" || line == "exit" {
				return
			}
			if line != "" {
				s.say(n, line)
			}
			n++
		}
	}
}

// readLines sends the lines read from in until it ends or ctx does: a
// read from a terminal cannot be cut short, so it is read apart, and left
// to end with the process.
func readLines(ctx context.Context, in io.Reader) <-chan string {
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	return lines
}

// say sends the nth line a person typed (Help) and prints the replies.
func (s *Session) say(n int, line string) {
	// Replies that came late, as a reload's outcome does, print first:
	// whichever of them and the line is read first, the output is the same.
	s.printArrived()
	ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), n)
	var env fakeslack.Envelope
	wait := replyWait
	switch {
	case bareCommands[line] != "":
		fmt.Fprintf(s.errOut, "%s needs %s\n", line, bareCommands[line])
		return
	case s.isTransition(line):
		var ok bool
		if env, ok = s.transition(n, line, ts); !ok {
			return
		}
	case strings.HasPrefix(line, "/"):
		name, text, _ := strings.Cut(line, " ")
		if name != s.command {
			fmt.Fprintf(s.errOut, "%s is not a command of this app: Slack would refuse it; the app's is %s (SLASH_COMMAND)\n", name, s.command)
			return
		}
		env = s.fake.NamedCommand(name, strings.TrimSpace(text), "UDEV", "CDEV")
	case strings.HasPrefix(line, "@"):
		_, text, _ := strings.Cut(line, " ")
		env, s.thread = mention(n, text, ts, ""), ts
	case strings.HasPrefix(line, "reply "):
		if s.thread == "" {
			fmt.Fprintln(s.errOut, "no thread to reply in yet: a mention starts one (@bot how is a VP different?)")
			return
		}
		env = mention(n, strings.TrimSpace(strings.TrimPrefix(line, "reply ")), ts, s.thread)
	case line == "home":
		env = fakeslack.HomeOpened(fmt.Sprint("EvDev", n), "UDEV")
	case strings.HasPrefix(line, "pick "):
		var ok bool
		if env, ok = s.pick(strings.TrimSpace(strings.TrimPrefix(line, "pick "))); !ok {
			return
		}
		wait = homeWait
	case strings.HasPrefix(line, "click "):
		var ok bool
		var on drawn
		if env, on, ok = s.click(strings.TrimSpace(strings.TrimPrefix(line, "click "))); !ok {
			return
		}
		if on.home {
			wait = homeWait
		}
		s.clicked = on
	default:
		env = fakeslack.DirectMessage(fmt.Sprint("EvDev", n), line, "UDEV", "DDEV", ts)
	}
	if err := s.fake.Send(env); err != nil {
		fmt.Fprintf(s.errOut, "send: %v\n", err)
		return
	}
	if env["type"] == "slash_commands" {
		s.printAck(env.ID())
	} else {
		s.printReplies(wait)
	}
	s.printRefusals()
}

// mention is the nth line typed, text, sent as a mention of the bot in
// the console's channel, at ts, in thread ("" at the top level).
func mention(n int, text, ts, thread string) fakeslack.Envelope {
	return fakeslack.Mention(fmt.Sprint("EvDev", n), "<@"+fakeslack.BotUserID+"> "+text, "UDEV", "CDEV", ts, thread)
}

// clickable is how many of the latest replies with buttons "click" looks
// through, the newest first: a plan's offer after an answer leaves the
// answer's 👍 and 👎 within reach.
const clickable = 10

// click sends a click on the button whose label is given, with or without
// its arrow (a feedback button by 👍 or 👎), of the newest reply that has
// one; "click Undo 2" clicks the second Undo of that reply.
func (s *Session) click(label string) (fakeslack.Envelope, drawn, bool) {
	for _, try := range clickTargets(label) {
		for i := len(s.recent) - 1; i >= 0; i-- {
			if env, ok := s.clickIn(s.recent[i], try.label, try.nth); ok {
				return env, s.recent[i], true
			}
		}
	}
	labels := buttonLabels(s.last.msg)
	if len(labels) == 0 {
		fmt.Fprintf(s.errOut, "no button %q: the last replies have no buttons (ask something first)\n", label)
	} else {
		fmt.Fprintf(s.errOut, "no button %q on the last replies; the last one's buttons: %s\n", label, strings.Join(labels, ", "))
	}
	return nil, drawn{}, false
}

// clickTarget is a button to click: its label, and which of the buttons
// of that label, from 1.
type clickTarget struct {
	label string
	nth   int
}

// clickTargets reads what "click" was given: the label as typed, then,
// when it ends in a number, the button of the label before it whose place
// that is ("Undo 2").
func clickTargets(label string) []clickTarget {
	targets := []clickTarget{{label, 1}}
	if i := strings.LastIndex(label, " "); i > 0 {
		if n, err := strconv.Atoi(label[i+1:]); err == nil && n > 0 {
			targets = append(targets, clickTarget{strings.TrimSpace(label[:i]), n})
		}
	}
	return targets
}

// clickIn makes the click on the nth button of reply d whose label is
// given, if d has that many.
func (s *Session) clickIn(d drawn, label string, nth int) (fakeslack.Envelope, bool) {
	channel := d.channel
	if channel == "" {
		channel = "CDEV"
	}
	seen := 0
	for _, b := range d.msg.Blocks {
		// A click carries the block_id of its button's block.
		blockID := ""
		switch b := b.(type) {
		case *slack.ActionBlock:
			blockID = b.BlockID
		case *slack.SectionBlock:
			blockID = b.BlockID
		}
		for _, e := range (blockkit.Message{Blocks: []slack.Block{b}}).Elements() {
			switch e := e.(type) {
			case *slack.ButtonBlockElement:
				if strings.Trim(html.UnescapeString(e.Text.Text), " ‹›") != strings.Trim(label, " ‹›") {
					continue
				}
				if seen++; seen < nth {
					continue
				}
				if d.home {
					return s.fake.HomeClick(blockID, e.ActionID, e.Value, "UDEV"), true
				}
				return s.fake.BlockClickIn(blockID, e.ActionID, e.Value, "UDEV", fakeslack.Where{Channel: channel, MessageTS: d.ts, ThreadTS: d.thread, Ephemeral: d.ephemeral}), true
			case *slack.FeedbackButtonsBlockElement:
				for _, fb := range []*slack.FeedbackButton{e.PositiveButton, e.NegativeButton} {
					if fb.Text.Text != label {
						continue
					}
					if seen++; seen == nth {
						return s.fake.FeedbackClick(e.ActionID, fb.Value, "UDEV", channel, d.ts, d.ephemeral), true
					}
				}
			}
		}
	}
	return nil, false
}

// buttonLabels are the labels of a reply's buttons, as "click" takes them.
func buttonLabels(msg blockkit.Message) []string {
	var labels []string
	for _, e := range msg.Elements() {
		switch e := e.(type) {
		case *slack.ButtonBlockElement:
			labels = append(labels, html.UnescapeString(e.Text.Text))
		case *slack.FeedbackButtonsBlockElement:
			labels = append(labels, e.PositiveButton.Text.Text, e.NegativeButton.Text.Text)
		}
	}
	return labels
}

// bareCommands are the console's commands that take an argument, and what
// each needs: typed alone, they are a mistake, not a message to the bot.
var bareCommands = map[string]string{
	"click":  "a button's label: click Full table",
	"tick":   "the numbers of the indicators: tick 2 5",
	"prompt": "a prompt's number: prompt 1",
	"pick":   pickNeeds,
	"reply":  "what to say in the thread: reply and for a director?",
}

// pick chooses, in a menu of the last Home tab, the option of the given
// text, as an admin teaching the guide. The menu is named by its number
// ("pick 1 Key Skill Sets") or by words of its group in quotes ("pick
// "parking" none"): a lesson takes its group off the Home, so the menus
// after it are numbered again, while words still name the same group.
func (s *Session) pick(arg string) (fakeslack.Envelope, bool) {
	var menus []*slack.SectionBlock
	for _, b := range s.home.msg.Blocks {
		if sb, ok := b.(*slack.SectionBlock); ok && sb.Accessory != nil && sb.Accessory.SelectElement != nil {
			menus = append(menus, sb)
		}
	}
	n, text, ok := s.pickedMenu(arg, menus)
	if !ok {
		return nil, false
	}
	menu, blockID := menus[n-1].Accessory.SelectElement, menus[n-1].BlockID
	groups := menu.OptionGroups
	if menu.Type == slack.OptTypeExternal {
		// The bot suggests the options as the text is typed.
		groups = s.suggested(blockID, menu.ActionID, text)
	}
	var names []string
	for _, g := range groups {
		for _, o := range g.Options {
			name := html.UnescapeString(o.Text.Text)
			// An option alone in its group is named by the group's label
			// too, as the Home draws it ("None: Not for the guide to answer").
			if strings.EqualFold(name, text) || len(g.Options) == 1 && strings.EqualFold(html.UnescapeString(g.Label.Text), text) {
				raw, _ := json.Marshal(o)
				var option map[string]any
				_ = json.Unmarshal(raw, &option) // an option always encodes
				return s.fake.HomeSelect(blockID, menu.ActionID, option, "UDEV"), true
			}
			names = append(names, name)
		}
	}
	fmt.Fprintf(s.errOut, "menu %d has no option %q", n, text)
	if len(names) > 0 {
		fmt.Fprintf(s.errOut, "; its options: %s", strings.Join(names[:min(len(names), shownOptions)], ", "))
		if len(names) > shownOptions {
			fmt.Fprintf(s.errOut, " and %d more", len(names)-shownOptions)
		}
	}
	fmt.Fprintln(s.errOut)
	return nil, false
}

// pickedMenu reads which of menus a pick names, from 1, and the option's
// text after it; a menu named by words must be the only one whose group
// holds them.
func (s *Session) pickedMenu(arg string, menus []*slack.SectionBlock) (n int, text string, ok bool) {
	if rest, quoted := strings.CutPrefix(arg, `"`); quoted {
		words, text, closed := strings.Cut(rest, `"`)
		text = strings.TrimSpace(text)
		if !closed || strings.TrimSpace(words) == "" || text == "" {
			fmt.Fprintln(s.errOut, "pick needs "+pickNeeds)
			return 0, "", false
		}
		var named []string
		for i, m := range menus {
			if m.Text != nil && strings.Contains(strings.ToLower(html.UnescapeString(m.Text.Text)), strings.ToLower(words)) {
				n, named = i+1, append(named, strconv.Itoa(i+1))
			}
		}
		switch len(named) {
		case 1:
			return n, text, true
		case 0:
			fmt.Fprintf(s.errOut, "no menu's group holds %q: the last Home tab has %d menus (open it with home)\n", words, len(menus))
		default:
			fmt.Fprintf(s.errOut, "the groups of menus %s all hold %q: quote more of one group's words\n", strings.Join(named, ", "), words)
		}
		return 0, "", false
	}
	num, text, _ := strings.Cut(arg, " ")
	text = strings.TrimSpace(text)
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || text == "" {
		fmt.Fprintln(s.errOut, "pick needs "+pickNeeds)
		return 0, "", false
	}
	if n > len(menus) {
		fmt.Fprintf(s.errOut, "no menu %d: the last Home tab has %d (open it with home)\n", n, len(menus))
		return 0, "", false
	}
	return n, text, true
}

// pickNeeds tells how to pick, when a pick cannot be read.
const pickNeeds = `a menu's number or its group's words in quotes, and an option: pick 1 Key Skill Sets, pick "parking" none`

// shownOptions is how many of a menu's options a pick that names none
// lists.
const shownOptions = 12

// suggested types query in a menu of external options and returns the
// option groups the bot suggests in its ack.
func (s *Session) suggested(blockID, actionID, query string) []*slack.OptionGroupBlockObject {
	e := s.fake.HomeSuggest(blockID, actionID, query, "UDEV")
	if err := s.fake.Send(e); err != nil {
		fmt.Fprintf(s.errOut, "send: %v\n", err)
		return nil
	}
	var suggestions blockkit.Suggestions
	_ = json.Unmarshal(s.ackPayload(e.ID()), &suggestions)
	s.printRefusals()
	return suggestions.OptionGroups
}

// ackPayload waits for the ack of envelope id, and returns its payload.
func (s *Session) ackPayload(id string) json.RawMessage {
	var payload json.RawMessage
	s.fake.WaitFor(5*time.Second, func() bool {
		for _, a := range s.fake.Acks() {
			if a.EnvelopeID == id {
				payload = a.Payload
				return true
			}
		}
		return false
	})
	return payload
}

// printRefusals prints, loudly, every reply the fake Slack refused since
// the last time: what Slack would answer, and what the person would see.
func (s *Session) printRefusals() {
	refusals := s.fake.Refusals()
	for _, r := range refusals[s.refused:] {
		fmt.Fprintf(s.out, "\n!!!!!! SLACK REFUSES THIS REPLY: %s !!!!!!\n%s\n", r.Error, r)
		if r.UserSees != "" {
			fmt.Fprintf(s.out, "The person sees %q instead of the reply.\n", r.UserSees)
		} else {
			fmt.Fprintln(s.out, "The reply is never shown.")
		}
	}
	s.refused = len(refusals)
}

func (s *Session) printAck(id string) {
	payload := s.ackPayload(id)
	var reply struct {
		Text   string          `json:"text"`
		Blocks json.RawMessage `json:"blocks"`
	}
	_ = json.Unmarshal(payload, &reply)
	if reply.Text == "" && len(reply.Blocks) == 0 {
		// A reply too large for an ack follows through the response_url.
		s.printCalls(replyWait)
		return
	}
	s.print("ack (only you can see this)", reply.Text, reply.Blocks, payload, drawn{channel: "CDEV", ephemeral: true})
}

// replyQuiet is how long no new call must come for a reply to be whole.
const replyQuiet = 400 * time.Millisecond

// lateReply is how long the session's end waits for a reply that follows
// an ack, as a reload's outcome follows "Reloading the guide…".
const lateReply = time.Second

// flush prints the replies that came after the last line's, waiting a
// moment for one still to come: the session's end would lose them.
func (s *Session) flush() {
	s.fake.WaitFor(lateReply, func() bool { return len(s.fake.Calls()) > s.seen })
	s.printArrived()
}

// printArrived prints what the bot sent since the replies printed last,
// and Slack's refusals of it, if it sent anything.
func (s *Session) printArrived() {
	if len(s.fake.Calls()) > s.seen {
		s.printReplies(0)
		s.printRefusals()
	}
}

// Waits for a reply's first call: most come at once; the Home after a
// choice on it comes once the guide has learned it, which the bot waits
// 10 s for before it says the guide is still learning; then the next
// Home comes once it has, which a large guide on a busy machine may take
// minutes to.
const (
	replyWait   = 5 * time.Second
	homeWait    = 15 * time.Second
	learnedWait = 5 * time.Minute
)

// printReplies prints the replies to a line, waiting up to wait for the
// first. After a Home that says the guide is still learning a lesson, it
// waits for the next, as a person would before asking again: the next
// line finds the lesson in use.
func (s *Session) printReplies(wait time.Duration) {
	s.printCalls(wait)
	if s.learning {
		s.learning = false
		fmt.Fprintf(s.errOut, "waiting for the guide to learn the lesson (at most %s)…\n", learnedWait)
		s.printCalls(learnedWait)
	}
}

// printCalls prints the calls of a reply, waiting up to wait for the
// first.
func (s *Session) printCalls(wait time.Duration) {
	s.fake.WaitFor(wait, func() bool { return len(s.fake.Calls()) > s.seen })
	// A reply may take several calls (a welcome, then the answer): wait
	// until they stop coming for a while a person would not notice, but
	// long enough for a busy machine.
	for n := len(s.fake.Calls()); ; {
		time.Sleep(replyQuiet)
		m := len(s.fake.Calls())
		if m == n {
			break
		}
		n = m
	}
	calls := s.fake.Calls()
	for _, c := range calls[s.seen:] {
		switch c.Method {
		case fakeslack.SetSuggestedPrompts:
			s.printPrompts(c)
		case "views.publish":
			view, _ := c.Args["view"].(map[string]any)
			if v, ok := c.Args["view"].(string); ok {
				_ = json.Unmarshal([]byte(v), &view)
			}
			blocks, _ := json.Marshal(view["blocks"])
			s.print("views.publish (Home tab)", "", blocks, c.Payload(), drawn{home: true})
		case "response_url":
			if c.Args["delete_original"] == true || c.Args["delete_original"] == "true" {
				s.deleted()
				continue
			}
			fallthrough
		default:
			text, _ := c.Args["text"].(string)
			// Web API calls carry blocks as a JSON string, response_url
			// POSTs as JSON.
			blocks, ok := c.Args["blocks"].(string)
			if !ok && c.Args["blocks"] != nil {
				raw, _ := json.Marshal(c.Args["blocks"])
				blocks = string(raw)
			}
			channel, _ := c.Args["channel"].(string)
			thread, _ := c.Args["thread_ts"].(string)
			ts := c.TS
			if c.Method == "chat.update" {
				ts, _ = c.Args["ts"].(string)
				thread = s.replaced(ts)
			}
			where := c.Method
			if channel != "" {
				where += " to " + channel
			}
			if thread != "" {
				where += " in thread " + thread
			}
			public := c.Args["response_type"] == "in_channel"
			switch {
			case c.Method == "chat.update":
				where += " (in place of the message clicked)"
			case c.Method != "response_url":
			case public:
				where += " (everyone in the channel sees this)"
			case c.Args["replace_original"] == true || c.Args["replace_original"] == "true":
				where += " (only you can see this, in place of the answer)"
			default:
				where += " (only you can see this)"
			}
			s.print(where, text, []byte(blocks), c.Payload(), drawn{channel: channel, thread: thread, ts: ts, ephemeral: c.Method == "response_url" && !public})
		}
	}
	s.seen = len(calls)
}

// replaced forgets the buttons of the reply ts, which an update replaced,
// and returns the thread it is in.
func (s *Session) replaced(ts string) (thread string) {
	for _, d := range s.recent {
		if d.ts == ts {
			thread = d.thread
		}
	}
	s.recent = slices.DeleteFunc(s.recent, func(d drawn) bool { return d.ts == ts })
	return thread
}

// deleted shows that the bot deleted the private reply last clicked, and
// forgets its buttons, gone with it.
func (s *Session) deleted() {
	fmt.Fprintln(s.out, "\n── response_url (the private message you clicked is deleted) ──")
	gone := s.clicked.n
	s.recent = slices.DeleteFunc(s.recent, func(d drawn) bool { return d.n == gone })
	if s.last.n == gone {
		s.last = drawn{}
	}
}

// print shows a reply, of text and blocks, as Slack draws it, headed by
// where it went, and with json the payload the bot sent, whole: its
// fallback text, which notifications show, as well as its blocks.
func (s *Session) print(where, text string, blocks []byte, payload json.RawMessage, to drawn) {
	fmt.Fprintf(s.out, "\n── %s ──\n", where)
	msg, err := blockkit.ParseMessage(text, blocks)
	if err != nil {
		fmt.Fprintf(s.errOut, "unreadable reply: %v\n", err)
		return
	}
	if !to.home && to.ts == "" {
		// Slack told no ts of a reply through a response_url or an ack,
		// but each click on it carries the one it has.
		to.ts = fakeslack.NewTS()
	}
	if to.home {
		// Slack shows a user's Home as last published: the older ones
		// are gone, their buttons with them.
		s.recent = slices.DeleteFunc(s.recent, func(d drawn) bool { return d.home })
		to.msg = msg
		s.home = to
	}
	s.printed++
	to.n = s.printed
	if hasButtons(msg) {
		to.msg = msg
		s.last = to
		s.recent = append(s.recent[max(0, len(s.recent)+1-clickable):], to)
	}
	if to.home {
		s.learning = blockkit.StillLearning(msg)
	}
	fmt.Fprint(s.out, blockkit.Readable(msg))
	if s.json {
		s.printJSON(payload)
	}
	s.noteReply(blocks, to)
}

// printJSON prints payload on one line, as the bot sent it: "<" and "&"
// stay as they are, as in Slack's mrkdwn (<@U123>, &amp;).
func (s *Session) printJSON(payload json.RawMessage) {
	var line bytes.Buffer
	if err := json.Compact(&line, payload); err != nil {
		fmt.Fprintf(s.errOut, "unreadable payload: %v\n", err)
		return
	}
	fmt.Fprintf(s.out, "%s\n", line.Bytes())
}

// hasButtons reports whether a message has buttons to click.
func hasButtons(m blockkit.Message) bool { return len(m.Elements()) > 0 }
