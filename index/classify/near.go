package classify

import (
	"maps"
	"math"
)

// nearCap is the most examples a model keeps to tell how near a question
// is to the nearest of them (Model.Near); past five thousand, the
// examples are trusted for over 99 % anyway (index's trustScale).
const nearCap = 5000

// neighbours are the example questions as vectors of their features,
// each feature weighted by its rarity among them, for cosine similarity,
// kept by feature: the examples that hold each, and its weight in each.
type neighbours struct {
	places map[string]int32
	// rarity is each feature's inverse document frequency, and unknown
	// that of a feature no example holds.
	rarity  []float64
	unknown float64
	holders [][]holder
	// lengths are the examples' vectors' lengths.
	lengths []float64
}

// holder is an example that holds a feature, and the feature's weight
// in it.
type holder struct {
	example int32
	weight  float64
}

// newNeighbours keeps the samples as neighbours; nil for none, or for
// more than nearCap.
func newNeighbours(samples []sample, places map[string]int32) *neighbours {
	if len(samples) == 0 || len(samples) > nearCap {
		return nil
	}
	n := &neighbours{places: maps.Clone(places), rarity: make([]float64, len(places)), unknown: math.Log(1 + float64(len(samples))),
		holders: make([][]holder, len(places)), lengths: make([]float64, len(samples))}
	for _, s := range samples {
		for _, f := range s.features {
			n.rarity[f]++
		}
	}
	for f, held := range n.rarity {
		n.rarity[f] = math.Log(1 + float64(len(samples))/held)
	}
	for i, s := range samples {
		for k, f := range s.features {
			w := s.counts[k] * n.rarity[f]
			n.holders[f] = append(n.holders[f], holder{int32(i), w})
			n.lengths[i] += w * w
		}
		n.lengths[i] = math.Sqrt(n.lengths[i])
	}
	return n
}

// Near returns the cosine similarity of a question's features to the
// nearest example's that shares two of them at least (Nearest).
func (m *Model) Near(fs []Feature) float64 {
	_, similarity := m.Nearest(fs)
	return similarity
}

// Nearest returns the example nearest a question, numbered as Sample was
// called, and the cosine similarity of their features, each weighted by
// its rarity among the examples: 1 for the same words. An example must
// share two features at least; -1 and 0 when none does, and for a model
// of more than five thousand examples, which keeps none to compare
// (nearCap).
func (m *Model) Nearest(fs []Feature) (example int, similarity float64) {
	n := m.near
	if n == nil {
		return -1, 0
	}
	dots := make([]float64, len(n.lengths))
	shared := make([]uint8, len(n.lengths))
	length := 0.0
	for _, f := range fs {
		w := f.Weight * n.unknown
		if place, ok := n.places[f.Text]; ok {
			w = f.Weight * n.rarity[place]
			for _, h := range n.holders[place] {
				dots[h.example] += w * h.weight
				shared[h.example] = min(shared[h.example]+1, 2)
			}
		}
		length += w * w
	}
	example = -1
	for i, dot := range dots {
		if l := n.lengths[i]; l > 0 && shared[i] >= 2 {
			if c := dot / (l * math.Sqrt(length)); c > similarity {
				example, similarity = i, c
			}
		}
	}
	return example, similarity
}
