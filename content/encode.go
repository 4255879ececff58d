package content

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Fingerprint identifies a guide folder's content without parsing it: its
// pages' names and bytes, its synonyms and its examples. A large guide is hashed
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
	pages                      []namedFile
	synonyms, examples, taught []byte
	// outside and roles are nil when the folder has no outside.txt or
	// roles.txt.
	outside, roles []byte
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
		files.pages = append(files.pages, namedFile{name, withoutBOM(src)})
	}
	if files.synonyms, err = readOptional(fsys, SynonymsFile); err != nil {
		return files, err
	}
	if files.outside, err = readOptional(fsys, OutsideFile); err != nil {
		return files, err
	}
	if files.roles, err = readOptional(fsys, RolesFile); err != nil {
		return files, err
	}
	if files.examples, err = readExamples(fsys); err != nil {
		return files, err
	}
	files.taught, err = readOptional(fsys, TaughtFile)
	return files, err
}

// readOptional reads a file a guide may do without: nil when there is
// none, and never nil when there is one, empty or not.
func readOptional(fsys fs.FS, name string) ([]byte, error) {
	src, err := fs.ReadFile(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", name, err)
	case src == nil:
		return []byte{}, nil
	}
	return withoutBOM(src), nil
}

// maxExamples bounds the examples a compressed file may unpack to: the
// embedded guide's are 2.3 MB.
const maxExamples = 64 << 20

// readExamples reads the guide's examples, from ExamplesFile or, compressed
// to fit a Kubernetes ConfigMap (1 MiB in all), from CompressedExamplesFile;
// nil when there are none.
func readExamples(fsys fs.FS) ([]byte, error) {
	plain, err := readOptional(fsys, ExamplesFile)
	if err != nil {
		return nil, err
	}
	packed, err := readOptional(fsys, CompressedExamplesFile)
	switch {
	case err != nil || packed == nil:
		return plain, err
	case plain != nil:
		return nil, fmt.Errorf("the guide has both %s and %s: keep one", ExamplesFile, CompressedExamplesFile)
	}
	r, err := gzip.NewReader(bytes.NewReader(packed))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", CompressedExamplesFile, err)
	}
	src, err := io.ReadAll(io.LimitReader(r, maxExamples+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", CompressedExamplesFile, err)
	case len(src) > maxExamples:
		return nil, fmt.Errorf("read %s: it unpacks to more than %d MiB", CompressedExamplesFile, maxExamples>>20)
	}
	return withoutBOM(src), nil
}

// bom is the byte order mark some editors (Notepad among them) start a
// UTF-8 file with.
var bom = []byte("\ufeff")

// withoutBOM returns a file's bytes without a byte order mark: read as
// text, it would hide a page's opening "---", whose frontmatter would show
// as its first paragraph, or make an examples file's first line no JSON.
func withoutBOM(src []byte) []byte { return bytes.TrimPrefix(src, bom) }

