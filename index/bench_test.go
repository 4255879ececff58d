package index

import (
	"context"
	"fmt"
	"testing"

	"github.com/directorbot/directorbot/content"
)

// benchQuestions mix a broad question, a row question, a typo and an
// out-of-scope one.
var benchQuestions = []string{
	"what skills does a director need?",
	"who does a VP report to?",
	"dirctor skils",
	"how do I bake sourdough bread",
}

func synthetic(b *testing.B, n int) *content.Guide {
	b.Helper()
	g, err := content.Synthetic(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	return g
}

func BenchmarkBuild(b *testing.B) {
	guides := map[string]func() *content.Guide{
		"embedded": func() *content.Guide {
			g, err := content.Embedded()
			if err != nil {
				b.Fatal(err)
			}
			return g
		},
		"sections=10000": func() *content.Guide { return synthetic(b, 10000) },
	}
	for _, name := range []string{"embedded", "sections=10000"} {
		g := guides[name]()
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix, err := Build(g)
				if err != nil {
					b.Fatal(err)
				}
				_ = ix.Close()
			}
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	run := func(b *testing.B, ix *Index) {
		for i, q := range benchQuestions {
			b.Run(fmt.Sprintf("q%d", i), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := ix.Search(ctx, q, 5); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
	b.Run("embedded", func(b *testing.B) { run(b, embedded(b)) })
	b.Run("sections=10000", func(b *testing.B) {
		ix, err := Build(synthetic(b, 10000))
		if err != nil {
			b.Fatal(err)
		}
		defer ix.Close()
		run(b, ix)
	})
}
