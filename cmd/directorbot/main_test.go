package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/content"
	"github.com/joho/godotenv"
)

// runCLI runs one command line in-process with a clean environment.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runIn(context.Background(), newEnvironment(&out, &errOut), args)
	return code, out.String(), errOut.String()
}

func TestSearchJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		wantIDs []string
		rows    []string
		why     string // when no section answers
		// declined is the example naming no section that comes first among
		// those closest to a question the examples refused.
		declined string
	}{
		{"row question", []string{"search", "--json", "--limit", "1", "who does a VP report to?"}, []string{"comparison-director-vs-vp"}, []string{"Reports to"}, "", ""},
		{"flags after words", []string{"search", "what", "skills", "--json", "--limit=2"}, []string{"key-skill-sets"}, nil, "", ""},
		{"no answer", []string{"search", "--json", "best pizza in town"}, nil, nil, "no section holds enough", ""},
		{"refused", []string{"search", "--json", "how much equity does a VP get"}, nil, nil, "outside.txt", ""},
		{"declined by the examples", []string{"search", "--json", "how do I fire an underperforming manager"}, nil, nil, "the examples give", "how do I fire an underperforming EM"},
		{"an example word for word", []string{"search", "--json", "how do I deal with burnout as a new director, I'm exhausted"}, nil, nil, "the examples hold it, word for word", "how do I deal with burnout as a new director, I'm exhausted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := runCLI(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var answer struct {
				Results  []map[string]any `json:"results"`
				Unsure   *bool            `json:"unsure"`
				Why      string           `json:"why"`
				Closest  []map[string]any `json:"closest"`
				Declined []string         `json:"declined_examples"`
			}
			dec := json.NewDecoder(strings.NewReader(out))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&answer); err != nil || answer.Results == nil || answer.Unsure == nil {
				t.Fatalf("stdout is not one JSON object with results and unsure: %v\n%s", err, out)
			}
			if dec.More() {
				t.Fatal("stdout holds more than one JSON value")
			}
			var first string
			if len(answer.Declined) > 0 {
				first = answer.Declined[0]
			}
			if first != tt.declined {
				t.Errorf("the closest example naming no section is %q, want %q", first, tt.declined)
			}
			if tt.wantIDs == nil {
				if len(answer.Results) != 0 || !strings.Contains(answer.Why, tt.why) {
					t.Fatalf("want no results and why %q, got %s", tt.why, out)
				}
				if tt.name == "refused" && (len(answer.Closest) == 0 || answer.Closest[0]["id"] != "comparison-director-vs-vp") {
					t.Errorf("a refusal's closest sections: %s", out)
				}
				return
			}
			if len(answer.Results) == 0 || answer.Results[0]["id"] != tt.wantIDs[0] || answer.Why != "" || answer.Closest != nil {
				t.Fatalf("answer = %s", out)
			}
			for _, key := range []string{"id", "title", "path", "score", "votes", "rows"} {
				if _, ok := answer.Results[0][key]; !ok {
					t.Errorf("result lacks %q: %s", key, out)
				}
			}
			if tt.rows != nil {
				rows, _ := json.Marshal(answer.Results[0]["rows"])
				want, _ := json.Marshal(tt.rows)
				if string(rows) != string(want) {
					t.Errorf("rows = %s, want %s", rows, want)
				}
			}
		})
	}
}

func TestAsk(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"who does a VP report to?"}, "> Reports to — Director: VP or Senior Director · VP: CTO, CEO, or Board"},
		{[]string{"how do I bake sourdough bread"}, "I couldn't find an answer to “how do I bake sourdough bread” in the guide."},
		// In Slack this starts the self-assessment; the terminal shows it.
		{[]string{"Build my transition plan"}, "[ ] Ability to set and execute multi-year technical strategy"},
		{[]string{"--json", "Build", "my", "plan"}, `"type":"checkboxes"`},
		// A question that opens with "-" is no flag: it holds words.
		{[]string{"-how many engineers does a director manage?"}, "Org size"},
		// ask keeps nothing to forget, and says what serve's forget does.
		{[]string{"forget me"}, "ask keeps nothing about you"},
	} {
		code, out, errOut := runCLI(t, append([]string{"ask"}, tc.args...)...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("ask %q: exit %d, want %q in:\n%s%s", tc.args, code, tc.want, out, errOut)
		}
	}
}

// TestAskTellsWhatServeKeeps: asked what the bot keeps, ask answers as
// serve would, with its store and RETENTION_DAYS, though ask itself
// keeps nothing.
func TestAskTellsWhatServeKeeps(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		days, want string
	}{
		{"", "deleted after 90 days"},
		{"7", "deleted after 7 days"},
	} {
		var out, errOut bytes.Buffer
		// The admins' setting, which ask does not need, does not stop it.
		env := &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string {
			return map[string]string{"RETENTION_DAYS": tc.days, "ADMIN_USERS": "not-an-id"}[k]
		}}
		code := runIn(context.Background(), env, []string{"ask", "do you store my questions?"})
		if code != 0 || !strings.Contains(out.String(), tc.want) || !strings.Contains(out.String(), "for 30 minutes") {
			t.Errorf("RETENTION_DAYS=%q: exit %d, want %q and the conversation's 30 minutes in:\n%s%s", tc.days, code, tc.want, out.String(), errOut.String())
		}
	}
}

