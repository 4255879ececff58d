package blockkit

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

var update = flag.Bool("update", false, "rewrite golden files")

// replyTo renders the reply to a question as bot/ask.Reply does, which
// this package's own tests cannot import (it imports blockkit): a message
// that asks nothing of the guide answered as such (Chat), else what the
// search finds for it rendered (Answer).
func replyTo(ctx context.Context, ix *index.Index, question, after string, private bool, token string, k Keeping) (Message, ReplyOutcome, error) {
	if msg, ok := (App{}).Chat(ix.Guide(), question, k); ok {
		return msg, ReplyOutcome{Kind: KindHelp}, nil
	}
	r, err := ix.AskAfter(ctx, after, question, HitsWanted)
	if err != nil {
		return Message{}, ReplyOutcome{}, err
	}
	msg, out := App{}.Answer(Found{Question: question, Result: r, Roles: ix.Roles()}, private, token)
	return msg, out, nil
}

// reply renders the reply to a question, failing the test on an error.
func reply(t testing.TB, ix *index.Index, question string, private bool) Message {
	t.Helper()
	msg, _, err := replyTo(context.Background(), ix, question, "", private, "", Keeping{})
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// golden compares a payload with testdata/NAME.golden.json as decoded JSON
// values, so formatting does not matter.
func golden(t *testing.T, name string, payload any) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden.json")
	got, err := json.MarshalIndent(payload, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantRaw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot/blockkit -update to create it)", err)
	}
	var gotV, wantV any
	if err := json.Unmarshal(got, &gotV); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(wantRaw, &wantV); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotV, wantV) {
		t.Errorf("%s differs from %s (run go test ./bot/blockkit -update to accept):\n%s", name, path, got)
	}
}

func TestGoldenMessages(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	tests := []struct{ name, question string }{
		{"skills", "What skills does a director need?"},
		{"director-vs-vp", "director vs vp"},
		{"budget-authority", "budget authority"},
		{"timeline", "how long before I can be a VP"},
		{"key-actions", "key actions for the transition"},
		{"also-stated", "how big is a director's org usually?"},
		{"also-stated-row", "How much do the top engineering leaders deal with the board compared to directors?"},
		{"stated-elsewhere", "how many EMs does a dir usually have under them?"},
		{"unsure", "what conferences should a director attend?"},
		{"undefined-term", "what's a P&L?"},
		{"help", "help"},
		{"no-answer", "how much equity does a VP get?"},
		{"no-answer-nothing-close", "how do I bake sourdough bread"},
		{"two-questions", "what does a dir's morning look like? and who do they usually report to"},
		{"two-questions-one-outside", "how long does dir→vp usually take? and what's the typical comp bump when you get there"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			msg := reply(t, ix, tt.question, true)
			checkMessage(t, tt.name, msg)
			golden(t, tt.name, msg)
		})
	}
	t.Run("home", func(t *testing.T) {
		t.Parallel()
		home := App{}.Home(ix.Guide())
		checkView(t, "home", home)
		golden(t, "home", home)
	})
}

func TestRowAnswerShowsMatchedRowsFirst(t *testing.T) {
	t.Parallel()
	msg := reply(t, guidetest.Embedded(t), "how much budget authority does a director have?", false)
	checkMessage(t, "row answer", msg)
	blocks := decode(t, msg)["blocks"].([]any)
	direct := blocks[2].(map[string]any)
	if direct["type"] != "section" || direct["text"].(map[string]any)["text"] != "> *Budget authority* — Director: May own headcount and tooling budget · VP: Sets and defends org-wide budget" {
		t.Errorf("third block should be the matched row as text: %v", direct)
	}
	table := blocks[len(blocks)-1].(map[string]any)
	if table["type"] != "table" || len(table["rows"].([]any)) != 2 {
		t.Fatalf("last block should be the table: its header row plus the matched row: %v", table)
	}
	if raw, _ := json.Marshal(table["rows"].([]any)[1]); !strings.Contains(string(raw), "Budget authority") {
		t.Errorf("matched row missing: %s", raw)
	}
	if !strings.HasPrefix(msg.Text, "Comparison: Director vs VP: Budget authority — Director: May own headcount and tooling budget") {
		t.Errorf("the notification should give the row: %q", msg.Text)
	}
	all := strings.Join(texts(decode(t, msg)), "\n")
	if !strings.Contains(all, "Full table") || strings.Contains(all, "Share in channel") {
		t.Errorf("want a Full table button and no Share button on a public answer")
	}
}

