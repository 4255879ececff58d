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
	if s.Answerable > 0 && s.Top1 < g.MinTop1 {
		failed = append(failed, fmt.Sprintf("top-1 accuracy %.2f is below %.2f", s.Top1, g.MinTop1))
	}
	if s.NoneTotal > 0 && float64(s.None)/float64(s.NoneTotal) < g.MinRefused {
		failed = append(failed, fmt.Sprintf("%d of %d off-topic questions got an answer", s.NoneTotal-s.None, s.NoneTotal))
	}
	return failed
}