func TestSearchText(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "search", "--limit", "1", "budget authority")
	if code != 0 || !strings.Contains(out, "1. Comparison: Director vs VP") || !strings.Contains(out, "rows: Budget authority") || !strings.Contains(out, "% by the examples)") ||
		strings.Contains(out, "may not answer") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	// A refusal says which rule refused, and which word of outside.txt,
	// so that an owner knows what to change (outside.txt, or the
	// examples).
	code, out, _ = runCLI(t, "search", "--limit", "1", "how much equity does a VP get")
	if code != 0 || !strings.HasPrefix(out, "No section answers that question: a topic the guide leaves to others: it asks about \"equity\", which the outside list holds and the guide never says (if the guide answers it in other words, a line \"-equity\" in outside.txt drops it).\nThe closest by its words:\n1. Comparison: Director vs VP") {
		t.Errorf("a refusal: exit %d, output:\n%s", code, out)
	}
	// Pay is refused by a rule of its own, not a word of outside.txt.
	code, out, _ = runCLI(t, "search", "--limit", "1", "how much do VPs earn?")
	if code != 0 || !strings.HasPrefix(out, "No section answers that question: a topic the guide leaves to others (outside.txt, pay, staffing ratios).") {
		t.Errorf("a refusal for pay: exit %d, output:\n%s", code, out)
	}
	// A page offered when nothing off the path ranked has no score.
	code, out, _ = runCLI(t, "search", "--limit", "1", "am I ready for director?")
	if code != 0 || !strings.HasSuffix(out, "The closest by its words:\n1. Director of Software Engineering  (not ranked: the page)\n   Director of Software Engineering\n") {
		t.Errorf("a page offered: exit %d, output:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "search", "--limit", "1", "what conferences should a director attend?")
	if code != 0 || !strings.HasPrefix(out, "The guide may not answer this exactly: these are the closest it has.\n1. ") {
		t.Errorf("an unsure ranking: exit %d, output:\n%s", code, out)
	}
}

func TestEval(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "q.jsonl")
	data := `{"question": "skills", "expect": ["key skill sets"], "style": "terse"}
{"question": "what is a director responsible for?", "expect": ["Strategic Leadership"], "style": "paraphrase"}
{"question": "steps", "expect": ["Think Like an Executive"], "style": "terse"}
{"question": "how long before a director becomes a VP", "expect": ["Timeline"], "answer": "Typically 4-7 years"}

{"question": "best pizza in town", "expect": []}
{"question": "how much equity does a VP get", "expect": ["Comparison: Director vs VP"]}
`
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "eval", "--misses", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		file + ": top1=0.40 ", " none=1/1 ", " direct=1.00 n=6\n",
		"  paraphrase   top1=0.00 ", "  terse        top1=0.50 ",
		`MISS "what is a director responsible for?"`,
		// The plan's indicators are named, so that a list taken for them
		// by mistake shows.
		"note: the self-assessment (/director plan) ticks the list of \"Career Progression Indicators\" (director.md)",
		// A refusal names the rule that refused.
		"MISS \"how much equity does a VP get\"\n     want: Comparison: Director vs VP\n     got:  no answer: a topic the guide leaves to others: it asks about \"equity\", which the outside list holds and the guide never says (if the guide answers it in other words, a line \"-equity\" in outside.txt drops it)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
}

