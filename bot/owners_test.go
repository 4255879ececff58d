package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/bot/reload"
	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/bot/store/pgtest"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// startOwnersServer runs a server against a new fake Slack with the
// settings of the guide's owners that configure sets, changed by tune
// before it runs.
func startOwnersServer(t *testing.T, ix *index.Index, configure func(*Config), tune ...func(*Server)) *harness {
	t.Helper()
	fake := fakeslack.New()
	logs := &syncBuffer{}
	cfg := Config{
		AppToken: "xapp-1-A1-secret-app-token",
		BotToken: "xoxb-secret-bot-token",
		APIURL:   fake.APIURL(),
		Logger:   slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	configure(&cfg)
	srv := NewServer(cfg, ix)
	for _, f := range tune {
		f(srv)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{fake: fake, server: srv, cancel: cancel, done: make(chan error, 1), logs: logs}
	go func() { h.done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-h.done
		fake.Close()
		for _, r := range fake.Refusals() {
			t.Errorf("Slack refuses a reply: %s", r)
		}
	})
	if !fake.WaitFor(wait, func() bool { return fake.Connections() > 0 }) {
		t.Fatalf("bot never connected; logs:\n%s", logs.String())
	}
	return h
}

// votes finds the 👍 and 👎 values of the answer in a payload.
var votes = regexp.MustCompile(`"value":"((?:positive|negative):[^"]+)"`)

func feedbackValues(t *testing.T, payload string) (up, down string) {
	t.Helper()
	m := votes.FindAllStringSubmatch(strings.ReplaceAll(payload, `\"`, `"`), -1)
	if len(m) != 2 {
		t.Fatalf("want one 👍 and one 👎 in %s", payload)
	}
	// JSON decoded and encoded again has its keys in order: the 👎's first.
	up, down = m[0][1], m[1][1]
	if strings.HasPrefix(up, "negative:") {
		up, down = down, up
	}
	return up, down
}

// clicks numbers the messages clicked on, so that no click looks like a
// repeat of another.
var clicks atomic.Int64

// click sends a 👍/👎 and waits for its ack.
func (h *harness) click(t *testing.T, value string) {
	t.Helper()
	e := h.fake.FeedbackClick("feedback", value, "U1", "C1", fmt.Sprintf("1700000001.%06d", clicks.Add(1)), true)
	h.send(t, e)
	h.ackFor(t, e.ID())
}

// waitForAsked waits until the store holds n questions, and returns the
// report of the last hour.
func waitForAsked(t *testing.T, q Questions, n int) report.Report {
	t.Helper()
	var r report.Report
	deadline := time.Now().Add(wait)
	for {
		var err error
		r, err = q.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Minute), 10, report.Day)
		if err != nil {
			t.Fatal(err)
		}
		if r.Asked >= n || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if r.Asked != n {
		t.Fatalf("the store holds %d questions; want %d", r.Asked, n)
	}
	return r
}

// The tests of this file run one at a time, before the parallel tests of
// the package: some of those count the process's goroutines or time a
// shutdown, and servers running beside them would disturb them.

// TestTokensAreNotKept: a Slack token or an email address pasted into a
// question is kept as "[token]" or "[email]", as it is logged: the owners
// read the questions for RETENTION_DAYS, and the conversation's memory
// keeps it too, by user ID.
func TestTokensAreNotKept(t *testing.T) {
	st := openStore(t, sqliteURL(t))
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.Questions, c.Memory = st, st })
	h.send(t, fakeslack.DirectMessage("EvT", "why does xoxb-1111-2222-LEAKTOKEN fail for a director? ask jane.doe@corp.example or <mailto:jane.doe@corp.example|jane.doe@corp.example>", "U2", "D1", "1700000000.000200"))
	r := waitForAsked(t, st, 1)
	memory, _, err := st.Recall(t.Context(), conversationKey("D1", ""))
	if err != nil {
		t.Fatal(err)
	}
	kept, err := json.Marshal(r)
	for what, text := range map[string]string{"the question kept": string(kept), "the conversation's memory": string(memory)} {
		if err != nil || strings.Contains(strings.ToLower(text), "leaktoken") || strings.Contains(text, "jane.doe") || !strings.Contains(text, "[token]") {
			t.Errorf("%s keeps a secret (%v): %s", what, err, text)
		}
	}
}

