package content

// Page is one markdown file of the guide.
type Page struct {
	// Name is the file name the page was read from, such as "director.md".
	Name string
	// Label is the short name shown in breadcrumbs: the frontmatter label
	// (or title, as static sites name it), else the page title.
	Label string
	// Order sorts pages; lower comes first, ties by Name.
	Order int
	// Company tells that the page states facts of the owner's own company
	// (frontmatter company: true), such as when its promotions happen,
	// which a guide to roles holds none of.
	Company bool
	// Meta holds every frontmatter key, including label and order.
	Meta map[string]any
	// metaLines holds the file line of each frontmatter key, for errors.
	metaLines map[string]int
	// Root is the page's top section: its level-1 heading, or a section made
	// from the label when the page has none.
	Root *Section
}

// Sections returns the page's sections, its root first, in the page's
// order.
func (p *Page) Sections() []*Section {
	return append([]*Section{p.Root}, p.Root.Descendants()...)
}
