package content

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// syntheticWords is the vocabulary of synthetic guides: words of the field,
// so that searches over them do real work.
var syntheticWords = strings.Fields(`strategy roadmap hiring budget team
manager director vp engineer architecture delivery quality reliability
incident planning quarterly annual review mentor coach culture process
metrics velocity platform security vendor stakeholder product design
executive board finance growth retention onboarding ladder promotion
calibration feedback conflict vision domain squad standards debt`)

// SyntheticMarkdown returns a deterministic guide page of about n sections:
// headings three levels deep, bold pseudo-headings, bullet lists, examples
// and a comparison table every tenth section. The same n and seed always
// give the same text, so benchmarks compare like with like.
func SyntheticMarkdown(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	b.WriteString("---\nlabel: Handbook\norder: 1\n---\n\n# Synthetic Handbook\n\nAn overview paragraph.\n\n")
	for i := 1; i < n; i++ {
		switch {
		case i%25 == 1:
			fmt.Fprintf(&b, "## Part %d %s\n\n", i, phrase(r, 2))
		case i%5 == 0:
			fmt.Fprintf(&b, "**Topic %d %s**\n\n", i, phrase(r, 2))
		default:
			fmt.Fprintf(&b, "### Chapter %d %s\n\n", i, phrase(r, 3))
		}
		fmt.Fprintf(&b, "%s **%s** %s.\n\n", phrase(r, 12), phrase(r, 2), phrase(r, 10))
		for j := 0; j < 3; j++ {
			fmt.Fprintf(&b, "- %s\n", phrase(r, 8))
		}
		b.WriteString("\n")
		if i%10 == 0 {
			b.WriteString("| Dimension | Director | VP |\n|---|---|---|\n")
			for j := 0; j < 5; j++ {
				fmt.Fprintf(&b, "| %s %d | %s | %s |\n", phrase(r, 2), j, phrase(r, 5), phrase(r, 5))
			}
			b.WriteString("\n")
		}
		if i%7 == 0 {
			fmt.Fprintf(&b, "*Example: %s.*\n\n", phrase(r, 15))
		}
	}
	return []byte(b.String())
}

func phrase(r *rand.Rand, words int) string {
	out := make([]string, words)
	for i := range out {
		out[i] = syntheticWords[r.IntN(len(syntheticWords))]
	}
	return strings.Join(out, " ")
}

// Synthetic parses SyntheticMarkdown into a one-page guide.
func Synthetic(n int, seed uint64) (*Guide, error) {
	p, err := ParsePage("synthetic.md", SyntheticMarkdown(n, seed))
	if err != nil {
		return nil, fmt.Errorf("parse synthetic guide: %w", err)
	}
	return New([]*Page{p})
}
