package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/index/quality"
)

const ownersHandbook = `# Handbook

## Budgets

Directors own the budget of their organization and plan headcount every quarter.

## Hiring

Hiring managers interview candidates and make offers to engineers.
`

// TestServeForGuideOwners runs serve on a guide folder: questions are kept
// in DATABASE_URL's store and reported, a broken page written into the
// folder is rejected and told to the admin by DM, and a good one is served
// without a restart, what its owners should know of it logged.
func TestServeForGuideOwners(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("handbook.md", ownersHandbook)
	write("questions.jsonl", `{"question":"who owns the budget?","expect":["Budgets"]}`+"\n"+`{"question":"what is the weather like in Paris","expect":[]}`+"\n")
	db := "sqlite:" + filepath.Join(t.TempDir(), "bot.db")
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	stop, logs := serveInProcess(t, fake, map[string]string{
		"DATABASE_URL": db, "GUIDE_DIR": dir, "INDEX_DIR": filepath.Join(t.TempDir(), "index"), "ADMIN_USERS": "UADMIN",
	})
	ask := func(q string) string {
		t.Helper()
		e := fake.SlashCommand(q, "U1", "C1")
		if err := fake.Send(e); err != nil {
			t.Fatal(err)
		}
		var payload string
		fake.WaitFor(serveWait, func() bool {
			for _, a := range fake.Acks() {
				if a.EnvelopeID == e.ID() {
					payload = string(a.Payload)
					return true
				}
			}
			return false
		})
		return payload
	}
	if got := ask("who owns the budget?"); !strings.Contains(got, "Directors own the budget") {
		t.Fatalf("budget question: %s", got)
	}
	ask("what equity does a VP get")

	write("onboarding.md", "---\nlabel: Onboarding\n")
	dm := func(want string) bool {
		return fake.WaitFor(20*time.Second, func() bool {
			for _, c := range fake.Calls() {
				if c.Method == "chat.postMessage" && c.Args["channel"] == "UADMIN" && strings.Contains(c.Args["blocks"].(string), want) {
					return true
				}
			}
			return false
		})
	}
	if !dm("onboarding.md:1") {
		t.Fatalf("no DM to the admin naming the broken page:\n%s", logs)
	}
	if got := ask("who owns the budget?"); !strings.Contains(got, "Directors own the budget") {
		t.Errorf("after a rejected guide the old one does not answer: %s", got)
	}
	// A table wider than Slack shows serves all the same, and is logged.
	wide := "| " + strings.Repeat("C | ", 21) + "\n|" + strings.Repeat(" --- |", 21) + "\n"
	write("onboarding.md", "# Onboarding\n\n## First Week\n\nNew engineers get a buddy and ship a change in their first week.\n\n## Tools\n\n"+wide)
	if !fake.WaitFor(20*time.Second, func() bool { return strings.Contains(ask("who is my onboarding buddy"), "buddy and ship") }) {
		t.Fatalf("the new page is never answered from:\n%s", logs)
	}
	if !strings.Contains(logs.String(), `the table in \"Tools\" has 21 columns`) {
		t.Errorf("the reloaded guide's wide table is not logged:\n%s", logs)
	}
	if code := stop(); code != 0 {
		t.Fatalf("serve exited %d:\n%s", code, logs)
	}

	code, out, errOut := runReportCLI(t, db)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	// The equity question is no gap in the guide: it is counted as a topic
	// left to others, while the question asked before the new page is.
	for _, want := range []string{"who owns the budget", "1 on topics the guide leaves to others", "buddy onboarding"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestOwnerSettings(t *testing.T) {
	t.Parallel()
	for vars, want := range map[string]string{
		"ADMIN_USERS=U1AB, me":  "ADMIN_USERS",
		"RETENTION_DAYS=0":      "RETENTION_DAYS",
		"RETENTION_DAYS=ninety": "RETENTION_DAYS",
		// 200,000 days overflowed into a negative age, deleting every
		// question kept.
		"RETENTION_DAYS=200000": "RETENTION_DAYS",
		"RETENTION_DAYS=36500":  "",
		// NaN passes any bound, and would pass every guide.
		"RELOAD_MIN_TOP1=NaN":      "RELOAD_MIN_TOP1",
		"RELOAD_MIN_TOP1=80%":      "RELOAD_MIN_TOP1",
		"RELOAD_MIN_REFUSED=1.5":   "RELOAD_MIN_REFUSED",
		"RELOAD_MIN_TOP1=0.9":      "",
		"RELOAD_MIN_REFUSED=0":     "",
		"ADMIN_USERS= U1AB ,W2CD,": "",
	} {
		name, value, _ := strings.Cut(vars, "=")
		env := &environment{getenv: func(k string) string {
			if k == name {
				return value
			}
			return ""
		}}
		o, err := readOwnerSettings(env)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", vars, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: error %v; want one naming %s", vars, err, want)
		}
		if vars == "ADMIN_USERS= U1AB ,W2CD," && (len(o.admins) != 2 || o.admins[1] != "W2CD") {
			t.Errorf("admins %q", o.admins)
		}
		if vars == "RELOAD_MIN_TOP1=0.9" && (o.gate.MinTop1 != 0.9 || o.gate.MinRefused != 1 || o.retention != 90*24*time.Hour) {
			t.Errorf("settings %+v", o)
		}
		// 0 asks for nothing: every score passes.
		if vars == "RELOAD_MIN_REFUSED=0" && len(o.gate.Failures(quality.Score{NoneTotal: 3})) != 0 {
			t.Errorf("RELOAD_MIN_REFUSED=0 fails a set with every off-topic question answered: %+v", o.gate)
		}
	}
}
