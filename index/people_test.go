package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
	"github.com/directorbot/directorbot/index/thesaurus"
)

// TestQuestionsAboutOtherPeople asks about roles the guide's headings
// never name: they are refused, while questions that only mention such a
// role, or also name the guide's own, are answered. A guide whose
// headings name the role answers for it.
func TestQuestionsAboutOtherPeople(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []answerCase{
		{"what does a CTO do all day?", false},
		{"what does our new CTO actually spend her time on?", false},
		{"difference between a staff engineer and a principal engineer", false},
		{"what's the career ladder for a TPM", false},
		{"what are a CPO's responsibilities?", false},
		{"what does a design director do all week?", false},
		{"how should a new engineering manager spend their first 90 days", false},
		{"@Director Bot what does a CTO actually do day to day?", false},
		{"I've been a director for a year. What does a CTO do all day?", false},
		{"what does a CTO do all day at our company?", false},
		{"what are a CPO's responsibilities in our org?", false},
		{"difference between a staff eng and a principal eng", false},
		{"What does a director of product do?", false},
		{"design director (UX/product design) wanting to become VP of Design - what are the key shifts?", false},
		{"How is a staff engineer's job different from a director's?", false},
		{"what does a head of engineering do differently from a VP", false},
		{"is a head of engineering the same level as a director?", false},
		{"difference between a tech lead and a director", false},
		{"I'm a senior IC. How do I become an engineering manager?", false},
		{"how do I get promoted from senior to staff engineer", false},
		{"how do I write a promo packet for a senior engineer", false},
		{"what does a principal engineer actually do that a director doesn't", false},
		{"what does a TPM do that a director does not?", false},
		{"what's the difference between a product manager and a VP?", false},
		{"whats the career ladder for product managers look like", false},
		// The guide names the CTO in two sections, as whom a VP reports to
		// and beside the CEO: it does not speak of what a CTO does.
		{"what does a CTO do that a VP doesn't?", false},
		{"how is a CTO different from a VP?", false},
		{"CTO vs VP of Engineering, what's the difference in responsibilities?", false},
		{"Does a staff engineer write more code than a director?", false},
		{"Is a tech lead's job similar to a director's?", false},

		{"how do I get the CEO to trust me?", true},
		{"what's a VP's week like?", true},
		{"does a VP report to the CTO?", true},
		{"tech lead vs director, who drives architecture decisions?", true},
		{"Does a VP spend more time with the board than a director does?", true},
		{"director vs VP, what's the difference?", true},
		{"how is reporting to a CTO different from reporting to a VP?", true},
		{"how often does a director meet the CEO compared to a VP?", true},
		{"Does the CEO need the same level of detail as the VP in status updates?", true},
		{"what's a director?", true},
		{"EM vs director: who owns hiring?", true},
		{"what does the CEO expect from me?", true},
		{"do EMs report to a director or straight to the VP?", true},
		{"how should a director work with product managers?", true},
		{"EM 1:1 hrs", true},
		{"do directers still do incident response or is that the EMs job", true},
		{"Our CTO keeps skipping my updates. How do I get executive buy-in?", true},
		{"What does the CEO want from engineering?", true},
		{"What does the VP of Sales want from engineering?", true},
		{"What does the CEO expect from us?", true},
		{"What should my EMs be doing in their 1:1s?", true},
		{"Does SRE own incident response?", true},
		{"does the tl;dr say anything about budgets?", true},
		{"what should a director pay attention to?", true},
		{"how is a director different from an engineering manager?", true},
		{"How is a director different from a VP, and where does the CTO fit?", true},
		{"how do I become the CEO's go-to sounding board?", true},
		{"what changes when I go from engineering manager to director?", true},
		{"how do I present to the CEO?", true},
		{"I was an EM until last month, what's different now that I'm a director?", true},
		{"EM vs director: who owns hiring strategy?", true},
		{"tech lead vs director, who drives architecture decisions?", true},
		{"Does a VP spend more time with the board than a director does?", true},
		{"what do my engineering managers own that a director doesn't?", true},
		{"should my EMs do technical reviews, or is that different for a director?", true},
		{"how do I handle communication between my EMs and the VP?", true},
		{"how should the director split time between EMs and the VP?", true},
		{"who sits between the engineering managers and the VP?", true},
		{"is reporting to the CTO different from reporting to a VP for a director?", true},
		{"my CTO expects more from me than a director usually delivers, is that normal?", true},
		{"how should I communicate risks from engineering to the CEO?", true},
		{"how do I escalate a blocker from my team to the CTO?", true},
		{"how do I help my tech lead become an engineering manager?", true},
		{"how do I help an EM I manage make the case for promotion?", true},
		{"what's the difference between an EM and a director?", true},
		{"how is an EM different from a director?", true},
		{"Does the CEO need the same level of detail as the VP in status updates?", true},
		{"Can an EM approve an offer a director didn't see?", true},
		// The examples that ask about staff engineers, which the guide
		// leaves to others, outweigh the org it asks about: the closest
		// section, Typical Scope, tells an org's size, no answer to it.
		{"Should we add a staff engineer role to the org?", false},
	}
	checkAnswered(t, ix, tests)

	em := pageIndex(t, "em.md", "# Engineering Manager\n\n## Day to day\n\nAn engineering manager spends the day in 1:1s and planning.\n")
	if hits, _ := em.Search(context.Background(), "what does an EM do all day?", 3); len(hits) == 0 {
		t.Error("a guide whose headings name the engineering manager refused a question about one")
	}
}

