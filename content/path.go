package content

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// A guide may describe the move to the next role: the readiness indicators
// a person ticks, the actions that close what they lack, how long the
// move takes and the pitfalls on the way. The bot builds a personal plan
// from them. Which sections play these parts comes from the guide: the
// frontmatter key plan, or else the heading convention below.
//
//	plan:
//	  indicators: Signals You Operate at Staff Level   # a heading of the page, or a section ID
//	  actions: Ways to Grow
//	  timeline: How Long It Takes
//	  pitfalls: Traps
//	  pins:                                           # a gap's actions, instead of the search
//	    Writes design docs other teams adopt: Write for a wider audience
//
// Without the key (or for a part it leaves out), the first section whose
// title matches a role's pattern plays it: indicators (with a list to
// tick), actions, timeline and pitfalls, each on the indicators' page.
// plan: false turns the plan off for a page. A guide without indicators
// offers no plan.

// Path is a guide's move to the next role.
type Path struct {
	// Page is the page the path is on.
	Page *Page
	// Indicators is the section whose list items are the indicators.
	Indicators *Section
	// Actions holds the actions that close gaps, each a subsection of its
	// own; Timeline says how long the move takes; Pitfalls what to avoid.
	// Each is nil when the guide has none.
	Actions, Timeline, Pitfalls *Section
	// Items are the indicators, in the guide's order.
	Items []Indicator
}

// Indicator is one sign of readiness that a person has or lacks.
type Indicator struct {
	// Text is the indicator as the guide words it.
	Text Inline
	// Key identifies the indicator by its words, the same as long as they
	// do not change (IndicatorKey).
	Key string
	// Pinned are the sections that close this gap, as the frontmatter's
	// plan.pins names them; nil means the search finds them.
	Pinned []*Section
}

// IndicatorKey is a short, stable key of an indicator's text: 16 hex
// digits of a hash of its words, lower-cased, on one line.
func IndicatorKey(text string) string {
	norm := strings.ToLower(strings.Join(strings.Fields(text), " "))
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:8])
}

// parts are the path's sections, nil where the guide has none.
func (p *Path) parts() []*Section {
	return []*Section{p.Indicators, p.Actions, p.Timeline, p.Pitfalls}
}

// Holds reports whether a section is part of the path: its indicators,
// actions, timeline or pitfalls, or the section above them ("Transition
// to VP"), but for a page's top, which is about everything on it ("what
// should I focus on as a new director?" is no question of the move to
// the next role), unless the page holds the path alone.
func (p *Path) Holds(s *Section) bool {
	return slices.ContainsFunc(p.parts(), func(part *Section) bool {
		return part != nil && (s.Within(part) || part.Parent == s && (s.Parent != nil || p.only(s)))
	})
}

// only reports whether every section below a page's top is the path's,
// or holds one of its parts: a page of the move to the next role alone.
func (p *Path) only(top *Section) bool {
	return !slices.ContainsFunc(top.Children, func(c *Section) bool {
		return !slices.ContainsFunc(p.parts(), func(part *Section) bool { return part != nil && part.Within(c) })
	})
}

// Indicator returns the indicator with the given key.
func (p *Path) Indicator(key string) (Indicator, bool) {
	for _, in := range p.Items {
		if in.Key == key {
			return in, true
		}
	}
	return Indicator{}, false
}