// fingerprint hashes the files' names and bytes, and the version of
// Encode's format, which a kept guide must match.
func (files guideFiles) fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "encoding %d\x00", encodingVersion)
	for _, f := range append(files.pages, namedFile{SynonymsFile, files.synonyms}, namedFile{ExamplesFile, files.examples}) {
		fmt.Fprintf(h, "%s\x00%d\x00", f.name, len(f.src))
		h.Write(f.src)
	}
	// Files a guide may lack are hashed only when it has them, so that
	// a guide without them keeps the fingerprint it had before they were
	// read.
	for _, f := range []namedFile{{OutsideFile, files.outside}, {TaughtFile, files.taught}, {RolesFile, files.roles}} {
		if f.src != nil {
			fmt.Fprintf(h, "%s\x00%d\x00", f.name, len(f.src))
			h.Write(f.src)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// encodingVersion changes whenever Encode's format does.
const encodingVersion = 11

// A guide is encoded as a header, then each section as a value of its
// own, pages in order, each page's sections in guide order: a decoder
// then reads one section at a time rather than the whole guide at once.
// A section's body is JSON of its own, decoded only when first read
// (Section.Blocks); a trailer holds the CRC-32C of all bodies, so that a
// damaged file fails Decode rather than a later read.
type storedHeader struct {
	Pages    []storedPage
	Synonyms []byte
	// Outside is the guide's outside.txt.
	Outside []byte
	// Roles is the guide's roles.txt; OwnRoles tells that it has one.
	Roles    []byte
	OwnRoles bool
	// Asked holds the examples' questions by section and row, as Asked
	// and AskedRow return them.
	Asked []storedAsked
	// Unanswered holds the examples' questions that name no section.
	Unanswered []string
	// Taught holds the questions taught in Slack.
	Taught []Question
	// Examples, Shared and Lost are what HasExamples, SharedTitles and
	// LostLessons tell of the guide: a reopened index warns as a built
	// one does.
	Examples    bool
	Shared      []string
	Lost        int
	Fingerprint string
}

type storedAsked struct {
	// Section is the section's place in the guide's order; Table is -1
	// for the section itself.
	Section, Table, Row int
	Questions           []string
	// Ranks are the questions' AskedRanks.
	Ranks []int
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
	Body   []byte
}

type storedTrailer struct {
	BodiesCRC uint32
}

// crcTable is CRC-32C, which the processor computes.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Encode writes the parsed guide, so that Decode can give it back without
// parsing its markdown again.
func (g *Guide) Encode(w io.Writer) error {
	h := storedHeader{Synonyms: g.Synonyms, Outside: g.Outside, Roles: g.Roles, OwnRoles: g.Roles != nil, Asked: g.storedAsked(), Unanswered: g.unanswered, Taught: g.taught, Examples: g.examples, Shared: g.shared, Lost: g.lost, Fingerprint: g.Fingerprint}
	trees := make([][]*Section, len(g.Pages))
	for i, p := range g.Pages {
		meta, err := yaml.Marshal(p.Meta)
		if err != nil {
			return fmt.Errorf("encode frontmatter of %s: %w", p.Name, err)
		}
		trees[i] = p.Sections()
		h.Pages = append(h.Pages, storedPage{Name: p.Name, Label: p.Label, Order: p.Order, Meta: meta, Sections: len(trees[i])})
	}
	enc := gob.NewEncoder(w)
	if err := enc.Encode(h); err != nil {
		return fmt.Errorf("encode guide: %w", err)
	}
	var crc uint32
	for _, tree := range trees {
		place := make(map[*Section]int, len(tree))
		for i, s := range tree {
			place[s] = i
			parent := -1
			if s.Parent != nil {
				parent = place[s.Parent]
			}
			body, err := json.Marshal(s.Blocks())
			if err != nil {
				return fmt.Errorf("encode section %s: %w", s.ID, err)
			}
			crc = crc32.Update(crc, crcTable, body)
			if err := enc.Encode(storedSection{ID: s.ID, Title: s.Title, Level: s.Level, Line: s.Line, Parent: parent, Body: body}); err != nil {
				return fmt.Errorf("encode section %s: %w", s.ID, err)
			}
		}
	}
	if err := enc.Encode(storedTrailer{BodiesCRC: crc}); err != nil {
		return fmt.Errorf("encode guide: %w", err)
	}
	return nil
}

// keptBlocks returns a function that decodes a section's body as Encode
// wrote it, the first time it is called. Decode checked the bodies'
// checksum, and Encode wrote them with json.Marshal, so a body that does
// not decode is a bug, not a damaged file: it panics, on every call, rather
// than give a partial body.
func keptBlocks(id string, body []byte) func() []Block {
	return sync.OnceValue(func() []Block {
		var blocks []Block
		if err := json.Unmarshal(body, &blocks); err != nil {
			panic(fmt.Sprintf("content: kept body of section %s: %v", id, err))
		}
		return blocks
	})
}

// Decode reads a guide that Encode wrote.
func Decode(r io.Reader) (*Guide, error) {
	dec := gob.NewDecoder(r)
	var h storedHeader
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("decode guide: %w", err)
	}
	// Room for every section, within reason: a damaged header's counts
	// fail below, not here.
	total := 0
	for _, sp := range h.Pages {
		total = min(total+min(max(sp.Sections, 0), 1<<20), 1<<20)
	}
	g := &Guide{Synonyms: h.Synonyms, Outside: h.Outside, Fingerprint: h.Fingerprint, examples: h.Examples, shared: h.Shared, lost: h.Lost, byID: make(map[string]*Section, total), sections: make([]*Section, 0, total)}
	if h.OwnRoles {
		g.Roles = append([]byte{}, h.Roles...)
	}
	var crc uint32
	for _, sp := range h.Pages {
		p := &Page{Name: sp.Name, Label: sp.Label, Order: sp.Order}
		if err := yaml.Unmarshal(sp.Meta, &p.Meta); err != nil {
			return nil, fmt.Errorf("decode frontmatter of %s: %w", sp.Name, err)
		}
		if sp.Sections < 1 {
			return nil, fmt.Errorf("decode guide: page %s has no sections", sp.Name)
		}
		// Appended rather than sized from the header, which may be damaged.
		var sections []*Section
		for i := range sp.Sections {
			var ss storedSection
			if err := dec.Decode(&ss); err != nil {
				return nil, fmt.Errorf("decode guide: page %s: %w", sp.Name, err)
			}
			crc = crc32.Update(crc, crcTable, ss.Body)
			s := &Section{ID: ss.ID, Title: ss.Title, Level: ss.Level, Line: ss.Line, Page: p, kept: keptBlocks(ss.ID, ss.Body)}
			switch {
			case i == 0:
				p.Root = s
			case ss.Parent < 0 || ss.Parent >= i:
				return nil, fmt.Errorf("decode guide: section %s of %s has no parent before it", ss.ID, sp.Name)
			default:
				s.Parent = sections[ss.Parent]
				s.Parent.Children = append(s.Parent.Children, s)
			}
			sections = append(sections, s)
			if dup := g.register(s); dup != nil {
				return nil, fmt.Errorf("decode guide: %w", dup)
			}
		}
		g.Pages = append(g.Pages, p)
	}
	var t storedTrailer
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("decode guide: %w", err)
	}
	if t.BodiesCRC != crc {
		return nil, errors.New("decode guide: the sections' bodies are damaged (checksum mismatch)")
	}
	if err := g.resolve(); err != nil {
		return nil, err
	}
	if err := g.keepAsked(h.Asked); err != nil {
		return nil, err
	}
	g.unanswered = h.Unanswered
	g.taught = h.Taught
	return g, nil
}

