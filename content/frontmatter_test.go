package content

import (
	"strings"
	"testing"
)

// TestMisspeltFrontmatterKeys refuses a key a slip away from one the
// guide reads, which would otherwise do nothing, and keeps an owner's
// own keys.
func TestMisspeltFrontmatterKeys(t *testing.T) {
	t.Parallel()
	prompts, plan := []any{"Ask me"}, map[string]any{"indicators": "Signs"}
	for _, tc := range []struct {
		key   string
		value any
		want  string
	}{
		{"promts", prompts, "prompts"}, {"lable", "Team", "label"}, {"Label", "Team", "label"}, {"Prompts", prompts, "prompts"},
		{"ordr", 3, "order"}, {"abuot", "Us", "about"}, {"plans", plan, "plan"}, {"prompt", prompts, "prompts"},
		// An owner's own keys: no slip, or a value of another shape.
		{"path", "x", ""}, {"tags", []any{"a"}, ""}, {"owner", "me", ""}, {"label", "Team", ""},
		{"labels", []any{"a", "b"}, ""}, {"plans", "quarterly", ""}, {"orders", "many", ""},
	} {
		if got := misspeltKey(tc.key, tc.value); got != tc.want {
			t.Errorf("misspeltKey(%q, %v) = %q, want %q", tc.key, tc.value, got, tc.want)
		}
	}
	_, err := ParsePage("p.md", []byte("---\nlabel: P\npromts:\n  - Ask me\nabuot: Us\n---\n# P\n\ntext\n"))
	if err == nil || !strings.Contains(err.Error(), `p.md:3: frontmatter key "promts": did you mean "prompts"?`) {
		t.Errorf("a misspelt key: %v", err)
	}
	_, err = ParsePage("p.md", []byte("---\nlabel: P\nabout: Hiring: how we do it\n---\n# P\n\ntext\n"))
	if err == nil || !strings.Contains(err.Error(), "p.md:3: broken frontmatter: mapping values are not allowed in this context (a value that holds \": \" must be in quotes") {
		t.Errorf("an unquoted colon: %v", err)
	}
}

// TestFrontmatterMistakesCountFileLines: every line a broken
// frontmatter's message gives is the file's, on the YAML's first line too,
// where YAML itself names none.
func TestFrontmatterMistakesCountFileLines(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"a key given twice", "---\nlabel: P\nabout: Us\nlabel: Q\n---\n# P\n\ntext\n", `p.md:4: broken frontmatter: unmarshal errors: line 4: mapping key "label" already defined at line 2`},
		{"an unquoted colon first", "---\nabout: Hiring: how we do it\nlabel: P\n---\n# P\n\ntext\n", "p.md:2: broken frontmatter: mapping values are not allowed"},
		{"a tab first", "---\n\tlabel: P\n---\n# P\n\ntext\n", "p.md:2: broken frontmatter: found character that cannot start any token"},
		{"no space after a key's colon", "---\nlabel: P\ncompany:true\n---\n# P\n\ntext\n", `p.md:3: broken frontmatter: "company:true": a key is followed by a colon and a space ("company: true")`},
		{"no space after the first key's colon", "---\ncompany:true\nlabel: P\n---\n# P\n\ntext\n", `p.md:2: broken frontmatter: "company:true": a key is followed by a colon and a space`},
		// The first mistake is told, not one after it.
		{"an unquoted colon, then no space", "---\nabout: Hiring: how we do it\nlabel:P\n---\n# P\n\ntext\n", "p.md:2: broken frontmatter: mapping values are not allowed"},
		{"a tab, then no space", "---\n\tlabel: P\nabout:x\n---\n# P\n\ntext\n", "p.md:2: broken frontmatter: found character that cannot start any token"},
		// No line named, the first line sound: the frontmatter as a whole.
		{"an unknown anchor later", "---\nlabel: P\nabout: *nope\n---\n# P\n\ntext\n", "p.md:1: broken frontmatter: unknown anchor 'nope' referenced"},
		// Markdown would read it as a heading, "order: 1", and its text.
		{"no opening fence", "label: P\norder: 1\n---\n# P\n\ntext\n", `p.md:1: the page opens with the frontmatter key "label" but not with ---`},
		{"no opening fence, a blank line before the closing one", "label: P\n\n---\n# P\n\ntext\n", `p.md:1: the page opens with the frontmatter key "label" but not with ---`},
		{"no opening fence, a static site's key", "title: P\nprompts:\n  - Hi\n---\n# P\n\ntext\n", `p.md:1: the page opens with the frontmatter key "title" but not with ---`},
	} {
		if _, err := ParsePage("p.md", []byte(tc.src)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	// A first line that reads as a key, then text, then a horizontal
	// rule, is a page.
	if _, err := ParsePage("p.md", []byte("about: read this before your first week.\n\n# Director\n\ntext\n\n---\n\nFooter.\n")); err != nil {
		t.Errorf("a page with a rule below its text: %v", err)
	}
}

// TestFrontmatterTitle: a page without a # title takes its frontmatter
// title, as a static site writes it, as it would a label; a label wins.
func TestFrontmatterTitle(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ src, want string }{
		{"---\ntitle: Relocation support\n---\n## Moving\n\ntext\n", "Relocation support"},
		{"---\ntitle: Relocation support\nlabel: Relocation\n---\n## Moving\n\ntext\n", "Relocation"},
		{"## Moving\n\ntext\n", "relocation"},
		{"---\nTitle: Relocation support\n---\n## Moving\n\ntext\n", "Relocation support"},
		// Not text: the owner's own key, as before titles were read.
		{"---\ntitle: 1984\n---\n## Moving\n\ntext\n", "relocation"},
	} {
		p, err := ParsePage("relocation.md", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if p.Label != tc.want || p.Root.Title != tc.want {
			t.Errorf("%q: label %q, title %q, want %q", tc.src, p.Label, p.Root.Title, tc.want)
		}
	}
}
