package index

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/directorbot/directorbot/index/question"
	"github.com/directorbot/directorbot/index/spelling"
)

// maxTerms bounds the distinct topic words searched for one question; a
// question longer than that is about more than one thing anyway.
const maxTerms = 24

// word is a topic word of a question, its stem, and the groups that match
// it in each field.
type word struct {
	text, stem string
	groups     []group
	// postings counts the documents the word's term leaves match, once per
	// field, which tells its role; phraseFields are the fields where it
	// may stand in a phrase (phraseGroups).
	postings     int
	phraseFields uint8
	// weight is the word's rarity, what it tells sections apart by, less
	// for a word of the message's context.
	weight float64
	// context tells a word found only in sentences that ask nothing, in
	// a message that asks elsewhere.
	context bool
	// told tells a word found only in the setting a sentence opens with
	// (question.Reader.SettingEnd): it sets the question, and names no
	// topic the question asks about.
	told bool
	// near are the known terms a word the guide does not know may mean.
	near []spelling.Term
}

// analyze finds a term's stem and the groups that match it in each field.
func (ix *Index) analyze(term string) word {
	w := word{text: term, stem: ix.stem(term)}
	if w.stem != "" && !meaningless(term) {
		w.groups, w.weight, w.near = ix.wordGroups(w)
		w.postings = ix.postings(w.groups)
		w.phraseFields = ix.phraseFields(w.stem)
	}
	return w
}

// rewrite reads a question, as question.Asked returns it, as the guide's
// vocabulary says (Rewrite).
func (ix *Index) rewrite(text string) string {
	return ix.vocabulary.Rewrite(text)
}

// words returns the distinct topic words of a rewritten question, in order:
// stop words and question phrasing removed. In a message that asks in
// some sentences and tells a story in others, words found only in the
// story are its context: they count for less (contextWeight).
func (ix *Index) words(text string) []word {
	// A colon joins words for the tokenizer ("title:skills" would stay one
	// word), so it splits them here, once "1:1" has been folded; one
	// before a space stays, to end a setting (question.Reader.SettingEnd).
	q := text
	if strings.Contains(q, ":") {
		q = wordColon.ReplaceAllString(q, " $1")
	}
	// The sentences that ask are read first, so that a word of both the
	// question and its story is the question's, and a long story leaves
	// room for the question's words (maxTerms).
	sentences := question.Split(q)
	slices.SortStableFunc(sentences, func(a, b question.Sentence) int {
		switch {
		case a.Context == b.Context:
			return 0
		case b.Context:
			return -1
		}
		return 1
	})
	var words []word
read:
	for _, s := range sentences {
		setting := 0
		if !s.Context {
			setting = ix.reader.SettingEnd(s.Text)
		}
		orgs := ix.reader.Cast.PostOrgs(s.Text)
		for _, tok := range ix.question.Analyze([]byte(s.Text)) {
			if slices.ContainsFunc(orgs, func(o [2]int) bool { return o[0] <= tok.Start && tok.Start < o[1] }) {
				continue // the asker's org: whose the question is
			}
			w := ix.analyze(ix.roleSpelling(string(tok.Term)))
			if w.groups == nil || ix.filler(w) || ix.misspeltPhrasing(w) {
				continue
			}
			told := tok.Start < setting
			if i := slices.IndexFunc(words, func(o word) bool { return o.stem == w.stem }); i >= 0 {
				// Told unless a sentence that asks asks it.
				words[i].told = words[i].told && (told || s.Context)
				continue
			}
			if len(words) == maxTerms {
				break read
			}
			w.context, w.told = s.Context, told
			words = append(words, w)
		}
	}
	// A question that only points back at its story ("Is that too much?",
	// "Is this unusual at my level?") asks about the story.
	if !slices.ContainsFunc(words, func(w word) bool { return !w.context && !verdicts[w.text] }) {
		for i := range words {
			words[i].context = false
		}
	}
	for i, w := range words {
		words[i].weight *= w.share()
	}
	return words
}

// verdicts are the words of a question that only asks for a judgement of
// its story: "is that fair?", "is this unusual at my level?", "am I
// missing something?", "is that expected?". Fillers ("normal",
// "typical") are dropped before.
var verdicts = question.SetOf("level fair wrong reasonable crazy weird overstepping missing healthy expected common")

