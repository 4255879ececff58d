package content

import (
	"bytes"
	"strings"
	"testing"
)

// chunkyPage has what a cut before a heading could break: fenced code
// holding heading lines, a list, a table and a quote just above headings,
// a bold pseudo-heading, and headings of every level.
const chunkyPage = "---\nlabel: Chunky\n---\n# Page\n\nIntro *text*.\n\n## One\n\n- a\n- b\n# Top again\n\n" +
	"| h | i |\n|---|---|\n| 1 | 2 |\n## Two\n\n> quoted\n### Three\n\n```md\n# not a heading\n## nor this\n```\n\n" +
	"~~~~\n```\n# still code\n~~~~\n#### Four\n\n**Bold heading**\n\ntext under it\n\n###### Six\n\nlast\n"

// tricky are pages where a cut before a heading falls inside a block, or
// where a link definition reaches across chunks.
var tricky = map[string]string{
	"details with a fence":       "# Handbook\n\nIntro.\n\n<details>\n```\n</details>\n\n## Setup\n\n```\nmake\n\n# then run\n./bot\n```\n\n## Deploy\n\nPush it.\n",
	"fence on a list marker":     "# A\n\ntext\n\n- ```\n  code\n  ```\n\n```\n\n# inside code\n```\n",
	"list fence closed deeper":   "# A\n\ntext\n\n-  a\n\n   ```\n      ```\n\n```\n\n# in code\n```\n",
	"nbsp line in a div":         "# A\n\ntext\n\n<div>\n\u00a0\n# inside div\n</div>\n",
	"closing fence and nbsp":     "# A\n\ntext\n\n```\ncode\n```\u00a0\n\n# still code\n",
	"comment over a blank line":  "# A\n\n<!--\n\n# Draft\n\n-->\n\n# B\n\n<pre>\n\n# code\n</PRE>\n\n# C\n",
	"self-closing pre":           "# A\n\ntext\n\n<pre/>\n\n# in pre\n</pre>\n",
	"pre closed by script":       "# A\n\ntext\n\n<pre>\nx\n</script>\n\n```\n</pre>\n\n# in code\n```\n",
	"link definition in a quote": "# A\n\nSee [the guide][g].\n\n# B\n\n> [g]: https://example.com\n",
	"link definition in a list":  "# A\n\nSee [g].\n\n# B\n\n- [g]: https://example.com\n",
	"escaped bracket in a label": "# A\n\nSee [a\\]b].\n\n# B\n\n[a\\]b]: https://example.com\n",
	"link definition at the end": "# A\n\nSee [the guide][g].\n\n## B\n\ntext\n\n[g]: https://example.com\n",
}

// TestChunkedParseIsWholeParse: a page parsed in the smallest chunks
// gives the same sections, blocks and lines as parsed whole.
func TestChunkedParseIsWholeParse(t *testing.T) {
	t.Parallel()
	director, err := embedded.ReadFile("director.md")
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{"director.md": director, "chunky.md": []byte(chunkyPage)}
	for name, src := range tricky {
		pages[name] = []byte(src)
	}
	for name, src := range pages {
		_, body, err := splitFrontmatter(name, src)
		if err != nil {
			t.Fatal(err)
		}
		if _, isTricky := tricky[name]; !isTricky && len(chunks(body, 1)) < 3 {
			t.Fatalf("%s: hardly cut", name)
		}
		if whole, cut := parsedView(src, len(src)+1), parsedView(src, 1); cut != whole {
			t.Errorf("%s: parsed in chunks differs from parsed whole:\n%s\nwant\n%s", name, cut, whole)
		}
	}
}

// parsedView is what a page parsed in chunks of size holds, or its error.
func parsedView(src []byte, size int) string {
	p, err := parsePage("page.md", src, size)
	if err != nil {
		return "error: " + err.Error()
	}
	g, err := New([]*Page{p})
	if err != nil {
		return "error: " + err.Error()
	}
	return strings.Join(everything(g), "\n")
}

// TestChunks: cuts fall before headings that follow a blank line.
func TestChunks(t *testing.T) {
	t.Parallel()
	body := []byte(chunkyPage)
	for _, c := range chunks(body, 1)[1:] {
		if !atxHeading.Match(body[c.start:c.end]) || !bytes.HasSuffix(body[:c.start], []byte("\n\n")) {
			t.Errorf("a chunk starts at line %d: %q", c.line, body[c.start:min(c.end, c.start+20)])
		}
	}
}

// FuzzChunkedParse: whatever the page, parsing it in the smallest chunks
// gives what parsing it whole gives.
func FuzzChunkedParse(f *testing.F) {
	f.Add([]byte(chunkyPage))
	for _, src := range tricky {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if whole, cut := parsedView(src, len(src)+1), parsedView(src, 1); cut != whole {
			t.Errorf("parsed in chunks:\n%s\nparsed whole:\n%s", cut, whole)
		}
	})
}
