package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
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

// searchAnswer is what `search --json` prints: the sections that answer,
// best first, or, when none does, why and the closest the guide has.
type searchAnswer struct {
	Results []searchResult `json:"results"`
	// Unsure is set when the examples doubt that the results answer the
	// question (index.Result.Unsure).
	Unsure bool `json:"unsure"`
	// Why says, when no section answers, which rule refused.
	Why string `json:"why,omitempty"`
	// Closest are, when no section answers, the sections the words alone
	// rank first.
	Closest []searchResult `json:"closest,omitempty"`
	// AlsoAsked are the message's other questions (index.Result.Others,
	// Unanswered): each with the section that answers it, or why none
	// does.
	AlsoAsked []alsoAsked `json:"also_asked,omitempty"`
	// Declined are, when the examples refused the question or doubt its
	// results, those of them naming no section closest to it
	// (index.Index.DeclinedLike).
	Declined []string `json:"declined_examples,omitempty"`
}

// alsoAsked is another question of the message, as search prints it.
type alsoAsked struct {
	Asked  string        `json:"asked"`
	Result *searchResult `json:"result,omitempty"`
	Why    string        `json:"why,omitempty"`
}

// searchResult is one section of `search --json`.
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
	asJSON := fs.Bool("json", false, `print one JSON object: {"results", "unsure", "why", "closest", "also_asked"}`)
	limit := fs.Int("limit", 5, "most results to show")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *limit < 1 {
		return usageError{"--limit must be at least 1"}
	}
	question := strings.Join(rest, " ")
	if strings.TrimSpace(question) == "" {
		return usageError{`search needs a question, such as: directorbot search "who does a VP report to?"`}
	}
	ix, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	r, err := ix.Ask(ctx, question, *limit)
	if err != nil {
		return err
	}
	answer := searchAnswer{Results: searchResults(r.Hits), Unsure: r.Unsure}
	for _, o := range r.Others {
		answer.AlsoAsked = append(answer.AlsoAsked, alsoAsked{Asked: o.Asked, Result: &searchResults([]index.Hit{o.Hit})[0]})
	}
	for _, u := range r.Unanswered {
		answer.AlsoAsked = append(answer.AlsoAsked, alsoAsked{Asked: u.Asked, Why: index.Result{Why: u.Why, Becoming: u.Becoming}.Explain()})
	}
	if len(r.Hits) == 0 {
		answer.Why, answer.Closest = r.Explain(), searchResults(r.Closest)
	}
	if r.Declined > 0 || r.Verbatim || r.Unsure {
		answer.Declined = ix.DeclinedLike(question, quality.MaxDeclined)
	}
	if *asJSON {
		return json.NewEncoder(env.stdout).Encode(answer)
	}
	printAnswer(env, answer)
	return nil
}

// searchResults are hits as search prints them.
func searchResults(hits []index.Hit) []searchResult {
	out := make([]searchResult, len(hits))
	for i, h := range hits {
		out[i] = searchResult{ID: h.Section.ID, Title: h.Section.Title, Path: h.Section.Path(), Score: h.Score, Votes: h.Votes, Rows: h.RowTitles()}
		if out[i].Path == nil {
			out[i].Path = []string{}
		}
	}
	return out
}

// printAnswer prints the ranking, first saying when the examples doubt
// that the guide answers the question, or why no section answers and
// the closest it has.
func printAnswer(env *environment, a searchAnswer) {
	if len(a.Results) == 0 {
		fmt.Fprintf(env.stdout, "No section answers that question: %s.\n", a.Why)
		printDeclined(env.stdout, "", a.Declined)
		if len(a.Closest) > 0 {
			fmt.Fprintln(env.stdout, "The closest by its words:")
			printResults(env, a.Closest)
		}
		return
	}
	if a.Unsure {
		fmt.Fprintln(env.stdout, "The guide may not answer this exactly: these are the closest it has.")
	}
	printResults(env, a.Results)
	printDeclined(env.stdout, "", a.Declined)
	for _, o := range a.AlsoAsked {
		fmt.Fprintf(env.stdout, "Also asked: %q\n", o.Asked)
		if o.Result == nil {
			fmt.Fprintf(env.stdout, "   not answered: %s\n", o.Why)
			continue
		}
		fmt.Fprintf(env.stdout, "   %s  (%s)\n   %s\n", o.Result.Title, o.Result.score(), strings.Join(append(o.Result.Path, o.Result.Title), " › "))
	}
}

// score is the result's score as search prints it, with the examples'
// share. A section without a score was not ranked: a page offered when
// nothing closer was (index.Result.Becoming).
func (r searchResult) score() string {
	switch {
	case r.Score == 0:
		return "not ranked: the page"
	case r.Votes > 0:
		return fmt.Sprintf("%.2f; %.0f %% by the examples", r.Score, 100*r.Votes)
	}
	return fmt.Sprintf("%.2f", r.Score)
}

// printResults prints sections, each with its score and path.
func printResults(env *environment, results []searchResult) {
	for i, r := range results {
		fmt.Fprintf(env.stdout, "%d. %s  (%s)\n   %s\n", i+1, r.Title, r.score(), strings.Join(append(r.Path, r.Title), " › "))
		if len(r.Rows) > 0 {
			fmt.Fprintf(env.stdout, "   rows: %s\n", strings.Join(r.Rows, ", "))
		}
	}
}
