package index

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
)

// The examples teach a second classifier too, of one thing: whether the
// guide answers a question at all. Naive Bayes (examples.go) weighs a
// word by how often each section's examples use it, and counts every
// word as news; a logistic regression weighs a word by how well it tells
// the examples the guide answers from those it does not ("salary",
// "google", "our"), each word's weight fitted with all the others', and
// learns what a word the guide never says tells of a question
// (offTopic.unsaid). For a question that holds such a word, the chance
// that the guide does not answer it is the mean of both classifiers'.
//
// A question asked holds such a word when no field of the index matches
// one of its topic words, through the thesaurus or the speller too
// (word.present); an example, when the guide's own text does not say one
// of its stems as written. Reading each example as a question is read
// would cost the start-up a search's worth of work for each; the
// regression learns the unsaid weight of the looser reading, and
// unansweredShare was chosen with it.
//
// Leaving each 200 examples out in turn, with unansweredShare lowered
// from 0.6 to 0.45 with it: 1,441 -> 1,497 of 1,753 off-topic questions
// refused, 31 -> 30 of 5,455 answerable ones, top-1 0.9313 -> 0.9316,
// top-3 0.9747 -> 0.9751. Its own chance alone, or the mean for every
// question, refused about as many more but also questions the tests hold
// answered, a part of which the guide answers: "How is a director
// different from a VP, and where does the CTO fit?".

// offTopic is a logistic regression of whether the guide leaves a
// question unanswered; the weight of each feature of the examples is kept
// with its gains (featureGains.offTopic).
type offTopic struct {
	bias, unsaid float64
}

// chance returns the regression's chance that the guide does not answer
// a question that holds a word the guide never says, from the sum of its
// features' weights.
func (o offTopic) chance(sum float64) float64 {
	return logistic(o.bias + o.unsaid + sum)
}

// logistic maps a regression's sum of weights to a chance.
func logistic(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// offTopicSample is an example question as the regression learns it: the
// places of its features among the weights and how much each counts,
// whether it holds a word the guide never says, whether the guide leaves
// it unanswered, and a hash of its text, which orders the samples.
type offTopicSample struct {
	features     []int32
	counts       []float64
	unsaid, none bool
	hash         uint64
}

// newOffTopicSample makes a sample of a question's features, giving each
// feature not yet placed the next place.
func newOffTopicSample(q string, fs []feature, places map[string]int32, unsaid, none bool) offTopicSample {
	h := fnv.New64a()
	h.Write([]byte(q))
	s := offTopicSample{features: make([]int32, len(fs)), counts: make([]float64, len(fs)), unsaid: unsaid, none: none, hash: h.Sum64()}
	for i, f := range fs {
		place, ok := places[f.text]
		if !ok {
			place = int32(len(places))
			places[f.text] = place
		}
		s.features[i], s.counts[i] = place, f.weight
	}
	return s
}

// The regression is fitted by stochastic gradient descent on the log
// loss, with AdaGrad's step for each weight and a small penalty on the
// weight of each feature a sample holds (so a rare feature is held back
// mostly by the few epochs). The samples go in the order of their texts'
// hashes: the examples' own order puts every unanswered one last, and
// each epoch would end leaning towards "none". Leaving each 200 examples
// out in turn, these settings refuse 1,497 of 1,753 off-topic questions
// and 30 of 5,455 answerable ones; 8 or 30 epochs, 1,496 or 1,494 and 30;
// a rate of 0.1 or 0.5, 1,493 or 1,495 and 31; a penalty of 10⁻³ or
// 10⁻⁵, 1,493 or 1,496 and 30. The fit is not sensitive to them.
//
// Every build on one machine fits the same weights, bit for bit. Another
// machine may differ in the last bits (math.Exp takes another path
// without FMA instructions); the explicit float64 conversions keep the
// compiler from fusing multiplications and additions itself.
const (
	offTopicEpochs  = 15
	offTopicRate    = 0.2
	offTopicPenalty = 1e-4
)

// adaGrad is one weight being fitted, with the sum of its gradients'
// squares that scales its steps.
type adaGrad struct{ weight, squares float64 }

// descend moves the weight against a gradient.
func (a *adaGrad) descend(gradient float64) {
	a.squares += float64(gradient * gradient)
	if a.squares > 0 {
		a.weight -= float64(offTopicRate * gradient / math.Sqrt(a.squares))
	}
}

// fitOffTopic returns the weights of n features, and the bias and the
// unsaid feature's weight, that fit the samples best; it orders the
// samples.
func fitOffTopic(samples []offTopicSample, n int) ([]float64, offTopic) {
	slices.SortFunc(samples, func(a, b offTopicSample) int { return cmp.Compare(a.hash, b.hash) })
	weights := make([]adaGrad, n)
	var bias, unsaid adaGrad
	for range offTopicEpochs {
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
				unsaid.descend(residual + float64(offTopicPenalty*unsaid.weight))
			}
			for i, f := range s.features {
				weights[f].descend(float64(residual*s.counts[i]) + float64(offTopicPenalty*weights[f].weight))
			}
		}
	}
	out := make([]float64, n)
	for i, w := range weights {
		out[i] = w.weight
	}
	return out, offTopic{bias: bias.weight, unsaid: unsaid.weight}
}
