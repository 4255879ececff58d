package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
)

// fieldBoost weighs a match in one field: a word in a heading says more
// than one in running text.
type fieldBoost struct {
	field string
	boost float64
}

// boosts is a slice, not a map, so that scores add up in a fixed order and
// ties break the same way on every run. The boosts, phraseBoost, minShare
// and contextWeight were set together by a coordinate search over the
// tuning sets (top-1, top-3 at half, off-topic refused, answerable
// refused), each tried at half to twice its value: a title counts for
// little more than body text once the thesaurus, phrases and rows carry
// the question's meaning. The asked field's weight was set later, with
// the boosts fixed, by leaving each tuning set out of the guide's examples
// in turn (1, 1.5 and 2 tried: 1.5 gives up 0.001 of top-1 to 2 and keeps
// the answers of heading words such as "compare").
var boosts = [numFields]fieldBoost{
	{fieldTitle, 1.25},
	{fieldHead, 1.05},
	{fieldPath, 0.105},
	{fieldBody, 1},
	{fieldSub, 0.2},
	askedField: {fieldAsked, 1.5},
}

// Hit is a section that answers a question.
type Hit struct {
	Section *content.Section
	// Score ranks hits; it is comparable only within one search.
	Score float64
	// Rows are the table rows that matched, best first, when the question
	// was about particular rows rather than the whole section.
	Rows []RowRef
	// Passage is the sentence or list item that answers the question, nil
	// when the question is about the whole section or a row. Only the
	// first hit has one.
	Passage *Passage
	// Votes is the section's chance of answering the question by the
	// guide's example questions (examples.go), which its Score counts; 0
	// without examples.
	Votes float64
	// Also is where else the guide states the fact the question asks for
	// (a time, a share or an amount): the second hit's row or passage that
	// states it, nil when there is none. A guide may say it
	// in a table and again in a list ("Team size" and "Org size"), and the
	// asker should see both. Only the first hit has one.
	Also *Hit
	// Elsewhere is set, on the first hit only, when the question asks
	// about roles the section's headings do not name: the guide answers
	// from another role's part ("Core Responsibilities", the Director's,
	// for a VP's), and the answer should say so.
	Elsewhere *Elsewhere
	// row is the best row's own score, before rowWeight.
	row float64
}

// Elsewhere names, as the guide's headings write them, the roles a
// question asks about (Asked) and those the section answering it is about
// (About); for Result.Becoming, the roles asked to become and those the
// guide's path leads to.
type Elsewhere struct {
	Asked, About []string
}

// RowRef points at one body row of one of a section's tables.
type RowRef struct {
	// Table indexes Section.Tables().
	Table int
	// Row indexes that table's Rows.
	Row int
}

// RowTitles returns the first cell of each matched row: the row's name.
func (h Hit) RowTitles() []string {
	tables := h.Section.Tables()
	out := make([]string, 0, len(h.Rows))
	for _, r := range h.Rows {
		out = append(out, tables[r.Table].Rows[r.Row][0].Plain())
	}
	return out
}

// Search returns up to limit sections that answer the question, best first.
// It returns no hits, not weak guesses, when the guide does not cover the
// question, and none for a question without topic words.
func (ix *Index) Search(ctx context.Context, question string, limit int) ([]Hit, error) {
	r, err := ix.search(ctx, question, limit, true)
	return r.Hits, err
}

// Ask is Search that, when no section answers, tells why and which
// sections come closest, from the same reading of the question.
func (ix *Index) Ask(ctx context.Context, question string, limit int) (Result, error) {
	r, err := ix.search(ctx, question, limit, true)
	if err != nil {
		return r, err
	}
	return ix.withParts(ctx, question, limit, r)
}

// Like returns up to limit sections that share any topic word with a text
// of the guide itself, such as a career indicator, best first, whether or
// not they answer it: ranked by their words, without the examples' votes,
// which speak for how people ask.
func (ix *Index) Like(ctx context.Context, text string, limit int) ([]Hit, error) {
	r, err := ix.search(ctx, text, limit, false)
	return r.Closest, err
}

// Result is what Ask finds: the hits that answer a question or, when none
// does, why not and the sections that share most of its topic words.
type Result struct {
	Hits []Hit
	// Why tells, when there are no hits, why: the rule that knows the
	// guide cannot answer the question, or NotCovered.
	Why Reason
	// Closest holds, when there are no hits, up to the limit asked for of
	// the sections closest to the question, for suggestions; no passage
	// is chosen for them.
	Closest []Hit
	// Declined is, when the examples refused the question (no hits, Why
	// NotCovered), their chance that the guide does not answer it: a
	// section may still have most of what they give the sections (Votes).
	// Verbatim tells that they hold it, word for word, as one the guide
	// does not answer.
	Declined float64
	Verbatim bool
	// Topic is, when Why is OutsideTopic for a word or phrase of the
	// outside list the question asks about, that word or phrase: the
	// guide's owner learns what to drop from the list when the guide
	// does cover it in other words.
	Topic string
	// Role is, when Why is OtherRole, the role the question asks about,
	// as the roles list writes it ("CTO") or, another function's leader,
	// with the function as the question says it ("finance director"), for
	// the reply to name.
	Role string
	// Others are the answers, from other sections, to the other questions
	// a message asks one after the other, when there are hits; Unanswered
	// are those of them a rule refused. Asked is then the words of the
	// question the hits answer, "" when it is not one of them alone.
	Asked      string
	Others     []Part
	Unanswered []Unanswered
	// Unsure tells, when there are hits, that the guide's examples lean
	// towards the guide not answering the question, though not enough to
	// refuse it (unsureShare): the hits are the closest the guide has,
	// and the answer should say so.
	Unsure bool
	// Becoming is set, when there are no hits, for a question that asks
	// how to become a role (Asked) that the guide's path (content.Path)
	// does not lead to (About): "how do I become a director?" in a guide
	// whose path runs from Director to VP. Its closest sections are off
	// the path. The guide does not cover it: a gap its owners may fill.
	Becoming *Elsewhere
	// Undefined is, when there are hits for a question that asks what a
	// term means ("what's a P&L?") and the guide never says, the term as
	// the question writes it: the hits are where the guide uses it, or
	// the closest it has, and the answer should say so.
	Undefined string
}

