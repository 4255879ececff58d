package blockkit

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// transition sends every message of the move to the next role: the
// welcomes, the assessment and the plan with nothing, every other and
// everything ticked, and the replies around them.
func (s *sender) transition() {
	s.t.Helper()
	kept := Keeping{Questions: true, Retention: 90 * 24 * time.Hour, Conversation: 30 * time.Minute}
	for name, msg := range map[string]Message{
		"welcome": App{}.Welcome(s.g, kept), "welcome in a thread": App{}.WelcomeThread(s.g, kept), "no plan": NoPlan(), "sent privately": SentPrivately(false), "forgot privately": SentPrivately(true),
		"not sent privately": App{}.NotSentPrivately(false), "not forgot privately": App{}.NotSentPrivately(true),
		"forgot": Forgot(Deleted{Plan: true, Welcome: true}, kept), "forgot all": Forgot(Deleted{Plan: true, Welcome: true, Waiting: true, Conversation: true}, kept), "forgot nothing": Forgot(Deleted{}, Keeping{}), "unavailable": Unavailable(),
		"about, questions kept": App{}.renderAboutBot(s.g, kept), "about, nothing kept": App{}.renderAboutBot(s.g, Keeping{}),
	} {
		s.send(name, msg, true)
	}
	if nudge, ok := PlanNudge(s.g); ok {
		s.send("nudge", nudge, true)
	}
	p := s.g.Path()
	if p == nil {
		return
	}
	var all, every []string
	for i, in := range p.Items {
		all = append(all, in.Text.Plain())
		if i%2 == 0 {
			every = append(every, in.Text.Plain())
		}
	}
	for name, have := range map[string][]string{"nothing": nil, "every other": every, "everything": all} {
		form, ok := App{}.Assessment(s.g, have)
		if !ok {
			s.t.Fatal("no assessment for a guide with a path")
		}
		s.send("assessment, "+name+" ticked", form, true)
		plan := planOf(s.t, s.ix, have, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
		s.send("plan, "+name+" ticked", plan, true)
	}
}

// planOf renders the plan of ticks have on the path of ix's guide, each
// gap paired with its closers as the bot pairs them (index.Index.Closers).
func planOf(t testing.TB, ix *index.Index, have []string, updated time.Time) Message {
	t.Helper()
	closing, err := ix.Closers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return App{}.Plan(ix.Guide().Path(), closing, have, updated)
}

func embeddedPlan(t *testing.T, have ...string) Message {
	t.Helper()
	return planOf(t, guidetest.Embedded(t), have, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
}

// TestEmbeddedGuidePlan builds the plan of someone who shows three of the
// embedded guide's seven indicators: the four gaps, each with the action
// that closes it, the timeline and the pitfalls.
func TestEmbeddedGuidePlan(t *testing.T) {
	t.Parallel()
	msg := embeddedPlan(t, "Strong relationships with C-level executives", "External visibility and thought leadership", "Business acumen beyond engineering metrics")
	checkMessage(t, "plan", msg)
	golden(t, "plan", msg)
	text := Readable(msg)
	for _, want := range []string{
		"Your transition plan",
		"you show 3 of 7",
		"✅ What you have\n• Strong relationships with C-level executives\n• External visibility and thought leadership\n• Business acumen beyond engineering metrics",
		"🎯 Your gaps (4), and what closes them",
		"⬜ Ability to set and execute multi-year technical strategy\n→ 1. Think Like an Executive\n• Understand the full P&L",
		"⬜ Track record of building and developing Directors\n→ 6. Demonstrate Scalable Leadership\n• Build a strong Director bench",
		"⬜ Experience navigating organizational change at scale\n→ 3. Own Organizational Design",
		// Pinned in the guide's frontmatter: the search shares no word.
		"⬜ Composure and judgment during crises\n→ 5. Handle Ambiguity and Crisis\n• Lead through major incidents",
		"⏱ Timeline\nTypically 4-7 years as a Director/Senior Director.",
		"⚠️ Common Pitfalls to Avoid\n• Staying too focused on engineering vs. business outcomes",
		"[Update my answers] [Key Actions to Make the Transition]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("plan lacks %q:\n%s", want, text)
		}
	}
	for _, gone := range []string{"⬜ Strong relationships", "⬜ External visibility", "⬜ Business acumen"} {
		if strings.Contains(text, gone) {
			t.Errorf("a tick shows as a gap: %q", gone)
		}
	}
	if all := Readable(embeddedPlan(t, allIndicators(t)...)); !strings.Contains(all, "you show 7 of 7") || !strings.Contains(all, "None: you show every indicator") || strings.Contains(all, "⬜") {
		t.Errorf("everything ticked:\n%s", all)
	}
}

func allIndicators(t *testing.T) []string {
	var out []string
	for _, in := range guidetest.Embedded(t).Guide().Path().Items {
		out = append(out, in.Text.Plain())
	}
	return out
}

func TestSecondGuideAssessmentAndPlan(t *testing.T) {
	t.Parallel()
	ix := guidetest.Page(t, guidetest.StaffGuide)
	g := ix.Guide()
	form, ok := App{}.Assessment(g, []string{"Mentor senior engineers into technical leads", "Are sought out for advice across the organization"})
	if !ok {
		t.Fatal("no assessment")
	}
	checkMessage(t, "assessment", form)
	// Twelve indicators: two groups of checkboxes, 10 and 2.
	boxes := fakeslack.CheckboxesIn(decode(t, form)["blocks"])
	if len(boxes) != 12 || !strings.HasPrefix(boxes[9].BlockID, "plan_ticks:0:") || !strings.HasPrefix(boxes[10].BlockID, "plan_ticks:1:") || !boxes[2].Initial || !boxes[11].Initial || boxes[0].Initial {
		t.Fatalf("checkboxes = %+v", boxes)
	}
	// Redrawn with other ticks, a group has a new block_id, so that no
	// client keeps the ticks it showed; with the same ticks, the same.
	again, _ := App{}.Assessment(g, []string{"Mentor senior engineers into technical leads", "Are sought out for advice across the organization"})
	other, _ := App{}.Assessment(g, []string{"Are sought out for advice across the organization"})
	againBoxes, otherBoxes := fakeslack.CheckboxesIn(decode(t, again)["blocks"]), fakeslack.CheckboxesIn(decode(t, other)["blocks"])
	if againBoxes[0].BlockID != boxes[0].BlockID || otherBoxes[0].BlockID == boxes[0].BlockID || otherBoxes[10].BlockID != boxes[10].BlockID {
		t.Errorf("block_ids %s %s, again %s %s, other ticks %s %s: want a new one only for the group whose ticks changed",
			boxes[0].BlockID, boxes[10].BlockID, againBoxes[0].BlockID, againBoxes[10].BlockID, otherBoxes[0].BlockID, otherBoxes[10].BlockID)
	}
	if text := Readable(form); !strings.Contains(text, "Signals You Operate at Staff Level\n===") || !strings.Contains(text, "You operate at Staff level when you:") ||
		!strings.Contains(text, "[ ] Lead technical direction across several teams") || !strings.Contains(text, "[x] Are sought out for advice") || !strings.Contains(text, "[Build my plan]") {
		t.Errorf("assessment:\n%s", text)
	}
	// A submitted form: the state of both groups is read; a group the
	// state lacks keeps what was kept.
	state := &slack.BlockActionStates{Values: map[string]map[string]slack.BlockAction{
		"plan_ticks:0": {"plan_tick:0": {SelectedOptions: []slack.OptionBlockObject{{Value: boxes[0].Value}, {Value: boxes[1].Value}}}},
	}}
	have := Ticked(g, state, []string{"Are sought out for advice across the organization", "Lead technical direction across several teams"})
	if !slices.Equal(have, []string{"Lead technical direction across several teams", "Writes design documents other teams adopt", "Are sought out for advice across the organization"}) {
		t.Errorf("ticked = %q", have)
	}
	msg := planOf(t, ix, have, time.Time{})
	checkMessage(t, "plan", msg)
	text := Readable(msg)
	for _, want := range []string{
		"From Signals You Operate at Staff Level: you show 3 of 12.",
		"🎯 Your gaps (9), and what closes them",
		"⬜ Mentor senior engineers into technical leads\n→ Grow Others\n• Mentor senior engineers",
		"⏱ How Long It Takes\nUsually 2-4 years as a senior engineer.",
		"⚠️ Traps\n• Staying the team's best coder",
		"[Update my answers] [Ways to Grow]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("plan lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Director") || strings.Contains(text, "VP") {
		t.Errorf("the plan of another guide speaks of the embedded one:\n%s", text)
	}
	// No prompts in its frontmatter: the plan, then its main topics.
	prompts := Prompts(g)
	if len(prompts) != 4 || prompts[0] != PlanPrompt || prompts[1].Title != "Ways to Grow" || prompts[3].Title != "Traps" {
		t.Errorf("prompts = %+v", prompts)
	}
	checkMessage(t, "welcome", App{}.Welcome(g, Keeping{}))
}

// TestOwnPromptsStay gives a guide with a path prompts of its own: four
// stay as they are, three make room for the plan's, first.
func TestOwnPromptsStay(t *testing.T) {
	t.Parallel()
	page := func(prompts ...string) string {
		return "---\nprompts: [" + strings.Join(prompts, ", ") + "]\n---\n# Staff\n\n## Signs You Are Ready for Staff\n\n- leads design\n- mentors\n\n## Ways to Grow\n\nWrite more.\n"
	}
	var got []string
	for _, p := range Prompts(guidetest.Guide(t, page("One", "Two", "Three", "Four"))) {
		got = append(got, p.Title)
	}
	if !slices.Equal(got, []string{"One", "Two", "Three", "Four"}) {
		t.Errorf("four prompts of its own became %q", got)
	}
	got = nil
	for _, p := range Prompts(guidetest.Guide(t, page("One", "Two", "Three"))) {
		got = append(got, p.Title)
	}
	if !slices.Equal(got, []string{PlanPrompt.Title, "One", "Two", "Three"}) {
		t.Errorf("three prompts of its own became %q", got)
	}
}

// TestChecklistGuidePromisesItsGaps: a guide of a readiness checklist
// alone, with no actions, timeline or pitfalls, is promised its gaps, in
// the welcome, the help and the self-assessment, not what it lacks; the
// embedded guide, all four.
func TestChecklistGuidePromisesItsGaps(t *testing.T) {
	t.Parallel()
	checklist := guidetest.Guide(t, "# EM\n\n## Readiness Checklist\n\n- Leads a team of five\n- Hires without help\n")
	embedded := guidetest.Embedded(t).Guide()
	for _, tc := range []struct {
		name string
		g    *content.Guide
		want string
	}{
		{"checklist", checklist, "your gaps"},
		{"embedded", embedded, "your gaps, what closes each of them, the timeline and the pitfalls"},
	} {
		form, ok := App{}.Assessment(tc.g, nil)
		if !ok {
			t.Fatalf("%s: no assessment", tc.name)
		}
		for part, msg := range map[string]Message{"welcome": App{}.welcome(tc.g, Keeping{}), "help": App{}.renderHelp(tc.g), "assessment": form} {
			text := Readable(msg)
			if !strings.Contains(text, tc.want) || tc.name == "checklist" && (strings.Contains(text, "timeline") || strings.Contains(text, "what closes") || strings.Contains(text, "pitfalls")) {
				t.Errorf("%s %s promises otherwise than %q:\n%s", tc.name, part, tc.want, text)
			}
		}
	}
}

func TestGuideWithoutIndicatorsOffersNoPlan(t *testing.T) {
	t.Parallel()
	ix := guidetest.Page(t, "# EM\n\n## Duties\n\n- hire\n- coach\n\n## Growth\n\nText.\n")
	if _, ok := (App{}).Assessment(ix.Guide(), nil); ok {
		t.Error("an assessment without indicators")
	}
	if _, ok := PlanNudge(ix.Guide()); ok {
		t.Error("a nudge to a plan that cannot be built")
	}
	for _, p := range Prompts(ix.Guide()) {
		if PlanIntent(p.Message) != PlanNone {
			t.Errorf("prompt %+v asks for a plan", p)
		}
	}
	if w := Readable(App{}.Welcome(ix.Guide(), Keeping{})); strings.Contains(w, "where you stand") || !strings.Contains(w, "[Duties] [Growth]") {
		t.Errorf("welcome:\n%s", w)
	}
}

func TestEmbeddedWelcome(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	msg := App{}.Welcome(g, Keeping{})
	checkMessage(t, "welcome", msg)
	text := Readable(msg)
	if !strings.Contains(text, "[Am I ready for VP?] [Director vs VP in one table] [What does a VP's week look like?] [Build my transition plan]") ||
		!strings.Contains(text, "tick what you already show of the Career Progression Indicators, and") {
		t.Errorf("welcome:\n%s", text)
	}
	var values []string
	for _, b := range msg.Blocks {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				btn := e.(*slack.ButtonBlockElement)
				if ActionOf(btn.ActionID) != ActionPrompt {
					t.Errorf("button %s", btn.ActionID)
				}
				values = append(values, btn.Value)
			}
		}
	}
	if len(values) != 4 || values[2] != "How does a VP spend their time each week?" || PlanIntent(values[3]) != PlanBuild {
		t.Errorf("prompt values = %q", values)
	}
	if thread := Readable(App{}.WelcomeThread(g, Keeping{})); strings.Contains(thread, "[") {
		t.Errorf("a thread's welcome has buttons; Slack shows its prompts:\n%s", thread)
	}
}

