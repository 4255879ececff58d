package index

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync/atomic"

	"github.com/directorbot/directorbot/content"
)

// Closers are the sections that close one gap of the guide's path (an
// indicator a person lacks): pinned by the frontmatter
// (content.Indicator.Pinned), or the candidate the search ranks best, and
// another good one to see also.
type Closers struct {
	Sections []*content.Section
	Also     *content.Section
}

// closing keeps an index's pairing of its path's gaps with their
// closers, searched for its first plan: a search for each indicator.
type closing struct {
	// searching is held while one plan pairs, so that the others wait
	// for its pairing rather than search too, each for as long as its own
	// context allows.
	searching chan struct{}
	done      atomic.Pointer[map[string]Closers]
}

// Closers pairs each indicator of the guide's path, by its key, with the
// sections that close it: its pins, else the candidate
// (content.Path.Candidates) the search ranks best for the indicator's
// words; none for a gap no candidate shares a word with. Each candidate
// closes at most one gap while another is left without one, strongest
// pairs first, so that an action that shares a common word with every
// indicator does not take them all. The pairing is searched once, and
// each call gets a map of its own; nil for a guide without a path.
func (ix *Index) Closers(ctx context.Context) (map[string]Closers, error) {
	p := ix.guide.Path()
	if p == nil {
		return nil, nil
	}
	if done := ix.closing.done.Load(); done != nil {
		return maps.Clone(*done), nil
	}
	select {
	case ix.closing.searching <- struct{}{}:
		defer func() { <-ix.closing.searching }()
	case <-ctx.Done():
		return nil, fmt.Errorf("pair the path's gaps: %w", ctx.Err())
	}
	if done := ix.closing.done.Load(); done != nil {
		return maps.Clone(*done), nil // paired while this call waited
	}
	out, err := ix.pair(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("pair the path's gaps: %w", err)
	}
	ix.closing.done.Store(&out)
	return maps.Clone(out), nil
}

// pair is Closers, searched.
func (ix *Index) pair(ctx context.Context, p *content.Path) (map[string]Closers, error) {
	cands := p.Candidates()
	type pair struct {
		gap, cand int
		score     float64
	}
	var pairs []pair
	scores := make([]map[int]float64, len(p.Items))
	for i, in := range p.Items {
		scores[i] = map[int]float64{}
		if in.Pinned != nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err // Like of a text of no words asks bleve nothing
		}
		hits, err := ix.Like(ctx, in.Text.Plain(), 4*len(cands)+8)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", in.Text.Plain(), err)
		}
		for _, h := range hits {
			for c, cand := range cands {
				if h.Section.Within(cand) && h.Score > scores[i][c] {
					scores[i][c] = h.Score
				}
			}
		}
		for c, s := range scores[i] {
			pairs = append(pairs, pair{i, c, s})
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return (a.gap*len(cands) + a.cand) - (b.gap*len(cands) + b.cand)
	})
	best := make([]int, len(p.Items))
	for i := range best {
		best[i] = -1
	}
	taken := map[int]bool{}
	for _, distinct := range []bool{true, false} {
		for _, pr := range pairs {
			if best[pr.gap] >= 0 || (distinct && taken[pr.cand]) {
				continue
			}
			best[pr.gap], taken[pr.cand] = pr.cand, true
		}
	}
	out := make(map[string]Closers, len(p.Items))
	for i, in := range p.Items {
		switch {
		case in.Pinned != nil:
			out[in.Key] = Closers{Sections: in.Pinned}
		case best[i] >= 0:
			out[in.Key] = closersFrom(cands, scores[i], best[i])
		}
	}
	return out, nil
}

// closersFrom are a gap's closers: its best candidate, and the next best
// as "see also" when it scores at least half as well.
func closersFrom(cands []*content.Section, scores map[int]float64, best int) Closers {
	c := Closers{Sections: []*content.Section{cands[best]}}
	top, alsoScore := scores[best], 0.0
	for i := range cands {
		if s := scores[i]; i != best && s >= top/2 && s > alsoScore {
			c.Also, alsoScore = cands[i], s
		}
	}
	return c
}
