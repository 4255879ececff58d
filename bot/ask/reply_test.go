package ask

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
)

// TestReply answers each kind of message: one that asks nothing of the
// guide gets help or thanks, a question the search's answer with the
// token in its 👍/👎 values, and one outside the guide a refusal.
func TestReply(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	const token = "0123456789ab"
	for _, tc := range []struct {
		question string
		kind     blockkit.Kind
		says     string
		section  string
	}{
		{"help", blockkit.KindHelp, "How to ask", ""},
		{"thanks!", blockkit.KindHelp, "Glad", ""},
		{"can my manager see what I ask you?", blockkit.KindHelp, "kept", ""},
		{"what skills does a director need?", blockkit.KindAnswer, "Key Skill Sets", "key-skill-sets"},
		{"how do I bake sourdough bread?", blockkit.KindNoAnswer, "couldn't find", ""},
		{"how much equity should a VP ask for?", blockkit.KindOutsideTopic, "outside the guide, which describes the Director and VP roles", ""},
	} {
		msg, out, err := Reply(t.Context(), blockkit.App{}, ix, tc.question, "", true, token, blockkit.Keeping{Questions: true})
		if err != nil {
			t.Fatal(err)
		}
		text := blockkit.Readable(msg)
		if out.Kind != tc.kind || out.Section != tc.section || !strings.Contains(text, tc.says) {
			t.Errorf("Reply(%q) = %v for %q, want %v for %q, saying %q:\n%s", tc.question, out.Kind, out.Section, tc.kind, tc.section, tc.says, text)
		}
		raw, err := json.Marshal(msg)
		if err != nil {
			t.Fatal(err)
		}
		if carries := strings.Contains(string(raw), ":"+token); carries != out.Kind.Answered() {
			t.Errorf("Reply(%q) carries the token: %v", tc.question, carries)
		}
	}
}

// TestReplyLeansOnTheQuestionBefore answers a follow-up from the answer
// to the question asked before it.
func TestReplyLeansOnTheQuestionBefore(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	_, alone, err := Reply(t.Context(), blockkit.App{}, ix, "and how do i get there", "", true, "", blockkit.Keeping{})
	if err != nil {
		t.Fatal(err)
	}
	_, after, err := Reply(t.Context(), blockkit.App{}, ix, "and how do i get there", "how long to make vp", true, "", blockkit.Keeping{})
	if err != nil {
		t.Fatal(err)
	}
	if alone.Kind.Answered() || after.Section != "transition-to-vp/key-actions-to-make-the-transition" {
		t.Errorf("a follow-up answered %v %q alone, %v %q after a question", alone.Kind, alone.Section, after.Kind, after.Section)
	}
}

// TestReplyOfAClosedIndex says what failed.
func TestReplyOfAClosedIndex(t *testing.T) {
	t.Parallel()
	ix := guidetest.Page(t, "# EM\n\n## Duties\n\n- hire\n- coach\n")
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	_, _, err := Reply(t.Context(), blockkit.App{}, ix, "what are the duties?", "", true, "", blockkit.Keeping{})
	if err == nil || !strings.HasPrefix(err.Error(), "answer question: ") {
		t.Errorf("Reply of a closed index: %v", err)
	}
	_, _, err = Reply(canceled(t), blockkit.App{}, guidetest.Embedded(t), "what are the duties of a director?", "", true, "", blockkit.Keeping{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Reply cancelled: %v", err)
	}
}

func canceled(t *testing.T) context.Context {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	return ctx
}

// TestPreview reads replies as the asker sees them: a greeting gets help,
// not an answer, and a question its section.
func TestPreview(t *testing.T) {
	t.Parallel()
	preview := Preview(guidetest.Embedded(t))
	for _, tc := range []struct {
		question string
		answered bool
		says     string
	}{
		{"good morning", false, "How to ask"},
		{"who does a VP report to?", true, "CEO"},
	} {
		r, err := preview(t.Context(), tc.question, "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Answered != tc.answered || !strings.Contains(r.Text, tc.says) {
			t.Errorf("Preview(%q) answered %v, want %v, saying %q:\n%s", tc.question, r.Answered, tc.answered, tc.says, r.Text)
		}
	}
}