func TestPlanIntent(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]PlanKind{
		"plan": PlanShow, "Plan": PlanShow, "my plan": PlanShow, "show my plan": PlanShow, "Show me my transition plan!": PlanShow,
		"plan please": PlanShow, "my plan pls": PlanShow, "please show my plan": PlanShow,
		"what is my plan?": PlanShow, "what's my plan": PlanShow, "where's my transition plan?": PlanShow,
		"can you show me my transition plan": PlanShow, "can I see my plan?": PlanShow, "show me the plan": PlanShow,
		"what's the plan for the offsite?": PlanNone, "what is a plan": PlanNone, "can you plan my week": PlanNone,
		"what’s my plan?": PlanShow, "can I plan?": PlanNone, "could you plan": PlanNone,
		"Build my transition plan": PlanBuild, "build my plan": PlanBuild, "plan again": PlanBuild, "new plan": PlanBuild,
		"Make me a plan please": PlanBuild, "update my plan": PlanBuild,
		"How do I plan my transition?": PlanNone, "what should a VP plan for": PlanNone, "succession planning": PlanNone,
		"build a plan for hiring across twelve teams next year": PlanNone, "": PlanNone, "skills": PlanNone,
		"which of my gaps should I work on first?": PlanShow, "what are my biggest gaps": PlanShow,
		"how do I close my gap on strategy?": PlanShow, "which of my gaps should I start with?": PlanShow, "what is my first gap?": PlanShow, "my next gap": PlanShow,
		"show me my gaps again": PlanShow, "what is my biggest gap as a new director?": PlanShow, "mind the gap": PlanNone,
		"how long should my transition plan be?": PlanNone, "what should my transition plan include?": PlanNone,
		"what gaps do new directors have?": PlanNone, "how do I plan my quarter?": PlanNone,
		"what should I work on next?": PlanShow, "Where do I stand?": PlanShow, "what should I focus on to get promoted?": PlanShow,
		"ok so what should I work on next then": PlanShow, "what should I focus on first?": PlanNone, "what do I focus on first": PlanNone, "what are my next steps?": PlanShow, "which skills should I work on next?": PlanShow,
		"what should a director work on first?": PlanNone, "what should I focus on as a new director?": PlanNone,
		"where does a director stand in the org?": PlanNone, "what should I work on next quarter?": PlanNone,
		"what should I focus on in my first 90 days as a director?": PlanNone, "what are the next steps after a promotion?": PlanNone,
	} {
		if got := PlanIntent(text); got != want {
			t.Errorf("PlanIntent(%q) = %v, want %v", text, got, want)
		}
	}
	for text, want := range map[string]bool{"forget me": true, "Forget me!": true, "please delete my data": true, "forget": true,
		"forget about me": true, "what do VPs forget": false, "forget me not, the flower": false} {
		if got := IsForget(text); got != want {
			t.Errorf("IsForget(%q) = %v", text, got)
		}
	}
}