// TestDescribedRoles reads which roles a guide's headings name: a heading
// as written ("Chief Technology Officer", which the thesaurus reads
// otherwise in questions), past more titles that share a stem but name
// another role than one page of them, and not a heading that only shares
// a stem ("Own Organizational Design" names no designer).
func TestDescribedRoles(t *testing.T) {
	t.Parallel()
	role := func(name string) int {
		return slices.IndexFunc(thesaurus.Roles(), func(names []string) bool { return slices.Contains(names, name) })
	}
	if ix := embedded(t); ix.reader.Described[role("designer")] || !ix.reader.Described[role("director")] || !ix.reader.Described[role("VP")] {
		t.Errorf("the embedded guide describes %v, want the director and the VP, no designer", ix.reader.Described)
	} else if got := ix.Roles(); !slices.Equal(got, []string{"Director", "VP"}) {
		t.Errorf("the embedded guide's roles as its headings write them: %q", got)
	}

	cto := pageIndex(t, "leaders.md", "# Engineering leadership\n\n## Director\n\nA director plans.\n\n## Chief Technology Officer\n\n### Week\n\nThe CTO spends the week with customers.\n")
	if hits, _ := cto.Search(context.Background(), "how does a CTO spend the week?", 3); len(hits) == 0 {
		t.Error("a guide with a Chief Technology Officer heading refused a question about the CTO")
	}
	if got := cto.Roles(); !slices.Equal(got, []string{"Director", "Chief Technology Officer"}) {
		t.Errorf("roles as the headings write them: %q", got)
	}

	var md strings.Builder
	md.WriteString("# Leaders\n\n")
	for i := range 2 * sectionPage {
		fmt.Fprintf(&md, "## Design Director %d\n\nText.\n\n", i)
	}
	md.WriteString("## The director's roadmap, every quarter of every year\n\nA director plans the roadmap.\n")
	many := pageIndex(t, "many.md", md.String())
	if !many.reader.Described[role("director")] {
		t.Errorf("a director's heading after %d design directors' was not found", 2*sectionPage)
	}
}

// TestRoleSpelling reads a misspelt name of the guide's role as it, but
// never a word the guide uses for something else.
func TestRoleSpelling(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "it.md", "# Director\n\n## Identity platform\n\nThe LDAP directory holds every account, with direct access.\n")
	for word, want := range map[string]string{"directer": "director", "drector": "director", "directory": "directory", "directs": "directs"} {
		if got := ix.roleSpelling(word); got != want {
			t.Errorf("roleSpelling(%q) = %q, want %q", word, got, want)
		}
	}
	embeddedIx := embedded(t)
	hits, err := embeddedIx.Search(context.Background(), "I'm a director at a startup. How many direct reports does a VP have?", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Section.ID == "typical-day-to-day-activities/typical-scope" {
		t.Errorf("a VP question after a director's story answered %v, want no director-only section first", ids(hits))
	}
}

