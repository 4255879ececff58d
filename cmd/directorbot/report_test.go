package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/store"

	"github.com/directorbot/directorbot/content"
)

// reportStore fills a SQLite store with a few questions and returns its
// DATABASE_URL.
func reportStore(t *testing.T) string {
	t.Helper()
	url := "sqlite:" + filepath.Join(t.TempDir(), "bot.db")
	st, err := store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	record := func(q, section string, surface store.Surface, at time.Time, helpful *bool) {
		tok := store.NewReplyToken()
		if err := st.RecordQuestion(t.Context(), store.Asked{Question: q, Section: section, Surface: surface, Token: tok, At: at}); err != nil {
			t.Fatal(err)
		}
		if helpful != nil {
			if _, err := st.RecordFeedback(t.Context(), tok, *helpful); err != nil {
				t.Fatal(err)
			}
		}
	}
	yes, no := true, false
	record("What skills does a director need?", "key-skill-sets", store.SurfaceSlash, now.Add(-time.Hour), &yes)
	record("what skills does a director need", "key-skill-sets", store.SurfaceDM, now.Add(-2*time.Hour), &yes)
	record("who does a VP report to", "comparison-director-vs-vp", store.SurfaceMention, now.Add(-26*time.Hour), &no)
	record("what equity does a VP get", "", store.SurfaceSlash, now.Add(-3*time.Hour), nil)
	record("VP equity?", "", store.SurfaceDM, now.Add(-50*time.Hour), nil)
	record("an old question", "", store.SurfaceDM, now.AddDate(0, 0, -40), nil)
	return url
}

// runReportCLI runs the report command with DATABASE_URL set to url.
func runReportCLI(t *testing.T, url string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string {
		if k == "DATABASE_URL" {
			return url
		}
		return ""
	}}
	code := runIn(context.Background(), env, append([]string{"report"}, args...))
	return code, out.String(), errOut.String()
}

func TestReportText(t *testing.T) {
	t.Parallel()
	code, out, errOut := runReportCLI(t, reportStore(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"asked 5   answered 3   no answer 2 (40.0%)   helpful 2   not helpful 1",
		"      2         2        2            0  what skills does a director need",
		"      2  equity vp    vp equity | what equity does a vp get",
		"Key Skill Sets (key-skill-sets)",
		"No-answer rate per day",
		"  0.0%\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "old question") {
		t.Errorf("a question older than --since shows:\n%s", out)
	}
}

// TestReportNamesALostGuide: sections the guide read does not have show
// by ID, and the report says why, and what to give it: a company's guide
// read as the embedded one.
func TestReportNamesALostGuide(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "bot.db")
	st, err := store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	err = st.RecordQuestion(t.Context(), store.Asked{Question: "who is on call?", Section: "on-call-expectations", Surface: store.SurfaceDM, Token: store.NewReplyToken(), At: time.Now()})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runReportCLI(t, url)
	if code != 0 ||
		!strings.Contains(errOut, "1 of the sections the store names are not in the embedded guide, so they show by ID (and --examples names them so): give --guide (or GUIDE_DIR)") {
		t.Errorf("exit %d, stderr %q, report:\n%s", code, errOut, out)
	}
	if _, _, errOut := runReportCLI(t, reportStore(t)); errOut != "" {
		t.Errorf("a store of the guide's own sections warns: %q", errOut)
	}
}