// TestEvalGate runs eval --gate: a set that scores below what a reload
// requires fails, naming the shortfall; one that passes does not, nor an
// empty one, which says it scored nothing.
func TestEvalGate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pass, fail := filepath.Join(dir, "pass.jsonl"), filepath.Join(dir, "fail.jsonl")
	if err := os.WriteFile(pass, []byte(`{"question": "skills", "expect": ["Key Skill Sets"]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fail, []byte(`{"question": "what is a director responsible for?", "expect": ["Strategic Leadership"]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "eval", "--gate", pass); code != 0 {
		t.Errorf("a passing set: exit %d: %s", code, errOut)
	}
	code, out, errOut := runCLI(t, "eval", "--gate", pass, fail)
	if code != 1 || !strings.Contains(errOut, "a reload would reject a guide whose questions.jsonl scored so: "+fail+": top-1 accuracy 0.00 is below 0.80") || strings.Count(out, "top1=") != 2 {
		t.Errorf("a failing set: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "eval", fail); code != 0 {
		t.Errorf("without --gate a low score fails: exit %d", code)
	}
	// An empty set passes as a reload would take it, saying it checked
	// nothing.
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCLI(t, "eval", "--gate", empty); code != 0 || !strings.Contains(out, "holds no questions: nothing was scored") {
		t.Errorf("an empty set: exit %d, stdout %q", code, out)
	}
}

func TestEvalNamesTaughtQuestions(t *testing.T) {
	t.Parallel()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	taught := g.Examples()[0]
	file := filepath.Join(t.TempDir(), "q.jsonl")
	data := fmt.Sprintf(`{"question": %q, "expect": ["Key Skill Sets"]}
{"question": "which skills does a brand new director lean on most", "expect": ["Key Skill Sets"]}
`, taught)
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, "eval", file)
	if !strings.Contains(out, "note: 1 of 2 questions are the guide's own examples") {
		t.Errorf("eval does not say which questions taught the search:\n%s", out)
	}
}

// TestEvalNotesWideTables: eval notes a table wider than Slack's table
// block, whose last columns no answer shows.
func TestEvalNotesWideTables(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var head, line strings.Builder
	for i := range 21 {
		fmt.Fprintf(&head, "| C%d ", i)
		line.WriteString("| --- ")
	}
	page := "# Roles\n\n## Levels\n\n" + head.String() + "|\n" + line.String() + "|\n"
	if err := os.WriteFile(filepath.Join(dir, "roles.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	set := filepath.Join(dir, "q.jsonl")
	if err := os.WriteFile(set, []byte(`{"question": "levels", "expect": ["Levels"]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errOut := runCLI(t, "eval", "--guide", dir, set)
	if want := `note: roles.md: the table in "Levels" has 21 columns; Slack shows 20`; !strings.Contains(out, want) {
		t.Errorf("eval does not note the wide table (%q):\n%s%s", want, out, errOut)
	}
}

// TestEvalNotesUnusedAbout: of two pages with an about, eval notes that
// the later one's is not used.
func TestEvalNotesUnusedAbout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, page := range map[string]string{
		"a.md": "---\nabout: I answer questions about our EM path.\n---\n# EM\n\n## Scope\n\nA team.\n",
		"b.md": "---\nabout: I answer questions about our Director path.\n---\n# Director\n\n## Scope\n\nTeams.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set := filepath.Join(dir, "q.jsonl")
	if err := os.WriteFile(set, []byte(`{"question": "scope", "expect": ["Scope"]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errOut := runCLI(t, "eval", "--guide", dir, set)
	if want := "note: b.md: its frontmatter about is not used: a.md, first in order, says what the guide is about"; !strings.Contains(out, want) {
		t.Errorf("eval does not note the unused about (%q):\n%s%s", want, out, errOut)
	}
}

// TestEvalNamesDeclinedExamples adds to the embedded guide a section for a
// question its examples say the guide does not answer: eval --misses names
// the example to drop, and a guide without examples is noted, as is a
// misnamed file of examples.
func TestEvalNamesDeclinedExamples(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join("..", "..", "content", "director.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples, err := os.ReadFile(filepath.Join("..", "..", "content", content.ExamplesFile))
	if err != nil {
		t.Fatal(err)
	}
	page = append(page, "\n## Your First 90 Days\n\nMeet every manager one to one, learn the roadmap, and change nothing large before day 60.\n"...)
	withExamples, without := t.TempDir(), t.TempDir()
	set := filepath.Join(without, "q.jsonl")
	for path, text := range map[string][]byte{
		filepath.Join(withExamples, "director.md"):        page,
		filepath.Join(withExamples, content.ExamplesFile): examples,
		filepath.Join(without, "director.md"):             page,
		set:                                               []byte(`{"question": "what should i do in my first 90 days as a director", "expect": ["Your First 90 Days"]}` + "\n"),
	} {
		if err := os.WriteFile(path, text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, errOut := runCLI(t, "eval", "--misses", "--guide", withExamples, set)
	if want := "examples.jsonl that say the guide does not answer it (drop any it now answers):\n       \"what should i do in my first 90 days as a new director\""; !strings.Contains(out, want) {
		t.Errorf("eval --misses does not name the example to drop (%q):\n%s%s", want, out, errOut)
	}
	if strings.Contains(out, noExamples) {
		t.Errorf("a guide with examples is noted as without:\n%s", out)
	}
	_, out, errOut = runCLI(t, "eval", "--guide", without, set)
	if !strings.Contains(out, "note: "+noExamples) {
		t.Errorf("a guide without examples is not noted:\n%s%s", out, errOut)
	}
	// Examples in a file misnamed are not read, and the owner is told.
	if err := os.WriteFile(filepath.Join(without, "example.jsonl"), examples, 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errOut = runCLI(t, "eval", "--guide", without, set)
	if !strings.Contains(out, "note: "+noExamples) || !strings.Contains(out, "note: example.jsonl is not read: did you mean examples.jsonl?\n") {
		t.Errorf("a misnamed examples.jsonl is not noted:\n%s%s", out, errOut)
	}
}

// TestEvalNotesSharedTitles: eval notes each line of a guide's examples
// that names a title two pages share, and counts those past the first few.
func TestEvalNotesSharedTitles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var examples strings.Builder
	for i := range maxSharedNotes + 2 {
		fmt.Fprintf(&examples, `{"question": "faq %d", "expect": ["FAQ"]}`+"\n", i)
	}
	for name, text := range map[string]string{
		"oncall.md":          "# On-call\n\n## FAQ\n\nPages wake you up.\n",
		"hiring.md":          "# Hiring\n\n## FAQ\n\nOffers go out on Fridays.\n",
		content.ExamplesFile: examples.String(),
		"q.jsonl":            `{"question": "when do offers go out", "expect": ["hiring/faq"]}` + "\n",
		"shared.jsonl":       `{"question": "when do offers go out", "expect": ["FAQ"]}` + "\n" + `{"question": "do pages wake me", "answer": "Pages wake you up."}` + "\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, _ := runCLI(t, "eval", "--guide", dir, filepath.Join(dir, "q.jsonl"))
	if n := strings.Count(out, `"FAQ" is the title of 2 sections`); n != maxSharedNotes || !strings.Contains(out, "note: 2 more lines of examples.jsonl name a title") {
		t.Errorf("eval noted %d lines naming a shared title; want %d, then the rest counted:\n%s", n, maxSharedNotes, out)
	}
	if strings.Contains(out, "names titles several sections share") {
		t.Errorf("a set naming sections by ID is told it names shared titles:\n%s", out)
	}
	// A question set naming a shared title would count either section
	// right: it is told so.
	_, out, _ = runCLI(t, "eval", "--guide", dir, filepath.Join(dir, "shared.jsonl"))
	if !strings.Contains(out, `names titles several sections share ("FAQ": hiring/faq, oncall/faq): any of them counts as right`) {
		t.Errorf("a set naming a shared title is not told so:\n%s", out)
	}
	if !strings.Contains(out, "note: 1 of 2 questions give an answer but no expect") {
		t.Errorf("a question with an answer and no expect is not told so:\n%s", out)
	}
}

func TestEvalThinksInNumberedTitles(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "q.jsonl")
	if err := os.WriteFile(file, []byte(`{"question": "think like an executive", "expect": ["think like an executive"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, "eval", file)
	if !strings.Contains(out, "top1=1.00") {
		t.Errorf("numbering not ignored: %s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{nil, "Usage: directorbot COMMAND"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"search", "--limit", "0", "x"}, "--limit must be at least 1"},
		{[]string{"search", "--nope"}, "flag provided but not defined"},
		{[]string{"eval"}, "want at least one question file"},
		{[]string{"search"}, "search needs a question"},
		{[]string{"search", "--json", "  "}, "search needs a question"},
		{[]string{"search", "--guide", "/does/not/exist", "x"}, "the guide folder /does/not/exist does not exist"},
		{[]string{"ask", "--guide", "main_test.go", "x"}, "main_test.go is a file: --guide and GUIDE_DIR name a folder"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.args...)
		if code != exitUsage || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("%v: exit %d, output %q, want %q", tt.args, code, out+errOut, tt.want)
		}
	}
}

func TestHelpShowsExamples(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		for _, args := range [][]string{{c.name, "--help"}, {"help", c.name}} {
			// Asked for, help is the output: "directorbot help ask | less".
			code, out, errOut := runCLI(t, args...)
			if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "directorbot "+c.name) || errOut != "" {
				t.Errorf("%v: exit %d\nstdout:\n%s\nstderr:\n%s", args, code, out, errOut)
			}
		}
	}
}

func TestGuideDirReplacesEmbeddedGuide(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := "---\nlabel: EM\n---\n# Engineering Manager\n\n## Sprint Rituals\n\nStandups and retros.\n"
	if err := os.WriteFile(filepath.Join(dir, "em.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "search", "--json", "--guide", dir, "retros")
	if code != 0 || !strings.Contains(out, `"id":"sprint-rituals"`) {
		t.Errorf("exit %d: %s", code, out)
	}
}

// TestServeSettingErrors: each mistake in serve's settings stops it with
// exit code 78 and a message naming it; a mistake in its guide's pages
// with 1, so that a service restarted on failure picks the mended pages
// up.
func TestServeSettingErrors(t *testing.T) {
	t.Parallel()
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	fake.FailAuth("invalid_auth")
	revoked := fakeslack.New()
	t.Cleanup(revoked.Close)
	revoked.FailConnect("token_revoked")
	unscoped := fakeslack.New()
	t.Cleanup(unscoped.Close)
	unscoped.FailConnect("missing_scope")
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "handbook.md"), []byte("# Handbook\n\n## Scope\n\n| Dimension | Director |\n| --- | --- |\n| Reports to | VP | CEO |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"missing app token", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN is not set"},
		{"bot token in app slot", map[string]string{"SLACK_APP_TOKEN": "xoxb-secret-value", "SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN does not look like a xapp-… token (it holds a xoxb-… token, which SLACK_BOT_TOKEN takes)"},
		{"tokens swapped", map[string]string{"SLACK_APP_TOKEN": "xoxb-secret-value", "SLACK_BOT_TOKEN": "xapp-secret-value"}, "SLACK_APP_TOKEN does not look like a xapp-… token (it holds the xoxb-… token SLACK_BOT_TOKEN should, and SLACK_BOT_TOKEN this one's: are the two swapped?)"},
		{"missing bot token", map[string]string{"SLACK_APP_TOKEN": "xapp-1"}, "SLACK_BOT_TOKEN is not set"},
		{"token in quotes, as docker --env-file keeps them", map[string]string{"SLACK_APP_TOKEN": `"xapp-secret-value"`, "SLACK_BOT_TOKEN": "xoxb-secret-value"}, "SLACK_APP_TOKEN starts or ends with a quote: write the token without quotes"},
		{"a stray quote after the token", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": `xoxb-secret-value"`}, "SLACK_BOT_TOKEN starts or ends with a quote"},
		{"a token after Bearer", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "Bearer xoxb-secret-value"}, `SLACK_BOT_TOKEN starts with "Bearer ": write the token alone`},
		// Every mistake is told at once, not one a start.
		{"several mistakes", map[string]string{"SLACK_BOT_TOKEN": "xoxb-secret-value", "LOG_LEVEL": "verbose", "HEALTH_ADDR": "x", "ADMIN_USERS": "bob", "RETENTION_DAYS": "abc"}, "LOG_LEVEL \"verbose\" is not one of debug, info, warn, error\nSLACK_APP_TOKEN is not set"},
		{"several mistakes, the last", map[string]string{"SLACK_BOT_TOKEN": "xoxb-secret-value", "LOG_LEVEL": "verbose", "HEALTH_ADDR": "x", "ADMIN_USERS": "bob", "RELOAD_MIN_TOP1": "2"}, `ADMIN_USERS: "bob" is not a Slack user ID (U… or W…, from a profile's ⋮ › Copy member ID)` + "\nRELOAD_MIN_TOP1"},
		{".env.example's placeholders", map[string]string{"SLACK_APP_TOKEN": "xapp-", "SLACK_BOT_TOKEN": "xoxb-"}, "SLACK_APP_TOKEN holds only xapp-, as .env.example does"},
		{"bot token refused", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "SLACK_API_URL": fake.APIURL()}, "SLACK_BOT_TOKEN (invalid_auth)"},
		{"app token revoked", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "SLACK_API_URL": revoked.APIURL()}, "SLACK_APP_TOKEN (token_revoked)"},
		// slack-go retries every other refusal of a connection for ever.
		{"app token without connections:write", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "SLACK_API_URL": unscoped.APIURL()}, "SLACK_APP_TOKEN (missing_scope): an app-level token needs the connections:write scope"},
		// Without its final slash the URL still reaches the Web API.
		{"API URL without its slash", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "SLACK_API_URL": strings.TrimSuffix(fake.APIURL(), "/")}, "SLACK_BOT_TOKEN (invalid_auth)"},
		{"API URL not a URL", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "SLACK_API_URL": "notaurl"}, `SLACK_API_URL "notaurl": want the Web API's base URL`},
		{"health address not host:port", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "HEALTH_ADDR": "8080"}, `HEALTH_ADDR "8080" is not host:port`},
		{"health port not a port", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "HEALTH_ADDR": ":99999"}, `HEALTH_ADDR ":99999" is not host:port`},
		{"slash command in capitals", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "SLASH_COMMAND": "/Ladder"}, `BOT_NAME or SLASH_COMMAND: slash command "/Ladder" is not one Slack accepts`},
		{"bot name of two lines", map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "BOT_NAME": "Career\nLadder"}, "holds a line break"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			state := "sqlite:" + filepath.Join(t.TempDir(), "directorbot.db")
			env := &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string {
				if k == "DATABASE_URL" {
					return state
				}
				return tt.vars[k]
			}}
			code := runIn(context.Background(), env, []string{"serve"})
			// Said for people, and logged as JSON for log pipelines.
			if code != exitConfig || !strings.Contains(errOut.String(), tt.want) || !strings.Contains(errOut.String(), `"level":"ERROR","msg":"serve stopped"`) {
				t.Errorf("exit %d, stderr %q, want %d and %q, said and logged", code, errOut.String(), exitConfig, tt.want)
			}
			if strings.Contains(out.String()+errOut.String(), "secret-value") {
				t.Error("a token was printed")
			}
		})
	}
	var out, errOut bytes.Buffer
	vars := map[string]string{"SLACK_APP_TOKEN": "xapp-secret-value", "SLACK_BOT_TOKEN": "xoxb-secret-value", "GUIDE_DIR": broken,
		"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "directorbot.db")}
	code := runIn(context.Background(), &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}, []string{"serve"})
	if code != exitFailure || !strings.Contains(errOut.String(), "handbook.md:7: table row has 3 cells") {
		t.Errorf("a guide with a mistake: exit %d, stderr %q; want %d, naming the line", code, errOut.String(), exitFailure)
	}
}

