package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`line (\d+)`)

// splitFrontmatter reads a leading "---" fenced YAML block. It returns the
// metadata and the source with the block blanked out (newlines kept), so that
// line numbers in the body stay those of the file.
func splitFrontmatter(file string, src []byte) (map[string]any, []byte, error) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return map[string]any{}, src, nil
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
		return nil, nil, &Error{File: file, Line: 1, Msg: "frontmatter opened with --- is never closed"}
	}
	meta := map[string]any{}
	if err := yaml.Unmarshal(src[start:end], &meta); err != nil {
		return nil, nil, &Error{File: file, Line: frontmatterErrorLine(err), Msg: "broken frontmatter: " + err.Error()}
	}
	if meta == nil {
		meta = map[string]any{}
	}
	body := bytes.Clone(src)
	for i := 0; i < end && i < len(body); i++ {
		if body[i] != '\n' {
			body[i] = ' '
		}
	}
	return meta, body, nil
}

// frontmatterErrorLine maps a YAML error's line (counted from the first line
// after the opening fence) to a line of the file.
func frontmatterErrorLine(err error) int {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 1
	}
	n, _ := strconv.Atoi(m[1])
	return n + 1
}

// applyMeta fills the page fields that frontmatter controls.
func applyMeta(p *Page) error {
	if v, ok := p.Meta["label"]; ok {
		s, ok := v.(string)
		if !ok {
			return &Error{File: p.Name, Line: 1, Msg: fmt.Sprintf("frontmatter label must be text, got %v", v)}
		}
		p.Label = s
	}
	if v, ok := p.Meta["order"]; ok {
		n, ok := v.(int)
		if !ok {
			return &Error{File: p.Name, Line: 1, Msg: fmt.Sprintf("frontmatter order must be a whole number, got %v", v)}
		}
		p.Order = n
	}
	return nil
}
