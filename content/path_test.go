package content

import (
	"errors"
	"strings"
	"testing"
)

func guideOf(t *testing.T, pages map[string]string) (*Guide, error) {
	t.Helper()
	var ps []*Page
	for name, src := range pages {
		p, err := ParsePage(name, []byte(src))
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return New(ps)
}

func TestEmbeddedGuidePathByConvention(t *testing.T) {
	t.Parallel()
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := g.Path()
	if p == nil {
		t.Fatal("the embedded guide has no path")
	}
	for role, want := range map[string]struct {
		s  *Section
		id string
	}{
		"indicators": {p.Indicators, "career-progression-indicators"},
		"actions":    {p.Actions, "transition-to-vp/key-actions-to-make-the-transition"},
		"timeline":   {p.Timeline, "transition-to-vp/timeline"},
		"pitfalls":   {p.Pitfalls, "transition-to-vp/common-pitfalls-to-avoid"},
	} {
		if want.s == nil || want.s.ID != want.id {
			t.Errorf("%s = %v, want %s", role, want.s, want.id)
		}
	}
	if len(p.Items) != 7 || p.Items[0].Text.Plain() != "Ability to set and execute multi-year technical strategy" {
		t.Fatalf("indicators = %v", p.Items)
	}
	crises := p.Items[6]
	if len(crises.Pinned) != 1 || crises.Pinned[0].Title != "5. Handle Ambiguity and Crisis" {
		t.Errorf("the frontmatter pin of %q = %v", crises.Text.Plain(), crises.Pinned)
	}
	if p.Items[0].Pinned != nil {
		t.Errorf("an indicator without a pin has %v", p.Items[0].Pinned)
	}
	if in, ok := p.Indicator(IndicatorKey("  composure AND judgment   during crises ")); !ok || in.Key != crises.Key {
		t.Errorf("an indicator's key should ignore case and spacing")
	}
	prompts := g.Prompts()
	if len(prompts) != 4 || prompts[2].Title != "What does a VP's week look like?" || prompts[2].Message != "How does a VP spend their time each week?" || prompts[0].Message != "Am I ready for VP?" {
		t.Errorf("prompts = %+v", prompts)
	}
}

// staffGuide is a guide written for the tests: its parts have other
// headings, named in its frontmatter, and more indicators than one group
// of checkboxes holds.
const staffGuide = `---
label: Staff
plan:
  indicators: Signals You Operate at Staff Level
  actions: Ways to Grow
  timeline: How Long It Takes
  pitfalls: Traps
  pins:
    Writes design documents other teams adopt: [Write for a Wider Audience, Ways to Grow]
---
# Senior to Staff Engineer

## Signals You Operate at Staff Level

- Leads technical direction across several teams
- Writes design documents other teams adopt
- Mentors senior engineers into technical leads
- Resolves technical conflicts between teams
- Owns a critical system end to end
- Sets engineering standards others follow
- Sponsors projects beyond the own team
- Explains tradeoffs to executives
- Spots risks before they become incidents
- Shapes the hiring bar for senior engineers
- Balances short-term delivery with long-term health
- Is sought out for advice across the organization

## Ways to Grow

### Broaden Your Scope

- Take on a problem that spans several teams
- Own an incident review across services

### Write for a Wider Audience

- Write design documents for review by other teams
- Publish engineering standards

### Grow Others

- Mentor senior engineers
- Sponsor a technical lead

## How Long It Takes

Usually 2-4 years as a senior engineer.

## Traps

- Staying the team's best coder
- Working on scope nobody asked for
`

func TestFrontmatterPath(t *testing.T) {
	t.Parallel()
	g, err := guideOf(t, map[string]string{"staff.md": staffGuide})
	if err != nil {
		t.Fatal(err)
	}
	p := g.Path()
	if p == nil || p.Indicators.Title != "Signals You Operate at Staff Level" || p.Actions.Title != "Ways to Grow" ||
		p.Timeline.Title != "How Long It Takes" || p.Pitfalls.Title != "Traps" || len(p.Items) != 12 {
		t.Fatalf("path = %+v", p)
	}
	pinned := p.Items[1].Pinned
	if len(pinned) != 2 || pinned[0].Title != "Write for a Wider Audience" || pinned[1] != p.Actions {
		t.Errorf("pins = %v", pinned)
	}
	// The parsed guide kept by a persisted index reads the same path back.
	if bp := roundTrip(t, g).Path(); bp == nil || bp.Indicators.ID != p.Indicators.ID || len(bp.Items) != 12 || len(bp.Items[1].Pinned) != 2 {
		t.Errorf("decoded path = %+v", bp)
	}
}

func TestGuideWithoutIndicatorsHasNoPath(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"no indicators":       "# EM\n\n## Duties\n\n- hire\n- coach\n",
		"indicators, no list": "# EM\n\n## Readiness Indicators\n\nAsk your manager.\n",
		"plan off":            "---\nplan: false\n---\n# EM\n\n## Readiness Indicators\n\n- a\n- b\n",
	} {
		g, err := guideOf(t, map[string]string{"em.md": src})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if g.Path() != nil || g.Prompts() != nil {
			t.Errorf("%s: path %+v, prompts %v", name, g.Path(), g.Prompts())
		}
	}
}

