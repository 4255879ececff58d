package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/index"
)

func searchCommand() command {
	return command{
		name:    "search",
		summary: "Rank the guide's sections for a question.",
		usage:   "[--json] [--limit N] QUESTION",
		examples: []string{
			`directorbot search "who does a VP report to?"`,
			`directorbot search --json --limit 3 dirctor skils`,
		},
		run: runSearch,
	}
}

// searchResult is one line of `search --json`.
type searchResult struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Path  []string `json:"path"`
	Score float64  `json:"score"`
	// Votes is the section's chance of answering by the guide's example
	// questions, in Score.
	Votes float64  `json:"votes"`
	Rows  []string `json:"rows"`
}

func runSearch(ctx context.Context, env *environment, args []string) error {
	fs, g := searchCommand().guideFlagSet(env)
	asJSON := fs.Bool("json", false, "print one JSON array of results, best first")
	limit := fs.Int("limit", 5, "most results to show")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *limit < 1 {
		return usageError{"--limit must be at least 1"}
	}
	ix, err := g.open()
	if err != nil {
		return err
	}
	defer ix.Close()
	r, err := ix.Ask(ctx, strings.Join(rest, " "), *limit)
	if err != nil {
		return err
	}
	hits := r.Hits
	results := make([]searchResult, len(hits))
	for i, h := range hits {
		results[i] = searchResult{ID: h.Section.ID, Title: h.Section.Title, Path: h.Section.Path(), Score: h.Score, Votes: h.Votes, Rows: h.RowTitles()}
		if results[i].Path == nil {
			results[i].Path = []string{}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		return enc.Encode(results)
	}
	printResults(env, results, r.Unsure, r.Why)
	return nil
}

// printResults prints the ranking, first saying when the examples doubt
// that the guide answers the question (index.Result.Unsure), or why no
// section answers.
func printResults(env *environment, results []searchResult, unsure bool, why index.Reason) {
	if len(results) == 0 {
		fmt.Fprintf(env.stdout, "No section answers that question: %s.\n", why)
		return
	}
	if unsure {
		fmt.Fprintln(env.stdout, "The guide may not answer this exactly: these are the closest it has.")
	}
	for i, r := range results {
		votes := ""
		if r.Votes > 0 {
			votes = fmt.Sprintf("; %.0f %% by the examples", 100*r.Votes)
		}
		fmt.Fprintf(env.stdout, "%d. %s  (%.2f%s)\n   %s\n", i+1, r.Title, r.Score, votes, strings.Join(append(r.Path, r.Title), " › "))
		if len(r.Rows) > 0 {
			fmt.Fprintf(env.stdout, "   rows: %s\n", strings.Join(r.Rows, ", "))
		}
	}
}
