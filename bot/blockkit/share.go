package blockkit

import (
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// The value of a "Share in channel" button names what the asker saw
// first, so that the channel sees the same answer: the section's ID, then
// "|p:BLOCK.ITEM" for a quoted passage, or "|r:TABLE.ROW,…" for quoted
// table rows. A bare ID shares the section as it stands.
const (
	sharedPassage = "|p:"
	sharedRows    = "|r:"
)

// shareValue is the value of the Share button of an answer that opens
// with hit's passage or rows.
func shareValue(hit index.Hit) string {
	id := hit.Section.ID
	switch {
	case hit.Passage != nil:
		return fmt.Sprintf("%s%s%d.%d", id, sharedPassage, hit.Passage.Block, hit.Passage.Item)
	case len(hit.Rows) > 0:
		refs := make([]string, len(hit.Rows))
		for i, r := range hit.Rows {
			refs[i] = fmt.Sprintf("%d.%d", r.Table, r.Row)
		}
		return id + sharedRows + strings.Join(refs, ",")
	}
	return id
}

// sharedHit reads a Share button's value back into the hit it names in the
// guide; false when the guide no longer has the section. A passage or row
// the section no longer has is left out: the section is shared as it
// stands.
func sharedHit(g *content.Guide, value string) (index.Hit, bool) {
	id, rest, _ := strings.Cut(value, "|")
	s, ok := g.Section(id)
	if !ok {
		return index.Hit{}, false
	}
	hit := index.Hit{Section: s}
	var a, b int
	switch kind, refs, _ := strings.Cut(rest, ":"); kind {
	case "p":
		if _, err := fmt.Sscanf(refs, "%d.%d", &a, &b); err == nil {
			if p, ok := index.PassageAt(s, a, b); ok {
				hit.Passage = &p
			}
		}
	case "r":
		tables := s.Tables()
		for _, ref := range strings.Split(refs, ",") {
			if _, err := fmt.Sscanf(ref, "%d.%d", &a, &b); err == nil && a >= 0 && a < len(tables) && b >= 0 && b < len(tables[a].Rows) {
				hit.Rows = append(hit.Rows, index.RowRef{Table: a, Row: b})
			}
		}
	}
	return hit, true
}
