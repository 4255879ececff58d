package index

import (
	"context"
	"slices"
	"testing"
)

// TestFitOffTopic fits the regression to samples where one word comes
// only in questions the guide leaves unanswered, one only in questions it
// answers, and one in both alike, and where a word the guide never says
// comes mostly in unanswered ones: the first and the unsaid feature
// weigh towards "none", the second against, the third about nothing; a
// second fit comes to the same weights, to the bit.
func TestFitOffTopic(t *testing.T) {
	t.Parallel()
	const salary, roadmap, team = 0, 1, 2
	var samples []sample
	for i := range 40 {
		none := i%2 == 0
		word := int32(roadmap)
		if none {
			word = salary
		}
		samples = append(samples, sample{
			features: []int32{word, team},
			counts:   []float64{1, contextWeight},
			unsaid:   none != (i%10 == 0),
			none:     none,
		})
	}
	weights, o := fitOffTopic(samples, 3)
	if weights[salary] <= 1 || weights[roadmap] >= -1 || o.unsaid <= 0 {
		t.Errorf("weights %v, unsaid %v: want salary's above 1, roadmap's below -1, unsaid's above 0", weights, o.unsaid)
	}
	if w := weights[team]; w < -0.5 || w > 0.5 {
		t.Errorf("the word of both kinds of questions weighs %v, want about 0", w)
	}
	again, o2 := fitOffTopic(samples, 3)
	if !slices.Equal(weights, again) || o != o2 {
		t.Errorf("a second fit came to %v %+v, the first %v %+v", again, o2, weights, o)
	}
}

// TestOffTopicRefusesWhatBayesAnswers asks questions that hold a word the
// guide never says and that naive Bayes alone takes for the guide's
// (below unansweredShare): the regression's chance, blended in, refuses
// them, and a question of the guide's that Bayes takes for its own is
// still answered.
func TestOffTopicRefusesWhatBayesAnswers(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		question string
		answered bool
	}{
		{"how do directors do taxes on stock?", false},
		{"how should a director plan the quarterly budget?", true},
	}
	for _, tt := range tests {
		qa := ix.readQuestion(tt.question)
		bayes := ix.examples.verdict(features(ix.learner.tokensOf(qa.read)), false)
		if !slices.ContainsFunc(qa.words, func(w word) bool { return !w.present() }) && !tt.answered {
			t.Errorf("%q: every word is the guide's; the test needs one that is not", tt.question)
		}
		if bayes.unanswered >= unansweredShare {
			t.Errorf("%q: Bayes alone gives %.2f; the test needs it below %.2f", tt.question, bayes.unanswered, unansweredShare)
		}
		hits, err := ix.Search(context.Background(), tt.question, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(hits) > 0; got != tt.answered {
			t.Errorf("Search(%q) answered %v, want %v", tt.question, got, tt.answered)
		}
	}
}
