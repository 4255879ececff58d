// Package guidetest builds search indexes of guides for the bot's tests:
// the embedded guide's, and one of a single markdown page.
package guidetest

import (
	"context"
	"sync"
	"testing"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

var embedded = sync.OnceValues(func() (*index.Index, error) {
	g, err := content.Embedded()
	if err != nil {
		return nil, err
	}
	return index.Build(context.Background(), g)
})

// Embedded returns the index of the embedded guide, built once for all the
// tests of a binary.
func Embedded(t testing.TB) *index.Index {
	t.Helper()
	ix, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// Guide returns a guide of one markdown page, for what needs no index.
func Guide(t testing.TB, markdown string) *content.Guide {
	t.Helper()
	p, err := content.ParsePage("page.md", []byte(markdown))
	if err != nil {
		t.Fatal(err)
	}
	g, err := content.New([]*content.Page{p})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Page indexes a guide of one markdown page, closing the index when the
// test ends.
func Page(t testing.TB, markdown string) *index.Index {
	t.Helper()
	ix, err := index.Build(t.Context(), Guide(t, markdown))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}
