package index

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/directorbot/directorbot/content"
)

// payPage is a ladder's page of levels and salary bands, whose titles
// name one level in two ways ("Associate Product Manager (APM)",
// "Associate PM").
const payPage = "# Promotions and Pay\n\n## Promotion Process\n\nPromotions happen twice a year.\n\n" +
	"## The Levels\n\n| Level | Title | Years |\n| --- | --- | --- |\n| P1 | Associate Product Manager (APM) | 0-2 |\n" +
	"| P2 | Product Manager | 2-5 |\n| P3 | Senior Product Manager | 5-8 |\n| P4 | Director of Product | 8+ |\n\n" +
	"## Salary Bands\n\nSalaries below are base pay in US dollars, reviewed each January.\n\n| Level | Title | Min | Max | Equity |\n| --- | --- | --- | --- | --- |\n" +
	"| P1 | Associate PM | $95,000 | $125,000 | $10k |\n| P2 | Product Manager | $130,000 | $170,000 | $25k |\n" +
	"| P3 | Senior PM | $165,000 | $210,000 | $45k |\n| P4 | Director of Product | $205,000 | $265,000 | $90k |\n" +
	"| P5 | VP of Product | $260,000 | $340,000 | see exec comp |\n"

// TestLevelRows: a question that names a level of a table of levels is
// answered by that level's row, whichever name it gives the role, and a
// question about the whole table by the table.
func TestLevelRows(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "pay.md", payPage)
	tests := []struct {
		question string
		titles   []string // the Title cells of the rows quoted, in order
	}{
		{"How much does a PM make?", []string{"Product Manager"}},
		{"how much does a product manager make", []string{"Product Manager"}},
		{"how much do senior PMs make", []string{"Senior PM"}},
		{"whats the equity for an associate pm", []string{"Associate PM"}},
		// The levels table names the APM, whom the bands call Associate PM.
		{"how much do APMs make?", []string{"Associate PM"}},
		{"apm starting salary?", []string{"Associate PM"}},
		{"whats the band for a senior product manager", []string{"Senior PM"}},
		{"sr pm max salary", []string{"Senior PM"}},
		{"what's the band for P3?", []string{"Senior PM"}},
		// A level's code names its role: "a P2" asks what the Product
		// Manager earns.
		{"how much does a P2 make?", []string{"Product Manager"}},
		{"what's a p1's salary", []string{"Associate PM"}},
		// A misspelt level is still named; the row, not the sentence on
		// salaries, answers for its pay.
		{"senoir pm max salary", []string{"Senior PM"}},
		{"whats the salary range for a product manger", []string{"Product Manager"}},
		{"what's the salary range for a senior product manager?", []string{"Senior PM"}},
		{"p4 vs p5 equity", []string{"Director of Product", "VP of Product"}},
		{"PM vs Senior PM pay?", []string{"Product Manager", "Senior PM"}},
		{"what's the salary of a product director?", []string{"Director of Product"}},
		// Another level of a role, which the table does not list.
		{"how much does a principal PM make?", nil},
		{"what's the band for a junior product manager", nil},
		{"how much does an associate product manager make", []string{"Associate PM"}},
		// The whole table: "salary" is its heading's, and only the
		// VP's "comp" is a synonym of it.
		{"what are the salary bands?", nil},
	}
	for _, tt := range tests {
		r, err := ix.Ask(t.Context(), tt.question, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].Section.Title != "Salary Bands" {
			t.Errorf("%q: %+v, want Salary Bands", tt.question, r)
			continue
		}
		var got []string
		for _, ref := range r.Hits[0].Rows {
			got = append(got, r.Hits[0].Section.Tables()[ref.Table].Rows[ref.Row][1].Plain())
		}
		if !slices.Equal(got, tt.titles) {
			t.Errorf("%q quotes the rows of %q, want %q", tt.question, got, tt.titles)
		}

	}
}

