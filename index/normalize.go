package index

import (
	"html"
	"regexp"
	"strings"
	"unicode"
)

// MaxQuestionRunes bounds how much of a question is read. Slack allows
// 40,000 characters; what matters for finding a section is in the first few
// hundred words, and reading more would only cost time.
const MaxQuestionRunes = 4000

var (
	slackLink  = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)
	emojiCode  = regexp.MustCompile(`:[a-z0-9_+\-']+:`)
	formatting = regexp.MustCompile("[*_~`]+")
)

// Normalize turns a Slack message into plain question text: mentions,
// channel and special mentions are dropped, links keep their label, emoji
// codes and formatting marks go, entities are decoded, and control
// characters become spaces. The result is trimmed and at most
// MaxQuestionRunes runes long.
func Normalize(q string) string {
	q = truncateRunes(q, 4*MaxQuestionRunes)
	// Each step runs only on text it can change: most questions hold no
	// markup at all.
	if strings.Contains(q, "<") {
		q = slackLink.ReplaceAllStringFunc(q, linkLabel)
	}
	if strings.Contains(q, "&") {
		q = html.UnescapeString(q)
	}
	if strings.Contains(q, ":") {
		q = emojiCode.ReplaceAllString(q, " ")
	}
	if strings.ContainsAny(q, "*_~`") {
		q = formatting.ReplaceAllString(q, " ")
	}
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, q)
	return truncateRunes(strings.Join(strings.Fields(q), " "), MaxQuestionRunes)
}

// linkLabel rewrites one <...> span of Slack markup: mentions of people,
// channels and groups are not part of the question; a link keeps its label.
func linkLabel(m string) string {
	parts := slackLink.FindStringSubmatch(m)
	target, label := parts[1], parts[2]
	switch {
	case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "#"), strings.HasPrefix(target, "!"):
		return " "
	case label != "":
		return " " + label + " "
	default:
		return " "
	}
}

func truncateRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}