// hostilePath is a guide whose path breaks every limit it can: 150
// indicators, long and with markup, long actions, timeline and pitfalls.
func hostilePath() string {
	const hostile = "<!channel> <@U123> & <script>"
	var b strings.Builder
	b.WriteString("# Hostile " + hostile + "\n\n## Readiness Indicators " + hostile + "\n\n" + strings.Repeat("Lead-in words. ", 300) + "\n\n")
	for i := range 150 {
		fmt.Fprintf(&b, "- Indicator %d %s %s\n", i, hostile, strings.Repeat("strategy budget people ", 8))
	}
	b.WriteString("\n## Key Actions\n\n")
	for i := range 60 {
		fmt.Fprintf(&b, "### Action %d %s\n\n", i, hostile)
		for range 12 {
			fmt.Fprintf(&b, "- %s %s\n", hostile, strings.Repeat("strategy budget people words ", 10))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Timeline\n\n" + strings.Repeat("Years and years. ", 400) + "\n\n## Pitfalls\n\n")
	for range 200 {
		b.WriteString("- " + hostile + strings.Repeat(" pitfall", 20) + "\n")
	}
	return b.String()
}

func TestEveryTransitionMessageOfAHostileGuideFitsSlack(t *testing.T) {
	t.Parallel()
	ix := guidetest.Page(t, hostilePath())
	s := &sender{t: t, g: ix.Guide(), ix: ix, escaped: true}
	s.transition()
	form, _ := App{}.Assessment(s.g, nil)
	if n := len(fakeslack.CheckboxesIn(decode(t, form)["blocks"])); n == 0 || n >= 150 || !strings.Contains(Readable(form), "more indicators do not fit") {
		t.Errorf("an assessment of 150 long indicators shows %d and says nothing of the rest", n)
	}
	plan := planOf(t, ix, nil, time.Time{})
	if !strings.Contains(Readable(plan), "more gaps:") {
		t.Errorf("a plan of 150 gaps should name those it cannot detail")
	}
}

// TestTickedIgnoresStrangers reads a state with values the guide does not
// know (an old message, another guide): they tick nothing.
func TestTickedIgnoresStrangers(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	var state slack.BlockActionStates
	if err := json.Unmarshal([]byte(`{"values":{"plan_ticks:0":{"plan_tick:0":{"type":"checkboxes","selected_options":[{"value":"0123456789abcdef"},{"value":"`+content.IndicatorKey("Composure and judgment during crises")+`"}]}},"other":{"x":{"type":"button"}}}}`), &state); err != nil {
		t.Fatal(err)
	}
	if got := Ticked(g, &state, []string{"Strong relationships with C-level executives"}); !slices.Equal(got, []string{"Composure and judgment during crises"}) {
		t.Errorf("ticked = %q", got)
	}
	if got := Ticked(g, nil, []string{"strong relationships with c-level executives"}); !slices.Equal(got, []string{"Strong relationships with C-level executives"}) {
		t.Errorf("without a state, the kept ticks: %q", got)
	}
}

// TestOptionText keeps an indicator's markup when it fits a checkbox and
// drops it when the text must be cut: a cut link or bold span would show
// as raw markup.
func TestOptionText(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("seniors ", 8)
	tests := []struct {
		name string
		in   content.Inline
		want string
	}{
		{"fits", content.Inline{{Text: "Leads "}, {Text: "incidents", Bold: true}}, "Leads *incidents*"},
		{"link cut", content.Inline{{Text: "Mentors " + long}, {Text: "the staff expectations", URL: "https://w.io/m"}}, "Mentors seniors seniors seniors seniors seniors seniors seniors seniors…"},
		{"bold cut", content.Inline{{Text: "Leads incident reviews and " + long, Bold: true}}, "Leads incident reviews and seniors seniors seniors seniors seniors…"},
	}
	for _, tt := range tests {
		got := optionText(tt.in)
		if got != tt.want {
			t.Errorf("%s: optionText = %q, want %q", tt.name, got, tt.want)
		}
		if runeLen(got) > maxOptionText {
			t.Errorf("%s: %d characters, Slack takes %d", tt.name, runeLen(got), maxOptionText)
		}
	}
}

// TestHelpAndHomeSpeakOfTheirGuide renders help and the Home tab for a
// guide of its own, with no about and no prompts: they name its page and
// offer its topics, not the Director and VP of the embedded guide.
func TestHelpAndHomeSpeakOfTheirGuide(t *testing.T) {
	t.Parallel()
	g := guidetest.Page(t, guidetest.StaffGuide).Guide()
	help := Readable(App{}.renderHelp(g))
	for _, want := range []string{"I answer questions from our guide: Senior to Staff Engineer.", "/director Signals You Operate at Staff Level"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
	home, err := json.Marshal(App{}.Home(g))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"help": help, "home": string(home)} {
		if strings.Contains(text, "VP") || strings.Contains(text, "Director role") {
			t.Errorf("%s speaks of the embedded guide:\n%s", name, text)
		}
	}
}

// TestHelpAndHomeOfAGuideOfManyPages renders help and the Home tab for a
// guide of 120 pages with long titles and no about: Slack takes both, and
// help names its first pages.
func TestHelpAndHomeOfAGuideOfManyPages(t *testing.T) {
	t.Parallel()
	var sources []string
	for i := range 120 {
		sources = append(sources, fmt.Sprintf("# Page %d %s\n\n## Topic %d\n\ntext\n", i, strings.Repeat("long title ", 12), i))
	}
	g := guideOfPages(t, sources...)
	help := App{}.renderHelp(g)
	checkMessage(t, "help", help)
	checkView(t, "home", App{}.Home(g))
	if text := Readable(help); !strings.Contains(text, "I answer questions from our guide: Page 0 ") || !strings.Contains(text, ", 117 more pages.") {
		t.Errorf("help's opening:\n%s", text)
	}
}

// TestTopicsOfTwoPagesReadApart: two pages that each have a "Key Skill
// Sets" list both on the Home and in help, and as buttons, each followed
// by its page's title; a title of one page alone is listed as it is.
func TestTopicsOfTwoPagesReadApart(t *testing.T) {
	t.Parallel()
	g := guideOfPages(t, "# Director\n\n## Key Skill Sets\n\nCoaching.\n\n## Timeline\n\nYears.\n", "# VP of Engineering\n\n## Key Skill Sets\n\nStrategy.\n")
	want := []string{"Key Skill Sets (Director)", "Timeline", "Key Skill Sets (VP of Engineering)"}
	if got := topicNames(mainTopics(g)); !slices.Equal(got, want) {
		t.Errorf("topicNames = %q; want %q", got, want)
	}
	// A long title is cut to leave its page's title on a button.
	long := strings.Repeat("Very Long Skills ", 6)
	for _, name := range topicNames(mainTopics(guideOfPages(t, "# Director\n\n## "+long+"\n\nA.\n", "# VP\n\n## "+long+"\n\nB.\n"))) {
		if runeLen(name) > maxButtonText || !strings.HasSuffix(name, ")") {
			t.Errorf("a long shared title names its button %q (%d characters)", name, runeLen(name))
		}
	}
	home, err := json.Marshal(App{}.Home(g))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"help": Readable(App{}.renderHelp(g)), "home": string(home)} {
		for _, w := range []string{want[0], want[2]} {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", name, w, text)
			}
		}
	}
}

