package bot

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/slack-go/slack"
)

// slashMessage sends /director with the text and reads the answer in the
// ack back into a message.
func (h *harness) slashMessage(t *testing.T, text string) blockkit.Message {
	t.Helper()
	var reply struct {
		Text   string          `json:"text"`
		Blocks json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(h.slash(t, text)), &reply); err != nil {
		t.Fatal(err)
	}
	msg, err := blockkit.ParseMessage(reply.Text, reply.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// elementOf returns the first element of a message of the given kind of
// action, from an actions or context_actions block.
func elementOf(t *testing.T, m blockkit.Message, kind string) slack.BlockElement {
	t.Helper()
	for _, b := range m.Blocks {
		var elems *slack.BlockElements
		switch b := b.(type) {
		case *slack.ActionBlock:
			elems = b.Elements
		case *slack.ContextActionsBlock:
			elems = b.Elements
		}
		if elems == nil {
			continue
		}
		for _, e := range elems.ElementSet {
			switch e := e.(type) {
			case *slack.ButtonBlockElement:
				if blockkit.ActionOf(e.ActionID) == kind {
					return e
				}
			case *slack.FeedbackButtonsBlockElement:
				if blockkit.ActionOf(e.ActionID) == kind {
					return e
				}
			}
		}
	}
	t.Fatalf("no %s element in %s", kind, blockkit.Readable(m))
	return nil
}

// TestFeedbackButtons clicks the 👍 and 👎 of an answer's feedback_buttons
// element: each vote is counted, and the voter alone is thanked, below
// the answer, which stays; the buttons of answers sent before still count.
func TestFeedbackButtons(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	fb := elementOf(t, h.slashMessage(t, "skills"), blockkit.ActionFeedback).(*slack.FeedbackButtonsBlockElement)
	for _, e := range []fakeslack.Envelope{
		h.fake.FeedbackClick(fb.ActionID, fb.PositiveButton.Value, "U1", "C1", "1.1", true),
		h.fake.FeedbackClick(fb.ActionID, fb.NegativeButton.Value, "U1", "C1", "1.1", true),
		h.fake.ButtonClick(blockkit.ActionFeedbackUp, "key-skill-sets", "U1", "C1", "1.1", false),
		h.fake.FeedbackClick(fb.ActionID, "sideways:key-skill-sets", "U1", "C1", "1.1", true),
	} {
		h.send(t, e)
		h.ackFor(t, e.ID())
	}
	replies := h.callsTo(t, "response_url", 3)
	thanks, sorry := 0, 0
	for _, r := range replies {
		if r.Args["replace_original"] == true || r.Args["replace_original"] == "true" {
			t.Errorf("a vote replaced the answer: %v", r.Args)
		}
		text, _ := r.Args["text"].(string)
		switch {
		case strings.Contains(text, "Try asking in other words"):
			sorry++
		case strings.HasPrefix(text, "Thanks for the feedback"):
			thanks++
		}
	}
	if thanks != 2 || sorry != 1 || len(replies) != 3 {
		t.Errorf("want 2 thanks and 1 thanks with advice, for 3 votes, got %d, %d of %d", thanks, sorry, len(replies))
	}
}

// homeButton opens user's Home tab and returns its first button that
// is, as the view Slack was sent holds it.
func homeButton(t *testing.T, h *harness, user string, is func(*slack.ButtonBlockElement) bool) *slack.ButtonBlockElement {
	t.Helper()
	h.send(t, fakeslack.HomeOpened("EvHome"+user, user))
	home := h.callsTo(t, "views.publish", 1)[0]
	var view struct {
		Blocks json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(blocksText(t, home.Args["view"])), &view); err != nil {
		t.Fatal(err)
	}
	msg, err := blockkit.ParseMessage("", view.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range msg.Elements() {
		if b, ok := e.(*slack.ButtonBlockElement); ok && is(b) {
			return b
		}
	}
	t.Fatalf("no such button on the Home tab: %s", blocksText(t, home.Args))
	return nil
}

// TestHomeButtonAnswersInADM: a click on the App Home tab comes from a
// view, with no channel and no response_url: the topic goes to the
// person's DM with the bot, where it is what the next message asks of.
func TestHomeButtonAnswersInADM(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	// Each topic's Open button is its section's accessory.
	open := homeButton(t, h, "U7", func(b *slack.ButtonBlockElement) bool { return blockkit.ActionOf(b.ActionID) == blockkit.ActionTopic })
	h.send(t, h.fake.HomeClick("", open.ActionID, open.Value, "U7"))
	post := h.callsTo(t, "chat.postMessage", 1)[0]
	if post.Args["channel"] != "U7" || post.Args["thread_ts"] != nil {
		t.Errorf("a Home tab topic should open in the person's DM: %.300v", post.Args)
	}
	if strings.Contains(post.Args["blocks"].(string), "Share in channel") {
		t.Errorf("a topic in the person's DM has no one to share it with: %.300v", post.Args)
	}
	if n := len(h.callsTo(t, "response_url", 0)); n != 0 {
		t.Errorf("%d response_url posts for a click that has none", n)
	}
	// The section opened in the DM is what the DM asks of next.
	h.idle(t)
	h.send(t, fakeslack.DirectMessage("EvHomeSource", "source?", "U7", "D123ABC456", "1700000003.000001"))
	// The first DM is welcomed first.
	if got := h.callsTo(t, "chat.postMessage", 3)[2].Args["blocks"].(string); !strings.Contains(got, "That answer is the guide's") {
		t.Errorf("source? in the DM after a topic opened from the Home tab: %.300s", got)
	}
}

// TestHomePlanOpensInTheDM: the Home tab's plan button opens, in the
// person's DM, the self-assessment while they have no plan, and their
// plan once they have one, not the checkboxes again.
func TestHomePlanOpensInTheDM(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	plan := homeButton(t, h, "U8", func(b *slack.ButtonBlockElement) bool {
		return blockkit.ActionOf(b.ActionID) == blockkit.ActionPrompt && blockkit.PlanIntent(b.Value) == blockkit.PlanShow
	})
	h.send(t, h.fake.HomeClick("", plan.ActionID, plan.Value, "U8"))
	post := h.callsTo(t, "chat.postMessage", 1)[0]
	if post.Args["channel"] != "U8" || !strings.Contains(post.Args["blocks"].(string), "Build my plan") {
		t.Errorf("the Home tab's plan should open as the self-assessment in the person's DM: %.300v", post.Args)
	}
	buildPlanWith(t, h, -1, "U8", "Strong relationships")
	n := len(h.callsTo(t, "chat.postMessage", 1))
	h.send(t, h.fake.HomeClick("", plan.ActionID, plan.Value, "U8"))
	post = h.callsTo(t, "chat.postMessage", n+1)[n]
	if blocks := post.Args["blocks"].(string); post.Args["channel"] != "U8" || !strings.Contains(blocks, "you show 1 of 7") || strings.Contains(blocks, "Build my plan") {
		t.Errorf("with a plan, the Home tab's plan button should show it: %.300v", post.Args)
	}
}

// TestButtonOnASharedAnswer: a shared answer went out through a
// response_url, in a channel the bot may not be in, where chat.postMessage
// fails with not_in_channel; each of its buttons is answered below it
// through the click's response_url, for the clicker alone, and the shared
// answer stays as everyone sees it; the private answer shared is deleted,
// and its Share button with it.
func TestButtonOnASharedAnswer(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	private := h.slashMessage(t, "how long before a director becomes a VP?")
	share := elementOf(t, private, blockkit.ActionShare).(*slack.ButtonBlockElement)
	h.send(t, h.fake.ButtonClick(share.ActionID, share.Value, "U1", "CSHARED", "1.1", true))
	calls := h.callsTo(t, "response_url", 2)
	shared := calls[0]
	// Shared once: the private answer, with its Share button, is gone.
	if calls[1].Args["delete_original"] != true {
		t.Errorf("after the share, the private answer should be deleted: %.300v", calls[1].Args)
	}
	msg, err := blockkit.ParseMessage("", []byte(blocksText(t, shared.Args["blocks"])))
	if err != nil {
		t.Fatal(err)
	}
	var block *slack.ActionBlock
	for _, b := range msg.Blocks {
		if ab, ok := b.(*slack.ActionBlock); ok {
			block = ab
		}
	}
	if block == nil || len(block.Elements.ElementSet) == 0 {
		t.Fatalf("the shared answer has no buttons: %s", blocksText(t, shared.Args))
	}
	topic := block.Elements.ElementSet[0].(*slack.ButtonBlockElement)
	h.send(t, h.fake.BlockButtonClick(block.BlockID, topic.ActionID, topic.Value, "U2", "CSHARED", "1.2", false))
	reply := h.callsTo(t, "response_url", 3)[2]
	if public(reply) || reply.Args["replace_original"] == true || !strings.Contains(blocksText(t, reply.Args), "Transition to VP") {
		t.Errorf("a topic of a shared answer should come below it, for the clicker alone: %.300v", reply.Args)
	}
	if posts := h.callsTo(t, "chat.postMessage", 0); len(posts) != 0 {
		t.Errorf("posted to a channel the bot is not in: %v", posts)
	}
}

// TestTopicInADMOffersNoShare opens a topic from a private answer in a
// channel, with Share in channel, and in a DM, without it: there is no one
// there to share it with.
func TestTopicInADMOffersNoShare(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	answer := h.slashMessage(t, "how long before a director becomes a VP?")
	topic := elementOf(t, answer, blockkit.ActionTopic).(*slack.ButtonBlockElement)
	for i, tt := range []struct {
		channel string
		share   bool
	}{{"C1", true}, {"D1", false}} {
		h.send(t, h.fake.ButtonClick(topic.ActionID, topic.Value, "U1", tt.channel, "1.1", true))
		reply := blocksText(t, h.callsTo(t, "response_url", i+1)[i].Args)
		if strings.Contains(reply, "Share in channel") != tt.share {
			t.Errorf("a topic opened in %s offers Share in channel: %v; want %v", tt.channel, !tt.share, tt.share)
		}
	}
}

// TestContinueReading follows an answer too long for one message: the
// rest comes behind Continue reading, in the thread of a public answer and
// below a private one.
func TestContinueReading(t *testing.T) {
	t.Parallel()
	page := "# Guide\n\n## Handbook\n\n" + strings.Repeat(strings.Repeat("handbook words fill the page ", 90)+"\n\n", 12)
	h := startServerWith(t, guidetest.Page(t, page))
	more := elementOf(t, h.slashMessage(t, "handbook"), blockkit.ActionMore).(*slack.ButtonBlockElement)
	h.send(t, h.fake.ButtonClick(more.ActionID, more.Value, "U1", "C1", "1.1", true))
	reply := h.callsTo(t, "response_url", 1)[0]
	if reply.Args["replace_original"] == true || !strings.Contains(blocksText(t, reply.Args), "Handbook (continued)") {
		t.Errorf("a private answer should go on below it: %.300v", reply.Args)
	}
	// A public answer is one the bot posted, in a channel it is in.
	h.fake.Join("C1")
	h.send(t, h.fake.ButtonClick(more.ActionID, more.Value, "U1", "C1", "1.2", false))
	post := h.callsTo(t, "chat.postMessage", 1)[0]
	if post.Args["thread_ts"] != "1.2" || !strings.Contains(post.Args["blocks"].(string), "Handbook (continued)") {
		t.Errorf("a public answer should go on in its thread: %.300v", post.Args)
	}
}

// TestGoneButtonLeavesTheMessage clicks buttons whose section the guide
// no longer has (renamed, say, after the answer was sent), wherever the
// answer is: each clicker alone is told, in a message of its own, and
// the message clicked stays as it was, neither replaced nor deleted.
func TestGoneButtonLeavesTheMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// click makes the click, on the harness's fake Slack.
		click func(*fakeslack.Slack) fakeslack.Envelope
		// in is where the notice goes: "response_url", for the clicker
		// alone, or the conversation it is posted to.
		in string
	}{
		{"topic of a private answer", func(f *fakeslack.Slack) fakeslack.Envelope {
			return f.ButtonClick(blockkit.ActionTopic, "no/such/section", "U1", "C1", "1.1", true)
		}, "response_url"},
		{"table of a private answer", func(f *fakeslack.Slack) fakeslack.Envelope {
			return f.ButtonClick(blockkit.ActionFullTable, "no-such-section#1", "U1", "C1", "1.1", true)
		}, "response_url"},
		{"Continue reading of a private answer", func(f *fakeslack.Slack) fakeslack.Envelope {
			return f.ButtonClick(blockkit.ActionMore, "no-such-section@2", "U1", "C1", "1.1", true)
		}, "response_url"},
		{"Share in channel", func(f *fakeslack.Slack) fakeslack.Envelope {
			return f.ButtonClick(blockkit.ActionShare, "no-such-section", "U1", "C1", "1.1", true)
		}, "response_url"},
		{"Read of a private plan", func(f *fakeslack.Slack) fakeslack.Envelope {
			return f.ButtonClick(blockkit.ActionPlanRead, "no-such-section", "U1", "C1", "1.1", true)
		}, "response_url"},
		{"topic of a shared answer", func(f *fakeslack.Slack) fakeslack.Envelope {
			return f.BlockButtonClick(blockkit.SharedActions, blockkit.ActionTopic, "no/such/section", "U1", "CSHARED", "1.1", false)
		}, "response_url"},
		// Everyone reads the thread: the notice is the clicker's alone.
		{"topic of an answer in a channel", func(f *fakeslack.Slack) fakeslack.Envelope {
			f.Join("C1")
			return f.ButtonClick(blockkit.ActionTopic, "no/such/section", "U1", "C1", "1.1", false)
		}, "response_url"},
		{"topic of an answer in the bot's DM", func(f *fakeslack.Slack) fakeslack.Envelope {
			return f.ButtonClick(blockkit.ActionTopic, "no/such/section", "U1", "D1", "1.1", false)
		}, "D1"},
		{"topic on the Home tab", func(f *fakeslack.Slack) fakeslack.Envelope {
			return f.HomeClick("", blockkit.ActionTopic, "no/such/section", "U1")
		}, "U1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := startServer(t)
			h.sendAcked(t, tt.click(h.fake))
			var replies []fakeslack.Call
			for _, c := range h.fake.Calls() {
				switch c.Method {
				case "response_url", "chat.postMessage", "chat.update", "chat.delete":
					replies = append(replies, c)
				}
			}
			if len(replies) != 1 {
				t.Fatalf("%d replies, want the notice alone: %.600v", len(replies), replies)
			}
			c := replies[0]
			in := c.Method
			if in != "response_url" {
				in, _ = c.Args["channel"].(string)
			}
			if in != tt.in {
				t.Errorf("the notice went to %s, want %s", in, tt.in)
			}
			if c.Args["replace_original"] == true || c.Args["delete_original"] == true || public(c) {
				t.Errorf("the notice should come below the message clicked, for the clicker alone: %.300v", c.Args)
			}
			if !strings.Contains(blocksText(t, c.Args), "no longer in the guide") {
				t.Errorf("no notice that the section is gone: %.300v", c.Args)
			}
		})
	}
}

