package content

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"sort"

	"go.yaml.in/yaml/v3"
)

// Fingerprint identifies a guide folder's content without parsing it: its
// pages' names and bytes, and its synonyms file. A large guide is hashed
// in a fraction of the time parsing it takes.
func Fingerprint(fsys fs.FS) (string, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return "", fmt.Errorf("list pages: %w", err)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range append(names, SynonymsFile) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil && name == SynonymsFile {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("read page %s: %w", name, err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(src))
		h.Write(src)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// storedGuide is a guide as Encode writes it: each page's sections in
// guide order, each naming its parent by its place among them.
type storedGuide struct {
	Pages    []storedPage
	Synonyms []byte
}

type storedPage struct {
	Name, Label string
	Order       int
	// Meta is the frontmatter as YAML, as it was read: its values may be
	// of any type.
	Meta     []byte
	Sections []storedSection
}

type storedSection struct {
	ID, Title   string
	Level, Line int
	// Parent is the parent's place in the page's sections, -1 for the root.
	Parent int
	Blocks []Block
}

// Encode writes the parsed guide, so that Decode can give it back without
// parsing its markdown again.
func (g *Guide) Encode(w io.Writer) error {
	sg := storedGuide{Synonyms: g.Synonyms}
	for _, p := range g.Pages {
		meta, err := yaml.Marshal(p.Meta)
		if err != nil {
			return fmt.Errorf("encode frontmatter of %s: %w", p.Name, err)
		}
		sp := storedPage{Name: p.Name, Label: p.Label, Order: p.Order, Meta: meta}
		place := map[*Section]int{}
		for _, s := range append([]*Section{p.Root}, p.Root.Descendants()...) {
			parent := -1
			if s.Parent != nil {
				parent = place[s.Parent]
			}
			place[s] = len(sp.Sections)
			sp.Sections = append(sp.Sections, storedSection{ID: s.ID, Title: s.Title, Level: s.Level, Line: s.Line, Parent: parent, Blocks: s.Blocks})
		}
		sg.Pages = append(sg.Pages, sp)
	}
	if err := gob.NewEncoder(w).Encode(sg); err != nil {
		return fmt.Errorf("encode guide: %w", err)
	}
	return nil
}

// Decode reads a guide that Encode wrote.
func Decode(r io.Reader) (*Guide, error) {
	var sg storedGuide
	if err := gob.NewDecoder(r).Decode(&sg); err != nil {
		return nil, fmt.Errorf("decode guide: %w", err)
	}
	g := &Guide{Synonyms: sg.Synonyms, byID: map[string]*Section{}}
	for _, sp := range sg.Pages {
		p := &Page{Name: sp.Name, Label: sp.Label, Order: sp.Order}
		if err := yaml.Unmarshal(sp.Meta, &p.Meta); err != nil {
			return nil, fmt.Errorf("decode frontmatter of %s: %w", sp.Name, err)
		}
		sections := make([]*Section, len(sp.Sections))
		for i, ss := range sp.Sections {
			s := &Section{ID: ss.ID, Title: ss.Title, Level: ss.Level, Line: ss.Line, Page: p, Blocks: ss.Blocks}
			if ss.Parent < 0 || ss.Parent >= i {
				if i > 0 {
					return nil, fmt.Errorf("decode guide: section %s of %s has no parent before it", ss.ID, sp.Name)
				}
				p.Root = s
			} else {
				s.Parent = sections[ss.Parent]
				s.Parent.Children = append(s.Parent.Children, s)
			}
			sections[i] = s
			if err := g.register(s); err != nil {
				return nil, err
			}
		}
		if p.Root == nil {
			return nil, fmt.Errorf("decode guide: page %s has no sections", sp.Name)
		}
		g.Pages = append(g.Pages, p)
	}
	return g, nil
}
