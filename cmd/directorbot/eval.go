package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/index"
)

func evalCommand() command {
	return command{
		name:     "eval",
		summary:  "Score the search against a JSON-lines question set.",
		usage:    "FILE",
		examples: []string{"directorbot eval index/testdata/questions.jsonl"},
		run:      runEval,
	}
}

func runEval(ctx context.Context, env *environment, args []string) error {
	fs, g := evalCommand().guideFlagSet(env)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{"want exactly one question file"}
	}
	cases, err := index.LoadCases(rest[0])
	if err != nil {
		return err
	}
	ix, err := g.open()
	if err != nil {
		return err
	}
	defer ix.Close()
	report, err := index.Evaluate(ctx, ix, cases, nil)
	if err != nil {
		return err
	}
	for _, m := range report.Misses {
		want := "no answer"
		if len(m.Case.Expect) > 0 {
			want = strings.Join(m.Case.Expect, " | ")
		}
		fmt.Fprintf(env.stdout, "MISS %q\n     want: %s\n     got:  %s\n", m.Case.Question, want, strings.Join(m.Got, " | "))
	}
	fmt.Fprintln(env.stdout, report)
	return nil
}