// share is how much the word counts in its message: less in its context.
func (w word) share() float64 {
	if w.context {
		return contextWeight
	}
	return 1
}

// wordColon is a colon not followed by a space.
var wordColon = regexp.MustCompile(`:(\S|$)`)

// contextWeight is how much a word of a message's story counts against
// the words of its question: "my boss keeps hinting at a director opening
// in our platform group" tells why, "what is the job about?" what.
const contextWeight = 0.35

// outsideWord reports whether a word of the question names a topic
// outside the guide's (beyond) where it is asked about, not in an aside
// ("what does a director check before standup?").
func (ix *Index) outsideWord(q inquiry) bool { return len(ix.outsideWords(q)) > 0 }

// outsideWords returns the words that make outsideWord true, nil for none.
func (ix *Index) outsideWords(q inquiry) question.Set {
	i := slices.IndexFunc(q.words, ix.beyond)
	if i < 0 {
		return nil
	}
	// Most questions hold no outside word: only those that do are read
	// for asides.
	// A leader's area is no topic asked ("director of restaurant
	// ordering").
	asked, areas := question.NewSet(question.WithoutAsides(q.readWords)), ix.reader.PostAreas(q.readWords)
	var out question.Set
	for _, w := range q.words[i:] {
		if asked[w.text] && !areas[w.text] && ix.beyond(w) {
			if out == nil {
				out = question.Set{}
			}
			out[w.text] = true
		}
	}
	return out
}

// beyond reports whether a word names a topic outside the guide's: one of
// the thesaurus's outside words that the guide never uses, itself or
// through a synonym, in a sentence that asks ("every time I go on
// vacation, my org stalls" only tells why). A known word one edit away
// does not make the guide use it: "relocation" is no typo of what the
// guide says.
func (ix *Index) beyond(w word) bool {
	if !ix.outside[w.text] || w.context || w.told {
		return false
	}
	return !ix.outsideSaid[w.text] && !slices.ContainsFunc(ix.synonymsOf[w.stem], ix.says)
}

// saidForms returns the words of outside whose stem the guide says in a
// form of the word itself (oneWord). It reads the text of the first
// sectionsLooked sections that hold each such stem: a stem held by more,
// none of those in a form of the word, is taken as said, as before.
func (ix *Index) saidForms(ctx context.Context, outside map[string]bool) (map[string]bool, error) {
	byStem := map[string][]string{}
	for w := range outside {
		if t := ix.stem(w); t != "" && ix.says(t) {
			byStem[t] = append(byStem[t], w)
		}
	}
	said := map[string]bool{}
	for t, words := range byStem {
		var fields []query.Query
		for _, f := range []string{fieldTitle, fieldHead, fieldBody} {
			q := query.NewTermQuery(t)
			q.SetField(f)
			fields = append(fields, q)
		}
		res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(fields), sectionsLooked, 0, false))
		if err != nil {
			return nil, fmt.Errorf("find the forms of %q: %w", t, err)
		}
		for _, w := range words {
			said[w] = res.Total == 0 || res.Total > uint64(len(res.Hits))
		}
		for _, h := range res.Hits {
			r, ok := ix.ref(h.ID)
			if !ok {
				continue
			}
			// Read as indexed: "401(k)" is one word.
			for _, f := range question.Words(ix.vocabulary.Expand(r.section.Title + "\n" + r.section.Text())) {
				for _, w := range words {
					said[w] = said[w] || oneWord(f, w) && ix.stem(f) == t
				}
			}
		}
	}
	return said, nil
}

// sectionsLooked bounds the sections read for the forms of a stem.
const sectionsLooked = 32

// oneWord reports whether two words of one stem are forms of one word, or
// of one word and the noun of its action: inflected ("negotiating",
// "negotiates"; "fire", "fired"; "family", "families"; "meeting",
// "meetings"; "plan", "planning") or made a noun ("negotiate",
// "negotiation"; "retire", "retirement"). Words the stemmer joins that
// are not one word are not: "severance" and "several", "office" and
// "officer", "expense" and "expensive".
func oneWord(a, b string) bool {
	as, bs := roots(a), roots(b)
	for _, x := range as {
		for _, y := range bs {
			if x == y || nounOf(x, y) || nounOf(y, x) {
				return true
			}
		}
	}
	return false
}