// TestContinueReadingOnce clicks Continue reading again on answers it
// continued, after a double click's moment: the rest is posted once for
// each answer, and the click again is told where it is. A private
// answer keeps its button, which Slack gives the app no way to take off;
// a public one is continued once for all its readers. Below a shared
// answer, each clicker's rest is private, and may be gone while the
// shared answer stays: it comes each time. A continuation Slack refused
// is no continuation.
func TestContinueReadingOnce(t *testing.T) {
	t.Parallel()
	page := "# Guide\n\n## Handbook\n\n" + strings.Repeat(strings.Repeat("handbook words fill the page ", 90)+"\n\n", 12)
	h := startServerWith(t, guidetest.Page(t, page))
	more := elementOf(t, h.slashMessage(t, "handbook"), blockkit.ActionMore).(*slack.ButtonBlockElement)
	private := func(ts string) fakeslack.Envelope {
		return h.fake.ButtonClick(more.ActionID, more.Value, "U1", "C1", ts, true)
	}
	shared := func() fakeslack.Envelope {
		return h.fake.BlockButtonClick(blockkit.SharedActions, more.ActionID, more.Value, "U1", "CSHARED", "2.1", false)
	}
	public := func(user, ts string) fakeslack.Envelope {
		return h.fake.ButtonClick(more.ActionID, more.Value, user, "C1", ts, false)
	}
	h.fake.Join("C1")
	const rest, told = "Handbook (continued)", "continued already"
	for _, e := range []fakeslack.Envelope{private("1.1"), shared(), public("U1", "3.1"), public("U2", "3.1")} {
		h.sendAcked(t, e)
	}
	h.fake.RefuseNext("chat.postMessage", "channel_not_found")
	h.sendAcked(t, public("U1", "4.1"))
	h.sendAcked(t, public("U2", "4.1"))
	// Clicked again later than a double click.
	time.Sleep(doubleClick)
	for _, e := range []fakeslack.Envelope{private("1.1"), shared(), private("5.1")} {
		h.sendAcked(t, e)
	}
	var got []string
	for _, c := range h.fake.Calls() {
		text := blocksText(t, c.Args)
		switch {
		case c.Error != "":
			got = append(got, "refused")
		case c.Args["replace_original"] == true || c.Args["delete_original"] == true:
			got = append(got, "replaced")
		case strings.Contains(text, rest):
			got = append(got, c.Method+": rest")
		case strings.Contains(text, told):
			got = append(got, c.Method+": told")
		}
	}
	want := []string{
		"response_url: rest", "response_url: rest", "chat.postMessage: rest", "response_url: told",
		"refused", "chat.postMessage: rest",
		"response_url: told", "response_url: rest", "response_url: rest",
	}
	if !slices.Equal(got, want) {
		t.Errorf("replies to the clicks:\n got %q\nwant %q", got, want)
	}
}