// TestPathMistakesNameThePage reports each mistake in em.md at the line
// of the frontmatter key that holds it.
func TestPathMistakesNameThePage(t *testing.T) {
	t.Parallel()
	const body = "# EM\n\n## Signals\n\n- a\n- b\n\n## Grow\n\n### Coach\n\n- coach\n"
	for name, tc := range map[string]struct{ front, want string }{
		"unknown key":        {"plan:\n  indicator: Signals\n", `unknown key "indicator"`},
		"not a map":          {"plan: yes please\n", "must be a map"},
		"missing heading":    {"plan:\n  indicators: Nothing\n", `plan.indicators: no heading "Nothing"`},
		"no list":            {"plan:\n  indicators: Grow\n", "has no list items"},
		"no indicators":      {"plan:\n  actions: Grow\n", "no indicators on this page"},
		"pin of no one":      {"plan:\n  indicators: Signals\n  pins:\n    c: Coach\n", `"c" is not one of the indicators`},
		"pin to nowhere":     {"plan:\n  indicators: Signals\n  pins:\n    a: Nowhere\n", `names "Nowhere"`},
		"too many prompts":   {"prompts: [a, b, c, d, e]\n", "at most 4"},
		"prompt, no message": {"prompts:\n  - title: a\n", "needs a title and a message"},
		"long prompt title":  {"prompts:\n  - " + strings.Repeat("x", 80) + "\n", "longer than 75"},
		"about, a list":      {"about: [a, b]\n", "about must be a sentence"},
		"about, empty":       {"about: \"\"\n", "about must be a sentence"},
		"about, two lines":   {"about: |\n  one\n  two\n", "about must be one line"},
		"about, too long":    {"about: " + strings.Repeat("x", 301) + "\n", "longer than 300"},
	} {
		_, err := guideOf(t, map[string]string{"em.md": "---\nlabel: EM\n" + tc.front + "---\n" + body})
		var ce *Error
		if !errors.As(err, &ce) || ce.File != "em.md" || ce.Line != 3 || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one at em.md:3 saying %q", name, err, tc.want)
		}
	}
	// A heading of another page is named by its ID, which the mistake
	// gives, for the plan's parts and its pins alike.
	for _, front := range []string{"plan:\n  indicators: Ready Signs\n", "plan:\n  indicators: Signals\n  pins:\n    a: Ready Signs\n"} {
		_, err := guideOf(t, map[string]string{"em.md": "---\n" + front + "---\n" + body, "ladder.md": "# Ladder\n\n## Ready Signs\n\n- c\n"})
		if want := "; ladder.md has it: name it by its ID, ladder/ready-signs"; err == nil || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("%q: error %v, want it to end %q", front, err, want)
		}
	}
	// The first page's about is the guide's.
	g, err := guideOf(t, map[string]string{"a.md": "---\nabout: An *EM* guide.\n---\n" + body, "b.md": "---\nabout: Another.\n---\n# B\n\ntext\n"})
	if err != nil || g.About() != "An *EM* guide." {
		t.Errorf("About = %q, %v; want the first page's", g.About(), err)
	}
	// Pins by ID, and by title without the heading's number, are fine.
	g, err = guideOf(t, map[string]string{"em.md": "---\nplan:\n  indicators: signals\n  actions: grow\n  pins:\n    a: grow/coach\n    B: Coach\n---\n" + body})
	if err != nil {
		t.Fatal(err)
	}
	if p := g.Path(); p.Items[0].Pinned[0].ID != "grow/coach" || p.Items[1].Pinned[0].ID != "grow/coach" {
		t.Errorf("pins = %+v", p.Items)
	}
}

// TestTitleRoles: the heading convention reads whole words of a title,
// in any case, and phrases word for word.
func TestTitleRoles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		role  titleRole
		title string
		want  bool
	}{
		{indicatorsTitle, "Career Progression Indicators", true},
		{indicatorsTitle, "Readiness checklist", true},
		{indicatorsTitle, "Am I ready for VP?", true},
		{indicatorsTitle, "Ready, set, go", false},
		{indicatorsTitle, "Indicatorless", false},
		{actionsTitle, "Key Actions to Make the Transition", true},
		{actionsTitle, "How to get there", true},
		{actionsTitle, "Transactions", false},
		{timelineTitle, "Typical timeline", true},
		{timelineTitle, "How long does it take?", true},
		{timelineTitle, "Long-term how", false},
		{pitfallsTitle, "Common Anti-Patterns", true},
		{pitfallsTitle, "Antipatterns", true},
		{pitfallsTitle, "PITFALLS to avoid", true},
		{pitfallsTitle, "Patterns", false},
	}
	for _, tt := range tests {
		if got := tt.role.matches(tt.title); got != tt.want {
			t.Errorf("%q: matches = %v, want %v", tt.title, got, tt.want)
		}
	}
}