// TestQuestionsKeptAndReported asks on every surface through the fake
// Slack, votes, and reads the report from the store: on SQLite without
// claims (a repeated /director is answered from the event loop), and on
// PostgreSQL with claims (from the /director pool).
func TestQuestionsKeptAndReported(t *testing.T) {
	for _, tc := range []struct {
		name   string
		url    func(testing.TB) string
		claims bool
	}{
		{"sqlite", sqliteURL, false},
		{"postgres", func(tb testing.TB) string { return pgtest.URL(tb) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := openStore(t, tc.url(t))
			h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) {
				c.Questions = st
				if tc.claims {
					c.Claims = st
				}
			})
			first := h.slash(t, "What skills does a director need?")
			again := h.slash(t, "What skills does a director need?")
			h.slash(t, "what equity does a VP get")
			h.slash(t, "what equity does a VP get") // served again from the cache
			h.slash(t, "help")
			h.send(t, fakeslack.Mention("Ev1", "<@UBOT> sabbaticals for directors?", "U1", "C1", "1700000000.000100", ""))
			h.send(t, fakeslack.DirectMessage("Ev2", "who does a VP report to?", "U2", "D1", "1700000000.000200"))
			h.send(t, fakeslack.DirectMessage("Ev3", "hello", "U2", "D1", "1700000000.000300"))
			// The DMs get the welcome too: wait for the answers.
			h.callsTo(t, "chat.postMessage", 3)

			up1, _ := feedbackValues(t, first)
			_, down2 := feedbackValues(t, again)
			if up1[len("positive:"):] == down2[len("negative:"):] {
				t.Errorf("a reply served again from the cache carries the first asker's token: %s", up1)
			}
			var dmAnswer string
			h.fake.WaitFor(wait, func() bool {
				for _, p := range h.fake.Calls() {
					if p.Method == "chat.postMessage" && p.Args["channel"] == "D1" && strings.Contains(p.Args["blocks"].(string), "positive:") {
						dmAnswer = p.Args["blocks"].(string)
					}
				}
				return dmAnswer != ""
			})
			upDM, _ := feedbackValues(t, dmAnswer)
			// Clicked as soon as the replies arrive, maybe before their
			// questions are kept: a vote looks again for its question.
			h.click(t, up1)
			h.click(t, down2)
			h.click(t, upDM)
			h.click(t, "positive:key-skill-sets") // an answer to a button: no token

			r := waitForAsked(t, st, 6)
			deadline := time.Now().Add(wait)
			for r.Helpful+r.NotHelpful < 3 && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
				r = waitForAsked(t, st, 6)
			}
			if r.Answered != 3 || r.NoAnswer != 3 || r.Helpful != 2 || r.NotHelpful != 1 {
				t.Errorf("report: answered %d, no answer %d, 👍 %d, 👎 %d; want 3, 3, 2, 1", r.Answered, r.NoAnswer, r.Helpful, r.NotHelpful)
			}
			if !slices.ContainsFunc(r.Top, func(q report.Question) bool { return q.Text == "what skills does a director need" && q.Asked == 2 }) {
				t.Errorf("top questions %+v; want the skills question twice", r.Top)
			}
			// The equity question is refused as a topic the guide leaves
			// to others: no gap in the guide.
			if len(r.Unanswered) != 1 || strings.Join(r.Unanswered[0].Words, " ") != "directors sabbaticals" || r.Unanswered[0].Asked != 1 {
				t.Errorf("unanswered %+v; want the sabbaticals question alone", r.Unanswered)
			}
			if r.Refused != (report.Refused{OutsideTopic: 2}) || r.NotCovered != 1 {
				t.Errorf("refused %+v, not covered %d; want the equity question twice as a topic left to others, the sabbaticals one not covered", r.Refused, r.NotCovered)
			}
			if least := r.LeastHelpful(3); len(least) != 1 || least[0].ID != "key-skill-sets" || least[0].NotHelpful != 1 {
				t.Errorf("least helpful %+v", least)
			}
			for _, q := range r.Top {
				if strings.Contains(q.Text, "U1") || strings.Contains(q.Text, "ubot") {
					t.Errorf("a Slack ID is kept: %q", q.Text)
				}
			}
			// Votes are counted once kept, or once their click is handled
			// (the one without a token), which the report does not wait
			// for.
			wants := []string{
				`directorbot_questions_total{outcome="answered",surface="slash"} 2`,
				`directorbot_questions_total{outcome="no_answer",surface="mention"} 1`,
				`directorbot_feedback_kept_total{found="true",helpful="true"} 2`,
				`directorbot_feedback_kept_total{found="false",helpful="true"} 1`,
				`directorbot_no_answer_ratio 0.5`,
				`directorbot_guide_reloads_total{result="rejected"} 0`,
			}
			var metrics string
			h.fake.WaitFor(wait, func() bool {
				metrics = scrape(t, h)
				return !slices.ContainsFunc(wants, func(w string) bool { return !strings.Contains(metrics, w) })
			})
			for _, want := range wants {
				if !strings.Contains(metrics, want) {
					t.Errorf("metrics lack %q", want)
				}
			}
			if !strings.Contains(h.logs.String(), "a vote found no question kept to mark") {
				t.Error("the vote that found no question is not logged")
			}
		})
	}
}

// gatedKeeping is a real store that keeps a question only once open is
// closed, as a store under load does.
type gatedKeeping struct {
	*store.Store
	open chan struct{}
}

func (g gatedKeeping) RecordQuestion(ctx context.Context, a store.Asked) error {
	select {
	case <-g.open:
	case <-ctx.Done():
		return ctx.Err()
	}
	return g.Store.RecordQuestion(ctx, a)
}

// TestVoteWaitsForItsQuestion votes as soon as the answer arrives, while
// a slow store is still keeping its question: the voter is thanked at
// once, and the vote, still looking a second later, finds its question
// once it is kept, and the report counts it.
func TestVoteWaitsForItsQuestion(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	gate := gatedKeeping{st, make(chan struct{})}
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.Questions = gate })
	up, _ := feedbackValues(t, h.slash(t, "What skills does a director need?"))
	h.click(t, up)
	h.callsTo(t, "response_url", 1)
	if r, err := st.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Minute), 10, report.Day); err != nil || r.Asked != 0 {
		t.Fatalf("thanked only once the question was kept (%d kept, %v)", r.Asked, err)
	}
	time.Sleep(time.Second)
	close(gate.open)
	deadline := time.Now().Add(wait)
	r := waitForAsked(t, st, 1)
	for r.Helpful == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		r = waitForAsked(t, st, 1)
	}
	if r.Helpful != 1 {
		t.Errorf("👍 %d in the report; want the vote that came before its question was kept", r.Helpful)
	}
	const found = `directorbot_feedback_kept_total{found="true",helpful="true"} 1`
	if !h.fake.WaitFor(wait, func() bool { return strings.Contains(scrape(t, h), found) }) {
		t.Errorf("the vote is not counted as found:\n%s", scrape(t, h))
	}
}

