package blockkit

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/content"
)

// fullTeaching is more to teach than the Home shows, with what Slack
// refuses unescaped or too long: mentions, long questions and words, a
// section the guide lacks.
func fullTeaching(g *content.Guide) Teaching {
	long := strings.Repeat("why <!channel> & <@U123> ", 40)
	ids := []string{"no-such-section"}
	for _, s := range g.Sections()[:4] {
		ids = append(ids, s.ID)
	}
	var t Teaching
	for i := range 8 {
		t.Groups = append(t.Groups, Teachable{
			Key: fmt.Sprintf("k%d", i), Words: []string{"offsite", long}, Asked: 9 - i,
			Questions: []string{"how do I run an offsite " + long, "offsites?", "director offsite"}, Closest: ids,
		})
		t.Lessons = append(t.Lessons, Lesson{IDs: []int64{int64(i + 1)}, Questions: []string{long}, Section: ids[i%len(ids)]})
	}
	t.Lessons[1].Section = ""
	t.Notice, t.Warning, t.Learning = "The questions changed <!channel>", "The last reload was rejected: "+long, true
	return t
}

// TestTeachingFitsSlack renders the teaching on the admins' Home of a
// guide with more sections than a menu takes, and of the embedded guide:
// Slack takes it, and each menu holds the closest sections first, "none",
// then as many others as fit.
func TestTeachingFitsSlack(t *testing.T) {
	embedded, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string]*content.Guide{"embedded": embedded, "big": bigGuide(t)} {
		view := App{}.AdminHome(g, fullReport(), fullTeaching(g))
		checkView(t, name, view)
		if n := len(view.Blocks.BlockSet); n > maxHomeBlocks {
			t.Errorf("%s: %d blocks; Slack takes %d", name, n, maxHomeBlocks)
		}
		raw, _ := json.Marshal(view)
		if strings.Contains(string(raw), "<!channel>") {
			t.Errorf("%s: a question's mention reaches Slack unescaped", name)
		}
		home := Message{Text: "home", Blocks: view.Blocks.BlockSet}
		if !StillLearning(home) || StillLearning(Message{Blocks: App{}.AdminHome(g, fullReport(), Teaching{}).Blocks.BlockSet}) {
			t.Errorf("%s: StillLearning does not tell a Home that says the guide is still learning", name)
		}
		text := Readable(home)
		for _, want := range []string{"Teach the guide", "⚠️ The questions changed", "⏳ The guide is still learning the latest lesson, which is saved", "⚠️ The last reload was rejected", "9× ", "offsites?", "5 of the 8 groups left to teach", "Lessons taught", "Earlier ›", "not for the guide", "no longer in the guide"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the Home lacks %q", name, want)
			}
		}
		if strings.Contains(text, "directorbot report --examples") {
			t.Errorf("%s: a Home that teaches still says to teach from the command line", name)
		}
		if got := strings.Count(string(raw), `"action_id":"teach"`); got != TeachGroups {
			t.Errorf("%s: %d menus, want %d", name, got, TeachGroups)
		}
		menu := menus(t, view)[0]
		if name == "big" {
			// More sections than a menu takes: the bot suggests them.
			if menu.kind != "external_select" || menu.minQuery == nil || *menu.minQuery != 0 || len(menu.values) != 0 {
				t.Errorf("%s: menu %+v; want an external_select that asks for options as it opens", name, menu)
			}
			continue
		}
		// The first closest is a section the guide lacks: the next three
		// are shown.
		if want := len(g.Sections()) + 1; menu.kind != "static_select" || len(menu.values) != want || menu.values[0] != sectionValue+g.Sections()[0].ID || menu.values[3] != noneValue {
			t.Errorf("%s: %s of %d options starting %q; want %d static ones, the 3 closest the guide has, then none", name, menu.kind, len(menu.values), menu.values, want)
		}
	}
}

