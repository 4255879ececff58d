package index

import (
	"context"
	"math"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// Part is the answer to another question a message asks beside the one
// its hits answer, from another section: "how long does it take to become
// a VP? and what are the common pitfalls?" opens with Common Pitfalls to
// Avoid, and its first question gets Timeline.
type Part struct {
	// Asked is the words of the message that ask it.
	Asked string
	// Hit is the section that answers it, with its passage or rows.
	Hit Hit
}

// Unanswered is another question a message asks that a rule knows the
// guide does not answer: "…and how much equity should a VP ask for?".
type Unanswered struct {
	// Asked is the words of the message that ask it.
	Asked string
	// Why is the rule's reason; NotCovered only with Becoming. Role is
	// the part's Result.Role.
	Why  Reason
	Role string
	// Becoming is the part's Result.Becoming: it asks the way to a role
	// the guide's path does not lead to.
	Becoming *Elsewhere
}

// maxParts is the most other questions of a message that are answered.
const maxParts = 2

// partResult is one question of a message, searched alone, and whether
// it is substantial (substantialIn).
type partResult struct {
	// asked is the words of the message that ask it, and searched what
	// was searched: asked with the roles the message names for its
	// pronouns ("…? and who do they report to?").
	asked, searched string
	r               Result
	substantial     bool
	// joined tells a question a joiner opened (question.Part.Joined).
	joined bool
}

// sure reports whether the search answers the question without doubt.
func (p partResult) sure() bool { return len(p.r.Hits) > 0 && !p.r.Unsure }

// substantialIn reports whether the question may be answered, or
// refused, beside the message's first answer: it holds no pronoun that
// points back to a thing asked or told before ("how do I answer that?",
// "what's their job with it?"), and two topic words or more, or one that
// names its answer, by its title or a row's ("what's the timeline?":
// Timeline; not "what do I say?", "why would she be involved?").
func (p partResult) substantialIn(ix *Index) bool {
	if question.PointsBack(p.asked) {
		return false
	}
	words := ix.readQuestion(p.asked).words
	if len(words) != 1 || len(p.r.Hits) == 0 {
		return len(words) >= 2
	}
	r := ix.read(p.r.Hits[0].Section)
	for _, row := range r.rowStems() {
		if words[0].heldIn(row.name) {
			return true
		}
	}
	return words[0].heldIn(r.titleStems)
}

// standsAlone reports whether the question may answer a message the search
// refused whole: it is substantial, names a role the guide describes,
// itself or by a pronoun for the message's ("who owns security fixes?"
// does not; "what's the director salary range and who do they report
// to?" does), and no one else by a pronoun ("what does a TPM do and how
// do they work with directors?"). Without the role, on
// tuning/twoparts.jsonl, 2 more of 30 messages with one question outside
// the guide were answered right, but one more off-topic question of the
// other tuning sets' 2,000 was answered, and three of the examples'.
func (p partResult) standsAlone(ix *Index) bool {
	return p.substantial && len(ix.rolesNamed(p.searched)) > 0 && !question.AsksOfPeople(p.searched)
}

// rolesNamed returns the roles the guide describes that a text names.
func (ix *Index) rolesNamed(text string) []int {
	return ix.reader.AskedRoles([][]string{question.Words(ix.rewrite(text))})
}

// refused reports whether a rule knows the guide does not answer it, or
// it asks the way to a role the path does not lead to, and it asks apart
// from the message's other questions: it is substantial, or a joiner
// opened it or it asks such a way, and it points back to nothing ("…, also what's the
// comp like?", "…? btw where is the cafeteria?"). One word a rule refuses
// in a sentence that follows on its own may ask more of the question
// before ("…promo doc for VP? is there a template?").
func (p partResult) refused() bool {
	if len(p.r.Hits) > 0 || p.r.Why == NotCovered && p.r.Becoming == nil {
		return false
	}
	// The way to a role asks apart by the role it names: "…? and how do
	// I become a director?".
	return p.substantial || (p.joined || p.r.Becoming != nil) && !question.PointsBack(p.asked)
}

// withParts answers a message that asks several questions one after the
// other (question.Parts) each alone, beside r, the answer to the whole: r
// gains the answers from other sections (Others) and the questions a rule
// refused (Unanswered). When a rule refused one of them and the whole's
// answer is none of theirs, the first question answered without doubt
// that stands alone answers instead: the refused question's words had refused the whole
// ("what's a typical VP's equity? and who do VPs report to?") or chosen
// its section ("what sev levels should our incident process use? and how
// should a VP candidate handle crises?").
func (ix *Index) withParts(ctx context.Context, text string, limit int, r Result) (Result, error) {
	text = question.Asked(text)
	asked := question.Parts(text)
	if asked == nil {
		return r, nil
	}
	if declined, taught := ix.examplesSay(text); declined || taught {
		// An example or a lesson, word for word, is answered as taught.
		return r, nil
	}
	parts, err := ix.searchParts(ctx, text, asked, limit)
	if err != nil {
		return r, err
	}
	if r = ix.firstAnswer(parts, r); len(r.Hits) == 0 {
		return r, nil
	}
	r.Hits = withPartRows(parts, r.Hits)
	r.Others = ix.others(parts, r.Hits[0].Section)
	for _, p := range parts {
		if p.refused() && len(r.Unanswered) < maxParts {
			r.Unanswered = append(r.Unanswered, Unanswered{Asked: p.asked, Why: p.r.Why, Role: p.r.Role, Becoming: p.r.Becoming})
		}
	}
	if i := answeredFirst(parts, r.Hits[0].Section); i >= 0 && len(r.Others)+len(r.Unanswered) > 0 {
		r.Asked = parts[i].asked
	}
	return r, nil
}

// searchParts searches each question a message asks alone.
func (ix *Index) searchParts(ctx context.Context, text string, asked []question.Part, limit int) ([]partResult, error) {
	roles := ix.rolesNamed(text)
	parts := make([]partResult, len(asked))
	for i, part := range asked {
		a, q := part.Text, part.Text
		if len(roles) > 0 && question.AsksOfPeople(a) && len(ix.rolesNamed(a)) == 0 {
			// "…? and who do they report to?" asks of the roles the
			// message names.
			q = question.WithPeople(a, strings.Join(ix.roleNamesOf(roles), " and "))
		}
		pr, err := ix.search(ctx, q, limit, true)
		if err != nil {
			return nil, err
		}
		parts[i] = partResult{asked: a, searched: q, r: pr, joined: part.Joined}
		parts[i].substantial = parts[i].substantialIn(ix)
	}
	return parts, nil
}

// firstAnswer is the answer a message of several questions opens with:
// r, the whole's, unless a rule refused one of them and r is none of
// theirs (withParts), or r refused the whole though each question alone
// is answered, whose words they share between them.
func (ix *Index) firstAnswer(parts []partResult, r Result) Result {
	refused := slices.ContainsFunc(parts, partResult.refused)
	switch {
	case !refused && len(r.Hits) == 0 && !slices.ContainsFunc(parts, func(p partResult) bool { return !p.sure() || !p.standsAlone(ix) }):
		return parts[0].r
	case !refused || len(r.Hits) > 0 && slices.ContainsFunc(parts, func(p partResult) bool { return p.sure() && p.r.Hits[0].Section == r.Hits[0].Section }):
		return r
	}
	if first := slices.IndexFunc(parts, func(p partResult) bool { return p.sure() && p.standsAlone(ix) }); first >= 0 {
		return parts[first].r
	}
	return r
}

// others are the answers of the substantial parts answered without doubt
// by sections other than first, up to maxParts, in the order asked. A part
// whose section holds first, or another shown, or lies within it gets
// none: that answer shows it already.
func (ix *Index) others(parts []partResult, first *content.Section) []Part {
	shown := []*content.Section{first}
	var out []Part
	answered := answeredFirst(parts, first)
	for i, p := range parts {
		if i == answered || !p.sure() || !p.substantial || slices.ContainsFunc(shown, func(s *content.Section) bool { return shows(s, p.r.Hits[0]) }) {
			continue
		}
		shown = append(shown, p.r.Hits[0].Section)
		if out = append(out, Part{Asked: p.asked, Hit: p.r.Hits[0]}); len(out) == maxParts {
			break
		}
	}
	return out
}

// withPartRows returns hits with the first quoting, beside its own rows,
// the best row of each question answered without doubt by rows of its
// table (an answer shows one table's): "do vps present to the board and
// who do they report to" quotes the comparison's Board/Exec exposure and
// Reports to rows, where the whole message's search quotes the first
// alone. The hits are copied: the search's own are left as they were.
func withPartRows(parts []partResult, hits []Hit) []Hit {
	first := hits[0]
	if len(first.Rows) == 0 {
		return hits
	}
	rows := slices.Clone(first.Rows)
	for _, p := range parts {
		if !p.sure() || !p.substantial || p.r.Hits[0].Section != first.Section || len(p.r.Hits[0].Rows) == 0 || p.r.Hits[0].Rows[0].Table != first.Rows[0].Table {
			continue
		}
		if best := p.r.Hits[0].Rows[0]; !slices.Contains(rows, best) {
			rows = append(rows, best)
		}
	}
	if len(rows) == len(first.Rows) {
		return hits
	}
	hits = slices.Clone(hits)
	hits[0].Rows = rows
	return hits
}

// answeredFirst returns the part the first answer answers: the one whose
// own search ranks first's section highest, -1 for none. It gets no answer
// of its own, though its own search would open elsewhere: "what's the span
// of control for a director, and how much should they code?" opens with
// the comparison's Span row, and is not told Typical Scope beside it.
func answeredFirst(parts []partResult, first *content.Section) int {
	best, rank := -1, math.MaxInt
	for i, p := range parts {
		if j := slices.IndexFunc(p.r.Hits, func(h Hit) bool { return h.Section == first }); j >= 0 && j < rank {
			best, rank = i, j
		}
	}
	return best
}

// shows reports whether an answer from a section shows what a hit does:
// they are nested, but for rows of another section's table, which the
// answer shows none of, or only names below it ("Activity Time
// Comparison: a table of 7 rows, shown by its button below": Slack draws
// one table a message). "…strategy versus execution? Also, how much time
// goes into 1:1s?" is answered by the comparison's Focus row, and then by
// the 1:1s row of the table below it.
func shows(s *content.Section, h Hit) bool {
	return nested(s, h.Section) && (len(h.Rows) == 0 || s == h.Section)
}

// nested reports whether two sections are one, or one lies within the
// other, below a page's root: a root is the whole page, and an answer
// from it shows its own words, not its subsections'.
func nested(a, b *content.Section) bool {
	return a == b || a.Parent != nil && b.Within(a) || b.Parent != nil && a.Within(b)
}

// descendantShare is how close to the best hit's score one of its
// sections' own subsections must come to answer before it (preferNarrower).
const descendantShare = 0.2

// preferNarrower puts first, when the best hit is a role's section (its
// heading names the role alone), a subsection of it that holds more of the
// question's words, its headings' and its text's, than the best hit does:
// "apm responsibilities" is answered by Associate Product Manager (APM) ›
// Responsibilities, not by the role's section, whose heading holds only
// "APM".
func (ix *Index) preferNarrower(hits []Hit, words []word) {
	if len(hits) < 2 || !ix.read(hits[0].Section).titledByRole() {
		return
	}
	best := coverage(ix.read(hits[0].Section).stems, words, nil)
	for i, h := range hits[1:min(len(hits), steerDepth)] {
		if h.Score < descendantShare*hits[0].Score {
			return
		}
		if !within(h.Section, hits[0].Section) || coverage(ix.read(h.Section).stems, words, nil) <= best {
			continue
		}
		promote(hits, i+1)
		return
	}
}

// within reports whether a section is one of another's subsections, at
// any depth.
func within(s, ancestor *content.Section) bool {
	for p := s.Parent; p != nil; p = p.Parent {
		if p == ancestor {
			return true
		}
	}
	return false
}

// titledByRole reports whether a section's heading names a role and
// nothing else: "Associate Product Manager (APM)", "VP of Product".
func (ix *Index) titledByRole(s *content.Section) bool {
	roled, _ := ix.reader.Cast.Roled(question.Words(ix.rewrite(s.Title)))
	return len(roled) > 0 && !slices.ContainsFunc(roled, func(w string) bool { return !question.IsRoleWord(w) })
}

// preferRoleSection puts first, for a question about one role, the best
// of the hits whose heading names that role alone (titledByRole) and that
// holds as much of the question as the best hit does, when the best hit's
// heading names the role among others, however far behind: a name the
// question shares with the other heading word for word ("senior PM")
// scores its phrase far above the role's own heading ("Senior Product
// Manager"). "Design manager responsibilities" is answered by Design
// Manager, not by "Design Manager, Design Director and Head of Design",
// and "what does a senior PM own?" by Senior Product Manager, not by
// "Senior PM vs PM"; "what does a design manager need for promotion?"
// keeps "Moving from Design Manager to Design Director".
func (ix *Index) preferRoleSection(hits []Hit, asked []int, words []word) {
	if len(hits) < 2 || len(asked) != 1 {
		return
	}
	top := ix.read(hits[0].Section)
	if roles := top.titleRoles(); len(slices.Compact(slices.Sorted(slices.Values(roles)))) < 2 || !slices.Contains(roles, asked[0]) {
		return
	}
	covered := coverage(top.stems, words, nil)
	for i, h := range hits[1:min(len(hits), steerDepth)] {
		r := ix.read(h.Section)
		if r.titledByRole() && slices.Equal(slices.Compact(slices.Clone(r.titleRoles())), asked) && coverage(r.stems, words, nil) >= covered {
			promote(hits, i+1)
			return
		}
	}
}
