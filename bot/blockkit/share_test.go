package blockkit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/index"
)

// TestShareValueNamesWhatTheAskerSaw reads a Share button's value back
// into the hit it was made from: the section, and its quoted passage or
// rows, and whether the answer was unsure.
func TestShareValueNamesWhatTheAskerSaw(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	for _, q := range []string{"who does a VP report to?", "how long before a director becomes a VP?", "how many EMs does a director have?", "what skills does a director need?"} {
		r, err := ix.Ask(t.Context(), q, 1)
		if err != nil || len(r.Hits) == 0 {
			t.Fatalf("Ask(%q) = %v, %v", q, r, err)
		}
		want := index.Hit{Section: r.Hits[0].Section, Passage: r.Hits[0].Passage, Rows: r.Hits[0].Rows}
		for _, unsure := range []bool{false, true} {
			got, gotUnsure, ok := sharedHit(ix.Guide(), shareValue(want, unsure))
			if !ok || !reflect.DeepEqual(got, want) || gotUnsure != unsure {
				t.Errorf("%q: shared %+v, unsure %v; want %+v, %v", q, got, gotUnsure, want, unsure)
			}
		}
	}
	if _, _, ok := sharedHit(ix.Guide(), "no/such/section|r:0.0|00000000"); ok {
		t.Error("a section the guide lacks was shared")
	}
	// After a reload, the same place may hold other text: the quote is left
	// out rather than put in someone's mouth.
	scope, _ := ix.Guide().Section("typical-day-to-day-activities/typical-scope")
	p, _ := index.PassageAt(scope, 0, 1)
	stale := strings.Replace(shareValue(index.Hit{Section: scope, Passage: &p}, false), "|p:0.1|", "|p:0.0|", 1)
	if got, _, ok := sharedHit(ix.Guide(), stale); !ok || got.Passage != nil || got.Section != scope {
		t.Errorf("a quote whose text changed was shared: %+v", got)
	}
}
