// Package content reads the career guide: markdown pages, embedded or from
// a folder, parsed into a tree of sections with their text, lists, tables
// and examples, each with a stable ID. It knows guides and nothing of
// search or Slack.
package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

//go:embed *.md examples.jsonl
var embedded embed.FS

// Guide is the whole knowledge base: its pages and every section in them.
type Guide struct {
	// Pages are sorted by Order, then Name.
	Pages []*Page
	// Synonyms is the guide's own synonyms.txt, empty when it has none:
	// vocabulary that extends the search's thesaurus (Solr's synonyms
	// format).
	Synonyms []byte
	// Outside is the guide's own outside.txt, empty when it has none:
	// topics it leaves to others, one word or phrase a line, added to the
	// search's own list (written for a guide about the Director and VP
	// roles), and "-word" lines that drop one of that list's.
	Outside []byte
	// Roles is the guide's own roles.txt, nil when it has none: the
	// people a question may be about, one role a line by its names, each
	// in place of the search's own role it shares a name with; the
	// search's others are still known. Those its headings name are the
	// ones it describes.
	Roles []byte
	// Fingerprint identifies the files the guide was read from, as
	// Fingerprint does; empty for a guide made with New.
	Fingerprint string
	sections    []*Section
	byID        map[string]*Section
	// path, prompts and about are read from the frontmatter and
	// headings (path.go).
	path        *Path
	prompts     []Prompt
	about       string
	unusedAbout []string
	// asked holds the questions of the guide's examples.jsonl by the
	// sections and rows that answer them (ExamplesFile, Asked).
	asked map[rowKey][]string
	// ranks holds, beside asked, where each question names the section
	// among those it names: 0 for the first.
	ranks map[rowKey][]int
	// unanswered holds the questions of examples.jsonl that name no
	// section: questions the guide does not answer (Unanswered).
	unanswered []string
	// taught holds the questions of TaughtFile (Taught).
	taught []Question
	// shared holds the lines of examples.jsonl that name a title several
	// sections share (SharedTitles).
	shared []string
	// lost counts the lessons whose sections are all gone (LostLessons).
	lost int
	// examples tells a guide whose ExamplesFile holds questions
	// (HasExamples).
	examples bool
}

// EmbeddedFiles returns the files of the guide compiled into the binary.
func EmbeddedFiles() fs.FS { return embedded }

// Embedded returns the guide compiled into the binary.
func Embedded() (*Guide, error) {
	g, err := Load(embedded)
	if err != nil {
		return nil, fmt.Errorf("load embedded guide: %w", err)
	}
	return g, nil
}

// noPages tells why a folder has no page: its pages lie in subfolders, or
// its files are named otherwise ("Staff.markdown", "PRINCIPAL.MD").
func noPages(fsys fs.FS) error {
	if nested(fsys) {
		return errors.New("no *.md pages found: a guide's pages lie at the top of its folder, not in subfolders")
	}
	entries, err := fs.ReadDir(fsys, ".")
	var names []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	if err != nil || len(names) == 0 {
		return errors.New("no *.md pages found")
	}
	const shown = 5
	list := strings.Join(names[:min(len(names), shown)], ", ")
	if len(names) > shown {
		list += fmt.Sprintf(" and %d more", len(names)-shown)
	}
	return fmt.Errorf("no *.md pages found among %s: a page's name ends in .md, in lower case", list)
}