// TestAppNamedBySettings: ask and dev name the bot and its command as
// BOT_NAME and SLASH_COMMAND do, and dev refuses another command, as
// Slack would.
func TestAppNamedBySettings(t *testing.T) {
	t.Parallel()
	vars := map[string]string{"BOT_NAME": "Ladder", "SLASH_COMMAND": "ladder"}
	getenv := func(k string) string { return vars[k] }
	var out, errOut bytes.Buffer
	if code := runIn(context.Background(), &environment{stdout: &out, stderr: &errOut, getenv: getenv}, []string{"ask", "help"}); code != 0 ||
		!strings.Contains(out.String(), "`/ladder plan`") || !strings.Contains(out.String(), "Ladder") || strings.Contains(out.String(), "/director") {
		t.Errorf("ask help: exit %d, want /ladder and Ladder, not /director:\n%s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	env := &environment{stdin: strings.NewReader("/director skills\n/ladder skills\nquit\n"), stdout: &out, stderr: &errOut, getenv: getenv}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("dev: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "  /ladder skills                   a slash command") || strings.Count(out.String(), "Key Skill Sets") == 0 {
		t.Errorf("dev does not take /ladder:\n%s", out.String())
	}
	if !strings.Contains(errOut.String(), "/director is not a command of this app: Slack would refuse it; the app's is /ladder") {
		t.Errorf("dev takes /director for an app whose command is /ladder:\n%s", errOut.String())
	}
}

func TestDevDrivesTheBotThroughTheFake(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader("/director skills\n@bot who does a VP report to?\nhi\nhome\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, []string{"dev", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{
		"── ack (only you can see this) ──\nKey Skill Sets",
		"── chat.postMessage to CDEV in thread",
		"── chat.postMessage to DDEV ──",
		"Am I ready for VP?",
		"── views.publish (Home tab) ──",
		`"type":"header"`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if !reportsToRow.MatchString(out.String()) {
		t.Errorf("output lacks the Reports to row drawn as a table row:\n%s", out.String())
	}
	// --json prints each payload whole: the notification's text with the
	// blocks, and where a message goes.
	var payloads []map[string]any
	for line := range strings.Lines(out.String()) {
		if strings.HasPrefix(line, "{") || strings.HasPrefix(line, "[{") {
			var p map[string]any
			if err := json.Unmarshal([]byte(line), &p); err != nil {
				t.Fatalf("a JSON line is no payload: %v\n%s", err, line)
			}
			payloads = append(payloads, p)
		}
	}
	want := []struct{ has, says string }{
		{"response_type", "ephemeral"}, // the ack of /director skills
		{"thread_ts", ""},              // the answer to the mention
		{"channel", "DDEV"},            // the welcome
		{"user_id", "UDEV"},            // the Home tab
	}
	if len(payloads) != len(want) {
		t.Fatalf("%d payloads printed, want %d:\n%s", len(payloads), len(want), out.String())
	}
	for i, w := range want {
		p := payloads[i]
		if _, ok := p[w.has]; !ok || w.says != "" && p[w.has] != w.says {
			t.Errorf("payload %d: %s is %v, want %q: %v", i+1, w.has, p[w.has], w.says, p)
		}
		if _, home := p["view"]; !home && (p["text"] == "" || p["text"] == nil || p["blocks"] == nil) {
			t.Errorf("payload %d lacks its text or its blocks: %v", i+1, p)
		}
	}
}

func TestDotEnvNeverOverridesRealVariables(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, ".env")
	if err := os.WriteFile(file, []byte("DIRECTORBOT_TEST_REAL=from-file\nDIRECTORBOT_TEST_NEW=from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DIRECTORBOT_TEST_REAL", "from-env")
	t.Setenv("DIRECTORBOT_TEST_NEW", "")
	os.Unsetenv("DIRECTORBOT_TEST_NEW")
	d, err := loadDotEnv(file)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.set, []string{"DIRECTORBOT_TEST_NEW"}) {
		t.Errorf(".env set %v, want only DIRECTORBOT_TEST_NEW", d.set)
	}
	if got := os.Getenv("DIRECTORBOT_TEST_REAL"); got != "from-env" {
		t.Errorf(".env overrode a real variable: %q", got)
	}
	if got := os.Getenv("DIRECTORBOT_TEST_NEW"); got != "from-file" {
		t.Errorf(".env not read: %q", got)
	}
	if _, err := loadDotEnv(filepath.Join(dir, "missing.env")); err != nil {
		t.Errorf("a missing .env is not an error: %v", err)
	}
}

// TestMistakeNamesDotEnv: a setting told wrong that .env set is said to
// come from there, for the admin who looks for it in the environment.
func TestMistakeNamesDotEnv(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		set  []string
		want bool
	}{{[]string{"HEALTH_ADDR", "LOG_LEVEL"}, true}, {[]string{"LOG_LEVEL", "HEALTH"}, false}} {
		var out, errOut bytes.Buffer
		env := &environment{stdout: &out, stderr: &errOut, dotEnv: dotEnv{path: ".env", set: tt.set}, getenv: func(k string) string {
			return map[string]string{"HEALTH_ADDR": "nonsense", "LOG_LEVEL": "info"}[k]
		}}
		if code := runIn(context.Background(), env, []string{"healthcheck"}); code != exitUsage {
			t.Fatalf("healthcheck: exit %d, want %d (%s)", code, exitUsage, errOut.String())
		}
		said := strings.Contains(errOut.String(), "(HEALTH_ADDR is set in .env)")
		if said != tt.want || strings.Contains(errOut.String(), "LOG_LEVEL") {
			t.Errorf(".env set %v: stderr %q", tt.set, errOut.String())
		}
	}
}

