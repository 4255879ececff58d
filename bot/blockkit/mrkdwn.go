package blockkit

import (
	"strings"
	"unicode/utf8"

	"github.com/directorbot/directorbot/content"
)

// escaper turns the three characters Slack reads as control sequences into
// entities, so that no text from the guide or a user can become a mention
// such as <!channel> or <@U123>.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape makes text safe for any Slack text field.
func escape(s string) string { return escaper.Replace(s) }

// mrkdwn converts styled guide text to Slack mrkdwn, escaped. Markers go
// around the trimmed text, because Slack ignores "*bold *" with inner edges
// of white space.
func mrkdwn(in content.Inline) string {
	var b strings.Builder
	for _, s := range in {
		text := escape(s.Text)
		if s.Code && strings.Contains(strings.TrimSpace(text), "\n") {
			// A block of code keeps every line's indentation.
			b.WriteString(codeBlock(strings.Trim(strings.ReplaceAll(text, "`", "'"), "\n")))
			continue
		}
		core := strings.TrimSpace(text)
		if core == "" {
			b.WriteString(text)
			continue
		}
		lead := text[:strings.Index(text, core)]
		trail := text[len(lead)+len(core):]
		if s.Code {
			core = "`" + strings.ReplaceAll(core, "`", "'") + "`"
		}
		if s.Italic {
			core = "_" + core + "_"
		}
		if s.Bold {
			core = "*" + core + "*"
		}
		if s.URL != "" && safeURL(s.URL) {
			core = "<" + escape(s.URL) + "|" + core + ">"
		}
		b.WriteString(lead + core + trail)
	}
	return b.String()
}

// codeBlock marks lines of text as a block of code: a span across lines
// is not drawn as code in Slack.
func codeBlock(text string) string {
	return "```\n" + text + "\n```"
}

// safeURL accepts only web links: a guide must not smuggle in Slack's own
// link targets such as "!channel" or "@U123".
func safeURL(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && !strings.ContainsAny(u, "|<> ")
}

// truncate shortens s to at most n runes, ending with an ellipsis when cut.
// It cuts at a space when one is near, so that words stay whole.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := prefixRunes(s, n-1)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)*3/4 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ") + "…"
}

// prefixRunes returns the first n runes of s.
func prefixRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// truncateEscaped shortens escaped text without cutting an entity or a
// link or mention (<…>, the only "<" escaped text holds) in two: the cut
// goes before it.
func truncateEscaped(s string, n int) string {
	t := truncate(s, n)
	if !strings.HasSuffix(t, "…") {
		return t
	}
	if lt := strings.LastIndexByte(t, '<'); lt >= 0 && !strings.Contains(t[lt:], ">") {
		t = strings.TrimRight(t[:lt], " ") + "…"
	}
	if amp := strings.LastIndexByte(t, '&'); amp >= 0 && !strings.Contains(t[amp:], ";") {
		t = strings.TrimRight(t[:amp], " ") + "…"
	}
	return t
}