// TestTeachSuggestionsFitAnAck: a guide whose many sections have long
// titles, in parts with long titles, has more options to suggest than an
// ack holds; the menu offers as many as fit, the closest first.
func TestTeachSuggestionsFitAnAck(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("# Handbook\n\n")
	for i := range 20 {
		fmt.Fprintf(&b, "## How the platform organization plans and reviews each quarter, area %d\n\nText.\n\n", i)
		for j := range 5 {
			fmt.Fprintf(&b, "### What a director owns and hands over to the managers, part %d.%d\n\nMore.\n\n", i, j)
		}
	}
	g, err := content.Load(fstest.MapFS{"handbook.md": {Data: []byte(b.String())}})
	if err != nil {
		t.Fatal(err)
	}
	closest := []string{g.Sections()[90].ID}
	every := TeachSuggestions(g, closest, "", 1<<20)
	all, err := json.Marshal(every)
	if err != nil {
		t.Fatal(err)
	}
	const limit = 20 << 10
	if len(all) < limit {
		t.Fatalf("every option takes %d bytes: the guide is too small to test the limit", len(all))
	}
	fit := TeachSuggestions(g, closest, "", limit)
	raw, err := json.Marshal(fit)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, grp := range fit.OptionGroups {
		n += len(grp.Options)
	}
	if len(raw) >= limit || n < maxOptions/2 || n == maxOptions {
		t.Errorf("%d options in %d bytes; want fewer than %d bytes, and most of the %d options", n, len(raw), limit, maxOptions)
	}
	if first := fit.OptionGroups[0].Options[0].Text.Text; first != g.Sections()[90].Title {
		t.Errorf("first option %q, want the closest section", first)
	}
	// One more option would not have fitted.
	if more, _ := json.Marshal(Suggestions{OptionGroups: firstOptions(every.OptionGroups, n+1)}); len(more) < limit {
		t.Errorf("%d options fit in %d bytes, but only %d were offered", n+1, len(more), n)
	}
}

// TestTeachSuggestionsFollowTheQuery: a menu of a guide with more
// sections than fit suggests, as the admin types, the closest sections
// and "none" first, then the sections whose titles match, within Slack's
// 100 options, each read by TeachChoice.
func TestTeachSuggestionsFollowTheQuery(t *testing.T) {
	t.Parallel()
	g := bigGuide(t)
	closest := []string{"no-such-section", g.Sections()[40].ID, g.Sections()[7].ID, g.Sections()[9].ID, g.Sections()[11].ID}
	for _, tc := range []struct {
		query string
		want  []string // the first options' texts, in order
		n     int      // options in all
	}{
		{"", []string{g.Sections()[40].Title, g.Sections()[7].Title, g.Sections()[9].Title, "Not for the guide to answer", "Handbook"}, maxOptions},
		{"part 12", []string{"Part 12", "Part 120", "Part 121"}, 11},
		{"TOPIC 3 PART", []string{"Part 3", "Part 30"}, 11},
		{"none", []string{"Not for the guide to answer"}, 1},
		{"nothing like it", nil, 0},
	} {
		raw, err := json.Marshal(TeachSuggestions(g, closest, tc.query, 1<<20))
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			OptionGroups []struct {
				Options []struct {
					Text  struct{ Text string }
					Value string
				}
			} `json:"option_groups"`
			Options []any `json:"options"`
		}
		if err := json.Unmarshal(raw, &got); err != nil || (got.OptionGroups == nil) == (got.Options == nil) || len(got.Options) > 0 {
			t.Fatalf("%q: suggestions %s, %v; want option_groups, or no options", tc.query, raw, err)
		}
		var texts []string
		for _, grp := range got.OptionGroups {
			for _, o := range grp.Options {
				texts = append(texts, o.Text.Text)
				if key, _, ok := TeachChoice(TeachBlock+"k", o.Value); !ok || key != "k" {
					t.Errorf("%q: option %q is read as no choice", tc.query, o.Value)
				}
			}
		}
		if len(texts) != tc.n || len(texts) < len(tc.want) || !slices.Equal(texts[:len(tc.want)], tc.want) {
			t.Errorf("%q: %d options starting %q; want %d starting %q", tc.query, len(texts), texts[:min(len(texts), 6)], tc.n, tc.want)
		}
	}
}

// menu is a teaching menu as Slack would send a choice of it.
type menu struct {
	blockID, kind string
	minQuery      *float64
	values        []string
}

// menus finds the teaching menus of a view, as Slack draws them.
func menus(t *testing.T, view any) []menu {
	t.Helper()
	var out []menu
	blocks, _ := decode(t, view)["blocks"].([]any)
	for _, b := range blocks {
		block := b.(map[string]any)
		acc, _ := block["accessory"].(map[string]any)
		if acc["action_id"] != ActionTeach {
			continue
		}
		m := menu{blockID: block["block_id"].(string), kind: acc["type"].(string)}
		if q, ok := acc["min_query_length"].(float64); ok {
			m.minQuery = &q
		}
		groups, _ := acc["option_groups"].([]any)
		for _, g := range groups {
			for _, o := range g.(map[string]any)["options"].([]any) {
				m.values = append(m.values, o.(map[string]any)["value"].(string))
			}
		}
		out = append(out, m)
	}
	return out
}