// TestVotesOnOpenedSections: a section opened by a button is no answer
// to a question, but its 👍/👎 is kept all the same, by a token of its
// own, in the section's votes and the report's totals; a changed vote
// counts once.
func TestVotesOnOpenedSections(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.Questions = st })
	topic := h.fake.ButtonClick(blockkit.ActionTopic, "key-skill-sets", "U1", "C1", "1700000002.000001", true)
	h.send(t, topic)
	h.ackFor(t, topic.ID())
	opened := h.callsTo(t, "response_url", 1)[0]
	up, down := feedbackValues(t, blocksText(t, opened.Args["blocks"]))
	h.click(t, down)
	h.click(t, up)
	h.callsTo(t, "response_url", 3)
	const kept = `directorbot_feedback_kept_total{found="true",helpful="true"} 1`
	if !h.fake.WaitFor(wait, func() bool { return strings.Contains(scrape(t, h), kept) }) {
		t.Fatalf("the vote on an opened section is not counted as kept:\n%s", scrape(t, h))
	}
	r, err := st.Report(t.Context(), time.Now().Add(-time.Hour), time.Now().Add(time.Minute), 10, report.Day)
	if err != nil {
		t.Fatal(err)
	}
	if r.Asked != 0 || r.Helpful != 1 || r.NotHelpful != 0 || len(r.Sections) != 1 || r.Sections[0].ID != "key-skill-sets" || r.Sections[0].Helpful != 1 {
		t.Errorf("report: %d asked, 👍 %d, 👎 %d, sections %+v; want no question and the section's latest vote, 👍", r.Asked, r.Helpful, r.NotHelpful, r.Sections)
	}
}

// forgetfulKeeping is a real store that keeps no question, as when
// keeping one failed: a vote on its answers finds nothing to mark.
type forgetfulKeeping struct{ *store.Store }

func (forgetfulKeeping) RecordQuestion(context.Context, store.Asked) error { return nil }

// TestShutdownEndsAVoteWaiting votes on an answer whose question is never
// kept, then stops the server at once: the vote, which would look for its
// question for keepTimeout, gives up as soon as shutdown has nothing left
// to keep, and is counted as finding none.
func TestShutdownEndsAVoteWaiting(t *testing.T) {
	t.Parallel()
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.Questions = forgetfulKeeping{st} })
	up, _ := feedbackValues(t, h.slash(t, "What skills does a director need?"))
	h.click(t, up)
	h.callsTo(t, "response_url", 1)
	start := time.Now()
	h.cancel()
	<-h.done
	h.done <- nil // for the harness's cleanup
	if took := time.Since(start); took > keepTimeout/2 {
		t.Errorf("shutdown took %v, waiting out the vote; want it well under keepTimeout (%v)", took, keepTimeout)
	}
	if !strings.Contains(h.logs.String(), "a vote found no question kept to mark") {
		t.Error("the vote that gave up is not logged")
	}
}

// TestVoteAtShutdownWaitsForAnotherReplica: once shutdown has kept what
// this replica was keeping, a vote for a question it set out to keep
// gives up, and one for another replica's question, which that replica
// may still be keeping, goes on looking within its time.
func TestVoteAtShutdownWaitsForAnotherReplica(t *testing.T) {
	t.Parallel()
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	s := NewServer(Config{Questions: forgetfulKeeping{st}, Logger: slog.New(slog.DiscardHandler)}, guidetest.Embedded(t))
	s.owners.keptHere.Add("mine", struct{}{})
	close(s.owners.kept)
	const within = 600 * time.Millisecond
	for _, tc := range []struct {
		token  string
		longer bool
	}{
		{"mine", false},
		{"theirs", true},
	} {
		start := time.Now()
		s.recordVote(forgetfulKeeping{st}, tc.token, true, within)
		if took := time.Since(start); took >= within/2 == !tc.longer {
			t.Errorf("the vote for %s's question looked for %v; want it to look for its time (%v): %v", tc.token, took, within, tc.longer)
		}
	}
}

// TestAnswerKindsKept asks a question the guide answers with only the
// closest it has, and one about the VP that only the Director's part
// holds: the store keeps each as answered, unsure or from another role's
// part, and the report lists it where the guide may be thin, or lack the
// VP's part.
func TestAnswerKindsKept(t *testing.T) {
	for _, tc := range []struct {
		question string
		listed   func(report.Report) (int, []report.Group)
	}{
		{"what conferences should a director attend?", func(r report.Report) (int, []report.Group) { return r.Unsure, r.UnsureQuestions }},
		{"how does a VP handle conflict?", func(r report.Report) (int, []report.Group) { return r.Elsewhere, r.ElsewhereQuestions }},
	} {
		t.Run(tc.question, func(t *testing.T) {
			st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
			h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.Questions = st })
			h.slash(t, tc.question)
			r := waitForAsked(t, st, 1)
			n, groups := tc.listed(r)
			want := store.NormalizeQuestion(tc.question)
			if r.Answered != 1 || n != 1 || len(groups) != 1 || groups[0].Examples[0] != want {
				t.Errorf("report: %d answered, %d of the kind, groups %+v; want %q, answered", r.Answered, n, groups, want)
			}
		})
	}
}

// TestOtherQuestionsKept asks two things in one message, one that a rule
// refuses: each is kept as a question of its own, so the refused one
// reaches the report though the message was answered. Only the message's
// row carries the token its 👍/👎 vote on.
func TestOtherQuestionsKept(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.Questions = st })
	payload := h.slash(t, "how much equity should a VP ask for? and who do VPs report to?")
	r := waitForAsked(t, st, 2)
	if r.Answered != 1 || r.Refused.OutsideTopic != 1 || len(r.RefusedQuestions) != 1 || r.RefusedQuestions[0].Examples[0] != "how much equity should a vp ask for" {
		t.Errorf("report: %d answered, refused %+v, refused questions %+v; want the message answered and its equity question refused as outside the topic", r.Answered, r.Refused, r.RefusedQuestions)
	}
	up, _ := feedbackValues(t, payload)
	h.click(t, up)
	deadline := time.Now().Add(wait)
	for r.Helpful == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		r = waitForAsked(t, st, 2)
	}
	if r.Helpful != 1 || len(r.Top) != 2 {
		t.Errorf("after a 👍: %d helpful, top %+v; want the vote on the message's row", r.Helpful, r.Top)
	}
	// Each question is kept in its own words, the message's first as its
	// answer's, not the whole message beside its parts.
	for _, q := range r.Top {
		if q.Text != "who do vps report to" && q.Text != "how much equity should a vp ask for" {
			t.Errorf("kept %q; want each question in its own words", q.Text)
		}
	}
}

