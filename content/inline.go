package content

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// inline flattens the inline children of n into styled spans.
func (b *pageBuilder) inline(n ast.Node) Inline {
	var out Inline
	b.walkInline(n, Span{}, &out)
	return trimInline(out)
}

func (b *pageBuilder) walkInline(n ast.Node, style Span, out *Inline) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if c.IsRaw() {
				emit(out, style, string(c.Value(b.src)))
			} else {
				emit(out, style, unescape(c.Value(b.src)))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				emit(out, style, " ")
			}
		case *ast.String:
			emit(out, style, string(c.Value))
		case *ast.CodeSpan:
			s := style
			s.Code = true
			var code strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if seg, ok := t.(*ast.Text); ok {
					code.Write(seg.Value(b.src))
				}
			}
			emit(out, s, code.String())
		case *ast.Emphasis:
			s := style
			if c.Level >= 2 {
				s.Bold = true
			} else {
				s.Italic = true
			}
			b.walkInline(c, s, out)
		case *ast.Link:
			s := style
			s.URL = string(c.Destination)
			b.walkInline(c, s, out)
		case *ast.AutoLink:
			s := style
			s.URL = string(c.URL(b.src))
			emit(out, s, string(c.Label(b.src)))
		case *ast.Image:
			b.walkInline(c, style, out)
		case *east.Strikethrough, *east.TaskCheckBox:
			b.walkInline(c, style, out)
		case *ast.RawHTML:
			// Inline HTML is not shown in Slack or a terminal.
		default:
			b.walkInline(c, style, out)
		}
	}
}

// unescape returns markdown text as its reader sees it: backslash escapes
// ("snake\_case", "a \| b") and character references ("&amp;", "&mdash;")
// resolved, as goldmark's HTML writer resolves them, without the HTML.
func unescape(raw []byte) string {
	if !bytes.ContainsAny(raw, "\\&\x00") {
		return string(raw)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	gmhtml.DefaultWriter.Write(w, raw)
	_ = w.Flush() // a bytes.Buffer takes every write
	return html.UnescapeString(buf.String())
}

// emit appends text, merging it into the last span when the style matches.
func emit(out *Inline, style Span, text string) {
	if text == "" {
		return
	}
	if n := len(*out); n > 0 {
		last := &(*out)[n-1]
		if last.Bold == style.Bold && last.Italic == style.Italic && last.Code == style.Code && last.URL == style.URL {
			last.Text += text
			return
		}
	}
	style.Text = text
	*out = append(*out, style)
}

func trimInline(in Inline) Inline {
	for len(in) > 0 && strings.TrimSpace(in[0].Text) == "" {
		in = in[1:]
	}
	for len(in) > 0 && strings.TrimSpace(in[len(in)-1].Text) == "" {
		in = in[:len(in)-1]
	}
	if len(in) == 0 {
		return nil
	}
	in[0].Text = strings.TrimLeft(in[0].Text, " \t")
	in[len(in)-1].Text = strings.TrimRight(in[len(in)-1].Text, " \t")
	return in
}
