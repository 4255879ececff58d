// Package synthetic generates guides of any size for tests and benchmarks:
// deterministic markdown with the shapes of a real handbook and a Zipf
// vocabulary. Only tests and benchmarks import it, so no binary pays for
// its vocabulary.
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/directorbot/directorbot/content"
)

// fieldWords are the words of the field in synthetic guides, from the
// commonest to the rarest, so that questions in those words do real work.
var fieldWords = strings.Fields(`team director engineer strategy roadmap hiring budget
manager vp architecture delivery quality reliability
incident planning quarterly annual review mentor coach culture process
metrics velocity platform security vendor stakeholder product design
executive board finance growth retention onboarding ladder promotion
calibration feedback conflict vision domain squad standards debt`)

// Markdown returns a deterministic guide page of about n sections:
// headings three levels deep, bold pseudo-headings, bullet lists, examples
// and a comparison table every tenth section. The same n and seed always
// give the same text, so benchmarks compare like with like.
func Markdown(n int, seed uint64) []byte {
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
		out[i] = syntheticVocabulary().word(r)
	}
	return strings.Join(out, " ")
}

// vocabularySize is how many distinct words synthetic guides use: the
// order of a large handbook's vocabulary.
const vocabularySize = 20000

// syntheticVocabulary draws words as natural text does, by Zipf's law: the
// word of rank k is k times rarer than the commonest. With a few dozen
// words equally likely, every word would be in a third of a large guide's
// sections, which no real guide does and no search could make fast.
var syntheticVocabulary = sync.OnceValue(newVocabulary)

type vocabulary struct {
	words []string
	// cumulative holds the running sums of the words' probabilities.
	cumulative []float64
}

// newVocabulary ranks the field words from the commonest, the i-th at rank
// 4i²+1 (1, 5, 17, 37, ... 19,881), and fills the ranks between with
// made-up words, so questions can be about common and rare words alike.
func newVocabulary() *vocabulary {
	v := &vocabulary{words: make([]string, vocabularySize), cumulative: make([]float64, vocabularySize)}
	for i, w := range fieldWords {
		v.words[4*i*i] = w
	}
	sum := 0.0
	for k := range v.words {
		if v.words[k] == "" {
			v.words[k] = madeUpWord(k)
		}
		sum += 1 / float64(k+1)
		v.cumulative[k] = sum
	}
	for k := range v.cumulative {
		v.cumulative[k] /= sum
	}
	return v
}

func (v *vocabulary) word(r *rand.Rand) string {
	k := sort.SearchFloat64s(v.cumulative, r.Float64())
	return v.words[min(k, len(v.words)-1)]
}

// madeUpWord spells a number as syllables: "kobela", never a real word.
func madeUpWord(k int) string {
	const consonants, vowels = "bdfgklmnprstvz", "aeiou"
	var b strings.Builder
	for k++; k > 0; k /= len(consonants) * len(vowels) {
		d := k % (len(consonants) * len(vowels))
		b.WriteByte(consonants[d/len(vowels)])
		b.WriteByte(vowels[d%len(vowels)])
	}
	return b.String()
}

// Questions returns eight questions in the synthetic guides' vocabulary:
// common and rare words, a typo, and an off-topic question.
func Questions() []string {
	return []string{
		"how should a director plan the quarterly budget?",
		"vp roadmap review",
		"hiring manager onboarding",
		"what does the team do about incident reliability",
		"stakeholdr feedback",
		"annual calibration and promotion",
		"sourdough bread recipe",
		"architecture standards and debt",
	}
}

// Files returns Markdown as a guide folder of one page, handbook.md.
func Files(n int, seed uint64) fstest.MapFS {
	return fstest.MapFS{"handbook.md": {Data: Markdown(n, seed)}}
}

// Guide parses Markdown into a one-page guide.
func Guide(n int, seed uint64) (*content.Guide, error) {
	p, err := content.ParsePage("synthetic.md", Markdown(n, seed))
	if err != nil {
		return nil, fmt.Errorf("parse synthetic guide: %w", err)
	}
	return content.New([]*content.Page{p})
}
