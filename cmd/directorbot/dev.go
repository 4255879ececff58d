package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot"
	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
)

func devCommand() command {
	return command{
		name:    "dev",
		summary: "Try the whole bot without Slack: a local fake Slack and the real bot, driven from the terminal.",
		usage:   "[--json] [--guide DIR]",
		examples: []string{
			"directorbot dev",
			"printf '/director skills\\n@bot how is a VP different?\\nhi\\n' | directorbot dev --json",
		},
		run: runDev,
	}
}

const devHelp = `Type what a person would send, one per line:
  /director skills                 a slash command (private answer)
  @bot how is a VP different?      a mention in a channel (threaded reply)
  how do I get ready for a VP role?  a DM
  home                             open the App Home tab
  quit                             stop`

func runDev(ctx context.Context, env *environment, args []string) error {
	fs, g := devCommand().guideFlagSet(env)
	asJSON := fs.Bool("json", false, "also print the Block Kit JSON of every reply")
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
	d := devSession{env: env, fake: fake, json: *asJSON}
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
	return <-done
}

// devSession sends what the user types to the bot through the fake Slack
// and prints what the bot sends back.
type devSession struct {
	env  *environment
	fake *fakeslack.Slack
	json bool
	seen int
}

func (d *devSession) say(n int, line string) {
	ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), n)
	var env fakeslack.Envelope
	switch {
	case strings.HasPrefix(line, "/director"):
		env = d.fake.SlashCommand(strings.TrimSpace(strings.TrimPrefix(line, "/director")), "UDEV", "CDEV")
	case strings.HasPrefix(line, "@"):
		_, text, _ := strings.Cut(line, " ")
		env = fakeslack.Mention(fmt.Sprint("EvDev", n), "<@"+fakeslack.BotUserID+"> "+text, "UDEV", "CDEV", ts, "")
	case line == "home":
		env = fakeslack.HomeOpened(fmt.Sprint("EvDev", n), "UDEV")
	default:
		env = fakeslack.DirectMessage(fmt.Sprint("EvDev", n), line, "UDEV", "DDEV", ts)
	}
	if err := d.fake.Send(env); err != nil {
		fmt.Fprintf(d.env.stderr, "send: %v\n", err)
		return
	}
	if env["type"] == "slash_commands" {
		d.printAck(env.ID())
		return
	}
	d.printCalls()
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
	d.print("ack (only you can see this)", reply.Text, reply.Blocks)
}

func (d *devSession) printCalls() {
	d.fake.WaitFor(5*time.Second, func() bool { return len(d.fake.Calls()) > d.seen })
	calls := d.fake.Calls()
	for _, c := range calls[d.seen:] {
		switch c.Method {
		case "views.publish":
			view, _ := json.Marshal(c.Args["view"].(map[string]any)["blocks"])
			d.print("views.publish (Home tab)", "", view)
		default:
			text, _ := c.Args["text"].(string)
			blocks, _ := c.Args["blocks"].(string)
			where := fmt.Sprintf("%s to %v", c.Method, c.Args["channel"])
			if th, ok := c.Args["thread_ts"]; ok {
				where += fmt.Sprintf(" in thread %v", th)
			}
			d.print(where, text, []byte(blocks))
		}
	}
	d.seen = len(calls)
}

func (d *devSession) print(where, text string, blocks []byte) {
	fmt.Fprintf(d.env.stdout, "\n── %s ──\n", where)
	msg, err := blockkit.ParseMessage(text, blocks)
	if err != nil {
		fmt.Fprintf(d.env.stderr, "unreadable reply: %v\n", err)
		return
	}
	fmt.Fprint(d.env.stdout, blockkit.Readable(msg))
	if d.json {
		fmt.Fprintf(d.env.stdout, "%s\n", blocks)
	}
}
