package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/bot/store/pgtest"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// The tests of this file, like the owners', run one at a time, before the
// parallel tests of the package.

// startOn runs one more server against fake (which the caller closes),
// configured by configure, and waits for its connection; it returns the
// harness and the number of its connection.
func startOn(t *testing.T, fake *fakeslack.Slack, ix *index.Index, configure func(*Config)) (*harness, int) {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		AppToken: "xapp-1-A1-secret-app-token",
		BotToken: "xoxb-secret-bot-token",
		APIURL:   fake.APIURL(),
		Logger:   slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if configure != nil {
		configure(&cfg)
	}
	srv := NewServer(cfg, ix)
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{fake: fake, server: srv, cancel: cancel, done: make(chan error, 1), logs: logs}
	before := fake.Connections()
	go func() { h.done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		h.done <- <-h.done
	})
	if !fake.WaitFor(wait, func() bool { return fake.Connections() > before }) {
		t.Fatalf("server never connected; logs:\n%s", logs.String())
	}
	return h, fake.Connections() - 1
}

// newFake starts a fake Slack that, at the end of the test, must have
// refused nothing.
func newFake(t *testing.T) *fakeslack.Slack {
	t.Helper()
	fake := fakeslack.New()
	t.Cleanup(func() {
		fake.Close()
		for _, r := range fake.Refusals() {
			t.Errorf("Slack refuses a reply: %s", r)
		}
	})
	return fake
}

// opener reports whether a post opens a conversation rather than answers:
// the welcome, or the offer to build a plan, both with prompt buttons.
func opener(c fakeslack.Call) bool {
	blocks, _ := c.Args["blocks"].(string)
	return strings.Contains(blocks, `"action_id":"`+blockkit.ActionPrompt+`:`)
}

// reply is a message the bot sent: where, and what people see.
type reply struct {
	// ts is a post's, or the message an update replaced; thread is the
	// thread it is in.
	method, channel, thread, ts string
	replace                     bool
	blocks                      any
	text                        string // as the terminal view reads it
}

// replies returns the messages the bot sent so far (posts, updates and
// response_url replies), in order.
func sent(t *testing.T, fake *fakeslack.Slack) []reply {
	t.Helper()
	var out []reply
	threads := map[string]string{}
	for _, c := range fake.Calls() {
		if c.Method != "chat.postMessage" && c.Method != "chat.update" && c.Method != "response_url" {
			continue
		}
		r := reply{method: c.Method, blocks: c.Args["blocks"], ts: c.TS}
		r.channel, _ = c.Args["channel"].(string)
		r.thread, _ = c.Args["thread_ts"].(string)
		if c.Method == "chat.update" {
			r.ts, _ = c.Args["ts"].(string)
			r.thread = threads[r.ts]
		}
		threads[r.ts] = r.thread
		r.replace = c.Method == "chat.update" || c.Args["replace_original"] == true || c.Args["replace_original"] == "true"
		r.text = readable(t, c.Args["text"], c.Args["blocks"])
		out = append(out, r)
	}
	return out
}