// Explain says why no section answers, for a guide's owner: the rule
// that refused, the examples' verdict, or that no section holds enough of
// the question.
func (r Result) Explain() string {
	switch {
	case r.Why == OutsideTopic && r.Topic != "":
		return fmt.Sprintf("a topic the guide leaves to others: it asks about %q, which the outside list holds and the guide never says (if the guide answers it in other words, a line \"-%s\" in outside.txt drops it)", r.Topic, r.Topic)
	case r.Why == CompanyFact:
		return r.Why.String() + " (a page that states such facts says company: true in its frontmatter)"
	case r.Why != NotCovered:
		return r.Why.String()
	case r.Becoming != nil:
		return fmt.Sprintf("it asks how to become %s; the guide's path leads to %s", strings.Join(r.Becoming.Asked, " or "), strings.Join(r.Becoming.About, " or "))
	case r.Verbatim:
		return "the examples hold it, word for word, as one the guide does not answer"
	case r.Declined > 0:
		return fmt.Sprintf("the examples give %.0f %% that the guide does not answer it", 100*r.Declined)
	}
	return "no section holds enough of it"
}

// Reason tells why Ask gave a question no answer.
type Reason int

// The reasons for no answer.
const (
	// NotCovered: the guide holds too little of the question.
	NotCovered Reason = iota
	// OutsideTopic: a topic the guide leaves to others, such as pay, HR
	// procedures, tools (thesaurus.Outside) or staffing ratios
	// (question.Reader.AsksStaffRatio).
	OutsideTopic
	// OtherRole: a role the guide does not describe (thesaurus.Roles).
	OtherRole
	// CompanyFact: a fact of the asker's own company.
	CompanyFact
	// Request: a request to write, summarize or translate a text, not a
	// question (question.Request).
	Request
	// Conversation: a request for the words of one conversation with
	// particular people (question.AsksForWords) that no section answers,
	// by the words it holds or by the examples: the guide gives no such
	// words.
	Conversation
	// Opinion: a request for the bot's own liking, how a role feels, or a
	// decision of the asker's own life (question.AsksOpinion): the guide
	// states facts.
	Opinion
)

// String says what the reason is, for a guide's owner.
func (r Reason) String() string {
	switch r {
	case OutsideTopic:
		return "a topic the guide leaves to others (outside.txt, pay, staffing ratios)"
	case OtherRole:
		return "a role the guide's headings do not name"
	case CompanyFact:
		return "a fact of the asker's own company"
	case Request:
		return "a request to write, summarize or translate, not a question"
	case Conversation:
		return "a request for the words of one conversation, which the guide does not give"
	case Opinion:
		return "a request for an opinion or a decision of the asker's own, which the guide does not give"
	}
	return "no section holds enough of it, or the examples say the guide does not answer it"
}

// inquiry is a question as search reads it: rewritten by the thesaurus,
// split into words, its topic words, and the words of its sentences that
// ask.
type inquiry struct {
	// text is the question as asked, its case kept (a colleague's name).
	text      string
	read      string
	readWords []string
	words     []word
	asking    [][]string
	// alone tells that the message is the one sentence it asks,
	// forWords that it asks for the words of a conversation
	// (question.AsksForWords), and pay that it asks what a role earns
	// (question.Cast.AsksPay).
	alone, forWords, pay bool
}

func (ix *Index) readQuestion(text string) inquiry {
	q := inquiry{text: text, read: ix.rewrite(text), forWords: question.AsksForWords(text)}
	q.words = ix.words(q.read)
	q.readWords = question.Words(q.read)
	q.pay = ix.reader.Cast.AsksPay(q.readWords)
	if ix.reader.Particular(ix.spelled(slices.Clone(q.readWords))) {
		q.asking, q.alone = ix.asking(q.read)
	}
	return q
}