func TestVersionAndHealthcheck(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		// A test binary is not stamped: it says so, and never "dev", a command.
		if code, out, _ := runCLI(t, args...); code != 0 || !strings.HasPrefix(out, "directorbot unreleased (") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, tt := range []struct {
		addr string
		want int
	}{{addr, 0}, {"127.0.0.1:1", exitFailure}, {"nonsense", exitUsage}, {"", exitUsage}} {
		var out, errOut bytes.Buffer
		env := &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string {
			if k == "HEALTH_ADDR" {
				return tt.addr
			}
			return ""
		}}
		if code := runIn(context.Background(), env, []string{"healthcheck"}); code != tt.want {
			t.Errorf("healthcheck %s: exit %d, want %d (%s)", tt.addr, code, tt.want, errOut.String())
		}
	}
}

// TestDotEnvMistakesNameTheLineNotTheTokens reads malformed .env files:
// the error names the line of the mistake and quotes none of the file,
// which holds tokens.
func TestDotEnvMistakesNameTheLineNotTheTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, want string
	}{
		{"a line without =", "garbage line\nSLACK_APP_TOKEN=xapp-1-SECRET\nSLACK_BOT_TOKEN=xoxb-SECRET\n", "line 1: not a NAME=value line"},
		{"an unclosed quote", "SLACK_APP_TOKEN=xapp-1-SECRET\nSLACK_BOT_TOKEN=\"xoxb-SECRET\nLOG_LEVEL=debug\n", "line 2: a quoted value is never closed"},
		{"a value quoted across lines, then a mistake", "NOTE=\"two\nlines\"\nSLACK_BOT_TOKEN=xoxb-SECRET\noops\n", "line 4: not a NAME=value line"},
	}
	for _, tt := range tests {
		file := filepath.Join(t.TempDir(), ".env")
		if err := os.WriteFile(file, []byte(tt.file), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := loadDotEnv(file)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
			continue
		}
		if strings.Contains(err.Error(), "SECRET") || strings.Contains(err.Error(), "garbage") {
			t.Errorf("%s: the error quotes the file: %v", tt.name, err)
		}
	}
}

