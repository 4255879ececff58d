package question

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuestionRunes bounds how much of a question is read. Slack allows
// 40,000 characters; what matters for finding a section is in the first or
// the last few hundred words (notes pasted, then "given all this, what
// should a director own?"), and reading more would only cost time.
const MaxQuestionRunes = 4000

var (
	slackLink = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)
	// An emoji code starts a word: "1:1:" is no emoji. A skin tone follows
	// its emoji: ":wave::skin-tone-2:".
	emojiCode = regexp.MustCompile(`(^|[^\pL\pN])(:[a-z0-9_+\-']+:)+`)
	// Phones type curly quotes: "I’m" is "I'm" to the stop lists.
	curlyQuotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)
	formatting  = regexp.MustCompile("[*_~`]+")
)

// Normalize turns a Slack message into plain question text: mentions,
// channel and special mentions are dropped, links keep their label, emoji
// codes and formatting marks go, entities are decoded, curly quotes
// straightened, and control characters and line breaks become spaces.
// No space is left before a sentence's punctuation. The result is trimmed
// and at most MaxQuestionRunes runes long: a longer
// message keeps its start and its end.
func Normalize(q string) string {
	q = oneLine(marked(q))
	if strings.Contains(q, " ") && strings.ContainsAny(q, "?!.,;") {
		// A mark or an emoji gone before a question mark leaves a space
		// before it: "`now`?" is "now?", not "now ?".
		q = spaceBeforeStop.ReplaceAllString(q, "$1$2")
	}
	return q
}

// spaceBeforeStop matches spaces before a sentence's punctuation, which
// ends a word: ".md" and ".NET" keep theirs.
var spaceBeforeStop = regexp.MustCompile(` +([?!.,;]+)(\s|$)`)

// Asked returns the question a Slack message asks: Normalize, without the
// greetings, prefaces and thanks around it (unframe), which line breaks
// and emoji often part from it, and without a slash command typed before
// it into a message ("/director what does a director do?"), which Slack
// then sends as text.
func Asked(message string) string {
	q := marked(message)
	// The regexp allocates even when it does not match: most messages
	// open with no slash.
	if strings.HasPrefix(strings.TrimSpace(q), "/") {
		q = slashCommand.ReplaceAllString(q, "")
	}
	return oneLine(unframe(q))
}

// slashCommand matches a slash command's name opening a message.
var slashCommand = regexp.MustCompile(`^\s*/[a-z][a-z0-9_-]*\s+`)

// marked is Normalize with the message's line breaks kept, and each run of
// emoji codes and each mention read as one.
func marked(q string) string {
	q = ends(q, 4*MaxQuestionRunes, "\n")
	// Each step runs only on text it can change: most questions hold no
	// markup at all.
	if strings.Contains(q, "<") {
		q = slackLink.ReplaceAllStringFunc(q, linkLabel)
	}
	if strings.Contains(q, "&") {
		q = html.UnescapeString(q)
	}
	if strings.Contains(q, ":") {
		q = emojiCode.ReplaceAllString(q, "$1\n")
	}
	if strings.ContainsAny(q, "‘’“”") {
		q = curlyQuotes.Replace(q)
	}
	if strings.ContainsAny(q, "*_~`") {
		q = formatting.ReplaceAllString(q, " ")
	}
	return strings.Map(blankControl, q)
}

// oneLine joins a marked text's words by one space, trimmed, and bounds
// it.
func oneLine(q string) string {
	if !spacedOnce(q) {
		q = strings.Join(strings.Fields(q), " ")
	}
	return ends(q, MaxQuestionRunes, " … ")
}

// blankControl turns control and format characters, and the replacement
// character, into spaces; a line break stays one.
func blankControl(r rune) rune {
	if r < utf8.RuneSelf {
		if r < ' ' && r != '\n' || r == 0x7f {
			return ' '
		}
		return r
	}
	if unicode.IsControl(r) || r == unicode.ReplacementChar || unicode.Is(unicode.Cf, r) {
		return ' '
	}
	return r
}

// spacedOnce reports whether words in the text are already apart by one
// space, as most questions are, with none at either end.
func spacedOnce(q string) bool {
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if i == 0 || i == len(q)-1 || q[i+1] == ' ' {
				return false
			}
		case asciiSpace(c):
			return false
		}
	}
	return true
}

// asciiSpace reports whether strings.Fields splits at the byte.
func asciiSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// linkLabel rewrites one <...> span of Slack markup: mentions of people,
// channels and groups are not part of the question, and part it from what
// stands around them, as a bare link does; a link keeps its label.
func linkLabel(m string) string {
	parts := slackLink.FindStringSubmatch(m)
	target, label := parts[1], parts[2]
	switch {
	case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "#"), strings.HasPrefix(target, "!"):
		return "\n"
	case label != "":
		return " " + label + " "
	default:
		return "\n"
	}
}

// ends returns s when it is at most n runes long, else its start and its
// end, each about half of n and cut between words, joined by sep.
func ends(s string, n int, sep string) string {
	if len(s) <= n {
		return s // fewer bytes than runes allowed: most messages
	}
	count := utf8.RuneCountInString(s)
	if count <= n {
		return s
	}
	half := (n - utf8.RuneCountInString(sep)) / 2
	if half < 1 {
		return string([]rune(s)[:n])
	}
	head, tail := s, s
	i := 0
	for pos := range s {
		if i == half {
			head = s[:pos]
		}
		if i == count-half {
			tail = s[pos:]
			break
		}
		i++
	}
	// A word cut in two is dropped, unless the words are too long to
	// lose: a text without spaces is cut where it is.
	if cut := strings.LastIndexFunc(head, unicode.IsSpace); cut > 3*len(head)/4 {
		head = head[:cut]
	}
	if cut := strings.IndexFunc(tail, unicode.IsSpace); cut >= 0 && cut < len(tail)/4 {
		tail = tail[cut:]
	}
	return strings.TrimSpace(head) + sep + strings.TrimSpace(tail)
}
