package main

import (
	"context"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
)

// TestSearchQuality holds each question set to the figures the search
// reaches today, through the real renderer (the direct-answer rate reads
// what ask prints). questions.jsonl and examples.jsonl (the ten tuning
// sets) were tuned on; the held-out sets never were, so their floors are
// what the search gives questions nobody tuned it for. The targets we aim
// at for unseen wording (top-1 0.90, top-3 0.97, every off-topic question
// refused, at most 2 % of answerable ones refused, direct answers 0.85)
// are not reached yet: BENCHMARKS.md tells the gap.
func TestSearchQuality(t *testing.T) {
	t.Parallel()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(g)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	tests := []struct {
		file                       string
		top1, top3, direct         float64
		offTopicMissed, refusedPct int
	}{
		{"questions.jsonl", 0.93, 0.97, 0, 0, 2},
		{"examples.jsonl", 0.79, 0.90, 0.75, 45, 1},
		{"heldout.jsonl", 0.81, 0.93, 0.70, 3, 1},
		{"heldout2.jsonl", 0.77, 0.86, 0.72, 10, 3},
		{"heldout3.jsonl", 0.74, 0.88, 0.68, 9, 3},
		{"heldout4.jsonl", 0.71, 0.89, 0.65, 8, 2},
		{"heldout5.jsonl", 0.80, 0.86, 0.76, 8, 3},
		{"heldout6.jsonl", 0.73, 0.86, 0.67, 11, 6},
		{"heldout7.jsonl", 0.80, 0.88, 0.76, 11, 2},
		{"heldout8.jsonl", 0.67, 0.85, 0.67, 13, 4},
		{"heldout9.jsonl", 0.72, 0.88, 0.66, 12, 2},
		{"heldout10.jsonl", 0.77, 0.91, 0.74, 9, 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			cases, err := quality.LoadCases("../../index/testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := quality.Evaluate(context.Background(), ix, cases, preview(ix))
			if err != nil {
				t.Fatal(err)
			}
			t.Log(r.Score)
			if r.Top1 < tt.top1 || r.Top3 < tt.top3 || r.Direct < tt.direct ||
				r.NoneTotal-r.None > tt.offTopicMissed || 100*r.Refused > tt.refusedPct*r.Answerable {
				t.Errorf("%s: %s, below top1=%.2f top3=%.2f direct=%.2f with at most %d off-topic answered and %d %% refused",
					tt.file, r.Score, tt.top1, tt.top3, tt.direct, tt.offTopicMissed, tt.refusedPct)
			}
		})
	}
}

// TestExamplesTeachSearch gives the embedded guide the tuning sets as its
// examples.jsonl, as a guide's owners would, and holds the held-out sets,
// which neither taught nor tuned anything, to more right answers than the
// guide gets without them, with no more off-topic questions answered.
func TestExamplesTeachSearch(t *testing.T) {
	t.Parallel()
	examples, err := os.ReadFile("../../index/testdata/examples.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	page, err := fs.ReadFile(content.EmbeddedFiles(), "director.md")
	if err != nil {
		t.Fatal(err)
	}
	score := func(files fstest.MapFS) quality.Score {
		g, err := content.Load(files)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := index.Build(g)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		var cases []content.Question
		for _, name := range []string{"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10"} {
			set, err := quality.LoadCases("../../index/testdata/" + name + ".jsonl")
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, set...)
		}
		r, err := quality.Evaluate(context.Background(), ix, cases, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r.Score
	}
	plain := score(fstest.MapFS{"director.md": {Data: page}})
	taught := score(fstest.MapFS{"director.md": {Data: page}, content.ExamplesFile: {Data: examples}})
	t.Logf("without examples: %s; with: %s", plain, taught)
	if taught.Top1 < plain.Top1+0.02 || taught.Top3 < plain.Top3+0.02 || taught.None < plain.None {
		t.Errorf("examples taught too little: %s, without them %s", taught, plain)
	}
}