// guideOfPages is a guide of the pages' markdown, in their order.
func guideOfPages(t *testing.T, sources ...string) *content.Guide {
	t.Helper()
	var pages []*content.Page
	for i, src := range sources {
		p, err := content.ParsePage(fmt.Sprintf("p%d.md", i), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	g, err := content.New(pages)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestOnPath tells the path's sections, and the one above them, from the
// rest of the guide and from its page's top.
func TestOnPath(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	for id, want := range map[string]bool{
		"transition-to-vp/timeline":     true,
		"transition-to-vp":              true,
		"career-progression-indicators": true,
		"key-skill-sets":                false,
		g.Pages[0].Root.ID:              false,
	} {
		if got := OnPath(g, id); got != want {
			t.Errorf("OnPath(%q) = %v, want %v", id, got, want)
		}
	}
	// A page of the path alone: its top is the path's too.
	path := guideOfPages(t, "# Director\n\n## Duties\n\nLead.\n", "# Becoming a VP\n\n## Career Progression Indicators\n\n- Leads leaders\n- Owns a budget\n\n## Key Actions\n\n1. Own a P&L\n\n## Timeline\n\nFour years.\n\n## Common Pitfalls\n\n- Staying hands-on\n")
	if path.Path() == nil {
		t.Fatal("the second guide has no path")
	}
	if top := path.Pages[1].Root; !OnPath(path, top.ID) {
		t.Errorf("the top of a page of the path alone is not on it")
	}
}

// TestWelcomeSaysWhoReadsTheQuestions: a DM's welcome says that only the
// asker sees the answers and, when the questions are kept, that the
// guide's owners read them; it promises no "one to one".
func TestWelcomeSaysWhoReadsTheQuestions(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	for _, k := range []Keeping{{}, {Questions: true, Retention: 90 * 24 * time.Hour}} {
		for name, msg := range map[string]Message{"welcome": App{}.Welcome(g, k), "in a thread": App{}.WelcomeThread(g, k)} {
			text := Readable(msg)
			if !strings.Contains(text, "only you see my answers") || strings.Contains(text, "one to one") {
				t.Errorf("%s, questions kept %v: %q, want only the answers private", name, k.Questions, text)
			}
			if owners := strings.Contains(text, "owners read the questions"); owners != k.Questions {
				t.Errorf("%s, questions kept %v: says the owners read them: %v", name, k.Questions, owners)
			}
		}
	}
}

// TestForgotSaysWhatItDid: forget me offers a new plan only to someone
// whose plan it deleted, and says what it still keeps in sentences of
// their own.
func TestForgotSaysWhatItDid(t *testing.T) {
	t.Parallel()
	kept := Keeping{Questions: true, Retention: 90 * 24 * time.Hour, Conversation: 30 * time.Minute}
	for _, tc := range []struct {
		name     string
		d        Deleted
		k        Keeping
		want     []string
		wantNone []string
	}{
		{"a plan", Deleted{Plan: true}, kept, []string{"your self-assessment", "What I still have: nothing that names you. People's questions are kept", "Ask for a new plan any time."}, nil},
		{"nothing", Deleted{}, Keeping{}, []string{"I kept nothing about you", "What I still have: nothing of yours."}, []string{"new plan"}},
		{"a conversation", Deleted{Conversation: true}, kept, []string{"the last question you asked"}, []string{"new plan", "you: people"}},
	} {
		text := Readable(Forgot(tc.d, tc.k))
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: lacks %q:\n%s", tc.name, w, text)
			}
		}
		for _, w := range tc.wantNone {
			if strings.Contains(text, w) {
				t.Errorf("%s: says %q:\n%s", tc.name, w, text)
			}
		}
	}
}
