package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
)

// TestFollowUpInAThread: in the thread of an answer, "and for a VP?" asks
// its question again of a VP, and "and for a director?" after it of a
// director; a question of its own is read alone, and so are the same
// words in another thread, with no question to follow, or after the asker
// was forgotten, even when someone else asked for more of it, or asked it
// of the other role, since.
func TestFollowUpInAThread(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	// Each message is sent once the last is answered, as a person does.
	say := h.conversing(t)
	const (
		// The row that answers opens the reply: "> *Team size* — …".
		vp       = "*Team size* —"
		director = "30-100+ engineers"
	)
	if got := say("U1", "how many engineers does a director usually manage?", "3.1", ""); !strings.Contains(got, director) {
		t.Fatalf("the first answer lacks the director's org size: %.400s", got)
	}
	if got := say("U1", "and for a VP?", "3.2", "3.1"); !strings.Contains(got, vp) {
		t.Errorf("the follow-up should give the VP's team size: %.600s", got)
	}
	if got := say("U1", "and for a director?", "3.3", "3.1"); !strings.Contains(got, director) {
		t.Errorf("the follow-up back should give the director's org size: %.600s", got)
	}
	if got := say("U1", "what does a VP do?", "3.4", "3.1"); strings.Contains(got, vp) || strings.Contains(got, director) {
		t.Errorf("a question of its own is read alone: %.600s", got)
	}
	if got := say("U1", "and for a VP?", "4.1", ""); strings.Contains(got, vp) {
		t.Errorf("the same words in another thread have no question to follow: %.600s", got)
	}
	// Forgetting the asker forgets their question, here with no store,
	// though U2 asked for more of it since.
	if got := say("U1", "how many engineers does a director usually manage?", "6.1", ""); !strings.Contains(got, director) {
		t.Fatalf("the first answer lacks the director's org size: %.400s", got)
	}
	say("U2", "tell me more", "6.2", "6.1")
	if got := say("U2", "and for a VP?", "6.3", "6.1"); !strings.Contains(got, vp) {
		t.Errorf("U2's follow-up should give the VP's team size: %.600s", got)
	}
	if got := h.slash(t, "forget me"); !strings.Contains(got, "the last question you asked") {
		t.Fatalf("forget me should say it deleted the conversation's question: %s", got)
	}
	if got := say("U2", "and for a director?", "6.4", "6.1"); strings.Contains(got, director) {
		t.Errorf("a follow-up after forget me has no question to follow: %.600s", got)
	}
}

// TestFollowUpLeansOnTheAnswer: in a thread, a short question that finds
// nothing alone ("and how do i get there") asks within the chapter of the
// answer before it; in another thread it is refused.
func TestFollowUpLeansOnTheAnswer(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say := h.conversing(t)
	if got := say("U1", "how long to make vp", "7.1", ""); !strings.Contains(got, "Timeline") {
		t.Fatalf("the first answer is not the timeline: %.400s", got)
	}
	if got := say("U1", "and how do i get there", "7.2", "7.1"); !strings.Contains(got, "Key Actions to Make the Transition") || strings.Contains(got, "couldn") {
		t.Errorf("the follow-up should be answered from the transition's key actions: %.600s", got)
	}
	if got := say("U1", "and how do i get there", "8.1", ""); !strings.Contains(got, "couldn") || strings.Contains(got, "(Transition") {
		t.Errorf("with no answer before it, the message is refused in the asker's words: %.600s", got)
	}
	// Help and complaints after an answer are answered as such.
	if got := say("U1", "what can you do?", "7.3", "7.1"); !strings.Contains(got, "How to ask") {
		t.Errorf("help after an answer leaned on it: %.600s", got)
	}
	if got := say("U1", "why?", "7.4", "7.1"); strings.Contains(got, "Transition to VP") {
		t.Errorf("a complaint after an answer leaned on it: %.600s", got)
	}
}

// TestGreetingInAChannel: a mention that only greets gets a line on what
// the bot is, not the whole help for everyone in the thread to scroll
// past, and so does "say more" with nothing before it; "help" still gets
// the help.
func TestGreetingInAChannel(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.send(t, fakeslack.Mention("EvG1", "<@UBOT> hi!", "U1", "C1", "6.1", ""))
	if got := h.callsTo(t, "chat.postMessage", 1)[0].Args["blocks"].(string); strings.Contains(got, "*Topics*") || !strings.Contains(got, "/director help") {
		t.Errorf("a greeting in a channel got %.300s", got)
	}
	h.send(t, fakeslack.Mention("EvG2", "<@UBOT> help", "U1", "C1", "6.2", ""))
	if got := h.callsTo(t, "chat.postMessage", 2)[1].Args["blocks"].(string); !strings.Contains(got, "*Topics*") {
		t.Errorf("help in a channel got %.300s", got)
	}
	// "Say more" with no answer before it in the thread asked for none.
	h.send(t, fakeslack.Mention("EvG3", "<@UBOT> say more", "U1", "C1", "6.3", ""))
	if got := h.callsTo(t, "chat.postMessage", 3)[2].Args["blocks"].(string); strings.Contains(got, "*Topics*") || !strings.Contains(got, "no answer before this one") {
		t.Errorf("say more with nothing before it in a channel got %.300s", got)
	}
}