// TestAboutBotSaysWhatTheServerKeeps asks who sees the questions asked of
// the bot: a server that keeps them for the guide's owners says so, with
// its retention; one that keeps none says that. Either says how long it
// keeps a conversation's last question.
func TestAboutBotSaysWhatTheServerKeeps(t *testing.T) {
	t.Parallel()
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	tests := []struct {
		name      string
		configure func(*Config)
		want      string
	}{
		{"questions kept", func(c *Config) { c.Questions, c.Retention = st, 30*24*time.Hour }, "without any user or channel ID*, deleted after 30 days"},
		{"none kept", func(*Config) {}, "No questions for the guide's owners: they are not kept"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := startOwnersServer(t, guidetest.Embedded(t), tt.configure)
			// The reply is quick enough to go with the ack.
			conversation := fmt.Sprintf("with your user ID, for %d minutes", int(ConversationTTL.Minutes()))
			if got := h.slash(t, "can my manager see my questions?"); !strings.Contains(got, "About Director Bot") || !strings.Contains(got, tt.want) || !strings.Contains(got, conversation) {
				t.Errorf("reply = %.600s; want the bot's keeping, saying %q and %q", got, tt.want, conversation)
			}
		})
	}
}

// TestReloadFromNonAdmin: /director reload from someone who is not an
// admin is refused, saying why: the guide's admins only, or, when
// ADMIN_USERS names none, that there are none and where they are named.
func TestReloadFromNonAdmin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		admins       []string
		want, unwant string
	}{
		{"no admins", nil, "No admins are configured, so no one can reload the guide: ADMIN_USERS, where the bot runs, names them", "Only the guide's admins"},
		{"not one of them", []string{"UADMIN"}, "Only the guide's admins can reload it.", "ADMIN_USERS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.Admins = tt.admins })
			e := h.fake.SlashCommand("reload", "U2", "C1")
			h.send(t, e)
			if ack := string(h.ackFor(t, e.ID()).Payload); !strings.Contains(ack, tt.want) || strings.Contains(ack, tt.unwant) {
				t.Errorf("reload: %s; want %q", ack, tt.want)
			}
		})
	}
}

// scrape reads the server's metrics in Prometheus text format.
func scrape(t *testing.T, h *harness) string {
	t.Helper()
	families, err := h.server.metrics.registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range families {
		for _, m := range f.GetMetric() {
			var labels []string
			for _, l := range m.GetLabel() {
				labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
			}
			name := f.GetName()
			if len(labels) > 0 {
				name += "{" + strings.Join(labels, ",") + "}"
			}
			var v float64
			switch {
			case m.Counter != nil:
				v = m.GetCounter().GetValue()
			case m.Gauge != nil:
				v = m.GetGauge().GetValue()
			default:
				continue
			}
			fmt.Fprintf(&b, "%s %g\n", name, v)
		}
	}
	return b.String()
}

// TestAdminHome shows the report on the Home tab of admins only.
func TestAdminHome(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) {
		c.Questions = st
		c.Admins = []string{" UADMIN ", "UOTHER"}
	})
	h.slash(t, "director offsites?")
	waitForAsked(t, st, 1)
	h.send(t, fakeslack.HomeOpened("EvA", "UADMIN"))
	h.send(t, fakeslack.HomeOpened("EvB", "U2"))
	views := h.callsTo(t, "views.publish", 2)
	for _, v := range views {
		text := blocksText(t, v.Args)
		admin := v.Args["user_id"] == "UADMIN"
		if got := strings.Contains(text, "Guide report"); got != admin {
			t.Errorf("Home of %v shows the report: %v; want %v", v.Args["user_id"], got, admin)
		}
		if !strings.Contains(text, "Core Responsibilities") {
			t.Errorf("Home of %v lacks the topics", v.Args["user_id"])
		}
		if admin && !strings.Contains(text, "director offsite") {
			t.Errorf("the admin's Home lacks the unanswered question: %s", text)
		}
	}
}

// slowKeeping is a store that takes a while to keep a question, as a
// busy database does.
type slowKeeping struct {
	*store.Store
	delay time.Duration
}

func (s slowKeeping) RecordQuestion(ctx context.Context, a store.Asked) error {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return ctx.Err()
	}
	return s.Store.RecordQuestion(ctx, a)
}

// TestAdminHomeWaitsForTheQuestionJustAsked opens the admin's Home as soon
// as a question is acked, while the store is still keeping it: the Home
// lists it.
func TestAdminHomeWaitsForTheQuestionJustAsked(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) {
		c.Questions = slowKeeping{st, 300 * time.Millisecond}
		c.Admins = []string{"UADMIN"}
	})
	h.slash(t, "director offsites?")
	h.send(t, fakeslack.HomeOpened("EvA", "UADMIN"))
	home := blocksText(t, h.callsTo(t, "views.publish", 1)[0].Args)
	if !strings.Contains(home, "director offsite") {
		t.Errorf("the admin's Home, opened as the question was kept, lacks it: %s", home)
	}
}

const ownersGuide = `# Handbook

## Budgets

Directors own the budget of their organization and plan headcount every quarter.

## Hiring

Hiring managers interview candidates and make offers to engineers.
`

const ownersQuestions = `{"question":"who owns the budget?","expect":["Budgets"]}
{"question":"how do I hire engineers?","expect":["Hiring"]}
{"question":"what is the weather like in Paris","expect":[]}
`

