package content

import (
	"bytes"
	"encoding/gob"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// outline renders a guide's section tree as text: one section a line with
// its ID, line and body blocks, for golden comparison.
func outline(g *Guide) string {
	kinds := map[BlockKind]string{Paragraph: "p", List: "list", TableBlock: "table", Example: "example"}
	var b strings.Builder
	for _, s := range g.Sections() {
		var blocks []string
		for _, blk := range s.Blocks() {
			k := kinds[blk.Kind]
			switch blk.Kind {
			case List:
				k = fmt.Sprintf("list(%d)", len(blk.Items))
			case TableBlock:
				k = fmt.Sprintf("table(%dx%d)", len(blk.Table.Rows), len(blk.Table.Header))
			}
			blocks = append(blocks, k)
		}
		fmt.Fprintf(&b, "%s%s  [%s] L%d %s\n", strings.Repeat("  ", s.Level-1), s.Title, s.ID, s.Line, strings.Join(blocks, " "))
	}
	return b.String()
}

func TestEmbeddedGuideOutline(t *testing.T) {
	t.Parallel()
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	got := outline(g)
	path := filepath.Join("testdata", "director.outline.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("outline differs from %s (run go test ./content -update to accept):\n%s", path, got)
	}
}

func TestEmbeddedGuideDetails(t *testing.T) {
	t.Parallel()
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	page := g.Pages[0]
	if page.Label != "Director" || page.Order != 2002 || page.Meta["icon"] != "organization" {
		t.Errorf("frontmatter not read as metadata: %+v", page)
	}
	if strings.Contains(page.Root.Text(), "icon:") {
		t.Error("frontmatter leaked into the text")
	}
	s, ok := g.Section("transition-to-vp/key-actions-to-make-the-transition/think-like-an-executive")
	if !ok {
		t.Fatal("pseudo-heading section not found by ID")
	}
	if got := strings.Join(s.Breadcrumb(), " › "); got != "Director › Transition to VP › Key Actions to Make the Transition › 1. Think Like an Executive" {
		t.Errorf("breadcrumb = %q", got)
	}
	if len(s.Blocks()) != 2 || s.Blocks()[1].Kind != Example || !strings.HasPrefix(s.Blocks()[1].Text.Plain(), "Example: Before proposing") {
		t.Errorf("italic example not recognised: %+v", s.Blocks())
	}
	skills, _ := g.Section("key-skill-sets")
	tbl := skills.Tables()[0]
	if got := tbl.Rows[0][0]; len(got) != 1 || !got[0].Bold || got[0].Text != "Technical" {
		t.Errorf("bold cell lost its emphasis: %+v", got)
	}
	intro := page.Root.Blocks()[0].Text
	if last := intro[len(intro)-1]; !last.Bold || last.Text != `"What should we build and why?"` {
		t.Errorf("inline bold not kept: %+v", last)
	}
}

func TestParsePage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      string // outline of the page
	}{
		{
			name: "no h1: root made from label, text before heading kept",
			src:  "---\nlabel: EM\n---\nIntro text.\n\n## Duties\n\n- a\n- b\n  - nested\n",
			want: "EM  [em] L4 p\n  Duties  [duties] L6 list(3)\n",
		},
		{
			name: "bold paragraph starts a subsection, heading closes it",
			src:  "# T\n\n## A\n\n**Step one**\n\ntext\n\n**2. Step two**\n\n> quoted\n\n### B\n\nmore\n",
			want: "T  [t] L1 \n  A  [a] L3 \n    Step one  [a/step-one] L5 p\n    2. Step two  [a/step-two] L9 example\n    B  [a/b] L13 p\n",
		},
		{
			name: "rules and html are not content, code is",
			src:  "# T\n\n---\n\n<div>x</div>\n\n```\ncode\n```\n",
			want: "T  [t] L1 p\n",
		},
		{
			name: "mixed bold paragraph is body text",
			src:  "# T\n\n**Key distinction**: a director is close to execution.\n",
			want: "T  [t] L1 p\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := ParsePage("p.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			g, err := New([]*Page{p})
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(g); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParsePageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"broken frontmatter", "---\nlabel: x\n\tbad: y\n---\n# T\n", "p.md:3: broken frontmatter"},
		{"unclosed frontmatter", "---\nlabel: x\n# T\n", "p.md:1: frontmatter opened with --- is never closed"},
		{"order not a number", "---\nlabel: x\norder: soon\n---\n# T\n\ntext\n", "p.md:3: frontmatter order must be a whole number"},
		{"company not a flag", "---\ncompany: Acme\n---\n# T\n\ntext\n", "p.md:2: frontmatter company must be true or false, got Acme"},
		{"empty page", "\n\n---\n\n", "p.md: page is empty"},
		{"frontmatter only", "---\nlabel: x\n---\n", "p.md: page is empty"},
		{"title only", "---\nlabel: x\n---\n# Empty\n", `p.md:4: page has nothing under its title "Empty"`},
		{"long table row", "# T\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", "p.md:5: table row has 3 cells, the header has 2"},
		{"header and delimiter disagree", "# T\n\n| a | b |\n|---|\n| 1 | 2 |\n", "p.md:3: malformed table"},
		{"a row after a blank line", "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 |\n", "p.md:7: a line opens with \"|\" but no --- delimiter row follows it"},
		{"duplicate IDs", "# T\n\n## Same\n\nx\n\n## Same\n\ny\n", "p.md:7: duplicate section ID \"same\""},
		{"empty heading", "# T\n\n## <span></span>\n\nx\n", "p.md:3: heading has no text"},
		{"image alone as heading", "# T\n\nx\n\n## ![](logo.png)\n\ny\n", "p.md:5: heading has no text"},
		{"binary file", "\x7fELF\x02\x01\n\x00\x00\x00# T\n", "p.md:2: holds a NUL byte"},
		{"UTF-16 with a byte order mark", "\xff\xfe#\x00 \x00T\x00", "p.md:1: is UTF-16 text: save it as UTF-8"},
		{"UTF-16 without one", "#\x00 \x00T\x00", "p.md:1: is UTF-16 text"},
		{"Latin-1", "# T\n\nCo\xfbts et d\xe9penses\n", "p.md:3: holds the byte 0xFB, which is not UTF-8 text: save the file as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := ParsePage("p.md", []byte(tt.src))
			if err == nil {
				_, err = New([]*Page{p})
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestLoadOrdersPagesAndPrefixesIDs(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"vp.md":       {Data: []byte("---\norder: 2\n---\n# VP\n\n## Core Responsibilities\n\nx\n")},
		"director.md": {Data: []byte("---\norder: 1\n---\n# Director\n\n## Core Responsibilities\n\ny\n")},
		"em.md":       {Data: []byte("---\norder: 2\n---\n# EM\n\n## Core Responsibilities\n\nz\n")},
		"notes.txt":   {Data: []byte("ignored")},
	}
	g, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range g.Pages {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "director.md,em.md,vp.md" {
		t.Errorf("page order = %s", got)
	}
	if _, ok := g.Section("vp/core-responsibilities"); !ok {
		t.Error("multi-page IDs are not prefixed by page")
	}
}

func TestLoadDirErrors(t *testing.T) {
	t.Parallel()
	if _, err := LoadDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no *.md pages") {
		t.Errorf("empty dir: %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.md"), []byte("# T\n\n| a |\n|---|\n| 1 | 2 |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDir(dir); err == nil || !strings.Contains(err.Error(), "bad.md:5:") {
		t.Errorf("bad page: %v", err)
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"1. Think Like an Executive":    "think-like-an-executive",
		"Comparison: Director vs VP":    "comparison-director-vs-vp",
		"Get P&L or Business Ownership": "get-p-l-or-business-ownership",
		"Équipe & Café":                 "équipe-café",
		"🎉":                             "section",
		"2) Second":                     "second",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEncodeDecodeGivesTheGuideBack round-trips the embedded guide and a
// guide of several pages with frontmatter of every kind.
func TestEncodeDecodeGivesTheGuideBack(t *testing.T) {
	t.Parallel()
	embedded, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	pages := fstest.MapFS{
		"a.md":         {Data: []byte("---\nlabel: A\norder: 2\ntags: [x, y]\nnested: {k: 1.5}\n---\n# A\n\n## One\n\ntext\n\n| h | i |\n|---|---|\n| 1 | 2 |\n")},
		"b.md":         {Data: []byte("# B\n\n**Bold heading**\n\n- item *em*\n\nWith `code`, **bold**, _it_ and [a link](https://example.com/x).\n\n1. first\n2. second\n")},
		"synonyms.txt": {Data: []byte("alpha, beta\n")},
		"outside.txt":  {Data: []byte("# lunch and the like\nlunch\n")},
		"roles.txt":    {Data: []byte("EM, engineering manager\n")},
	}
	several, err := Load(pages)
	if err != nil {
		t.Fatal(err)
	}
	if embedded.Outside != nil || string(several.Outside) != "# lunch and the like\nlunch\n" {
		t.Errorf("outside.txt read as %q and %q", embedded.Outside, several.Outside)
	}
	if embedded.Roles != nil || string(several.Roles) != "EM, engineering manager\n" {
		t.Errorf("roles.txt read as %q and %q", embedded.Roles, several.Roles)
	}
	// Examples naming a title two sections share, and a lesson whose
	// section is gone: warned of at start.
	warned, err := Load(fstest.MapFS{
		"a.md":       {Data: []byte("# A\n\n## Scope\n\ntext\n")},
		"b.md":       {Data: []byte("# B\n\n## Scope\n\nmore\n")},
		ExamplesFile: {Data: []byte(`{"question": "what is the scope", "expect": ["Scope"]}` + "\n")},
		TaughtFile:   {Data: []byte(`{"question": "what is gone", "expect": ["Gone"]}` + "\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(warned.SharedTitles()) == 0 || warned.LostLessons() == 0 {
		t.Fatalf("shared %v, lost %d: want a shared title and a lost lesson to keep", warned.SharedTitles(), warned.LostLessons())
	}
	for name, g := range map[string]*Guide{"embedded": embedded, "several pages": several, "warned": warned} {
		var buf bytes.Buffer
		if err := g.Encode(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := Decode(&buf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(everything(back), everything(g)) || !reflect.DeepEqual(back.Synonyms, g.Synonyms) || !reflect.DeepEqual(back.Outside, g.Outside) || !reflect.DeepEqual(back.Roles, g.Roles) {
			t.Errorf("%s: decoded guide differs", name)
		}
		// What the owners are warned of at start, reopened too.
		if back.HasExamples() != g.HasExamples() || !slices.Equal(back.SharedTitles(), g.SharedTitles()) || back.LostLessons() != g.LostLessons() {
			t.Errorf("%s: decoded examples %v, shared %v, lost %d; want %v, %v, %d", name, back.HasExamples(), back.SharedTitles(), back.LostLessons(), g.HasExamples(), g.SharedTitles(), g.LostLessons())
		}
		for i, p := range g.Pages {
			if !reflect.DeepEqual(back.Pages[i].Meta, p.Meta) || back.Pages[i].Label != p.Label || back.Pages[i].Order != p.Order {
				t.Errorf("%s: page %s: meta %v, want %v", name, p.Name, back.Pages[i].Meta, p.Meta)
			}
		}
	}
}

// TestDecodeRefusesDamagedBodies: a kept guide whose bodies were damaged
// fails Decode, rather than the first read of the damaged section.
func TestDecodeRefusesDamagedBodies(t *testing.T) {
	t.Parallel()
	g, err := Load(fstest.MapFS{"a.md": {Data: []byte("# A\n\n## One\n\nsome unusual text\n")}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := g.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(buf.Bytes(), []byte("unusual"))
	if i < 0 {
		t.Fatal("the body is not in the encoded guide")
	}
	buf.Bytes()[i] = 'U'
	if _, err := Decode(&buf); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Decode of a damaged guide: %v", err)
	}
}

// TestDecodedBodiesReadConcurrently: sections of a decoded guide decode
// their bodies on first read, safely from several goroutines (run with
// -race).
func TestDecodedBodiesReadConcurrently(t *testing.T) {
	t.Parallel()
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	back := roundTrip(t, g)
	want := everything(g)
	got := make([][]string, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = everything(back) })
	}
	wg.Wait()
	for i := range got {
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("reader %d saw another guide", i)
		}
	}
}

// roundTrip encodes a guide and decodes it back.
func roundTrip(t *testing.T, g *Guide) *Guide {
	t.Helper()
	var buf bytes.Buffer
	if err := g.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// everything is all a guide's sections hold, with their tree.
func everything(g *Guide) []string {
	var out []string
	for _, s := range g.Sections() {
		parent := ""
		if s.Parent != nil {
			parent = s.Parent.ID
		}
		out = append(out, fmt.Sprintf("%s|%s|%d|%d|%s|%s|%d", s.ID, s.Title, s.Level, s.Line, parent, s.Page.Name, len(s.Children)))
		for _, b := range s.Blocks() {
			out = append(out, b.Plain(), fmt.Sprintf("%d %v %d %d %v", b.Kind, b.Ordered, b.Start, b.Line, b.Text))
			for _, it := range b.Items {
				out = append(out, fmt.Sprintf("%v", it))
			}
			if b.Table != nil {
				out = append(out, fmt.Sprintf("%v %v", b.Table.Header, b.Table.Rows))
			}
		}
	}
	return out
}

func TestFingerprintFollowsContent(t *testing.T) {
	t.Parallel()
	a := fstest.MapFS{"a.md": {Data: []byte("# A\n")}}
	b := fstest.MapFS{"a.md": {Data: []byte("# B\n")}}
	c := fstest.MapFS{"a.md": {Data: []byte("# A\n")}, "synonyms.txt": {Data: []byte("x, y\n")}}
	fp := func(fsys fstest.MapFS) string {
		s, err := Fingerprint(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	same := fstest.MapFS{"a.md": {Data: []byte("# A\n")}}
	if fp(a) != fp(same) || fp(a) == fp(b) || fp(a) == fp(c) {
		t.Error("fingerprints do not follow the pages and synonyms")
	}
}

// TestDecodeRefusesImpossibleCounts: a header claiming more sections than
// any guide has fails Decode, without sizing anything from it.
func TestDecodeRefusesImpossibleCounts(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	h := storedHeader{Pages: []storedPage{{Name: "a.md", Sections: 1}, {Name: "b.md", Sections: math.MaxInt}}}
	if err := gob.NewEncoder(&buf).Encode(h); err != nil {
		t.Fatal(err)
	}
	if _, err := Decode(&buf); err == nil {
		t.Error("Decode accepted a header of MaxInt sections")
	}
}

// TestParsePageResolvesEscapes reads a page as its reader sees it:
// character references and backslash escapes resolved in headings, text
// and table cells, as any markdown viewer shows them; code kept as
// written; a bare ampersand left alone.
func TestParsePageResolvesEscapes(t *testing.T) {
	t.Parallel()
	src := "# Guide\n\n## Budget &amp; Planning &mdash; Q1\n\nUse snake\\_case, own the P&L &#38; `a\\_b`.\n\n| Term | Means |\n| --- | --- |\n| a \\| b | &lt;either&gt; |\n"
	p, err := ParsePage("p.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	g, err := New([]*Page{p})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := g.Section("budget-planning-q1")
	if !ok {
		t.Fatalf("no section budget-planning-q1 in\n%s", outline(g))
	}
	if want := "Budget & Planning — Q1"; s.Title != want {
		t.Errorf("title %q, want %q", s.Title, want)
	}
	para := s.Blocks()[0].Text
	if got, want := para.Plain(), "Use snake_case, own the P&L & a\\_b."; got != want {
		t.Errorf("paragraph %q, want %q", got, want)
	}
	if code := para[len(para)-2]; !code.Code || code.Text != "a\\_b" {
		t.Errorf("code span %+v, want a\\_b as code", code)
	}
	row := s.Tables()[0].Rows[0]
	if got := []string{row[0].Plain(), row[1].Plain()}; got[0] != "a | b" || got[1] != "<either>" {
		t.Errorf("row %q, want [a | b <either>]", got)
	}
}

// TestLoadSaysPagesInSubfoldersAreNotRead: a folder whose pages lie in a
// subfolder has none, and the error says where they must be; one with no
// page at all is told only that.
func TestLoadSaysPagesInSubfoldersAreNotRead(t *testing.T) {
	t.Parallel()
	_, err := Load(fstest.MapFS{"guide/roles.md": {Data: []byte("# Roles\n\nText.\n")}})
	if err == nil || !strings.Contains(err.Error(), "not in subfolders") {
		t.Errorf("Load = %v; want an error saying pages in subfolders are not read", err)
	}
	// A folder with no page is told what it holds instead, and how a
	// page is named.
	_, err = Load(fstest.MapFS{"Staff.markdown": {Data: []byte("# Staff\n")}, "PRINCIPAL.MD": {Data: []byte("# P\n")}})
	if want := "no *.md pages found among PRINCIPAL.MD, Staff.markdown: a page's name ends in .md, in lower case"; err == nil || err.Error() != want {
		t.Errorf("Load of a folder without pages = %v; want %q", err, want)
	}
	if _, err = Load(fstest.MapFS{}); err == nil || err.Error() != "no *.md pages found" {
		t.Errorf("Load of an empty folder = %v", err)
	}
}

// TestByteOrderMarkIsNoText: a file an editor started with a byte order
// mark reads as without it: the page's frontmatter is its frontmatter, not
// its first paragraph, and an examples file's first line is JSON.
func TestByteOrderMarkIsNoText(t *testing.T) {
	t.Parallel()
	bom := "\ufeff"
	g, err := Load(fstest.MapFS{
		"d.md":           {Data: []byte(bom + "---\nlabel: Handbook\n---\n# Director\n\n## Skills\n\nStrategy.\n")},
		"examples.jsonl": {Data: []byte(bom + `{"question": "what skills", "expect": ["Skills"]}` + "\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	root := g.Sections()[0]
	if root.Page.Label != "Handbook" || strings.Contains(root.Text(), "label") {
		t.Errorf("label %q, text %q: the frontmatter was read as text", root.Page.Label, root.Text())
	}
	qs, err := g.ReadQuestions("questions.jsonl", strings.NewReader(bom+`{"question": "what skills", "expect": ["Skills"]}`+"\n"))
	if err != nil || len(qs) != 1 {
		t.Errorf("questions %v, %v", qs, err)
	}
}

// TestParsePageTellsEveryMistake: a page's mistaken lines are told at
// once, in order, so that they are mended in one go: the first
// maxMistakes, then a count of the rest.
func TestParsePageTellsEveryMistake(t *testing.T) {
	t.Parallel()
	page := "# T\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n\n## <span></span>\n\nx\n\n| c | d |\n|---|\n"
	_, err := ParsePage("p.md", []byte(page))
	want := []string{
		"p.md:5: table row has 3 cells, the header has 2",
		"p.md:6: table row has 3 cells, the header has 2",
		"p.md:8: heading has no text",
		"p.md:12: malformed table",
	}
	got := Mistakes(err)
	if len(got) != len(want) {
		t.Fatalf("mistakes %v; want %d", got, len(want))
	}
	for i, m := range got {
		if !strings.HasPrefix(m.Error(), want[i]) {
			t.Errorf("mistake %d = %q, want %q", i, m, want[i])
		}
	}
	many := "# T\n\n| a | b |\n|---|---|\n" + strings.Repeat("| 1 | 2 | 3 |\n", maxMistakes+5)
	_, err = ParsePage("p.md", []byte(many))
	if got := Mistakes(err); len(got) != maxMistakes+1 || MistakenLines(got) != maxMistakes+5 {
		t.Errorf("%d mistakes standing for %d lines; want %d listed and a count, for %d", len(got), MistakenLines(got), maxMistakes, maxMistakes+5)
	}
}

// TestShortTableRowIsPadded: a row of fewer cells than its header is
// drawn as GitHub draws it, with empty cells after its own.
func TestShortTableRowIsPadded(t *testing.T) {
	t.Parallel()
	p, err := ParsePage("p.md", []byte("# T\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 |\n"))
	if err != nil {
		t.Fatal(err)
	}
	rows := p.Root.Tables()[0].Rows
	if len(rows) != 1 || len(rows[0]) != 3 || rows[0][1].Plain() != "2" || rows[0][2].Plain() != "" {
		t.Errorf("rows %v; want one row of 3 cells, the last empty", rows)
	}
}

// TestUntitledPagesAreTold: a page without a # title nor a label is told
// to its owners; one with either is not.
func TestUntitledPagesAreTold(t *testing.T) {
	t.Parallel()
	g, err := Load(fstest.MapFS{
		"onboarding.md": {Data: []byte("Welcome to the team.\n\n## First Week\n\nShip a change.\n")},
		"faq.md":        {Data: []byte("---\nlabel: FAQ\n---\nAsk away.\n")},
		"staff.md":      {Data: []byte("# Staff\n\nStaff engineers lead.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := g.UntitledPages()
	if len(got) != 1 || !strings.HasPrefix(got[0], "onboarding.md has no # title nor label") {
		t.Errorf("UntitledPages = %q; want onboarding.md's alone", got)
	}
}

// TestLoadTellsEveryMistake: the mistakes of every page, and every
// duplicate heading, are told at once, not one run at a time.
func TestLoadTellsEveryMistake(t *testing.T) {
	t.Parallel()
	_, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("# A\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n")},
		"b.md": {Data: []byte("# B\n\ntext\n\n| a | b |\n|---|\n")},
		// Without the broken pages, this one's IDs would lose their prefix
		// and its title clash with its section: it is not checked.
		"onboarding.md": {Data: []byte("# Onboarding\n\nWelcome.\n\n## Onboarding\n\nDay one.\n")},
	})
	if got := len(Mistakes(err)); got != 2 {
		t.Errorf("two broken pages: %d mistakes told: %v", got, err)
	}
	_, err = Load(fstest.MapFS{"a.md": {Data: []byte("# A\n\n## FAQ\n\nx\n\n## FAQ\n\ny\n\n## Scope\n\nz\n\n## Scope\n\nw\n")}})
	var lines []int
	for _, m := range Mistakes(err) {
		lines = append(lines, m.Line)
	}
	if !slices.Equal(lines, []int{7, 15}) {
		t.Errorf("two duplicate headings: lines %v told, want 7 and 15: %v", lines, err)
	}
	// Past the first 20 of a page, the rest are counted, in its name.
	_, err = Load(fstest.MapFS{"a.md": {Data: []byte("# A\n\nx\n" + strings.Repeat("\n## FAQ\n\ny\n", maxMistakes+3))}, "b.md": {Data: []byte("# B\n\nz\n")}})
	mistakes := Mistakes(err)
	if last := mistakes[len(mistakes)-1]; len(mistakes) != maxMistakes+1 || last.File != "a.md" || last.More != 2 || !strings.Contains(mistakes[0].Error(), `a.md:9: duplicate section ID "a/faq"`) {
		t.Errorf("23 duplicate headings: %v", err)
	}
}