// TestEnvExampleSetsNothingEmpty reads .env.example as godotenv does: it
// sets the two tokens' placeholders and nothing else. An empty setting
// would, in docker --env-file or a systemd EnvironmentFile, replace the
// image's or the unit's value (HEALTH_ADDR=:8080) with nothing.
func TestEnvExampleSetsNothingEmpty(t *testing.T) {
	t.Parallel()
	vars, err := godotenv.Read("../../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"SLACK_APP_TOKEN": "xapp-", "SLACK_BOT_TOKEN": "xoxb-"}
	if !maps.Equal(vars, want) {
		t.Errorf(".env.example sets %v; want only %v, the rest commented out", vars, want)
	}
}

// TestDotEnvMistake: a malformed .env stops the commands that read
// settings, serve as a configuration mistake, and not version or help.
func TestDotEnvMistake(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		code int
		stop bool
	}{
		{nil, 0, false},
		{[]string{"version"}, 0, false},
		{[]string{"--version"}, 0, false},
		{[]string{"help", "ask"}, 0, false},
		{[]string{"ask", "--help"}, 0, false},
		{[]string{"serve"}, exitConfig, true},
		{[]string{"ask", "director skills"}, exitUsage, true},
	} {
		if code, stop := dotEnvMistake(tt.args); code != tt.code || stop != tt.stop {
			t.Errorf("dotEnvMistake(%q) = %d, %v; want %d, %v", tt.args, code, stop, tt.code, tt.stop)
		}
	}
}

