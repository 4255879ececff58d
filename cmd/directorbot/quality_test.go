package main

import (
	"context"
	"testing"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
)

// TestSearchQuality holds each question set to the figures the search
// reaches today, through the real renderer (the direct-answer rate reads
// what ask prints). questions.jsonl and the tuning sets were tuned on;
// the held-out sets never were, so their floors are what the search gives
// questions nobody tuned it for. The targets we aim at for unseen wording
// (top-1 0.90, top-3 0.97, every off-topic question refused, at most 2 %
// of answerable ones refused, direct answers 0.85) are not reached yet:
// BENCHMARKS.md tells the gap.
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
		{"tuning.jsonl", 0.89, 0.95, 0.86, 0, 1},
		{"tuning2.jsonl", 0.84, 0.94, 0.80, 1, 1},
		{"tuning3.jsonl", 0.84, 0.93, 0.83, 2, 1},
		{"tuning4.jsonl", 0.80, 0.86, 0.77, 2, 1},
		{"tuning5.jsonl", 0.72, 0.84, 0.70, 2, 1},
		{"tuning6.jsonl", 0.71, 0.87, 0.61, 6, 1},
		{"tuning7.jsonl", 0.65, 0.84, 0.54, 7, 3},
		{"tuning8.jsonl", 0.74, 0.88, 0.71, 5, 1},
		{"tuning9.jsonl", 0.77, 0.92, 0.72, 4, 1},
		{"tuning10.jsonl", 0.70, 0.81, 0.66, 16, 4},
		{"heldout.jsonl", 0.81, 0.93, 0.70, 3, 1},
		{"heldout2.jsonl", 0.77, 0.86, 0.72, 10, 3},
		{"heldout3.jsonl", 0.74, 0.88, 0.68, 9, 3},
		{"heldout4.jsonl", 0.71, 0.89, 0.65, 8, 2},
		{"heldout5.jsonl", 0.80, 0.86, 0.76, 8, 3},
		{"heldout6.jsonl", 0.73, 0.86, 0.67, 11, 6},
		{"heldout7.jsonl", 0.80, 0.88, 0.76, 11, 2},
		{"heldout8.jsonl", 0.67, 0.85, 0.67, 13, 4},
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
