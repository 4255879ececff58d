package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/reload"
	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/content"
)

// teachQuestion is worded so that the guide of ownersGuide does not
// answer it until it is taught to.
const teachQuestion = "who decides what we spend on cloud bills"

// TestAdminsTeachOnTheirHome teaches the guide from the admins' Home tab,
// through the fake Slack: a question the guide did not answer is listed
// with a menu of sections; an admin's choice keeps a lesson, the guide
// learns it, the question is answered from the section chosen and the
// report above marks it taught; Undo forgets it again. Nobody else can
// teach.
func TestAdminsTeachOnTheirHome(t *testing.T) {
	h, st := startTeachingServer(t, map[string]string{"handbook.md": ownersGuide})
	if before := h.slash(t, teachQuestion); !strings.Contains(before, "couldn") {
		t.Fatalf("the guide answers the question before it is taught: %s", before)
	}
	waitForAsked(t, st, 1)

	home := h.openHome(t, "UADMIN", 1)
	blockID, option := teachMenu(t, home, "Budgets")

	// Someone who is not an admin cannot teach, even with the menu's
	// payload: nothing is kept, nothing is published.
	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, option, "U2"))
	if lessons, err := st.Lessons(t.Context()); err != nil || len(lessons) != 0 {
		t.Fatalf("a non-admin's choice kept %+v, %v", lessons, err)
	}
	if n := len(h.callsTo(t, "views.publish", 1)); n != 1 {
		t.Fatalf("a non-admin's choice published %d views", n-1)
	}
	// A menu the Home no longer holds, or a section the guide lacks,
	// teaches nothing and says so.
	h.sendAcked(t, h.fake.HomeSelect("teach/0-0123456789abcdef", blockkit.ActionTeach, option, "UADMIN"))
	gone := map[string]any{"text": option["text"], "value": "section:no-such-section"}
	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, gone, "UADMIN"))
	views := h.callsTo(t, "views.publish", 3)
	for i, want := range []string{"have changed since", "no longer in the guide: pick another"} {
		if text := blocksText(t, views[1+i].Args); !strings.Contains(text, want) {
			t.Errorf("the Home after a stale choice lacks %q: %s", want, text)
		}
	}
	if lessons, err := st.Lessons(t.Context()); err != nil || len(lessons) != 0 {
		t.Fatalf("a stale choice kept %+v, %v", lessons, err)
	}

	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, option, "UADMIN"))
	after := h.callsTo(t, "views.publish", 4)[3]
	if text := blocksText(t, after.Args); !strings.Contains(text, "Taught lately") || !strings.Contains(text, teachQuestion) {
		t.Errorf("the admin's Home after teaching lacks the lesson: %s", text)
	} else if !strings.Contains(text, teachQuestion+"” (a lesson since)") {
		t.Errorf("the admin's report does not mark the question taught: %s", text)
	}
	lessons, err := st.Lessons(t.Context())
	if err != nil || len(lessons) != 1 || lessons[0].Question != teachQuestion || lessons[0].Section != strings.TrimPrefix(option["value"].(string), "section:") {
		t.Fatalf("lessons = %+v, %v; want the admin's one", lessons, err)
	}
	h.waitForReply(t, teachQuestion, "Directors own the budget")

	// The admin changes their mind in the same menu, on the Home as it
	// was drawn: the latest choice is the lesson.
	_, hiring := teachMenu(t, home, "Hiring")
	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, hiring, "UADMIN"))
	if text := blocksText(t, h.callsTo(t, "views.publish", 5)[4].Args); strings.Contains(text, "have changed since") {
		t.Errorf("a second choice in the same menu taught nothing: %s", text)
	}
	lessons, err = st.Lessons(t.Context())
	if err != nil || len(lessons) != 1 || lessons[0].Section != strings.TrimPrefix(hiring["value"].(string), "section:") {
		t.Fatalf("after a second choice, lessons = %+v, %v; want the hiring one", lessons, err)
	}

	// Undo brings back the lesson the second choice replaced; Undo again
	// forgets it, and the guide answers as before.
	h.sendAcked(t, h.fake.HomeClick("undo", blockkit.ActionUnteach, "0", "UADMIN"))
	h.sendAcked(t, h.fake.HomeClick("undo", blockkit.ActionUnteach, jsonInt(lessons[0].ID), "UADMIN"))
	// The click's work follows its ack: its Home is awaited.
	h.callsTo(t, "views.publish", 6)
	first, err := st.Lessons(t.Context())
	if err != nil || len(first) != 1 || first[0].Section != "budgets" {
		t.Fatalf("after Undo, lessons = %+v, %v; want the first choice's", first, err)
	}
	h.waitForReply(t, teachQuestion, "Directors own the budget")
	h.sendAcked(t, h.fake.HomeClick("undo", blockkit.ActionUnteach, jsonInt(first[0].ID), "UADMIN"))
	h.callsTo(t, "views.publish", 7)
	if left, err := st.Lessons(t.Context()); err != nil || len(left) != 0 {
		t.Fatalf("after a second Undo, lessons = %+v, %v", left, err)
	}
	h.waitForReply(t, teachQuestion, "couldn")
}

