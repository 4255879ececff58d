package content

// Page is one markdown file of the guide.
type Page struct {
	// Name is the file name the page was read from, such as "director.md".
	Name string
	// Label is the short name shown in breadcrumbs: the frontmatter label,
	// else the page title.
	Label string
	// Order sorts pages; lower comes first, ties by Name.
	Order int
	// Meta holds every frontmatter key, including label and order.
	Meta map[string]any
	// metaLines holds the file line of each frontmatter key, for errors.
	metaLines map[string]int
	// Root is the page's top section: its level-1 heading, or a section made
	// from the label when the page has none.
	Root *Section
}