// TestTeachChoiceReadsEveryOption reads every option of every menu as
// Slack sends the choice: the group's key, and a section the guide has,
// or none; and the Undo buttons' lesson IDs. What no menu of ours sends
// is refused.
func TestTeachChoiceReadsEveryOption(t *testing.T) {
	t.Parallel()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	teaching := fullTeaching(g)
	view := App{}.AdminHome(g, report.Report{Since: fullReport().Since, Until: fullReport().Until}, teaching)
	for i, m := range menus(t, view) {
		for _, v := range m.values {
			key, section, ok := TeachChoice(m.blockID, v)
			if _, known := g.Section(section); !ok || key != teaching.Groups[i].Key || (section != "" && !known) || (section == "") != (v == noneValue) {
				t.Errorf("TeachChoice(%q, %q) = %q, %q, %v", m.blockID, v, key, section, ok)
			}
		}
	}
	if got := listed(t, view).undo; fmt.Sprint(got) != "[1 2 3 4 5]" {
		t.Errorf("Undo buttons for lessons %v; want the first five", got)
	}
	for _, bad := range [][2]string{{"teach/", "none"}, {"b1", "none"}, {"teach/k0", "section:"}, {"teach/k0", "skills"}} {
		if _, _, ok := TeachChoice(bad[0], bad[1]); ok {
			t.Errorf("TeachChoice(%q, %q) read a choice no menu sends", bad[0], bad[1])
		}
	}
	for _, bad := range []string{"", "0", "-3", "x", "4,", "4,x", ",4"} {
		if _, _, ok := UnteachChoice(LessonBlock+"0/1", bad); ok {
			t.Errorf("UnteachChoice(%q) read a lesson", bad)
		}
	}
}

// TestLessonsArePaged lists twelve lessons five at a time: each page
// says which, its Undo buttons say where the list stood, and its buttons
// list the later and earlier ones; a place past the end (its lessons
// undone) lists the last page.
func TestLessonsArePaged(t *testing.T) {
	t.Parallel()
	g := bigGuide(t)
	var teaching Teaching
	for i := range 12 {
		teaching.Lessons = append(teaching.Lessons, Lesson{IDs: []int64{int64(100 - i)}, Questions: []string{fmt.Sprint("question ", i)}, Section: g.Sections()[0].ID})
	}
	for _, tc := range []struct {
		from           int
		head           string
		undo           string
		later, earlier string
	}{
		{0, "1–5 of 12", "[100 99 98 97 96]", "", "5"},
		{5, "6–10 of 12", "[95 94 93 92 91]", "0", "10"},
		{10, "11–12 of 12", "[90 89]", "5", ""},
		{40, "11–12 of 12", "[90 89]", "5", ""},
	} {
		teaching.From = tc.from
		view := App{}.AdminHome(g, fullReport(), teaching)
		checkView(t, fmt.Sprint("lessons from ", tc.from), view)
		got := listed(t, view)
		text := Readable(Message{Text: "home", Blocks: view.Blocks.BlockSet})
		if !strings.Contains(text, "Lessons taught*: "+tc.head) && !strings.Contains(text, "Lessons taught: "+tc.head) {
			t.Errorf("from %d: the lessons' heading lacks %q: %s", tc.from, tc.head, text)
		}
		if fmt.Sprint(got.undo) != tc.undo || got.later != tc.later || got.earlier != tc.earlier {
			t.Errorf("from %d: Undo for %v, Later %q, Earlier %q; want %s, %q, %q", tc.from, got.undo, got.later, got.earlier, tc.undo, tc.later, tc.earlier)
		}
		for _, b := range got.undoBlocks {
			if _, from, ok := UnteachChoice(b, "1"); !ok || from != lessonsPage(tc.from, 12) {
				t.Errorf("from %d: UnteachChoice(%q) = %d, %v", tc.from, b, from, ok)
			}
		}
	}
	// A page of one lesson says which, not a range of one.
	teaching.Lessons, teaching.From = teaching.Lessons[:teachLessons+1], teachLessons
	view := App{}.AdminHome(g, fullReport(), teaching)
	checkView(t, "the last lesson alone", view)
	if text := Readable(Message{Text: "home", Blocks: view.Blocks.BlockSet}); !strings.Contains(text, "Lesson 6 of 6*, the earliest taught") && !strings.Contains(text, "Lesson 6 of 6, the earliest taught") {
		t.Errorf("a page of one lesson: the heading is not \"Lesson 6 of 6, the earliest taught\": %s", text)
	}
	teaching.Lessons, teaching.From = teaching.Lessons[:teachLessons], 0
	if got := listed(t, App{}.AdminHome(g, fullReport(), teaching)); got.later != "" || got.earlier != "" {
		t.Errorf("five lessons have buttons for others: %+v", got)
	}
}

// lessonsListed are the lessons a Home lists: their IDs and the block_ids
// of their Undo buttons, and the values of the buttons that list later
// and earlier ones ("" for none).
type lessonsListed struct {
	undo           []int64
	undoBlocks     []string
	later, earlier string
}