// TestOneUndoForAGroup: a group of two wordings taught at once is one
// choice on the Home, with one Undo that undoes both lessons and says so.
func TestOneUndoForAGroup(t *testing.T) {
	h, st := startTeachingServer(t, map[string]string{"handbook.md": ownersGuide})
	h.askAll(t, st, teachQuestion, "cloud bills: who decides what we spend?")
	blockID, option := teachMenu(t, h.openHome(t, "UADMIN", 1), "Budgets")
	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, option, "UADMIN"))
	after, _ := h.callsTo(t, "views.publish", 2)[1].Args["view"].(map[string]any)
	var undo []string
	for _, b := range after["blocks"].([]any) {
		if acc, _ := b.(map[string]any)["accessory"].(map[string]any); acc["action_id"] == blockkit.ActionUnteach {
			undo = append(undo, acc["value"].(string))
		}
	}
	lessons, err := st.Lessons(t.Context())
	if err != nil || len(lessons) != 2 {
		t.Fatalf("lessons = %+v, %v; want the group's two", lessons, err)
	}
	if len(undo) != 1 || undo[0] != jsonInt(lessons[0].ID)+","+jsonInt(lessons[1].ID) {
		t.Fatalf("Undo buttons %q for lessons %+v; want one for both", undo, lessons)
	}
	h.sendAcked(t, h.fake.HomeClick("undo", blockkit.ActionUnteach, undo[0], "UADMIN"))
	if text := blocksText(t, h.callsTo(t, "views.publish", 3)[2].Args); !strings.Contains(text, "Undone: the 2 lessons of that choice") {
		t.Errorf("the Home after the Undo does not say what it undid: %s", text)
	}
	if left, err := st.Lessons(t.Context()); err != nil || len(left) != 0 {
		t.Errorf("after the group's Undo, lessons = %+v, %v; want none", left, err)
	}
}