// TestFollowUpAnsweredAbove: a follow-up whose answer is the one just
// posted, or a part of it (a comparison's row gives both roles), says so, once, rather than
// posting the same answer again; one with an answer of its own gets it,
// and so does one answered from the same section only as another role's.
func TestFollowUpAnsweredAbove(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	n := 0
	say := func(text, ts string) string {
		n++
		h.send(t, fakeslack.Mention(fmt.Sprint("EvA", n), "<@UBOT> "+text, "U1", "C1", ts, "2.1"))
		blocks := h.callsTo(t, "chat.postMessage", n)[n-1].Args["blocks"].(string)
		h.idle(t)
		return blocks
	}
	if got := say("what's a director's span?", "2.1"); !strings.Contains(got, "*Span* —") {
		t.Fatalf("the first answer lacks the Span row: %.400s", got)
	}
	// What it says is said again: buttons may have posted more below it.
	if got := say("and for a VP?", "2.2"); !strings.Contains(got, "The answer above") || !strings.Contains(got, "Span — Director:") {
		t.Errorf("the same answer again: %.400s", got)
	}
	if got := say("how many engineers does a director usually manage?", "2.3"); !strings.Contains(got, "30-100+ engineers") {
		t.Fatalf("a question of its own: %.400s", got)
	}
	if got := say("and for a VP?", "2.4"); !strings.Contains(got, "*Team size* —") {
		t.Errorf("a follow-up with an answer of its own: %.400s", got)
	}
	// A follow-up of a question the guide does not answer asks it again,
	// and is not answered either.
	if got := say("how much does a director make?", "2.5"); !strings.Contains(got, "couldn") {
		t.Fatalf("pay answered: %.400s", got)
	}
	if got := say("what about a VP?", "2.6"); !strings.Contains(got, "couldn") || !strings.Contains(got, "vp make") {
		t.Errorf("the follow-up of a refused question, read alone: %.400s", got)
	}
	// The same section again, the Director's, is no answer above for the
	// VP: a long one is pointed to, saying whose it is, not posted again
	// (TestOtherRolesPartIsNoAnswerAbove posts a short one again).
	if got := say("what does a director do all day?", "2.7"); !strings.Contains(got, "Typical Day-to-Day Activities") {
		t.Fatalf("a director's day: %.400s", got)
	}
	if got := say("and for a VP?", "2.8"); strings.Contains(got, "The answer above") || !strings.Contains(got, "*Typical Day-to-Day Activities*, which is about the Director: it has nothing closer about the VP") {
		t.Errorf("the Director's day told as the VP's too: %.400s", got)
	}
	// Rows shown above among others are above too.
	if got := say("who does a director report to?", "2.9"); !strings.Contains(got, "*Reports to* —") || !strings.Contains(got, "*Direct reports* —") {
		t.Fatalf("the director's reporting line: %.400s", got)
	}
	if got := say("and for a VP?", "2.10"); !strings.Contains(got, "The answer above") {
		t.Errorf("one of the rows above again: %.400s", got)
	}
}