// TestOtherFunctionsLeaders: a director, VP or head of a function outside
// engineering (thesaurus's functions.txt) is someone the guide does not
// describe, whether the asker is one or asks about one; one the asker
// works with, a function that is engineering's ("clinical engineering",
// "tax products"), an industry ("retail director") or a message that also
// names engineering's leaders asks the guide.
func TestOtherFunctionsLeaders(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		question string
		refused  bool
	}{
		{"tax director here: how do I get ready to be VP?", true},
		{"Director of admissions at a state university - is my planning horizon quarterly or multi-year?", true},
		{"I'm the VP of supply chain, what should my week look like?", true},
		{"as a facilities director, what should my recurring meetings be?", true},
		{"what does a typical day look like for a director of curatorial affairs at an art museum", true},
		{"what does a VP of finance do all day?", true},
		{"director of compensation here, how do I get to VP?", true},
		{"how do i show im ready for VP of finance? currently FP&A director", true},
		{"artistic director of a small theatre: how do I balance strategy vs actually putting on shows", true},
		{"what license does a funeral director need", true},
		{"what does a film director actually do on set all day?", true},
		{"athletic director responsibilities at a university?", true},
		// A verb ends the function's name after "of".
		{"what skills does a director of marketing need?", true},
		{"who does a director of finance report to?", true},
		{"how much does a director of sales usually spend on travel?", true},
		{"how does a director of marketing split time between strategy and execution?", true},
		{"how does a director of marketing lead through a reorg?", true},
		{"how should a director of finance structure their org?", true},
		{"what is a VP of finance role", true},
		{"what does the sales VP want from engineering?", false},
		{"what does our finance director expect in a budget proposal?", false},
		{"what does our director of finance expect in a budget proposal?", false},
		{"what does a director of finance expect from engineering?", false},
		{"what budget does a director of finance expect engineering to own?", false},

		{"as an eng director, how do I work with our finance director on budget?", false},
		{"my finance director wants a headcount plan. what does a director own in budgeting?", false},
		{"The nursing director keeps escalating to my VP. How should a director handle stakeholders like that?", false},
		{"director of clinical engineering here, how much time should I spend in 1:1s?", false},
		{"director of tax products at an accounting firm: what's the path to VP?", false},
		{"I'm a retail director (6 EMs), what's my time split supposed to be?", false},
		{"HR director here. how does an engineering director differ from a VP of engineering?", false},
		{"how do I build relationships with the sales and marketing VPs?", false},
		{"Finance director wants me to cut 10% of my budget, how should I prioritize?", false},
		{"Supply chain VP keeps promising features to customers, how do I push back?", false},
		{"Sales VP of our region keeps promising features, who owns the roadmap, director or VP?", false},
	}
	for _, tt := range tests {
		r, err := ix.Ask(context.Background(), tt.question, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(r.Hits) == 0 && r.Why == OtherRole; got != tt.refused {
			t.Errorf("Ask(%q) = %v, %v; want refused as another's role: %v", tt.question, ids(r.Hits), r.Why, tt.refused)
		}
	}
}

// TestGradedHeadings answers a question about a role, or two, by the
// sections about them, not by one titled with a grade of the role the
// question does not say; that grade's question gets it, however either
// spells the grade.
func TestGradedHeadings(t *testing.T) {
	t.Parallel()
	g, err := content.Load(fstest.MapFS{
		"director.md": {Data: []byte("# Engineering Director\n\nAn Engineering Director leads one product area through four to six managers.\n\n" +
			"## What a Director Does Not Do\n\nA Director does not approve offers above level E6.\n\n" +
			"## Senior Leaders\n\nA Director does what senior leaders ask of a senior director's area.\n\n" +
			"## Lead Directors Through a Reorg\n\nTell them first.\n")},
		"compare.md": {Data: []byte("# Director vs VP\n\n## Side by Side\n\n| | Director | VP |\n| --- | --- | --- |\n| Leads | Managers | Directors |\n| Horizon | Two quarters | Two years |\n\n" +
			"## Sr. Director\n\nA Senior Director is a Director who leads two areas. It is no required step between Director and VP, but most VPs were Senior Directors.\n\n" +
			"## SVP\n\nAn SVP leads VPs.\n\n### Span\n\nThree to five VPs.\n\n## Senior VP\n\nThe same.\n\n## EVP\n\nAn EVP leads SVPs.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	ix := guideIndex(t, g)
	for q, want := range map[string]string{
		"what does a director do?":            "director",
		"What does a Director do here?":       "director",
		"director vs vp":                      "compare",
		"what does a senior director do?":     "compare/sr-director",
		"what does a sr director do":          "compare/sr-director",
		"how many areas does a director lead": "director",
	} {
		r, err := ix.Ask(t.Context(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r.Hits); len(got) == 0 || got[0] != want {
			t.Errorf("Ask(%q) = %v, want %s first", q, got, want)
		}
	}
	ranked := func(section, q string) bool {
		s, ok := g.Section(section)
		if !ok {
			t.Fatalf("no section %s", section)
		}
		hits := []Hit{{Section: s, Score: 1}}
		ix.preferAsked(hits, ix.reader.AskedRoles([][]string{question.Words(q)}), question.Words(q))
		return hits[0].Score < 1
	}
	for _, tt := range []struct {
		section, question string
		lower             bool
	}{
		{"compare/sr-director", "what does a director do", true},
		{"compare/sr-director", "what does a snr director do", false},
		{"compare/sr-director", "what does a senior director do", false},
		{"compare/svp", "what does a vp do", true},
		{"compare/svp", "what does a senior vp do", false},
		{"compare/senior-vp", "what does an svp do", false},
		{"compare/evp", "what does an executive vp do", false},
		// A section is its heading's, when its title names no role.
		{"compare/svp/span", "what does a vp do", true},
		{"director/senior-leaders", "what does a director do", false},
		// A grade word that is also a verb grades no role before it.
		{"director/lead-directors-through-a-reorg", "what does a director do", false},
	} {
		if got := ranked(tt.section, tt.question); got != tt.lower {
			t.Errorf("preferAsked(%q) ranks %s lower: %v, want %v", tt.question, tt.section, got, tt.lower)
		}
	}
}
