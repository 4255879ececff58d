package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// Responder answers questions with rendered messages. It is safe for
// concurrent use.
type Responder struct {
	ix *index.Index
}

// NewResponder answers from the given index.
func NewResponder(ix *index.Index) *Responder { return &Responder{ix: ix} }

// Guide returns the guide being answered from.
func (r *Responder) Guide() *content.Guide { return r.ix.Guide() }

// IsHelp reports whether a question asks for help rather than about the
// guide: empty, or only a greeting or "help".
func IsHelp(question string) bool {
	q := strings.ToLower(strings.Trim(index.Normalize(question), " !?.,"))
	switch q {
	case "", "help", "?", "hi", "hello", "hey", "hi there", "hello there", "hey there", "start", "usage":
		return true
	}
	return false
}

// Respond answers a question: help for an empty one or "help", the best
// section with related topics, or an honest no-answer with the closest
// topics.
func (r *Responder) Respond(ctx context.Context, question string, private bool) (Message, error) {
	p, err := r.plan(ctx, question, private)
	if err != nil {
		return Message{}, err
	}
	return p.render(), nil
}

// reply is what the bot will say, found but not yet rendered. Replies with
// the same key render to the same message, whatever the question was, so
// the rendered and encoded message can be kept for the next one.
type reply struct {
	key    string
	render func() Message
	// quote is what the reply quotes of the question, when it does (a
	// no-answer): the key leaves it out, and quoting renders the reply
	// quoting anything else, so that the reply is kept with a placeholder
	// in its place (quote.go).
	quote   string
	quoting func(quote string) Message
}

func (r *Responder) plan(ctx context.Context, question string, private bool) (reply, error) {
	if IsHelp(question) {
		return reply{key: "help", render: func() Message { return RenderHelp(r.Guide()) }}, nil
	}
	hits, err := r.ix.Search(ctx, question, 1+maxRelatedTopics)
	if err != nil {
		return reply{}, fmt.Errorf("answer question: %w", err)
	}
	if len(hits) == 0 {
		closest, err := r.ix.Closest(ctx, question, maxRelatedTopics)
		if err != nil {
			return reply{}, fmt.Errorf("find closest topics: %w", err)
		}
		return noAnswer(question, sections(closest)), nil
	}
	a := Answer{Hit: hits[0], Related: related(hits[0].Section, sections(hits[1:])), Private: private}
	return reply{key: a.key(), render: func() Message {
		msg := RenderAnswer(a)
		msg.kind = kindAnswer
		return msg
	}}, nil
}

// noAnswer is the reply when the guide does not cover a question: the
// closest topics, and the question quoted.
func noAnswer(question string, topics []*content.Section) reply {
	quoting := func(q string) Message {
		msg := renderNoAnswer(q, topics)
		msg.kind = kindNoAnswer
		return msg
	}
	q := quoteOf(question)
	render := func() Message { return quoting(q) }
	if q == "" {
		return reply{key: "none\x00" + sectionIDs(topics), render: render}
	}
	return reply{key: "none quoting\x00" + sectionIDs(topics), render: render, quote: q, quoting: quoting}
}

// key names everything RenderAnswer uses, so that equal keys render alike.
func (a Answer) key() string {
	return fmt.Sprintf("answer\x00%s\x00%v\x00%s\x00%t\x00%t\x00%d",
		a.Hit.Section.ID, a.Hit.Rows, sectionIDs(a.Related), a.Private, a.FullTable, a.TableIndex)
}

func sectionIDs(ss []*content.Section) string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return strings.Join(ids, "\x00")
}

// related offers other good hits, never the section itself or a section
// the answer already shows (those below it); with none, the section's
// parent, unless that is the guide's root.
func related(s *content.Section, hits []*content.Section) []*content.Section {
	var out []*content.Section
	for _, c := range hits {
		if len(out) < maxRelatedTopics && !within(c, s) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 && s.Parent != nil && s.Parent.Parent != nil {
		out = append(out, s.Parent)
	}
	return out
}

// within reports whether section c is s or below it.
func within(c, s *content.Section) bool {
	for ; c != nil; c = c.Parent {
		if c == s {
			return true
		}
	}
	return false
}

func sections(hits []index.Hit) []*content.Section {
	out := make([]*content.Section, len(hits))
	for i, h := range hits {
		out[i] = h.Section
	}
	return out
}

// Section renders one section by ID, as after a topic button click; ok is
// false when the guide no longer has it.
func (r *Responder) Section(id string, private bool) (Message, bool) {
	s, ok := r.Guide().Section(id)
	if !ok {
		return Message{}, false
	}
	return RenderAnswer(Answer{Hit: index.Hit{Section: s}, Related: related(s, nil), Private: private}), true
}

// Table renders a section with one of its tables in full, from a
// TableValue; ok is false when the guide no longer has it.
func (r *Responder) Table(value string, private bool) (Message, bool) {
	id, idx, ok := ParseTableValue(value)
	if !ok {
		return Message{}, false
	}
	s, ok := r.Guide().Section(id)
	if !ok || idx >= len(s.Tables()) {
		return Message{}, false
	}
	return RenderAnswer(Answer{Hit: index.Hit{Section: s}, Related: related(s, nil), Private: private, FullTable: true, TableIndex: idx}), true
}
