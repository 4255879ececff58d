// Package quality measures how well a guide's search answers: question
// sets as JSON lines, scored for the right section first, off-topic
// questions refused, answerable ones not refused, and the answer shown at
// the start of the reply.
package quality

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// LoadSet reads a question set: a JSON-lines file of content.Question.
func LoadSet(path string) ([]content.Question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open question set: %w", err)
	}
	defer f.Close()
	return content.ReadQuestions(path, f)
}

// Questions returns the cases' questions, in order.
func Questions(cases []content.Question) []string {
	out := make([]string, len(cases))
	for i, c := range cases {
		out[i] = c.Text
	}
	return out
}

// Miss is a case the index got wrong, with what it answered instead.
type Miss struct {
	Case content.Question
	Got  []string
	// Rank is the 1-based rank of the first expected section, 0 if absent.
	Rank int
	// Hidden is set when the section was right but the case's answer was
	// not within DirectAnswerChars of what the asker sees.
	Hidden bool
	// Why is the search's reason for giving no answer, as
	// index.Result.Explain says it: the rule, and the word of the outside
	// list or the examples' share.
	Why string
	// Declined are, for an answerable case that the examples refused or
	// doubted, the examples naming no section closest to it
	// (index.Index.DeclinedLike): the lines an owner may need to drop.
	Declined []string
}

// MaxDeclined is the most examples a miss names as voting against an
// answer, and search too.
const MaxDeclined = 3

// Score sums up how a set of cases fared.
type Score struct {
	// Top1, Top3 and MRR are over the answerable cases, of Answerable;
	// Refused counts those that got no answer at all.
	Top1, Top3, MRR     float64
	Answerable, Refused int
	// None counts unanswerable cases that got no answer, of NoneTotal.
	None, NoneTotal int
	// OffTopicUnsure counts the unanswerable cases answered as only the closest
	// the guide has (index.Result.Unsure), of the NoneTotal-None answered;
	// RightUnsure the answerable cases answered right, but so.
	OffTopicUnsure, RightUnsure int
	// Direct is the share of the Answers cases with an answer whose
	// answer is within DirectAnswerChars of what the asker sees.
	Direct  float64
	Answers int
	// Parts counts the cases that ask two or more questions the guide
	// answers (content.Question.Parts), of which PartsAnswered got each
	// answered by a section it names: the first hit, or the answer to
	// another question of the message (index.Result.Others). Extra counts,
	// of the Single other cases answered, those given such another answer.
	Parts, PartsAnswered, Extra, Single int
	// N counts all cases.
	N int
}

// String formats the summary line.
func (s Score) String() string {
	var parts []string
	// Ranks mean nothing without a question the guide answers.
	if s.Answerable > 0 {
		parts = append(parts, fmt.Sprintf("top1=%.2f top3=%.2f mrr=%.2f", s.Top1, s.Top3, s.MRR))
	}
	if s.NoneTotal > 0 {
		parts = append(parts, fmt.Sprintf("none=%d/%d", s.None, s.NoneTotal))
	}
	out := strings.Join(parts, " ")
	if s.None < s.NoneTotal {
		out += fmt.Sprintf(" unsure=%d/%d", s.OffTopicUnsure, s.NoneTotal-s.None)
	}
	if s.RightUnsure > 0 {
		out += fmt.Sprintf(" right-unsure=%d", s.RightUnsure)
	}
	if s.Answerable > 0 {
		out += fmt.Sprintf(" refused=%d/%d", s.Refused, s.Answerable)
	}
	if s.Answers > 0 {
		out += fmt.Sprintf(" direct=%.2f", s.Direct)
	}
	if s.Parts > 0 {
		out += fmt.Sprintf(" parts=%d/%d", s.PartsAnswered, s.Parts)
	}
	if s.Single > 0 && (s.Parts > 0 || s.Extra > 0) {
		out += fmt.Sprintf(" extra=%d/%d", s.Extra, s.Single)
	}
	return out + fmt.Sprintf(" n=%d", s.N)
}

// Report is an evaluation: the whole set's score, each style's, and the
// cases it got wrong.
type Report struct {
	Score
	// Styles are the scores per style, by name; empty when no case has a
	// style.
	Styles map[string]*Score
	Misses []Miss
}

// DirectAnswerChars is how much of a reply counts as its opening: a
// case's answer must appear within it to be answered directly.
const DirectAnswerChars = 600

// Reply is what the asker sees of the reply to a question.
type Reply struct {
	// Text is the reply as text, for the direct-answer rate.
	Text string
	// Answered tells a reply that answers from the guide from one that
	// does not (help for a greeting, an honest no-answer).
	Answered bool
}

// Preview returns the reply to a question asked after another, the last
// of its conversation ("" for none).
type Preview func(ctx context.Context, question, after string) (Reply, error)

