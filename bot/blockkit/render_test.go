package blockkit

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

var update = flag.Bool("update", false, "rewrite golden files")

// reply renders the reply to a question, failing the test on an error.
func reply(t testing.TB, ix *index.Index, question string, private bool) Message {
	t.Helper()
	msg, _, err := Reply(context.Background(), ix, question, private)
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
		{"help", "help"},
		{"no-answer", "how do I bake sourdough bread"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			msg := reply(t, ix, tt.question, true)
			checkMessage(t, tt.name, msg, maxBlocks)
			golden(t, tt.name, msg)
		})
	}
	t.Run("home", func(t *testing.T) {
		t.Parallel()
		home := Home(ix.Guide())
		golden(t, "home", home)
	})
}

func TestRowAnswerShowsMatchedRowsFirst(t *testing.T) {
	t.Parallel()
	m := decode(t, reply(t, guidetest.Embedded(t), "who does a VP report to?", false))
	blocks := m["blocks"].([]any)
	table := blocks[2].(map[string]any)
	if table["type"] != "table" || len(table["rows"].([]any)) != 2 {
		t.Fatalf("third block should be the header row plus the matched row: %v", table)
	}
	if raw, _ := json.Marshal(table["rows"].([]any)[1]); !strings.Contains(string(raw), "Reports to") {
		t.Errorf("matched row missing: %s", raw)
	}
	all := strings.Join(texts(m), "\n")
	if !strings.Contains(all, "Full table") || strings.Contains(all, "Share in channel") {
		t.Errorf("want a Full table button and no Share button on a public answer")
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

// checkGuide renders every section of a guide, plus help, no-answer and
// Home, and checks each against Slack's schema and limits.
func checkGuide(t *testing.T, g *content.Guide) {
	t.Helper()
	ix, err := index.Build(g)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, s := range g.Sections() {
		for ti := range s.Tables() {
			checkMessage(t, s.ID+" table", renderAnswer(answer{hit: index.Hit{Section: s}, fullTable: true, tableIndex: ti}), maxBlocks)
		}
		related := g.Sections()[:min(3, len(g.Sections()))]
		checkMessage(t, s.ID, renderAnswer(answer{hit: index.Hit{Section: s}, related: related, private: true}), maxBlocks)
	}
	checkMessage(t, "help", renderHelp(g), maxBlocks)
	checkMessage(t, "no answer", renderNoAnswer(strings.Repeat("why ", 500), g.Sections()[:1]), maxBlocks)
	home := Home(g)
	checkMessage(t, "home", Message{Text: "home", Blocks: home.Blocks.BlockSet}, maxHomeBlocks)
	for i, b := range home.Blocks.BlockSet {
		if b.BlockType() == "table" {
			t.Errorf("home block %d is a table", i)
		}
	}
}

func TestEverySectionFitsSlack(t *testing.T) {
	t.Parallel()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	checkGuide(t, g)
}

// oversizedGuide has every shape that could break a limit: long words and
// paragraphs, a 150-row table, a 30-column table, 80 subsections, 120
// topics and very long headings.
func oversizedGuide(t *testing.T) *content.Guide {
	t.Helper()
	var b strings.Builder
	b.WriteString("# " + strings.Repeat("Very long page title ", 20) + "\n\n")
	b.WriteString(strings.Repeat("A long paragraph with many words & <symbols>. ", 400) + "\n\n")
	b.WriteString(strings.Repeat("x", 7000) + "\n\n")
	b.WriteString("## Big table\n\n| Name | Value |\n|---|---|\n")
	for i := range 150 {
		fmt.Fprintf(&b, "| row %d | %s |\n", i, strings.Repeat("value ", i%40))
	}
	b.WriteString("\n## Wide table\n\n|" + strings.Repeat(" col |", 30) + "\n|" + strings.Repeat("---|", 30) + "\n|" + strings.Repeat(" cell |", 30) + "\n\n")
	b.WriteString("## Many subsections\n\n")
	for i := range 80 {
		fmt.Fprintf(&b, "### Sub %d %s\n\n- %s\n\n", i, strings.Repeat("long heading ", 15), strings.Repeat("item ", 100))
	}
	for i := range 120 {
		fmt.Fprintf(&b, "## Topic %d\n\ntext\n\n", i)
	}
	p, err := content.ParsePage("big.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	g, err := content.New([]*content.Page{p})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestOversizedGuideFitsSlack(t *testing.T) {
	t.Parallel()
	checkGuide(t, oversizedGuide(t))
}

func TestEscaping(t *testing.T) {
	t.Parallel()
	hostile := "<!channel> <!here> <!everyone> <@U123> <!subteam^S1> & <script>alert(1)</script>"
	page := "# Guide " + hostile + "\n\n## Section " + hostile + "\n\n" + hostile + " **" + hostile + "** [link](https://example.com/?a=1&b=<2>)\n\n" +
		"- " + hostile + "\n\n*" + hostile + "*\n\n| Head " + hostile + " | B |\n|---|---|\n| " + hostile + " | x |\n"
	ix := guidetest.Page(t, page)
	g := ix.Guide()
	var payloads []any
	for _, q := range []string{"section", "pizza " + hostile, hostile} {
		payloads = append(payloads, reply(t, ix, q, true))
	}
	payloads = append(payloads, renderHelp(g), Home(g), renderNoAnswer(hostile, g.Sections()))
	for _, s := range g.Sections() {
		payloads = append(payloads, renderAnswer(answer{hit: index.Hit{Section: s}, related: g.Sections()}))
	}
	for i, pl := range payloads {
		for _, s := range texts(decode(t, pl)) {
			if unsafeText(s) {
				t.Errorf("payload %d: unescaped text %q", i, s)
			}
		}
	}
}