// TestLayoutFollowsSlacksDrawing holds the order of an answer: header,
// breadcrumb, the direct answer, the text, buttons, feedback, and the
// table last, as Slack draws it.
func TestLayoutFollowsSlacksDrawing(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	kinds := func(m Message) string {
		var out []string
		for _, b := range m.Blocks {
			out = append(out, string(b.BlockType()))
		}
		return strings.Join(out, " ")
	}
	tests := []struct{ question, layout string }{
		{"who does a VP report to?", `^header context section( section)+ actions context_actions context table$`},
		{"What skills does a director need?", `^header context( section)* actions context_actions context table$`},
		{"how long before I can be a VP", `^header context section actions context_actions$`},
	}
	for _, tt := range tests {
		msg := reply(t, ix, tt.question, true)
		if got := kinds(msg); !regexp.MustCompile(tt.layout).MatchString(got) {
			t.Errorf("%q: blocks %s, want %s", tt.question, got, tt.layout)
		}
	}
}

func TestTopicShortcuts(t *testing.T) {
	t.Parallel()
	// The shortcuts are not a list kept beside the guide: they are heading
	// words, found by search.
	want := map[string]string{
		"skills": "Key Skill Sets", "responsibilities": "Core Responsibilities",
		"day": "Typical Day-to-Day Activities", "scope": "Typical Scope",
		"compare": "Comparison: Director vs VP", "vs": "Comparison: Director vs VP",
		"time": "Activity Time Comparison", "differences": "Key Differences Summary",
		"transition": "Transition to VP", "timeline": "Timeline", "shifts": "Key Shifts Required",
		"actions": "Key Actions to Make the Transition", "pitfalls": "Common Pitfalls to Avoid",
		"ready": "Career Progression Indicators",
	}
	ix := guidetest.Embedded(t)
	for word, title := range want {
		if got := decode(t, reply(t, ix, word, true))["blocks"].([]any)[0].(map[string]any)["text"].(map[string]any)["text"]; got != title {
			t.Errorf("/director %s → %v, want %s", word, got, title)
		}
	}
}

// TestLongTextSplitsOutsideLinks breaks a text longer than a section
// holds at spaces, never inside a link's label, whose halves Slack would
// show as raw text.
func TestLongTextSplitsOutsideLinks(t *testing.T) {
	t.Parallel()
	link := "<https://example.com/handbook|the complete budgeting handbook>"
	tests := []struct {
		text  string
		limit int
	}{
		{strings.Repeat("word ", 8) + link + " and more words after it", 70},
		{link + " " + link, 70},
		{"see " + link, len(link)},
	}
	for _, tt := range tests {
		pieces := splitLong(tt.text, tt.limit)
		if strings.Join(pieces, " ") != tt.text {
			t.Errorf("splitLong(%q) = %q, which loses text", tt.text, pieces)
		}
		for _, p := range pieces {
			if strings.Count(p, "<") != strings.Count(p, ">") {
				t.Errorf("splitLong(%q, %d) cut a link: %q", tt.text, tt.limit, p)
			}
		}
	}
}

// TestNoAnswerQuotesWhatWasTyped: Slack sends "&", "<" and ">" as entities
// and mentions and links as markup; the no-answer quotes the question as
// the asker typed it, escaped once.
func TestNoAnswerQuotesWhatWasTyped(t *testing.T) {
	t.Parallel()
	tests := []struct{ question, quote string }{
		{"salary &amp; perks &lt;3", "“salary &amp; perks &lt;3”"},
		{"<@U999> salary?", "“salary?”"},
		{"<https://example.com|pay bands> for   VPs", "“pay bands for VPs”"},
	}
	for _, tt := range tests {
		msg := App{}.renderNoAnswer(tt.question, index.NotCovered, "", nil)
		checkMessage(t, tt.question, msg)
		if got := texts(decode(t, msg))[0]; !strings.Contains(got, tt.quote) {
			t.Errorf("no-answer to %q says %q, want it to quote %s", tt.question, got, tt.quote)
		}
	}
}