// TestLadderRoles: the titles of a table of levels that are a role's name
// with more words are roles of their own, named too by the role's other
// names and the short name in brackets; one level's titles in two tables
// make one role.
func TestLadderRoles(t *testing.T) {
	t.Parallel()
	p, err := content.ParsePage("ladder.md", []byte("# Ladder\n\n## Levels\n\n| Level | Title |\n| --- | --- |\n"+
		"| P1 | Associate Product Manager (APM) |\n| P2 | Product Manager |\n| P3 | Senior Product Manager |\n| P4 | Director of Product |\n\n"+
		"## Bands\n\n| Title | Max |\n| --- | --- |\n| Senior PM | $210,000 |\n| Product Manager | $170,000 |\n| Director of Product | $265,000 |\n\n"+
		"## Reviews\n\n| Who | Reviewer |\n| --- | --- |\n| Senior PM or Group PM, whoever leads the squad | Director |\n"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := content.New([]*content.Page{p})
	if err != nil {
		t.Fatal(err)
	}
	v, err := defaultThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	roles := [][]string{{"product manager", "PM"}, {"director of product"}, {"director"}}
	l := readLadder(g, roles, v.Rewrite)
	got, listed := l.Roles, l.Listed
	want := [][]string{
		{"Associate Product Manager", "associate PM", "APM", "P1"},
		{"Senior Product Manager", "senior PM", "sr product manager", "sr PM", "P3"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("readLadder roles = %q, want %q", got, want)
	}
	if !slices.Equal(listed, []int{0, 1}) {
		t.Errorf("the list's roles the table names: %v, want the product manager and the director of product", listed)
	}
	if want := []levelCode{{0, "P2"}, {1, "P4"}}; !slices.Equal(l.Codes, want) {
		t.Errorf("the codes of the list's roles: %v, want %v", l.Codes, want)
	}
	tables := map[string][]levelAt{}
	for _, s := range g.Sections() {
		if at, ok := l.Tables[s.ID]; ok {
			tables[s.Title] = at
		}
	}
	if want := map[string][]levelAt{"Levels": {{0, 1}}, "Bands": {{0, 0}}}; !reflect.DeepEqual(tables, want) {
		t.Errorf("tables of levels %v, want %v", tables, want)
	}
}

// TestLadderKeptWhenPersisted: a persisted index keeps the roles of its
// guide's levels, which reopening reads rather than every table: "APMs" are still the
// Associate PM of the bands.
func TestLadderKeptWhenPersisted(t *testing.T) {
	t.Parallel()
	files := fstest.MapFS{"pay.md": {Data: []byte(payPage)}}
	dir := t.TempDir()
	persistOnce(t, files, dir)
	ix, err := Open(t.Context(), files, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	if raw, err := ix.bleve.GetInternal(ladderKey); err != nil || raw == nil {
		t.Fatalf("the reopened index keeps no levels: %v", err)
	}
	kept, err := ix.keptLadder()
	if err != nil {
		t.Fatal(err)
	}
	read, err := ladderOf(ix.guide, ix.vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(kept, read) || len(kept.Roles) == 0 {
		t.Errorf("kept %+v, the guide's tables say %+v", kept, read)
	}
	r, err := ix.Ask(t.Context(), "how much do APMs make?", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].Section.Title != "Salary Bands" || len(r.Hits[0].Rows) != 1 || r.Hits[0].Rows[0].Row != 0 {
		t.Errorf("reopened, how much do APMs make: %+v", r)
	}
}

// TestPayStatedOnce: a question for a level's pay is answered by its row of
// the bands alone, with no second statement from the level's own section
// ("6-9 engineers" of a PM's squad).
func TestPayStatedOnce(t *testing.T) {
	t.Parallel()
	g, err := content.LoadDir("testdata/tuning/lumen")
	if err != nil {
		t.Fatal(err)
	}
	ix := guideIndex(t, g)
	r, err := ix.Ask(t.Context(), "How much does a PM make?", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].Section.Title, "Salary Bands") || r.Hits[0].Also != nil {
		t.Errorf("how much does a PM make: %+v", r)
	}
}

// TestLevelsAreNoOthers: a level a table of levels names is no role the
// guide leaves to others, though no heading names it while one names
// another role: "how much do APMs make?" is answered by the bands.
func TestLevelsAreNoOthers(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "pay.md", payPage+"\n## Product Manager\n\nA PM owns one squad's area.\n")
	r, err := ix.Ask(t.Context(), "how much do APMs make?", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].Section.Title != "Salary Bands" {
		t.Errorf("how much do APMs make, the PM's heading beside the bands: %+v", r)
	}
	// A role neither a heading nor a level names is still another's,
	// and so is its pay.
	for _, q := range []string{"what does a CTO do all day?", "what's the salary band for a senior software engineer?", "salary bands for data scientists"} {
		if r, err := ix.Ask(t.Context(), q, 1); err != nil || r.Why != OtherRole {
			t.Errorf("%q: %+v, %v", q, r, err)
		}
	}
}

// TestLevelNamesOfTheirOwn: a level's short name is an acronym in brackets,
// and its code a word with a digit, so that no word of a question ("a" of
// bands A to E, "remote") names a level by chance.
func TestLevelNamesOfTheirOwn(t *testing.T) {
	t.Parallel()
	for title, want := range map[string][2]string{
		"Associate Product Manager (APM)": {"Associate Product Manager", "APM"},
		"Software Engineer (IC2)":         {"Software Engineer", "IC2"},
		"Senior Product Manager (Remote)": {"Senior Product Manager (Remote)", ""},
		"Director of Product (2025)":      {"Director of Product (2025)", ""},
	} {
		if got, short := shortName(title); got != want[0] || short != want[1] {
			t.Errorf("shortName(%q) = %q, %q, want %q, %q", title, got, short, want[0], want[1])
		}
	}
	table := func(codes ...string) *content.Table {
		tb := &content.Table{}
		for _, c := range codes {
			tb.Rows = append(tb.Rows, []content.Inline{{{Text: c}}, {{Text: "Product Manager"}}})
		}
		return tb
	}
	rewrite := func(s string) string { return s }
	if got := levelCodes(table("P1", "P2", "P3"), 1, rewrite); len(got) != 3 {
		t.Errorf("codes P1-P3: %q", got)
	}
	for _, codes := range [][]string{{"A", "B", "C"}, {"P1", "P1", "P2"}, {"P1", "Senior 2", "P3"}} {
		if got := levelCodes(table(codes...), 1, rewrite); got != nil {
			t.Errorf("codes %q: %q, want none", codes, got)
		}
	}
}

// gradesPage is a ladder that tells two grades of one role apart: the
// Director and the Senior Director, the VP and the SVP.
const gradesPage = "# Leadership\n\n## Levels\n\n| Level | Title | Team |\n| --- | --- | --- |\n" +
	"| L1 | Director | 40 people |\n| L2 | Senior Director | 90 people |\n| L3 | VP of Engineering | 200 people |\n" +
	"| L4 | SVP of Engineering | all of engineering |\n\n" +
	"## Director Expectations\n\nA director runs a group of teams and owns its budget.\n\n" +
	"## Senior Director Expectations\n\nA senior director runs several groups and chairs the change board.\n\n" +
	"## VP of Engineering Expectations\n\nA VP owns a business line's technology and approves headcount in plan.\n\n" +
	"## SVP of Engineering Expectations\n\nThe SVP owns all of engineering and approves headcount outside the plan.\n"

// TestLadderTellsGradesApart: where a table of levels lists two grades of
// one role of the roles list, each is a role of its own, so that a
// question setting them against each other is answered, and each is
// named by its own grade alone ("SVP"), not by the other's names.
func TestLadderTellsGradesApart(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "leaders.md", gradesPage)
	for _, tt := range []struct{ question, want string }{
		{"senior director vs director – is it just a bigger team?", "Senior Director Expectations"},
		{"hc approvals: vp vs svp for roles not in plan", "SVP of Engineering Expectations"},
		{"what does the svp own", "SVP of Engineering Expectations"},
		{"who chairs the change board, a senior director?", "Senior Director Expectations"},
		{"what does a vice president of engineering approve", "VP of Engineering Expectations"},
	} {
		r, err := ix.Ask(t.Context(), tt.question, 3)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(r.Hits, func(h Hit) bool { return h.Section.Title == tt.want }) {
			t.Errorf("%q: %+v, want %s among the hits", tt.question, r, tt.want)
		}
	}
	l, err := ladderOf(ix.guide, ix.vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"SVP of Engineering", "SVP", "L4"}, {"Senior Director", "sr director", "snr director", "L2"}}
	if !slices.EqualFunc(l.Roles, want, slices.Equal) {
		t.Errorf("ladder roles %q, want %q", l.Roles, want)
	}
}

// TestLevelOfTwoTitles: a cell that lists two titles of one level ("Staff
// Designer or Design Manager") names that level by either, and its code
// names it too, as a role of its own.
func TestLevelOfTwoTitles(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "design.md", "# Design\n\n## Salary Bands\n\nSalaries are in pounds.\n\n| Level | Title | Mid |\n| --- | --- | --- |\n"+
		"| D2 | Product Designer | £52,000 |\n| D3 | Senior Designer | £69,000 |\n| D4 | Staff Designer or Design Manager | £88,000 |\n| D5 | Design Director | £115,000 |\n")
	bands, _ := ix.guide.Section("salary-bands")
	for _, q := range []string{"how much does a design manager make", "staff designer salary", "how much does a D4 make?"} {
		if got := ix.levelRows(bands, ix.readQuestion(q).readWords); !slices.Equal(got, []RowRef{{Table: 0, Row: 2}}) {
			t.Errorf("%q names the rows %v, want the D4 row", q, got)
		}
	}
	r, err := ix.Ask(t.Context(), "how much does a D4 make?", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || !slices.Equal(r.Hits[0].Rows, []RowRef{{Table: 0, Row: 2}}) {
		t.Errorf("how much does a D4 make: %+v, want the D4 row", r)
	}
}

// TestLadderCodesOfTwoLadders: two ladders that give the same codes to
// different levels ("L2" a Senior EM and a Senior PM) name no level by
// them, and keep their levels apart.
func TestLadderCodesOfTwoLadders(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "ladders.md", "# Ladders\n\n## Engineering\n\n| Level | Title |\n| --- | --- |\n"+
		"| L1 | Engineering Manager |\n| L2 | Senior Engineering Manager |\n| L3 | Director |\n\n"+
		"## Product\n\n| Level | Title |\n| --- | --- |\n| L1 | Product Manager |\n| L2 | Senior Product Manager |\n| L3 | Director of Product |\n")
	l, err := ladderOf(ix.guide, ix.vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	for _, names := range l.Roles {
		if slices.Contains(names, "L2") || slices.Contains(names, "Senior Engineering Manager") && slices.Contains(names, "Senior Product Manager") {
			t.Errorf("a role of the ladder %q: the code names two levels", names)
		}
	}
	if len(l.Codes) != 0 {
		t.Errorf("codes of the list's roles %v, want none", l.Codes)
	}
}

// TestGrades: a role's name names a grade of it where, without its grade
// word or with its rank as the role's own, it is another of its names.
func TestGrades(t *testing.T) {
	t.Parallel()
	v, err := defaultThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	lr := ladderReading{rewrite: v.Rewrite}
	for _, tt := range []struct {
		name string
		role []string
		want bool
	}{
		{"senior director", []string{"director", "senior director"}, true},
		{"snr director", []string{"director", "snr director"}, true},
		{"svp", []string{"VP", "SVP"}, true},
		{"chief technology officer", []string{"CTO", "chief technology officer"}, false},
		{"staff engineer", []string{"staff engineer", "staff eng"}, false},
		{"director", []string{"director", "senior director"}, false},
	} {
		if got := aGrade(strings.Fields(tt.name), tt.role, lr); got != tt.want {
			t.Errorf("aGrade(%q, %q) = %v, want %v", tt.name, tt.role, got, tt.want)
		}
	}
}

// TestLadderOwnRolesFindTables: a table whose titles are mostly the
// ladder's own roles ("Associate PM", "Senior PM") is a table of levels
// too, though the roles list names only one of its titles.
func TestLadderOwnRolesFindTables(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "pm.md", "# PM\n\n## Levels\n\n| Level | Title |\n| --- | --- |\n| P1 | Associate PM |\n| P2 | Product Manager |\n"+
		"| P3 | Senior PM |\n| P4 | Director of Product |\n\n## Salary Bands\n\n| Title | Mid |\n| --- | --- |\n"+
		"| Associate PM | $110,000 |\n| Senior PM | $187,000 |\n| Product Manager | $150,000 |\n")
	bands, _ := ix.guide.Section("salary-bands")
	if got := ix.levelRows(bands, ix.readQuestion("how much does a PM make?").readWords); !slices.Equal(got, []RowRef{{Table: 0, Row: 2}}) {
		t.Errorf("how much does a PM make: the rows %v, want Product Manager's", got)
	}
}

