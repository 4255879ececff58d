package index

import (
	"context"
	"testing"
)

// TestFitOffTopic fits the regression to samples where one word comes
// only in questions the guide leaves unanswered, one only in questions it
// answers, and one in half of each, and where a word the guide never says
// comes mostly in unanswered ones: the first and the unsaid feature
// weigh towards "none", the second against, the third about nothing.
func TestFitOffTopic(t *testing.T) {
	t.Parallel()
	const salary, roadmap, team = 0, 1, 2
	var samples []offTopicSample
	for i := range 40 {
		none := i%2 == 0
		word := int32(roadmap)
		if none {
			word = salary
		}
		features, counts := []int32{word}, []float64{1}
		if i%4 < 2 {
			features, counts = append(features, team), append(counts, contextWeight)
		}
		samples = append(samples, offTopicSample{
			features: features,
			counts:   counts,
			unsaid:   none != (i%10 == 1),
			none:     none,
			hash:     uint64(i * 7919 % 40),
		})
	}
	weights, o := fitOffTopic(samples, 3)
	if weights[salary] <= 1 || weights[roadmap] >= -1 || o.unsaid <= 0 {
		t.Errorf("weights %v, unsaid %v: want salary's above 1, roadmap's below -1, unsaid's above 0", weights, o.unsaid)
	}
	if w := weights[team]; w < -0.5 || w > 0.5 {
		t.Errorf("the word of both kinds of questions weighs %v, want about 0", w)
	}
}

// TestOffTopicRefusesWhatBayesAnswers asks questions that hold a word
// no field of the index matches: one off-topic, which naive Bayes alone
// takes for the guide's (its chance of "none" below unansweredShare) and
// the regression's chance, blended in, refuses; one the guide answers,
// which the blend leaves answered.
func TestOffTopicRefusesWhatBayesAnswers(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		question string
		answered bool
	}{
		{"how do directors do taxes on stock?", false},
		{"how should a director deal with burnout on the team?", true},
	}
	for _, tt := range tests {
		qa := ix.readQuestion(tt.question)
		if !holdsAbsent(qa.words) {
			t.Fatalf("%q: every word is the guide's; the test needs one that is not", tt.question)
		}
		// Read as if every word were the guide's, the verdict is Bayes's alone.
		bayes := ix.examples.verdict(ix.exampleFeatures(qa.read, qa.words), false)
		if !tt.answered && bayes.unanswered >= unansweredShare {
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