func TestReportJSONAndCSV(t *testing.T) {
	t.Parallel()
	url := reportStore(t)
	code, out, errOut := runReportCLI(t, url, "--since", "60d", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		Asked    int    `json:"asked"`
		Bucket   string `json:"bucket"`
		Sections []struct {
			ID, Title string
		} `json:"sections"`
		Rate []map[string]any `json:"no_answer_rate_over_time"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Asked != 6 || r.Bucket != "week" || len(r.Rate) < 9 || r.Sections[0].Title != "Key Skill Sets" {
		t.Errorf("JSON report: %+v", r)
	}

	code, out, errOut = runReportCLI(t, url, "--csv", "--by", "week")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	if rows[0][0] != "part" || rows[1][0] != "total" || rows[1][2] != "5" {
		t.Errorf("CSV report starts %q", rows[:2])
	}

	code, out, errOut = runReportCLI(t, url, "--since", "60d", "--examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	examples, err := content.ReadQuestions("report", strings.NewReader(out))
	if err != nil || len(examples) == 0 || examples[0].Text == "" || examples[0].Expect == nil {
		t.Errorf("examples report: %+v, %v\n%s", examples, err, out)
	}
}

func TestReportMistakes(t *testing.T) {
	t.Parallel()
	url := reportStore(t)
	for _, tc := range []struct {
		url  string
		args []string
		want string
	}{
		{url, []string{"--since", "forever"}, "--since"},
		{url, []string{"--since", "1000000h"}, "at most 876000h (100 years)"},
		{url, []string{"--json", "--csv"}, "exclude"},
		{url, []string{"--csv", "--examples"}, "exclude"},
		{url, []string{"--by", "month"}, "day or week"},
		{url, []string{"extra"}, "no arguments"},
		{"sqlite:" + filepath.Join(t.TempDir(), "missing.db"), nil, "no bot database"},
		// The URL form, which report once created an empty database for.
		{"sqlite://" + filepath.Join(t.TempDir(), "missing.db"), nil, "no bot database"},
		{"sqlite:", nil, "has no file path"},
		{"mysql://x", nil, "unsupported scheme"},
	} {
		code, _, errOut := runReportCLI(t, tc.url, tc.args...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("report %q with %s: exit %d, %q; want a failure saying %q", tc.args, tc.url, code, errOut, tc.want)
		}
	}
}

func TestParseSince(t *testing.T) {
	for in, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "12h": 12 * time.Hour, "7": 7 * 24 * time.Hour,
		"36500d": 36500 * 24 * time.Hour, "876000h": 876000 * time.Hour} {
		if got, err := parseSince(in); err != nil || got != want {
			t.Errorf("parseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	// A window too long says the bound, in the unit asked for.
	for _, tc := range []struct{ in, want string }{
		{"", "want a number of days"},
		{"0d", "want at least 1d"},
		{"0h", "want at least 1h"},
		{"-3d", "want at least 1d"},
		{"d", "want a number of days"},
		{"1y", "want a number of days"},
		{"1000000h", `--since "1000000h": at most 876000h (100 years)`},
		{"36501d", "at most 36500d (100 years)"},
		{"36501", "at most 36500d (100 years)"},
		{"100000w", "at most 5214w (100 years)"},
		{"99999999999999999999d", "at most 36500d (100 years)"},
	} {
		if _, err := parseSince(tc.in); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parseSince(%q): error %v; want %q", tc.in, err, tc.want)
		}
	}
}

// TestReportExamplesNameUnsureSections writes an unsure answer's question
// as an example that names the section that answered it, by its title in
// the guide, for the owners to confirm or correct; an answer marked 👎
// and a refused question follow as comments, to correct before teaching.
func TestReportExamplesNameUnsureSections(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "bot.db")
	st, err := store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []store.Asked{
		{Question: "how do I build a rate limiter?", Section: "comparison-director-vs-vp", Unsure: true},
		{Question: "what equity does a VP get", Section: ""},
		{Question: "who pays for the team dinner", Refusal: store.RefusalOutsideTopic},
		{Question: "what skills does a director need", Section: "key-skill-sets"},
	} {
		a.Surface, a.Token = store.SurfaceSlash, store.NewReplyToken()
		if err := st.RecordQuestion(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if a.Section == "key-skill-sets" {
			if _, err := st.RecordFeedback(t.Context(), a.Token, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runReportCLI(t, url, "--examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	examples, err := content.ReadQuestions("report", strings.NewReader(out))
	if err != nil || len(examples) != 2 || len(examples[0].Expect) != 0 ||
		examples[1].Text != "how do i build a rate limiter" || !slices.Equal(examples[1].Expect, []string{"Comparison: Director vs VP"}) {
		t.Errorf("examples: %+v, %v\n%s", examples, err, out)
	}
	for _, want := range []string{
		`# {"question":"what skills does a director need","expect":["Key Skill Sets"]}`,
		`# {"question":"who pays for the team dinner","expect":[]}`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("examples lack the comment %s:\n%s", want, out)
		}
	}
}

// TestReportSaysWhenNothingIsLeft: --examples with every question taught,
// and --taught with no lesson, print nothing, and say why on stderr.
func TestReportSaysWhenNothingIsLeft(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "bot.db")
	st, err := store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ flag, want string }{
		{"--examples", "no questions to teach in this window"},
		{"--taught", "no lessons taught"},
	} {
		code, out, errOut := runReportCLI(t, url, tc.flag)
		if code != 0 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("report %s: exit %d, %q, stderr %q; want nothing printed and %q said", tc.flag, code, out, errOut, tc.want)
		}
	}
}