// Candidates are the sections that may close a gap: the actions'
// subsections, or the actions section when it has none; without one, the
// sections of the path's page outside its indicators, timeline and
// pitfalls.
func (p *Path) Candidates() []*Section {
	if p.Actions != nil {
		if len(p.Actions.Children) > 0 {
			return slices.Clone(p.Actions.Children)
		}
		return []*Section{p.Actions}
	}
	var out []*Section
	for _, s := range p.Page.Root.Descendants() {
		if s.Within(p.Indicators) || (p.Timeline != nil && s.Within(p.Timeline)) || (p.Pitfalls != nil && s.Within(p.Pitfalls)) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// ActionsNote tells a guide's owners, when the path's actions are one
// section whose list holds them ("1. **Write the strategy**: …"), that
// the plan takes the section for one action, which then closes every gap:
// each action needs a heading of its own. It is "" otherwise.
func (p *Path) ActionsNote() string {
	if p.Actions == nil || len(p.Actions.Children) > 0 {
		return ""
	}
	for _, b := range p.Actions.Blocks() {
		if b.Kind == List && len(b.Items) > 1 {
			return fmt.Sprintf("the plan pairs each gap with an action, and %q (%s) is one action: its list's %d items are not actions of their own; give each a heading (### or a bold line of its own) for the plan to pair gaps with them one by one",
				p.Actions.Title, p.Actions.Page.Name, len(b.Items))
		}
	}
	return ""
}

// Path returns the guide's move to the next role, nil when the guide has
// no readiness indicators.
func (g *Guide) Path() *Path { return g.path }

// Prompt is a suggested prompt: a short title people see, and the message
// sent when they pick it.
type Prompt struct {
	Title, Message string
}

// Prompts returns the suggested prompts of the guide's frontmatter key
// prompts (the first page that has it), at most MaxPrompts; none when no
// page has it.
func (g *Guide) Prompts() []Prompt { return g.prompts }

// Limits of the suggested prompts: Slack's agent container shows up to
// four (assistant.threads.setSuggestedPrompts), and in a plain DM a
// prompt is a button, whose label holds 75 characters.
const (
	MaxPrompts      = 4
	MaxPromptTitle  = 75
	maxPromptLength = 2000
)

// The heading convention: a section whose title holds one of a role's
// words or phrases (case-insensitive) plays that role.
var (
	indicatorsTitle = titleWords("indicator", "indicators", "readiness", "checklist", "ready for")
	actionsTitle    = titleWords("action", "actions", "steps", "how to get there")
	timelineTitle   = titleWords("timeline", "how long")
	pitfallsTitle   = titleWords("pitfall", "pitfalls", "mistakes", "traps", "antipattern", "antipatterns", "anti-pattern", "anti-patterns")
)

// titleRole is the words and phrases that give a section's title a role.
// Matching words rather than a regular expression keeps the convention
// cheap on a guide of 100,000 sections, where it may read every title.
type titleRole [][]string

func titleWords(phrases ...string) titleRole {
	r := make(titleRole, len(phrases))
	for i, p := range phrases {
		r[i] = wordsOf(p)
	}
	return r
}

// wordsOf returns the lower-case words of a phrase: runs of letters and
// digits.
func wordsOf(phrase string) []string {
	return strings.FieldsFunc(strings.ToLower(phrase), notWordRune)
}

func notWordRune(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) }

// matches reports whether a title holds one of the role's phrases, word
// for word, in any case. The title's words are slices of it, so that
// reading 100,000 titles allocates nothing.
func (r titleRole) matches(title string) bool {
	var buf [16]string
	words := buf[:0]
	for rest := title; rest != ""; {
		start := strings.IndexFunc(rest, func(c rune) bool { return !notWordRune(c) })
		if start < 0 {
			break
		}
		rest = rest[start:]
		end := strings.IndexFunc(rest, notWordRune)
		if end < 0 {
			end = len(rest)
		}
		words, rest = append(words, rest[:end]), rest[end:]
	}
	for i := range words {
		for _, p := range r {
			if i+len(p) <= len(words) && slices.EqualFunc(words[i:i+len(p)], p, strings.EqualFold) {
				return true
			}
		}
	}
	return false
}

// planKeys are the keys of the frontmatter's plan.
var planKeys = []string{"indicators", "actions", "timeline", "pitfalls", "pins"}

// resolve reads the path and the prompts from the pages' frontmatter and
// headings. A mistake in either is an *Error naming the page.
func (g *Guide) resolve() error {
	var err error
	if g.prompts, err = readPrompts(g.Pages); err != nil {
		return err
	}
	if g.about, g.unusedAbout, err = readAbout(g.Pages); err != nil {
		return err
	}
	g.path, err = g.findPath()
	return err
}

// findPath finds the path: on the first page whose frontmatter has a plan,
// else on the page of the first section the convention names indicators.
func (g *Guide) findPath() (*Path, error) {
	for _, p := range g.Pages {
		raw, ok := p.Meta["plan"]
		if !ok {
			continue
		}
		if raw == false {
			continue
		}
		spec, err := planSpec(p, raw)
		if err != nil {
			return nil, err
		}
		return g.pathOn(p, spec)
	}
	for _, s := range g.sections {
		if raw, ok := s.Page.Meta["plan"]; ok && raw == false {
			continue
		}
		if indicatorsTitle.matches(s.Title) && len(listItems(s)) > 0 {
			return g.pathOn(s.Page, map[string]any{})
		}
	}
	return nil, nil
}

// planSpec checks the shape of a page's plan frontmatter.
func planSpec(p *Page, raw any) (map[string]any, error) {
	spec, ok := raw.(map[string]any)
	if !ok {
		return nil, metaError(p, "plan", "frontmatter plan must be a map of indicators, actions, timeline, pitfalls and pins (or false), got %v", raw)
	}
	for k, v := range spec {
		if !slices.Contains(planKeys, k) {
			return nil, metaError(p, "plan", "frontmatter plan has an unknown key %q: want %s", k, strings.Join(planKeys, ", "))
		}
		if _, isText := v.(string); k != "pins" && !isText {
			return nil, metaError(p, "plan", "frontmatter plan.%s must be a heading's title or a section ID, got %v", k, v)
		}
	}
	return spec, nil
}

// pathOn resolves the path of one page: each part the frontmatter names,
// or the first section of the page the convention names.
func (g *Guide) pathOn(p *Page, spec map[string]any) (*Path, error) {
	sections := p.Sections()
	find := func(role string, pattern titleRole, skip ...*Section) (*Section, error) {
		if name, ok := spec[role].(string); ok {
			s := g.named(sections, name)
			if s == nil {
				return nil, metaError(p, "plan", "frontmatter plan.%s: no heading %q on this page and no section with that ID%s", role, name, g.elsewhereNamed(p, name))
			}
			return s, nil
		}
		for _, s := range sections {
			if s == p.Root || !pattern.matches(s.Title) || slices.Contains(skip, s) {
				continue
			}
			if role == "indicators" && len(listItems(s)) == 0 {
				continue
			}
			return s, nil
		}
		return nil, nil
	}
	path := &Path{Page: p}
	var err error
	if path.Indicators, err = find("indicators", indicatorsTitle); err != nil {
		return nil, err
	}
	if path.Indicators == nil {
		if len(spec) > 0 {
			return nil, metaError(p, "plan", "frontmatter plan: no indicators on this page: name them with plan.indicators")
		}
		return nil, nil
	}
	items := listItems(path.Indicators)
	if len(items) == 0 {
		return nil, metaError(p, "plan", "frontmatter plan.indicators: %q has no list items to tick", path.Indicators.Title)
	}
	if path.Actions, err = find("actions", actionsTitle, path.Indicators); err != nil {
		return nil, err
	}
	if path.Timeline, err = find("timeline", timelineTitle, path.Indicators); err != nil {
		return nil, err
	}
	if path.Pitfalls, err = find("pitfalls", pitfallsTitle, path.Indicators); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, it := range items {
		key := IndicatorKey(it.Plain())
		if seen[key] || strings.TrimSpace(it.Plain()) == "" {
			continue
		}
		seen[key] = true
		path.Items = append(path.Items, Indicator{Text: it, Key: key})
	}
	if err := g.pin(p, path, spec["pins"]); err != nil {
		return nil, err
	}
	return path, nil
}

// pin reads plan.pins: indicators, by their words, to the headings (or
// section IDs) that close them.
func (g *Guide) pin(p *Page, path *Path, raw any) error {
	if raw == nil {
		return nil
	}
	pins, ok := raw.(map[string]any)
	if !ok {
		return metaError(p, "plan", "frontmatter plan.pins must map indicators to headings, got %v", raw)
	}
	keys := make([]string, 0, len(pins))
	for k := range pins {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	scope := p.Sections()
	for _, indicator := range keys {
		i := -1
		for j, in := range path.Items {
			if in.Key == IndicatorKey(indicator) {
				i = j
			}
		}
		if i < 0 {
			return metaError(p, "plan", "frontmatter plan.pins: %q is not one of the indicators of %q", indicator, path.Indicators.Title)
		}
		var names []string
		switch v := pins[indicator].(type) {
		case string:
			names = []string{v}
		case []any:
			for _, n := range v {
				s, ok := n.(string)
				if !ok {
					return metaError(p, "plan", "frontmatter plan.pins: %q must name headings, got %v", indicator, n)
				}
				names = append(names, s)
			}
		default:
			return metaError(p, "plan", "frontmatter plan.pins: %q must name a heading or a list of them, got %v", indicator, v)
		}
		for _, n := range names {
			s := g.named(scope, n)
			if s == nil {
				return metaError(p, "plan", "frontmatter plan.pins: %q names %q, which is no heading of this page and no section ID%s", indicator, n, g.elsewhereNamed(p, n))
			}
			path.Items[i].Pinned = append(path.Items[i].Pinned, s)
		}
	}
	return nil
}

// elsewhereNamed tells, for a name no heading of page p has, the IDs of
// the sections of other pages that named finds by that title, which
// name them from p: "; 02-em.md has it: name it by its ID,
// 02-em/signs-of-readiness"; "" when no page has it.
func (g *Guide) elsewhereNamed(p *Page, name string) string {
	var found []string
	for _, other := range g.Pages {
		if other == p {
			continue
		}
		if s := g.named(other.Sections(), name); s != nil && s.Page == other {
			found = append(found, fmt.Sprintf("%s has it: name it by its ID, %s", other.Name, s.ID))
		}
	}
	if len(found) == 0 {
		return ""
	}
	return "; " + strings.Join(found, "; ")
}

// leadingNumber is a heading's numbering, such as "1. " or "2) ".
var leadingNumber = regexp.MustCompile(`^\s*\d+[.)]\s*`)

// named finds a section by title among sections (case-insensitive, with
// or without its numbering), else by ID in the whole guide.
func (g *Guide) named(sections []*Section, name string) *Section {
	want := strings.ToLower(strings.TrimSpace(name))
	for _, s := range sections {
		title := strings.ToLower(strings.TrimSpace(s.Title))
		if title == want || strings.ToLower(leadingNumber.ReplaceAllString(s.Title, "")) == want {
			return s
		}
	}
	if s, ok := g.byID[strings.TrimSpace(name)]; ok {
		return s
	}
	return nil
}

// listItems returns the items of a section's own lists.
func listItems(s *Section) []Inline {
	var out []Inline
	for _, b := range s.Blocks() {
		if b.Kind == List {
			out = append(out, b.Items...)
		}
	}
	return out
}

// readPrompts reads the frontmatter key prompts of the first page that has
// it: a list of texts, or of title and message.
func readPrompts(pages []*Page) ([]Prompt, error) {
	for _, p := range pages {
		raw, ok := p.Meta["prompts"]
		if !ok {
			continue
		}
		list, ok := raw.([]any)
		if !ok {
			return nil, metaError(p, "prompts", "frontmatter prompts must be a list, got %v", raw)
		}
		if len(list) > MaxPrompts {
			return nil, metaError(p, "prompts", "frontmatter prompts has %d prompts: Slack shows at most %d", len(list), MaxPrompts)
		}
		var out []Prompt
		for _, item := range list {
			var pr Prompt
			switch v := item.(type) {
			case string:
				pr = Prompt{Title: v, Message: v}
			case map[string]any:
				pr.Title, _ = v["title"].(string)
				pr.Message, _ = v["message"].(string)
				for k := range v {
					if k != "title" && k != "message" {
						return nil, metaError(p, "prompts", "frontmatter prompts: unknown key %q: want title and message", k)
					}
				}
			default:
				return nil, metaError(p, "prompts", "frontmatter prompts: a prompt is a text, or a title and a message, got %v", item)
			}
			pr.Title, pr.Message = strings.TrimSpace(pr.Title), strings.TrimSpace(pr.Message)
			switch {
			case pr.Title == "" || pr.Message == "":
				return nil, metaError(p, "prompts", "frontmatter prompts: a prompt needs a title and a message, got %v", item)
			case len([]rune(pr.Title)) > MaxPromptTitle:
				return nil, metaError(p, "prompts", "frontmatter prompts: title %q is longer than %d characters", pr.Title, MaxPromptTitle)
			case len(pr.Message) > maxPromptLength:
				return nil, metaError(p, "prompts", "frontmatter prompts: message of %q is longer than %d bytes", pr.Title, maxPromptLength)
			}
			out = append(out, pr)
		}
		return out, nil
	}
	return nil, nil
}

// About returns what the guide is about, one line of text (Slack's bold
// and italic marks work) that help and the Home tab open with, from the frontmatter key about
// (the first page that has it); "" when no page has it.
func (g *Guide) About() string { return g.about }

// UnusedAbout names, a line each, the pages whose frontmatter about is
// not used, a page before them in order having one.
func (g *Guide) UnusedAbout() []string { return g.unusedAbout }

// maxAbout bounds about: a sentence, not a page.
const maxAbout = 300

// readAbout reads the frontmatter key about of the first page that has
// it, and names the later pages that have one too, which is not used.
func readAbout(pages []*Page) (about string, unused []string, err error) {
	first := ""
	for _, p := range pages {
		raw, ok := p.Meta["about"]
		switch {
		case !ok:
			continue
		case first != "":
			unused = append(unused, fmt.Sprintf("%s: its frontmatter about is not used: %s, first in order, says what the guide is about", p.Name, first))
			continue
		}
		text, ok := raw.(string)
		text = strings.TrimSpace(text)
		switch {
		case !ok || text == "":
			return "", nil, metaError(p, "about", "frontmatter about must be a sentence, got %v", raw)
		case strings.ContainsAny(text, "\n\r"):
			return "", nil, metaError(p, "about", "frontmatter about must be one line")
		case len([]rune(text)) > maxAbout:
			return "", nil, metaError(p, "about", "frontmatter about is longer than %d characters", maxAbout)
		}
		about, first = text, p.Name
	}
	return about, unused, nil
}

// metaError is a mistake in the frontmatter key key of page p, reported at
// that key's line (line 1 for a page kept by a store, which keeps no lines
// and was checked when it was parsed).
func metaError(p *Page, key, format string, args ...any) error {
	line := p.metaLines[key]
	if line == 0 {
		line = 1
	}
	return &Error{File: p.Name, Line: line, Msg: fmt.Sprintf(format, args...)}
}