// TestReloadCommand reloads the guide with /director reload while
// questions keep coming: a non-admin is refused, a broken page is rejected
// and told to the admins by DM, and a good guide is swapped in, with the
// kept /director replies dropped; every question is answered in time.
func TestReloadCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	guide := folderGuide(t, dir, map[string]string{"handbook.md": ownersGuide, "questions.jsonl": ownersQuestions})
	h := startOwnersServer(t, nil, func(c *Config) {
		c.Guide = guide
		c.Admins = []string{"UADMIN", "UADMIN2"}
	})
	reloadAs := func(user string) string {
		e := h.fake.SlashCommand("reload", user, "C1")
		h.send(t, e)
		return string(h.ackFor(t, e.ID()).Payload)
	}
	if ack := reloadAs("U2"); !strings.Contains(ack, "Only the guide's admins") {
		t.Errorf("a non-admin's reload: %s", ack)
	}
	if before := h.slash(t, "who is my onboarding buddy"); !strings.Contains(before, "couldn") {
		t.Fatalf("the old guide answers the new page's question: %s", before)
	}

	// Questions keep coming during the reloads.
	ctx, stop := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	var mu sync.Mutex
	var answered, late int
	wg.Go(func() {
		for ctx.Err() == nil {
			start := time.Now()
			payload := h.slash(t, "who owns the budget?")
			mu.Lock()
			if strings.Contains(payload, "Budgets") {
				answered++
			}
			if time.Since(start) > 2*time.Second {
				late++
			}
			mu.Unlock()
		}
	})

	write("onboarding.md", "# Onboarding\n\n| Day | Task |\n| --- | --- |\n| 1 | laptop |\n| 2 | buddy | lunch |\n")
	if ack := reloadAs("UADMIN"); !strings.Contains(ack, "Reloading the guide") {
		t.Errorf("an admin's reload is acked with %s", ack)
	}
	var rejected string
	h.fake.WaitFor(wait, func() bool {
		for _, c := range h.fake.Calls() {
			if c.Method == "response_url" && strings.Contains(blocksText(t, c.Args), "rejected") {
				rejected = blocksText(t, c.Args)
			}
		}
		return rejected != ""
	})
	if !strings.Contains(rejected, "onboarding.md:") {
		t.Errorf("the rejection does not name the page and line: %s", rejected)
	}
	dms := map[any]bool{}
	h.fake.WaitFor(wait, func() bool {
		for _, c := range h.fake.Calls() {
			if c.Method == "chat.postMessage" && strings.Contains(blocksText(t, c.Args), "onboarding.md:") {
				dms[c.Args["channel"]] = true
			}
		}
		return len(dms) == 2
	})
	if !dms["UADMIN"] || !dms["UADMIN2"] {
		t.Errorf("the admins' DMs about the rejected guide went to %v", dms)
	}
	// The same mistake reloaded again is told to the admin who asked, and
	// not DMed to the admins again.
	told := func(method string) int {
		n := 0
		for _, c := range h.fake.Calls() {
			if c.Method == method && strings.Contains(blocksText(t, c.Args), "onboarding.md:") {
				n++
			}
		}
		return n
	}
	reloadAs("UADMIN")
	if !h.fake.WaitFor(wait, func() bool { return told("response_url") == 2 }) {
		t.Errorf("the second reload of the same mistake is not told to its admin")
	}
	h.idle(t)
	if n := told("chat.postMessage"); n != 2 {
		t.Errorf("%d DMs about the rejected guide; want the first two only", n)
	}

	write("onboarding.md", "# Onboarding\n\n## First Week\n\nNew engineers get a buddy and ship a change in their first week.\n")
	reloadAs("UADMIN")
	h.fake.WaitFor(wait, func() bool {
		for _, c := range h.fake.Calls() {
			if c.Method == "response_url" && strings.Contains(blocksText(t, c.Args), "New guide live") {
				return true
			}
		}
		return false
	})
	// The admins told of the rejection by DM are told there it is over.
	fixed := map[any]bool{}
	h.fake.WaitFor(wait, func() bool {
		for _, c := range h.fake.Calls() {
			if c.Method == "chat.postMessage" && strings.Contains(blocksText(t, c.Args), "The guide's files load again. New guide live") {
				fixed[c.Args["channel"]] = true
			}
		}
		return len(fixed) == 2
	})
	if !fixed["UADMIN"] || !fixed["UADMIN2"] {
		t.Errorf("the admins' DMs that the guide loads again went to %v", fixed)
	}
	if after := h.slash(t, "who is my onboarding buddy"); !strings.Contains(after, "buddy and ship") {
		t.Errorf("after the reload the new page's question is not answered from it (a stale kept reply?): %s", after)
	}
	stop()
	wg.Wait()
	if answered == 0 || late != 0 {
		t.Errorf("during the reloads %d budget questions were answered, %d late; want some, none late", answered, late)
	}
}

func TestSweepQuestions(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	for _, at := range []time.Time{time.Now().AddDate(0, 0, -100), time.Now().AddDate(0, 0, -1)} {
		if err := st.RecordQuestion(t.Context(), store.Asked{Question: "q", Surface: store.SurfaceDM, Token: store.NewReplyToken(), At: at}); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { SweepQuestions(ctx, st, 90*24*time.Hour, slog.New(slog.DiscardHandler)); close(done) }()
	deadline := time.Now().Add(wait)
	for {
		r, err := st.Report(t.Context(), time.Now().AddDate(0, 0, -200), time.Now(), 5, report.Week)
		if err != nil {
			t.Fatal(err)
		}
		if r.Asked == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d questions left; want the recent one only", r.Asked)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	// An overflowed retention sweeps nothing, and says so.
	var logs bytes.Buffer
	SweepQuestions(t.Context(), st, -time.Hour, slog.New(slog.NewJSONHandler(&logs, nil)))
	if r, err := st.Report(t.Context(), time.Now().AddDate(0, 0, -200), time.Now(), 5, report.Week); err != nil || r.Asked != 1 {
		t.Errorf("a negative retention left %d questions (%v), want 1", r.Asked, err)
	}
	if !strings.Contains(logs.String(), "kept every question") {
		t.Errorf("a negative retention is not logged: %s", logs.String())
	}
}

// TestLateAnswersGoToTheResponseURL answers a /director command later than
// the ack may carry it (LateAck shortened to a nanosecond, as if the pool
// had been busy for seconds): the ack comes at once and empty, and the
// answer reaches the asker through the response_url. The same question
// asked again is acked from the kept replies as it arrives, never late.
func TestLateAnswersGoToTheResponseURL(t *testing.T) {
	t.Parallel()
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.LateAck = time.Nanosecond })
	e := h.fake.SlashCommand("What skills does a director need?", "U1", "C1")
	h.send(t, e)
	if ack := h.ackFor(t, e.ID()); len(ack.Payload) != 0 {
		t.Errorf("a late answer went in the ack (%d bytes)", len(ack.Payload))
	}
	reply := h.callsTo(t, "response_url", 1)[0]
	if reply.Args["response_type"] != "ephemeral" || !strings.Contains(blocksText(t, reply.Args), "Key Skill Sets") {
		t.Errorf("response_url reply = %.300v", reply.Args)
	}
	again := h.fake.SlashCommand("What skills does a director need?", "U1", "C1")
	h.send(t, again)
	if ack := h.ackFor(t, again.ID()); !strings.Contains(string(ack.Payload), "Key Skill Sets") {
		t.Errorf("a kept reply was not acked at once: %.200s", ack.Payload)
	}
}

