package index

import (
	"testing"

	"github.com/directorbot/directorbot/content"
)

// TestCloseTwice: a second Close does nothing, where bleve's own panics.
func TestCloseTwice(t *testing.T) {
	t.Parallel()
	p, err := content.ParsePage("page.md", []byte("# Guide\n\n## Budgets\n\nDirectors own budgets.\n"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := content.New([]*content.Page{p})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if err := ix.Close(); err != nil {
			t.Errorf("close %d: %v", i+1, err)
		}
	}
}
