package classify

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
)

// The regression tells one thing: whether the guide answers a question
// at all. Naive Bayes weighs a word by how often each label's examples
// use it, and counts every word as news; the regression weighs a word by
// how well it tells the examples the guide answers from those it does not
// ("salary", "google", "our"), each word's weight fitted with all the
// others', and learns what a word the guide never says tells of a
// question (regression.unsaid).
//
// It is fitted by stochastic gradient descent on the log loss, with
// AdaGrad's step for each weight and a small penalty on the weight of
// each feature a sample holds (so a rare feature is held back mostly by
// the few epochs). The samples go in the order of their texts' hashes:
// the examples' own order may put every unanswered one last, and each
// epoch would end leaning towards none. Leaving each 200 of the embedded
// guide's examples out in turn, these settings refuse 1,497 of 1,753
// off-topic questions and 30 of 5,455 answerable ones; 8 or 30 epochs,
// 1,496 or 1,494 and 30; a rate of 0.1 or 0.5, 1,493 or 1,495 and 31; a
// penalty of 10⁻³ or 10⁻⁵, 1,493 or 1,496 and 30. The fit is not
// sensitive to them.
//
// Every build on one machine fits the same weights, bit for bit. Another
// machine may differ in the last bits (math.Exp takes another path
// without FMA instructions); the explicit float64 conversions keep the
// compiler from fusing multiplications and additions itself.
const (
	regressionEpochs  = 15
	regressionRate    = 0.2
	regressionPenalty = 1e-4
)

// regression is a logistic regression of whether the guide leaves a
// question unanswered; the weight of each feature is kept with its gains
// (featureGains.weight).
type regression struct {
	bias, unsaid float64
}

// chance returns the regression's chance that the guide does not answer
// a question that holds a word the guide never says, from the sum of its
// features' weights.
func (r regression) chance(sum float64) float64 {
	return logistic(r.bias + r.unsaid + sum)
}

// logistic maps a regression's sum of weights to a chance.
func logistic(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// sample is an example question as the regression learns it: the places
// of its features among the weights and how much each counts, whether it
// holds a word the guide never says, whether the guide leaves it
// unanswered, and a hash of its text, which orders the samples.
type sample struct {
	features     []int32
	counts       []float64
	unsaid, none bool
	hash         uint64
}

// Sample adds a question to what the regression learns: its text, which
// orders the samples, its features, whether it holds a word the guide
// never says (unsaid), and whether the guide leaves it unanswered (none).
// Each question is one sample, however many labels it teaches.
func (t *Trainer) Sample(q string, fs []Feature, unsaid, none bool) {
	h := fnv.New64a()
	h.Write([]byte(q))
	s := sample{features: make([]int32, len(fs)), counts: make([]float64, len(fs)), unsaid: unsaid, none: none, hash: h.Sum64()}
	for i, f := range fs {
		place, ok := t.places[f.Text]
		if !ok {
			place = int32(len(t.places))
			t.places[f.Text] = place
		}
		s.features[i], s.counts[i] = place, f.Weight
	}
	t.samples = append(t.samples, s)
}

// learnRegression fits the regression to the samples, whose features'
// places are given, and keeps its weights.
func (m *Model) learnRegression(samples []sample, places map[string]int32) {
	weights, r := fitRegression(samples, len(places))
	m.regression = r
	for f, place := range places {
		g := m.features[f]
		g.weight = float32(weights[place])
		m.features[f] = g
	}
}

// adaGrad is one weight being fitted, with the sum of its gradients'
// squares that scales its steps.
type adaGrad struct{ weight, squares float64 }

// descend moves the weight against a gradient.
func (a *adaGrad) descend(gradient float64) {
	a.squares += float64(gradient * gradient)
	if a.squares > 0 {
		a.weight -= float64(regressionRate * gradient / math.Sqrt(a.squares))
	}
}

// fitRegression returns the weights of n features, and the bias and the
// unsaid feature's weight, that fit the samples best, taken in the order
// of their hashes; the samples keep the order they were given in, by
// which Model.Nearest numbers them.
func fitRegression(samples []sample, n int) ([]float64, regression) {
	samples = slices.SortedFunc(slices.Values(samples), func(a, b sample) int { return cmp.Compare(a.hash, b.hash) })
	weights := make([]adaGrad, n)
	var bias, unsaid adaGrad
	for range regressionEpochs {
		for _, s := range samples {
			z := bias.weight
			if s.unsaid {
				z += unsaid.weight
			}
			for i, f := range s.features {
				z += float64(weights[f].weight * s.counts[i])
			}
			// The gradient of the log loss: the chance less the truth.
			residual := logistic(z)
			if s.none {
				residual--
			}
			bias.descend(residual)
			if s.unsaid {
				unsaid.descend(residual + float64(regressionPenalty*unsaid.weight))
			}
			for i, f := range s.features {
				weights[f].descend(float64(residual*s.counts[i]) + float64(regressionPenalty*weights[f].weight))
			}
		}
	}
	out := make([]float64, n)
	for i, w := range weights {
		out[i] = w.weight
	}
	return out, regression{bias: bias.weight, unsaid: unsaid.weight}
}