// TestAdminsSeeTheHomeOnceTheGuideHasLearned: when the guide takes longer
// to learn a lesson than the Home waits, the admin's Home says it is
// still learning, as does a Home opened meanwhile, and once the lesson is
// in use one more Home is published that no longer says so; a Home drawn
// before never replaces a newer one.
func TestAdminsSeeTheHomeOnceTheGuideHasLearned(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "handbook.md"), []byte(ownersGuide), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	taught := Taught(st)
	// Each reload after the start learns only once the test lets it.
	var reloads atomic.Int32
	learn := make(chan struct{})
	slow := func(ctx context.Context) ([]content.Question, error) {
		if reloads.Add(1) > 1 {
			select {
			case <-learn:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		return taught(ctx)
	}
	guide, err := reload.Start(t.Context(), reload.Settings{Dir: dir, Taught: slow, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = guide.Close() })
	h := startOwnersServer(t, nil, func(c *Config) {
		c.Guide, c.Questions, c.Lessons = guide, st, st
		c.Admins = []string{"UADMIN", "UOTHER"}
	}, func(s *Server) { s.owners.stillLearningAfter = 50 * time.Millisecond })
	// learning says, of the Homes from the first to the nth, whom each
	// was published to and whether it says the guide is still learning.
	learning := func(first, n int) []string {
		t.Helper()
		var out []string
		for _, c := range h.callsTo(t, "views.publish", n)[first-1:] {
			out = append(out, fmt.Sprint(c.Args["user_id"], " ", blockkit.StillLearning(homeMessage(t, c.Args))))
		}
		return out
	}

	h.slash(t, teachQuestion)
	waitForAsked(t, st, 1)
	blockID, option := teachMenu(t, h.openHome(t, "UADMIN", 1), "Budgets")
	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, option, "UADMIN"))
	// The Home after teaching, and another admin's opened meanwhile, say
	// the guide is still learning; once it has learned, each admin is
	// shown one more Home that says it has.
	h.openHome(t, "UOTHER", 3)
	learn <- struct{}{}
	got := learning(2, 5)
	slices.Sort(got[2:])
	if want := []string{"UADMIN true", "UOTHER true", "UADMIN false", "UOTHER false"}; !slices.Equal(got, want) {
		t.Errorf("Homes after teaching (to whom, still learning): %v; want %v", got, want)
	}
	for _, c := range h.callsTo(t, "views.publish", 5)[3:] {
		if text := blocksText(t, c.Args); !strings.Contains(text, "Taught lately") {
			t.Errorf("a Home once the guide has learned lacks the lesson: %s", text)
		}
	}
	if got := h.slash(t, teachQuestion); !strings.Contains(got, "Directors own the budget") {
		t.Errorf("once the Home says the lesson is learned, the question is answered with %s", got)
	}

	// A Home opened once an Undo is learned is the last: none drawn
	// before it is published after it.
	lessons, err := st.Lessons(t.Context())
	if err != nil || len(lessons) != 1 {
		t.Fatalf("lessons = %+v, %v", lessons, err)
	}
	h.sendAcked(t, h.fake.HomeClick("undo", blockkit.ActionUnteach, jsonInt(lessons[0].ID), "UADMIN"))
	learn <- struct{}{}
	h.waitForReply(t, teachQuestion, "couldn")
	h.openHome(t, "UADMIN", 8)
	time.Sleep(200 * time.Millisecond) // time for a late Home to arrive
	if got, want := learning(6, 8), []string{"UADMIN true", "UADMIN false", "UADMIN false"}; !slices.Equal(got, want) || len(h.callsTo(t, "views.publish", 8)) != 8 {
		t.Errorf("Homes after Undo (to whom, still learning): %v (%d Homes); want %v", got, len(h.callsTo(t, "views.publish", 8))-5, want)
	}
}

