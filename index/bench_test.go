package index

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/content/synthetic"
)

// benchQuestions mix a broad question, a row question, a typo and an
// out-of-scope one, for the embedded guide.
var benchQuestions = []string{
	"what skills does a director need?",
	"who does a VP report to?",
	"dirctor skils",
	"how do I bake sourdough bread",
}

// syntheticQuestions are in the synthetic guides' vocabulary, with the same
// mix.
var syntheticQuestions = []string{
	"how should a director plan the quarterly budget?",
	"vp roadmap review",
	"stakeholdr retenton",
	"sourdough bread recipe",
}

// benchSizes are the synthetic guides' sizes, in sections.
var benchSizes = []int{1000, 10000, 100000}

var (
	guidesMu sync.Mutex
	guides   = map[string]*content.Guide{}
)

// benchGuide returns the embedded guide ("embedded") or a synthetic one
// ("sections=N"), parsed once per test binary.
func benchGuide(b *testing.B, name string) *content.Guide {
	b.Helper()
	guidesMu.Lock()
	defer guidesMu.Unlock()
	if g, ok := guides[name]; ok {
		return g
	}
	g, err := content.Load(benchFiles(b, name))
	if err != nil {
		b.Fatal(err)
	}
	guides[name] = g
	return g
}

// benchFiles returns the files of the embedded guide ("embedded") or of a
// synthetic one ("sections=N").
func benchFiles(b *testing.B, name string) fs.FS {
	b.Helper()
	if name == "embedded" {
		return content.EmbeddedFiles()
	}
	var n int
	if _, err := fmt.Sscanf(name, "sections=%d", &n); err != nil {
		b.Fatal(err)
	}
	return synthetic.Files(n, 1)
}

func benchNames() []string {
	names := []string{"embedded"}
	for _, n := range benchSizes {
		names = append(names, fmt.Sprintf("sections=%d", n))
	}
	return names
}

// heapInUse is the live heap after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkBuild indexes guides in memory. heap-MB is what the index keeps
// once built; B/op is what building it allocates along the way.
func BenchmarkBuild(b *testing.B) {
	for _, name := range benchNames() {
		b.Run(name, func(b *testing.B) {
			g := benchGuide(b, name)
			b.ReportAllocs()
			var kept uint64
			for b.Loop() {
				before := heapInUse()
				ix, err := Build(b.Context(), g)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				kept = heapInUse() - before
				_ = ix.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(kept)/(1<<20), "heap-MB")
		})
	}
}

// BenchmarkBuildVsPlain builds each guide's index and, in the same
// iteration, a plain bleve index of the same sections (title and text, the
// default mapping, the same batches): plain-ratio is the bot's build time
// over plain bleve's, which holds on any machine.
func BenchmarkBuildVsPlain(b *testing.B) {
	for _, name := range benchNames() {
		b.Run(name, func(b *testing.B) {
			g := benchGuide(b, name)
			versusPlain(b, func() error { return buildPlain(g) }, func() (*Index, error) { return Build(b.Context(), g) })
		})
	}
}

// BenchmarkPersistVsPlain is BenchmarkBuildVsPlain for an index kept on
// disk, as INDEX_DIR keeps one: Open parses the pages, indexes them,
// merges the index into one segment and opens it to serve; beside it, in
// the same iteration, the same pages are parsed and indexed with bleve's
// defaults in a folder of their own.
func BenchmarkPersistVsPlain(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			files := synthetic.Files(n, 1)
			var dir string
			versusPlain(b, func() error {
				dir = b.TempDir()
				return persistPlain(files, filepath.Join(dir, "plain"))
			}, func() (*Index, error) { return Open(b.Context(), files, filepath.Join(dir, "ours")) })
		})
	}
}

// versusPlain times, in each iteration, a plain bleve build and then the
// bot's, and reports plain bleve's time and the ratio of the two.
func versusPlain(b *testing.B, plain func() error, ours func() (*Index, error)) {
	var oursTime, plainTime time.Duration
	for b.Loop() {
		start := time.Now()
		if err := plain(); err != nil {
			b.Fatal(err)
		}
		plainTime += time.Since(start)
		start = time.Now()
		ix, err := ours()
		if err != nil {
			b.Fatal(err)
		}
		oursTime += time.Since(start)
		_ = ix.Close()
	}
	b.ReportMetric(float64(plainTime.Milliseconds())/float64(b.N), "plain-ms")
	b.ReportMetric(float64(oursTime)/float64(plainTime), "plain-ratio")
}

// persistPlain parses a guide's pages and indexes its sections, title and
// text, on disk with bleve's defaults.
func persistPlain(files fs.FS, path string) error {
	g, err := content.Load(files)
	if err != nil {
		return err
	}
	b, err := bleve.New(path, bleve.NewIndexMapping())
	if err != nil {
		return err
	}
	err = fillPlain(b, g)
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	return err
}

// buildPlain indexes the guide's sections, title and text, in memory with
// bleve's defaults.
func buildPlain(g *content.Guide) error {
	b, err := plainIndex(g)
	if err == nil {
		err = b.Close()
	}
	return err
}

// plainIndex is a plain bleve index of the guide's sections.
func plainIndex(g *content.Guide) (bleve.Index, error) {
	b, err := bleve.New("", bleve.NewIndexMapping())
	if err != nil {
		return nil, err
	}
	if err := fillPlain(b, g); err != nil {
		_ = b.Close()
		return nil, err
	}
	return b, nil
}

func fillPlain(b bleve.Index, g *content.Guide) error {
	batch := b.NewBatch()
	for i, s := range g.Sections() {
		if err := batch.Index(sectionDocID(i), map[string]string{"title": s.Title, "body": s.Text()}); err != nil {
			return err
		}
		if batch.Size() >= batchSize {
			if err := b.Batch(batch); err != nil {
				return err
			}
			batch.Reset()
		}
	}
	return b.Batch(batch)
}

// BenchmarkOpen opens an index persisted by an earlier Open: what a
// restart costs with INDEX_DIR set. Compare with BenchmarkBuild.
func BenchmarkOpen(b *testing.B) {
	for _, name := range benchNames() {
		b.Run(name, func(b *testing.B) {
			files := benchFiles(b, name)
			dir := filepath.Join(b.TempDir(), "index")
			ix, err := Open(b.Context(), files, dir)
			if err != nil {
				b.Fatal(err)
			}
			if err := ix.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				ix, err := Open(b.Context(), files, dir)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := ix.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkSearch answers one question per operation, beside bleve's own
// match query for it on a plain index of the same sections: normalize, query,
// fold rows into sections.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	for _, name := range benchNames() {
		questions := syntheticQuestions
		if name == "embedded" {
			questions = benchQuestions
		}
		b.Run(name, func(b *testing.B) {
			ix, err := Build(b.Context(), benchGuide(b, name))
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			plain, err := plainIndex(benchGuide(b, name))
			if err != nil {
				b.Fatal(err)
			}
			defer plain.Close()
			for i, q := range questions {
				b.Run(fmt.Sprintf("q%d/bot", i), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := ix.Search(ctx, q, 5); err != nil {
							b.Fatal(err)
						}
					}
				})
				// The baseline: bleve's own match query for the question,
				// over the same sections indexed with its defaults.
				b.Run(fmt.Sprintf("q%d/plain-bleve", i), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 20, 0, false)
						if _, err := plain.SearchInContext(ctx, req); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
