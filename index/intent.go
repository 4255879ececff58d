package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/directorbot/directorbot/content"
)

// intent is a kind of fact a question may ask for: the phrasings that ask
// for it ("how long", "what percentage", "who", which the stop lists
// drop), each a sequence of lower-case words, and how a text states it.
type intent struct {
	asks [][]string
	// within, when set, holds the words one of which the question must
	// also say: "how much of" asks for a share of the week only in a
	// question about the week.
	within map[string]bool
	states *regexp.Regexp
}

// The kinds of fact a question may ask for, by their place in intents.
const (
	durationIntent = iota
	weekIntent
	shareIntent
	amountIntent
	personIntent
)

// portions ask for a share of something without saying it in percent.
var portions = phrasings("how much of", "what portion", "what fraction", "what part of", "what share", "split")

var intents = [...]intent{
	durationIntent: {asks: phrasings("how long", "how many years", "how many yrs", "how many months", "when should", "when do",
		"when does", "when did", "when is", "when are", "when will", "when can", "when would", "at what point"),
		states: regexp.MustCompile(`\d\+?\s*(years?|yrs?|months?)\b`)},
	// A share of one's week ("how much of my week") is stated in hours a
	// week as well as in percent.
	weekIntent: {asks: portions, within: setOf("week weeks weekly calendar bandwidth"),
		states: regexp.MustCompile(`\d\s*%|\d\s*(hrs?|hours?)\s*(/|per|a)\s*week`)},
	shareIntent: {asks: append(phrasings("what percent", "what percentage", "percent", "percentage", "%"), portions...),
		states: regexp.MustCompile(`\d\s*%`)},
	amountIntent: {asks: phrasings("how many", "how much", "how big", "how large", "what size", "weekly hours", "hours a week",
		"hours per week", "hrs a week", "hrs per week", "hrs week"), states: regexp.MustCompile(`\d`)},
	personIntent: {asks: phrasings("who", "whom"), states: regexp.MustCompile(`\b(ceo|cto|board|vp|director|manager|ics?|executives?)\b`)},
}

func phrasings(ps ...string) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = strings.Fields(p)
	}
	return out
}

// intentOf returns the index in intents of what a question, split by
// questionWords, asks for, or -1.
func intentOf(words []string) int {
	return slices.IndexFunc(intents[:], func(in intent) bool {
		return asks(words, in.asks) && (in.within == nil || anyIn(words, in.within))
	})
}

// overviews are the phrasings that ask for the whole picture, and
// wholeRole those that say it is the whole role that is asked about ("the gist of
// the job", "a director's whole deal"): the page itself answers. "tl;dr on
// how VPs fail" asks for a short answer about one topic, not an overview.
// doings say it as what the role does, and only when they end the
// question: "the gist of what a director does", not "a summary of what a
// VP does at board meetings".
var (
	overviews = phrasings("gist", "overview", "high level", "nutshell", "big picture", "at a glance", "eli5",
		"summarize", "summary", "tl dr", "tldr", "cliff notes", "cliffnotes", "sparknotes", "in short", "in general", "foot view",
		"birds eye", "bird s eye")
	wholeRole = phrasings("job", "role", "position", "gig", "whole deal", "whole thing")
	doings    = phrasings("a director does", "directors do", "a vp does", "vps do")
)

// asksOverview reports whether a question, split by questionWords, asks
// for the whole picture of the role.
func asksOverview(words []string) bool {
	return asks(words, overviews) && (asks(words, wholeRole) || endsDoing(words))
}

// endsDoing reports whether words end with what the role does, read past
// hedges and the time it is done in: "what a director actually does",
// "what directors do day to day".
func endsDoing(words []string) bool {
	plain := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return hedges[w] })
	for len(plain) > 0 && daily[plain[len(plain)-1]] {
		plain = plain[:len(plain)-1]
	}
	return slices.ContainsFunc(doings, func(p []string) bool {
		return len(plain) >= len(p) && slices.Equal(plain[len(plain)-len(p):], p)
	})
}

