package main

import (
	"context"
	"fmt"
	"os"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
)

func main() {
	g, err := content.Embedded()
	if err != nil {
		panic(err)
	}
	ix, err := index.Build(g)
	if err != nil {
		panic(err)
	}
	keys := index.ExampleKeys(g)
	var all, noex []content.Question
	for _, f := range os.Args[1:] {
		set, err := quality.LoadSet(f)
		if err != nil {
			panic(err)
		}
		for _, c := range set {
			all = append(all, c)
			if !keys[index.QuestionKey(c.Text)] {
				noex = append(noex, c)
			}
		}
	}
	for name, set := range map[string][]content.Question{"ALL": all, "NOEX": noex} {
		r, err := quality.Evaluate(context.Background(), ix, set, blockkit.Preview(ix))
		if err != nil {
			panic(err)
		}
		s := r.Score
		fmt.Printf("%s top1=%.4f top3=%.4f (%d of %d) answerable refused=%d off-topic refused=%d/%d (unsure %d) direct=%.4f of %d right-unsure=%d n=%d\n",
			name, s.Top1, s.Top3, int(s.Top3*float64(s.Answerable)+0.5), s.Answerable, s.Refused, s.None, s.NoneTotal, s.OffTopicUnsure, s.Direct, s.Answers, s.RightUnsure, s.N)
	}
}
