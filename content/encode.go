package content

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
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
	files, err := readFiles(fsys)
	if err != nil {
		return "", err
	}
	return files.fingerprint(), nil
}

// guideFiles are the files of a guide folder, pages sorted by name.
type guideFiles struct {
	pages    []namedFile
	synonyms []byte
}

type namedFile struct {
	name string
	src  []byte
}

func readFiles(fsys fs.FS) (guideFiles, error) {
	var files guideFiles
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return files, fmt.Errorf("list pages: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return files, fmt.Errorf("read page %s: %w", name, err)
		}
		files.pages = append(files.pages, namedFile{name, src})
	}
	files.synonyms, err = fs.ReadFile(fsys, SynonymsFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return files, fmt.Errorf("read %s: %w", SynonymsFile, err)
	}
	return files, nil
}

// fingerprint hashes the files' names and bytes, and the version of
// Encode's format, which a kept guide must match.
func (files guideFiles) fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "encoding %d\x00", encodingVersion)
	for _, f := range append(files.pages, namedFile{SynonymsFile, files.synonyms}) {
		fmt.Fprintf(h, "%s\x00%d\x00", f.name, len(f.src))
		h.Write(f.src)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// encodingVersion changes whenever Encode's format does.
const encodingVersion = 1

// A guide is encoded as a header, then each section as a value of its
// own, pages in order, each page's sections in guide order: a decoder
// then reads one section at a time rather than the whole guide at once.
type storedHeader struct {
	Pages       []storedPage
	Synonyms    []byte
	Fingerprint string
}

type storedPage struct {
	Name, Label string
	Order       int
	// Meta is the frontmatter as YAML, as it was read: its values may be
	// of any type.
	Meta     []byte
	Sections int
}

type storedSection struct {
	ID, Title   string
	Level, Line int
	// Parent is the parent's place in its page's sections, -1 for the root.
	Parent int
	Blocks []Block
}

// Encode writes the parsed guide, so that Decode can give it back without
// parsing its markdown again.
func (g *Guide) Encode(w io.Writer) error {
	h := storedHeader{Synonyms: g.Synonyms, Fingerprint: g.Fingerprint}
	trees := make([][]*Section, len(g.Pages))
	for i, p := range g.Pages {
		meta, err := yaml.Marshal(p.Meta)
		if err != nil {
			return fmt.Errorf("encode frontmatter of %s: %w", p.Name, err)
		}
		trees[i] = append([]*Section{p.Root}, p.Root.Descendants()...)
		h.Pages = append(h.Pages, storedPage{Name: p.Name, Label: p.Label, Order: p.Order, Meta: meta, Sections: len(trees[i])})
	}
	enc := gob.NewEncoder(w)
	if err := enc.Encode(h); err != nil {
		return fmt.Errorf("encode guide: %w", err)
	}
	for _, tree := range trees {
		place := make(map[*Section]int, len(tree))
		for i, s := range tree {
			place[s] = i
			parent := -1
			if s.Parent != nil {
				parent = place[s.Parent]
			}
			if err := enc.Encode(storedSection{ID: s.ID, Title: s.Title, Level: s.Level, Line: s.Line, Parent: parent, Blocks: s.Blocks}); err != nil {
				return fmt.Errorf("encode section %s: %w", s.ID, err)
			}
		}
	}
	return nil
}

// Decode reads a guide that Encode wrote.
func Decode(r io.Reader) (*Guide, error) {
	dec := gob.NewDecoder(r)
	var h storedHeader
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("decode guide: %w", err)
	}
	g := &Guide{Synonyms: h.Synonyms, Fingerprint: h.Fingerprint, byID: map[string]*Section{}}
	for _, sp := range h.Pages {
		p := &Page{Name: sp.Name, Label: sp.Label, Order: sp.Order}
		if err := yaml.Unmarshal(sp.Meta, &p.Meta); err != nil {
			return nil, fmt.Errorf("decode frontmatter of %s: %w", sp.Name, err)
		}
		if sp.Sections < 1 {
			return nil, fmt.Errorf("decode guide: page %s has no sections", sp.Name)
		}
		sections := make([]*Section, sp.Sections)
		for i := range sections {
			var ss storedSection
			if err := dec.Decode(&ss); err != nil {
				return nil, fmt.Errorf("decode guide: page %s: %w", sp.Name, err)
			}
			s := &Section{ID: ss.ID, Title: ss.Title, Level: ss.Level, Line: ss.Line, Page: p, Blocks: ss.Blocks}
			switch {
			case i == 0:
				p.Root = s
			case ss.Parent < 0 || ss.Parent >= i:
				return nil, fmt.Errorf("decode guide: section %s of %s has no parent before it", ss.ID, sp.Name)
			default:
				s.Parent = sections[ss.Parent]
				s.Parent.Children = append(s.Parent.Children, s)
			}
			sections[i] = s
			if err := g.register(s); err != nil {
				return nil, err
			}
		}
		g.Pages = append(g.Pages, p)
	}
	if err := g.resolve(); err != nil {
		return nil, err
	}
	return g, nil
}
