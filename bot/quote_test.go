package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/content"
)

// sameQuotedReply fails the test where a kept no-answer with the question
// spliced in differs, by one byte, from the no-answer encoded for it.
func sameQuotedReply(t *testing.T, question string, topics []*content.Section) {
	t.Helper()
	p := noAnswer(question, topics)
	want, err := encodeSlash(p.key, p.render())
	if err != nil {
		t.Fatal(err)
	}
	kept, err := encodeSlash(p.key, p.template())
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.withQuote(kept)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.payload) != string(want.payload) {
		t.Errorf("%q:\n got  %s\n want %s", question, got.payload, want.payload)
	}
}

func TestQuotedNoAnswersAreTheNoAnswersRendered(t *testing.T) {
	t.Parallel()
	topics := responder(t).Guide().Sections()[:3]
	for _, q := range []string{
		"how do I bake sourdough bread", "  spaced\tout\nquestion  ", `<@U123> & <b>bold</b> "quoted" ‘single’`,
		"line\u2028separator\u2029", "emoji 🍞 and ünïcödé", "bad utf-8 \xff\xfe", "nul \x00 and \x01quote\x01",
		strings.Repeat("long question ", 40), strings.Repeat("&", 300), "ends with an entity &amp",
	} {
		sameQuotedReply(t, q, topics)
		sameQuotedReply(t, q, nil)
	}
}

func TestOffTopicQuestionsShareOneKeptReply(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	h.server.replies.reset(0)
	first := h.slash(t, "how do I bake sourdough bread")
	p, err := h.server.responder.plan(context.Background(), "how do I bake sourdough bread?", true)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := h.server.rendered.get(p.key); !ok || p.quote == "" {
		t.Fatalf("the no-answer was not kept under a key without the question (%q)", p.key)
	}
	second := h.slash(t, "how do I bake sourdough bread?")
	if !strings.Contains(first, "sourdough bread”") || !strings.Contains(second, "sourdough bread?”") {
		t.Errorf("the replies do not quote their own questions:\n%s\n%s", first, second)
	}
}

// FuzzQuotedNoAnswers holds the spliced no-answer to the one rendered for
// any question.
func FuzzQuotedNoAnswers(f *testing.F) {
	for _, seed := range []string{"sourdough", "<&>", "\u2028", "\x01quote\x01", "\xff"} {
		f.Add(seed)
	}
	topics := responder(f).Guide().Sections()[:3]
	f.Fuzz(func(t *testing.T, q string) { sameQuotedReply(t, q, topics) })
}

func TestAPlaceholderInATopicIsNotSplicedInto(t *testing.T) {
	t.Parallel()
	odd := &content.Section{ID: "odd", Title: "Odd " + quotePlaceholder + " title"}
	sameQuotedReply(t, "sourdough", []*content.Section{odd})
}