// refusal returns the reason a rule knows the guide cannot answer a
// question, or NotCovered when none does, and for OtherRole the role
// (Result.Role).
func (ix *Index) refusal(ctx context.Context, q inquiry) (Reason, string, error) {
	if question.Request(q.text) {
		return Request, "", nil
	}
	said := question.NewSet(question.Words(q.text))
	role, err := ix.reader.AboutOthers(q.asking, said, func(r int) (bool, error) { return ix.namedInText(ctx, r) })
	if err != nil {
		return NotCovered, "", err
	}
	if role == "" {
		role = ix.reader.OtherLeader(q.readWords, said)
	}
	if role == "" {
		role = ix.otherPaid(q)
	}
	// A guide that states pay answers what a role earns, whatever words
	// of pay the outside list holds ("pay for director").
	switch {
	case role != "":
		return OtherRole, role, nil
	case (ix.outsideWord(q) || ix.outsidePhrase(q) || ix.placesTeam(q)) && !ix.reader.ChoosesRole(q.asking) && !ix.inPassing(q) && !(q.pay && ix.saysPay()) || q.pay && !ix.saysPay() || ix.reader.AsksStaffRatio(q.text, q.readWords) || ix.leavesInterviews() && ix.reader.Cast.AsksInterview(q.asking):
		return OutsideTopic, "", nil
	case ix.reader.AboutCompany(q.asking, q.alone) || ix.reader.AboutUnit(q.asking, ix.usesWord) || ix.reader.NamesColleague(q.text, ix.usesWord):
		return CompanyFact, "", nil
	case ix.reader.AsksOpinion(q.read):
		return Opinion, "", nil
	}
	return NotCovered, "", nil
}

// otherPaid names the role whose pay a question asks when the guide
// describes roles and neither describes nor lists it among its levels:
// "the salary band for a senior software engineer" in a product ladder
// is not answered with the PMs' bands.
func (ix *Index) otherPaid(q inquiry) string {
	if !q.pay || len(ix.reader.Described) == 0 {
		return ""
	}
	m, ok := ix.reader.Cast.PaidRole(q.readWords)
	if !ok || ix.reader.Described[m.Role] || ix.reader.Levels[m.Role] {
		return ""
	}
	return m.Name
}

