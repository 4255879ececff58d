package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/content"
)

// reportsToRow is the Reports to row as the terminal draws the table, its
// columns padded to the widest cell.
var reportsToRow = regexp.MustCompile(`Reports to +│ VP or Senior Director +│ CTO, CEO, or Board\n`)

// TestDevShowsWhatSlackDraws drives dev through answers and clicks: each
// reply prints in Slack's drawn order, with the table last, and none is
// refused.
func TestDevShowsWhatSlackDraws(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := &environment{
		stdin: strings.NewReader("@bot who does a VP report to?\nclick Full table\n/director skills\nclick 👎\n" +
			"/director how long before a director becomes a VP?\nclick Share in channel\nclick Transition to VP\nclick Nothing\nhome\nclick Open\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	text := out.String()
	if strings.Contains(text, "SLACK REFUSES") {
		t.Errorf("a reply was refused:\n%s", text)
	}
	// The matched row first, the buttons, then the table at the bottom.
	order := []string{
		"Comparison: Director vs VP\n==========================",
		"> Reports to — Director: VP or Senior Director · VP: CTO, CEO, or Board",
		"[Full table]",
		"[👍] [👎]",
		"Table: Comparison: Director vs VP",
		"Reports to ", "│ VP or Senior Director ", "│ CTO, CEO, or Board",
		// The Full table click answers in the thread, with every row.
		"── chat.postMessage to CDEV in thread",
		"Team size",
		"── ack (only you can see this) ──\nKey Skill Sets",
		"── response_url (only you can see this) ──\nThanks for the feedback! Try asking in other words",
		// A share is for everyone; a button on it answers the clicker
		// alone, through the response_url: the bot is in no channel.
		"── response_url (everyone in the channel sees this) ──\nTimeline",
		"Shared by <@UDEV>",
		"── response_url (only you can see this) ──\nTransition to VP",
		// A Home tab topic opens in the person's DM.
		"── views.publish (Home tab) ──",
		"── chat.postMessage to UDEV ──",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("output lacks %q after position %d:\n%s", want, at, text)
		}
		at += i + len(want)
	}
	if !reportsToRow.MatchString(text) {
		t.Errorf("output lacks the Reports to row drawn as a table row:\n%s", text)
	}
	if !strings.Contains(errOut.String(), `no button "Nothing"`) {
		t.Errorf("a click on a missing button should say so: %q", errOut.String())
	}
}

// TestDevFollowsUpInAThread: "reply" mentions the bot in the thread the
// last mention started, where a follow-up is read with its question.
func TestDevFollowsUpInAThread(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader("@bot how long does it take to become a VP?\nreply tell me more\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	posts := regexp.MustCompile(`── chat\.postMessage to CDEV in thread (\S+) ──\n(.*)`).FindAllStringSubmatch(out.String(), -1)
	if len(posts) != 2 || posts[0][1] != posts[1][1] || posts[0][2] != "Timeline" || posts[1][2] != "Transition to VP" {
		t.Errorf("want Timeline, then more of it in the same thread:\n%s", out.String())
	}
}

// TestDevTellsMistakes types the console's mistakes: each is told what it
// needs, and none reaches the bot as a message.
func TestDevTellsMistakes(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader("click Full table\nprompt 2\nclick\ntick\nprompt\nreply\nreply and for a VP?\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{
		`no button "Full table": the last replies have no buttons`,
		"no prompts yet: they come with an agent thread",
		"click needs a button's label",
		"tick needs the numbers of the indicators",
		"prompt needs a prompt's number",
		"reply needs what to say in the thread",
		"no thread to reply in yet: a mention starts one",
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("dev's errors lack %q:\n%s", want, errOut.String())
		}
	}
	if strings.Contains(out.String(), "chat.postMessage") {
		t.Errorf("a mistake reached the bot:\n%s", out.String())
	}
	if code, _, errText := runCLI(t, "dev", "extra"); code != exitUsage || !strings.Contains(errText, "dev takes no arguments") {
		t.Errorf("dev extra: exit %d, %q", code, errText)
	}
}

// TestDevShowsAReplyTooLargeForAnAck asks, with /director, for a section
// whose reply Slack would drop from an ack: dev shows it as it comes,
// through the response_url, not an empty ack.
func TestDevShowsAReplyTooLargeForAnAck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var page strings.Builder
	page.WriteString("# Guide\n\n## Narwhal Matrix\n\nEvery narwhal.\n\n|" + strings.Repeat(" Column |", 25) + "\n|" + strings.Repeat(" --- |", 25) + "\n")
	for range 150 {
		page.WriteString("|" + strings.Repeat(" tusk and fin |", 25) + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "g.md"), []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader("/director narwhal matrix\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, []string{"dev", "--guide", dir}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "── response_url (only you can see this") || !strings.Contains(out.String(), "Narwhal Matrix\n==") {
		t.Errorf("the reply is not shown:\n%s", out.String())
	}
}

// TestDevKeepsQuestionsForTheReport asks in dev with a store: an admin's
// Home tab shows the report, and report then reads what was asked,
// answered and voted, as it would serve's.
func TestDevKeepsQuestionsForTheReport(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "try.db")
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader("/director skills\nclick 👍\n/director how do I bake sourdough bread\nhome\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(k string) string {
			return map[string]string{"ADMIN_USERS": "UDEV", "DATABASE_URL": url}[k]
		},
	}
	if code := runIn(context.Background(), env, []string{"dev", "--db", url}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "Guide report: the last 30 days") {
		t.Errorf("an admin's Home tab lacks the report:\n%s", out.String())
	}
	out.Reset()
	if code := runIn(context.Background(), env, []string{"report"}); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"asked 2   answered 1   no answer 1", "helpful 1", "how do i bake sourdough bread", "Key Skill Sets (key-skill-sets)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	// A URL of the wrong form names the flag it came from, not
	// DATABASE_URL, and the forms that would do.
	for _, db := range []string{"mysql://db", "try.db", "sqlite:"} {
		code, _, errText := runCLI(t, "dev", "--db", db)
		if code != exitUsage || !strings.HasPrefix(errText, "directorbot dev: --db ") || strings.Contains(errText, "DATABASE_URL") || !strings.Contains(errText, "sqlite:PATH") {
			t.Errorf("dev --db %s: exit %d, %q; want a usage error naming --db and sqlite:PATH", db, code, errText)
		}
	}
	if code, _, errText := runCLI(t, "dev", "--db", "try.db"); !strings.Contains(errText, "postgres://") {
		t.Errorf("dev --db try.db: exit %d, %q; want the postgres:// form too", code, errText)
	}
}

