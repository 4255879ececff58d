package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/bot/ask"
	"github.com/directorbot/directorbot/bot/reload"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
)

func evalCommand() command {
	return command{
		name:    "eval",
		summary: "Score the search against JSON-lines question sets.",
		usage:   "[--misses] [--gate] [FILE...]",
		examples: []string{
			"directorbot eval --guide ./guide   # its questions.jsonl, or its notes",
			"directorbot eval --misses --guide ./guide ./guide/questions.jsonl new-questions.jsonl",
			"directorbot eval index/testdata/questions.jsonl   # in the source tree: the embedded guide's sets",
			"directorbot eval --gate --guide ./guide   # would a reload take this guide? (its questions.jsonl)",
		},
		run: runEval,
	}
}

func runEval(ctx context.Context, env *environment, args []string) error {
	fs, g := evalCommand().guideFlagSet(env)
	misses := fs.Bool("misses", false, "list every question answered wrongly, refused, or answered without its answer first")
	gate := fs.Bool("gate", false, "fail when a set scores below what a reload requires of questions.jsonl (RELOAD_MIN_TOP1, RELOAD_MIN_REFUSED)")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		if g.dir == "" {
			return usageError{"want at least one question file, or --guide DIR"}
		}
		if err := g.check(); err != nil {
			return err
		}
		if files, err = guideQuestions(g.dir); err != nil {
			return err
		}
		if len(files) == 0 && *gate {
			return usageError{fmt.Sprintf("--gate has nothing to gate on: %s has no %s, and no question file was named", g.dir, reload.QuestionsFile)}
		}
	}
	var bar *quality.Gate
	if *gate {
		owners, err := readOwnerSettings(env)
		if err != nil {
			return err
		}
		bar = &owners.gate
	}
	var failed []string
	ix, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	examples := index.ExampleKeys(ix.Guide())
	for _, file := range files {
		cases, err := readSet(ix.Guide(), file)
		if err != nil {
			return err
		}
		report, err := quality.Evaluate(ctx, ix, cases, ask.Preview(ix))
		if err != nil {
			return err
		}
		printReport(env.stdout, file, report, *misses)
		if len(cases) == 0 {
			fmt.Fprintf(env.stdout, "  note: %s holds no questions: nothing was scored, and a reload checks nothing against a questions.jsonl like it\n", file)
		}
		if n := companyRefused(report.Misses); n > 0 {
			fmt.Fprintf(env.stdout, "  note: %d answerable questions were refused as facts of the asker's own company: %s\n", n, companyHint(ix.Guide()))
		}
		if n := answersUnexpected(cases); n > 0 {
			fmt.Fprintf(env.stdout, "  note: %d of %d questions give an answer but no expect: they are scored as questions the guide should not answer; name the section that answers each in expect\n", n, len(cases))
		}
		if shared := sharedExpects(ix.Guide(), cases); len(shared) > 0 {
			fmt.Fprintf(env.stdout, "  note: %s names titles several sections share (%s): any of them counts as right; name one by its ID to score the one meant\n", file, strings.Join(shared, "; "))
		}
		if n := taught(cases, examples); n > 0 {
			fmt.Fprintf(env.stdout, "  note: %d of %d questions are the guide's own examples (in any case or punctuation), which taught the search: their figures are no fair measure of unseen wording\n", n, len(cases))
		}
		if bar != nil {
			if f := bar.Failures(report.Score); len(f) > 0 {
				failed = append(failed, file+": "+strings.Join(f, "; "))
			}
		}
	}
	if len(files) == 0 {
		fmt.Fprintf(env.stdout, "note: the guide loads (%d sections), but %s has no %s: nothing was scored; name a question file to score (README: Evaluating a guide)\n", len(ix.Guide().Sections()), g.dir, reload.QuestionsFile)
	}
	notes := ix.Guide().SharedTitles()
	for _, n := range notes[:min(maxSharedNotes, len(notes))] {
		fmt.Fprintf(env.stdout, "note: %s\n", n)
	}
	if more := len(notes) - maxSharedNotes; more > 0 {
		fmt.Fprintf(env.stdout, "note: %d more lines of %s name a title several sections share\n", more, content.ExamplesFile)
	}
	for _, n := range guideNotes(ix.Guide()) {
		fmt.Fprintf(env.stdout, "note: %s\n", n)
	}
	prompts, err := promptReplies(ctx, ix)
	if err != nil {
		return err
	}
	for _, p := range prompts {
		fmt.Fprintf(env.stdout, "note: %s\n", p.note)
	}
	if g.dir != "" {
		// The sets scored from the guide's folder are read too.
		read := []string{reload.QuestionsFile}
		for _, f := range files {
			if filepath.Clean(filepath.Dir(f)) == filepath.Clean(g.dir) {
				read = append(read, filepath.Base(f))
			}
		}
		unread, err := content.Unread(os.DirFS(g.dir), read...)
		if err != nil {
			return err
		}
		for _, n := range unread {
			fmt.Fprintf(env.stdout, "note: %s\n", n)
		}
	}
	app, err := readApp(env)
	if err != nil {
		return err
	}
	if ix.Guide().Path() == nil && !planTurnedOff(ix.Guide()) {
		fmt.Fprintf(env.stdout, "note: the guide offers no plan (%s plan): a section whose title names indicators, readiness or a checklist (\"Career Progression Indicators\") over a list to tick makes one, or plan.indicators in a page's frontmatter (README: Transition advice in DMs)\n", app.Command())
	}
	if p := ix.Guide().Path(); p != nil {
		// The heading convention may take a list for indicators that is no
		// move to a next role ("Production Readiness Checklist").
		fmt.Fprintf(env.stdout, "note: the self-assessment (%s plan) ticks the list of %q (%s); plan: false in a page's frontmatter turns it off\n", app.Command(), p.Indicators.Title, p.Indicators.Page.Name)
		unpaired, err := unpairedGaps(ctx, ix)
		if err != nil {
			return err
		}
		for _, in := range unpaired {
			fmt.Fprintf(env.stdout, "note: the plan names no action for the gap %q: no action shares enough of its words; name one in the page's frontmatter (plan.pins)\n", in)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("a reload would reject a guide whose questions.jsonl scored so: %s (eval --misses lists the questions that failed)", strings.Join(failed, "; "))
	}
	return nil
}

