package blockkit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// TestShareValueNamesWhatTheAskerSaw reads a Share button's value back
// into the answer it was made from: the section, and its quoted passage
// or rows or the table shown in full, and whether the answer was unsure.
func TestShareValueNamesWhatTheAskerSaw(t *testing.T) {
	t.Parallel()
	ix := guidetest.Embedded(t)
	var answers []answer
	for _, q := range []string{"who does a VP report to?", "how long before a director becomes a VP?", "how many EMs does a director have?", "what skills does a director need?"} {
		r, err := ix.Ask(t.Context(), q, 1)
		if err != nil || len(r.Hits) == 0 {
			t.Fatalf("Ask(%q) = %v, %v", q, r, err)
		}
		answers = append(answers, answer{hit: index.Hit{Section: r.Hits[0].Section, Passage: r.Hits[0].Passage, Rows: r.Hits[0].Rows}})
	}
	cmp, _ := ix.Guide().Section("comparison-director-vs-vp")
	answers = append(answers, answer{hit: index.Hit{Section: cmp}, fullTable: true, tableFrom: 3})
	for _, want := range answers {
		for _, unsure := range []bool{false, true} {
			want.unsure = unsure
			if got, ok := sharedAnswer(ix.Guide(), shareValue(want)); !ok || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: shared %+v; want %+v", want.hit.Section.ID, got, want)
			}
		}
	}
	if _, ok := sharedAnswer(ix.Guide(), "no/such/section|r:0.0|00000000"); ok {
		t.Error("a section the guide lacks was shared")
	}
	// After a reload, the same place may hold other text: the quote is left
	// out rather than put in someone's mouth.
	scope, _ := ix.Guide().Section("typical-day-to-day-activities/typical-scope")
	p, _ := index.PassageAt(scope, 0, 1)
	for _, stale := range []struct {
		value string
		asIs  *content.Section
	}{
		{strings.Replace(shareValue(answer{hit: index.Hit{Section: scope, Passage: &p}}), "|p:0.1|", "|p:0.0|", 1), scope},
		{strings.Replace(shareValue(answer{hit: index.Hit{Section: cmp}, fullTable: true, tableFrom: 3}), "|t:0.3|", "|t:0.2|", 1), cmp},
		{"comparison-director-vs-vp|t:0.999|00000000", cmp},
	} {
		want := answer{hit: index.Hit{Section: stale.asIs}}
		if got, ok := sharedAnswer(ix.Guide(), stale.value); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: a quote whose text changed was shared: %+v", stale.value, got)
		}
	}
}
