// Package classify holds the two classifiers a guide's example questions
// teach. Naive Bayes tells how likely each label (a document of the
// guide) is to answer a question, or none; a logistic regression
// (regression.go) tells whether the guide answers it at all. Both read a
// question as its features: its stems, and the pairs of stems side by
// side ("signs off", "off on"). A model of a few thousand examples at
// most also tells how near a question is to the nearest (near.go).
//
// Labels are numbers, taught in order from 0; what they stand for is the
// caller's. Every build from the same lessons makes the same model, and
// a question gets the same verdict from it, bit for bit.
package classify

import (
	"cmp"
	"math"
	"slices"
)

// smoothing is the count the classifier lends every word of the examples
// for every label (Lidstone smoothing): the smaller, the more a word that
// only some labels' examples use tells them apart. Leaving each tuning
// set out of the embedded guide's examples in turn: at 0.1, top-3 0.970,
// 2 more answerable questions refused; at 0.02, top-1 0.913.
const smoothing = 0.05

// certainty scales the classifier's log chances, as the inverse of a
// temperature: naive Bayes counts each word as news, though the words of
// a question go together, and so is surer than it should be. At 1, top-1
// 0.897 and twice the answerable questions refused; at 0.4, 20 fewer
// off-topic ones refused; at 0.6, top-1 0.911.
const certainty = 0.5

// Word is a stem of a question and how much it counts.
type Word struct {
	Stem   string
	Weight float64
}

// Feature is a stem of a question, or a pair of stems side by side, and
// how much it counts.
type Feature struct {
	Text   string
	Weight float64
}

// Features returns the distinct stems of a question's words and the
// pairs of stems side by side, each as much as it counts most (a pair as
// its lighter word), sorted by text, so that a verdict adds them up in
// the same order on every call.
func Features(words []Word) []Feature {
	weights := map[string]float64{}
	add := func(text string, weight float64) { weights[text] = max(weights[text], weight) }
	for i, w := range words {
		add(w.Stem, w.Weight)
		if i > 0 {
			add(words[i-1].Stem+" "+w.Stem, min(words[i-1].Weight, w.Weight))
		}
	}
	out := make([]Feature, 0, len(weights))
	for text, w := range weights {
		out = append(out, Feature{text, w})
	}
	slices.SortFunc(out, func(a, b Feature) int { return cmp.Compare(a.Text, b.Text) })
	return out
}

// Trainer gathers what example questions teach, for a Model.
type Trainer struct {
	lessons []lesson
	// support is how much all the examples taught each feature.
	support map[string]float64
	// places are the features' places among the regression's weights,
	// and samples its examples.
	places  map[string]int32
	samples []sample
}

// lesson is what the examples of one label taught: the weight of each
// feature, of its examples, and of all their features, each added up in
// the examples' order, so that every build comes to the same sums.
type lesson struct {
	counts        map[string]float64
	mass, content float64
}

// NewTrainer returns a Trainer that has been taught nothing.
func NewTrainer() *Trainer {
	return &Trainer{support: map[string]float64{}, places: map[string]int32{}}
}

// Teach teaches a label a question's features, the question weighing
// weight. Labels are numbered from 0 as first taught.
func (t *Trainer) Teach(label int, fs []Feature, weight float64) {
	for len(t.lessons) <= label {
		t.lessons = append(t.lessons, lesson{counts: map[string]float64{}})
	}
	l := &t.lessons[label]
	l.mass += weight
	for _, f := range fs {
		w := weight * f.Weight
		l.counts[f.Text] += w
		l.content += w
		t.support[f.Text] += w
	}
}

// Model makes the classifiers of what the Trainer was taught. Labels
// below answers answer their questions; the one after them, if taught,
// is none: the questions the guide does not answer.
func (t *Trainer) Model(answers int) *Model {
	m := newModel(answers, t.lessons, t.support)
	m.learnRegression(t.samples, t.places)
	m.near = newNeighbours(t.samples, t.places)
	return m
}

// Model is a naive Bayes classifier of questions by the labels that
// answer them, with the regression of whether any does.
type Model struct {
	// answers is how many labels answer; label answers is none.
	answers int
	// prior is each label's log share of what the examples teach, and
	// spread the log of all of its words' counts plus the smoothing of
	// every word: what each word of a question costs a label that has
	// never seen it.
	prior, spread []float64
	// features tells, for each feature of the examples, where its gains
	// are and how much all the examples taught it.
	features map[string]featureGains
	// gains holds, feature after feature, how much each label that saw
	// a feature gains over one that did not. One slice, not one per
	// feature, and float32: the embedded guide's 23,923 features and
	// their gains took 3.8 MB of heap in two maps and slices of their
	// own, 2.1 MB this way, with the same answers on every question set.
	gains []gain
	// regression tells, with the features' own weights, whether the
	// guide answers a question at all.
	regression regression
	// near holds a few thousand examples at most, to tell how near a
	// question is to one of them (Near).
	near *neighbours
}