// TestPayOfALevelFromTheTableThatStatesIt: the row of a level named
// answers for its pay only where its table states pay; a table of titles
// and scopes gives way to the sentence that does.
func TestPayOfALevelFromTheTableThatStatesIt(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "pm.md", "# Product Management\n\n## Levels and Compensation\n\n| Level | Title | Scope |\n| --- | --- | --- |\n"+
		"| P1 | Associate Product Manager | a feature |\n| P2 | Product Manager | a product area |\n| P3 | Senior Product Manager | a product line |\n"+
		"| P4 | Director of Product | a portfolio |\n\nSalary: a Senior Product Manager earns $165,000 to $210,000 base; a Product Manager earns $130,000 to $170,000 base.\n\n"+
		"## Promotion\n\nPromotions happen twice a year, in March and September.\n")
	r, err := ix.Ask(t.Context(), "what's the salary range for a product manager?", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].Passage == nil || !strings.Contains(r.Hits[0].Passage.Text, "$130,000") {
		t.Errorf("the salary range for a product manager: %+v, want the sentence that states it", r)
	}
}

// TestLadderBesideReportsTo: a table of levels whose titles give their
// short names in brackets ("Engineering Manager (EM)", "Director (Dir)")
// names its levels by that column, not by the next one of whom each
// level reports to, which names one role in most rows too: L8 is the
// Director's code, not the Senior EM's, and the guide describes the
// Director.
func TestLadderBesideReportsTo(t *testing.T) {
	t.Parallel()
	ix := pageIndex(t, "path.md", "# Leadership Path\n\n## Scope by Level\n\n| Level | Title | Org size | Reports to |\n| --- | --- | --- | --- |\n"+
		"| L6 | Engineering Manager (EM) | 5-9 | SEM or Director |\n| L7 | Senior Engineering Manager (SEM) | 15-40 | Director |\n"+
		"| L8 | Director (Dir) | 40-120 | Senior Director or VP |\n| L9 | Senior Director (SD) | 120-300 | VP |\n| L10 | VP of Engineering (VPE) | 300+ | CTO |\n\n"+
		"# Engineering Manager (L6)\n\nRuns a team.\n\n# Director (L8)\n\nRuns an area.\n\n# VP of Engineering (L10)\n\nRuns engineering.\n")
	l, err := ladderOf(ix.guide, ix.vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string][]levelAt{"scope-by-level": {{0, 1}}}; !maps.EqualFunc(l.Tables, want, slices.Equal) {
		t.Errorf("tables of levels %v, want %v: Scope by Level's Title column", l.Tables, want)
	}
	codes := map[string]string{}
	for _, names := range ix.roleNames {
		for _, n := range names {
			if len(n) > 1 && n[0] == 'L' && strings.Trim(n[1:], "0123456789") == "" {
				codes[n] = names[0]
			}
		}
	}
	if want := map[string]string{"L6": "EM", "L7": "Senior Engineering Manager", "L8": "director", "L9": "Senior Director", "L10": "VP"}; !maps.Equal(codes, want) {
		t.Errorf("levels' codes name %v, want %v", codes, want)
	}
	if got := ix.Roles(); !slices.Contains(got, "Director") || slices.ContainsFunc(got, func(n string) bool { return codes[n] != "" }) {
		t.Errorf("the guide describes %q, want the Director among them and no level's code", got)
	}
}