// TestReportExamplesCountWhatIsLeftToTeach: --limit counts the groups
// left to teach, so that the questions taught make room for the next;
// --examples, --json and --csv say on stderr what the limit left out, as
// the text report says it in its tables.
func TestReportExamplesCountWhatIsLeftToTeach(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "bot.db")
	st, err := store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	// The most asked first: the picnic, the bicycle, the plants, the kayak.
	for i, q := range []string{"when is the company picnic", "where do i park my bicycle", "who waters the office plants", "where is the kayak"} {
		for range 4 - i {
			if err := st.RecordQuestion(t.Context(), store.Asked{Question: q, Surface: store.SurfaceSlash, Token: store.NewReplyToken()}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := st.Teach(t.Context(), "", "when is the company picnic", "where do i park my bicycle"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runReportCLI(t, url, "--examples", "--limit", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if examples, err := content.ReadQuestions("report", strings.NewReader(out)); err != nil || len(examples) != 1 || examples[0].Text != "who waters the office plants" {
		t.Errorf("--examples --limit 1 printed %+v, %v; want the most asked question not taught", examples, err)
	}
	if want := "--limit 1 left out 1 group of unanswered questions"; !strings.Contains(errOut, want) {
		t.Errorf("--examples --limit 1 says %q on stderr; want %q", errOut, want)
	}
	for _, flag := range []string{"--json", "--csv"} {
		code, _, errOut := runReportCLI(t, url, flag, "--limit", "1")
		if want := "--limit 1 left out 3 top questions, 3 groups of unanswered questions"; code != 0 || !strings.Contains(errOut, want) {
			t.Errorf("report %s --limit 1: exit %d, stderr %q; want %q", flag, code, errOut, want)
		}
	}
	if code, _, errOut := runReportCLI(t, url, "--examples"); code != 0 || strings.Contains(errOut, "left out") {
		t.Errorf("--examples with nothing cut: exit %d, stderr %q; want nothing left out said", code, errOut)
	}
}

// TestReportLeavesTaughtQuestionsOut: --examples leaves out the questions
// already taught on the admins' Home, the text and JSON reports mark them
// taught, and --taught prints the lessons as a guide's taught.jsonl, which
// eval --guide then reads.
func TestReportLeavesTaughtQuestionsOut(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "bot.db")
	st, err := store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"what equity does a VP get", "who pays for the team dinner"} {
		if err := st.RecordQuestion(t.Context(), store.Asked{Question: q, Surface: store.SurfaceSlash, Token: store.NewReplyToken()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Teach(t.Context(), "key-skill-sets", "who pays for the team dinner"); err != nil {
		t.Fatal(err)
	}
	if err := st.Teach(t.Context(), "", "how do I bake bread"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runReportCLI(t, url, "--examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if examples, err := content.ReadQuestions("report", strings.NewReader(out)); err != nil || len(examples) != 1 || examples[0].Text != "what equity does a vp get" {
		t.Errorf("--examples printed %+v, %v; want only the question not taught", examples, err)
	}
	if code, out, errOut = runReportCLI(t, url); code != 0 || !strings.Contains(out, "who pays for the team dinner (a lesson since)") || strings.Contains(out, "vp get (a lesson since)") {
		t.Errorf("the text report does not mark the question taught, and only it: exit %d, %s\n%s", code, errOut, out)
	}
	code, out, errOut = runReportCLI(t, url, "--json")
	var marked struct {
		Unanswered []struct {
			Taught []string `json:"taught"`
		} `json:"unanswered"`
	}
	if err := json.Unmarshal([]byte(out), &marked); code != 0 || err != nil {
		t.Fatalf("--json: exit %d, %v: %s", code, err, errOut)
	}
	var marks []string
	for _, g := range marked.Unanswered {
		marks = append(marks, g.Taught...)
	}
	if !slices.Equal(marks, []string{"who pays for the team dinner"}) {
		t.Errorf("--json marks %q taught; want the dinner question alone", marks)
	}
	code, out, errOut = runReportCLI(t, url, "--taught")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	dir := t.TempDir()
	page, err := fs.ReadFile(content.EmbeddedFiles(), "director.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "director.md"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, content.TaughtFile), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := content.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	taught := g.Taught()
	if len(taught) != 2 || taught[0].Text != "who pays for the team dinner" || !slices.Equal(taught[0].Expect, []string{"key-skill-sets"}) || len(taught[1].Expect) != 0 || !slices.Equal(g.Unanswered(), []string{"how do I bake bread"}) {
		t.Errorf("--taught printed %q: the guide read %+v and %q", out, taught, g.Unanswered())
	}
}