// nested reports whether a subfolder of fsys holds a *.md page, which Load
// does not read.
func nested(fsys fs.FS) bool {
	found := false
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(p, "/") && strings.HasSuffix(p, ".md") {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// LoadDir reads every *.md page in dir, replacing the embedded guide.
func LoadDir(dir string) (*Guide, error) {
	g, err := Load(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("load guide %s: %w", dir, err)
	}
	return g, nil
}

// Load reads every *.md page at the top of fsys, its synonyms and its
// examples, those taught in Slack included.
func Load(fsys fs.FS) (*Guide, error) {
	files, err := readFiles(fsys)
	if err != nil {
		return nil, err
	}
	if len(files.pages) == 0 {
		return nil, noPages(fsys)
	}
	// Every page's mistakes are told at once, so that all are mended in
	// one go.
	pages := make([]*Page, 0, len(files.pages))
	var mistakes []error
	for _, f := range files.pages {
		p, err := ParsePage(f.name, f.src)
		if err != nil {
			mistakes = append(mistakes, err)
			continue
		}
		pages = append(pages, p)
	}
	if len(mistakes) > 0 {
		// The pages that parsed are not checked for duplicate headings:
		// without the others, their IDs lose their file's prefix.
		return nil, errors.Join(mistakes...)
	}
	g, err := New(pages)
	if err != nil {
		return nil, err
	}
	g.Synonyms, g.Outside, g.Roles = files.synonyms, files.outside, files.roles
	if err := g.fileExamples(files.examples, files.taught); err != nil {
		return nil, err
	}
	g.Fingerprint = files.fingerprint()
	return g, nil
}

// SynonymsFile is the file of a guide's folder that extends the search's
// thesaurus.
const SynonymsFile = "synonyms.txt"

// OutsideFile is the file of a guide's folder that changes the search's
// list of topics left to others (Guide.Outside).
const OutsideFile = "outside.txt"

// RolesFile is the file of a guide's folder that names the people its
// questions may be about, beside the search's own list (Guide.Roles).
const RolesFile = "roles.txt"

// New assembles parsed pages into a guide, ordering them and giving every
// section its ID. Two sections with the same ID are an error.
func New(pages []*Page) (*Guide, error) {
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].Order != pages[j].Order {
			return pages[i].Order < pages[j].Order
		}
		return pages[i].Name < pages[j].Name
	})
	g := &Guide{Pages: pages, byID: map[string]*Section{}}
	// Every duplicate is told at once, so that all are mended in one go:
	// the first maxMistakes of each page.
	var dups []error
	for _, p := range pages {
		prefix := ""
		if len(pages) > 1 {
			prefix = Slug(strings.TrimSuffix(path.Base(p.Name), ".md"))
		}
		m := mistakeList{file: p.Name}
		g.addTree(p.Root, prefix, &m)
		dups = append(dups, m.err())
	}
	if err := errors.Join(dups...); err != nil {
		return nil, err
	}
	if err := g.resolve(); err != nil {
		return nil, err
	}
	return g, nil
}

// addTree names s and its descendants, and lists in dups each whose ID
// an earlier section has. A page root is named by its prefix (or its own
// title on a single-page guide); below it, IDs are slug paths of the
// headings, without the page title, so they read like the guide's outline.
func (g *Guide) addTree(root *Section, prefix string, dups *mistakeList) {
	root.ID = prefix
	if root.ID == "" {
		root.ID = Slug(root.Title)
	}
	for _, s := range append([]*Section{root}, root.Descendants()...) {
		if s != root {
			s.ID = Slug(s.Title)
			if s.Parent != root {
				s.ID = s.Parent.ID + "/" + s.ID
			} else if prefix != "" {
				s.ID = prefix + "/" + s.ID
			}
		}
		if dup := g.register(s); dup != nil {
			dups.add(dup)
		}
	}
}

// register adds a section by its ID, and returns the mistake, without
// adding it, when an earlier section has that ID.
func (g *Guide) register(s *Section) *Error {
	if prev, ok := g.byID[s.ID]; ok {
		return &Error{File: s.Page.Name, Line: s.Line, Msg: fmt.Sprintf("duplicate section ID %q: %q at %s:%d has the same one; rename one heading", s.ID, prev.Title, prev.Page.Name, prev.Line)}
	}
	g.byID[s.ID] = s
	g.sections = append(g.sections, s)
	return nil
}

// Sections returns every section in guide order: pages in order, each page
// depth first.
func (g *Guide) Sections() []*Section { return g.sections }

// Section finds a section by ID.
func (g *Guide) Section(id string) (*Section, bool) {
	s, ok := g.byID[id]
	return s, ok
}

// UntitledPages tells, for each page without a level-1 title or a label,
// that its sections show under its file's name: "onboarding.md has no #
// title nor label: its sections show under “onboarding”, its file's name".
func (g *Guide) UntitledPages() []string {
	var out []string
	for _, p := range g.Pages {
		_, labeled := p.Meta["label"]
		_, titled := metaTitle(p)
		if name := strings.TrimSuffix(p.Name, ".md"); !labeled && !titled && p.Root.Title == name {
			out = append(out, fmt.Sprintf("%s has no # title nor label: its sections show under “%s”, its file's name; give it a # title", p.Name, name))
		}
	}
	return out
}