// featureGains is where a feature's gains are in Model.gains, how much
// the examples taught it, and its weight in the regression. int32 places
// are plenty: they would overflow past two billion pairs of a feature and
// a label that saw it. float32, as the gains are: 16 bytes a feature
// rather than 24.
type featureGains struct {
	first, end int32
	support    float32
	weight     float32
}

// gain is what a feature of a question adds to a label's log chance.
type gain struct {
	label int32
	log   float32
}

// newModel makes the classifier of what each label's examples taught,
// and all of them (support).
func newModel(answers int, lessons []lesson, support map[string]float64) *Model {
	// No size hint: made for its final size, the map took 0.5 MB more
	// heap for the embedded guide than grown entry by entry.
	m := &Model{answers: answers, features: map[string]featureGains{}}
	total := 0.0
	for _, l := range lessons {
		total += l.mass
		m.spread = append(m.spread, math.Log(l.content+smoothing*float64(len(support))))
	}
	for _, l := range lessons {
		m.prior = append(m.prior, math.Log(l.mass/total))
	}
	// Each feature's gains, in label order, lie side by side: the labels
	// that saw each feature are counted, places handed out, then filled,
	// end moving up from first.
	seen := make(map[string]int32, len(support))
	for _, l := range lessons {
		for f := range l.counts {
			seen[f]++
		}
	}
	next := int32(0)
	for f, n := range seen {
		m.features[f] = featureGains{first: next, end: next, support: float32(support[f])}
		next += n
	}
	m.gains = make([]gain, next)
	for label, l := range lessons {
		for f, n := range l.counts {
			g := m.features[f]
			m.gains[g.end] = gain{int32(label), float32(math.Log((n + smoothing) / smoothing))}
			g.end++
			m.features[f] = g
		}
	}
	return m
}

// KnowsNone reports whether the examples taught "none": without, a
// verdict's Unanswered is 0 whatever the question.
func (m *Model) KnowsNone() bool { return m.answers < len(m.prior) }

// Support returns how much the examples taught a feature: the weight of
// the examples that hold it.
func (m *Model) Support(text string) float64 {
	return float64(m.features[text].support)
}

// Verdict is what the examples say of a question.
type Verdict struct {
	// Chances holds each answering label's share of the chance that the
	// guide answers the question; nil when the examples know none of its
	// features.
	Chances []float64
	// Unanswered is the chance that the guide does not answer it; 0 when
	// no example taught none.
	Unanswered float64
}

// Verdict classifies a question by its features. For a question that
// holds a word the guide never says (unsaid), the chance that the guide
// does not answer it is the mean of naive Bayes's and the regression's.
func (m *Model) Verdict(fs []Feature, unsaid bool) Verdict {
	score := slices.Clone(m.prior)
	known, weighed := 0.0, 0.0
	for _, f := range fs {
		span, ok := m.features[f.Text]
		if !ok {
			continue
		}
		known += f.Weight
		weighed += f.Weight * float64(span.weight)
		for _, g := range m.gains[span.first:span.end] {
			score[g.label] += f.Weight * float64(g.log)
		}
	}
	if known == 0 {
		return Verdict{}
	}
	top := math.Inf(-1)
	for label := range score {
		score[label] = certainty * (score[label] - known*m.spread[label])
		top = max(top, score[label])
	}
	sum := 0.0
	for label := range score {
		score[label] = math.Exp(score[label] - top)
		sum += score[label]
	}
	var v Verdict
	if m.answers < len(score) {
		v.Unanswered = score[m.answers] / sum
		if unsaid {
			v.Unanswered = (v.Unanswered + m.regression.chance(weighed)) / 2
		}
	}
	// The labels' chances are shares of the labels that answer, added
	// up rather than left from the whole, which none may be all of.
	chances := score[:m.answers]
	answered := 0.0
	for _, c := range chances {
		answered += c
	}
	if answered == 0 {
		return v
	}
	for label := range chances {
		chances[label] /= answered
	}
	v.Chances = chances
	return v
}