// TestDevClicksAnEarlierReply: a DM's answer is followed by the plan's
// offer, which has buttons of its own; "click 👎" still reaches the
// answer's.
func TestDevClicksAnEarlierReply(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader("how do I get ready for a VP role?\nclick 👎\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if text := out.String(); !strings.Contains(text, "Build my transition plan") || !strings.Contains(text, "Thanks for the feedback") {
		t.Errorf("the 👎 of the answer before the plan's offer was not clicked:\n%s\n%s", text, errOut.String())
	}
}

// TestDevSharesOnce: a private answer shared is deleted, its Share
// button with it, as in Slack; a topic clicked in a channel's thread
// comes in that thread.
func TestDevSharesOnce(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader("/director skills\nclick Share in channel\nclick Share in channel\n@bot key shifts to vp\nclick Key Actions to Make the Transition\nquit\n"),
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
	}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	inOrder(t, out.String(), "── response_url (everyone in the channel sees this) ──", "── response_url (the private message you clicked is deleted) ──",
		"── chat.postMessage to CDEV in thread", "Key Shifts Required", "── chat.postMessage to CDEV in thread", "Key Actions to Make the Transition")
	if shares := strings.Count(out.String(), "everyone in the channel sees this"); shares != 1 || !strings.Contains(errOut.String(), `no button "Share in channel"`) {
		t.Errorf("%d shares; want one, and the second click told there is no such button:\n%s", shares, errOut.String())
	}
}

