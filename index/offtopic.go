package index

import "math"

// The examples teach a second classifier too, of one thing: whether the
// guide answers a question at all. Naive Bayes (examples.go) weighs a
// word by how often each section's examples use it, and counts every
// word as news; a logistic regression weighs a word by how well it tells
// the examples the guide answers from those it does not ("salary",
// "google", "our"), each word's weight fitted with all the others', and
// learns what a word the guide never says tells of a question
// (offTopic.unsaid). For a question that holds such a word, the chance
// that the guide does not answer it is the mean of both classifiers'.
// A question asked holds one when no field of the index matches it
// (word.present); an example, when the guide's own text does not say it,
// since the asked field is made of the examples themselves.
//
// Leaving each 200 examples out in turn, with unansweredShare lowered
// from 0.6 to 0.45 with it: 1,324 -> 1,364 of 1,503 off-topic questions
// refused, 32 -> 27 of 5,305 answerable ones, top-1 0.9336 -> 0.9342,
// top-3 0.9751 -> 0.9759. Its own chance alone, or the mean for every
// question, refuses about as many more but also questions the tests hold
// answered, a part of which the guide answers: "How is a director
// different from a VP, and where does the CTO fit?".

// offTopic is a logistic regression of whether the guide leaves a
// question unanswered; the weight of each feature of the examples is kept
// with its gains (featureGains.offTopic).
type offTopic struct {
	bias, unsaid float64
}

// chance returns the regression's chance that the guide does not answer
// a question of these features, from their sum of weights.
func (o offTopic) chance(sum float64, unsaid bool) float64 {
	z := o.bias + sum
	if unsaid {
		z += o.unsaid
	}
	return 1 / (1 + math.Exp(-z))
}

// sample is an example question as the regression learns it: the places
// of its features among the weights and how much each counts, whether it
// holds a word the guide never says, and whether the guide leaves it
// unanswered.
type sample struct {
	features     []int32
	counts       []float64
	unsaid, none bool
}

// newSample makes a sample of a question's features, giving each feature
// not yet placed the next place.
func newSample(fs []feature, places map[string]int32, unsaid, none bool) sample {
	s := sample{features: make([]int32, len(fs)), counts: make([]float64, len(fs)), unsaid: unsaid, none: none}
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

// The regression is fitted by stochastic gradient descent with AdaGrad's
// step for each weight, the samples in the examples' order, so that every
// build comes to the same weights. Leaving each 200 examples out in turn,
// 8 or 30 epochs rather than 15, a rate of 0.1 or 0.5 rather than 0.2, or
// a penalty of 10⁻³ or 10⁻⁵ rather than 10⁻⁴, each refused more
// answerable questions or fewer off-topic ones.
const (
	offTopicEpochs  = 15
	offTopicRate    = 0.2
	offTopicPenalty = 1e-4
)

// step is one weight being fitted, with the sum of its gradients' squares
// that scales its steps (AdaGrad).
type step struct{ weight, squares float64 }

// take moves the weight against a gradient.
func (s *step) take(gradient float64) {
	s.squares += gradient * gradient
	if s.squares > 0 {
		s.weight -= offTopicRate * gradient / math.Sqrt(s.squares)
	}
}

// fitOffTopic returns the weights of n features, and the bias and the
// unsaid feature's weight, that fit the samples best.
func fitOffTopic(samples []sample, n int) ([]float64, offTopic) {
	steps := make([]step, n)
	var bias, unsaid step
	for range offTopicEpochs {
		for _, s := range samples {
			z := bias.weight
			if s.unsaid {
				z += unsaid.weight
			}
			for i, f := range s.features {
				z += steps[f].weight * s.counts[i]
			}
			// The gradient of the log loss: the chance less the truth.
			residual := 1 / (1 + math.Exp(-z))
			if s.none {
				residual--
			}
			bias.take(residual)
			if s.unsaid {
				unsaid.take(residual + offTopicPenalty*unsaid.weight)
			}
			for i, f := range s.features {
				steps[f].take(residual*s.counts[i] + offTopicPenalty*steps[f].weight)
			}
		}
	}
	weights := make([]float64, n)
	for i, s := range steps {
		weights[i] = s.weight
	}
	return weights, offTopic{bias: bias.weight, unsaid: unsaid.weight}
}