// homeMessage reads the blocks of the view a views.publish call sent.
func homeMessage(t *testing.T, args map[string]any) blockkit.Message {
	t.Helper()
	view, _ := args["view"].(map[string]any)
	raw, err := json.Marshal(view["blocks"])
	if err != nil {
		t.Fatal(err)
	}
	m, err := blockkit.ParseMessage("", raw)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// startTeachingServer runs a server whose guide is a folder of files,
// learning the lessons its store keeps, with UADMIN its admin.
func startTeachingServer(t *testing.T, files map[string]string) (*harness, *store.Store) {
	t.Helper()
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	return startTeachingServerOf(t, files, st), st
}

// startTeachingServerOf is startTeachingServer on store st.
func startTeachingServerOf(t *testing.T, files map[string]string, st *store.Store) *harness {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	guide, err := reload.Start(t.Context(), reload.Settings{Dir: dir, Taught: Taught(st), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = guide.Close() })
	return startOwnersServer(t, nil, func(c *Config) {
		c.Guide, c.Questions, c.Lessons = guide, st, st
		c.Admins = []string{"UADMIN"}
	})
}

// openHome opens user's Home tab, the nth views.publish of the test, and
// returns the view published.
func (h *harness) openHome(t *testing.T, user string, n int) map[string]any {
	t.Helper()
	h.send(t, fakeslack.HomeOpened(fmt.Sprint("EvHome", user, n), user))
	view, _ := h.callsTo(t, "views.publish", n)[n-1].Args["view"].(map[string]any)
	if view == nil {
		t.Fatal("views.publish without a view")
	}
	return view
}

// sendAcked sends an envelope and waits for its ack and for the server to
// finish what it started.
func (h *harness) sendAcked(t *testing.T, e fakeslack.Envelope) {
	t.Helper()
	h.send(t, e)
	h.ackFor(t, e.ID())
	h.idle(t)
}

// teachMenu finds, in a published Home view, the first teaching menu and
// its option for the section titled title, as an admin would pick it.
func teachMenu(t *testing.T, view map[string]any, title string) (blockID string, option map[string]any) {
	t.Helper()
	blocks, _ := view["blocks"].([]any)
	for _, b := range blocks {
		block, _ := b.(map[string]any)
		menu, _ := block["accessory"].(map[string]any)
		if menu["action_id"] != blockkit.ActionTeach {
			continue
		}
		groups, _ := menu["option_groups"].([]any)
		for _, g := range groups {
			opts, _ := g.(map[string]any)["options"].([]any)
			for _, o := range opts {
				opt := o.(map[string]any)
				if text, _ := opt["text"].(map[string]any); text["text"] == title {
					return block["block_id"].(string), opt
				}
			}
		}
		t.Fatalf("the teaching menu has no option %q: %v", title, menu)
	}
	raw, _ := json.Marshal(view)
	t.Fatalf("the admin's Home has no teaching menu: %s", raw)
	return "", nil
}

// waitForReply asks question with /director until the reply holds want,
// as a reload swaps in the guide that learned a lesson.
func (h *harness) waitForReply(t *testing.T, question, want string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		got := h.slash(t, question)
		if strings.Contains(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%q is answered with %s; want %q", question, got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func jsonInt(n int64) string { raw, _ := json.Marshal(n); return string(raw) }

// TestReplicasFollowLessons: a replica learns a lesson taught on another,
// which shares its store, within FollowLessons' period.
func TestReplicasFollowLessons(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "handbook.md"), []byte(ownersGuide), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	other, err := reload.Start(t.Context(), reload.Settings{Dir: dir, Taught: Taught(st), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	go FollowLessons(t.Context(), other, 20*time.Millisecond, slog.New(slog.DiscardHandler))
	if err := st.Teach(t.Context(), "budgets", teachQuestion); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(wait)
	for {
		ix, done := other.Acquire()
		hits, err := ix.Search(t.Context(), teachQuestion, 1)
		done()
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) > 0 && hits[0].Section.ID == "budgets" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the other replica never learned the lesson: %v", hits)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestAdminsSeeALessonRejected: a lesson that makes the guide fail its
// questions.jsonl is not used; the admins get the DM that says why, and
// their Home warns that the lessons since are not in use until it is
// undone.
func TestAdminsSeeALessonRejected(t *testing.T) {
	h, st := startTeachingServer(t, map[string]string{"handbook.md": ownersGuide, reload.QuestionsFile: ownersQuestions})
	const weather = "what is the weather like in Paris"
	h.slash(t, weather)
	waitForAsked(t, st, 1)
	blockID, option := teachMenu(t, h.openHome(t, "UADMIN", 1), "Budgets")
	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, option, "UADMIN"))
	dm := h.callsTo(t, "chat.postMessage", 1)[0]
	if text := blocksText(t, dm.Args); dm.Args["channel"] != "UADMIN" || !strings.Contains(text, "rejected") || !strings.Contains(text, "weather") {
		t.Errorf("the admin's DM about the rejected lesson: %s", text)
	}
	if text := blocksText(t, h.callsTo(t, "views.publish", 2)[1].Args); !strings.Contains(text, "Saved, but not in use: the guide with it was rejected") {
		t.Errorf("the Home after the choice does not say the lesson is not in use: %s", text)
	}
	h.rejectedUntilUndone(t, st, weather, 3)
}

// rejectedUntilUndone checks that st's one lesson, for question, is not
// in use, and that the admin's Home, opened as the nth views.publish,
// warns of it, naming the question of questions.jsonl that failed, until
// it is undone.
func (h *harness) rejectedUntilUndone(t *testing.T, st *store.Store, question string, n int) {
	t.Helper()
	if got := h.slash(t, question); !strings.Contains(got, "couldn") {
		t.Errorf("the rejected lesson is in use: %s", got)
	}
	if text := blocksText(t, h.openHome(t, "UADMIN", n)); !strings.Contains(text, "not in use") || !strings.Contains(text, "Failing: questions.jsonl:") || !strings.Contains(text, question) {
		t.Errorf("the admin's Home does not warn of the rejected lesson, naming the question that failed: %s", text)
	}
	lessons, err := st.Lessons(t.Context())
	if err != nil || len(lessons) != 1 {
		t.Fatalf("lessons = %+v, %v", lessons, err)
	}
	h.sendAcked(t, h.fake.HomeClick("undo", blockkit.ActionUnteach, jsonInt(lessons[0].ID), "UADMIN"))
	if text := blocksText(t, h.callsTo(t, "views.publish", n+1)[n].Args); strings.Contains(text, "not in use") {
		t.Errorf("the Home still warns once the lesson is undone: %s", text)
	}
}

// TestAdminsSeeLessonsRejectedAtStart: a replica that starts with a
// lesson that makes the guide fail its questions.jsonl (taught where it
// was rejected, before a restart) serves without it, DMs the admins and
// warns on their Home, until it is undone.
func TestAdminsSeeLessonsRejectedAtStart(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	const weather = "what is the weather like in Paris"
	if err := st.Teach(t.Context(), "budgets", weather); err != nil {
		t.Fatal(err)
	}
	h := startTeachingServerOf(t, map[string]string{"handbook.md": ownersGuide, reload.QuestionsFile: ownersQuestions}, st)
	dm := h.callsTo(t, "chat.postMessage", 1)[0]
	if text := blocksText(t, dm.Args); dm.Args["channel"] != "UADMIN" || !strings.Contains(text, "at start-up") || !strings.Contains(text, "weather") {
		t.Errorf("the admin's DM about the lesson rejected at start-up: %s", text)
	}
	h.rejectedUntilUndone(t, st, weather, 1)
}

// TestAnUndoNotInUseSaysSo: while a lesson makes the guide fail its
// questions.jsonl, an Undo of another lesson is saved but the reload
// that would use it is rejected too: the Home says so, not that the
// question is answered as before it.
func TestAnUndoNotInUseSaysSo(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	for _, l := range []struct{ section, question string }{
		{"hiring", "who makes offers to candidates"},
		{"budgets", "what is the weather like in Paris"},
	} {
		if err := st.Teach(t.Context(), l.section, l.question); err != nil {
			t.Fatal(err)
		}
	}
	h := startTeachingServerOf(t, map[string]string{"handbook.md": ownersGuide, reload.QuestionsFile: ownersQuestions}, st)
	lessons, err := st.Lessons(t.Context())
	if err != nil || len(lessons) != 2 {
		t.Fatalf("lessons = %+v, %v", lessons, err)
	}
	hiring := slices.IndexFunc(lessons, func(l store.Lesson) bool { return l.Section == "hiring" })
	h.openHome(t, "UADMIN", 1)
	h.sendAcked(t, h.fake.HomeClick("undo", blockkit.ActionUnteach, jsonInt(lessons[hiring].ID), "UADMIN"))
	text := blocksText(t, h.callsTo(t, "views.publish", 2)[1].Args)
	if strings.Contains(text, "✅") || !strings.Contains(text, "Saved, but not in use: the guide with it was rejected") {
		t.Errorf("the Home after an Undo the guide does not hold says it is done, or not why:\n%s", text)
	}
}

// TestAdminsSeeTheGuideFailAtStart: a guide with no lessons that fails
// its questions.jsonl at start-up serves all the same, having no other,
// and the admins get a DM and a warning on their Home that name the
// question that failed.
func TestAdminsSeeTheGuideFailAtStart(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	failing := ownersQuestions + `{"question":"who owns the weather?","expect":["Hiring"]}` + "\n"
	h := startTeachingServerOf(t, map[string]string{"handbook.md": ownersGuide, reload.QuestionsFile: failing}, st)
	dm := h.callsTo(t, "chat.postMessage", 1)[0]
	if text := blocksText(t, dm.Args); dm.Args["channel"] != "UADMIN" || !strings.Contains(text, "it serves anyway, since there is no earlier guide") || !strings.Contains(text, "who owns the weather") {
		t.Errorf("the admin's DM about the guide failing at start-up: %s", text)
	}
	if text := blocksText(t, h.openHome(t, "UADMIN", 1)); !strings.Contains(text, "it serves anyway, since there is no earlier guide") || !strings.Contains(text, "Failing: questions.jsonl:") {
		t.Errorf("the admin's Home does not warn of the guide failing: %s", text)
	}
	if got := h.slash(t, "who owns the budget?"); !strings.Contains(got, "Directors own the budget") {
		t.Errorf("the guide failing its questions does not answer: %s", got)
	}
}

// TestAdminsPageThroughLessons: an admin with more lessons than the Home
// lists pages to the earlier ones, undoes one there (the lesson it
// replaced, if any, is back) and stays on that page.
func TestAdminsPageThroughLessons(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	for i := range 7 {
		if err := st.Teach(t.Context(), "budgets", fmt.Sprint("question ", i)); err != nil {
			t.Fatal(err)
		}
	}
	h := startTeachingServerOf(t, map[string]string{"handbook.md": ownersGuide}, st)
	if text := blocksText(t, h.openHome(t, "UADMIN", 1)); !strings.Contains(text, "1–5 of 7") || !strings.Contains(text, "question 6") || strings.Contains(text, "question 1") {
		t.Fatalf("the Home lists other lessons than the five latest: %s", text)
	}
	h.sendAcked(t, h.fake.HomeClick("lessons", blockkit.ActionLessons+":0", "5", "UADMIN"))
	earlier := h.callsTo(t, "views.publish", 2)[1].Args
	if text := blocksText(t, earlier); !strings.Contains(text, "6–7 of 7") || !strings.Contains(text, "question 1") || strings.Contains(text, "question 6") {
		t.Fatalf("the earlier lessons are not listed: %s", text)
	}
	lessons, err := st.Lessons(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	oldest := lessons[len(lessons)-1]
	h.sendAcked(t, h.fake.HomeClick(fmt.Sprint(blockkit.LessonBlock, 5, "/", oldest.ID), blockkit.ActionUnteach, jsonInt(oldest.ID), "UADMIN"))
	if text := blocksText(t, h.callsTo(t, "views.publish", 3)[2].Args); !strings.Contains(text, "Lesson 6 of 6") || strings.Contains(text, oldest.Question) {
		t.Errorf("after Undo on the earlier lessons, the Home lists: %s", text)
	}
	// Undo again, from a Home drawn before: nothing is undone, and the
	// Home says so.
	h.sendAcked(t, h.fake.HomeClick(fmt.Sprint(blockkit.LessonBlock, 5, "/", oldest.ID), blockkit.ActionUnteach, jsonInt(oldest.ID), "UADMIN"))
	if text := blocksText(t, h.callsTo(t, "views.publish", 4)[3].Args); !strings.Contains(text, "replaced or undone since") {
		t.Errorf("an Undo of a lesson no longer in use says nothing: %s", text)
	}
	if left, err := st.Lessons(t.Context()); err != nil || len(left) != 6 {
		t.Errorf("a second Undo left %d lessons, %v; want 6", len(left), err)
	}
	// Someone who is not an admin pages nothing.
	h.sendAcked(t, h.fake.HomeClick("lessons", blockkit.ActionLessons+":0", "5", "U2"))
	if n := len(h.callsTo(t, "views.publish", 4)); n != 4 {
		t.Errorf("a non-admin's click published %d views", n-4)
	}
}

// TestTaughtGroupsMakeRoomForTheNext: with more groups to teach than the
// Home shows, and than the report lists of a kind, each group an admin
// teaches from the Home makes room for the next, and the Home says how
// many are left, until every question is taught: only then is nothing
// left to teach.
func TestTaughtGroupsMakeRoomForTheNext(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	things := []string{"aquarium", "bicycle", "canteen", "daycare", "elevator", "fireplace", "gymnasium", "hammock", "igloo", "jukebox", "kayak", "lighthouse"}
	if len(things) <= homeRows {
		t.Fatalf("%d groups fit in the report's %d rows a kind: the test needs more", len(things), homeRows)
	}
	for _, thing := range things {
		if err := st.RecordQuestion(t.Context(), store.Asked{Question: "where is the " + thing, Surface: store.SurfaceSlash, Token: store.NewReplyToken()}); err != nil {
			t.Fatal(err)
		}
	}
	h := startTeachingServerOf(t, map[string]string{"handbook.md": ownersGuide}, st)
	view := h.openHome(t, "UADMIN", 1)
	if text := blocksText(t, view); !strings.Contains(text, fmt.Sprintf("5 of the %d groups left to teach", len(things))) {
		t.Errorf("the first Home does not say how many groups are left to teach: %s", text)
	}
	for n := range things {
		if text := blocksText(t, view); strings.Contains(text, "Nothing left to teach") {
			t.Fatalf("after %d lessons, with %d questions left, the Home says nothing is left to teach: %s", n, len(things)-n, text)
		}
		blockID, none := teachMenu(t, view, "Not for the guide to answer")
		h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, none, "UADMIN"))
		views := h.callsTo(t, "views.publish", n+2)
		view, _ = views[len(views)-1].Args["view"].(map[string]any)
	}
	lessons, err := st.Lessons(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var taught []string
	for _, l := range lessons {
		taught = append(taught, strings.TrimPrefix(l.Question, "where is the "))
	}
	slices.Sort(taught)
	if !slices.Equal(taught, things) {
		t.Errorf("taught %q; want every question", taught)
	}
	if text := blocksText(t, view); !strings.Contains(text, "Nothing left to teach") {
		t.Errorf("with every question taught, the Home offers more: %s", text)
	}
}

// TestAdminsFindSectionsAsTheyType: in a guide with more sections than a
// menu holds, the teaching menu asks the bot for its options (Slack's
// block_suggestion, answered in the ack): as it opens, the sections
// closest to the group's questions first; as the admin types, the
// sections whose titles match; a choice among them teaches. Anyone but
// an admin is offered none.
func TestAdminsFindSectionsAsTheyType(t *testing.T) {
	var big strings.Builder
	big.WriteString(ownersGuide)
	for i := range 120 {
		fmt.Fprintf(&big, "\n## Area %d\n\nNotes on area %d.\n", i, i)
	}
	h, st := startTeachingServer(t, map[string]string{"handbook.md": big.String()})
	// Refused as a topic the guide leaves to others, with Budgets the
	// closest section.
	h.slash(t, "how much do directors get paid for owning the budget")
	waitForAsked(t, st, 1)
	home := h.openHome(t, "UADMIN", 1)
	blocks, _ := home["blocks"].([]any)
	var blockID string
	for _, b := range blocks {
		block := b.(map[string]any)
		if menu, _ := block["accessory"].(map[string]any); menu["action_id"] == blockkit.ActionTeach {
			if menu["type"] != "external_select" {
				t.Fatalf("a guide of %d sections has a menu of type %v", 120+3, menu["type"])
			}
			blockID = block["block_id"].(string)
		}
	}
	suggested := func(query, user string) []map[string]any {
		t.Helper()
		e := h.fake.HomeSuggest(blockID, blockkit.ActionTeach, query, user)
		h.send(t, e)
		var payload struct {
			OptionGroups []struct {
				Label   map[string]any   `json:"label"`
				Options []map[string]any `json:"options"`
			} `json:"option_groups"`
		}
		if err := json.Unmarshal(h.ackFor(t, e.ID()).Payload, &payload); err != nil {
			t.Fatal(err)
		}
		var options []map[string]any
		for _, g := range payload.OptionGroups {
			options = append(options, g.Options...)
		}
		return options
	}
	texts := func(options []map[string]any) []string {
		var out []string
		for _, o := range options {
			out = append(out, o["text"].(map[string]any)["text"].(string))
		}
		return out
	}
	opening := texts(suggested("", "UADMIN"))
	if len(opening) != 100 || opening[0] != "Budgets" || !slices.Contains(opening, "Not for the guide to answer") {
		t.Errorf("as the menu opens, %d options starting %q; want 100, the closest (Budgets) first", len(opening), opening[:min(5, len(opening))])
	}
	areas := suggested("area 11", "UADMIN")
	if got := texts(areas); !slices.Equal(got, []string{"Area 11", "Area 110", "Area 111", "Area 112", "Area 113", "Area 114", "Area 115", "Area 116", "Area 117", "Area 118", "Area 119"}) {
		t.Errorf("typed \"area 11\": %q", got)
	}
	if got := suggested("", "U2"); len(got) != 0 {
		t.Errorf("a non-admin is offered %d options", len(got))
	}
	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, areas[0], "UADMIN"))
	h.callsTo(t, "views.publish", 2)
	lessons, err := st.Lessons(t.Context())
	if err != nil || len(lessons) != 1 || lessons[0].Section != strings.TrimPrefix(areas[0]["value"].(string), "section:") {
		t.Fatalf("lessons = %+v, %v; want the area chosen", lessons, err)
	}
}

// TestReplicasLiftTheWarningTogether: two replicas started with a lesson
// they both reject; once it is undone on one, the other, at its next look
// for lessons, serves on without a warning too.
func TestReplicasLiftTheWarningTogether(t *testing.T) {
	st := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bot.db"))
	const weather = "what is the weather like in Paris"
	if err := st.Teach(t.Context(), "budgets", weather); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"handbook.md": ownersGuide, reload.QuestionsFile: ownersQuestions}
	first, second := startTeachingServerOf(t, files, st), startTeachingServerOf(t, files, st)
	for _, h := range []*harness{first, second} {
		if text := blocksText(t, h.openHome(t, "UADMIN", 1)); !strings.Contains(text, "are not in use") {
			t.Fatalf("a replica does not warn of the lesson rejected at start-up: %s", text)
		}
	}
	lessons, err := st.Lessons(t.Context())
	if err != nil || len(lessons) != 1 {
		t.Fatalf("lessons = %+v, %v", lessons, err)
	}
	first.sendAcked(t, first.fake.HomeClick("undo", blockkit.ActionUnteach, jsonInt(lessons[0].ID), "UADMIN"))
	first.callsTo(t, "views.publish", 2)
	if _, err := second.server.owners.guide.Reload(t.Context(), reload.TriggerLessons); err != nil {
		t.Fatal(err)
	}
	if text := blocksText(t, second.openHome(t, "UADMIN", 2)); strings.Contains(text, "not in use") {
		t.Errorf("the other replica still warns once the lesson is undone: %s", text)
	}
}