// TestServeHelpNamesEverySetting: serve --help names every variable of
// the README's configuration table.
func TestServeHelpNamesEverySetting(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(readme), "\n## Configuration\n")
	table, _, _ = strings.Cut(table, "\n## ")
	names := regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\|").FindAllStringSubmatch(table, -1)
	if len(names) < 10 {
		t.Fatalf("found %d settings in the README's table", len(names))
	}
	var out bytes.Buffer
	runIn(context.Background(), &environment{stdout: &out, stderr: &out, getenv: func(string) string { return "" }}, []string{"serve", "--help"})
	for _, n := range names {
		if !strings.Contains(out.String(), "\n  "+n[1]+" ") {
			t.Errorf("serve --help does not name %s", n[1])
		}
	}
}

// TestEvalNotesLostLessons: a lesson whose sections are all gone is left
// out, and eval says so.
func TestEvalNotesLostLessons(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"handbook.md":      "# Handbook\n\n## Budgets\n\nDirectors own a budget.\n",
		content.TaughtFile: `{"question": "who signs off on spend", "expect": ["gone-section"]}` + "\n" + `{"question": "who owns the budget money", "expect": ["budgets"]}` + "\n",
		"q.jsonl":          `{"question": "budgets", "expect": ["Budgets"]}` + "\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, errOut := runCLI(t, "eval", "--guide", dir, filepath.Join(dir, "q.jsonl"))
	if want := "note: lessons of taught.jsonl left out: 1, each naming only sections the guide no longer has"; !strings.Contains(out, want) {
		t.Errorf("eval does not note the lost lesson (%q):\n%s%s", want, out, errOut)
	}
}

// TestMisspeltSettings: a variable of .env that is a slip of a setting's
// name is told with the name it misses; settings and other tools'
// variables are not.
func TestMisspeltSettings(t *testing.T) {
	t.Parallel()
	got := misspelt(".env", []string{"ADMIN_USER", "DATABASE_URI", "GUIDE_DIR", "POSTGRES_PASSWORD", "RETENTION_DAY", "TZ", "database_url"})
	want := []string{
		".env sets ADMIN_USER, which no setting is named: did you mean ADMIN_USERS?",
		".env sets DATABASE_URI, which no setting is named: did you mean DATABASE_URL?",
		".env sets RETENTION_DAY, which no setting is named: did you mean RETENTION_DAYS?",
		".env sets database_url, which no setting is named: did you mean DATABASE_URL?",
	}
	if !slices.Equal(got, want) {
		t.Errorf("misspelt = %q\nwant %q", got, want)
	}
}