// storedAsked returns the examples' questions in the guide's order.
func (g *Guide) storedAsked() []storedAsked {
	if g.asked == nil {
		return nil
	}
	place := make(map[*Section]int, len(g.sections))
	for i, s := range g.sections {
		place[s] = i
	}
	out := make([]storedAsked, 0, len(g.asked))
	for k, qs := range g.asked {
		out = append(out, storedAsked{Section: place[k.Section], Table: k.Table, Row: k.Row, Questions: qs, Ranks: g.ranks[k]})
	}
	slices.SortFunc(out, func(a, b storedAsked) int {
		return cmp.Or(cmp.Compare(a.Section, b.Section), cmp.Compare(a.Table, b.Table), cmp.Compare(a.Row, b.Row))
	})
	return out
}

// keepAsked files the stored questions under their sections and rows.
func (g *Guide) keepAsked(stored []storedAsked) error {
	if stored == nil {
		return nil
	}
	g.asked, g.ranks = make(map[rowKey][]string, len(stored)), make(map[rowKey][]int, len(stored))
	for _, a := range stored {
		if a.Section < 0 || a.Section >= len(g.sections) || a.Table < -1 || a.Table >= 0 && a.Row < 0 {
			return fmt.Errorf("decode guide: examples of section %d, table %d, row %d of a guide of %d sections", a.Section, a.Table, a.Row, len(g.sections))
		}
		if len(a.Ranks) != len(a.Questions) {
			return fmt.Errorf("decode guide: %d examples of section %d with %d ranks", len(a.Questions), a.Section, len(a.Ranks))
		}
		key := rowKey{Section: g.sections[a.Section], Table: a.Table, Row: a.Row}
		g.asked[key], g.ranks[key] = a.Questions, a.Ranks
	}
	return nil
}
