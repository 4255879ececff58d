package classify

import "testing"

// TestFitRegression fits the regression to samples where one word comes
// only in questions the guide leaves unanswered, one only in questions it
// answers, and one in half of each, and where a word the guide never says
// comes mostly in unanswered ones: the first and the unsaid feature
// weigh towards none, the second against, the third about nothing.
func TestFitRegression(t *testing.T) {
	t.Parallel()
	const salary, roadmap, team = 0, 1, 2
	var samples []sample
	for i := range 40 {
		none := i%2 == 0
		word := int32(roadmap)
		if none {
			word = salary
		}
		features, counts := []int32{word}, []float64{1}
		if i%4 < 2 {
			features, counts = append(features, team), append(counts, 0.35)
		}
		samples = append(samples, sample{
			features: features,
			counts:   counts,
			unsaid:   none != (i%10 == 1),
			none:     none,
			hash:     uint64(i * 7919 % 40),
		})
	}
	weights, r := fitRegression(samples, 3)
	if weights[salary] <= 1 || weights[roadmap] >= -1 || r.unsaid <= 0 {
		t.Errorf("weights %v, unsaid %v: want salary's above 1, roadmap's below -1, unsaid's above 0", weights, r.unsaid)
	}
	if w := weights[team]; w < -0.5 || w > 0.5 {
		t.Errorf("the word of both kinds of questions weighs %v, want about 0", w)
	}
}

// TestRegressionCountsForUnsaid teaches a model whose naive Bayes is
// unsure of a word, and whose regression learned that questions with a
// word the guide never says go unanswered: the regression's chance moves
// the verdict only for a question that holds such a word.
func TestRegressionCountsForUnsaid(t *testing.T) {
	t.Parallel()
	tr := NewTrainer()
	for i, q := range []string{"plan budget", "plan salary", "plan headcount", "plan equity"} {
		fs := Features(words(q))
		none := i%2 == 1
		label := 0
		if none {
			label = 1
		}
		tr.Sample(q, fs, none, none)
		tr.Teach(label, fs, 1)
	}
	m := tr.Model(1)
	fs := Features(words("plan"))
	said, unsaid := m.Verdict(fs, false), m.Verdict(fs, true)
	if unsaid.Unanswered <= said.Unanswered {
		t.Errorf("unanswered %.3f with a word the guide never says, %.3f without: want it higher", unsaid.Unanswered, said.Unanswered)
	}
}