// TestEvalGuideAlone: eval --guide DIR without files checks the guide as
// a reload would, against its questions.jsonl; a broken page is named by
// its line; without questions.jsonl it says nothing was scored.
func TestEvalGuideAlone(t *testing.T) {
	t.Parallel()
	page := []byte("# Director\n\n## Hiring\n\nDirectors approve offers across teams.\n")
	for _, tc := range []struct {
		name  string
		files map[string][]byte
		code  int
		want  string
	}{
		{"its questions", map[string][]byte{"d.md": page, "questions.jsonl": []byte(`{"question": "who approves offers?", "expect": ["Hiring"]}` + "\n")}, 0, "questions.jsonl: top1=1.00"},
		{"no questions", map[string][]byte{"d.md": page}, 0, "the guide loads (2 sections), but"},
		{"no plan", map[string][]byte{"d.md": page}, 0, "note: the guide offers no plan (/director plan): a section whose title names indicators"},
		{"company facts refused", map[string][]byte{"d.md": []byte("# Handbook\n\n## Promotions\n\nThe promotion committee meets in March and September.\n\n## Directors\n\nA director leads several teams.\n"),
			"questions.jsonl": []byte(`{"question": "who is on our promotion committee?", "expect": ["Promotions"]}` + "\n")}, 0,
			"note: 1 answerable questions were refused as facts of the asker's own company: a page that states your company's facts says company: true"},
		{"company facts refused beside a company page", map[string][]byte{"d.md": []byte("# Handbook\n\n## Promotions\n\nThe promotion committee meets in March and September.\n\n## Directors\n\nA director leads several teams.\n"),
			"ours.md":         []byte("---\ncompany: true\n---\n# Our Office\n\n## Parking\n\nThe garage opens at seven.\n"),
			"questions.jsonl": []byte(`{"question": "who is on our promotion committee?", "expect": ["Promotions"]}` + "\n")}, 0,
			"note: 1 answerable questions were refused as facts of the asker's own company: their words led first to a section of a page without company: true, not to ours.md; eval --misses lists them"},
		{"a broken page", map[string][]byte{"d.md": append([]byte("---\npromts: [a]\n---\n"), page...)}, 1, `d.md:2: frontmatter key "promts"`},
	} {
		dir := t.TempDir()
		for name, data := range tc.files {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		code, out, errOut := runCLI(t, "eval", "--guide", dir)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("%s: eval --guide DIR exited %d, want %d with %q:\n%s%s", tc.name, code, tc.code, tc.want, out, errOut)
		}
	}
	// A gate with nothing to gate on fails, and a file is no folder.
	lone := filepath.Join(t.TempDir(), "d.md")
	if err := os.WriteFile(lone, page, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"eval", "--gate", "--guide", filepath.Dir(lone)}, {"eval", "--guide", lone}} {
		if code, _, errOut := runCLI(t, args...); code != exitUsage || !strings.Contains(errOut, "--gate has nothing to gate on") && !strings.Contains(errOut, "is a file") {
			t.Errorf("%v: exit %d, %s; want %d, told why", args, code, errOut, exitUsage)
		}
	}
}

// TestReadmeLinksResolve: every link of the README to one of its own
// headings ("[Deploying](#deploying)") leads to one, as GitHub names
// them, so that a renamed heading cannot leave a reader at the top.
func TestReadmeLinksResolve(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile("(?s)```.*?```").ReplaceAllString(string(readme), "")
	anchors := map[string]bool{}
	punctuation := regexp.MustCompile(`[^\w\- ]`)
	for _, h := range regexp.MustCompile(`(?m)^#{1,6} (.+)$`).FindAllStringSubmatch(text, -1) {
		slug := punctuation.ReplaceAllString(strings.ToLower(strings.TrimSpace(h[1])), "")
		anchors[strings.ReplaceAll(slug, " ", "-")] = true
	}
	links := regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(text, -1)
	if len(links) < 10 {
		t.Fatalf("found %d links to the README's own headings", len(links))
	}
	for _, l := range links {
		if !anchors[l[1]] {
			t.Errorf("README links to #%s, which no heading is", l[1])
		}
	}
}

// TestEvalNamesTheIndicatorsPage: the plan's note names the page that
// holds the indicators, not the page whose frontmatter names them.
func TestEvalNamesTheIndicatorsPage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, page := range map[string]string{
		"director.md": "---\nplan:\n  indicators: ladder/ready-signs\n---\n# Director\n\n## Scope\n\nTeams.\n",
		"ladder.md":   "# Ladder\n\n## Ready Signs\n\n- Leads two teams\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, errOut := runCLI(t, "eval", "--guide", dir)
	if want := `ticks the list of "Ready Signs" (ladder.md)`; !strings.Contains(out, want) {
		t.Errorf("eval does not say %q:\n%s%s", want, out, errOut)
	}
}

// TestEvalNotesThePlansGaps: eval tells a guide's owners that actions
// written as one list are one action, and which gaps the plan pairs with
// no action; the embedded guide pairs every gap.
func TestEvalNotesThePlansGaps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := "# Staff\n\n## Path\n\n### Readiness Indicators\n\n- Writes design documents\n- Juggles chainsaws\n\n### Key Actions\n\n1. **Write**: design documents for other teams\n2. **Review**: the documents of others\n"
	if err := os.WriteFile(filepath.Join(dir, "staff.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "eval", "--guide", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		`note: the plan pairs each gap with an action, and "Key Actions" (staff.md) is one action: its list's 2 items are not actions of their own`,
		`note: the plan names no action for the gap "Juggles chainsaws"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
	set := filepath.Join(t.TempDir(), "q.jsonl")
	if err := os.WriteFile(set, []byte(`{"question": "skills", "expect": ["Key Skill Sets"]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := runCLI(t, "eval", set); !strings.Contains(out, "note: the self-assessment") || strings.Contains(out, "the plan names no action") {
		t.Errorf("the embedded guide's plan: a gap without an action, or no plan:\n%s", out)
	}
}