// nounOf reports whether noun is the noun of the action of the verb whose
// root is verb: "negotiat" and "negotiation".
func nounOf(verb, noun string) bool {
	rest, ok := strings.CutPrefix(noun, verb)
	return ok && slices.Contains([]string{"ion", "ions", "ation", "ations", "ment", "ments", "ement", "ements"}, rest)
}

// roots are a word's possible roots: the word, and the word without one
// or two inflections' endings ("meetings", "meeting", "meet"), each also
// without a final "e" or a doubled last letter ("planning", "plann",
// "plan").
func roots(w string) []string {
	out := []string{w}
	for i := 0; i < len(out) && i < maxRoots; i++ {
		for _, end := range inflections {
			if root, ok := strings.CutSuffix(out[i], end[0]); ok && len(root) >= 3 {
				out = appendNew(out, root+end[1])
			}
		}
	}
	for _, r := range slices.Clone(out) {
		out = appendNew(out, strings.TrimSuffix(r, "e"))
		if n := len(r); n > 3 && r[n-1] == r[n-2] {
			out = appendNew(out, r[:n-1])
		}
	}
	return out
}

// inflections are the endings roots takes off, each with what stands in
// its place ("families", "family"; "applied", "apply").
var inflections = [][2]string{{"ies", "y"}, {"ied", "y"}, {"ing", ""}, {"ed", ""}, {"es", ""}, {"s", ""}, {"ly", ""}}

// maxRoots bounds the roots a word is read into.
const maxRoots = 12

// appendNew appends w to ws unless ws holds it.
func appendNew(ws []string, w string) []string {
	if slices.Contains(ws, w) {
		return ws
	}
	return append(ws, w)
}

// outsideTopics splits the outside entries into single words and phrases,
// each phrase also with its last word's plural or singular ("interview
// question", "interview questions").
func outsideTopics(entries []string) (words map[string]bool, phrases [][]string) {
	words = map[string]bool{}
	for _, e := range entries {
		ws := question.Words(e)
		if len(ws) == 1 {
			words[e] = true
			continue
		}
		other := slices.Clone(ws)
		last := &other[len(other)-1]
		if s, ok := strings.CutSuffix(*last, "s"); ok {
			*last = s
		} else {
			*last += "s"
		}
		phrases = append(phrases, ws, other)
	}
	return words, phrases
}

// unsaid returns the phrases the guide's text and titles never hold.
func (ix *Index) unsaid(ctx context.Context, phrases [][]string) (question.Phrasings, error) {
	var out question.Phrasings
	for _, p := range phrases {
		q := query.NewDisjunctionQuery([]query.Query{phraseIn(p, fieldTitle), phraseIn(p, fieldBody)})
		res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 1, 0, false))
		if err != nil {
			return nil, fmt.Errorf("search index for %q: %w", strings.Join(p, " "), err)
		}
		if res.Total == 0 {
			out = append(out, p)
		}
	}
	return out, nil
}

// phraseIn returns a query for the words side by side in a field, read
// as the guide's text is (stemmed).
func phraseIn(words []string, field string) query.Query {
	q := query.NewMatchPhraseQuery(strings.Join(words, " "))
	q.SetField(field)
	q.Analyzer = guideAnalyzer
	return q
}

// outsidePhrase reports whether a sentence that asks holds one of the
// outside phrases the guide never says ("interview questions",
// "performance improvement plan").
func (ix *Index) outsidePhrase(q inquiry) bool {
	if !ix.outsidePhrases.In(q.readWords) {
		return false
	}
	return slices.ContainsFunc(ix.askedWords(q), ix.outsidePhrases.In)
}

// outsideTopic returns, for a question refused as OutsideTopic, the word
// of the outside list it asks about (the first in its order), else the
// phrase; "" when another rule refused it (pay, a staffing ratio).
func (ix *Index) outsideTopic(q inquiry, why Reason) string {
	if why != OutsideTopic {
		return ""
	}
	if words := ix.outsideWords(q); len(words) > 0 {
		for _, w := range q.words {
			if words[w.text] {
				return w.text
			}
		}
	}
	for _, words := range ix.askedWords(q) {
		for i := range words {
			if n := ix.outsidePhrases.StartAt(words, i); n > 0 {
				return strings.Join(words[i:i+n], " ")
			}
		}
	}
	return ""
}