// guideQuestions returns the question file of a guide's folder, for an
// eval given none: "eval --guide DIR" checks the guide as a reload does,
// against DIR/questions.jsonl; none when it has none.
func guideQuestions(dir string) ([]string, error) {
	file := filepath.Join(dir, reload.QuestionsFile)
	switch _, err := os.Stat(file); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("read the guide's questions: %w", err)
	}
	return []string{file}, nil
}

// taught counts the cases whose question is one of the guide's examples,
// by their keys (index.ExampleKeys).
func taught(cases []content.Question, examples map[string]bool) int {
	n := 0
	for _, c := range cases {
		if examples[index.QuestionKey(c.Text)] {
			n++
		}
	}
	return n
}

// printReport writes a set's figures, each style's, and with misses, the
// questions it got wrong.
func printReport(w io.Writer, file string, r quality.Report, misses bool) {
	if misses {
		for _, m := range r.Misses {
			printMiss(w, m)
		}
	}
	fmt.Fprintf(w, "%s: %s\n", file, r.Score)
	styles := make([]string, 0, len(r.Styles))
	for s := range r.Styles {
		styles = append(styles, s)
	}
	slices.Sort(styles)
	for _, s := range styles {
		fmt.Fprintf(w, "  %-12s %s\n", s, r.Styles[s])
	}
}

// maxSharedNotes bounds the notes eval prints of examples that name a
// title several sections share; the rest are counted.
const maxSharedNotes = 5

