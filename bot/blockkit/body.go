package blockkit

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/directorbot/directorbot/content"
)

// chunk is one unit of an answer's body: mrkdwn text, or the place where
// a table stands.
type chunk struct {
	text  string
	table *tableRef
	// title is the bold title of a subsection that opens with the table,
	// said with the table's place rather than on a line of its own;
	// heading tells a subsection's title on a line of its own.
	title   string
	heading bool
}

// tableRef names one table of the guide: the section it stands in and its
// index among that section's tables.
type tableRef struct {
	section *content.Section
	index   int
}

func (t tableRef) table() *content.Table { return t.section.Tables()[t.index] }

// maxBodyText bounds the text an answer renders of a section and its
// subsections: a section with a large subtree (a whole handbook's root)
// stops there, about a dozen messages' worth.
const maxBodyText = maxBlocks * maxSectionText

// bodyUnits lays out a section and its subsections in reading order, with
// each subsection's title as a bold line, as units of at most
// maxSectionText characters: a text chunk too long for one section block
// is split, between lines, then words. Units depend only on the section,
// so that a "Continue reading" button can name the unit to go on from.
func bodyUnits(s *content.Section) []chunk {
	var units []chunk
	size := 0
	add := func(cs []chunk) {
		for _, c := range cs {
			if c.table != nil {
				units = append(units, c)
				continue
			}
			for _, t := range splitLong(c.text, maxSectionText) {
				if strings.TrimSpace(t) != "" {
					units = append(units, chunk{text: t, heading: c.heading})
					size += runeLen(t)
				}
			}
		}
	}
	add(blockChunks(s))
	if page(s) {
		// A page is its own words and its topics (topicsLine), each a
		// button: not the whole page at once.
		add([]chunk{{text: topicsLine(s)}})
		return units
	}
	for _, d := range s.Descendants() {
		if size > maxBodyText {
			units = append(units, chunk{text: "_…and more in the guide: ask me about “" + escape(d.Title) + "”._"})
			break
		}
		title := "*" + strings.TrimSpace(escape(d.Title)) + "*"
		if cs := blockChunks(d); len(cs) > 0 && cs[0].table != nil {
			cs[0].title = title
			add(cs)
		} else {
			add(append([]chunk{{text: title, heading: true}}, cs...))
		}
	}
	return units
}

// itemMark starts item i of a list: its number in a numbered list
// ("3. "), else a bullet.
func itemMark(b content.Block, i int) string {
	if b.Ordered {
		return strconv.Itoa(b.Start+i) + ". "
	}
	return "• "
}

func blockChunks(s *content.Section) []chunk {
	var out []chunk
	tables := 0
	for _, b := range s.Blocks() {
		switch b.Kind {
		case content.List:
			items := make([]string, len(b.Items))
			for i, it := range b.Items {
				items[i] = itemMark(b, i) + mrkdwn(it)
			}
			out = append(out, chunk{text: strings.Join(items, "\n")})
		case content.TableBlock:
			out = append(out, chunk{table: &tableRef{section: s, index: tables}})
			tables++
		case content.Example:
			out = append(out, chunk{text: "> " + strings.ReplaceAll(mrkdwn(b.Text), "\n", "\n> ")})
		default:
			out = append(out, chunk{text: mrkdwn(b.Text)})
		}
	}
	return out
}

// packText joins text chunks into section texts of at most limit runes,
// breaking between chunks where possible, then between lines, then between
// words; only a single word longer than the limit is cut.
func packText(texts []string, limit int) []string {
	var pieces []string
	for _, t := range texts {
		pieces = append(pieces, splitLong(t, limit)...)
	}
	return pack(pieces, "\n\n", limit)
}

// pack joins parts greedily with sep into pieces of at most limit runes. A
// part that is too long on its own stays whole; empty pieces are dropped.
func pack(parts []string, sep string, limit int) []string {
	var out []string
	var cur strings.Builder
	curLen, sepLen := 0, runeLen(sep)
	for _, p := range parts {
		pLen := runeLen(p)
		switch {
		case curLen == 0 && cur.Len() == 0:
		case curLen+sepLen+pLen <= limit:
			cur.WriteString(sep)
			curLen += sepLen
		default:
			out = append(out, cur.String())
			cur.Reset()
			curLen = 0
		}
		cur.WriteString(p)
		curLen += pLen
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// splitLong breaks a text longer than limit at line breaks, then at spaces
// outside links: a link cut in two ("<https://…|the" and "handbook>")
// shows as raw text.
func splitLong(t string, limit int) []string {
	if runeLen(t) <= limit {
		return []string{t}
	}
	for _, sep := range []string{"\n", " "} {
		parts := strings.Split(t, sep)
		if sep == " " {
			parts = outsideLinks(parts)
		}
		if len(parts) < 2 {
			continue
		}
		var res []string
		for _, o := range pack(parts, sep, limit) {
			res = append(res, splitLong(o, limit)...)
		}
		return res
	}
	var out []string
	for runeLen(t) > limit {
		head := safeCut(prefixRunes(t, limit))
		out = append(out, head)
		t = t[len(head):]
	}
	return append(out, t)
}

// outsideLinks joins again the words of a link's label ("<url|two words>"),
// which a split at spaces parted.
func outsideLinks(words []string) []string {
	var out []string
	open := false
	for _, w := range words {
		if open {
			out[len(out)-1] += " " + w
		} else {
			out = append(out, w)
		}
		if i := strings.LastIndexByte(w, '<'); i >= 0 {
			open = !strings.Contains(w[i:], ">")
		} else if open && strings.Contains(w, ">") {
			open = false
		}
	}
	return out
}

// safeCut drops a trailing partial entity ("&am") from a cut piece.
func safeCut(s string) string {
	if amp := strings.LastIndexByte(s, '&'); amp > 0 && !strings.Contains(s[amp:], ";") {
		return s[:amp]
	}
	return s
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// page reports whether a section is a page's root with topics below it:
// the whole role, answered as an overview (bodyUnits, related).
func page(s *content.Section) bool { return s.Parent == nil && len(s.Children) > 0 }

// maxPageTopics is the most topics of a page its answer names and offers
// as buttons.
const maxPageTopics = 10

// topicsLine names a page's topics, as many as it has buttons for.
func topicsLine(s *content.Section) string {
	n := min(len(s.Children), maxPageTopics)
	titles := make([]string, n)
	for i, c := range s.Children[:n] {
		titles[i] = escape(c.Title)
	}
	line := "*Topics:* " + strings.Join(titles, " · ")
	if more := len(s.Children) - n; more > 0 {
		line += fmt.Sprintf(" _…and %d more, listed on my Home tab._", more)
	}
	return line
}