// Evaluate runs every case through the index, a follow-up as it follows
// its question (index.Index.FollowUp, AskAfter). A case counts as a miss when
// its first hit is not expected, when an unanswerable one gets a hit, or,
// given a preview, when its answer is not at the start of the reply. Given
// a preview, a question whose reply does not answer counts as refused,
// whatever the search found: a greeting is answered with help.
func Evaluate(ctx context.Context, ix *index.Index, cases []content.Question, preview Preview) (Report, error) {
	r := Report{Styles: map[string]*Score{}}
	named := ix.Guide().SectionsNamed()
	for _, c := range cases {
		// A follow-up that asks the last question of the other role is that
		// question; any other is asked after it.
		text, after := c.Text, ""
		if c.Follows != "" {
			var followed bool
			if text, followed = ix.FollowUp(c.Follows, c.Text); !followed {
				after = c.Follows
			}
		}
		res, err := ix.AskAfter(ctx, after, text, 3)
		if err != nil {
			return Report{}, fmt.Errorf("evaluate %q: %w", c.Text, err)
		}
		hits := res.Hits
		var reply Reply
		if preview != nil {
			if reply, err = preview(ctx, text, after); err != nil {
				return Report{}, fmt.Errorf("preview %q: %w", c.Text, err)
			}
			if !reply.Answered {
				hits = nil
			}
		}
		got := make([]string, len(hits))
		for i, h := range hits {
			got[i] = h.Section.Title
		}
		m := Miss{Case: c, Got: got, Rank: firstExpected(hits, c.Expect, named), Why: res.Explain()}
		right := len(c.Expect) == 0 && len(hits) == 0 || m.Rank == 1
		if right && c.Answer != "" && preview != nil {
			m.Hidden = !answersFirst(reply.Text, c.Answer)
		}
		scores := []*Score{&r.Score}
		if c.Style != "" {
			if r.Styles[c.Style] == nil {
				r.Styles[c.Style] = &Score{}
			}
			scores = append(scores, r.Styles[c.Style])
		}
		for _, s := range scores {
			s.add(m, len(hits), len(hits) > 0 && res.Unsure, preview != nil)
			s.addParts(c, hits, res.Others, named)
		}
		if !right || m.Hidden {
			if len(c.Expect) > 0 && (res.Declined > 0 || res.Verbatim || res.Unsure) {
				m.Declined = ix.DeclinedLike(text, MaxDeclined)
			}
			r.Misses = append(r.Misses, m)
		}
	}
	r.finish()
	for _, s := range r.Styles {
		s.finish()
	}
	return r, nil
}

// add counts one case; its Rank and Hidden are set, and whether its
// answer was unsure.
func (s *Score) add(m Miss, hits int, unsure, previewed bool) {
	s.N++
	if len(m.Case.Expect) == 0 {
		s.NoneTotal++
		switch {
		case hits == 0:
			s.None++
		case unsure:
			s.OffTopicUnsure++
		}
		return
	}
	if unsure && m.Rank == 1 {
		s.RightUnsure++
	}
	s.Answerable++
	if hits == 0 {
		s.Refused++
	}
	if m.Rank == 1 {
		s.Top1++
	}
	if m.Rank >= 1 && m.Rank <= 3 {
		s.Top3++
		s.MRR += 1 / float64(m.Rank)
	}
	if previewed && m.Case.Answer != "" {
		s.Answers++
		if m.Rank == 1 && !m.Hidden {
			s.Direct++
		}
	}
}

// addParts counts a case's answers to the questions of its message: the
// first hit, if any, and others.
func (s *Score) addParts(c content.Question, hits []index.Hit, others []index.Part, named func(string) []*content.Section) {
	var answerable [][]string
	for _, p := range c.Parts {
		if len(p) > 0 {
			answerable = append(answerable, p)
		}
	}
	switch {
	case len(answerable) >= 2:
		s.Parts++
	case len(hits) > 0:
		s.Single++
		if len(others) > 0 {
			s.Extra++
		}
		return
	default:
		return
	}
	if len(hits) == 0 {
		return
	}
	answers := []index.Hit{hits[0]}
	for _, o := range others {
		answers = append(answers, o.Hit)
	}
	for _, p := range answerable {
		if !slices.ContainsFunc(answers, func(h index.Hit) bool { return firstExpected([]index.Hit{h}, p, named) == 1 }) {
			return
		}
	}
	s.PartsAnswered++
}

// finish turns the counts into shares.
func (s *Score) finish() {
	if s.Answerable > 0 {
		s.Top1 /= float64(s.Answerable)
		s.Top3 /= float64(s.Answerable)
		s.MRR /= float64(s.Answerable)
	}
	if s.Answers > 0 {
		s.Direct /= float64(s.Answers)
	}
}

// answersFirst reports whether the answer is in the opening of a reply,
// compared case-insensitively with spaces folded and code and bold marks
// dropped (the terminal shows a guide's `nw deploy` as written, and its
// **Direct reports** without marks; an answer may quote either as the
// guide's source has it). An answer written as a
// table row is, as the guide writes it, its cells between " | ": the reply
// shows the row when it shows every cell, in order ("Reports to — Director:
// VP or Senior Director · VP: CTO, CEO, or Board").
func answersFirst(reply, answer string) bool {
	fold := func(s string) string {
		return strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("`", "", "**", "").Replace(s)), " "))
	}
	opening := []rune(reply)
	if len(opening) > DirectAnswerChars {
		opening = opening[:DirectAnswerChars]
	}
	rest := fold(string(opening))
	for _, cell := range strings.Split(strings.Trim(answer, " |"), " | ") {
		i := strings.Index(rest, fold(cell))
		if i < 0 {
			return false
		}
		rest = rest[i+len(fold(cell)):]
	}
	return true
}

// firstExpected is the 1-based rank of the first hit that expect names
// (content.Guide.SectionsNamed), 0 for none.
func firstExpected(hits []index.Hit, expect []string, named func(string) []*content.Section) int {
	for i, h := range hits {
		for _, e := range expect {
			if slices.Contains(named(e), h.Section) {
				return i + 1
			}
		}
	}
	return 0
}
