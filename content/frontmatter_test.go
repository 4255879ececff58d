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
	for key, want := range map[string]string{
		"promts": "prompts", "lable": "label", "Label": "", "ordr": "order", "abuot": "about", "plans": "plan",
		"path": "", "tags": "", "owner": "", "label": "", "prompt": "prompts",
	} {
		if got := misspeltKey(key); got != want {
			t.Errorf("misspeltKey(%q) = %q, want %q", key, got, want)
		}
	}
	_, err := ParsePage("p.md", []byte("---\npromts:\n  - Ask me\n---\n# P\n\ntext\n"))
	if err == nil || !strings.Contains(err.Error(), `p.md:1: frontmatter key "promts": did you mean "prompts"?`) {
		t.Errorf("a misspelt key: %v", err)
	}
	_, err = ParsePage("p.md", []byte("---\nlabel: P\nabout: Hiring: how we do it\n---\n# P\n\ntext\n"))
	if err == nil || !strings.Contains(err.Error(), "p.md:3: broken frontmatter: mapping values are not allowed in this context (a value that holds \": \" must be in quotes") {
		t.Errorf("an unquoted colon: %v", err)
	}
}
