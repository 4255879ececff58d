package index

import (
	"cmp"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// becomingOther returns, for a question that asks how to become a role
// the guide describes but its path (content.Path) does not lead to, the
// roles asked (Asked) and those the path leads to (About), when the
// section found is under the path or the question asks the way there
// (question.AsksWay): "how long does it take to become a director?"
// finds the Timeline of the move from Director to VP, which does not
// answer it, and "what should I do as a senior EM to become a director?"
// People Management. Nil when the question asks to become no such role,
// or the path's too, and without a path.
func (ix *Index) becomingOther(q inquiry, s *content.Section) *Elsewhere {
	p := ix.Guide().Path()
	if p == nil {
		return nil
	}
	// The question's own words, of its sentences that ask: a story's "I
	// was promoted to director." asks nothing.
	asks, _ := ix.asking(q.text)
	words := slices.Concat(asks...)
	// Off the path, only the way to the role is not answered: "what
	// changes when you become a director?" is the role's own page.
	if !underPath(p, s) && !question.AsksWay(words) {
		return nil
	}
	// Only the roles the guide describes: one it does not ("a promotion to
	// CTO") is no other part of it.
	asked := slices.DeleteFunc(ix.reader.Cast.Becomes(words), func(r int) bool { return !ix.reader.Described[r] })
	if len(asked) == 0 {
		return nil
	}
	to := ix.waysTo()
	if len(to) == 0 || slices.ContainsFunc(asked, func(r int) bool { return slices.Contains(to, r) }) {
		return nil
	}
	return &Elsewhere{Asked: ix.roleNamesOf(asked), About: ix.roleNamesOf(to)}
}

// preferPath puts first, for a question that asks the way (question.AsksWay)
// to the role the guide's path leads to, the path's actions (its
// timeline, for how long it takes), when the best hit is off the path and
// about other roles only (othersOnly, ownTextNames): "how do I become a
// director?", in a guide whose path leads from EM to Director, is answered
// by "Actions to Grow into a Director", not by "Becoming a VP", whose
// title alone says "becoming". The role led to is the one the titles of
// those actions, and the path's headings above them, name: not the EM of
// "Signs an EM Is Ready for Director". A message of several questions
// (question.Parts) is left as it is: its first answer answers one of them.
// in is what the question asks for (question.IntentOf).
func (ix *Index) preferPath(hits []Hit, q inquiry, in question.Intent) []Hit {
	p := ix.Guide().Path()
	if p == nil || len(hits) == 0 || underPath(p, hits[0].Section) || question.Parts(q.text) != nil {
		return hits
	}
	asks, _ := ix.asking(q.text)
	words := slices.Concat(asks...)
	if !question.AsksWay(words) {
		return hits
	}
	way := p.Actions
	if in == question.Duration && p.Timeline != nil || way == nil {
		way = cmp.Or(p.Timeline, p.Indicators)
	}
	var to []int
	for s := way; s != nil && s.Parent != nil && p.Holds(s); s = s.Parent {
		to = append(to, ix.titleRoles(s)...)
	}
	becomes := slices.DeleteFunc(ix.reader.Cast.Becomes(words), func(r int) bool { return !slices.Contains(to, r) })
	if s := hits[0].Section; !ix.othersOnly(becomes, s) || ix.ownTextNames(becomes, s) {
		return hits
	}
	if i := slices.IndexFunc(hits, func(h Hit) bool { return h.Section == way }); i > 0 {
		promote(hits, i)
		return hits
	}
	return append([]Hit{{Section: way, Score: hits[0].Score}}, hits...)
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
// under the guide's path, else its pages' tops off the path: the closest
// to a question about becoming a role the path does not lead to ("am I
// director material?" ranks the path's sections alone).
func (ix *Index) offPath(ranked []Hit, limit int) []Hit {
	p := ix.Guide().Path()
	var out []Hit
	for _, h := range ranked {
		if len(out) < limit && (p == nil || !underPath(p, h.Section)) {
			out = append(out, h)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, page := range ix.Guide().Pages {
		if len(out) < limit && (p == nil || !underPath(p, page.Root)) {
			out = append(out, Hit{Section: page.Root})
		}
	}
	return out
}

// waysToRoles returns the roles the guide tells the way to: those its
// path leads to, and those a title names one becomes ("Transition to VP
// of Product", "Becoming a Director") in a guide with a path; none
// without a path.
func (ix *Index) waysToRoles() []int {
	p := ix.Guide().Path()
	if p == nil {
		return nil
	}
	roles := ix.pathRoles(p)
	for _, s := range ix.Guide().Sections() {
		roles = append(roles, ix.reader.Cast.Becomes(question.Words(s.Title))...)
	}
	slices.Sort(roles)
	return slices.Compact(roles)
}

// pathRoles returns the roles the guide's path p leads to: those the
// titles of the sections it holds name below the page ("Transition to
// VP"), else those its indicators open with ("You're ready for VP
// when…").
func (ix *Index) pathRoles(p *content.Path) []int {
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
	return roles
}

// preferMove puts first, of the best hits (steerDepth), the one whose
// title names the move a question asks about and no more: two roles
// joined by "to" ("Director to Senior Director"), which the question
// names in that order, moving to the second (question.Cast.MovesTo:
// "what does it take to go from director to senior director?", not
// "compared to the VP"), or whose second the question asks how
// to become, naming no other ("what does it take to become a senior
// director?"). A section about another move names both roles more often
// in its text ("Senior EM to Director", whose case is written by "the
// candidate's Director or Senior Director"), and "take" found a ritual
// where "Directors take turns".
func (ix *Index) preferMove(hits []Hit, asked []int, asking [][]string) {
	words := slices.Concat(asking...)
	moves, becomes := ix.reader.Cast.MovesTo(words), ix.reader.Cast.Becomes(words)
	if len(moves) == 0 && len(becomes) == 0 {
		return
	}
	for i, h := range hits[:min(len(hits), steerDepth)] {
		move := ix.read(h.Section).titleMove()
		if move == nil {
			continue
		}
		named := slices.Equal(asked, move) && slices.Contains(moves, move[1])
		becoming := slices.Equal(becomes, move[1:]) && !slices.ContainsFunc(asked, func(r int) bool { return !slices.Contains(move, r) })
		if named || becoming {
			promote(hits, i)
			return
		}
	}
}

// titleMove returns the two roles a section's title moves between, from
// the first to the second (question.Cast.MovesTo), by "to" or an arrow:
// "Director to Senior Director", "EM → Director"; nil for any other
// title, "Directors Reporting to VPs" too.
func (ix *Index) titleMove(s *content.Section) []int {
	title := ix.vocabulary.Rewrite(strings.NewReplacer("→", " to ", "⟶", " to ").Replace(s.Title))
	roles := ix.reader.Cast.Roles(title)
	if len(roles) != 2 || roles[0] == roles[1] || len(ix.reader.Cast.MovesTo(question.Words(title))) == 0 {
		return nil
	}
	return roles
}
