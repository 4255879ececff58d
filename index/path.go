package index

import (
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
)

// becomingElsewhere returns the note for an answer from the guide's path
// to its next role (content.Path) to a question that asks how to become
// another role: "how long does it take to become a director?" is answered
// by the Timeline of the move from Director to VP, and the answer should
// say so. Nil when the question asks to become no role, or the path's.
func (ix *Index) becomingElsewhere(q inquiry, s *content.Section) *Elsewhere {
	p := ix.Guide().Path()
	if p == nil || !p.Holds(s) {
		return nil
	}
	words := q.readWords
	if q.asking != nil {
		// A story's "I was promoted to director" asks nothing.
		words = slices.Concat(q.asking...)
	}
	// Only the roles the guide describes: one it does not ("a promotion to
	// CTO") is no other part of it.
	asked := slices.DeleteFunc(ix.reader.Cast.Becomes(ix.spelled(slices.Clone(words))), func(r int) bool { return !ix.reader.Described[r] })
	if len(asked) == 0 {
		return nil
	}
	to := ix.pathTo()
	if len(to) == 0 || slices.ContainsFunc(asked, func(r int) bool { return slices.Contains(to, r) }) {
		return nil
	}
	return &Elsewhere{Asked: ix.roleNamesOf(asked), About: ix.roleNamesOf(to), Becoming: true}
}

// pathRoles returns the roles the guide's path leads to: those the
// titles of the sections it holds name below the page ("Transition to
// VP"), else those its indicators open with ("You're ready for VP
// when…"); none without a path.
func (ix *Index) pathRoles() []int {
	p := ix.Guide().Path()
	if p == nil {
		return nil
	}
	var roles []int
	for _, s := range []*content.Section{p.Indicators, p.Actions, p.Timeline, p.Pitfalls} {
		for ; s != nil && s.Parent != nil && p.Holds(s); s = s.Parent {
			roles = append(roles, ix.titleRoles(s)...)
		}
	}
	if blocks := p.Indicators.Blocks(); len(roles) == 0 && len(blocks) > 0 {
		line, _, _ := strings.Cut(blocks[0].Plain(), "\n")
		roles = ix.reader.Cast.Roles(ix.vocabulary.Rewrite(line))
	}
	slices.Sort(roles)
	return slices.Compact(roles)
}
