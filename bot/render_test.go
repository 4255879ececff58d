package bot

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	respOnce sync.Once
	resp     *Responder
	respErr  error
)

func responder(t testing.TB) *Responder {
	t.Helper()
	respOnce.Do(func() {
		g, err := content.Embedded()
		if err != nil {
			respErr = err
			return
		}
		ix, err := index.Build(g)
		resp, respErr = NewResponder(ix), err
	})
	if respErr != nil {
		t.Fatal(respErr)
	}
	return resp
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
		t.Fatalf("%v (run go test ./bot -update to create it)", err)
	}
	var gotV, wantV any
	if err := json.Unmarshal(got, &gotV); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(wantRaw, &wantV); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotV, wantV) {
		t.Errorf("%s differs from %s (run go test ./bot -update to accept):\n%s", name, path, got)
	}
}

// pageIndex parses one markdown page and indexes it, closing the index
// when the test ends.
func pageIndex(t *testing.T, markdown string) *index.Index {
	t.Helper()
	p, err := content.ParsePage("page.md", []byte(markdown))
	if err != nil {
		t.Fatal(err)
	}
	g, err := content.New([]*content.Page{p})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(g)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

func TestGoldenMessages(t *testing.T) {
	t.Parallel()
	r := responder(t)
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
			msg, err := r.Respond(context.Background(), tt.question, true)
			if err != nil {
				t.Fatal(err)
			}
			checkMessage(t, tt.name, msg, maxBlocks)
			golden(t, tt.name, msg)
		})
	}
	t.Run("home", func(t *testing.T) {
		t.Parallel()
		home := RenderHome(r.Guide())
		golden(t, "home", home)
	})
}

func TestRowAnswerShowsMatchedRowsFirst(t *testing.T) {
	t.Parallel()
	msg, err := responder(t).Respond(context.Background(), "who does a VP report to?", false)
	if err != nil {
		t.Fatal(err)
	}
	m := decode(t, msg)
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
			checkMessage(t, s.ID+" table", RenderAnswer(Answer{Hit: index.Hit{Section: s}, FullTable: true, TableIndex: ti}), maxBlocks)
		}
		related := g.Sections()[:min(3, len(g.Sections()))]
		checkMessage(t, s.ID, RenderAnswer(Answer{Hit: index.Hit{Section: s}, Related: related, Private: true}), maxBlocks)
	}
	checkMessage(t, "help", RenderHelp(g), maxBlocks)
	checkMessage(t, "no answer", RenderNoAnswer(strings.Repeat("why ", 500), g.Sections()[:1]), maxBlocks)
	home := RenderHome(g)
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
	ix := pageIndex(t, page)
	g := ix.Guide()
	r := NewResponder(ix)
	var payloads []any
	for _, q := range []string{"section", "pizza " + hostile, hostile} {
		msg, err := r.Respond(context.Background(), q, true)
		if err != nil {
			t.Fatal(err)
		}
		payloads = append(payloads, msg)
	}
	payloads = append(payloads, RenderHelp(g), RenderHome(g), RenderNoAnswer(hostile, g.Sections()))
	for _, s := range g.Sections() {
		payloads = append(payloads, RenderAnswer(Answer{Hit: index.Hit{Section: s}, Related: g.Sections()}))
	}
	for i, pl := range payloads {
		for _, s := range texts(decode(t, pl)) {
			if unsafeText(s) {
				t.Errorf("payload %d: unescaped text %q", i, s)
			}
		}
	}
}