// placesTeam reports whether a sentence that asks asks where another kind
// of team goes (question.Reader.PlacesTeam). Most questions hold no verb
// that places: only those that do are split into the sentences that ask.
func (ix *Index) placesTeam(q inquiry) bool {
	return question.MayPlace(q.readWords) && slices.ContainsFunc(ix.askedWords(q), ix.reader.PlacesTeam)
}

// askedWords returns the words of each sentence of the question that
// asks (question.Words), without its asides. Sentences ask as the words
// tell: when a question only points back at its story, no word is context
// and the story asks too. The setting a sentence opens with never asks
// (question.Reader.SettingEnd).
func (ix *Index) askedWords(q inquiry) [][]string {
	story := !slices.ContainsFunc(q.words, func(w word) bool { return w.context })
	var out [][]string
	for _, s := range question.Split(q.read) {
		if story || !s.Context {
			asked := s.Text[ix.reader.SettingEnd(s.Text):]
			out = append(out, question.WithoutAsides(question.Words(asked)))
		}
	}
	return out
}

// leavesInterviews reports whether the guide leaves interviewing for a
// role to others (question.Cast.AsksInterview): it never says "interview
// questions", one of the outside phrases.
func (ix *Index) leavesInterviews() bool {
	return slices.ContainsFunc(ix.outsidePhrases, func(p []string) bool { return slices.Equal(p, interviewQuestions) })
}

var interviewQuestions = []string{"interview", "questions"}

// filler reports whether a word is a filler, or one stemmed like it; an
// outside word never is ("severance" stems as "several" does).
func (ix *Index) filler(w word) bool {
	return ix.fillers[w.stem] && !ix.outside[w.text]
}

// misspeltPhrasing reports whether a word the guide does not know is a
// misspelt stop word or filler ("usualy", "wat"), to drop as they are;
// never one of the outside words, which decide that a question is not
// answered ("paid" is one edit from "said").
func (ix *Index) misspeltPhrasing(w word) bool {
	_, known := ix.known[w.stem]
	return !known && !ix.outside[w.text] && ix.speller.PhrasingTypo(w.text)
}

// present reports whether any term of the word occurs in the guide: a
// group keeps a leaf only for a term its field holds.
func (w word) present() bool { return w.postings > 0 }

// meaningless reports whether a word says nothing about the topic: a bare
// number ("top 5", "~2") or a single letter ("X%"), though not an
// ideograph, a word of its own.
func meaningless(w string) bool {
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
		// The tokenizer gives each ideograph alone: "管理职责" is four.
		return false
	}
	return strings.Trim(w, "0123456789") == "" || utf8.RuneCountInString(w) < 2
}

func (ix *Index) stem(word string) string {
	toks := ix.stemmer.Analyze([]byte(word))
	if len(toks) == 0 {
		return ""
	}
	return string(toks[0].Term)
}

// usesWord reports whether the guide uses a word (lower-cased), by its
// stem.
func (ix *Index) usesWord(word string) bool { return ix.known[ix.stem(word)] > 0 }

// saysPay reports whether the guide states pay under a heading or in a
// row of its own (titledPay): a company's ladder with its "Compensation Bands"
// answers "how much does a director make?", which a guide that never
// says what anyone earns refuses (question.Cast.AsksPay).
func (ix *Index) saysPay() bool { return len(ix.payWords) > 0 }

// titledPay returns the words of question.PayWords the guide's headings
// or table rows' names say ("Compensation Bands", "Base salary"). A guide
// that speaks of pay only in passing ("performance calibration,
// compensation reviews") states no one's pay, and an answer to what a
// role earns would quote that passing line.
func (ix *Index) titledPay(ctx context.Context) ([]string, error) {
	var out []string
	for _, w := range question.PayWords {
		q := query.NewDisjunctionQuery([]query.Query{phraseIn([]string{w}, fieldTitle), phraseIn([]string{w}, fieldHead)})
		res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 1, 0, false))
		if err != nil {
			return nil, fmt.Errorf("find headings naming %q: %w", w, err)
		}
		if res.Total > 0 {
			out = append(out, w)
		}
	}
	return out, nil
}
