package content

import (
	"bytes"
	"regexp"
)

// A page is parsed in chunks cut before headings, so that the markdown
// parser's syntax tree, several times the size of its text, is held for
// one chunk at a time: a 32 MB handbook page parsed whole peaks at over
// 800 MiB of heap. A cut is made only before a heading at the start of a
// line that follows a blank line, outside fenced code and outside raw
// HTML that blank lines do not end (comments, <pre>, <script>, <style>,
// <textarea>, <? ?>, <!X >, CDATA): there, in CommonMark, every block above
// has ended, so cutting changes nothing. Link reference definitions
// ("[x]: url") and footnotes reach across the page, so a page that has
// any is parsed whole.

// chunkSize is the least size of a chunk, but for the last.
const chunkSize = 1 << 20

// chunk is a piece of a page's body, and the page's lines before it.
type chunk struct {
	src  []byte
	line int
}

var (
	linkDefinition = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:`)
	fenceOpening   = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	atxHeading     = regexp.MustCompile(`^#{1,6}(?:[ \t]|\r?\n|$)`)
	// rawOpening finds the raw HTML blocks that only their end marker
	// ends (CommonMark's HTML blocks of kinds 1 to 5).
	rawOpening = regexp.MustCompile(`(?i)^ {0,3}(<!--|<\?|<![a-z]|<!\[CDATA\[|<(?:script|pre|style|textarea)(?:[ \t>]|\r?\n|$))`)
)

// rawEnd returns what ends a raw HTML block that opens with opening.
func rawEnd(opening []byte) []byte {
	o := bytes.ToLower(opening)
	switch {
	case bytes.Equal(o, []byte("<!--")):
		return []byte("-->")
	case bytes.Equal(o, []byte("<?")):
		return []byte("?>")
	case bytes.Equal(o, []byte("<![cdata[")):
		return []byte("]]>")
	case bytes.HasPrefix(o, []byte("<!")):
		return []byte(">")
	}
	return []byte("</" + string(bytes.TrimRight(o[1:], " \t\r\n>")) + ">")
}

// isFenceOpening reports whether a line opens fenced code: a backtick
// fence's info string holds no backtick.
func isFenceOpening(text []byte) bool {
	m := fenceOpening.FindSubmatch(text)
	return m != nil && (m[1][0] != '`' || !bytes.ContainsRune(text[len(m[0]):], '`'))
}

// chunks cuts body before headings into pieces of at least size bytes.
func chunks(body []byte, size int) []chunk {
	if len(body) <= size || (bytes.Contains(body, []byte("]:")) && linkDefinition.Match(body)) {
		return []chunk{{src: body}}
	}
	var out []chunk
	start, startLine, line := 0, 0, 0
	// fence is the opening run of the fenced code block we are in, raw
	// the end marker of the raw HTML block; blank is whether the line
	// before was blank.
	var fence, raw []byte
	blank := true
	for pos := 0; pos < len(body); line++ {
		next := len(body)
		if end := bytes.IndexByte(body[pos:], '\n'); end >= 0 {
			next = pos + end + 1
		}
		text := body[pos:next]
		switch {
		case fence != nil:
			if m := fenceOpening.FindSubmatch(text); m != nil && m[1][0] == fence[0] && len(m[1]) >= len(fence) && len(bytes.TrimSpace(text[len(m[0]):])) == 0 {
				fence = nil
			}
		case raw != nil:
			if bytes.Contains(bytes.ToLower(text), raw) {
				raw = nil
			}
		case len(text) == 0 || !bytes.ContainsRune([]byte(" `~<#"), rune(text[0])):
			// Neither a fence, raw HTML nor a heading.
		case isFenceOpening(text):
			fence = bytes.Clone(fenceOpening.FindSubmatch(text)[1])
		case rawOpening.Match(text):
			m := rawOpening.FindSubmatch(text)
			if end := rawEnd(m[1]); !bytes.Contains(bytes.ToLower(text[len(m[0]):]), end) {
				raw = end
			}
		case blank && pos-start >= size && atxHeading.Match(text):
			out = append(out, chunk{src: body[start:pos], line: startLine})
			start, startLine = pos, line
		}
		blank = len(bytes.TrimSpace(text)) == 0
		pos = next
	}
	return append(out, chunk{src: body[start:], line: startLine})
}
