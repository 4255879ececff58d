package blockkit

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// The value of a "Share in channel" button names what the asker saw
// first, so that the channel sees the same answer: the section's ID, then
// "|p:BLOCK.ITEM" for a quoted passage or "|r:TABLE.ROW,…" for quoted
// table rows, and "|" and a checksum of their text. A bare ID shares the
// section as it stands. A value that starts with "?" shares an answer that
// was only the closest the guide has, and says so again.
const (
	sharedPassage = "p:"
	sharedRows    = "r:"
	sharedUnsure  = "?"
)

// shareValue is the value of the Share button of an answer that opens
// with hit's passage or rows, unsure or not.
func shareValue(hit index.Hit, unsure bool) string {
	prefix := ""
	if unsure {
		prefix = sharedUnsure
	}
	var refs string
	switch {
	case hit.Passage != nil:
		refs = fmt.Sprintf("%s%d.%d", sharedPassage, hit.Passage.Block, hit.Passage.Item)
	case len(hit.Rows) > 0:
		rows := make([]string, len(hit.Rows))
		for i, r := range hit.Rows {
			rows[i] = fmt.Sprintf("%d.%d", r.Table, r.Row)
		}
		refs = sharedRows + strings.Join(rows, ",")
	default:
		return prefix + hit.Section.ID
	}
	return fmt.Sprintf("%s%s|%s|%08x", prefix, hit.Section.ID, refs, quoteSum(hit))
}

// sharedHit reads a Share button's value back into the hit it names in the
// guide, and whether the answer was unsure; ok is false when the guide no
// longer has the section. A quote whose text changed since, as after a
// reload, is left out: the section is shared as it stands.
func sharedHit(g *content.Guide, value string) (hit index.Hit, unsure, ok bool) {
	value, unsure = strings.CutPrefix(value, sharedUnsure)
	parts := strings.SplitN(value, "|", 3)
	s, ok := g.Section(parts[0])
	if !ok {
		return index.Hit{}, false, false
	}
	hit = index.Hit{Section: s}
	if len(parts) < 3 {
		return hit, unsure, true
	}
	var a, b int
	switch refs := parts[1]; {
	case strings.HasPrefix(refs, sharedPassage):
		if _, err := fmt.Sscanf(refs, sharedPassage+"%d.%d", &a, &b); err == nil {
			if p, ok := index.PassageAt(s, a, b); ok {
				hit.Passage = &p
			}
		}
	case strings.HasPrefix(refs, sharedRows):
		tables := s.Tables()
		for _, ref := range strings.Split(strings.TrimPrefix(refs, sharedRows), ",") {
			if _, err := fmt.Sscanf(ref, "%d.%d", &a, &b); err == nil && a >= 0 && a < len(tables) && b >= 0 && b < len(tables[a].Rows) {
				hit.Rows = append(hit.Rows, index.RowRef{Table: a, Row: b})
			}
		}
	}
	if fmt.Sprintf("%08x", quoteSum(hit)) != parts[2] {
		return index.Hit{Section: s}, unsure, true
	}
	return hit, unsure, true
}

// quoteSum is a checksum of the text a hit opens with: its passage, or its
// rows.
func quoteSum(hit index.Hit) uint32 {
	h := fnv.New32a()
	if hit.Passage != nil {
		h.Write([]byte(hit.Passage.Text))
	}
	tables := hit.Section.Tables()
	for _, r := range hit.Rows {
		h.Write([]byte(content.RowPlain(tables[r.Table].Rows[r.Row]) + "\n"))
	}
	return h.Sum32()
}
