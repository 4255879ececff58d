package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot"
	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/slack-go/slack"
)

func devCommand() command {
	return command{
		name:    "dev",
		summary: "Try the whole bot without Slack: a local fake Slack and the real bot, driven from the terminal.",
		usage:   "[--json] [--agent] [--guide DIR]",
		examples: []string{
			"directorbot dev",
			"printf '/director skills\\n@bot how is a VP different?\\nhi\\n' | directorbot dev --json",
			"printf '/director plan\\ntick 2 5\\nclick Build my plan\\n' | directorbot dev",
			"printf 'thread\\nprompt 1\\n' | directorbot dev --agent",
		},
		run: runDev,
	}
}

const devHelp = `Type what a person would send, one per line:
  /director skills                 a slash command (private answer)
  @bot how is a VP different?      a mention in a channel (threaded reply)
  how do I get ready for a VP role?  a DM
  home                             open the App Home tab
  click Full table                 click a button of the last reply (👍, 👎, Continue reading…)
  quit                             stop
Replies print as Slack draws them (a table always last). A reply Slack
would refuse is printed with Slack's error, and dev then exits 1.`

func runDev(ctx context.Context, env *environment, args []string) error {
	fs, g := devCommand().guideFlagSet(env)
	asJSON := fs.Bool("json", false, "also print the Block Kit JSON of every reply")
	agent := fs.Bool("agent", false, "turn on Slack's agent feature: agent threads with suggested prompts (thread)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	ix, err := g.open()
	if err != nil {
		return err
	}
	defer ix.Close()
	fake := fakeslack.New()
	defer fake.Close()
	if *agent {
		fake.EnableAssistant()
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := bot.NewServer(bot.Config{AppToken: "xapp-dev", BotToken: "xoxb-dev", APIURL: fake.APIURL(), Logger: logger}, ix)
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Run(runCtx) }()
	if !fake.WaitFor(5*time.Second, func() bool { return fake.Connections() > 0 }) {
		return fmt.Errorf("the bot did not connect to the local fake Slack")
	}
	fmt.Fprintln(env.stdout, devHelp)
	fmt.Fprintln(env.stdout, devPlanHelp)
	d := devSession{env: env, fake: fake, json: *asJSON, plan: devTransition{agent: *agent}}
	sc := bufio.NewScanner(env.stdin)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "quit" || line == "exit" {
			break
		}
		if line != "" {
			d.say(n, line)
		}
	}
	stop()
	if err := <-done; err != nil {
		return err
	}
	if n := len(fake.Refusals()); n > 0 {
		return fmt.Errorf("%d of the bot's replies would have been refused by Slack (see above)", n)
	}
	return nil
}

// devSession sends what the user types to the bot through the fake Slack
// and prints what the bot sends back.
type devSession struct {
	env  *environment
	fake *fakeslack.Slack
	json bool
	seen int
	// refused counts the refusals printed so far.
	refused int
	// last is the last reply printed, whose buttons "click" clicks.
	last devReply
	// plan is the move to the next role's flow (dev_plan.go).
	plan devTransition
}

// devReply is a reply as dev printed it: where it went and what it holds.
type devReply struct {
	msg             blockkit.Message
	channel, thread string
	ephemeral       bool
}

func (d *devSession) say(n int, line string) {
	ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), n)
	var env fakeslack.Envelope
	switch {
	case d.isTransition(line):
		var ok bool
		if env, ok = d.transition(n, line, ts); !ok {
			return
		}
	case strings.HasPrefix(line, "/director"):
		env = d.fake.SlashCommand(strings.TrimSpace(strings.TrimPrefix(line, "/director")), "UDEV", "CDEV")
	case strings.HasPrefix(line, "@"):
		_, text, _ := strings.Cut(line, " ")
		env = fakeslack.Mention(fmt.Sprint("EvDev", n), "<@"+fakeslack.BotUserID+"> "+text, "UDEV", "CDEV", ts, "")
	case line == "home":
		env = fakeslack.HomeOpened(fmt.Sprint("EvDev", n), "UDEV")
	case strings.HasPrefix(line, "click "):
		var ok bool
		if env, ok = d.click(strings.TrimSpace(strings.TrimPrefix(line, "click "))); !ok {
			return
		}
	default:
		env = fakeslack.DirectMessage(fmt.Sprint("EvDev", n), line, "UDEV", "DDEV", ts)
	}
	if err := d.fake.Send(env); err != nil {
		fmt.Fprintf(d.env.stderr, "send: %v\n", err)
		return
	}
	if env["type"] == "slash_commands" {
		d.printAck(env.ID())
	} else {
		d.printCalls()
	}
	d.printRefusals()
}

