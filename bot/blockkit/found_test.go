package blockkit

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// TestAnswerOfAResult renders search results made by hand: no search
// runs. A refusal names the guide's roles when it has some, a hit is
// answered with the token in its 👍/👎 values and its section told, and
// an unsure one says so.
func TestAnswerOfAResult(t *testing.T) {
	t.Parallel()
	g := guidetest.Guide(t, "# EM\n\n## Duties\n\nAn EM hires and coaches.\n\n## Growth\n\nAn EM grows by leading leads.\n")
	all := g.Sections() // the page, its duties and its growth
	duties, growth := all[1], all[2]
	for _, tc := range []struct {
		name  string
		found Found
		kind  Kind
		says  []string
	}{
		{"outside, no roles", Found{Question: "what's the 401k match?", Result: index.Result{Why: index.OutsideTopic}}, KindOutsideTopic,
			[]string{"That topic is outside the guide: your manager"}},
		{"outside, roles", Found{Question: "what's the 401k match?", Result: index.Result{Why: index.OutsideTopic}, Roles: []string{"EM"}}, KindOutsideTopic,
			[]string{"outside the guide, which describes the EM role"}},
		{"not covered, closest", Found{Question: "how do EMs grow?", Result: index.Result{Closest: []index.Hit{{Section: growth}}}}, KindNoAnswer,
			[]string{"I couldn't find an answer to “how do EMs grow?”", "[Growth]"}},
		{"answer", Found{Question: "what does an EM do?", Result: index.Result{Hits: []index.Hit{{Section: duties}, {Section: growth}}}}, KindAnswer,
			[]string{"Duties", "An EM hires and coaches.", "[Growth]"}},
		{"unsure", Found{Question: "what does an EM eat?", Result: index.Result{Hits: []index.Hit{{Section: duties}}, Unsure: true}}, KindUnsure,
			[]string{"The guide may not answer this exactly"}},
	} {
		msg, out := App{}.Answer(tc.found, true, "0123456789ab")
		checkMessage(t, tc.name, msg)
		text := Readable(msg)
		for _, want := range tc.says {
			if !strings.Contains(text, want) {
				t.Errorf("%s: lacks %q:\n%s", tc.name, want, text)
			}
		}
		section := ""
		if tc.kind.Answered() {
			section = duties.ID
		}
		if out.Kind != tc.kind || out.Section != section {
			t.Errorf("%s: %v for %q, want %v for %q", tc.name, out.Kind, out.Section, tc.kind, section)
		}
		raw, err := json.Marshal(msg)
		if err != nil {
			t.Fatal(err)
		}
		if carries := strings.Contains(string(raw), ":0123456789ab"); carries != tc.kind.Answered() {
			t.Errorf("%s: carries the token: %v", tc.name, carries)
		}
	}
}

// TestPlanOfClosersGiven renders a plan from closers made by hand: a gap
// without closers names no action, and a gap's "see also" is left out
// when it closes an indicator, a gap whose closer the plan shows with it
// or one ticked.
func TestPlanOfClosersGiven(t *testing.T) {
	t.Parallel()
	p := guidetest.Guide(t, guidetest.StaffGuide).Path()
	first, second, third := p.Items[0], p.Items[1], p.Items[2]
	broaden, write, grow := p.Actions.Children[0], p.Actions.Children[1], p.Actions.Children[2]
	closing := map[string]index.Closers{
		first.Key:  {Sections: []*content.Section{grow}, Also: broaden},
		second.Key: {Sections: []*content.Section{write}},
	}
	text := Readable(App{}.Plan(p, closing, nil, time.Time{}))
	for _, want := range []string{
		"⬜ " + first.Text.Plain() + "\n→ " + grow.Title,
		"See also: " + broaden.Title,
		"⬜ " + third.Text.Plain() + "\nThe guide names no action for this one yet.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("plan lacks %q:\n%s", want, text)
		}
	}
	closing[first.Key] = index.Closers{Sections: []*content.Section{grow}, Also: write}
	for _, ticks := range [][]string{nil, {second.Text.Plain()}} {
		if text := Readable(App{}.Plan(p, closing, ticks, time.Time{})); strings.Contains(text, "See also: "+write.Title) {
			t.Errorf("ticked %q: a gap sees also what closes another indicator:\n%s", ticks, text)
		}
	}
}

// TestRenderingRunsNoSearch reads the package's own files: rendering
// takes what the search found (bot/ask searches), so no file but a test
// blocks on a context or holds an index to search.
func TestRenderingRunsNoSearch(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == "context" {
				t.Errorf("%s imports context", name)
			}
		}
		if strings.Contains(string(src), "*index.Index") {
			t.Errorf("%s holds an index", name)
		}
	}
}
