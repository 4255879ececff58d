package index

import (
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// becomingElsewhere returns, for a section on the guide's path to its
// next role (content.Path) found for a question that asks how to become
// another role, the roles asked and those the path leads to: "how long
// does it take to become a director?" finds the Timeline of the move from
// Director to VP, which does not answer it. Nil when the question asks to
// become no role, or the path's.
func (ix *Index) becomingElsewhere(q inquiry, s *content.Section) *Elsewhere {
	p := ix.Guide().Path()
	if p == nil {
		return nil
	}
	words := q.readWords
	if q.asking != nil {
		// A story's "I was promoted to director" asks nothing.
		words = slices.Concat(q.asking...)
	}
	// Off the path, only the way to the role is not answered: "what
	// changes when you become a director?" is the role's own page.
	if !underPath(p, s) && !question.AsksWay(words) {
		return nil
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
	return &Elsewhere{Asked: ix.roleNamesOf(asked), About: ix.roleNamesOf(to)}
}

// underPath reports whether a section is on the path or below a section
// that is: "Key Shifts Required", beside the Timeline under "Transition to
// VP", is about the move to VP too.
func underPath(p *content.Path, s *content.Section) bool {
	for ; s != nil; s = s.Parent {
		if p.Holds(s) {
			return true
		}
	}
	return false
}

// offPath returns up to limit of the ranked hits whose sections are not
// under the guide's path: the closest to a question about becoming a role
// the path does not lead to.
func (ix *Index) offPath(ranked []Hit, limit int) []Hit {
	p := ix.Guide().Path()
	var out []Hit
	for _, h := range ranked {
		if len(out) < limit && !underPath(p, h.Section) {
			out = append(out, h)
		}
	}
	return out
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
