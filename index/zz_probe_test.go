package index

import (
	"os"
	"strings"
	"testing"
)

func TestZZProbe(t *testing.T) {
	ix := embedded(t)
	for _, q := range strings.Split(os.Getenv("ZZQ"), "|") {
		r, err := ix.Ask(t.Context(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("Q %q why=%v unsure=%v declined=%.2f", q, r.Why, r.Unsure, r.Declined)
		for _, h := range r.Hits {
			t.Logf("   %-40s %.3f rows=%v passage=%v also=%v", h.Section.Title, h.Score, h.Rows, h.Passage, h.Also)
		}
		for _, h := range r.Closest {
			t.Logf("   closest %-32s %.3f", h.Section.Title, h.Score)
		}
	}
}

func TestZZVocab(t *testing.T) {
	ix := embedded(t)
	for _, w := range []string{"60", "40", "strategi", "strategy", "spend", "time"} {
		t.Logf("%s vocab=%v known=%v", w, ix.vocab[w], ix.known[w])
	}
}
