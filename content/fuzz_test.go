package content

import "testing"

// FuzzParsePage checks that any markdown gives a page or its mistakes
// (*Error), never a panic, and that a page always has a root.
func FuzzParsePage(f *testing.F) {
	for _, seed := range []string{
		"# T\n\ntext\n",
		"---\nlabel: x\norder: 3\n---\n# T\n\n## A\n\n**B**\n\n- a\n- b\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n",
		"**only bold**",
		"---\n---\n",
		"> quote\n\n*italic*\n\n```\ncode\n```\n",
		"# A\n\n## B\n\n## B\n",
		"| a |\n|---|\n| 1 | 2 |\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := ParsePage("fuzz.md", src)
		if err != nil {
			if len(Mistakes(err)) == 0 {
				t.Fatalf("error of type %T, with no mistaken line: %v", err, err)
			}
			return
		}
		if p.Root == nil {
			t.Fatal("page without root")
		}
		if _, err := New([]*Page{p}); err != nil && len(Mistakes(err)) == 0 {
			t.Fatalf("error of type %T, with no mistaken line: %v", err, err)
		}
	})
}