// TestDevClicksTheLatestHomeOnly: a Home drawn again replaces the one
// before, as in Slack: once the lesson is undone, no Undo is left to
// click.
func TestDevClicksTheLatestHomeOnly(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "try.db")
	_, errOut := runDevAsAdmin(t, "/director who pays for the team dinner\nhome\npick 1 Key Skill Sets\nclick Undo\nclick Undo\nquit\n", "--db", url)
	if !strings.Contains(errOut, `no button "Undo"`) {
		t.Errorf("a second Undo clicked a Home Slack no longer shows:\n%s", errOut)
	}
}

// TestDevTeachesTheGuide teaches in dev, as an admin on the Home tab:
// pick names an option of a menu and the guide learns the lesson; a
// pick no menu holds is a mistake told, not sent.
func TestDevTeachesTheGuide(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "try.db")
	const q = "who pays for the team dinner"
	text, errOut := runDevAsAdmin(t, "pick 1 Key Skill Sets\n/director "+q+"\nhome\npick 2 Key Skill Sets\npick 1 Nowhere\npick one\npick 1 Key Skill Sets\n/director "+q+"\nhome\nclick Undo\n/director "+q+"\nquit\n", "--db", url)
	for _, want := range []string{"no menu 1: the last Home tab has 0", "no menu 2: the last Home tab has 1", `menu 1 has no option "Nowhere"; its options: Comparison: Director vs VP,`, "pick needs a menu's number"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("dev's errors lack %q:\n%s", want, errOut)
		}
	}
	first, rest, _ := strings.Cut(text, "Taught lately")
	if !strings.Contains(first, "[Answered by… ▾] Closest:") || !strings.Contains(rest, "“"+q+"” → Key Skill Sets") {
		t.Errorf("the Home lacks the menu, or then the lesson:\n%s", text)
	}
	// Each lesson, and its Undo, is in use by dev's next line.
	last := text[max(0, strings.LastIndex(text, "── ack")):]
	if !strings.Contains(first, "I couldn't find an answer to “"+q+"”") || !strings.Contains(rest, "Director › Key Skill Sets") || !strings.Contains(last, "I couldn't find an answer") {
		t.Errorf("the question is not answered as taught, then as undone:\n%s", text)
	}
}

// TestDevPicksAGroupByItsWords: a lesson takes its group off the Home and
// the menus after it are numbered again, so a pick may name its menu by
// the group's words instead; "none", the label the Home draws, picks the
// one option of its group; words no menu holds, or several do, are a
// mistake told, not sent.
func TestDevPicksAGroupByItsWords(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "try.db")
	script := "/director what is the parking policy\n/director what about onboarding new hires\n/director how do I expense a laptop\nhome\n" +
		`pick "parking" none` + "\n" + `pick "parking" none` + "\n" + `pick "o" none` + "\n" + `pick "x` + "\n" + `pick "laptop" none` + "\nquit\n"
	text, errOut := runDevAsAdmin(t, script, "--db", url)
	for _, want := range []string{
		`no menu's group holds "parking": the last Home tab has 2 menus`,
		`the groups of menus 1, 2 all hold "o"`,
		"pick needs a menu's number or its group's words in quotes",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("dev's errors lack %q:\n%s", want, errOut)
		}
	}
	_, last, _ := strings.Cut(text[strings.LastIndex(text, "── views.publish"):], "Taught lately")
	for _, q := range []string{"what is the parking policy", "how do i expense a laptop"} {
		if !strings.Contains(last, "“"+q+"” → not for the guide") {
			t.Errorf("the last Home lacks the lesson of %q:\n%s", q, last)
		}
	}
	if strings.Contains(last, "onboarding") {
		t.Errorf("a pick taught a group it did not name:\n%s", last)
	}
}