// TestSaidAbove reads an answer's notification as its parts: any rows the
// last answer showed are above, whichever of them; another row, or
// another section's, is not.
func TestSaidAbove(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	cmp, _ := g.Section("comparison-director-vs-vp")
	timeline, _ := g.Section("transition-to-vp/timeline")
	both := blockkit.Message{Text: "Comparison: Director vs VP: Reports to — VP or Senior Director; Direct reports — Managers"}
	c := answered("U1", "who does a director report to?", cmp, both)
	for _, tt := range []struct {
		s    *content.Section
		text string
		want bool
	}{
		{cmp, both.Text, true},
		{cmp, "Comparison: Director vs VP: Reports to — VP or Senior Director", true},
		{cmp, "Comparison: Director vs VP: Direct reports — Managers", true},
		{cmp, "Comparison: Director vs VP: Span — Multiple squads", false},
		{cmp, "Comparison: Director vs VP: Direct reports — Managers; Span — Multiple squads", false},
		{cmp, "About the VP: Comparison: Director vs VP: Direct reports — Managers", false},
		{timeline, "Timeline: Typically 4-7 years", false},
	} {
		if got := c.saidAbove(tt.s, blockkit.Message{Text: tt.text}); got != tt.want {
			t.Errorf("saidAbove(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestHelpInADM: the welcome ends "Type `help` for everything I know
// about", so "help" in a DM gets the help, with the guide's topics, not the
// welcome again; a first greeting gets the welcome, a later one a hello
// without the welcome's prompts.
func TestHelpInADM(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	for i, text := range []string{"hi", "help", "what can you do?", "hello again"} {
		h.send(t, fakeslack.DirectMessage(fmt.Sprintf("EvH%d", i), text, "U1", "D1", fmt.Sprintf("5.%d", i+1)))
		h.callsTo(t, "chat.postMessage", i+1)
	}
	posts := h.callsTo(t, "chat.postMessage", 4)
	for i, want := range []string{"Type `help`", "*Topics*", "*Topics*", "Hi again"} {
		if got := posts[i].Args["blocks"].(string); !strings.Contains(got, want) {
			t.Errorf("reply %d lacks %q: %.300s", i+1, want, got)
		}
	}
	if got := posts[3].Args["blocks"].(string); strings.Contains(got, blockkit.ActionPrompt) {
		t.Errorf("a second greeting gets the welcome's prompts again: %.300s", got)
	}
}

// TestFailedAnswersSaySorry: when answering fails (here the index is
// closed under the bot), the asker is told, in a DM as after a mention.
func TestFailedAnswersSaySorry(t *testing.T) {
	t.Parallel()
	ix := guidetest.Page(t, "# Guide\n\n## Budgets\n\nDirectors own budgets.\n")
	h := startServerWith(t, ix)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	h.send(t, fakeslack.Mention("EvS1", "<@UBOT> who owns budgets?", "U1", "C1", "6.1", ""))
	h.send(t, fakeslack.DirectMessage("EvS2", "who owns budgets?", "U1", "D1", "6.2"))
	sorry := 0
	for _, p := range h.callsTo(t, "chat.postMessage", 3) {
		if strings.Contains(p.Args["blocks"].(string), "Sorry, something went wrong") {
			sorry++
		}
	}
	if sorry != 2 {
		t.Errorf("%d replies say sorry, want the mention's and the DM's", sorry)
	}
}

// TestTellMeMore: in a thread, "tell me more" after an answer shows what
// the answer's first button shows (the whole table it cut to two rows, or
// the section around a short answer), then the first button not shown yet
// of that reply and of those before it, and so on: nothing twice, and in the end
// that there is no more; a message in between that finds nothing does not
// end it. With no answer before it, it gets the help.
func TestTellMeMore(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	var mu sync.Mutex
	n := 0
	say := func(text, thread string) (string, string) {
		mu.Lock()
		defer mu.Unlock()
		n++
		ts := fmt.Sprintf("8.%d", n)
		h.send(t, fakeslack.Mention(fmt.Sprint("EvM", n), "<@UBOT> "+text, "U1", "C1", ts, thread))
		post := h.callsTo(t, "chat.postMessage", n)[n-1]
		h.idle(t)
		return post.Args["blocks"].(string), ts
	}
	if got, _ := say("tell me more", ""); !strings.Contains(got, "no answer before this one") || !strings.Contains(got, "/director help") {
		t.Errorf("with nothing before it, want a line on where the help is: %.300s", got)
	}
	// After a refusal, "more" says there was no answer, not that the
	// guide has said all it has.
	if refusal, thread := say("how much equity should a director ask for?", ""); !strings.Contains(refusal, "outside the guide") {
		t.Errorf("want a refusal: %.300s", refusal)
	} else if got, _ := say("tell me more", thread); !strings.Contains(got, "no answer to the last question") {
		t.Errorf("more after a refusal: %.300s", got)
	} else if got, _ := say("any example?", thread); !strings.Contains(got, "no answer to the last question") {
		t.Errorf("an example after a refusal: %.300s", got)
	}
	// So it does when the answer before the refusal has more to show.
	_, thread := say("who does a director report to?", "")
	say("how much equity should a director ask for?", thread)
	if got, _ := say("tell me more", thread); !strings.Contains(got, "no answer to the last question") {
		t.Errorf("more after a refusal that follows an answer: %.300s", got)
	}
	tests := []struct {
		question string
		// first tells whether the first "more" shows what the answer's
		// first button does.
		first func(answer, more string) bool
	}{
		{"how long does it take to become a VP?", func(answer, more string) bool {
			return header(t, more) == firstTopic(t, answer)
		}},
		{"who does a director report to?", func(answer, more string) bool {
			return !strings.Contains(answer, "Planning horizon") && strings.Contains(more, "Planning horizon")
		}},
		{"how do I get ready for a VP role?", func(answer, more string) bool {
			return header(t, more) == firstTopic(t, answer)
		}},
		// Its answer shows Key Differences Summary whole, table and all.
		{"how does a VP differ from a director?", func(answer, more string) bool {
			return header(t, more) == firstTopic(t, answer)
		}},
	}
	phrases := []string{"tell me more", "ok go on", "more please", "can you elaborate? pls"}
	for _, tt := range tests {
		answer, thread := say(tt.question, "")
		// A question the guide does not answer, in between, leaves what
		// more the answer offers as it was.
		if got, _ := say("where is the best pizza in town?", thread); !strings.Contains(got, "couldn't find an answer") {
			t.Fatalf("want a no-answer: %.300s", got)
		}
		shown, seen := []string{answer}, tableBlocks(t, answer)
		for i := range 40 {
			got, _ := say(phrases[i%len(phrases)], thread)
			switch {
			case strings.Contains(got, "That's all the guide has"):
				if len(shown) < 2 {
					t.Errorf("%s: nothing more was shown", tt.question)
				}
			case i == 0 && !tt.first(answer, got):
				t.Errorf("%s: the first more is not what the answer's first button shows: %.600s", tt.question, got)
			case slices.Contains(shown, got):
				t.Fatalf("%s: more %d shows again %.300s", tt.question, i+1, got)
			case slices.ContainsFunc(shown, func(m string) bool { return header(t, m) == header(t, got) }) &&
				len(tableBlocks(t, got)) > 0 && !slices.ContainsFunc(tableBlocks(t, got), func(b string) bool { return !slices.Contains(seen, b) }):
				t.Fatalf("%s: more %d shows again %q, whose table was shown whole: %.300s", tt.question, i+1, header(t, got), got)
			default:
				shown, seen = append(shown, got), append(seen, tableBlocks(t, got)...)
				continue
			}
			var titles []string
			for _, m := range shown {
				titles = append(titles, header(t, m))
			}
			t.Logf("%s: %q", tt.question, titles)
			break
		}
		if len(shown) == 41 {
			t.Errorf("%s: forty more, and still more: the walk never ends", tt.question)
		}
	}
}

// tableBlocks returns the table blocks of a message's blocks (JSON), each
// as its JSON.
func tableBlocks(t *testing.T, blocks string) []string {
	t.Helper()
	var got []json.RawMessage
	if err := json.Unmarshal([]byte(blocks), &got); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range got {
		var kind struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(b, &kind); err != nil {
			t.Fatal(err)
		}
		if kind.Type == "table" {
			out = append(out, string(b))
		}
	}
	return out
}

// firstTopic returns the label of the first topic button of a message's
// blocks (JSON).
func firstTopic(t *testing.T, blocks string) string {
	t.Helper()
	_, _, label := topicButton(t, blocks)
	return label
}

// topicButton returns the action_id, value and label of the first topic
// button of a message's blocks (JSON).
func topicButton(t *testing.T, blocks string) (actionID, value, label string) {
	t.Helper()
	return topicButtonNamed(t, blocks, "")
}

// topicButtonNamed is topicButton for the topic button labelled want, the
// first when want is "".
func topicButtonNamed(t *testing.T, blocks, want string) (actionID, value, label string) {
	t.Helper()
	var got []struct {
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
			// Text is a text object on a button, a string on some others.
			Text json.RawMessage `json:"text"`
		} `json:"elements"`
	}
	if err := json.Unmarshal([]byte(blocks), &got); err != nil {
		t.Fatal(err)
	}
	for _, b := range got {
		for _, e := range b.Elements {
			if blockkit.ActionOf(e.ActionID) != blockkit.ActionTopic {
				continue
			}
			var label struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(e.Text, &label); err != nil {
				t.Fatal(err)
			}
			if want == "" || label.Text == want {
				return e.ActionID, e.Value, label.Text
			}
		}
	}
	t.Fatalf("no topic button %q in %.300s", want, blocks)
	return "", "", ""
}

// header returns the text of the first header block of a message's blocks
// (JSON), "" if none.
func header(t *testing.T, blocks string) string {
	t.Helper()
	var got []struct {
		Type string `json:"type"`
		Text struct {
			Text string `json:"text"`
		} `json:"text"`
	}
	if err := json.Unmarshal([]byte(blocks), &got); err != nil {
		t.Fatal(err)
	}
	for _, b := range got {
		if b.Type == "header" {
			return b.Text.Text
		}
	}
	return ""
}

// TestFollowUpsAcrossReplicas: Slack gives a thread's messages to any of
// the app's connections, so two replicas sharing a store take turns in
// one thread: a follow-up, "tell me more" and a follow-up back are each
// read with the question before them, whichever replica asked it.
func TestFollowUpsAcrossReplicas(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	url := sqliteURL(t)
	replicas := []*harness{startReplica(t, fake, openStore(t, url)), startReplica(t, fake, openStore(t, url))}
	a := replicas[0]
	n := 0
	say := func(conn int, text, ts, thread string) string {
		n++
		if err := fake.DeliverOn(conn, fakeslack.Mention(fmt.Sprint("EvR", n), "<@UBOT> "+text, "U1", "C1", ts, thread)); err != nil {
			t.Fatal(err)
		}
		blocks := a.callsTo(t, "chat.postMessage", n)[n-1].Args["blocks"].(string)
		replicas[conn].idle(t)
		return blocks
	}
	const (
		vp       = "*Team size* —"
		director = "30-100+ engineers"
	)
	if got := say(0, "how many engineers does a director usually manage?", "5.1", ""); !strings.Contains(got, director) {
		t.Fatalf("the first answer lacks the director's org size: %.400s", got)
	}
	if got := say(1, "and for a VP?", "5.2", "5.1"); !strings.Contains(got, vp) {
		t.Errorf("the other replica should read the follow-up with its question: %.600s", got)
	}
	if got := say(0, "tell me more", "5.3", "5.1"); strings.Contains(got, "*Topics*") || strings.Contains(got, "all the guide has") {
		t.Errorf("more, back on the first replica, should show more of the VP's answer: %.600s", got)
	}
	if got := say(1, "and for a director?", "5.4", "5.1"); !strings.Contains(got, director) {
		t.Errorf("the follow-up back should give the director's org size: %.600s", got)
	}
	// Once the asker is forgotten, so is their question.
	forget := fake.SlashCommand("forget me", "U1", "C1")
	if err := fake.DeliverOn(0, forget); err != nil {
		t.Fatal(err)
	}
	if ack := a.ackFor(t, forget.ID()); !strings.Contains(string(ack.Payload), "the last question you asked") {
		t.Errorf("forget me should say it deleted the conversation's question: %s", ack.Payload)
	}
	if got := say(1, "and for a VP?", "5.5", "5.1"); strings.Contains(got, vp) {
		t.Errorf("a follow-up after forget me has no question to follow: %.600s", got)
	}
}

// TestMoreGoesOnFromAClick: a topic button clicked under an answer counts
// as a step taken, so "tell me more" after it goes on from the clicked
// reply instead of showing it again: in a channel's thread, and in a DM,
// whose click replies go in the answer's thread while "more" may be typed
// below the answer.
func TestMoreGoesOnFromAClick(t *testing.T) {
	t.Parallel()
	for _, dm := range []bool{false, true} {
		t.Run(fmt.Sprint("dm ", dm), func(t *testing.T) {
			t.Parallel()
			h := startServer(t)
			n := 0
			reply := func() string {
				n++
				blocks := h.callsTo(t, "chat.postMessage", n)[n-1].Args["blocks"].(string)
				h.idle(t)
				return blocks
			}
			say := func(text, ts, thread string) string {
				id := fmt.Sprint("EvC", ts)
				if dm {
					h.send(t, fakeslack.DirectMessage(id, text, "U1", "D1", ts))
				} else {
					h.send(t, fakeslack.Mention(id, "<@UBOT> "+text, "U1", "C1", ts, thread))
				}
				return reply()
			}
			answer := say("how do I get ready for a VP role?", "9.1", "")
			if dm {
				// After the welcome, and before the offer of a plan.
				answer = reply()
				reply()
			}
			actionID, value, label := topicButton(t, answer)
			if dm {
				h.send(t, h.fake.ButtonClick(actionID, value, "U1", "D1", "9.2", false))
			} else {
				h.send(t, h.fake.ThreadButtonClick(actionID, value, "U1", "C1", "9.2", "9.1"))
			}
			click := reply()
			if header(t, click) != label {
				t.Fatalf("the click on %q showed %q: %.500s", label, header(t, click), click)
			}
			// Before clicks counted, more showed the answer's first button's
			// reply: the click's, again.
			more := say("tell me more", "9.3", "9.1")
			if more == click || header(t, more) == "" {
				t.Errorf("more after the click on %q should show something new of the guide: %.300s", label, more)
			}
		})
	}
}

// TestFollowUpAfterAClick: a topic clicked is what the next message
// asks of, in a channel's thread and in a DM, where it is posted below
// the answer, at the DM's top level, not out of sight in its thread:
// "any example?" after Key Actions to Make the Transition, clicked under
// Key Shifts Required, which gives none, points to the examples on
// screen, and "source?" names it. In a DM, a click under an answer
// before the last leans the next message on the section clicked, not on
// the last question.
func TestFollowUpAfterAClick(t *testing.T) {
	t.Parallel()
	for _, dm := range []bool{false, true} {
		t.Run(fmt.Sprint("dm ", dm), func(t *testing.T) {
			t.Parallel()
			h := startServer(t)
			posts := 0
			// send returns the reply to e: in a DM, among the welcome and
			// the offer of a plan, the one with a header, if any.
			send := func(e fakeslack.Envelope) (blocks, thread string) {
				t.Helper()
				h.send(t, e)
				h.callsTo(t, "chat.postMessage", posts+1)
				h.idle(t)
				calls := h.callsTo(t, "chat.postMessage", posts+1)[posts:]
				posts += len(calls)
				call := calls[0]
				for _, c := range calls {
					if header(t, c.Args["blocks"].(string)) != "" {
						call = c
						break
					}
				}
				thread, _ = call.Args["thread_ts"].(string)
				return call.Args["blocks"].(string), thread
			}
			say := func(id, text, ts, thread string) (string, string) {
				t.Helper()
				if dm {
					return send(fakeslack.DirectMessage(id, text, "U1", "D1", ts))
				}
				return send(fakeslack.Mention(id, "<@UBOT> "+text, "U1", "C1", ts, thread))
			}
			answer, _ := say("EvK1", "key shifts to vp", "8.1", "")
			if header(t, answer) != "Key Shifts Required" {
				t.Fatalf("answered from %q, want Key Shifts Required", header(t, answer))
			}
			if dm {
				say("EvK2", "how many engineers does a director usually manage?", "8.3", "")
			}
			// The answer was posted at 8.2.
			actionID, value, label := topicButtonNamed(t, answer, "Key Actions to Make the Transition")
			click := h.fake.ThreadButtonClick(actionID, value, "U1", "C1", "8.2", "8.1")
			if dm {
				click = h.fake.ButtonClick(actionID, value, "U1", "D1", "8.2", false)
			}
			shown, thread := send(click)
			if header(t, shown) != label {
				t.Fatalf("the click on %q showed %q", label, header(t, shown))
			}
			if want := map[bool]string{false: "8.1", true: ""}[dm]; thread != want {
				t.Errorf("the click's reply went to thread %q, want %q", thread, want)
			}
			if got, _ := say("EvK3", "example?", "8.5", "8.1"); !strings.Contains(got, "gives the guide's examples of *Key Actions to Make the Transition*") {
				t.Errorf("example? after the click: %.300s", got)
			}
			if got, _ := say("EvK4", "source?", "8.6", "8.1"); !strings.Contains(got, "the guide's *Key Actions to Make the Transition*") {
				t.Errorf("source? after the click: %.300s", got)
			}
		})
	}
}

// hungMemory is a Memory whose store never answers, as a database server
// that stopped responding; it counts the calls that reached it.
type hungMemory struct{ calls atomic.Int32 }

func (m *hungMemory) Remember(ctx context.Context, _, _ string, _ []byte, _ time.Time, _ time.Duration) error {
	m.calls.Add(1)
	<-ctx.Done()
	return ctx.Err()
}

func (m *hungMemory) Recall(ctx context.Context, _ string) ([]byte, bool, error) {
	m.calls.Add(1)
	<-ctx.Done()
	return nil, false, ctx.Err()
}

// TestHungMemoryIsLeftAlone: when the conversations' memory hangs, the
// first message waits memoryTimeout for it and is read alone; the next
// ones do not wait for it at all while the outage lasts.
func TestHungMemoryIsLeftAlone(t *testing.T) {
	t.Parallel()
	hung := &hungMemory{}
	h := startServerOn(t, fakeslack.New(), guidetest.Embedded(t), func(c *Config) { c.Memory = hung })
	for i := range 3 {
		h.send(t, fakeslack.Mention(fmt.Sprint("EvHM", i), "<@UBOT> skills", "U1", fmt.Sprint("CHM", i), "9.1", ""))
		h.callsTo(t, "chat.postMessage", i+1)
	}
	if got := hung.calls.Load(); got != 1 {
		t.Errorf("the hung memory was called %d times, want once before the outage", got)
	}
}

// failingMemory is the process's memory, failing every call while fail
// is set, as a store does in an outage.
type failingMemory struct {
	*memStore
	fail atomic.Bool
}

func (m *failingMemory) Remember(ctx context.Context, key, user string, data []byte, at time.Time, ttl time.Duration) error {
	if m.fail.Load() {
		return errors.New("store down")
	}
	return m.memStore.Remember(ctx, key, user, data, at, ttl)
}

func (m *failingMemory) Recall(ctx context.Context, key string) ([]byte, bool, error) {
	if m.fail.Load() {
		return nil, false, errors.New("store down")
	}
	return m.memStore.Recall(ctx, key)
}

// TestMoreWhileTheMemoryFails: "tell me more" while the memory fails
// cannot know that nothing came before it, and does not say so.
func TestMoreWhileTheMemoryFails(t *testing.T) {
	t.Parallel()
	mem := &failingMemory{memStore: newMemStore()}
	mem.fail.Store(true)
	h := startServerOn(t, fakeslack.New(), guidetest.Embedded(t), func(c *Config) { c.Memory = mem })
	h.send(t, fakeslack.Mention("EvMF", "<@UBOT> tell me more", "U1", "C1", "4.2", "4.1"))
	if got := h.callsTo(t, "chat.postMessage", 1)[0].Args["blocks"].(string); strings.Contains(got, "no answer before this one") {
		t.Errorf("told there was no answer before, though the memory could not say: %.300s", got)
	}
}

// TestUnsavedConversationIsReadAlone: a question answered while the
// memory failed was not remembered, so the memory still holds the one
// before it; once the memory is back, a follow-up there is read alone,
// not with that older question.
func TestUnsavedConversationIsReadAlone(t *testing.T) {
	t.Parallel()
	mem := &failingMemory{memStore: newMemStore()}
	h := startServerOn(t, fakeslack.New(), guidetest.Embedded(t), func(c *Config) { c.Memory = mem })
	n := 0
	say := func(text, ts, thread string) string {
		n++
		h.send(t, fakeslack.Mention(fmt.Sprint("EvU", n), "<@UBOT> "+text, "U1", "C1", ts, thread))
		blocks := h.callsTo(t, "chat.postMessage", n)[n-1].Args["blocks"].(string)
		h.idle(t)
		return blocks
	}
	say("how many engineers does a director usually manage?", "3.1", "")
	mem.fail.Store(true)
	say("what are a director's core responsibilities?", "3.2", "3.1")
	mem.fail.Store(false)
	time.Sleep(storeBackoff + 200*time.Millisecond)
	if got := say("and for a VP?", "3.3", "3.1"); strings.Contains(got, "*Team size* —") {
		t.Errorf("the follow-up was read with the question before the unsaved one: %.600s", got)
	}
}

// TestRefusedQuestionsInAThread: an aside the guide finds nothing of
// leaves the last question for a follow-up; a question another person
// asks that a rule refuses starts a conversation of their own, so that
// the first asker's "forget me" forgets what "tell me more" would walk.
func TestRefusedQuestionsInAThread(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say := h.conversing(t)
	if got := say("U1", "how many engineers does a director usually manage?", "3.1", ""); !strings.Contains(got, "30-100+ engineers") {
		t.Fatalf("first: %.300s", got)
	}
	say("U1", "hmm interesting", "3.2", "3.1")
	if got := say("U1", "and for a VP?", "3.3", "3.1"); !strings.Contains(got, "*Team size* —") {
		t.Errorf("a follow-up after an aside lost its question: %.400s", got)
	}
	say("U1", "what skills does a director need?", "7.1", "")
	say("U2", "how much does a director make?", "7.2", "7.1")
	h.slash(t, "forget me")
	if got := say("U2", "tell me more", "7.3", "7.1"); strings.Contains(got, "Common Pitfalls") {
		t.Errorf("after U1's forget, more still walks U1's answer: %.400s", got)
	}
}

// conversing returns how a test mentions the bot in C1, as user, in a
// thread (thread "" for none), once the last message is answered, as a
// person does: it returns the reply's blocks.
func (h *harness) conversing(t *testing.T) func(user, text, ts, thread string) string {
	n := 0
	return func(user, text, ts, thread string) string {
		t.Helper()
		n++
		h.send(t, fakeslack.Mention(fmt.Sprint("EvC", n), "<@UBOT> "+text, user, "C1", ts, thread))
		blocks := h.callsTo(t, "chat.postMessage", n)[n-1].Args["blocks"].(string)
		h.idle(t)
		return blocks
	}
}

// talking returns a say that sends U1's mentions one after the other,
// each with a timestamp of its own, in a thread ("" to start one), and
// last, the timestamp of the last one sent.
func (h *harness) talking(t *testing.T) (say func(text, thread string) string, last func() string) {
	conversing := h.conversing(t)
	n := 0
	say = func(text, thread string) string {
		t.Helper()
		n++
		return conversing("U1", text, fmt.Sprintf("9.%d", n), thread)
	}
	return say, func() string { return fmt.Sprintf("9.%d", n) }
}

// TestOtherRolesPartIsNoAnswerAbove: a follow-up answered by the same
// part of the guide, which is about the other role, says so rather than
// "the answer above"; a long part is pointed to rather than posted again.
func TestOtherRolesPartIsNoAnswerAbove(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say := h.conversing(t)
	say("U1", "q - how many EMs does a dir usually have", "7.1", "")
	if got := say("U1", "vp?", "7.2", "7.1"); strings.Contains(got, "The answer above") || !strings.Contains(got, "You asked about the VP") {
		t.Errorf("the director's part again, for a VP: %.300s", got)
	}
	// A long one is pointed to, not posted again in the thread.
	say("U1", "what are a director's core responsibilities", "7.3", "")
	if got := say("U1", "and for a VP?", "7.4", "7.3"); !strings.Contains(got, "The guide's closest answer is the one above, *Core Responsibilities*, which is about the Director") {
		t.Errorf("the director's sixteen responsibilities again, for a VP: %.300s", got)
	}
}

// TestThanksInAConversation: thanks after an answer is read as typed,
// not as the question its frame hides ("Thank you so much!" is no
// question of "much!").
func TestThanksInAConversation(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say := h.conversing(t)
	say("U1", "who does a director report to?", "7.1", "")
	if got := say("U1", "Thank you so much!", "7.2", "7.1"); !strings.Contains(got, "Glad to help") {
		t.Errorf("thanks in a thread: %.300s", got)
	}
}

// TestDetailsLeanOnTheQuestion asks for an example, then for more
// detail, after an answer: each leans on the question answered, not on
// the request before it, and the answer already shown is not posted
// again.
func TestDetailsLeanOnTheQuestion(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say, _ := h.talking(t)
	const section = "2. Build Executive Relationships"
	if got := header(t, say("how do I build executive relationships as a director?", "")); got != section {
		t.Fatalf("answered from %q, want %q", got, section)
	}
	for _, detail := range []string{"any example?", "can you be more concrete?", "got an example?"} {
		got := say(detail, "9.1")
		if header(t, got) != section && !strings.Contains(got, "The answer above gives the guide's example of *"+section+"*") {
			t.Errorf("%q answered from %q, want %q or its example above: %.300s", detail, header(t, got), section, got)
		}
	}
	// An example from another section is none of the answer's: Hiring
	// has none, and the $500K investment of Think Like an Executive is
	// not one.
	if got := say("who approves offers, a director or a VP?", ""); header(t, got) != "Comparison: Director vs VP" {
		t.Fatalf("answered from %q, want the comparison", header(t, got))
	}
	if got := say("any example?", "9.5"); !strings.Contains(got, "That's all the guide has on *Comparison: Director vs VP*") {
		t.Errorf("any example? after the Hiring row: %.300s", got)
	}
}

// TestItemsFollowTheQuestion: "the second one" in a thread gets the
// second item of the answer above, and "and the third?" after it the
// third of the same answer: the conversation keeps its question.
func TestItemsFollowTheQuestion(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say, _ := h.talking(t)
	if got := header(t, say("what are the common pitfalls?", "")); got != "Common Pitfalls to Avoid" {
		t.Fatalf("answered from %q, want the pitfalls", got)
	}
	if got := say("the ninth one", "9.1"); !strings.Contains(got, "The answer above has fewer items than that") {
		t.Errorf("the ninth of five: %.300s", got)
	}
	// The first item, which opens the section, is shown though it is not
	// quoted: the asker pointed to it.
	if got := say("the first one", "9.1"); header(t, got) != "Common Pitfalls to Avoid" {
		t.Errorf("the first one: %.300s", got)
	}
	for message, want := range map[string]string{
		"the second one": "Not building a strong enough leadership bench",
		"and the third?": "Avoiding organizational politics",
	} {
		// The blocks are JSON, whose ">" is "\u003e".
		if got := say(message, "9.1"); !strings.Contains(got, `"\u003e `+want) {
			t.Errorf("%q does not open with %q: %.400s", message, want, got)
		}
	}
}

// TestItemThenMore: after "the second one", "more" shows no table the
// conversation showed since its question, and "example?" of a section
// that gives none says so rather than posting the section again.
func TestItemThenMore(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	talk, _ := h.talking(t)
	say := func(text string) string { return talk(text, "9.1") }
	if got := header(t, say("what are the key differences between a director and a VP?")); got != "Key Differences Summary" {
		t.Fatalf("answered from %q, want Key Differences Summary", got)
	}
	if got := header(t, say("and for a VP?")); got != "Comparison: Director vs VP" {
		t.Fatalf("and for a VP? answered from %q", got)
	}
	if got := say("the second one"); !strings.Contains(got, `"\u003e *Direct reports*`) {
		t.Fatalf("the second one: %.300s", got)
	}
	if got := header(t, say("more")); got != "Activity Time Comparison" {
		t.Errorf("more after the second row showed %q, want the next table, not the comparison's again", got)
	}
	if got := say("example?"); !strings.Contains(got, "That's all the guide has on") {
		t.Errorf("example? of a section that gives none: %.300s", got)
	}
}

// TestItemThenExample: "example?" after "the second one" asks for the
// item's example, which its answer showed: it is not posted again, nor
// the whole list with every item's example.
func TestItemThenExample(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	talk, _ := h.talking(t)
	say := func(text string) string { return talk(text, "9.1") }
	if got := header(t, say("what are the key actions to get from director to VP?")); got != "Key Actions to Make the Transition" {
		t.Fatalf("answered from %q, want the key actions", got)
	}
	if got := header(t, say("the second one")); got != "2. Build Executive Relationships" {
		t.Fatalf("the second one: %q", got)
	}
	if got := say("example?"); !strings.Contains(got, "The answer above gives the guide's example of *2. Build Executive Relationships*") {
		t.Errorf("example? after the second action: %.300s", got)
	}
	// Once another reply is above, neither its example nor its source is
	// the item's.
	say("bananas and pineapples in the ocean")
	if got := say("source?"); !strings.Contains(got, "My answers are the guide's own words") {
		t.Errorf("source? after a no-answer: %.300s", got)
	}
	if got := say("example?"); strings.Contains(got, "The answer above gives the guide's example of *2.") {
		t.Errorf("example? after a no-answer points above it: %.300s", got)
	}
}

// TestSourceOfAnAnswer: "source?" after an answer says where in the guide
// it is; after a refusal, or alone, that answers are the guide's words.
func TestSourceOfAnAnswer(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	talk, _ := h.talking(t)
	say := func(text string) string { return talk(text, "9.2") }
	if got := header(t, say("who does a VP report to?")); got != "Comparison: Director vs VP" {
		t.Fatalf("answered from %q", got)
	}
	if got := say("source?"); !strings.Contains(got, "That answer is the guide's *Comparison: Director vs VP* (Director › Comparison: Director vs VP)") {
		t.Errorf("source? after an answer: %.300s", got)
	}
	say("what does a CTO do all day?")
	if got := say("where is this from?"); !strings.Contains(got, "My answers are the guide's own words") {
		t.Errorf("source? after a refusal: %.300s", got)
	}
}

// TestDoubtOfAnAnswer: "are you sure?" after an answer names where it
// comes from and how to flag it, rather than searching its words, which
// found another section; alone, it says what answers are. "tl;dr" gets
// the answer's first line.
func TestDoubtOfAnAnswer(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	talk, _ := h.talking(t)
	say := func(text string) string { return talk(text, "9.3") }
	if got := header(t, say("how many reports does a director have")); got != "Typical Scope" {
		t.Fatalf("answered from %q", got)
	}
	for _, doubt := range []string{"are you sure?", "really??", "Is that right?", "is this guide accurate?", "can I trust this pls"} {
		if got := say(doubt); !strings.Contains(got, "That answer is the guide's own words, its *Typical Scope*") || !strings.Contains(got, "👎 on it tells the guide's owners") {
			t.Errorf("%q after an answer: %.300s", doubt, got)
		}
	}
	for _, short := range []string{"tl;dr pls", "TLDR", "summary?"} {
		if got := say(short); !strings.Contains(got, "In short, from *Typical Scope*: ") {
			t.Errorf("%q after an answer: %.300s", short, got)
		}
	}
	if got := talk("are you sure?", ""); !strings.Contains(got, "I can't vouch for them beyond the guide") {
		t.Errorf("are you sure? alone: %.300s", got)
	}
	// "Example?" with no answer before it finds no section that happens
	// to give one.
	if got := talk("example?", ""); !strings.Contains(got, "I have no answer before this one") {
		t.Errorf("example? alone: %.300s", got)
	}
}

// TestItemsOfARefusal: "the first one" after a refused question gets
// the first topic it offered instead, and "the second one" after it the
// second, until another question.
func TestItemsOfARefusal(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say, last := h.talking(t)
	// A no-answer that starts a conversation offers topics too.
	first := say("how is it going for new directors in their first 90 days?", "")
	if offered := regexp.MustCompile(`"text":\{"type":"plain_text","text":"([^"]+)","emoji":true\},"action_id":"topic`).FindAllStringSubmatch(first, -1); len(offered) == 0 {
		t.Errorf("the no-answer offers no topics: %.400s", first)
	} else if got := header(t, say("the first one", last())); got == "" || !strings.HasSuffix(offered[0][1], got) {
		t.Errorf("the first one after a no-answer that starts a thread answered from %q, want %q", got, offered[0][1])
	}
	refusal := say("what does a CTO do all day?", "")
	thread := last()
	offered := regexp.MustCompile(`"text":\{"type":"plain_text","text":"([^"]+)","emoji":true\},"action_id":"topic`).FindAllStringSubmatch(refusal, -1)
	if !strings.Contains(refusal, "not the role of a CTO") || len(offered) < 2 {
		t.Fatalf("the refusal offers %d topics: %.400s", len(offered), refusal)
	}
	for i, message := range []string{"the first one", "the second one"} {
		if got, want := header(t, say(message, thread)), offered[i][1]; got == "" || !strings.HasSuffix(want, got) {
			t.Errorf("%q answered from %q, want %q", message, got, want)
		}
	}
	if got := say("the ninth one", thread); !strings.Contains(got, "fewer items than that") {
		t.Errorf("the ninth one: %.300s", got)
	}
	// An ordinal that names something else asks for it.
	if got := header(t, say("the first skill", thread)); got != "Key Skill Sets" {
		t.Errorf("the first skill after a refusal answered from %q", got)
	}
	// A no-answer below offers topics of its own, which ordinals then
	// point to.
	aside := say("how is it going for new directors in their first 90 days?", thread)
	if again := regexp.MustCompile(`"text":\{"type":"plain_text","text":"([^"]+)","emoji":true\},"action_id":"topic`).FindAllStringSubmatch(aside, -1); len(again) < 3 {
		t.Errorf("the aside offers %d topics: %.400s", len(again), aside)
	} else if got := header(t, say("the third one", thread)); got == "" || !strings.HasSuffix(again[2][1], got) {
		t.Errorf("the third one after an aside answered from %q, want %q", got, again[2][1])
	}
	if got := header(t, say("what are the common pitfalls?", thread)); got != "Common Pitfalls to Avoid" {
		t.Fatalf("answered from %q, want the pitfalls", got)
	}
	if got := say("the second one", thread); !strings.Contains(got, `"\u003e Not building a strong enough leadership bench`) {
		t.Errorf("the second one after another question: %.300s", got)
	}
	// A refusal that offered no topics leaves nothing to point to.
	if got := say("how do I fire someone?", ""); strings.Contains(got, `"action_id":"topic`) {
		t.Fatalf("the refusal offers topics: %.300s", got)
	}
	if got := say("the first one", last()); !strings.Contains(got, "I had no answer to the last question") {
		t.Errorf("the first one after a refusal without topics: %.300s", got)
	}
}

// TestThreadHintOnce: the answer to a mention that starts a thread says
// how to ask more there; answers to mentions in the thread do not say it
// again.
func TestThreadHintOnce(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say := h.conversing(t)
	const hint = "To ask more here, mention me in this thread."
	if got := say("U1", "who does a VP report to?", "7.1", ""); !strings.Contains(got, hint) {
		t.Errorf("the first answer in a thread lacks the hint: %.300s", got)
	}
	if got := say("U1", "and what's their planning horizon?", "7.2", "7.1"); strings.Contains(got, hint) {
		t.Errorf("an answer within the thread repeats the hint: %.300s", got)
	}
}

// TestSameAnswerIsNotPostedTwice: a message in a conversation answered
// as the last one was ("is that realistic?" after the timeline) points
// at the answer above rather than posting it again.
func TestSameAnswerIsNotPostedTwice(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	say := h.conversing(t)
	if got := header(t, say("U1", "what's the timeline to become VP?", "7.1", "")); got != "Timeline" {
		t.Fatalf("answered from %q, want Timeline", got)
	}
	if got := say("U1", "is that realistic?", "7.2", "7.1"); !strings.Contains(got, "The answer above is what the guide says about that too") {
		t.Errorf("the same answer again: %.300s", got)
	}
	// A message that asks more beside it is answered whole.
	if got := say("U1", "how long does it take to become a VP? and who do VPs report to?", "7.3", "7.1"); !strings.Contains(got, "Reports to") {
		t.Errorf("the second question of a message was dropped: %.400s", got)
	}
	// After a stock reply, or small talk (answered before the
	// conversation is read), the answer is no longer the one above: it
	// is posted again.
	for i, tc := range []struct{ between, reply string }{
		{"that's wrong", "Tell me in other words"},
		{"how are you?", "no small talk"},
	} {
		thread := fmt.Sprintf("8%d.1", i)
		if got := header(t, say("U1", "how do directors split their time?", thread, "")); got != "Comparison: Director vs VP" {
			t.Fatalf("answered from %q, want the comparison", got)
		}
		if got := say("U1", tc.between, fmt.Sprintf("8%d.2", i), thread); !strings.Contains(got, tc.reply) {
			t.Fatalf("%q: %.300s", tc.between, got)
		}
		if got := say("U1", "no, the guide says directors spend 70% on strategy. right?", fmt.Sprintf("8%d.3", i), thread); !strings.Contains(got, "40% strategy") {
			t.Errorf("the answer after %q: %.300s", tc.between, got)
		}
	}
}
