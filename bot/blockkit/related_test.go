package blockkit

import (
	"slices"
	"testing"

	"github.com/directorbot/directorbot/bot/internal/guidetest"
	"github.com/directorbot/directorbot/content"
)

func TestRelatedTopics(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	section := func(id string) *content.Section {
		s, ok := g.Section(id)
		if !ok {
			t.Fatalf("no section %q", id)
		}
		return s
	}
	comparison := section("comparison-director-vs-vp")
	below := comparison.Children[0]
	skills := section("key-skill-sets")
	pitfalls := section("transition-to-vp/common-pitfalls-to-avoid")
	tests := []struct {
		name   string
		answer *content.Section
		hits   []*content.Section
		want   []*content.Section
	}{
		{"other hits, in order, once", skills, []*content.Section{pitfalls, comparison, pitfalls}, []*content.Section{pitfalls, comparison}},
		{"never the answer or what it shows", comparison, []*content.Section{below, comparison, skills}, []*content.Section{skills}},
		{"at most maxRelatedTopics", skills, outside(g.Sections(), skills), outside(g.Sections(), skills)[:maxRelatedTopics]},
		{"a page: its topics", g.Sections()[0], g.Sections(), g.Sections()[0].Children},
		{"the parent when nothing else", below, nil, []*content.Section{comparison}},
	}
	for _, tt := range tests {
		got := related(tt.answer, tt.hits)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, ids(got), ids(tt.want))
		}
	}
}

// outside returns the sections not within s.
func outside(all []*content.Section, s *content.Section) []*content.Section {
	return slices.DeleteFunc(slices.Clone(all), func(c *content.Section) bool { return c.Within(s) })
}

func ids(ss []*content.Section) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

// TestTopicLabels: a related topic's button names it so that it reads
// alone: a one-word subsection with its parent.
func TestTopicLabels(t *testing.T) {
	t.Parallel()
	g := guidetest.Embedded(t).Guide()
	for id, want := range map[string]string{
		"typical-day-to-day-activities/morning":                                       "Typical Day-to-Day Activities: Morning",
		"core-responsibilities/organizational":                                        "Core Responsibilities: Organizational",
		"core-responsibilities/strategic-leadership":                                  "Strategic Leadership",
		"comparison-director-vs-vp":                                                   "Comparison: Director vs VP",
		"transition-to-vp/key-actions-to-make-the-transition/think-like-an-executive": "1. Think Like an Executive",
	} {
		s, ok := g.Section(id)
		if !ok {
			t.Fatalf("no section %q", id)
		}
		if got := topicLabel(s); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}