// TestDevPagesThroughLessons: with more lessons than the Home lists,
// "click Earlier" lists the earlier ones, and Undo there stays there.
func TestDevPagesThroughLessons(t *testing.T) {
	t.Parallel()
	url := "sqlite:" + filepath.Join(t.TempDir(), "try.db")
	st, err := store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 7 {
		if err := st.Teach(t.Context(), g.Sections()[1].ID, fmt.Sprint("question ", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	text, _ := runDevAsAdmin(t, "home\nclick Earlier\nclick Undo\nquit\n", "--db", url)
	for _, want := range []string{"1–5 of 7", "[Earlier ›]", "6–7 of 7", "[‹ Later]"} {
		if !strings.Contains(text, want) {
			t.Errorf("dev's Home lacks %q:\n%s", want, text)
		}
	}
	// The Home after Undo may come after dev's next line (the guide
	// learns first): the store says what was undone.
	st, err = store.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	left, err := st.Lessons(t.Context())
	if err != nil || len(left) != 6 || slices.ContainsFunc(left, func(l store.Lesson) bool { return l.Question == "question 1" }) {
		t.Errorf("after Undo on the earlier lessons, lessons = %+v, %v; want all but question 1", left, err)
	}
}

// TestDevTeachesABigGuide: in a guide with more sections than a menu
// holds, "pick" types the option's text in the menu, and picks it among
// those the bot suggests; the reload the lesson makes is told.
func TestDevTeachesABigGuide(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var guide strings.Builder
	guide.WriteString("# Handbook\n\n## Budgets\n\nDirectors own the budget of their organization.\n")
	for i := range 120 {
		fmt.Fprintf(&guide, "\n## Area %d\n\nNotes on area %d.\n", i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "handbook.md"), []byte(guide.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	const q = "how much do directors get paid for owning the budget"
	text, errOut := runDevAsAdmin(t, "/director "+q+"\nhome\npick 1 Area 3\n/director "+q+"\nquit\n", "--guide", dir, "--db", "sqlite:"+filepath.Join(t.TempDir(), "try.db"))
	if !strings.Contains(text, "(type to find) ▾]") || !strings.Contains(text, "Handbook › Area 3") || strings.Contains(text, "SLACK REFUSES") {
		t.Errorf("the big guide's menu, or the answer taught from it, is missing:\n%s\n%s", text, errOut)
	}
	// The lesson reloads the guide, which the owner is told of.
	if !strings.Contains(errOut, "note: guide reloaded (lessons): New guide live: ") {
		t.Errorf("the accepted reload is not told:\n%s", errOut)
	}
}

// TestDevReloadsTheGuide asks dev, as an admin, to reload a guide folder:
// as in serve, it is reloadable, and the outcome, which follows the ack,
// is shown.
func TestDevReloadsTheGuide(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "g.md"), []byte("# Guide\n\n## Onboarding\n\nLaptops arrive on day one.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"dev", "--guide", dir}, "The guide has not changed since it was loaded, under a minute ago: the files in GUIDE_DIR and the lessons taught are the same, so there is nothing to reload."},
		{[]string{"dev"}, "This bot serves the guide built into it"},
		// With a store the embedded guide learns lessons, and reloads
		// for them: there is still no GUIDE_DIR.
		{[]string{"dev", "--db", "sqlite:" + filepath.Join(dir, "dev.db")}, "The lessons taught have not changed since the guide serving was loaded, under a minute ago, and the embedded guide does not change: nothing to reload. To serve pages of your own, set GUIDE_DIR"},
	} {
		var out, errOut bytes.Buffer
		env := &environment{
			stdin: strings.NewReader("/director reload\n"), stdout: &out, stderr: &errOut,
			getenv: func(k string) string { return map[string]string{"ADMIN_USERS": "UDEV"}[k] },
		}
		if code := runIn(context.Background(), env, tc.args); code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errOut.String())
		}
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("%v: lacks %q:\n%s", tc.args, tc.want, out.String())
		}
		// The admin who typed it is not told that it reloads.
		if strings.Contains(out.String(), "Guide reloads happen") {
			t.Errorf("%v: the answer to /director reload says how to reload:\n%s", tc.args, out.String())
		}
	}
}

// TestDevPrintsWhatComesOnItsOwn: a reply that follows its ack on its
// own, as a reload's outcome does, prints as it comes, while dev waits
// for the next line, and above that line's replies.
func TestDevPrintsWhatComesOnItsOwn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "g.md"), []byte("# Guide\n\n## Onboarding\n\nLaptops arrive on day one.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	typed, typing := io.Pipe()
	defer typing.Close()
	var out, errOut safeBuffer
	env := &environment{stdin: typed, stdout: &out, stderr: &errOut, getenv: func(k string) string {
		return map[string]string{"ADMIN_USERS": "UDEV"}[k]
	}}
	done := make(chan int, 1)
	go func() { done <- runIn(context.Background(), env, []string{"dev", "--guide", dir}) }()
	if _, err := io.WriteString(typing, "/director reload\n"); err != nil {
		t.Fatal(err)
	}
	const outcome = "nothing to reload"
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(out.String(), outcome); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the reload's outcome is not printed 20 s after its ack, with no other line typed:\n%s", out.String())
		}
	}
	if _, err := io.WriteString(typing, "/director skills\nquit\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("dev still runs 20 s after quit")
	}
	text := out.String()
	if i, j := strings.Index(text, outcome), strings.LastIndex(text, "── ack (only you can see this) ──"); j < i || strings.Count(text, outcome) != 1 {
		t.Errorf("want the reload's outcome once, then the next line's answer:\n%s", text)
	}
}

