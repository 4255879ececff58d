package content

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/directorbot/directorbot/content/typo"
	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlPrefix starts a YAML error's message with the line it counts from
// the frontmatter's first; the error's own line is the file's.
var yamlPrefix = regexp.MustCompile(`^yaml: (line \d+: )?`)

// frontmatter is a page's metadata and the file line of each top-level
// key, so that a mistake in a key's value names the line that holds it.
type frontmatter struct {
	meta  map[string]any
	lines map[string]int
}

// splitFrontmatter reads a leading "---" fenced YAML block. It returns the
// metadata and the source with the block blanked out (newlines kept), so that
// line numbers in the body stay those of the file.
func splitFrontmatter(file string, src []byte) (frontmatter, []byte, error) {
	fm := frontmatter{meta: map[string]any{}, lines: map[string]int{}}
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		if key := unopenedKey(src); key != "" {
			return fm, nil, &Error{File: file, Line: 1, Msg: fmt.Sprintf("the page opens with the frontmatter key %q but not with ---: put a line --- above it, or the frontmatter shows as text", key)}
		}
		return fm, src, nil
	}
	start := bytes.IndexByte(src, '\n') + 1
	end := -1
	for pos := start; pos < len(src); {
		nl := bytes.IndexByte(src[pos:], '\n')
		lineEnd := len(src)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		if string(bytes.TrimRight(src[pos:lineEnd], "\r ")) == "---" {
			end = lineEnd
			break
		}
		pos = lineEnd + 1
	}
	if end < 0 {
		return fm, nil, &Error{File: file, Line: 1, Msg: "frontmatter opened with --- is never closed"}
	}
	var doc yaml.Node
	err := yaml.Unmarshal(src[start:end], &doc)
	if err == nil && len(doc.Content) > 0 {
		err = doc.Decode(&fm.meta)
	}
	if err != nil {
		line := frontmatterErrorLine(err, src[start:end])
		// YAML reads "company:true" as text, and fails there or, of a
		// key before it, on the line after it.
		if at, text := unspacedLine(src[start:end]); text != "" && (at+1 == line || at+2 == line || strings.Contains(err.Error(), "!!str")) {
			return fm, nil, &Error{File: file, Line: at + 1, Msg: fmt.Sprintf("broken frontmatter: %q: a key is followed by a colon and a space (%q)", text, strings.Replace(text, ":", ": ", 1))}
		}
		return fm, nil, &Error{File: file, Line: line, Msg: frontmatterMistake(err)}
	}
	if fm.meta == nil {
		fm.meta = map[string]any{}
	}
	if len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
		keys := doc.Content[0].Content
		for i := 0; i+1 < len(keys); i += 2 {
			// The YAML's first line is the file's second, after the fence.
			fm.lines[keys[i].Value] = keys[i].Line + 1
		}
	}
	body := bytes.Clone(src)
	for i := 0; i < end && i < len(body); i++ {
		if body[i] != '\n' {
			body[i] = ' '
		}
	}
	return fm, body, nil
}

// unspacedLine returns the first line of frontmatter YAML, counted from 1,
// that sets a key without a space after its colon ("company:true"), and
// the line's text; "" for none. A link ("about: see https://…") has its
// space.
func unspacedLine(yamlText []byte) (int, string) {
	for i, line := range strings.Split(string(yamlText), "\n") {
		line = strings.TrimRight(line, "\r ")
		if unspaced.MatchString(line) {
			return i + 1, line
		}
	}
	return 0, ""
}

// unspaced is a line that sets a key without a space after its colon.
var unspaced = regexp.MustCompile(`^[A-Za-z_][\w-]*:[^\s/:]`)

// frontmatterMistake says what is wrong with frontmatter YAML could not
// read, and how to mend the likeliest mistake: a value holding ": ", as
// an about line may.
func frontmatterMistake(err error) string {
	// Lines YAML names within the message count from the frontmatter's
	// first line too: they are given as the file's.
	inner := yamlLine.ReplaceAllStringFunc(yamlPrefix.ReplaceAllString(err.Error(), ""), func(m string) string {
		n, _ := strconv.Atoi(yamlLine.FindStringSubmatch(m)[1])
		return fmt.Sprintf("line %d", n+1)
	})
	msg := "broken frontmatter: " + strings.Join(strings.Fields(inner), " ")
	if strings.Contains(msg, "mapping values are not allowed") {
		msg += ` (a value that holds ": " must be in quotes: about: "Hiring: how we do it")`
	}
	return msg
}

