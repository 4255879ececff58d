package content

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
)

// A page is parsed in chunks cut before headings, so that the markdown
// parser's syntax tree, several times the size of its text, is held for
// one chunk at a time: a 32 MB handbook page parsed whole peaks at over
// 800 MiB of heap. A cut is tried before a heading at the start of a line
// that follows a blank line: there every block above has ended in
// CommonMark, but for fenced code and raw HTML, which a blank line does not
// end. The parser itself says when a cut fell inside one of those
// (openAtEnd): the chunk is then joined to the next and parsed again. Link
// reference definitions ("[x]: url") reach across the page, so a page that
// has any is parsed again whole (readPage).

// chunkSize is the least size of a chunk, but for the last.
const chunkSize = 1 << 20

// chunk is the part body[start:end] of a page's body, and the page's
// lines before it.
type chunk struct {
	start, end, line int
}

var atxHeading = regexp.MustCompile(`^#{1,6}(?:[ \t]|\r?\n|$)`)

// chunks cuts body before headings that follow a blank line, into pieces
// of at least size bytes.
func chunks(body []byte, size int) []chunk {
	if len(body) <= size {
		return []chunk{{end: len(body)}}
	}
	var out []chunk
	start, startLine, line := 0, 0, 0
	blank := true
	for pos := 0; pos < len(body); line++ {
		next := len(body)
		if end := bytes.IndexByte(body[pos:], '\n'); end >= 0 {
			next = pos + end + 1
		}
		text := body[pos:next]
		if blank && pos-start >= size && len(text) > 0 && text[0] == '#' && atxHeading.Match(text) {
			out = append(out, chunk{start: start, end: pos, line: startLine})
			start, startLine = pos, line
		}
		blank = isBlank(text)
		pos = next
	}
	return append(out, chunk{start: start, end: len(body), line: startLine})
}

// isBlank reports whether a line is blank as the markdown parser counts
// it: spaces, tabs and line ends only (not, say, a non-breaking space).
func isBlank(line []byte) bool {
	return len(bytes.Trim(line, " \t\r\n")) == 0
}

// openAtEnd reports whether a chunk's last block is fenced code, indented
// code or raw HTML that runs into its last line, the blank one before the
// cut: a block that blank line did not end, so the cut is inside it.
func openAtEnd(doc ast.Node, src []byte) bool {
	lastLine := bytes.LastIndexByte(bytes.TrimSuffix(src, []byte("\n")), '\n') + 1
	for n := doc.LastChild(); n != nil; n = n.LastChild() {
		switch n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			lines := n.Lines()
			return lines.Len() > 0 && lines.At(lines.Len()-1).Stop > lastLine
		}
	}
	return false
}
