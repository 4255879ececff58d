package content

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// chunkyPage has what a cut before a heading could break: fenced code
// holding heading lines, a list, a table and a quote just above headings,
// a bold pseudo-heading, and headings of every level.
const chunkyPage = "---\nlabel: Chunky\n---\n# Page\n\nIntro *text*.\n\n## One\n\n- a\n- b\n# Top again\n\n" +
	"| h | i |\n|---|---|\n| 1 | 2 |\n## Two\n\n> quoted\n### Three\n\n```md\n# not a heading\n## nor this\n```\n\n" +
	"~~~~\n```\n# still code\n~~~~\n#### Four\n\n**Bold heading**\n\ntext under it\n\n###### Six\n\nlast\n"

// TestChunkedParseIsWholeParse: a page parsed in the smallest chunks
// gives the same sections, blocks and lines as parsed whole.
func TestChunkedParseIsWholeParse(t *testing.T) {
	t.Parallel()
	director, err := embedded.ReadFile("director.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{"director.md": director, "chunky.md": []byte(chunkyPage)} {
		_, body, err := splitFrontmatter(name, src)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(chunks(body, 1)); n < 3 {
			t.Fatalf("%s: cut into %d chunks only", name, n)
		}
		parse := func(size int) []string {
			p, err := parsePage(name, src, size)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			g, err := New([]*Page{p})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return everything(g)
		}
		if whole, cut := parse(len(src)), parse(1); !reflect.DeepEqual(cut, whole) {
			t.Errorf("%s: parsed in chunks differs from parsed whole:\n%s\nwant\n%s", name, strings.Join(cut, "\n"), strings.Join(whole, "\n"))
		}
	}
}

// TestChunks: cuts fall before headings outside fenced code, and a page
// with link reference definitions is not cut.
func TestChunks(t *testing.T) {
	t.Parallel()
	for _, c := range chunks([]byte(chunkyPage), 1)[1:] {
		if !atxHeading.Match(c.src) || bytes.HasPrefix(c.src, []byte("# not")) || bytes.HasPrefix(c.src, []byte("## nor")) || bytes.HasPrefix(c.src, []byte("# still")) {
			t.Errorf("a chunk starts at line %d: %q", c.line, c.src[:min(len(c.src), 20)])
		}
	}
	withDefinition := []byte("# A\n\nSee [the guide][g].\n\n## B\n\ntext\n\n[g]: https://example.com\n")
	if n := len(chunks(withDefinition, 1)); n != 1 {
		t.Errorf("a page with a link definition cut into %d chunks", n)
	}
}

// FuzzChunkedParse: whatever the page, parsing it in the smallest chunks
// gives what parsing it whole gives.
func FuzzChunkedParse(f *testing.F) {
	f.Add([]byte(chunkyPage))
	f.Add([]byte("# A\n\n<div>\n# B\n</div>\n\nSetext\n===\n\n- item\n# C\n    # indented\n"))
	f.Add([]byte("# A\n\n<!--\n\n# Draft\n\n-->\n\n# B\n\n<pre>\n\n# code\n</PRE>\n\n# C\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		view := func(size int) string {
			p, err := parsePage("fuzz.md", src, size)
			if err != nil {
				return "error: " + err.Error()
			}
			g, err := New([]*Page{p})
			if err != nil {
				return "error: " + err.Error()
			}
			return strings.Join(everything(g), "\n")
		}
		if whole, cut := view(len(src)+1), view(1); cut != whole {
			t.Errorf("parsed in chunks:\n%s\nparsed whole:\n%s", cut, whole)
		}
	})
}