// search ranks the sections that share the question's topic words and,
// to answer, keeps as hits only those that answer it, after the rules
// that know the guide cannot, and weighs the examples' votes; otherwise it
// returns the ranking by the words alone as Closest (Like).
func (ix *Index) search(ctx context.Context, text string, limit int, answer bool) (Result, error) {
	if limit <= 0 {
		return Result{}, nil
	}
	// Every rule reads the question as its words: no Slack markup, no link
	// ("what does a director do? <https://…>", "cc <@U123>"), and no
	// greeting or thanks around it.
	text = question.Asked(text)
	qa := ix.readQuestion(text)
	words := qa.words
	pay := ix.saysPay() && qa.pay
	if pay {
		// "How much does a director make?" asks for the guide's salary
		// bands, in words it does not say.
		words = append(slices.Clip(words), ix.words(strings.Join(ix.payWords, " "))...)
	}
	// A rule may know why a question with no topic word left (once
	// fillers are dropped) is not answered: "how do I fire someone?" asks
	// HR.
	why, role := NotCovered, ""
	var declined, taught bool
	if answer {
		declined, taught = ix.examplesSay(text)
	}
	if answer && !taught {
		var err error
		if why, role, err = ix.refusal(ctx, qa); err != nil {
			return Result{}, err
		}
	}
	if len(words) == 0 {
		return ix.unmatched(qa, taught, Result{Why: refusedWhy(qa, why), Role: role}), nil
	}
	asked := ix.reader.AskedRoles(qa.asking)
	q := ix.query(words)
	if q == nil {
		return ix.unmatched(qa, taught, Result{Why: refusedWhy(qa, why), Role: role}), nil
	}
	// Rows fold into their sections, so more documents than hits are read;
	// for a term's meaning, as many as may define it (preferDefinition).
	depth := limit*4 + 8
	defined := definedTerm(text)
	if defined != "" {
		depth = max(depth, 2*maxDefiningSections)
	}
	docs, err := ix.best(ctx, q, depth)
	if err != nil {
		return Result{}, err
	}
	ranked := ix.collect(docs)
	// A fact of the asker's company is the guide's where its words lead to
	// a page of the company's own facts: "when's the next promo cycle?"
	// with a page that says when promotions happen. Unanswered, it is
	// still told why.
	ownFact := why == CompanyFact && len(ranked) > 0 && ranked[0].Section.Page.Company
	if ownFact {
		why = NotCovered
	}
	// A question a rule refused needs no votes: its closest sections are
	// suggestions.
	var examples verdict
	if answer && why == NotCovered {
		examples = ix.examplesVerdict(qa.read, words)
		examples.declined = declined
	}
	examples.heed(ranked)
	qw := question.Words(text)
	in := question.IntentOf(qw)
	ix.steer(ranked, in)
	ix.preferRoleSection(ranked, asked, words)
	ix.preferNarrower(ranked, words)
	ix.preferDefinition(ranked, defined)
	if question.AsksExample(qw) {
		preferExamples(ranked)
	}
	if pay && !ix.preferPay(ranked) && why == NotCovered {
		// No section that states pay answers it: what a role earns is
		// left to others, as in a guide that states none.
		why = OutsideTopic
	}
	ix.preferAsked(ranked, asked, qa.readWords)
	ix.preferMove(ranked, asked, qa.asking)
	// A question about the whole role is answered by its page, which
	// holds none of the question's words but the role's.
	page := ix.asksPage(qa.readWords, ranked)
	whole := question.AsksOverview(qw) || page
	if whole && len(ranked) > 0 {
		ranked = overview(ranked)
	}
	// closest is returned only where hits are not, which share its array.
	closest := ranked[:min(limit, len(ranked))]
	if !answer {
		return Result{Closest: closest}, nil
	}
	var hits []Hit
	var declinedBy float64
	var verbatim bool
	switch {
	case why != NotCovered:
	case examples.refuses() && (!page || examples.declined):
		declinedBy, verbatim = examples.unanswered, examples.declined
		// The examples take it for one the guide does not answer:
		// "what's the PTO policy for directors?". What a role is, the
		// role's page answers, whoever asks: "I'm in HR, what is a
		// director?" is no HR question. An owner's word for word still
		// refuses it.
	case whole:
		hits = ranked
	default:
		hits = ix.preferPath(ix.answering(ranked, qa, limit), qa, in)
	}
	// The company's fact is answered by its pages only, whatever the
	// examples and intents made of the ranking.
	if ownFact {
		hits = slices.DeleteFunc(hits, func(h Hit) bool { return !h.Section.Page.Company })
	}
	if len(hits) == 0 {
		if ownFact {
			why = CompanyFact
		}
		why = refusedWhy(qa, why)
	}
	hits, learned := ix.taughtFirst(text, taught, hits, ranked)
	if len(hits) == 0 {
		return Result{Why: why, Closest: closest, Declined: declinedBy, Verbatim: verbatim, Topic: ix.outsideTopic(qa, why), Role: role}, nil
	}
	if len(hits) > limit {
		hits = hits[:limit]
	}
	if ix.othersOnly(asked, hits[0].Section) && !ix.ownTextNames(asked, hits[0].Section) {
		hits[0].Elsewhere = &Elsewhere{Asked: ix.roleNamesOf(asked), About: ix.roleNamesOf(ix.headingRoles(hits[0].Section))}
	} else if e := ix.becomingOther(qa, hits[0].Section); e != nil && !taught {
		// The path to VP's Timeline does not tell how long it takes to
		// become a Director; unless the examples hold the question word
		// for word, the guide's owners are told of a gap instead.
		return Result{Closest: ix.offPath(ranked, limit), Becoming: e}, nil
	}
	hits[0].Rows = ix.tellingRows(hits[0].Section, hits[0].Rows, words)
	// A question for an amount whose rows state none is answered first by
	// a row that states one: "how many reports does an EM have?" by Direct
	// reports, "5-9 engineers", before Reports to, which also holds
	// "reports". Other facts may be stated in words no intent knows ("who
	// approves senior hires?": Hiring), or asked for by a word that asks
	// for none ("split" the team), so their rows stand.
	// The row must be named by the question too: "how much board exposure
	// does a VP have?" is answered by Board/Exec exposure ("Regular board
	// presentations"), not by Focus, which states a share.
	switch {
	case whole:
	case len(hits[0].Rows) == 0:
		if hits[0].Rows = ix.answeringRow(docs, hits[0].Section, words, in); hits[0].Rows == nil {
			hits[0].Passage = ix.passage(hits[0].Section, words, in)
		}
	case in == question.Amount && !rowsState(hits[0], in):
		if r := ix.answeringRow(docs, hits[0].Section, words, in); r != nil && ix.rowNamed(hits[0].Section, r[0], words) {
			hits[0].Rows = append(r, slices.DeleteFunc(hits[0].Rows, func(o RowRef) bool { return o == r[0] })...)
		}
	}
	// A question for a fact (how many, how long, who, what share) is
	// answered first by the row the examples take for its answer: leaving
	// each tuning set out in turn, direct answers rose 0.832 -> 0.835 ("how
	// many enginers does a vp usualy manage": Team size), with the vote of
	// the nearest examples the classifier replaced.
	// Without a fact asked for, a row would answer a broad question ("director
	// skills": the Technical row, the first that its writers' answers name).
	// A voted row that holds none of the question's words does not displace
	// rows the words found: a company's guide whose few examples name one
	// row would otherwise answer every "how many" of its table with it.
	if !whole && in != question.NoIntent {
		holds := ix.holdsAny(hits[0].Section, words)
		if r, ok := examples.votedRow(hits[0].Section, holds); ok && (holds(r) || len(hits[0].Rows) == 0) {
			hits[0].Rows = append([]RowRef{r}, slices.DeleteFunc(hits[0].Rows, func(o RowRef) bool { return o == r })...)
			hits[0].Passage = nil
		}
	}
	if len(hits[0].Rows) > 0 {
		hits[0].Rows = ix.askedRows(hits[0].Section, hits[0].Rows, qa.read)
	}
	// An amount the question states picks the row of a table of ranges
	// that holds it, whatever else matched: "how many PTO days with 3
	// years of tenure?" opens with the "2–5 years" row.
	// A share or span the question states picks the one row that states
	// it, a premise checked against the guide, where neither a row nor a
	// passage matched; and where only rows the question does not name
	// matched, if a sentence that asks states it and the row holds a word
	// of the question besides the figure: "is a VP 70% execution?" is the
	// Focus row, "30% execution, 70% strategy", not Reports to, which "VP"
	// found; "with 100-500 engineers, how long is the VP planning
	// horizon?" keeps Planning horizon, and a figure in a story ("we get
	// 3-4 incidents a week") is no premise. Where nothing matched, a count
	// of people picks the one row that counts them.
	if !whole {
		// The pay of a level the question names is its row's, where its
		// table states pay, not a passage's about pay ("Salaries below
		// are for London").
		named := ix.levelRows(hits[0].Section, qa.readWords)
		switch {
		case pay && named != nil && paysIn(hits[0].Section.Tables()[named[0].Table]):
			hits[0].Rows, hits[0].Passage = named, nil
		case hits[0].Passage == nil:
			hits[0].Rows = ix.namedLevels(hits[0].Section, named, hits[0].Rows, qa.readWords)
		}
		none := len(hits[0].Rows) == 0 && hits[0].Passage == nil
		if r, ok := rangeRow(hits[0].Section, qa.read); ok {
			hits[0].Rows, hits[0].Passage = []RowRef{r}, nil
		} else if r, ok := statedRow(hits[0].Section, qa.read); ok && (none || ix.premise(qa, hits[0], r, words)) {
			hits[0].Rows, hits[0].Passage = []RowRef{r}, nil
		} else if r, ok := countedRow(hits[0].Section, qa.read); ok && none {
			hits[0].Rows, hits[0].Passage = []RowRef{r}, nil
		}
	}
	// A section an admin taught for the question, or its examples name
	// first, stays first. The pay
	// asked for is the bands' alone: a PM's squad of "6-9 engineers" is
	// no second statement of what a PM makes.
	if !learned && !pay && in != question.NoIntent && in != question.Person && len(hits) > 1 && hits[1].Score >= alsoShare*hits[0].Score && !ix.othersOnly(asked, hits[1].Section) {
		hits[0].Also = ix.also(docs, hits[1].Section, words, in)
	}
	// A hit that does not open with the fact asked for gives way to the
	// second that states it, which answers first, its section heading the
	// reply: "how many EMs does a director have?" is not answered by "Lead
	// and mentor engineering managers", and "what % of a VP's time is
	// strategy?" is answered by the comparison's Focus row, not by Activity
	// Time Comparison, whose title shares "time". Rows yield only when the
	// question asks for a share or hours ("Influencing strategy: Setting
	// strategy" is none); a row asked for by name may state an amount in
	// words ("how much board exposure does a VP have?": "Regular board
	// presentations"). Leaving each tuning set out in turn, this raised
	// top-1 0.833 -> 0.836, where showing the second as a line under the
	// first did not.
	// A question about the whole role keeps its page first.
	if h := hits[0]; h.Also != nil && !whole && !ix.statesFact(h, in) {
		second := *h.Also
		second.Score, h.Score = h.Score, hits[1].Score
		h.Also, h.Passage, h.Rows = nil, nil, nil
		hits[0], hits[1] = second, h
	}
	res := Result{Hits: hits, Unsure: !learned && !page && examples.unanswered >= unsureShare}
	if !learned && !whole {
		if res.Undefined, err = ix.undefined(ctx, text); err != nil {
			return Result{}, err
		}
	}
	return res, nil
}