// TestMrkdwn converts styled guide text to Slack mrkdwn: marks around the
// trimmed text, code as a span on one line and as a block across lines
// (Slack shows no span across lines), a backtick in code made a quote.
func TestMrkdwn(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   content.Inline
		want string
	}{
		{"bold with inner space", content.Inline{{Text: "Lead "}, {Text: " teams ", Bold: true}}, "Lead  *teams* "},
		{"code span", content.Inline{{Text: "Run "}, {Text: "make test", Code: true}}, "Run `make test`"},
		{"code block", content.Inline{{Text: "kubectl get pods\nkubectl logs api", Code: true}}, "```\nkubectl get pods\nkubectl logs api\n```"},
		{"indented code block", content.Inline{{Text: "  if ok {\n    run()\n  }\n", Code: true}}, "```\n  if ok {\n    run()\n  }\n```"},
		{"backtick in code", content.Inline{{Text: "a`b", Code: true}}, "`a'b`"},
		{"escaped", content.Inline{{Text: "R&D <team>"}}, "R&amp;D &lt;team&gt;"},
	}
	for _, tt := range tests {
		if got := mrkdwn(tt.in); got != tt.want {
			t.Errorf("%s: mrkdwn = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestWaysToAskSayWhatADMIsFor tells, in help and on the Home tab alike,
// what a DM gives: advice on the transition where the guide has a path to
// a next role, and answers where it has none.
func TestWaysToAskSayWhatADMIsFor(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		g    *content.Guide
		want string
	}{
		{guidetest.Embedded(t).Guide(), "Send me a DM — advice on your transition; only you see my answers"},
		{guidetest.Guide(t, "# Handbook\n\n## On-call\n\nPages wake you up.\n"), "Send me a DM — only you see my answers"},
	} {
		for name, v := range map[string]any{"Home": App{}.Home(tc.g), "help": App{}.renderHelp(tc.g)} {
			if all := strings.Join(texts(decode(t, v)), "\n"); !strings.Contains(all, tc.want) {
				t.Errorf("%s lacks %q:\n%s", name, tc.want, all)
			}
		}
	}
}

// TestIsUserID: the IDs Slack gives people are user IDs; a channel's, a
// name, or an ID too long to be one are not.
func TestIsUserID(t *testing.T) {
	t.Parallel()
	for id, want := range map[string]bool{
		"U012ABCDEF": true, "W034GHIJKL": true, "UDEV": true, "U1": true,
		"C012ABCDEF": false, "U": false, "u012abcdef": false, "jane": false, "U012-ABC": false,
		"U" + strings.Repeat("A", 31): false,
	} {
		if got := IsUserID(id); got != want {
			t.Errorf("IsUserID(%q) = %v, want %v", id, got, want)
		}
	}
}

// TestTruncateEscaped: shortened mrkdwn never ends inside an entity, a
// link or a mention, which Slack would show as raw markup; text that fits
// is left whole.
func TestTruncateEscaped(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 8)
	for _, tc := range []struct{ in, want string }{
		{"fits <https://wiki.example.com|the levels>", "fits <https://wiki.example.com|the levels>"},
		{long + "see <https://wiki.example.com/eng/levels|the levels page>", strings.TrimSpace(long) + " see…"},
		{long + "ask <#C012ABCDEF|eng-leads-and-managers> today", strings.TrimSpace(long) + " ask…"},
		{long + "ask <@U012ABCDEF> or someone in the channel", strings.TrimSpace(long) + " ask <@U012ABCDEF>…"},
		{long + "a &amp; b &lt; c &gt; d and more words after it", long + "a &amp; b &lt; c…"},
	} {
		if got := truncateEscaped(tc.in, 60); got != tc.want {
			t.Errorf("truncateEscaped(%q, 60) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRowLine: a row reads as its name, then its other cells by their
// headers; a row with no name as its other cells alone, an empty cell as
// a dash.
func TestRowLine(t *testing.T) {
	t.Parallel()
	cells := func(texts ...string) []content.Inline {
		out := make([]content.Inline, len(texts))
		for i, text := range texts {
			out[i] = content.Inline{{Text: text}}
		}
		return out
	}
	table := &content.Table{Header: cells("Level", "Title", "Max")}
	tests := []struct {
		row         []content.Inline
		text, plain string
	}{
		{cells("P5", "VP of Product", "$340,000"), "*P5* — Title: VP of Product · Max: $340,000", "P5 — Title: VP of Product · Max: $340,000"},
		{cells("", "VP of Product", "$340,000"), "Title: VP of Product · Max: $340,000", "Title: VP of Product · Max: $340,000"},
		{cells("P6", "", "$400,000"), "*P6* — Title: — · Max: $400,000", "P6 — Title: — · Max: $400,000"},
	}
	for _, tt := range tests {
		if text, plain := rowLine(table, tt.row); text != tt.text || plain != tt.plain {
			t.Errorf("rowLine(%q) = %q, %q, want %q, %q", content.RowPlain(tt.row), text, plain, tt.text, tt.plain)
		}
	}
}