// runDevAsAdmin runs dev with args, its person UDEV an admin, typing the
// lines of script, and returns what it printed and its errors.
func runDevAsAdmin(t *testing.T, script string, args ...string) (out, errOut string) {
	t.Helper()
	var o, e bytes.Buffer
	env := &environment{stdin: strings.NewReader(script), stdout: &o, stderr: &e, getenv: func(k string) string {
		return map[string]string{"ADMIN_USERS": "UDEV"}[k]
	}}
	if code := runIn(context.Background(), env, append([]string{"dev"}, args...)); code != 0 {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	return o.String(), e.String()
}

// TestDevStopsOnInterrupt ends dev when its context does (Ctrl-C, SIGTERM)
// while it waits for a line that never comes.
func TestDevStopsOnInterrupt(t *testing.T) {
	t.Parallel()
	typed, typing := io.Pipe()
	defer typing.Close()
	var out, errOut bytes.Buffer
	env := &environment{stdin: typed, stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	ctx, interrupt := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- runIn(ctx, env, []string{"dev"}) }()
	if _, err := io.WriteString(typing, "/director skills\n"); err != nil {
		t.Fatal(err)
	}
	interrupt()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after an interrupt: %s", code, errOut.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("dev still runs 20 s after an interrupt")
	}
}

// TestDevSaysItLeavesIndexDirAlone notes that dev, which indexes in
// memory, does not use the INDEX_DIR set for serve.
func TestDevSaysItLeavesIndexDirAlone(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	dir := t.TempDir()
	env := &environment{stdin: strings.NewReader("quit\n"), stdout: &out, stderr: &errOut, getenv: func(k string) string {
		if k == "INDEX_DIR" {
			return dir
		}
		return ""
	}}
	if code := runIn(context.Background(), env, []string{"dev"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "dev indexes the guide in memory; "+dir) {
		t.Errorf("no note that INDEX_DIR is not used:\n%s", errOut.String())
	}
}

// TestDevLogsAtLogLevel: dev shows the bot's log at LOG_LEVEL, as serve
// would log it, and refuses a level that is none.
func TestDevLogsAtLogLevel(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		level   string
		code    int
		replied bool
	}{{"", 0, false}, {"debug", 0, true}, {"loud", 2, false}} {
		var out, errOut bytes.Buffer
		env := &environment{
			stdin:  strings.NewReader("how do I get ready for a VP role?\nquit\n"),
			stdout: &out, stderr: &errOut,
			getenv: func(k string) string {
				if k == "LOG_LEVEL" {
					return tt.level
				}
				return ""
			},
		}
		code := runIn(context.Background(), env, []string{"dev"})
		if replied := strings.Contains(errOut.String(), "msg=replied"); code != tt.code || replied != tt.replied {
			t.Errorf("LOG_LEVEL=%q: exit %d, logs the reply %v; want %d, %v:\n%s", tt.level, code, replied, tt.code, tt.replied, errOut.String())
		}
	}
}
