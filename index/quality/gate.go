package quality

import "fmt"

// Gate is what a guide's question set must score for a reload to take
// the guide (RELOAD_MIN_TOP1, RELOAD_MIN_REFUSED).
type Gate struct {
	// MinTop1 is the least top-1 accuracy on the answerable questions,
	// MinRefused the least share of the off-topic ones left unanswered.
	MinTop1, MinRefused float64
}

// Failures says how a score falls short of the gate: nothing when it
// passes.
func (g Gate) Failures(s Score) []string {
	var failed []string
	top1, refused := g.short(s)
	if top1 {
		failed = append(failed, fmt.Sprintf("top-1 accuracy %.2f is below %.2f", s.Top1, g.MinTop1))
	}
	if refused {
		failed = append(failed, fmt.Sprintf("%d of %d off-topic questions got an answer", s.NoneTotal-s.None, s.NoneTotal))
	}
	return failed
}

// short reports which of the gate's measures a score falls short of.
func (g Gate) short(s Score) (top1, refused bool) {
	return s.Answerable > 0 && s.Top1 < g.MinTop1, s.NoneTotal > 0 && float64(s.None)/float64(s.NoneTotal) < g.MinRefused
}

// Failing returns, of a score's misses, those of the measures that fall
// short of the gate: the answerable questions not answered first by what
// they want when top-1 accuracy does, the off-topic questions answered
// when too few are refused. A question answered right whose answer only
// lies out of sight (Miss.Hidden) is no measure of the gate's.
func (g Gate) Failing(s Score, misses []Miss) []Miss {
	top1, refused := g.short(s)
	var out []Miss
	for _, m := range misses {
		if answerable := len(m.Case.Expect) > 0; answerable && top1 && m.Rank != 1 || !answerable && refused {
			out = append(out, m)
		}
	}
	return out
}