// readable renders a message's text and blocks (a JSON string, or decoded
// JSON) as the terminal view does.
func readable(t *testing.T, text, blocks any) string {
	t.Helper()
	raw, ok := blocks.(string)
	if !ok {
		b, err := json.Marshal(blocks)
		if err != nil {
			t.Fatal(err)
		}
		raw = string(b)
	}
	fallback, _ := text.(string)
	msg, err := blockkit.ParseMessage(fallback, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return blockkit.Readable(msg)
}

// waitSent waits until n messages are sent, then a little longer for any
// that should not come, and returns them all.
func waitSent(t *testing.T, fake *fakeslack.Slack, n int) []reply {
	t.Helper()
	fake.WaitFor(wait, func() bool { return len(sent(t, fake)) >= n })
	time.Sleep(150 * time.Millisecond)
	got := sent(t, fake)
	if len(got) != n {
		var b strings.Builder
		for _, r := range got {
			fmt.Fprintf(&b, "\n── %s to %s in %q ──\n%s", r.method, r.channel, r.thread, r.text)
		}
		t.Fatalf("want %d messages sent, got %d:%s", n, len(got), b.String())
	}
	return got
}

// ackPayload sends a /director command by user on connection conn (-1:
// the newest) and returns the decoded payload of its ack.
func ackPayload(t *testing.T, h *harness, conn int, user, text string) map[string]any {
	t.Helper()
	e := h.fake.SlashCommand(text, user, "C1")
	acked := h.fake.AckOf(e.ID())
	var err error
	if conn < 0 {
		err = h.fake.Send(e)
	} else {
		err = h.fake.DeliverOn(conn, e)
	}
	if err != nil {
		t.Fatal(err)
	}
	select {
	case a := <-acked:
		var out map[string]any
		if err := json.Unmarshal(a.Payload, &out); err != nil {
			t.Fatalf("ack of /director %s: %v (%s)", text, err, a.Payload)
		}
		return out
	case <-time.After(wait):
		t.Fatalf("/director %s never acked", text)
		return nil
	}
}

// button finds a button of a kind in a message's blocks: its action_id
// and value.
func button(t *testing.T, blocks any, kind string) (actionID, value string) {
	t.Helper()
	raw, ok := blocks.(string)
	if !ok {
		b, _ := json.Marshal(blocks)
		raw = string(b)
	}
	msg, err := blockkit.ParseMessage("x", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range msg.Elements() {
		if btn, ok := e.(*slack.ButtonBlockElement); ok && blockkit.ActionOf(btn.ActionID) == kind {
			return btn.ActionID, btn.Value
		}
	}
	t.Fatalf("no %s button in %s", kind, raw)
	return "", ""
}

// deliver sends an envelope on conn (-1: the newest) and waits for its ack.
func deliver(t *testing.T, h *harness, conn int, e fakeslack.Envelope) {
	t.Helper()
	acked := h.fake.AckOf(e.ID())
	var err error
	if conn < 0 {
		err = h.fake.Send(e)
	} else {
		err = h.fake.DeliverOn(conn, e)
	}
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-acked:
	case <-time.After(wait):
		t.Fatalf("envelope %s never acked", e.ID())
	}
}

var planTS atomic.Int64

func nextTS() string { return fmt.Sprintf("1700000100.%06d", planTS.Add(1)) }

// tick ticks the form's boxes whose labels start with one of labels, as a
// person does, one click each.
func tick(t *testing.T, h *harness, conn int, f *fakeslack.Form, user string, w fakeslack.Where, labels ...string) {
	t.Helper()
	for _, l := range labels {
		i := slices.IndexFunc(f.Boxes, func(b fakeslack.Checkbox) bool { return strings.HasPrefix(b.Text, l) })
		if i < 0 {
			t.Fatalf("no checkbox %q in %+v", l, f.Boxes)
		}
		deliver(t, h, conn, h.fake.Tick(f, i, user, w))
	}
}

// submit clicks the form's Build my plan button.
func submit(t *testing.T, h *harness, conn int, f *fakeslack.Form, blocks any, user string, w fakeslack.Where) {
	t.Helper()
	id, value := button(t, blocks, blockkit.ActionPlanBuild)
	deliver(t, h, conn, h.fake.Submit(f, id, value, user, w))
}

// TestWelcomeAndPromptsInPlainDMs: the Messages tab and a first DM get the
// welcome once, with the guide's four prompts as buttons; a prompt's
// click is answered as its message; the plan's prompt starts the
// self-assessment. No agent call is made.
func TestWelcomeAndPromptsInPlainDMs(t *testing.T) {
	fake := newFake(t)
	h, _ := startOn(t, fake, guidetest.Embedded(t), nil)
	deliver(t, h, -1, fakeslack.MessagesTabOpened("EvW1", "U1", "D1"))
	deliver(t, h, -1, fakeslack.MessagesTabOpened("EvW2", "U1", "D1"))
	got := waitSent(t, fake, 1)
	if got[0].channel != "D1" || !strings.Contains(got[0].text, "[Am I ready for VP?] [Director vs VP in one table] [What does a VP's week look like?] [Build my transition plan]") {
		t.Errorf("welcome = %+v", got[0])
	}
	// Another person's first DM: the welcome, then the answer.
	deliver(t, h, -1, fakeslack.DirectMessage("EvW3", "who does a VP report to?", "U2", "D2", nextTS()))
	waitSent(t, fake, 3)
	deliver(t, h, -1, fakeslack.DirectMessage("EvW4", "what skills does a director need?", "U2", "D2", nextTS()))
	got = waitSent(t, fake, 4)
	if !strings.Contains(got[1].text, "Hi! I'm Director Bot") || !strings.Contains(got[2].text, "Reports to") || !strings.Contains(got[3].text, "Key Skill Sets") {
		t.Errorf("first DMs: %q, %q, %q", got[1].text, got[2].text, got[3].text)
	}
	// The prompts' buttons: each is answered as its message.
	welcome, _ := got[0].blocks.(string)
	for i, want := range []string{"How does a VP spend their time each week?", "Build my transition plan"} {
		if !strings.Contains(welcome, `"value":"`+want+`"`) {
			t.Fatalf("welcome lacks prompt %q", want)
		}
		deliver(t, h, -1, fake.ButtonClick(fmt.Sprint("prompt:", i+2), want, "U1", "D1", nextTS(), false))
		got = waitSent(t, fake, 5+i)
	}
	if got[4].channel != "D1" || !strings.Contains(got[4].text, "Activity Time Comparison") {
		t.Errorf("the week prompt: %+v", got[4])
	}
	form := fakeslack.FormOf(got[5].blocks)
	if got[5].channel != "D1" || len(form.Boxes) != 7 || !strings.Contains(got[5].text, "Career Progression Indicators") {
		t.Errorf("the plan prompt: %+v", got[5])
	}
	for _, c := range fake.Calls() {
		if c.Method == fakeslack.SetSuggestedPrompts {
			t.Errorf("a plain DM set suggested prompts: %+v", c)
		}
	}
}

// TestPlanNudgeOnceADay: answers about the path in a DM offer the plan
// once, not after every answer.
func TestPlanNudgeOnceADay(t *testing.T) {
	fake := newFake(t)
	h, _ := startOn(t, fake, guidetest.Embedded(t), nil)
	// Asked how to become a director, the asker is told the guide does
	// not say, and offered no plan.
	for i, q := range []string{"how long does it take to become a director?", "how long before a director becomes a VP?", "what should I do to make the transition to VP?", "what skills does a director need?"} {
		deliver(t, h, -1, fakeslack.DirectMessage(fmt.Sprint("EvN", i), q, "U3", "D3", nextTS()))
	}
	// The welcome, four answers and one offer of the plan, after the
	// second.
	got := waitSent(t, fake, 6)
	nudges := 0
	for _, m := range got {
		if strings.HasPrefix(m.text, "Want to know where you stand?") {
			nudges++
		}
	}
	if nudges != 1 || !strings.Contains(got[len(got)-1].text, "Key Skill Sets") || !strings.HasPrefix(got[3].text, "Want to know where you stand?") {
		t.Errorf("%d offers of the plan in %d messages, want 1 after the answer about becoming a VP", nudges, len(got))
	}
}

// TestAgentThreadWelcomeAndPrompts: with the agent feature, a new thread
// gets Slack's suggested prompts and a welcome in the thread; a prompt's
// message, the assessment and the plan all stay in the thread.
func TestAgentThreadWelcomeAndPrompts(t *testing.T) {
	fake := newFake(t)
	fake.EnableAssistant()
	ix := guidetest.Embedded(t)
	h, _ := startOn(t, fake, ix, nil)
	deliver(t, h, -1, fakeslack.AssistantThreadStarted("EvA1", "U1", "D9", "1700000200.000001"))
	got := waitSent(t, fake, 1)
	if got[0].channel != "D9" || got[0].thread != "1700000200.000001" || strings.Contains(got[0].text, "[") || !strings.Contains(got[0].text, "where you stand") {
		t.Errorf("thread welcome = %+v", got[0])
	}
	var prompts []fakeslack.Call
	for _, c := range fake.Calls() {
		if c.Method == fakeslack.SetSuggestedPrompts {
			prompts = append(prompts, c)
		}
	}
	if len(prompts) != 1 || prompts[0].Args["channel_id"] != "D9" || prompts[0].Args["thread_ts"] != "1700000200.000001" || prompts[0].Args["title"] != blockkit.PromptsTitle {
		t.Fatalf("suggested prompts calls = %+v", prompts)
	}
	var set []slack.AssistantThreadsPrompt
	if err := json.Unmarshal([]byte(prompts[0].Args["prompts"].(string)), &set); err != nil {
		t.Fatal(err)
	}
	want := blockkit.Prompts(ix.Guide())
	if len(set) != 4 || set[2].Title != want[2].Title || set[2].Message != "How does a VP spend their time each week?" || set[3].Message != "Build my transition plan" {
		t.Errorf("prompts = %+v", set)
	}
	// Picking a prompt sends its message in the thread.
	thread := "1700000200.000001"
	deliver(t, h, -1, fakeslack.ThreadMessage("EvA2", "Build my transition plan", "U1", "D9", nextTS(), thread))
	got = waitSent(t, fake, 2)
	if got[1].thread != thread {
		t.Fatalf("assessment outside the thread: %+v", got[1])
	}
	form := fakeslack.FormOf(got[1].blocks)
	where := fakeslack.Where{Channel: "D9", MessageTS: got[1].ts, ThreadTS: thread}
	tick(t, h, -1, form, "U1", where, "Strong relationships", "Business acumen")
	submit(t, h, -1, form, got[1].blocks, "U1", where)
	got = waitSent(t, fake, 3) // the ticks are acked, never answered
	if got[2].thread != thread || !strings.Contains(got[2].text, "you show 2 of 7") || !strings.Contains(got[2].text, "⬜ Composure and judgment during crises") {
		t.Errorf("plan in the thread = %+v", got[2])
	}
	// The plan takes the assessment's place, as it does in a private
	// reply: the form is not there to be sent twice.
	if got[2].method != "chat.update" || got[2].ts != got[1].ts {
		t.Errorf("the plan should replace the assessment: %+v", got[2])
	}
	// A question in the thread is answered there; the plan exists, so no
	// offer to build one follows.
	deliver(t, h, -1, fakeslack.ThreadMessage("EvA3", "Am I ready for VP?", "U1", "D9", nextTS(), thread))
	got = waitSent(t, fake, 4)
	if got[3].thread != thread || !strings.Contains(got[3].text, "Career Progression Indicators") {
		t.Errorf("answer in the thread = %+v", got[3])
	}
	// Read from the plan, in the thread; "example?" then asks of the
	// section read, which showed its example.
	id, value := button(t, got[2].blocks, blockkit.ActionPlanRead)
	deliver(t, h, -1, fake.ClickIn(id, value, "U1", fakeslack.Where{Channel: "D9", MessageTS: got[2].ts, ThreadTS: thread}))
	waitSent(t, fake, 5)
	deliver(t, h, -1, fakeslack.ThreadMessage("EvA4", "example?", "U1", "D9", nextTS(), thread))
	got = waitSent(t, fake, 6)
	if !strings.Contains(got[5].text, "The answer above gives the guide's example of") {
		t.Errorf("example? after Read in the thread:\n%s", got[5].text)
	}
	for _, r := range got {
		if r.thread == "" {
			t.Errorf("a reply outside the agent thread: %+v", r)
		}
	}
}

// TestCheckboxesBuildThePlanAndTickingAgainUpdatesIt runs the assessment
// of the embedded guide privately (/director plan), submits it, reads the
// plan back, and ticks again.
func TestCheckboxesBuildThePlanAndTickingAgainUpdatesIt(t *testing.T) {
	fake := newFake(t)
	h, _ := startOn(t, fake, guidetest.Embedded(t), nil)
	first := ackPayload(t, h, -1, "U1", "plan")
	if first["response_type"] != "ephemeral" || !strings.Contains(readable(t, first["text"], first["blocks"]), "[ ] Strong relationships with C-level executives") {
		t.Fatalf("/director plan without a plan: %v", first)
	}
	form := fakeslack.FormOf(first["blocks"])
	where := fakeslack.Where{Channel: "C1", MessageTS: nextTS(), Ephemeral: true}
	tick(t, h, -1, form, "U1", where, "Strong relationships", "External visibility", "Business acumen")
	submit(t, h, -1, form, first["blocks"], "U1", where)
	got := waitSent(t, fake, 1)
	plan := got[0]
	if plan.method != "response_url" || !plan.replace {
		t.Errorf("the plan should replace the private form: %+v", plan)
	}
	for _, want := range []string{
		"you show 3 of 7",
		"✅ What you have\n• Strong relationships with C-level executives\n• External visibility and thought leadership\n• Business acumen beyond engineering metrics",
		"🎯 Your gaps (4), and what closes them",
		"⬜ Ability to set and execute multi-year technical strategy\n→ 1. Think Like an Executive",
		"⬜ Track record of building and developing Directors\n→ 6. Demonstrate Scalable Leadership",
		"⬜ Experience navigating organizational change at scale\n→ 3. Own Organizational Design",
		"⬜ Composure and judgment during crises\n→ 5. Handle Ambiguity and Crisis",
		"⏱ Timeline\nTypically 4-7 years",
		"⚠️ Common Pitfalls to Avoid",
	} {
		if !strings.Contains(plan.text, want) {
			t.Errorf("plan lacks %q:\n%s", want, plan.text)
		}
	}
	again := ackPayload(t, h, -1, "U1", "plan")
	if text := readable(t, again["text"], again["blocks"]); !strings.Contains(text, "you show 3 of 7") || !strings.Contains(text, "⬜ Composure") {
		t.Errorf("/director plan after the assessment:\n%s", text)
	}
	// A question about one's own gaps is the plan's to answer.
	gaps := ackPayload(t, h, -1, "U1", "which of my gaps should I work on first?")
	if text := readable(t, gaps["text"], gaps["blocks"]); !strings.Contains(text, "you show 3 of 7") {
		t.Errorf("/director which of my gaps should I work on first?\n%s", text)
	}
	// Reading an action from the plan opens it below, privately.
	id, value := button(t, again["blocks"], blockkit.ActionPlanRead)
	deliver(t, h, -1, fake.ButtonClick(id, value, "U1", "C1", nextTS(), true))
	waitSent(t, fake, 2)
	// Ticking again: the form comes back ticked as kept.
	id, value = button(t, again["blocks"], blockkit.ActionPlanUpdate)
	deliver(t, h, -1, fake.ButtonClick(id, value, "U1", "C1", nextTS(), true))
	got = waitSent(t, fake, 3)
	if got[1].replace || !strings.Contains(got[1].text, "1. Think Like an Executive") {
		t.Errorf("Read from the plan: %+v", got[1])
	}
	if !got[2].replace || !strings.Contains(got[2].text, "[x] Strong relationships") || !strings.Contains(got[2].text, "[ ] Composure") {
		t.Fatalf("the form again: %+v", got[2])
	}
	form = fakeslack.FormOf(got[2].blocks)
	tick(t, h, -1, form, "U1", where, "External visibility", "Composure")
	submit(t, h, -1, form, got[2].blocks, "U1", where)
	got = waitSent(t, fake, 4)
	if !strings.Contains(got[3].text, "• Composure and judgment during crises") || !strings.Contains(got[3].text, "⬜ External visibility and thought leadership") {
		t.Errorf("the updated plan:\n%s", got[3].text)
	}
	last := ackPayload(t, h, -1, "U1", "my plan")
	if text := readable(t, last["text"], last["blocks"]); !strings.Contains(text, "⬜ External visibility") || strings.Contains(text, "⬜ Composure") {
		t.Errorf("/director my plan after ticking again:\n%s", text)
	}
}

// TestSecondGuidePlanInDMs runs the whole flow on another guide, in a
// plain DM: its welcome's prompts, its twelve indicators in two groups,
// its plan.
func TestSecondGuidePlanInDMs(t *testing.T) {
	fake := newFake(t)
	h, _ := startOn(t, fake, guidetest.Page(t, guidetest.StaffGuide), nil)
	deliver(t, h, -1, fakeslack.MessagesTabOpened("EvS1", "U1", "D1"))
	got := waitSent(t, fake, 1)
	if !strings.Contains(got[0].text, "[Build my transition plan] [Ways to Grow] [How Long It Takes] [Traps]") || !strings.Contains(got[0].text, "tick what you already show of the Signals You Operate at Staff Level,") {
		t.Fatalf("welcome:\n%s", got[0].text)
	}
	id, value := button(t, got[0].blocks, blockkit.ActionPrompt)
	deliver(t, h, -1, fake.ButtonClick(id, value, "U1", "D1", nextTS(), false))
	got = waitSent(t, fake, 2)
	form := fakeslack.FormOf(got[1].blocks)
	if len(form.Boxes) != 12 || form.Boxes[10].BlockID == form.Boxes[9].BlockID {
		t.Fatalf("twelve indicators in two groups: %+v", form.Boxes)
	}
	where := fakeslack.Where{Channel: "D1", MessageTS: got[1].ts}
	tick(t, h, -1, form, "U1", where, "Lead technical direction", "Are sought out")
	submit(t, h, -1, form, got[1].blocks, "U1", where)
	got = waitSent(t, fake, 3)
	for _, want := range []string{"you show 2 of 12", "🎯 Your gaps (10)", "⬜ Writes design documents other teams adopt\n→ Write for a Wider Audience",
		"⬜ Mentor senior engineers into technical leads\n→ Grow Others", "⏱ How Long It Takes\nUsually 2-4 years", "⚠️ Traps", "[Update my answers] [Ways to Grow]"} {
		if !strings.Contains(got[2].text, want) {
			t.Errorf("plan lacks %q:\n%s", want, got[2].text)
		}
	}
	if got[2].channel != "D1" || strings.Contains(got[2].text, "VP") {
		t.Errorf("plan = %+v", got[2])
	}
	// Read from the plan in the DM: nobody else is there to share it with.
	id, value = button(t, got[2].blocks, blockkit.ActionPlanRead)
	deliver(t, h, -1, fake.ButtonClick(id, value, "U1", "D1", nextTS(), false))
	got = waitSent(t, fake, 4)
	if got[3].channel != "D1" || strings.Contains(got[3].text, "Share in channel") {
		t.Errorf("Read from a plan in a DM = %+v", got[3])
	}
	// A guide without indicators offers no plan.
	fake2 := newFake(t)
	h2, _ := startOn(t, fake2, guidetest.Page(t, "# EM\n\n## Duties\n\n- hire\n- coach\n"), nil)
	if text := readable(t, "", ackPayload(t, h2, -1, "U1", "plan")["blocks"]); !strings.Contains(text, "no readiness indicators") {
		t.Errorf("/director plan without indicators:\n%s", text)
	}
}

// buildPlanWith runs /director plan and ticks labels on connection conn,
// and returns the plan the bot sent.
func buildPlanWith(t *testing.T, h *harness, conn int, user string, labels ...string) string {
	t.Helper()
	before := len(sent(t, h.fake))
	form0 := ackPayload(t, h, conn, user, "plan")
	form := fakeslack.FormOf(form0["blocks"])
	where := fakeslack.Where{Channel: "C1", MessageTS: nextTS(), Ephemeral: true}
	tick(t, h, conn, form, user, where, labels...)
	submit(t, h, conn, form, form0["blocks"], user, where)
	got := waitSent(t, h.fake, before+1)
	return got[before].text
}

// TestPlanSurvivesARestart keeps the plan in SQLite: after a restart on
// the same file, /director plan shows it.
func TestPlanSurvivesARestart(t *testing.T) {
	fake := newFake(t)
	url := sqliteURL(t)
	st := openStore(t, url)
	h, _ := startOn(t, fake, guidetest.Embedded(t), func(c *Config) { c.Plans, c.Claims, c.Questions = st, st, st })
	if plan := buildPlanWith(t, h, -1, "U1", "Strong relationships", "Composure"); !strings.Contains(plan, "you show 2 of 7") {
		t.Fatalf("plan:\n%s", plan)
	}
	if _, err := h.stop(t); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st2 := openStore(t, url)
	h2, _ := startOn(t, fake, guidetest.Embedded(t), func(c *Config) { c.Plans, c.Claims, c.Questions = st2, st2, st2 })
	after := ackPayload(t, h2, -1, "U1", "plan")
	if text := readable(t, after["text"], after["blocks"]); !strings.Contains(text, "you show 2 of 7") || !strings.Contains(text, "• Composure and judgment during crises") {
		t.Errorf("/director plan after a restart:\n%s", text)
	}
}

// TestPlanFromAnotherReplica keeps the plan in PostgreSQL: one replica
// builds it, the other shows it; nobody else sees it.
func TestPlanFromAnotherReplica(t *testing.T) {
	url := pgtest.URL(t)
	fake := newFake(t)
	stA, stB := openStore(t, url), openStore(t, url)
	a, connA := startOn(t, fake, guidetest.Embedded(t), func(c *Config) { c.Plans, c.Claims = stA, stA })
	_, connB := startOn(t, fake, guidetest.Embedded(t), func(c *Config) { c.Plans, c.Claims = stB, stB })
	if plan := buildPlanWith(t, a, connA, "U1", "External visibility"); !strings.Contains(plan, "you show 1 of 7") {
		t.Fatalf("plan on replica A:\n%s", plan)
	}
	onB := ackPayload(t, a, connB, "U1", "plan")
	if text := readable(t, onB["text"], onB["blocks"]); !strings.Contains(text, "you show 1 of 7") || !strings.Contains(text, "• External visibility and thought leadership") {
		t.Errorf("/director plan on replica B:\n%s", text)
	}
	other := ackPayload(t, a, connB, "U2", "plan")
	if text := readable(t, other["text"], other["blocks"]); strings.Contains(text, "Your transition plan") || strings.Contains(text, "[x]") {
		t.Errorf("another person's /director plan on replica B shows U1's:\n%s", text)
	}
}

// TestForgetMe deletes everything kept about a person, says what else is
// kept, and leaves everyone else's plan.
func TestForgetMe(t *testing.T) {
	fake := newFake(t)
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	h, _ := startOn(t, fake, guidetest.Embedded(t), func(c *Config) {
		c.Plans, c.Claims, c.Questions, c.Retention = st, st, st, 30*24*time.Hour
	})
	buildPlanWith(t, h, -1, "U1", "Strong relationships")
	buildPlanWith(t, h, -1, "U2", "Business acumen")
	deliver(t, h, -1, fakeslack.DirectMessage("EvF1", "hi", "U1", "D1", nextTS()))
	waitSent(t, fake, 3)

	reply := ackPayload(t, h, -1, "U1", "forget me")
	text := readable(t, reply["text"], reply["blocks"])
	for _, want := range []string{"deleted everything I kept about you: your self-assessment", "without any user or channel ID", "deleted after 30 days"} {
		if !strings.Contains(text, want) {
			t.Errorf("forget me lacks %q:\n%s", want, text)
		}
	}
	if _, ok, _ := st.Plan(t.Context(), "U1"); ok {
		t.Error("U1's plan survived forget me")
	}
	if first, _ := st.Welcome(t.Context(), "U1", time.Time{}); !first {
		t.Error("the note that U1 was welcomed survived forget me")
	}
	if _, ok, _ := st.Plan(t.Context(), "U2"); !ok {
		t.Error("U1's forget me deleted U2's plan")
	}
	if text := readable(t, "", ackPayload(t, h, -1, "U1", "plan")["blocks"]); strings.Contains(text, "Your transition plan") || strings.Contains(text, "[x]") {
		t.Errorf("/director plan after forget me:\n%s", text)
	}
	// A DM works too, and says when nothing was kept.
	deliver(t, h, -1, fakeslack.DirectMessage("EvF2", "forget me", "U3", "D3", nextTS()))
	got := waitSent(t, fake, 4)
	if got[3].channel != "D3" || !strings.Contains(got[3].text, "I kept nothing about you") {
		t.Errorf("forget me in a DM = %+v", got[3])
	}
}

// TestForgetMeRunsAgain: a plan clicked (or a welcome noted for a DM
// sent) before forget me but saved after it is deleted by the second
// forget, while a plan built after the forget stays; a second forget still
// waiting runs at shutdown.
func TestForgetMeRunsAgain(t *testing.T) {
	fake := newFake(t)
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	h, _ := startOn(t, fake, guidetest.Embedded(t), func(c *Config) {
		c.Plans, c.Claims, c.ForgetAgain = st, st, 2*time.Second
	})
	clicked := time.Now()
	ackPayload(t, h, -1, "U1", "forget me")
	ackPayload(t, h, -1, "U2", "forget me")
	// U1's click and first DM, made before the forget, are saved after it.
	if err := st.SavePlan(t.Context(), store.Plan{User: "U1", Path: "career-progression-indicators", Updated: clicked}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Welcome(t.Context(), "U1", clicked); err != nil {
		t.Fatal(err)
	}
	buildPlanWith(t, h, -1, "U2", "Business acumen")
	if !fake.WaitFor(5*time.Second, func() bool { _, ok, _ := st.Plan(t.Context(), "U1"); return !ok }) {
		t.Fatal("a plan saved after forget me, from a click before it, survived")
	}
	// The forget deletes the welcome's note before the plan (asking for
	// it while waiting would note a new one).
	if first, _ := st.Welcome(t.Context(), "U1", time.Time{}); !first {
		t.Error("a welcome noted after forget me, from a DM before it, survived")
	}
	time.Sleep(100 * time.Millisecond) // U2's second forget, due with U1's
	if _, ok, _ := st.Plan(t.Context(), "U2"); !ok {
		t.Error("a plan built after forget me was deleted")
	}

	// At shutdown the second forget runs at once.
	h2, _ := startOn(t, fake, guidetest.Embedded(t), func(c *Config) { c.Plans, c.Claims, c.ForgetAgain = st, st, time.Hour })
	clicked = time.Now()
	ackPayload(t, h2, -1, "U3", "forget me")
	if err := st.SavePlan(t.Context(), store.Plan{User: "U3", Path: "career-progression-indicators", Updated: clicked}); err != nil {
		t.Fatal(err)
	}
	if _, err := h2.stop(t); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := st.Plan(t.Context(), "U3"); ok {
		t.Error("a second forget waiting at shutdown did not run")
	}

	// A second forget runs even while the store is left alone after a
	// failure: it is not to be skipped like a welcome.
	h3, _ := startOn(t, fake, guidetest.Embedded(t), func(c *Config) { c.Plans, c.Claims, c.ForgetAgain = st, st, time.Hour })
	clicked = time.Now()
	ackPayload(t, h3, -1, "U4", "forget me")
	if err := st.SavePlan(t.Context(), store.Plan{User: "U4", Path: "career-progression-indicators", Updated: clicked}); err != nil {
		t.Fatal(err)
	}
	h3.server.plansDown.begin()
	if _, err := h3.stop(t); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := st.Plan(t.Context(), "U4"); ok {
		t.Error("a second forget was skipped while the store was left alone")
	}
}

// TestNobodySeesAnothersPlan: a plan asked for in a channel goes to the
// asker's DM; another person's /director plan, update and submit never
// show or change the first one's.
func TestNobodySeesAnothersPlan(t *testing.T) {
	fake := newFake(t)
	h, _ := startOn(t, fake, guidetest.Embedded(t), nil)
	mine := buildPlanWith(t, h, -1, "U1", "Strong relationships", "External visibility", "Business acumen")
	if !strings.Contains(mine, "you show 3 of 7") {
		t.Fatalf("U1's plan:\n%s", mine)
	}
	// U2 asks: the form, nothing ticked.
	theirs := ackPayload(t, h, -1, "U2", "plan")
	if text := readable(t, "", theirs["blocks"]); strings.Contains(text, "[x]") || strings.Contains(text, "Your transition plan") {
		t.Errorf("U2's /director plan:\n%s", text)
	}
	// U2 clicks Update on a copy of U1's plan message: U2's own form.
	id, value := "plan_update:0", guidetest.Embedded(t).Guide().Path().Indicators.ID
	deliver(t, h, -1, fake.ButtonClick(id, value, "U2", "C1", nextTS(), true))
	got := waitSent(t, fake, 2)
	if strings.Contains(got[1].text, "[x]") {
		t.Errorf("U2's update shows U1's ticks:\n%s", got[1].text)
	}
	// U2 submits a form ticked as U1's: it becomes U2's plan, U1's stays.
	form := fakeslack.FormOf(theirs["blocks"])
	where := fakeslack.Where{Channel: "C1", MessageTS: nextTS(), Ephemeral: true}
	tick(t, h, -1, form, "U2", where, "Composure")
	submit(t, h, -1, form, theirs["blocks"], "U2", where)
	waitSent(t, fake, 3)
	if text := readable(t, "", ackPayload(t, h, -1, "U1", "plan")["blocks"]); !strings.Contains(text, "you show 3 of 7") || strings.Contains(text, "• Composure") {
		t.Errorf("U1's plan after U2's submit:\n%s", text)
	}
	// Asked for in a channel, the plan goes to the asker's DM.
	deliver(t, h, -1, fakeslack.Mention("EvN1", "<@UBOT> show my plan", "U1", "C7", "1700000300.000100", ""))
	got = waitSent(t, fake, 5)
	for _, r := range got[3:] {
		switch r.channel {
		case "U1":
			if !strings.Contains(r.text, "you show 3 of 7") {
				t.Errorf("U1's DM:\n%s", r.text)
			}
		case "C7":
			if r.thread != "1700000300.000100" || strings.Contains(r.text, "Your transition plan") || !strings.Contains(r.text, "Plans are private: I've answered you in a DM") {
				t.Errorf("the channel sees:\n%s", r.text)
			}
		default:
			t.Errorf("a reply to %s: %+v", r.channel, r)
		}
	}
	// Forget me asked for in a channel is answered in the DM too, and the
	// channel is told so, not about plans.
	deliver(t, h, -1, fakeslack.Mention("EvN2", "<@UBOT> forget me", "U1", "C7", "1700000300.000200", ""))
	got = waitSent(t, fake, 7)
	for _, r := range got[5:] {
		switch {
		case r.channel == "U1" && !strings.Contains(r.text, "deleted"):
			t.Errorf("U1's DM after forget me:\n%s", r.text)
		case r.channel == "C7" && (strings.Contains(r.text, "Plans are private") || !strings.Contains(r.text, "in a DM")):
			t.Errorf("the channel sees, after forget me:\n%s", r.text)
		}
	}
	// The replies of /director plan are never cached for someone else.
	for _, k := range h.server.replies.Keys() {
		if k.question == "plan" {
			t.Errorf("a /director plan reply is in the reply cache: %+v", k)
		}
	}
}

// TestAHalfSentReplyIsNotSentAgain: a plan asked for in a channel goes to
// the asker's DM, and the note in the thread is refused (the channel was
// archived as the mention arrived). The DM was sent, so the work keeps its
// claim: Slack's retry of the event, delivered to another replica, sends
// nothing again.
func TestAHalfSentReplyIsNotSentAgain(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	url := sqliteURL(t)
	a := startReplica(t, fake, openStore(t, url))
	startReplica(t, fake, openStore(t, url))
	fake.Archive("C7")
	mention := func() fakeslack.Envelope {
		return fakeslack.Mention("EvH1", "<@UBOT> show my plan", "U1", "C7", "1700000500.000100", "")
	}
	deliver(t, a, 0, mention())
	got := waitSent(t, fake, 2)
	if got[0].channel != "U1" || got[1].channel != "C7" {
		t.Fatalf("sent to %s, then %s: want the DM, then the channel", got[0].channel, got[1].channel)
	}
	deliver(t, a, 1, mention())
	waitSent(t, fake, 2)
	if r := fake.Refusals(); len(r) != 1 || r[0].Error != fakeslack.IsArchived {
		t.Errorf("refusals = %v, want the note in the archived channel", r)
	}
}

// TestPlanMentionWhenTheDMFails asks for a plan in a channel when the
// person's DM cannot be posted to: the channel is told how to ask for it
// privately, not that it was sent.
func TestPlanMentionWhenTheDMFails(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.fake.FailNext("chat.postMessage", failingPost()...)
	h.send(t, fakeslack.Mention("EvDMF", "<@UBOT> show my plan", "U1", "C7", "1700000400.000100", ""))
	// noteIn is what the channel is told, once it is.
	noteIn := func(channel string) (note string) {
		h.fake.WaitFor(wait, func() bool {
			for _, c := range h.fake.Calls() {
				if c.Method == "chat.postMessage" && c.Args["channel"] == channel {
					note = blocksText(t, c.Args)
					return true
				}
			}
			return false
		})
		return note
	}
	note := noteIn("C7")
	if !strings.Contains(note, "couldn't reach you in a DM") || !strings.Contains(note, "/director plan") || strings.Contains(note, "sent yours") {
		t.Errorf("the channel is told, after the DM failed: %q", note)
	}
	// A DM Slack refused for what it held got an apology: it was reached.
	h.fake.RefuseNext("chat.postMessage", "invalid_blocks")
	h.send(t, fakeslack.Mention("EvDMF2", "<@UBOT> show my plan", "U1", "C8", "1700000400.000200", ""))
	note = noteIn("C8")
	if strings.Contains(note, "couldn't reach you") || !strings.Contains(note, "in a DM") {
		t.Errorf("the channel is told, after the DM got an apology: %q", note)
	}
}