// frontmatterErrorLine maps a YAML error's line (counted from the first line
// after the opening fence) to a line of the file. YAML names no line for a
// mistake on its first (it counts from 0 and leaves 0 out), nor for some
// anywhere (a control character, an unknown anchor): the file's second,
// after the fence, when that line alone is broken, else the fence's, for
// the frontmatter as a whole.
func frontmatterErrorLine(err error, yamlText []byte) int {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		first, _, _ := bytes.Cut(yamlText, []byte("\n"))
		var v any
		if yaml.Unmarshal(first, &v) != nil {
			return 2
		}
		return 1
	}
	n, _ := strconv.Atoi(m[1])
	return n + 1
}

// unopenedKey returns the key a page's first line sets ("label:
// Director") when its lines up to a line --- all read as YAML (a key and
// its value, a list item, an indented or a blank line): frontmatter
// whose opening --- is missing, which markdown would show as text. The
// key is one the guide reads, or "title", a static site's habit; else,
// or when a line before the --- is text (a page whose horizontal rule
// comes later), it returns "".
func unopenedKey(src []byte) string {
	lines := strings.Split(string(src), "\n")
	key, _, _ := strings.Cut(lines[0], ":")
	if _, known := metaKeys[key]; !known && !strings.EqualFold(key, "title") || !yamlKeyLine.MatchString(lines[0]) {
		return ""
	}
	for _, line := range lines[1:] {
		switch line = strings.TrimRight(line, "\r "); {
		case line == "---":
			return key
		case line != "" && !yamlKeyLine.MatchString(line) && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "- "):
			return ""
		}
	}
	return ""
}

// yamlKeyLine is a line of YAML that sets a key.
var yamlKeyLine = regexp.MustCompile(`^[A-Za-z_][\w-]*:(\s|$)`)

// metaKeys are the frontmatter keys the guide reads, each with whether a
// value has the shape it takes; others are the owner's own, and kept
// (Page.Meta).
var metaKeys = map[string]func(v any) bool{
	"label":   isText,
	"about":   isText,
	"order":   func(v any) bool { _, ok := v.(int); return ok },
	"company": func(v any) bool { _, ok := v.(bool); return ok },
	"prompts": func(v any) bool { _, ok := v.([]any); return ok },
	"plan": func(v any) bool {
		_, isMap := v.(map[string]any)
		return isMap || v == false
	},
}

func isText(v any) bool { _, ok := v.(string); return ok }

// metaTitle returns a page's frontmatter title, as static sites write it
// ("title" or "Title"), when it is text: read as the label when there is
// none. Any other is the owner's own key.
func metaTitle(p *Page) (string, bool) {
	for _, k := range slices.Sorted(maps.Keys(p.Meta)) {
		if s, ok := p.Meta[k].(string); ok && strings.EqualFold(k, "title") {
			return s, true
		}
	}
	return "", false
}

// misspeltKey returns the key of metaKeys a page's own key, with its
// value, is a slip from ("promts" with a list of prompts, "Label" or
// "lable" with text), or "": one edit from a key of up to five letters
// (two would take "flag" or "place" for "plan"), else two, and a value of
// the shape that key takes ("labels" with a list is the owner's own).
func misspeltKey(key string, value any) string {
	lower := strings.ToLower(key)
	for _, k := range slices.Sorted(maps.Keys(metaKeys)) {
		fits := metaKeys[k]
		n := 1
		if len(k) > 5 {
			n = 2
		}
		if key != k && typo.Distance(lower, k) <= n && fits(value) {
			return k
		}
	}
	return ""
}

// applyMeta fills the page fields that frontmatter controls, and refuses
// a key one or two edits from one it reads, which would otherwise be
// kept as the owner's own and do nothing.
func applyMeta(p *Page) error {
	// The first slip in the file is reported: keys by line, then name.
	keys := slices.SortedFunc(maps.Keys(p.Meta), func(a, b string) int {
		return cmp.Or(cmp.Compare(p.metaLines[a], p.metaLines[b]), strings.Compare(a, b))
	})
	for _, key := range keys {
		if k := misspeltKey(key, p.Meta[key]); k != "" {
			return metaError(p, key, "frontmatter key %q: did you mean %q?", key, k)
		}
	}
	if v, ok := p.Meta["label"]; ok {
		s, ok := v.(string)
		if !ok {
			return metaError(p, "label", "frontmatter label must be text, got %v", v)
		}
		p.Label = s
	} else if title, ok := metaTitle(p); ok {
		p.Label = title
	}
	if v, ok := p.Meta["order"]; ok {
		n, ok := v.(int)
		if !ok {
			return metaError(p, "order", "frontmatter order must be a whole number, got %v", v)
		}
		p.Order = n
	}
	if v, ok := p.Meta["company"]; ok {
		b, ok := v.(bool)
		if !ok {
			return metaError(p, "company", "frontmatter company must be true or false, got %v", v)
		}
		p.Company = b
	}
	return nil
}
