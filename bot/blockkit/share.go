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
// "|p:BLOCK.ITEM" for a quoted passage, "|r:TABLE.ROW,…" for quoted table
// rows or "|t:TABLE.ROW" for a whole table from one of its rows on (after
// Full table or More rows), and "|" and a checksum of their text. A bare
// ID shares the section as it stands. A value that starts with "?" shares
// an answer that was only the closest the guide has, and says so again.
const (
	sharedPassage = "p:"
	sharedRows    = "r:"
	sharedTable   = "t:"
	sharedUnsure  = "?"
)

// shareValue is the value of the Share button of an answer: what it opens
// with, and whether it is unsure.
func shareValue(a answer) string {
	prefix := ""
	if a.unsure {
		prefix = sharedUnsure
	}
	hit := a.hit
	var refs string
	switch {
	case a.fullTable:
		refs = fmt.Sprintf("%s%d.%d", sharedTable, a.tableIndex, a.tableFrom)
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
	return fmt.Sprintf("%s%s|%s|%08x", prefix, hit.Section.ID, refs, quoteSum(a))
}

// sharedAnswer reads a Share button's value back into the answer it names
// in the guide; ok is false when the guide no longer has the section. A
// quote or table whose text changed since, as after a reload, is left
// out: the section is shared as it stands.
func sharedAnswer(g *content.Guide, value string) (a answer, ok bool) {
	value, a.unsure = strings.CutPrefix(value, sharedUnsure)
	parts := strings.SplitN(value, "|", 3)
	s, ok := g.Section(parts[0])
	if !ok {
		return answer{}, false
	}
	a.hit = index.Hit{Section: s}
	if len(parts) < 3 {
		return a, true
	}
	quoted := a
	var x, y int
	tables := s.Tables()
	switch refs := parts[1]; {
	case strings.HasPrefix(refs, sharedTable):
		if _, err := fmt.Sscanf(refs, sharedTable+"%d.%d", &x, &y); err == nil && x >= 0 && x < len(tables) && y >= 0 && (y == 0 || y < len(tables[x].Rows)) {
			quoted.fullTable, quoted.tableIndex, quoted.tableFrom = true, x, y
		}
	case strings.HasPrefix(refs, sharedPassage):
		if _, err := fmt.Sscanf(refs, sharedPassage+"%d.%d", &x, &y); err == nil {
			if p, ok := index.PassageAt(s, x, y); ok {
				quoted.hit.Passage = &p
			}
		}
	case strings.HasPrefix(refs, sharedRows):
		for _, ref := range strings.Split(strings.TrimPrefix(refs, sharedRows), ",") {
			if _, err := fmt.Sscanf(ref, "%d.%d", &x, &y); err == nil && x >= 0 && x < len(tables) && y >= 0 && y < len(tables[x].Rows) {
				quoted.hit.Rows = append(quoted.hit.Rows, index.RowRef{Table: x, Row: y})
			}
		}
	}
	if fmt.Sprintf("%08x", quoteSum(quoted)) != parts[2] {
		return a, true
	}
	return quoted, true
}

// quoteSum is a checksum of the text an answer opens with: its passage,
// its rows, or the header and first row of the table it shows in full.
func quoteSum(a answer) uint32 {
	h := fnv.New32a()
	hit := a.hit
	if hit.Passage != nil {
		h.Write([]byte(hit.Passage.Text))
	}
	tables := hit.Section.Tables()
	for _, r := range hit.Rows {
		h.Write([]byte(content.RowPlain(tables[r.Table].Rows[r.Row]) + "\n"))
	}
	if a.fullTable {
		t := tables[a.tableIndex]
		h.Write([]byte(content.RowPlain(t.Header) + "\n"))
		if a.tableFrom < len(t.Rows) {
			h.Write([]byte(content.RowPlain(t.Rows[a.tableFrom]) + "\n"))
		}
	}
	return h.Sum32()
}