// refusedWhy is why a question that gets no answer gets none: one not
// covered that asks for the words of a conversation is told the guide
// gives no such words.
func refusedWhy(q inquiry, why Reason) Reason {
	if why == NotCovered && q.forWords {
		return Conversation
	}
	return why
}

// unmatched is the result for a question none of whose words the index
// holds: refused, the rules' reason, but for a question an admin taught,
// or an example names a section for, asked word for word (taughtFirst).
func (ix *Index) unmatched(q inquiry, taught bool, refused Result) Result {
	if hits, learned := ix.taughtFirst(q.text, taught, nil, nil); learned {
		return Result{Hits: hits}
	}
	return refused
}

// taughtFirst puts first the section an admin taught in Slack for a
// question asked word for word as they taught it (taught says the
// examples hold it): their word on that question, whatever its words
// match. Else, it puts first the section the examples of the question,
// word for word, name first: an owner's own example asked as written
// gets what they wrote. learned says it put one first, which no later
// rule moves. The hit is taken from the hits or the ranking, or else made
// with the best hit's score.
func (ix *Index) taughtFirst(text string, taught bool, hits, ranked []Hit) (_ []Hit, learned bool) {
	if !taught {
		return hits, false
	}
	key := askedKey(text)
	l, ok := ix.examples.lessonFor(key)
	if !ok {
		l, ok = ix.examples.firstFor(key)
	}
	if !ok || l.section == nil {
		return hits, false
	}
	s := l.section
	named := func(h Hit) bool { return h.Section == s }
	h := Hit{Section: s}
	if i := slices.IndexFunc(hits, named); i >= 0 {
		h = hits[i]
		hits = slices.Delete(slices.Clone(hits), i, i+1)
	} else if i := slices.IndexFunc(ranked, named); i >= 0 {
		h = ranked[i]
	}
	if len(hits) > 0 {
		h.Score = max(h.Score, hits[0].Score)
	}
	return append([]Hit{h}, hits...), true
}

// statesFact reports whether the passage or rows a hit opens with state
// the kind of fact asked for: the passage, or, for a share or hours, one
// of its rows; any row asked for by name does.
func (ix *Index) statesFact(h Hit, in question.Intent) bool {
	switch {
	case h.Passage != nil:
		return in.States(h.Passage.Text)
	case len(h.Rows) == 0:
		return false
	case in != question.Share && in != question.Week:
		return true
	}
	return rowsState(h, in)
}

