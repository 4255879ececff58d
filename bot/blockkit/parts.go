package blockkit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// maxAskedText bounds the words of a message quoted as another question
// it asked.
const maxAskedText = 150

// partBlocks answer, after the first answer's own, the other questions a
// message asked (index.Result.Others), each in a section block: the words
// that asked it, then what its section states, as a line of the guide:
//
//	*You also asked:* how long does it take to become a VP?
//	> _In_ *Timeline*: Typically 4-7 years as a Director/Senior Director.
//
// Its section's button follows with the answer's topics (partTopics).
//
// Questions a rule refused are told why, as a no-answer would be, those
// of one reason together:
//
//	*You also asked:* what's the typical bonus? · and equity?
//	_That topic is outside the guide: …_
func partBlocks(parts []index.Part, unanswered []unansweredPart) []slack.Block {
	var out []slack.Block
	for _, p := range parts {
		line, _ := alsoLine(&p.Hit, false)
		if line == "" {
			line = "> _In_ *" + truncateEscaped(escape(plainTitle(p.Hit.Section)), maxRowLine) + "*: " + truncateEscaped(escape(preview(p.Hit.Section)), maxDirectText)
		}
		out = append(out, section(youAlsoAsked(p.Asked)+"\n"+line))
	}
	var reasons []string
	asked := map[string][]string{}
	for _, u := range unanswered {
		if asked[u.reason] == nil {
			reasons = append(reasons, u.reason)
		}
		asked[u.reason] = append(asked[u.reason], u.asked)
	}
	for _, r := range reasons {
		out = append(out, section(youAlsoAsked(strings.Join(asked[r], " · "))+"\n_"+r+"_"))
	}
	return out
}

// unansweredPart is another question a message asked that a rule refused
// (index.Unanswered), with the reason a no-answer gives (refusalReason).
type unansweredPart struct {
	asked, reason string
}

// youAlsoAsked opens the answer to another question of the message, quoting
// it on one line.
func youAlsoAsked(asked string) string {
	return "*You also asked:* " + truncateEscaped(escape(strings.Join(strings.Fields(asked), " ")), maxAskedText)
}

// plainTitle is a section's title on one line, as a line of text shows it.
func plainTitle(s *content.Section) string {
	return strings.Join(strings.Fields(s.Title), " ")
}

// preview is what a section says first, for a question about the whole
// of it: its first line of text, or its table's rows by name ("6 rows:
// Technical · Leadership · …"), or its subsections' titles.
func preview(s *content.Section) string {
	if line := firstOwnLine(s); line != "" {
		return line
	}
	if tables := s.Tables(); len(tables) > 0 && len(tables[0].Rows) > 0 {
		rows := tables[0].Rows
		names := make([]string, 0, len(rows))
		for _, r := range rows {
			if len(r) > 0 {
				names = append(names, strings.Join(strings.Fields(r[0].Plain()), " "))
			}
		}
		return fmt.Sprintf("%d %s: %s", len(rows), inflect(len(rows), "row", "rows"), strings.Join(names, " · "))
	}
	titles := make([]string, len(s.Children))
	for i, c := range s.Children {
		titles[i] = plainTitle(c)
	}
	return strings.Join(titles, " · ")
}

// partTopics puts the sections of the other questions answered first
// among an answer's topics.
func partTopics(parts []index.Part, topics []*content.Section) []*content.Section {
	var out []*content.Section
	for _, p := range parts {
		out = append(out, p.Hit.Section)
	}
	for _, t := range topics {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}