// slowPlans is a store that takes a while to read a person's plan, and
// slowClaims one that takes a while to claim, as a busy database does.
type (
	slowPlans struct {
		*store.Store
		delay time.Duration
	}
	slowClaims struct {
		*store.Store
		delay time.Duration
	}
)

func (s slowPlans) Plan(ctx context.Context, user string) (store.Plan, bool, error) {
	if err := sleep(ctx, s.delay); err != nil {
		return store.Plan{}, false, err
	}
	return s.Store.Plan(ctx, user)
}

func (s slowClaims) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if err := sleep(ctx, s.delay); err != nil {
		return false, err
	}
	return s.Store.Claim(ctx, key, ttl)
}

// sleep waits for d, or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TestSlowStoreAcksInTime: a /director command whose answer waits for a
// slow store (a claim, a plan read) is acked empty when the time for an
// answer in the ack is up, not when the store answers, and its answer
// comes through the response_url.
func TestSlowStoreAcksInTime(t *testing.T) {
	t.Parallel()
	const lateAck = 200 * time.Millisecond
	for _, tc := range []struct {
		name, command, want string
		slow                func(*store.Store) func(*Config)
	}{
		{"plan read", "plan", "Build my plan", func(st *store.Store) func(*Config) {
			return func(c *Config) { c.Plans, c.Memory = slowPlans{st, time.Second}, st }
		}},
		{"claim", "skills", "Key Skill Sets", func(st *store.Store) func(*Config) {
			return func(c *Config) { c.Claims = slowClaims{st, 400 * time.Millisecond} }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
			configure := tc.slow(st)
			h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) {
				configure(c)
				c.LateAck = lateAck
			})
			e := h.fake.SlashCommand(tc.command, "U1", "C1")
			h.send(t, e)
			ack := h.ackFor(t, e.ID())
			if took := ack.Received.Sub(ack.Sent); took > lateAck+150*time.Millisecond || len(ack.Payload) != 0 {
				t.Errorf("acked after %v with %d bytes; want empty by %v", took, len(ack.Payload), lateAck)
			}
			reply := h.callsTo(t, "response_url", 1)[0]
			if !strings.Contains(blocksText(t, reply.Args), tc.want) {
				t.Errorf("response_url reply lacks %q: %.300v", tc.want, reply.Args)
			}
		})
	}
}

// TestFullPoolAcksAnApology: a /director command the full pool refuses
// is acked at once with a short apology, by its clock, not left to wait
// for it.
func TestFullPoolAcksAnApology(t *testing.T) {
	t.Parallel()
	h := startOwnersServer(t, guidetest.Embedded(t), func(*Config) {}, func(s *Server) { s.slashq = nil })
	e := h.fake.SlashCommand("What skills does a director need?", "U1", "C1")
	h.send(t, e)
	ack := h.ackFor(t, e.ID())
	if took := ack.Received.Sub(ack.Sent); took > time.Second || !strings.Contains(string(ack.Payload), "went wrong") {
		t.Errorf("acked after %v with %.200s; want the apology at once", took, ack.Payload)
	}
}

// TestLateAnswerSkipsABusyChannel: a late /director answer goes through
// its response_url, which is not held to the channel's posting rate, so
// it does not wait behind the channel's posts (here, one that hangs).
func TestLateAnswerSkipsABusyChannel(t *testing.T) {
	t.Parallel()
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.LateAck = time.Nanosecond })
	t.Cleanup(h.fake.Close) // ends the hanging call
	h.fake.Hang("chat.postMessage", "CBUSY")
	h.send(t, fakeslack.Mention("EvBusy", "<@UBOT> skills", "U1", "CBUSY", "9.1", ""))
	h.send(t, h.fake.SlashCommand("What skills does a director need?", "U1", "CBUSY"))
	h.callsTo(t, "response_url", 1)
}

// TestPrivateClickSkipsABusyChannel: a click on a private answer or on
// the plan's self-assessment is answered through its response_url, which Slack does not hold to the
// channel's posting rate, so it does not wait behind the channel's posts
// (here, one that hangs).
func TestPrivateClickSkipsABusyChannel(t *testing.T) {
	t.Parallel()
	for name, action := range map[string]string{"topic": blockkit.ActionTopic + ":0", "plan": blockkit.ActionPlanUpdate} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := startServer(t)
			t.Cleanup(h.fake.Close) // ends the hanging call
			h.fake.Hang("chat.postMessage", "CBUSY")
			h.send(t, fakeslack.Mention("EvBusyClick", "<@UBOT> skills", "U1", "CBUSY", "9.1", ""))
			h.send(t, h.fake.ButtonClick(action, "transition-to-vp/timeline", "U1", "CBUSY", "9.2", true))
			h.callsTo(t, "response_url", 1)
		})
	}
}