// TestAChoiceFindsItsGroupAsDrawn: a question of a group taught before
// the Home was drawn, then taught again by another admin, leaves the
// group as the first admin saw it: their choice teaches its questions.
func TestAChoiceFindsItsGroupAsDrawn(t *testing.T) {
	h, st := startTeachingServer(t, map[string]string{"handbook.md": ownersGuide})
	const other = "who decides how we spend on cloud bills"
	h.askAll(t, st, teachQuestion, other)
	if err := st.Teach(t.Context(), "hiring", other); err != nil {
		t.Fatal(err)
	}
	blockID, option := teachMenu(t, h.openHome(t, "UADMIN", 1), "Budgets")
	if err := st.Teach(t.Context(), "", other); err != nil {
		t.Fatal(err)
	}
	h.sendAcked(t, h.fake.HomeSelect(blockID, blockkit.ActionTeach, option, "UADMIN"))
	if text := blocksText(t, h.callsTo(t, "views.publish", 2)[1].Args); strings.Contains(text, "have changed since") {
		t.Fatalf("a choice on a group as drawn taught nothing: %s", text)
	}
	taught := map[string]string{}
	lessons, err := st.Lessons(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lessons {
		taught[l.Question] = l.Section
	}
	if taught[teachQuestion] != "budgets" || taught[other] != "" || len(lessons) != 2 {
		t.Errorf("lessons = %+v; want the admin's choice for the question shown, the other admin's for the other", lessons)
	}
}

// askAll asks each question with /director, and waits until st keeps
// them all.
func (h *harness) askAll(t *testing.T, st *store.Store, questions ...string) {
	t.Helper()
	for _, q := range questions {
		h.slash(t, q)
	}
	waitForAsked(t, st, len(questions))
}

// TestTeachingReachesEveryKind: with more unanswered groups than the Home
// offers, its first offers still hold a 👎, an unsure and a refused group;
// an answer from another role's part, where the part asked about is
// missing, is for the guide's owners to write, and is not offered.
func TestTeachingReachesEveryKind(t *testing.T) {
	t.Parallel()
	group := func(q string) report.Group { return report.Group{Words: []string{q}, Asked: 1, Examples: []string{q}} }
	var r report.Report
	for i := range blockkit.TeachGroups + 1 {
		r.Unanswered = append(r.Unanswered, group(fmt.Sprintf("gap %d", i)))
	}
	r.NotHelpfulQuestions = []report.Group{group("voted down")}
	r.UnsureQuestions = []report.Group{group("unsure")}
	r.ElsewhereQuestions = []report.Group{group("elsewhere")}
	r.RefusedQuestions = []report.Group{group("refused")}
	var offered []string
	for _, g := range groups(r, 0)[:blockkit.TeachGroups] {
		offered = append(offered, g.Questions[0])
	}
	if slices.Contains(offered, "elsewhere") {
		t.Errorf("the Home offers %q to teach: an answer from another role's part is to be written", offered)
	}
	for _, want := range []string{"gap 0", "gap 1", "voted down", "unsure", "refused"} {
		if !slices.Contains(offered, want) {
			t.Errorf("the Home offers %q; want %q among them", offered, want)
		}
	}
}