// rowNamed reports whether a row's name holds one of the question's
// words: "reports" names Direct reports.
func (ix *Index) rowNamed(s *content.Section, r RowRef, words []word) bool {
	name := ix.read(s).rowStems()[r].name
	return slices.ContainsFunc(words, func(w word) bool { return name[w.stem] })
}

// rowsState reports whether one of a hit's rows states the fact the
// question asks for (Intent.States).
func rowsState(h Hit, in question.Intent) bool {
	tables := h.Section.Tables()
	return slices.ContainsFunc(h.Rows, func(r RowRef) bool {
		return in.States(content.RowPlain(tables[r.Table].Rows[r.Row]))
	})
}

// alsoShare is how close to the best hit's score the second must come
// for its statement of the fact to be shown too: "how long does it take
// to become a VP?" is answered by Timeline, and the planning horizon
// ("multi-year"), far behind, is no second answer. Calibrated on the
// tuning sets: at 0.5 a few second statements are lost, at 0.2 false
// friends appear.
const alsoShare = 0.3

// also returns, as a hit, the row or passage of a section that states
// the fact a question asks for, or nil.
func (ix *Index) also(docs search.DocumentMatchCollection, s *content.Section, words []word, in question.Intent) *Hit {
	if rows := ix.answeringRow(docs, s, words, in); rows != nil {
		return &Hit{Section: s, Rows: rows}
	}
	if p := ix.passage(s, words, in); p != nil && in.States(p.Text) {
		return &Hit{Section: s, Passage: p}
	}
	return nil
}

// best returns the size best documents for a query, documents that score
// the same in the guide's order: their IDs sort in it (sectionIDFormat),
// while bleve breaks ties by its own numbering, which follows how batches
// fell.
// The matches are first ranked by score alone, twice as many as asked
// for, and sorted here; only when all of those tie with the last one asked
// for, and so documents of the same score may have been left out, are all
// the matches read and sorted. Documents of a large guide tie often (a
// common word in the same field of the same length): at 100,000
// synthetic sections, built in memory, fetching half as many again sent
// one of the eight benchmark questions to the second search, and an
// answer allocated 860 KB rather than 690 and took 0.2-0.4 ms longer on
// average (BenchmarkAnswer/sections=100000). Of the embedded guide's 24
// best for the tuning questions, the one after the last ties with it in
// 0.4 %.
func (ix *Index) best(ctx context.Context, q query.Query, size int) (search.DocumentMatchCollection, error) {
	return best(ctx, ix.bleve, q, size)
}

// best returns the size best documents of an index for a query, as
// Index.best does.
func best(ctx context.Context, b bleve.Index, q query.Query, size int) (search.DocumentMatchCollection, error) {
	for fetch := 2*size + 1; ; fetch *= tieGrowth {
		docs, total, err := sortedMatches(ctx, b, q, fetch)
		if err != nil {
			return nil, err
		}
		if len(docs) <= size {
			return docs, nil
		}
		if len(docs) < fetch || uint64(fetch) >= total || docs[len(docs)-1].Score < docs[size-1].Score {
			return docs[:size], nil
		}
	}
}

// tieGrowth is how many times more matches best reads each time those it
// read all tie with the last one asked for. Reading every match instead
// cost an answer at 100,000 sections a hit, and its allocations, for each
// of up to 1,565 matching sections.
const tieGrowth = 4

// sortedMatches returns up to size documents for a query, bleve's best, with their
// scores steadied and sorted by score, then ID.
func sortedMatches(ctx context.Context, b bleve.Index, q query.Query, size int) (search.DocumentMatchCollection, uint64, error) {
	res, err := b.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, size, 0, false))
	if err != nil {
		return nil, 0, fmt.Errorf("search index: %w", err)
	}
	for _, d := range res.Hits {
		d.Score = steady(d.Score)
	}
	slices.SortStableFunc(res.Hits, func(a, b *search.DocumentMatch) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID))
	})
	return res.Hits, res.Total, nil
}

// steady rounds a score to float32's precision. bleve adds up a
// document's matching clauses in an order that may follow its own
// numbering of documents, which differs between builds, and so the same
// document's score may differ in its last bit: rounded, equal scores tie,
// and ties rank in the guide's order on every build.
func steady(score float64) float64 { return float64(float32(score)) }

// minCoverage is the share of a question's words, weighed by rarity, that
// the best section must hold to be an answer. Words the guide lacks weigh
// the most, so "how much equity does a VP get" is not answered by a section
// that says "VP". Calibrated on the tuning sets: at 0.25 the tuning set
// refuses 8 more of its answerable questions and no more off-topic ones.
const minCoverage = 0.2

// wordsCoverage is the share of its words a section must hold to answer
// a question that asks for the words of one conversation
// (question.AsksForWords): the guide has none, so only a section that
// holds what is to be told answers ("how do I tell my boss I want to
// speak at conferences?"), and the examples' votes do not stand in for
// it. Calibrated on the tuning sets: at 0.5, 51 more of their off-topic
// questions are refused and 2 more answerable ones; at 0.4, 32 and 1; at
// 0.6, 62 and 4.
const wordsCoverage = 0.5