// TestEveryRefusalIsKept: each kind of reply that says why the guide
// cannot answer is kept with a reason of its own, which the report counts.
func TestEveryRefusalIsKept(t *testing.T) {
	t.Parallel()
	kinds := map[store.Refusal]blockkit.Kind{}
	for k := blockkit.KindOutsideTopic; k <= blockkit.KindOpinion; k++ {
		r, ok := refusals[k]
		if !ok {
			t.Errorf("a reply of kind %d is kept with no reason", k)
		}
		if other, ok := kinds[r]; ok {
			t.Errorf("replies of kinds %d and %d are both kept as %q", other, k, r)
		}
		kinds[r] = k
	}
}

// TestRejectedReloadDoesNotWaitForSlack rejects a reload while Slack's
// posts to the admin hang: the reload returns at once, its DM left to the
// workers, so the next reload (a watch, /director reload, the lessons) is
// not held up behind it.
func TestRejectedReloadDoesNotWaitForSlack(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	guide := folderGuide(t, dir, map[string]string{"handbook.md": ownersGuide})
	h := startOwnersServer(t, nil, func(c *Config) {
		c.Guide = guide
		c.Admins = []string{"UADMIN"}
	})
	h.fake.Hang("chat.postMessage", "UADMIN")
	if err := os.WriteFile(filepath.Join(dir, "onboarding.md"), []byte("---\nlabel: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := guide.Reload(t.Context(), reload.TriggerWatch)
	if err != nil || res.Accepted {
		t.Fatalf("reload of a broken page: %+v, %v; want rejected", res, err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("a rejected reload took %v: it waited for the admins' DM", took)
	}
	if h.server.rejected.Load() == nil {
		t.Error("no warning for the admins' Home")
	}
}

// TestGuideStillFailingIsTold: a change to a guide that fails its
// questions.jsonl, failing it no worse, is swapped in, and the admins are
// told that it still fails, by DM and on the Home.
func TestGuideStillFailingIsTold(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	failing := ownersQuestions + `{"question":"who plans headcount?","expect":["Hiring"]}` + "\n"
	guide := folderGuide(t, dir, map[string]string{"handbook.md": ownersGuide, "questions.jsonl": failing})
	h := startOwnersServer(t, nil, func(c *Config) {
		c.Guide = guide
		c.Admins = []string{"UADMIN"}
	})
	if err := os.WriteFile(filepath.Join(dir, "onboarding.md"), []byte("# Onboarding\n\n## First Week\n\nNew engineers get a buddy.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := guide.Reload(t.Context(), reload.TriggerWatch)
	if err != nil || !res.Accepted || res.Before == nil {
		t.Fatalf("reload: %+v, %v; want accepted, failing no worse", res, err)
	}
	if !h.fake.WaitFor(wait, func() bool {
		for _, c := range h.fake.Calls() {
			if c.Method == "chat.postMessage" && c.Args["channel"] == "UADMIN" && strings.Contains(blocksText(t, c.Args), "It fails questions.jsonl, but no worse") {
				return true
			}
		}
		return false
	}) {
		t.Error("the admins were not told that the guide still fails")
	}
	if w := h.server.rejected.Load(); w == nil || !strings.Contains(*w, "It fails questions.jsonl") || !strings.Contains(*w, "who plans headcount?") {
		t.Errorf("the Home's warning: %v", w)
	}
	// Another change that fails in the same words is not told again.
	if err := os.WriteFile(filepath.Join(dir, "onboarding.md"), []byte("# Onboarding\n\n## First Week\n\nNew engineers get a buddy and a laptop.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := guide.Reload(t.Context(), reload.TriggerWatch); err != nil || !res.Accepted || res.Before == nil {
		t.Fatalf("second reload: %+v, %v; want accepted, failing no worse", res, err)
	}
	h.idle(t)
	told := 0
	for _, c := range h.fake.Calls() {
		if c.Method == "chat.postMessage" && strings.Contains(blocksText(t, c.Args), "It fails questions.jsonl, but no worse") {
			told++
		}
	}
	if told != 1 {
		t.Errorf("the admins were told %d times that the guide still fails in the same words; want once", told)
	}
}

// TestEachRejectionIsToldOnce runs two replicas on one store, each with
// its own copy of the guide's folder, as pods with one ConfigMap each
// mounted in their own time: the folder unreadable on the first, then back,
// is told to the admins as rejected and then over, once each; the second
// replica, which the change reaches only after it is over, tells neither
// again. Unreadable again once the hold-off has passed since the last
// replica saw it end, it is told again.
func TestEachRejectionIsToldOnce(t *testing.T) {
	t.Parallel()
	const holdOff = 3 * time.Second
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	type replica struct {
		dir   string
		guide *reload.Reloader
		h     *harness
	}
	replicas := make([]replica, 2)
	for i := range replicas {
		dir := filepath.Join(t.TempDir(), "guide")
		guide := folderGuide(t, dir, map[string]string{"handbook.md": ownersGuide})
		h := startOwnersServer(t, nil, func(c *Config) {
			c.Guide, c.Claims = guide, st
			c.Admins = []string{"UADMIN"}
		}, func(s *Server) { s.holdOff = holdOff })
		replicas[i] = replica{dir, guide, h}
	}
	told := func(words string) int {
		n := 0
		for _, r := range replicas {
			for _, c := range r.h.fake.Calls() {
				if c.Method == "chat.postMessage" && c.Args["channel"] == "UADMIN" && strings.Contains(blocksText(t, c.Args), words) {
					n++
				}
			}
		}
		return n
	}
	const rejected, over = "cannot be read", "nothing is rejected any more"
	// away makes r's folder unreadable, or back, and reloads it.
	away := func(r replica, gone bool) reload.Result {
		t.Helper()
		from, to := r.dir, r.dir+".away"
		if !gone {
			from, to = to, from
		}
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
		res, err := r.guide.Reload(t.Context(), reload.TriggerCommand)
		if err != nil {
			t.Fatal(err)
		}
		r.h.idle(t)
		return res
	}
	check := func(when string, wantRejected, wantOver int) {
		t.Helper()
		if !replicas[0].h.fake.WaitFor(wait, func() bool { return told(rejected) >= wantRejected && told(over) >= wantOver }) ||
			told(rejected) != wantRejected || told(over) != wantOver {
			t.Fatalf("%s: told rejected %d times and over %d; want %d and %d", when, told(rejected), told(over), wantRejected, wantOver)
		}
	}
	first, late := replicas[0], replicas[1]
	away(first, true)
	check("the first replica's folder unreadable", 1, 0)
	if res := away(first, false); !res.Restored {
		t.Fatalf("the folder back: %+v; want restored", res)
	}
	check("its folder back", 1, 1)
	away(late, true)
	away(late, false)
	// Each replica's end of the rejection holds it off anew: a third
	// replica may be later still.
	cleared := time.Now()
	check("the late replica's folder unreadable and back", 1, 1)
	time.Sleep(time.Until(cleared.Add(holdOff)))
	away(first, true)
	check("unreadable again after the hold-off", 2, 1)
	away(first, false)
	check("back again", 2, 2)
}

// folderGuide writes files into dir (made if missing) and returns a
// reloader of the guide they hold, closed when the test ends.
func folderGuide(t *testing.T, dir string, files map[string]string) *reload.Reloader {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g, err := content.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	guide := reload.New(ix, reload.Settings{Dir: dir, Logger: slog.New(slog.DiscardHandler)})
	t.Cleanup(func() { _ = guide.Close() })
	return guide
}

// TestFailingSaysEachProblemOnce: the Home's warning names a rejected
// reload's problems, but not one its reason says already, as a page's
// mistake is.
func TestFailingSaysEachProblemOnce(t *testing.T) {
	t.Parallel()
	mistake := "director.md:57: table row has 1 cell, the header has 2"
	for _, tt := range []struct {
		warning  string
		problems []string
		want     string
	}{
		{"rejected: a file of the guide has a mistake: " + mistake, []string{mistake}, ""},
		{"rejected: questions.jsonl failed", []string{"questions.jsonl:3: a", "questions.jsonl:4: b"}, " Failing: questions.jsonl:3: a; questions.jsonl:4: b"},
		{"rejected", []string{"1", "2", "3", "4", "5"}, " Failing: 1; 2; 3; and 2 more, in the DM"},
	} {
		if got := failing(tt.warning, tt.problems); got != tt.want {
			t.Errorf("failing(%q, %q) = %q, want %q", tt.warning, tt.problems, got, tt.want)
		}
	}
}

// TestShutdownCutsAReloadShort stops the server while an admin's
// /director reload is indexing (an indexing that ends only when its
// context does): shutdown cuts it short rather than wait the drain out for
// it, every question being kept is still kept, and the admin is told the
// guide was not reloaded.
func TestShutdownCutsAReloadShort(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "handbook.md"), []byte(ownersGuide), 0o644); err != nil {
		t.Fatal(err)
	}
	indexing := make(chan struct{})
	var once sync.Once
	ix, err := index.Build(t.Context(), guidetest.Guide(t, ownersGuide))
	if err != nil {
		t.Fatal(err)
	}
	guide := reload.New(ix, reload.Settings{Dir: dir, Logger: slog.New(slog.DiscardHandler),
		Open: func(ctx context.Context, _ fs.FS, _ string) (*index.Index, error) {
			once.Do(func() { close(indexing) })
			<-ctx.Done()
			return nil, ctx.Err()
		}})
	t.Cleanup(func() { _ = guide.Close() })
	h := startOwnersServer(t, nil, func(c *Config) {
		c.Guide = guide
		c.Admins = []string{"UADMIN"}
	})
	if err := os.WriteFile(filepath.Join(dir, "onboarding.md"), []byte("# Onboarding\n\nNew engineers get a buddy.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e := h.fake.SlashCommand("reload", "UADMIN", "C1")
	h.send(t, e)
	h.ackFor(t, e.ID())
	select {
	case <-indexing:
	case <-time.After(wait):
		t.Fatal("the reload never started indexing")
	}
	if took, err := h.stop(t); err != nil || took > drainTimeout/2 {
		t.Errorf("shutdown took %v (%v), waiting out the reload; want it well under the drain's %v", took, err, drainTimeout)
	}
	if strings.Contains(h.logs.String(), "gave up waiting") {
		t.Errorf("shutdown gave up waiting for what it keeps:\n%s", h.logs)
	}
	if told := h.callsTo(t, "response_url", 1); !strings.Contains(blocksText(t, told[0].Args), "not reloaded") {
		t.Errorf("the admin is told %s; want that the guide was not reloaded", blocksText(t, told[0].Args))
	}
}

// TestDetailKeptWithItsQuestion: a follow-up that asks for an example of
// the answer above, or points to one of its items, is kept for the
// owners with the question it follows, not alone ("any example?").
func TestDetailKeptWithItsQuestion(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	h := startOwnersServer(t, guidetest.Embedded(t), func(c *Config) { c.Questions = st })
	h.send(t, fakeslack.Mention("EvK1", "<@UBOT> what are the common pitfalls?", "U1", "C1", "9.1", ""))
	waitForAsked(t, st, 1)
	h.send(t, fakeslack.Mention("EvK2", "<@UBOT> the second one", "U1", "C1", "9.2", "9.1"))
	r := waitForAsked(t, st, 2)
	var texts []string
	for _, q := range r.Top {
		texts = append(texts, q.Text)
	}
	if !slices.ContainsFunc(texts, func(q string) bool { return strings.Contains(q, "pitfalls") && strings.Contains(q, "second one") }) {
		t.Errorf("kept %q; want the second one kept with the pitfalls question", texts)
	}
}