// hedges are adverbs that may stand inside a phrasing of what the role
// does.
var hedges = setOf("actually really even exactly basically truly just")

// daily are the words of when the role's work is done: "all day", "day
// to day", "every week".
var daily = setOf("all day days to daily each every week weeks")

// questionWords splits a question into lower-case words, keeping "%".
func questionWords(question string) []string {
	return strings.FieldsFunc(strings.ToLower(question), func(r rune) bool {
		return r != '%' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// asks reports whether the words hold any of the phrasings.
func asks(words []string, ps [][]string) bool {
	for _, p := range ps {
		for w := range words {
			if len(words)-w >= len(p) && slices.Equal(words[w:w+len(p)], p) {
				return true
			}
		}
	}
	return false
}

// facts returns which kinds of fact a section's text states, read once.
func (ix *Index) facts(s *content.Section) [len(intents)]bool {
	if f, ok := ix.sectionFacts.Get(s); ok {
		return f
	}
	var f [len(intents)]bool
	text := s.Text()
	for i := range intents {
		f[i] = states(i, text)
	}
	ix.sectionFacts.Add(s, f)
	return f
}

// states reports whether a text states the fact intent i asks for.
func states(i int, text string) bool {
	return i >= 0 && intents[i].states.MatchString(strings.ToLower(text))
}

// intentBoost is what a section gains when it states the kind of fact a
// question asks for ("how many": a number, "who": a role).
const intentBoost = 0.5

// steerDepth is how many of the best hits intents may lift: those an
// answer and its related topics come from, with room to spare.
const steerDepth = 12

// steer ranks higher the hits that state the kind of fact the question
// asks for, in a matched row or in their own text.
func (ix *Index) steer(hits []Hit, in int) {
	if in < 0 {
		return
	}
	for i, h := range hits[:min(len(hits), steerDepth)] {
		stated := false
		if len(h.Rows) > 0 {
			r := h.Rows[0]
			stated = states(in, content.RowPlain(h.Section.Tables()[r.Table].Rows[r.Row]))
		} else {
			stated = ix.facts(h.Section)[in]
		}
		if stated {
			hits[i].Score *= 1 + intentBoost
		}
		if stated && len(h.Rows) > 0 {
			hits[i].Score = max(hits[i].Score, h.row*(1+intentBoost))
		}
	}
	byScore(hits)
}

// overview puts first the page the best hit is on, its root section, for
// a question that asks for the whole picture of the role ("the gist of the
// job"); hits is not empty.
func overview(hits []Hit) []Hit {
	root := hits[0].Section
	for root.Parent != nil {
		root = root.Parent
	}
	page := Hit{Section: root, Score: hits[0].Score}
	hits = slices.DeleteFunc(hits, func(h Hit) bool { return h.Section == root })
	return append([]Hit{page}, hits...)
}

// answeringRow returns, as the rows of a hit, the first of a section's
// rows among docs that holds one of the question's words that are not
// common in its own cells, and that states the fact the question asks for
// when it asks for one: the row answers, though the section's title
// matched more of the question's common words ("how many eng does a VP
// have": Team size). A question no row holds such a word of is about the
// whole table ("director vs VP").
func (ix *Index) answeringRow(docs search.DocumentMatchCollection, section *content.Section, words []word, in int) []RowRef {
	for _, d := range docs {
		ref, ok := ix.ref(d.ID)
		if !ok || !ref.isRow || ref.section != section {
			continue
		}
		if in >= 0 && !states(in, content.RowPlain(section.Tables()[ref.row.Table].Rows[ref.row.Row])) {
			continue
		}
		rows := ix.read(section).rowStems()
		for _, w := range words {
			if !ix.common(w.postings) && tells(rows, ref.row, w) {
				return []RowRef{ref.row}
			}
		}
	}
	return nil
}