// answers reports whether a hit holds enough of the question's words to
// answer it, one of them at least in its own text; or whether the
// examples are fairly sure it does (sureShare) and it holds one of them
// at least in its text or the words its examples share (the asked field:
// "kitty", which three of a section's examples use, but not a word only
// one of them does). A question that asks for the words of a
// conversation must find what it would tell (wordsCoverage), and the
// examples' votes do not stand in for it.
func (ix *Index) answers(h Hit, q inquiry) bool {
	total := weightOf(q.words)
	r := ix.read(h.Section)
	covered := coverage(r.stems, q.words, r.askedStems)
	own := coverage(r.stems, q.words, nil) > 0
	if q.forWords {
		return total > 0 && own && covered >= wordsCoverage*total
	}
	// The pay of a level a table names by another name ("APMs" of
	// "Associate PM") is its row's.
	return total > 0 && (h.Votes >= sureShare && covered > 0 || own && covered >= minCoverage*total) ||
		q.pay && ix.levelRows(h.Section, q.readWords) != nil
}

// focusWords is how many topic words a question may hold before the
// words the guide lacks count for less: in a long message most of them
// tell its story ("startup", "kanban", "next month"), not its topic.
const focusWords = 4

// weightOf is the words' total weight, the most an answer can cover.
func weightOf(words []word) float64 {
	absentShare := min(1, focusWords/float64(len(words)))
	total := 0.0
	for _, w := range words {
		if w.present() {
			total += w.weight
		} else {
			total += w.weight * absentShare
		}
	}
	return total
}

// collect folds row documents into their sections: a section scores as its
// best document, and remembers the rows that beat its own text. Docs are
// few (a few times the hits asked for), so sections are found by looking
// through those already seen.
func (ix *Index) collect(docs search.DocumentMatchCollection) []Hit {
	type agg struct {
		section *content.Section
		// own is the section's own score, row its best row's; 0 when
		// not among the docs.
		own, row float64
	}
	var buf [32]agg
	aggs := buf[:0]
	for _, d := range docs {
		ref, ok := ix.ref(d.ID)
		if !ok {
			continue
		}
		i := slices.IndexFunc(aggs, func(a agg) bool { return a.section == ref.section })
		if i < 0 {
			i = len(aggs)
			aggs = append(aggs, agg{section: ref.section})
		}
		switch {
		case !ref.isRow:
			aggs[i].own = d.Score
		case aggs[i].row == 0:
			aggs[i].row = d.Score
		}
	}
	hits := make([]Hit, 0, len(aggs))
	for _, a := range aggs {
		h := Hit{Section: a.section, Score: max(a.own, a.row*rowWeight), row: a.row}
		// A row the question fits better than the whole section is what
		// the asker wants to see first.
		if a.row > 0 && a.row >= a.own*rowShare {
			h.Rows = ix.strongRows(docs, a.section, a.row)
		}
		hits = append(hits, h)
	}
	byScore(hits)
	return hits
}

// minShare is how close to the best hit's score a hit must come to answer
// in its place when the best does not hold enough of the question's words.
const minShare = 0.35

// answering returns up to limit hits that hold enough of the question's
// words (answers), none when the first of them scores far below the best
// hit: the question is then about something the guide only touches. A
// question that asks for the words of a conversation is answered only by
// hits that hold what it would tell (answers). Hits
// are weighed in order, and only until limit answer: weighing a section the
// first time means analyzing its text.
func (ix *Index) answering(hits []Hit, q inquiry, limit int) []Hit {
	var out []Hit
	for _, h := range hits {
		if len(out) == limit || len(out) == 0 && h.Score < minShare*hits[0].Score {
			break
		}
		if ix.answers(h, q) {
			out = append(out, h)
		}
	}
	return out
}

// rowWeight discounts row documents against sections: a row is a few words,
// so BM25 rates any match in it highly, but it should win over its section
// only when the question is really about that row.
const rowWeight = 0.5

// rowShare is how close a row's score must come to its section's for the
// hit to name the row: the question is then about that row.
const rowShare = 0.75

// tellingRows returns those of a hit's matched rows that hold a question
// word that tells them apart (tells): a word nearly every row holds
// ("week" in a table of hours a week) matches the shortest row best,
// which says nothing of the question. A hit left with no rows is about
// its whole table. Only the first hit's rows are shown, so only its are
// read.
func (ix *Index) tellingRows(s *content.Section, refs []RowRef, words []word) []RowRef {
	if len(refs) == 0 {
		return refs
	}
	r := ix.read(s)
	rows := r.rowStems()
	return slices.DeleteFunc(refs, func(ref RowRef) bool {
		return !slices.ContainsFunc(words, func(w word) bool { return tells(rows, ref, w, r.titleStems) })
	})
}

// tells reports whether a question word tells a row apart from the others
// of its table: the row's name holds it ("management skills": the row
// Management), or the row holds it and at most two thirds of the rows of
// its table do. A row that holds only a synonym or near spelling of the word is
// counted by those, unless the section's title (title) holds the word:
// "what are the salary bands?" asks for Salary Bands, not for the one row
// whose "exec comp" is a synonym of salary.
func tells(rows map[RowRef]rowStems, r RowRef, w word, title map[string]bool) bool {
	if !w.present() {
		return false
	}
	if rows[r].name[w.stem] {
		return true
	}
	if !w.heldIn(rows[r].cells) {
		return false
	}
	has := func(stems map[string]bool) bool { return stems[w.stem] }
	if !has(rows[r].cells) {
		if w.heldIn(title) {
			return false
		}
		has = w.matchesAny
	}
	holding, all := 0, 0
	for o, stems := range rows {
		if o.Table == r.Table {
			all++
			if has(stems.cells) {
				holding++
			}
		}
	}
	return 3*holding <= 2*all
}

