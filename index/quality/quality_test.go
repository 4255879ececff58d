package quality

import (
	"context"
	"testing"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// TestEvaluateCountsTheReply scores a question the search answers by
// what its reply does: a reply that does not answer (help for a greeting)
// counts as a refusal, and a direct answer must open the reply; an
// answer the search is unsure of counts as unsure.
func TestEvaluateCountsTheReply(t *testing.T) {
	t.Parallel()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	answerable := []content.Question{{Text: "how long before a director becomes a VP?", Expect: []string{"Timeline"}, Answer: "4-7 years"}}
	offTopic := []content.Question{{Text: "how long before a director becomes a VP?"}}
	bold := []content.Question{{Text: "how many EMs report to a director?", Expect: []string{"Typical Scope"}, Answer: "**Direct reports**: 4-8 engineering managers"}}
	// The guide's closest to which conferences to attend is the
	// comparison's row of external presence, unsure.
	unsureOff := []content.Question{{Text: "what conferences should a director attend?"}}
	unsureRight := []content.Question{{Text: "what conferences should a director attend?", Expect: []string{"Comparison: Director vs VP"}}}
	row := []content.Question{{Text: "who does a VP report to?", Expect: []string{"Comparison: Director vs VP"}, Answer: "Reports to | VP or Senior Director | CTO, CEO, or Board"}}
	// Two questions of one message, each answered by its section; and one
	// whose second question is outside the guide.
	two := []content.Question{{Text: "what does a dir's morning look like? and who do they usually report to",
		Parts: [][]string{{"Typical Day-to-Day Activities", "Morning"}, {"Comparison: Director vs VP"}}, Expect: []string{"Typical Day-to-Day Activities", "Morning", "Comparison: Director vs VP"}}}
	twoMissed := []content.Question{{Text: "what does a dir's morning look like? and who do they usually report to",
		Parts: [][]string{{"Typical Day-to-Day Activities", "Morning"}, {"Timeline"}}, Expect: []string{"Typical Day-to-Day Activities", "Morning", "Timeline"}}}
	extra := []content.Question{{Text: "what does a dir's morning look like? and who do they usually report to", Expect: []string{"Typical Day-to-Day Activities"}}}
	tests := []struct {
		name  string
		cases []content.Question
		reply Reply
		want  Score
	}{
		{"answered directly", answerable, Reply{Text: "Timeline: Typically 4-7 years", Answered: true},
			Score{N: 1, Single: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1, Answers: 1, Direct: 1}},
		{"answered directly, in code marks", answerable, Reply{Text: "Timeline: Typically `4-7 years`", Answered: true},
			Score{N: 1, Single: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1, Answers: 1, Direct: 1}},
		{"answered directly, quoted with the guide's bold marks", bold, Reply{Text: "Typical Scope\n• Direct reports: 4-8 engineering managers", Answered: true},
			Score{N: 1, Single: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1, Answers: 1, Direct: 1}},
		{"answered, fact not shown", answerable, Reply{Text: "Timeline", Answered: true},
			Score{N: 1, Single: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1, Answers: 1}},
		{"help instead of an answer", answerable, Reply{Text: "Ask me about…"},
			Score{N: 1, Answerable: 1, Refused: 1, Answers: 1}},
		{"a row shown", row, Reply{Text: "Reports to — Director: VP or Senior Director · VP: CTO, CEO, or Board", Answered: true},
			Score{N: 1, Single: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1, Answers: 1, Direct: 1}},
		{"a row's cells out of order", row, Reply{Text: "VP: CTO, CEO, or Board · Director: VP or Senior Director (reports to)", Answered: true},
			Score{N: 1, Single: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1, Answers: 1}},
		{"off-topic, answered", offTopic, Reply{Text: "Timeline", Answered: true}, Score{N: 1, Single: 1, NoneTotal: 1}},
		{"off-topic, not answered", offTopic, Reply{Text: "Ask me about…"}, Score{N: 1, NoneTotal: 1, None: 1}},
		{"off-topic, answered unsure", unsureOff, Reply{Text: "Comparison: Director vs VP", Answered: true}, Score{N: 1, Single: 1, NoneTotal: 1, OffTopicUnsure: 1}},
		{"off-topic, unsure but not answered", unsureOff, Reply{Text: "Ask me about…"}, Score{N: 1, NoneTotal: 1, None: 1}},
		{"two questions answered", two, Reply{Text: "Typical Day-to-Day Activities", Answered: true},
			Score{N: 1, Parts: 1, PartsAnswered: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1}},
		{"two questions, the second's answer wrong", twoMissed, Reply{Text: "Typical Day-to-Day Activities", Answered: true},
			Score{N: 1, Parts: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1}},
		{"one question asked, two answered", extra, Reply{Text: "Typical Day-to-Day Activities", Answered: true},
			Score{N: 1, Single: 1, Extra: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1}},
		{"answered right, unsure", unsureRight, Reply{Text: "Comparison: Director vs VP", Answered: true},
			Score{N: 1, Single: 1, Answerable: 1, Top1: 1, Top3: 1, MRR: 1, RightUnsure: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			preview := func(context.Context, string, string) (Reply, error) { return tt.reply, nil }
			r, err := Evaluate(context.Background(), ix, tt.cases, preview)
			if err != nil {
				t.Fatal(err)
			}
			if r.Score != tt.want {
				t.Errorf("score = %+v, want %+v", r.Score, tt.want)
			}
		})
	}
}

// TestScoreString shows only the figures a set has: no ranks for a set of
// off-topic questions alone, no refusals for one without answerable ones.
func TestScoreString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    Score
		want string
	}{
		{Score{N: 3, NoneTotal: 3, None: 2, OffTopicUnsure: 1}, "none=2/3 unsure=1/1 n=3"},
		{Score{N: 2, Answerable: 2, Top1: 0.5, Top3: 1, MRR: 0.75, Refused: 1}, "top1=0.50 top3=1.00 mrr=0.75 refused=1/2 n=2"},
		{Score{N: 3, Answerable: 2, Top1: 1, Top3: 1, MRR: 1, NoneTotal: 1, None: 1, Answers: 2, Direct: 0.5}, "top1=1.00 top3=1.00 mrr=1.00 none=1/1 refused=0/2 direct=0.50 n=3"},
		{Score{N: 3, Answerable: 3, Top1: 1, Top3: 1, MRR: 1, Parts: 2, PartsAnswered: 1, Single: 1}, "top1=1.00 top3=1.00 mrr=1.00 refused=0/3 parts=1/2 extra=0/1 n=3"},
		{Score{N: 2, Answerable: 2, Top1: 1, Top3: 1, MRR: 1, Single: 2, Extra: 1}, "top1=1.00 top3=1.00 mrr=1.00 refused=0/2 extra=1/2 n=2"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