func printMiss(w io.Writer, m quality.Miss) {
	want := "no answer"
	if len(m.Case.Expect) > 0 {
		want = strings.Join(m.Case.Expect, " | ")
	}
	got := strings.Join(m.Got, " | ")
	if len(m.Got) == 0 {
		got = "no answer: " + m.Why
	}
	if m.Hidden {
		got += fmt.Sprintf(" (right section, but %q is not in the first %d characters)", m.Case.Answer, quality.DirectAnswerChars)
	}
	fmt.Fprintf(w, "MISS %q\n     want: %s\n     got:  %s\n", m.Case.Text, want, got)
	printDeclined(w, "     ", m.Declined)
}

// printDeclined lists the examples that vote against answering a
// question, indented, so that a guide's owner finds the lines to drop.
func printDeclined(w io.Writer, indent string, declined []string) {
	if len(declined) == 0 {
		return
	}
	fmt.Fprintf(w, "%sthe closest lines of %s that say the guide does not answer it (drop any it now answers):\n", indent, content.ExamplesFile)
	for _, d := range declined {
		fmt.Fprintf(w, "%s  %q\n", indent, d)
	}
}

// planTurnedOff reports whether a page of the guide says plan: false: its
// owner wants no plan.
func planTurnedOff(g *content.Guide) bool {
	return slices.ContainsFunc(g.Pages, func(p *content.Page) bool { return p.Meta["plan"] == false })
}

// companyRefused counts the answerable cases refused as a fact of the
// asker's company: in a company's own guide, its pages may lack company:
// true.
func companyRefused(misses []quality.Miss) int {
	n := 0
	for _, m := range misses {
		if len(m.Case.Expect) > 0 && len(m.Got) == 0 && strings.HasPrefix(m.Why, index.CompanyFact.String()) {
			n++
		}
	}
	return n
}

// companyHint says how to answer questions refused as facts of the
// asker's company: mark the page that states them, and, when pages are
// marked, say which, whose words the questions did not find first.
func companyHint(g *content.Guide) string {
	var marked []string
	for _, p := range g.Pages {
		if p.Company {
			marked = append(marked, p.Name)
		}
	}
	if len(marked) == 0 {
		return "a page that states your company's facts says company: true in its frontmatter"
	}
	return fmt.Sprintf("their words led first to a section of a page without company: true, not to %s; eval --misses lists them: mark the page that states such facts company: true, put each fact on a marked page in the words people ask it, or teach it in %s", strings.Join(marked, ", "), content.ExamplesFile)
}

// answersUnexpected counts the cases that give an answer but expect no
// section, which are scored as off-topic: an expect left out by mistake.
func answersUnexpected(cases []content.Question) int {
	n := 0
	for _, c := range cases {
		if c.Answer != "" && len(c.Expect) == 0 {
			n++
		}
	}
	return n
}

// sharedExpects returns the titles a question set's expect names that
// several sections share, each with their IDs, at most maxSharedNotes:
// "Responsibilities" (em/responsibilities, director/responsibilities).
func sharedExpects(g *content.Guide, cases []content.Question) []string {
	named := g.SectionsNamed()
	var out []string
	seen := map[string]bool{}
	for _, c := range cases {
		for _, name := range c.Expect {
			sections := named(name)
			if len(sections) < 2 || seen[name] || len(out) == maxSharedNotes {
				continue
			}
			seen[name] = true
			ids := make([]string, len(sections))
			for i, s := range sections {
				ids[i] = s.ID
			}
			out = append(out, fmt.Sprintf("%q: %s", name, strings.Join(ids, ", ")))
		}
	}
	return out
}

// readSet reads a question set for the guide: a section it names that the
// guide lacks is a mistake, told with its line.
func readSet(g *content.Guide, file string) ([]content.Question, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("open question set: %w", err)
	}
	defer f.Close()
	return g.ReadQuestions(file, f)
}

// unpairedGaps returns the indicators of the guide's path that the plan
// pairs with no action (index.Index.Closers), as they are worded.
func unpairedGaps(ctx context.Context, ix *index.Index) ([]string, error) {
	closing, err := ix.Closers(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, in := range ix.Guide().Path().Items {
		if len(closing[in.Key].Sections) == 0 {
			out = append(out, in.Text.Plain())
		}
	}
	return out, nil
}