// click sends a click on the button of the last reply whose label is
// given (a feedback button by 👍 or 👎).
func (d *devSession) click(label string) (fakeslack.Envelope, bool) {
	ts := d.last.thread
	if ts == "" {
		ts = fmt.Sprintf("%d.000000", time.Now().Unix())
	}
	channel := d.last.channel
	if channel == "" {
		channel = "CDEV"
	}
	var labels []string
	for _, e := range d.last.msg.Elements() {
		switch e := e.(type) {
		case *slack.ButtonBlockElement:
			if html.UnescapeString(e.Text.Text) == label {
				return d.fake.ButtonClick(e.ActionID, e.Value, "UDEV", channel, ts, d.last.ephemeral), true
			}
			labels = append(labels, html.UnescapeString(e.Text.Text))
		case *slack.FeedbackButtonsBlockElement:
			for _, fb := range []*slack.FeedbackButton{e.PositiveButton, e.NegativeButton} {
				if fb.Text.Text == label {
					return d.fake.FeedbackClick(e.ActionID, fb.Value, "UDEV", channel, ts, d.last.ephemeral), true
				}
				labels = append(labels, fb.Text.Text)
			}
		}
	}
	fmt.Fprintf(d.env.stderr, "no button %q on the last reply; its buttons: %s\n", label, strings.Join(labels, ", "))
	return nil, false
}

// printRefusals prints, loudly, every reply the fake Slack refused since
// the last time: what Slack would answer, and what the person would see.
func (d *devSession) printRefusals() {
	refusals := d.fake.Refusals()
	for _, r := range refusals[d.refused:] {
		fmt.Fprintf(d.env.stdout, "\n!!!!!! SLACK REFUSES THIS REPLY: %s !!!!!!\n%s\n", r.Error, r)
		if r.UserSees != "" {
			fmt.Fprintf(d.env.stdout, "The person sees %q instead of the reply.\n", r.UserSees)
		} else {
			fmt.Fprintln(d.env.stdout, "The reply is never shown.")
		}
	}
	d.refused = len(refusals)
}

func (d *devSession) printAck(id string) {
	var payload json.RawMessage
	d.fake.WaitFor(5*time.Second, func() bool {
		for _, a := range d.fake.Acks() {
			if a.EnvelopeID == id {
				payload = a.Payload
				return true
			}
		}
		return false
	})
	var reply struct {
		Text   string          `json:"text"`
		Blocks json.RawMessage `json:"blocks"`
	}
	_ = json.Unmarshal(payload, &reply)
	d.print("ack (only you can see this)", reply.Text, reply.Blocks, devReply{channel: "CDEV", ephemeral: true})
}

// replyQuiet is how long no new call must come for a reply to be whole.
const replyQuiet = 400 * time.Millisecond

func (d *devSession) printCalls() {
	d.fake.WaitFor(5*time.Second, func() bool { return len(d.fake.Calls()) > d.seen })
	// A reply may take several calls (a welcome, then the answer): wait
	// until they stop coming for a while a person would not notice, but
	// long enough for a busy machine.
	for n := len(d.fake.Calls()); ; {
		time.Sleep(replyQuiet)
		m := len(d.fake.Calls())
		if m == n {
			break
		}
		n = m
	}
	calls := d.fake.Calls()
	for _, c := range calls[d.seen:] {
		switch c.Method {
		case fakeslack.SetSuggestedPrompts:
			d.printPrompts(c)
		case "views.publish":
			view, _ := c.Args["view"].(map[string]any)
			if v, ok := c.Args["view"].(string); ok {
				_ = json.Unmarshal([]byte(v), &view)
			}
			blocks, _ := json.Marshal(view["blocks"])
			d.print("views.publish (Home tab)", "", blocks, devReply{channel: "CDEV"})
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
			where := c.Method
			if channel != "" {
				where += " to " + channel
			}
			if thread != "" {
				where += " in thread " + thread
			}
			switch {
			case c.Method != "response_url":
			case c.Args["replace_original"] == true || c.Args["replace_original"] == "true":
				where += " (only you can see this, in place of the answer)"
			default:
				where += " (only you can see this)"
			}
			d.print(where, text, []byte(blocks), devReply{channel: channel, thread: thread, ephemeral: c.Method == "response_url"})
		}
	}
	d.seen = len(calls)
}

func (d *devSession) print(where, text string, blocks []byte, to devReply) {
	fmt.Fprintf(d.env.stdout, "\n── %s ──\n", where)
	msg, err := blockkit.ParseMessage(text, blocks)
	if err != nil {
		fmt.Fprintf(d.env.stderr, "unreadable reply: %v\n", err)
		return
	}
	if hasButtons(msg) {
		to.msg = msg
		d.last = to
	}
	fmt.Fprint(d.env.stdout, blockkit.Readable(msg))
	if d.json {
		fmt.Fprintf(d.env.stdout, "%s\n", blocks)
	}
	d.noteReply(blocks, to)
}

// hasButtons reports whether a message has buttons to click.
func hasButtons(m blockkit.Message) bool { return len(m.Elements()) > 0 }