// askedRows orders a hit's rows by what a message asks for one after the
// other, each first with the row it names, adding that row when the hit
// lacks it. A message asks one after the other in its questions, "who does
// a VP report to? and what's their planning horizon?" (which matches
// Planning horizon best, and asks for Reports to first), and in the items
// of a list: "compare budget and hiring" asks for Budget authority and
// Hiring, though the rarer "hiring" outscores "budget" by far.
//
// Of the rows an item names, the one whose name it holds most of is its
// row ("report to": Reports to, not Direct reports), one the hit has
// first; rows are added only where two or more items name rows. A word
// names no row when the item is about another, the hit's or an earlier
// item's, whose cells hold it and another of the item's words, or it
// alone ("who does a VP report to? CTO? CEO? the board?"):
// "operational skills, and is vendor management part of that?" asks for
// Operational alone, and "technical, leadership and management skills"
// for all three, though Leadership's cells say "change management".
func (ix *Index) askedRows(s *content.Section, rows []RowRef, read string) []RowRef {
	var items []string
	for _, st := range question.Split(read) {
		if !st.Context {
			items = append(items, question.Items(st.Text)...)
		}
	}
	if len(items) < 2 {
		return rows
	}
	stems := ix.read(s).rowStems()
	var out []RowRef
	added := 0
	for _, item := range items {
		words := ix.words(item)
		named := func(r RowRef) float64 {
			name := stems[r].name
			n := 0
			for _, w := range words {
				if !w.present() || !name[w.stem] {
					continue
				}
				// The item is about row o, not r, when o holds w and
				// another of the item's words, or w is all the item says
				// ("CTO? CEO? the board?" of Reports to).
				others := slices.DeleteFunc(slices.Clone(words), func(v word) bool { return v.stem == w.stem || !v.present() || name[v.stem] })
				about := func(o RowRef) bool {
					return o != r && stems[o].cells[w.stem] && (len(others) == 0 || slices.ContainsFunc(others, func(v word) bool { return stems[o].cells[v.stem] }))
				}
				if !slices.ContainsFunc(rows, about) && !slices.ContainsFunc(out, about) {
					n++
				}
			}
			return float64(n) / float64(max(len(name), 1))
		}
		best, ok := mostNamed(rows, named)
		if !ok {
			if best, ok = mostNamed(rowsOf(s), named); ok {
				added++
			}
		}
		if ok && !slices.Contains(out, best) {
			out = append(out, best)
		}
	}
	if len(out) < 2 && added > 0 {
		out = nil
	}
	for _, r := range rows {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// mostNamed returns the first of the rows that a question names most of
// (named, the share of a row's name it holds); ok is false when it names
// none.
func mostNamed(rows []RowRef, named func(RowRef) float64) (best RowRef, ok bool) {
	most := 0.0
	for _, r := range rows {
		if n := named(r); n > most {
			best, most = r, n
		}
	}
	return best, most > 0
}

// rowsOf returns every body row of a section's tables, in order.
func rowsOf(s *content.Section) []RowRef {
	var out []RowRef
	for t, table := range s.Tables() {
		for i := range table.Rows {
			out = append(out, RowRef{Table: t, Row: i})
		}
	}
	return out
}

// premise reports whether the row that states a figure of the question
// (statedRow) answers before the rows its words found: none of those is
// named by the question, a sentence that asks states the figure, and the
// row holds a word of the question besides it.
func (ix *Index) premise(q inquiry, h Hit, stated RowRef, words []word) bool {
	if slices.ContainsFunc(h.Rows, func(r RowRef) bool { return ix.rowNamed(h.Section, r, words) }) {
		return false
	}
	if r, ok := statedRow(h.Section, question.AskingText(q.read)); !ok || r != stated {
		return false
	}
	return ix.holdsAny(h.Section, lettered(words))(stated)
}

// lettered returns the words that are no figure: "execution", not "70".
func lettered(words []word) []word {
	return slices.DeleteFunc(slices.Clone(words), func(w word) bool {
		return !strings.ContainsFunc(w.stem, unicode.IsLetter)
	})
}

// holdsAny returns whether a row of the section holds any of the words,
// or a synonym or near spelling of one.
func (ix *Index) holdsAny(s *content.Section, words []word) func(RowRef) bool {
	rows := ix.read(s).rowStems()
	return func(r RowRef) bool {
		return slices.ContainsFunc(words, func(w word) bool { return w.present() && w.heldIn(rows[r].cells) })
	}
}

// strongRows returns a section's rows among docs, best first, that score
// close to its best one.
func (ix *Index) strongRows(docs search.DocumentMatchCollection, section *content.Section, best float64) []RowRef {
	var out []RowRef
	for _, d := range docs {
		if ref, ok := ix.ref(d.ID); ok && ref.isRow && ref.section == section && d.Score >= best*rowShare {
			out = append(out, ref.row)
		}
	}
	return out
}

// byScore sorts hits best first, keeping the order of equal scores.
func byScore(hits []Hit) {
	slices.SortStableFunc(hits, func(a, b Hit) int { return cmp.Compare(b.Score, a.Score) })
}
