package index

import (
	"context"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// FollowUp returns the question a message asks after previous, the last
// question asked in the same conversation, and whether it follows it: a
// message that only asks previous again of the other role ("and for a
// VP?", "vp focus?" after "what does a director mostly focus on?",
// otherRole) asks previous with that role in place of the one previous
// names ("how many engineers does a director manage?" becomes "how many
// engineers does a vp manage?"), or after previous when it names none.
// Read together instead, both roles named, 4 of 35 such follow-ups
// written for the purpose got the first role's section; swapped, 1. Any
// other message asks itself: "what does a VP do?" after a question about
// directors asks what a VP does.
func (ix *Index) FollowUp(previous, message string) (q string, followed bool) {
	previous, message = question.Asked(previous), question.Asked(message)
	words := ix.spelled(question.Words(ix.rewrite(message)))
	if previous == "" || len(words) > maxFollowUpWords {
		return message, false
	}
	spans := question.WordSpans(previous)
	prev := make([]string, len(spans))
	for i, s := range spans {
		prev[i] = strings.ToLower(previous[s[0]:s[1]])
	}
	prev = ix.spelled(prev)
	// A name the thesaurus rewrites alone ("dir") names its role where
	// it stands.
	for i, w := range prev {
		if r := question.Words(ix.rewrite(w)); len(r) == 1 {
			prev[i] = r[0]
		}
	}
	named := ix.describedMentions(prev)
	asked, ok := ix.otherRole(words, question.NewSet(append(prev, question.Words(ix.rewrite(previous))...)), named)
	if !ok {
		return message, false
	}
	role := strings.Join(words[asked.Start:asked.End], " ")
	if len(named) == 0 {
		// The two read as two sentences that ask.
		if !strings.ContainsAny(previous[len(previous)-1:], "?.!") {
			previous += "?"
		}
		return previous + " " + message, true
	}
	var b strings.Builder
	at := 0
	for _, m := range named {
		from, to := spans[m.Start][0], spans[m.End-1][1]
		b.WriteString(previous[at:from])
		b.WriteString(inNumberOf(role, previous[from:to]))
		at = to
	}
	b.WriteString(previous[at:])
	return b.String(), true
}

// otherRole returns the role a message asks previous about again, whose
// words (previousWords) name the roles named: a fragment that names one
// role the guide describes, not previous's, after a follow-up's opener
// (followUpOpeners), with no word of its own but fillers (followUpWords)
// and previous's words. A previous that names both roles has no other.
func (ix *Index) otherRole(words []string, previousWords question.Set, named []question.Mention) (question.Mention, bool) {
	asked := ix.describedMentions(words)
	if len(asked) == 0 {
		return question.Mention{}, false
	}
	role := asked[0].Role
	for _, m := range named {
		if m.Role != named[0].Role || m.Role == role {
			return question.Mention{}, false
		}
	}
	inRole := make([]bool, len(words))
	for _, m := range asked {
		if m.Role != role {
			return question.Mention{}, false
		}
		for i := m.Start; i < m.End; i++ {
			inRole[i] = true
		}
	}
	for i := followUpOpeners.StartAt(words, 0); i < len(words); i++ {
		if !inRole[i] && !followUpWords[words[i]] && !previousWords[words[i]] {
			return question.Mention{}, false
		}
	}
	return asked[0], true
}

// inNumberOf returns a role's name in the number of the name it takes the
// place of: "vps" for "director" is "vp", "vp" for "directors" is "vps".
func inNumberOf(role, replaced string) string {
	switch plural := strings.HasSuffix(role, "s"); {
	case strings.HasSuffix(strings.ToLower(replaced), "s") && !plural:
		return role + "s"
	case !strings.HasSuffix(strings.ToLower(replaced), "s") && plural:
		return strings.TrimSuffix(role, "s")
	}
	return role
}

// maxFollowUpWords bounds a follow-up: a longer message is a question of
// its own.
const maxFollowUpWords = 10

// describedMentions returns the names in words of roles the guide
// describes.
func (ix *Index) describedMentions(words []string) []question.Mention {
	var out []question.Mention
	for _, m := range ix.reader.Cast.Mentions(words) {
		if ix.reader.Described[m.Role] {
			out = append(out, m)
		}
	}
	return out
}

var (
	// followUpOpeners open a follow-up, each before the shorter ones it
	// begins with; the fillers ("and", "for", "vs") may stand anywhere.
	followUpOpeners = question.NewPhrasings("and what about", "and how about", "and what abt", "ok what about", "and as",
		"and into", "and with", "and to", "what about", "what abt", "how about", "how abt", "what of", "same for",
		"same question for", "same q for", "same with", "is it the same for", "is that the same for",
		"how s that different for", "how is that different for", "how does that differ for", "how does that change for",
		"how does that compare for", "how does that compare to", "compared to", "compared with",
		"how is it different for", "how s it different for", "is it different for", "is that different for", "is it any different for", "does that change for",
		"does it change for", "now do", "now for", "ok now do", "and now", "what does that look like",
		"what s that look like", "what would that look like", "how does that look")
	// followUpWords ask nothing of their own in a follow-up: "same question
	// for a VP", "and the VP one?", "do directors too or no?", "thanks! and
	// for VPs specifically?".
	// A guess at the answer asks the question still: "and VPs, even
	// more?", "dirs, surely zero?", "vp number, roughly?".
	followUpWords = question.SetOf("a an the s one ones same too also then though tho instead but or no at for and in of " +
		"do does level role roles q question equivalent version counterpart vs versus specifically please pls plz " +
		"thanks thx ok okay cool now still even more less fewer lower higher zero none roughly approximately approx " +
		"ballpark number yes right surely probably i guess assume are is as well expected supposed to")
)

// AskAfter is Ask for a message of a conversation whose last question was
// previous ("" for none). A message that points to an item of the answer
// to previous by its place gets that item (itemAfter). A short message
// that opens as a question, names no role and finds no answer alone leans
// on the answer to previous: it is
// searched again with that answer's title beside it, the section's when
// the message points back to it ("what does that mean concretely?" after
// Think Like an Executive), else its chapter's, the section below the
// page's root that holds it ("how do I get there?" after "how long to make
// VP?", Timeline, within Transition to VP). A previous answered by a
// page's root, or not at all, lends nothing. On tuning/followups.jsonl
// this answers 3 of the 5 follow-ups refused before (the other 2 are
// "tell me more", which the bot answers with more of the last answer) and
// raises top-1 0.87 to 0.89, the follow-ups asking for detail 0.60 to
// 0.68; the section's title for every one, 0.90 and 0.76, but "how do I
// get there?" then asks of Timeline again. Leaning every short follow-up,
// answered alone or not, lowered top-1 to 0.83. A message that asks only
// for an example or more detail ("any example?") leans on the section
// itself whether or not it finds an answer alone, which the word "example"
// would find in whichever section gives one: on the same set, top-1 0.887
// to 0.907. A message leaning on a chapter whose answer is the chapter
// itself, which the title put beside it may have found alone, is answered
// as the closest the guide has (Unsure): "i feel overwhelm, too many
// meeting. what i should drop?" after "who does a director report to?"
// is no question of the comparison, and "what do they do in the
// afternoon?" after a director's typical day may well be.
func (ix *Index) AskAfter(ctx context.Context, previous, message string, limit int) (Result, error) {
	if previous != "" {
		h, ok, err := ix.itemAfter(ctx, previous, message, limit)
		if err != nil {
			return Result{}, err
		}
		if ok {
			return Result{Hits: []Hit{h}}, nil
		}
	}
	r, err := ix.Ask(ctx, message, limit)
	if err != nil || previous == "" {
		return r, err // most questions: read only when there is one before
	}
	detail := question.AsksDetail(message)
	if !detail && (len(r.Hits) > 0 || r.Why != NotCovered || !ix.leans(message)) {
		return r, nil
	}
	before, err := ix.Ask(ctx, previous, 1)
	if err != nil || len(before.Hits) == 0 || before.Hits[0].Section.Parent == nil {
		return r, err
	}
	around := before.Hits[0].Section
	back := detail || question.PointsBack(message)
	if !back {
		for around.Parent.Parent != nil {
			around = around.Parent
		}
	}
	leaned, err := ix.Ask(ctx, message+" ("+around.Title+")", limit)
	if err != nil || len(leaned.Hits) == 0 {
		return r, err
	}
	if detail && !nested(around, leaned.Hits[0].Section) {
		// An example from elsewhere is none of this answer's ("any
		// example?" after Hiring is no $500K platform investment): the
		// answer before is all the guide has.
		return ix.Ask(ctx, previous, limit)
	}
	// Leaning on a chapter that finds the chapter itself may have found it
	// by the title put beside the message alone: the closest the guide has.
	leaned.Unsure = leaned.Unsure || !back && leaned.Hits[0].Section == around
	return leaned, nil
}

// leans reports whether a message may lean on the answer before it: it
// is short, opens as a question ("and how do i get there"; not "hmm
// interesting", "really?") and names no role.
func (ix *Index) leans(message string) bool {
	words := question.Words(ix.rewrite(question.Asked(message)))
	return len(words) <= maxFollowUpWords && question.Asks(message) && len(ix.rolesNamed(message)) == 0
}

// itemAfter returns the item of the answer to previous that a message
// points to by its place (question.Ordinal), if it points to one the
// answer has, by a noun that names another section's items only when it
// names the answer's too: "the first skill" after Build Executive
// Relationships asks for Key Skill Sets' first; "the second mistake"
// after Common Pitfalls to Avoid is its second pitfall.
func (ix *Index) itemAfter(ctx context.Context, previous, message string, limit int) (Hit, bool, error) {
	n, noun := question.Ordinal(message)
	if n == 0 {
		return Hit{}, false, nil
	}
	// Asked as it was answered: the first hit may differ with fewer.
	before, err := ix.Ask(ctx, previous, limit)
	if err != nil {
		return Hit{}, false, err
	}
	h, ok := item(before, n)
	// The answer's own titles first: every title is read only for a noun
	// they lack.
	return h, ok && (noun == "" || ix.titled([]*content.Section{h.Section, h.Section.Parent}, noun) || !ix.titled(ix.guide.Sections(), noun)), nil
}

// titled reports whether a title of sections (nil ones left out) holds a
// word of the stem of word.
func (ix *Index) titled(sections []*content.Section, word string) bool {
	stem := ix.stem(word)
	return slices.ContainsFunc(sections, func(s *content.Section) bool {
		return s != nil && slices.ContainsFunc(question.Words(s.Title), func(w string) bool { return ix.stem(w) == stem })
	})
}

// item returns the item of the answer before that a follow-up points to
// by its place (question.Ordinal: from 1, -1 for the last): "the second
// one" after the common pitfalls is the second pitfall. The items are the
// rows the answer opened with, when it opened with several, else its
// section's first list or table, else its subsections ("the third one"
// after Key Actions to Make the Transition is 3. Own Organizational
// Design); false when it has no such item.
func item(before Result, n int) (Hit, bool) {
	if len(before.Hits) == 0 {
		return Hit{}, false
	}
	h := before.Hits[0]
	s := h.Section
	nth := func(count int) (int, bool) {
		if n < 0 {
			return count - 1, count > 0
		}
		return n - 1, n <= count
	}
	if len(h.Rows) > 1 {
		i, ok := nth(len(h.Rows))
		if !ok {
			return Hit{}, false
		}
		return Hit{Section: s, Score: h.Score, Rows: []RowRef{h.Rows[i]}}, true
	}
	// The first list or table holds the items: the first table is table 0.
	for bi, b := range s.Blocks() {
		switch b.Kind {
		case content.List:
			i, ok := nth(len(b.Items))
			if !ok {
				return Hit{}, false
			}
			p, found := PassageAt(s, bi, i)
			return Hit{Section: s, Score: h.Score, Passage: &p}, found
		case content.TableBlock:
			i, ok := nth(len(b.Table.Rows))
			if !ok {
				return Hit{}, false
			}
			return Hit{Section: s, Score: h.Score, Rows: []RowRef{{Table: 0, Row: i}}}, true
		}
	}
	i, ok := nth(len(s.Children))
	if !ok {
		return Hit{}, false
	}
	return Hit{Section: s.Children[i], Score: h.Score}, true
}
