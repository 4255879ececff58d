package blockkit

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
)

func TestAnswerCarriesTheToken(t *testing.T) {
	ix := guidetest.Embedded(t)
	const token = "0123456789ab"
	msg, out, err := replyTo(t.Context(), ix, "what skills does a director need?", "", true, token, Keeping{})
	section := out.Section
	if err != nil || out.Kind != KindAnswer || section == "" || out.Others != nil {
		t.Fatalf("answer = %+v, %v; want an answer with its section, and no other question", out, err)
	}
	checkMessage(t, "recorded answer", msg)
	raw, _ := json.Marshal(msg)
	for _, vote := range []string{votePositive, voteNegative} {
		value := vote + ":" + section + ":" + token
		if !strings.Contains(string(raw), `"`+value+`"`) {
			t.Errorf("the answer lacks a feedback value %q:\n%s", value, raw)
		}
		helpful, gotSection, gotToken, ok := ReadVote(ActionFeedback, value)
		if !ok || helpful != (vote == votePositive) || gotSection != section || gotToken != token {
			t.Errorf("ReadVote(%q) = %v %q %q %v", value, helpful, gotSection, gotToken, ok)
		}
	}
	// The plain reply is untouched, and reads as before.
	plainMsg, _, _ := replyTo(t.Context(), ix, "what skills does a director need?", "", true, "", Keeping{})
	if raw, _ := json.Marshal(plainMsg); strings.Contains(string(raw), token) {
		t.Error("an answer without a token carries one")
	}
	if helpful, s, tok, ok := ReadVote(ActionFeedback, votePositive+":"+section); !ok || !helpful || s != section || tok != "" {
		t.Errorf("a vote without a token reads %v %q %q %v", helpful, s, tok, ok)
	}
	if helpful, s, tok, ok := ReadVote(ActionFeedbackDown, section); !ok || helpful || s != section || tok != "" {
		t.Errorf("an old 👎 button reads %v %q %q %v", helpful, s, tok, ok)
	}
	if _, _, _, ok := ReadVote(ActionTopic, section); ok {
		t.Error("a topic button reads as a vote")
	}

	_, out, err = replyTo(t.Context(), ix, "what conferences should a director attend?", "", false, token, Keeping{})
	if err != nil || out.Kind != KindUnsure || out.Section == "" {
		t.Errorf("an unsure answer: %+v, %v; want KindUnsure with its section", out, err)
	}
	for _, q := range []string{"best pizza in town", "help"} {
		_, out, err := replyTo(t.Context(), ix, q, "", false, token, Keeping{})
		if err != nil || out.Kind.Answered() || out.Section != "" {
			t.Errorf("%q: %+v, %v; want no section", q, out, err)
		}
	}
}

// A message's other questions come back with what each got, so that the
// bot keeps them as questions of their own: one refused inside an answered
// message is a question the guide's owners should see.
func TestAnswerTellsOtherQuestions(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	for _, tc := range []struct {
		question string
		first    string
		want     []Other
	}{
		{"how long does it take to become a VP? and what are the common pitfalls?", "what are the common pitfalls?", []Other{{Question: "how long does it take to become a VP?", Kind: KindAnswer, Section: "transition-to-vp/timeline"}}},
		{"how much equity should a VP ask for? and who do VPs report to?", "who do VPs report to?", []Other{{Question: "how much equity should a VP ask for?", Kind: KindOutsideTopic}}},
		{"how much equity should a VP ask for?", "", nil},
	} {
		_, out, err := replyTo(t.Context(), ix, tc.question, "", true, "0123456789ab", Keeping{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(out.Others, tc.want) || out.Question != tc.first {
			t.Errorf("%q: first %q, others %+v; want %q, %+v", tc.question, out.Question, out.Others, tc.first, tc.want)
		}
	}
}

func TestReloadNoticeFitsSlack(t *testing.T) {
	var problems []string
	for i := range 40 {
		problems = append(problems, fmt.Sprintf("questions.jsonl:%d: %q wants <!channel>, got %s", i+1, strings.Repeat("long question ", 30), "Budgets"))
	}
	for name, msg := range map[string]Message{
		"rejected":  App{}.ReloadNotice("New guide rejected, the old one keeps serving: questions.jsonl failed", problems),
		"parse":     App{}.ReloadNotice("New guide rejected: a file of the guide has a mistake: vp.md:12: table row has 2 cells", []string{"vp.md:12: table row has 2 cells"}),
		"accepted":  App{}.ReloadNotice("New guide live: 42 sections.", nil),
		"reply":     ReloadReply("New guide rejected, the old one keeps serving: questions.jsonl failed", problems),
		"not admin": AdminsOnly(),
		"no admins": NoAdmins(),
		"reloading": Reloading(),
	} {
		checkMessage(t, name, msg)
		if raw, _ := json.Marshal(msg); strings.Contains(string(raw), "<!channel>") {
			t.Errorf("%s: a problem's text reaches Slack unescaped", name)
		}
	}
	text := Readable(App{}.ReloadNotice("rejected", []string{"vp.md:12: table row has 2 cells"}))
	if !strings.Contains(text, "vp.md:12: table row has 2 cells") {
		t.Errorf("the notice lacks the problem:\n%s", text)
	}
	// A file's 20 mistaken lines and the one counting the rest are all
	// shown.
	var listed []string
	for i := range 20 {
		listed = append(listed, fmt.Sprintf("examples.jsonl:%d: no section is titled \"Key Skills\"", i+1))
	}
	text = Readable(App{}.ReloadNotice("rejected", append(listed, "examples.jsonl: 5 more mistaken lines, not listed")))
	if !strings.Contains(text, "5 more mistaken lines, not listed") {
		t.Errorf("the notice leaves out the count of the rest:\n%s", text)
	}
	// The DM an admin did not ask for says why they get it; the answer to
	// their /director reload does not tell them how to reload.
	if text := Readable(App{}.ReloadNotice("New guide live: 42 sections.", nil)); !strings.Contains(text, "Only admins get this") {
		t.Errorf("the notice does not say why an admin gets it:\n%s", text)
	}
	if text := Readable(ReloadReply("New guide live: 42 sections.", nil)); strings.Contains(text, "Guide reloads happen") {
		t.Errorf("the answer to a reload says how to reload:\n%s", text)
	}
	text = Readable(ReloadReply("rejected", []string{"vp.md:12: table row has 2 cells"}))
	if !strings.Contains(text, "vp.md:12: table row has 2 cells") {
		t.Errorf("the answer to a reload lacks the problem:\n%s", text)
	}
	// The one problem the summary already says is not said again.
	text = Readable(App{}.ReloadNotice("New guide rejected: a file of the guide has a mistake: vp.md:12: table row has 2 cells", []string{"vp.md:12: table row has 2 cells"}))
	if n := strings.Count(text, "vp.md:12"); n != 1 {
		t.Errorf("the problem is told %d times:\n%s", n, text)
	}
}