// listed reads the lessons a view lists, as Slack would send the clicks.
func listed(t *testing.T, view any) lessonsListed {
	t.Helper()
	var out lessonsListed
	blocks, _ := decode(t, view)["blocks"].([]any)
	for _, b := range blocks {
		block := b.(map[string]any)
		if acc, _ := block["accessory"].(map[string]any); acc["action_id"] == ActionUnteach {
			ids, _, ok := UnteachChoice(block["block_id"].(string), acc["value"].(string))
			if !ok {
				t.Errorf("an Undo button no click reads: %v", block)
			}
			out.undo, out.undoBlocks = append(out.undo, ids...), append(out.undoBlocks, block["block_id"].(string))
		}
		elems, _ := block["elements"].([]any)
		for _, e := range elems {
			button, _ := e.(map[string]any)
			if id, _ := button["action_id"].(string); ActionOf(id) != ActionLessons {
				continue
			}
			label := button["text"].(map[string]any)["text"].(string)
			if _, ok := LessonsFrom(button["value"].(string)); !ok {
				t.Errorf("a button %q no click reads: %v", label, button)
			}
			if strings.Contains(label, "Later") {
				out.later = button["value"].(string)
			} else {
				out.earlier = button["value"].(string)
			}
		}
	}
	return out
}

// TestTeachingWarnsAlone: a warning shows though there is nothing to
// teach or undo.
func TestTeachingWarnsAlone(t *testing.T) {
	t.Parallel()
	g := bigGuide(t)
	if blocks := teachBlocks(g, Teaching{}, sectionTitle(g), false); blocks != nil {
		t.Errorf("nothing to teach drew %d blocks", len(blocks))
	}
	blocks := teachBlocks(g, Teaching{Warning: "The last reload was rejected"}, sectionTitle(g), false)
	if text := Readable(Message{Text: "home", Blocks: blocks}); !strings.Contains(text, "⚠️ The last reload was rejected") {
		t.Errorf("the warning alone is not drawn: %q", text)
	}
}

// TestTeachingSaysWhatIsLeft: a Home offered more groups than it shows
// says how many are left to teach, and says that nothing is left only when
// no group is.
func TestTeachingSaysWhatIsLeft(t *testing.T) {
	t.Parallel()
	g := bigGuide(t)
	groups := func(n int) []Teachable {
		var out []Teachable
		for i := range n {
			out = append(out, Teachable{Key: fmt.Sprint("k", i), Words: []string{"offsite"}, Asked: 1, Questions: []string{fmt.Sprint("offsite ", i)}})
		}
		return out
	}
	lessons := []Lesson{{IDs: []int64{1}, Questions: []string{"who pays for team dinners"}}}
	for _, tc := range []struct {
		name          string
		teaching      Teaching
		want, wantNot string
	}{
		{"all shown", Teaching{Groups: groups(3), Lessons: lessons}, "", "left to teach"},
		{"more offered than shown", Teaching{Groups: groups(7), Lessons: lessons}, "5 of the 7 groups left to teach", "Nothing left"},
		{"more past those offered", Teaching{Groups: groups(5), Left: 18, Lessons: lessons}, "5 of the 23 groups left to teach", "Nothing left"},
		{"none left", Teaching{Lessons: lessons}, "Nothing left to teach in this window", "groups left"},
	} {
		text := Readable(Message{Text: "home", Blocks: teachBlocks(g, tc.teaching, sectionTitle(g), false)})
		if !strings.Contains(text, tc.want) || strings.Contains(text, tc.wantNot) {
			t.Errorf("%s: the teaching says %q; want %q, not %q", tc.name, text, tc.want, tc.wantNot)
		}
	}
}

// TestTeachingGolden keeps the teaching blocks of one small teaching.
func TestTeachingGolden(t *testing.T) {
	g := bigGuide(t)
	teaching := Teaching{
		Groups: []Teachable{{Key: "3f2a", Words: []string{"offsite"}, Asked: 3, Questions: []string{"how do I run an offsite", "offsites?"}, Closest: []string{g.Sections()[2].ID}}},
		From:   5,
	}
	for i := range 7 {
		teaching.Lessons = append(teaching.Lessons, Lesson{IDs: []int64{int64(20 - i)}, Questions: []string{fmt.Sprint("topic ", i, " part")}, Section: g.Sections()[i].ID})
	}
	teaching.Lessons[5] = Lesson{IDs: []int64{15}, Questions: []string{"who pays for team dinners"}, Section: ""}
	golden(t, "teach", teachBlocks(g, teaching, sectionTitle(g), false))
}
