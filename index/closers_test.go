package index

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"
)

// TestClosersOfTheEmbeddedGuide pairs each of the embedded guide's seven
// indicators with an action of its own, one pinned by the frontmatter.
func TestClosersOfTheEmbeddedGuide(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	closing, err := ix.Closers(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1. Think Like an Executive", "2. Build Executive Relationships", "6. Demonstrate Scalable Leadership", "3. Own Organizational Design",
		"4. Develop External Presence", "7. Get P&L or Business Ownership", "5. Handle Ambiguity and Crisis"}
	items := ix.Guide().Path().Items
	if len(items) != len(want) {
		t.Fatalf("%d indicators, want %d", len(items), len(want))
	}
	for i, in := range items {
		c := closing[in.Key]
		if len(c.Sections) == 0 || c.Sections[0].Title != want[i] {
			t.Errorf("%q is closed by %+v, want %q first", in.Text.Plain(), c.Sections, want[i])
		}
	}
	// The next best action, when it scores half as well, is seen also.
	if also := closing[items[0].Key].Also; also == nil || also.Title != "2. Build Executive Relationships" {
		t.Errorf("%q sees also %+v, want 2. Build Executive Relationships", items[0].Text.Plain(), also)
	}
	// Pinned in the frontmatter: the search shares no word with it.
	if items[6].Pinned == nil {
		t.Fatalf("%q is not pinned", items[6].Text.Plain())
	}
	if c := closing[items[6].Key]; len(c.Sections) != 1 || c.Also != nil {
		t.Errorf("the pinned indicator's closers = %+v, want its pin alone", c)
	}
}

// growth is a page with a path: three indicators, two actions.
const growth = `---
plan:
  indicators: Signals You Are Ready
  actions: Ways to Grow
---
# Growth

## Signals You Are Ready

- Lead hiring across teams
- Coach senior engineers every week
- Juggle chainsaws

## Ways to Grow

### Hiring Across Teams

- Lead hiring across teams with their managers

### Senior Engineers

- Coach senior engineers
`

// TestClosers pairs a path's gaps with the actions that share their
// words: a gap sharing none is left without one, a cancelled pairing is
// searched again, and a guide without a path has none.
func TestClosers(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "growth.md", growth)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := ix.Closers(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled pairing: %v, want context.Canceled", err)
	}
	closing, err := ix.Closers(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	items := ix.Guide().Path().Items
	for i, want := range []string{"Hiring Across Teams", "Senior Engineers", ""} {
		got := ""
		if c := closing[items[i].Key]; len(c.Sections) > 0 {
			got = c.Sections[0].Title
		}
		if got != want {
			t.Errorf("%q is closed by %q, want %q", items[i].Text.Plain(), got, want)
		}
	}
	// Paired once: a cancelled call gets the pairing without searching,
	// and a map of its own.
	again, err := ix.Closers(ctx)
	if err != nil || !reflect.DeepEqual(again, closing) {
		t.Errorf("paired again: %v, %v; want %v", again, err, closing)
	}
	clear(again)
	if kept, _ := ix.Closers(t.Context()); len(kept) != len(closing) {
		t.Errorf("a caller's change reached the pairing kept: %v", kept)
	}
	// A plan waiting for another's pairing waits as long as its own
	// context allows.
	waiting := pageIndex(t, "growth.md", growth)
	waiting.closing.searching <- struct{}{}
	short, cancelShort := context.WithTimeout(t.Context(), 10*time.Millisecond)
	defer cancelShort()
	if _, err := waiting.Closers(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting for another's pairing: %v, want context.DeadlineExceeded", err)
	}
	<-waiting.closing.searching
	plain := pageIndex(t, "em.md", "# EM\n\n## Duties\n\n- hire\n- coach\n")
	if closing, err := plain.Closers(t.Context()); closing != nil || err != nil {
		t.Errorf("closers of a guide without a path: %v, %v", closing, err)
	}
}
