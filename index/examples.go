package index

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/classify"
	"github.com/directorbot/directorbot/index/question"
	"github.com/directorbot/directorbot/index/spelling"
)

// A guide's example questions also vote: a naive Bayes classifier taught
// by all of them tells how likely each section, or row, is to answer a new
// question, or none, from the words and the pairs of words side by side
// ("signs off", "off on") the question shares with the examples of each.
// The asked field (asked.go) knows the words a section's examples share;
// the classifier weighs every word of every example, and which go
// together. Examples that name no section teach "none": when it is the
// likeliest by far, the question is not answered either.
//
// It replaced a vote of the twelve examples nearest the question by
// BM25, a bleve index of its own. Leaving each tuning set out of the
// examples in turn: top-1 0.894 -> 0.933, top-3 0.960 -> 0.977, 38 -> 21
// of 4,955 answerable questions refused, 953 -> 979 of 1,053 off-topic
// ones refused. A question costs it a few microseconds, not a search.
// The constants below were chosen that way, each tried a step either side,
// before the words of a message's story counted (features); their
// comments give the figures of then.
//
// The examples teach a logistic regression too (classify), of whether
// the guide answers a question at all, which counts for questions that
// hold a word the guide never says. A question asked holds one when no
// field of the index matches one of its topic words, through the
// thesaurus or the speller too (word.present); an example, when the
// guide's own text does not say one of its stems as written (holdsUnsaid).
// Reading each example as a question is read would cost the start-up a
// search's worth of work for each; the regression learns the unsaid
// weight of the looser reading, and unansweredShare was chosen with it.
// Leaving each 200 examples out in turn, with unansweredShare lowered
// from 0.6 to 0.45 with it: 1,441 -> 1,497 of 1,753 off-topic questions
// refused, 31 -> 30 of 5,455 answerable ones, top-1 0.9313 -> 0.9316,
// top-3 0.9747 -> 0.9751. Its own chance alone, or the mean for every
// question, refused about as many more but also questions the tests hold
// answered, a part of which the guide answers: "How is a director
// different from a VP, and where does the CTO fit?".

// exampleWeight is how much a section's chance of answering, by the
// examples, adds to its score, as a share of the best hit's.
const exampleWeight = 2.5

// unansweredShare is the chance of "none" by the examples at which a
// question that holds a word the guide never says (no field of the index
// matches it) goes unanswered (search): "what's the PTO policy for
// directors?". For such a question the chance is the mean of naive
// Bayes's and the regression's (classify).
//
// It was chosen leaving each 200 examples out in turn, to refuse as many
// off-topic questions as it can without refusing more answerable ones
// than naive Bayes alone did, or losing top-3 (the targets ask for every
// off-topic question refused, and top-3 0.97). Of 1,753 off-topic and
// 5,455 answerable questions: at 0.45, 1,497 and 30 refused, top-3
// 0.9751; at 0.4, 1,511 and 34, top-3 0.9743; at 0.35, 1,530 and 37; at
// 0.5, 1,470 and 28, top-3 0.9754. Naive Bayes's chance alone, at 0.6,
// refused 1,441 and 31, top-3 0.9747.
// The thirty-eighth and thirty-ninth sets (tools, practice and people
// situations the guide does not answer, beside answerable questions that
// name them in passing) moved it to 0.5. On the tuning sets, which teach
// nothing (fields, industries, passing and places: 513 off-topic, 935
// answerable questions), before they taught, at 0.45, 390 and 77
// refused; with them, at 0.5, 421 and 77 (at 0.45, 431 and 87, and at
// 0.55, 414 and 73, while "besides" and the like were read as asides,
// which saved one answerable question). Leaving each 200 of the 7,758
// examples before them out in turn (1,903 off-topic, 5,855 answerable):
// before, at 0.45, 1,659 and 45 refused, top-3 0.9728; with them, at
// 0.45, 1,669 and 48, 0.9722; at 0.5, 1,652 and 42, 0.9728; at 0.55,
// 1,636 and 35, 0.9739.
const unansweredShare = 0.5

// saidShare is unansweredShare for a question the guide says every word
// of: it is the guide's unless the examples are nearly sure it is not
// ("how is reporting to a CTO different from reporting to a VP?", though
// many examples about the CTO are not the guide's; "staff engineer or
// EM, which path is better?" is not). Lower, it would refuse more
// off-topic questions (at 0.7, with unansweredShare 0.6, 1,211 of 1,343,
// top-3 0.9764), but also "How is a director different from a VP, and
// where does the CTO fit?". Chosen again with thirteen tuning sets (1,453
// off-topic, 1,556 answerable questions) and the examples' ten folds
// (3,713 and 7,951): at 0.9, 1,087 and 58 refused, folds 3,268 and 64,
// top-3 0.971; at 0.85, 1,102 and 59, folds 3,287 and 65, top-3 0.971;
// at 0.8, 1,114 and 60, folds 3,300 and 68, top-3 0.970; at 0.75, 1,125
// and 60, folds 3,312 and 71, top-3 0.969 (unansweredShare 0.45 instead:
// 1,103 and 62, folds 3,289 and 74). At 0.85 it refuses one reviewer's
// probe held answerable before, "is there an open director role I could
// aim for after 4 years?" (89 % by the examples): it reads as the asker's
// own company's opening as much as the guide's timeline.
const saidShare = 0.85

// unsureShare is the chance of "none" by the examples at which a question
// that is answered is answered as the closest the guide has
// (Result.Unsure): the examples doubt, short of refusing. It was chosen
// with naive Bayes's chance alone, leaving each tuning set out in turn:
// at 0.4 it marked 23 of the 75 off-topic questions still answered, 21 of
// 4,622 right answers and 5 of 312 wrong ones; at 0.3, 29, 36 and 5; at
// 0.5, 18, 12 and 3. With the regression's chance blended in for
// questions that hold a word the guide never says, which narrows their
// band below unansweredShare, leaving each 200 examples out: at 0.4, 51
// of the 256 off-topic questions answered and 24 right answers; at 0.35,
// 72 and 34; at 0.3, 90 and 54.
const unsureShare = 0.4

// refuses reports whether the examples are sure enough that the guide
// does not answer the question to leave it unanswered.
func (v verdict) refuses() bool {
	if v.declined {
		return true
	}
	if v.unsaid {
		return v.unanswered >= unansweredShare
	}
	return v.unanswered >= saidShare
}

// passingShare is how far short of sure that the guide answers a
// question the examples may be (1 − verdict.answered: their chance of
// "none", as far as they are trusted, and only when they teach "none")
// for a question that names a topic the guide leaves to others
// (outside.txt) not to be refused for it: the examples are sure the guide answers it, and the
// topic is named in passing ("should I be reviewing the hiring pipeline
// in greenhouse weekly as a director?"). Leaving each tenth of the
// examples out in turn: answerable refused 95 -> 63 of 7,951, top-1 0.923
// -> 0.927, off-topic refused 3,265 of 3,713 both times; at 0.05, 59 and
// 3,261; at 0.1, 56 and 3,255. On the tuning sets that teach nothing,
// answerable refused 6 -> 5 of 680, off-topic refused 744 of 880 both
// times. A topic the question asks for is never in passing
// (seeksOutside): with that, 64 answerable refused of the examples, 3,266
// off-topic.
const passingShare = 0.01

// inPassing reports whether the examples are sure the guide answers a
// question that names a topic it leaves to others (passingShare) and
// asks for none of them (seeksOutside): "which books help a director
// think like an executive?" asks for books, in the guide's words. A guide
// without examples knows no such thing.
func (ix *Index) inPassing(q inquiry) bool {
	if ix.seeksOutside(q) {
		return false
	}
	v := ix.examplesVerdict(q.read, q.words)
	return v.labels != nil && 1-v.answered < passingShare
}

// seeksOutside reports whether an outside word or phrase that makes the
// question one the guide leaves to others (outsideWord, outsidePhrase) is
// what a sentence that asks asks for (question.Sought).
func (ix *Index) seeksOutside(q inquiry) bool {
	fired := ix.outsideWords(q)
	for _, words := range ix.askedWords(q) {
		for i, w := range words {
			if n := ix.outsidePhrases.StartAt(words, i); n > 0 && question.Sought(words, i, i+n) || fired[w] && question.Sought(words, i, i+1) {
				return true
			}
		}
	}
	return false
}

// sureShare is the chance by the examples at which a section answers a
// question even when it holds little of its words (answers): "how do I
// keep the ship steady when everything's going sideways?" is Handle
// Ambiguity and Crisis's, by its examples. Without it, top-3 0.971 ->
// 0.964 and 23 more answerable questions refused, 2 more off-topic ones;
// at 0.2, one fewer answerable and 3 fewer off-topic refused; at 0.5, 4
// more answerable refused.
const sureShare = 0.3

// rankDecay is how much less an example teaches a section for each section
// it names before it: an example naming Key Shifts Required and then the
// comparison with the VP teaches the comparison half as much. The
// comparison, whose table touches most topics, is named second by many
// examples it does not answer best.
const rankDecay = 0.5

// examples is the classifier a guide's examples teach (classify), and
// the documents its labels stand for: the label after the last, none, is
// the answer of the examples that name none. declined holds those
// questions word for word (QuestionKey), but for any an example also
// names a section for: the guide's owners said the guide does not answer
// them, and a question asked as one of them is not answered, however the
// classifier weighs its words. Of one such question among thousands of
// examples whose every word the guide says, it could never be sure enough
// (saidShare).
type examples struct {
	labels []docRef
	model  *classify.Model
	// samples are the example questions, each with the labels it names,
	// in the order the model numbers them (classify.Model.Nearest).
	samples []sample
	// coverage is the share of the guide's sections its examples name
	// (labelled): each section's chance by the examples is discounted by
	// it. The classifier shares its chances among the sections it was
	// taught, so five examples of two sections of thirteen would give
	// those two all of it ("what does a director own?": On-call
	// Expectations, 47 %, by two examples about directors on call).
	coverage float64
	// trust is how much the examples' votes and their chance of "none"
	// count, by how many there are (trusted); their chance of "none" on a
	// question near one of them counts fully (nearShare).
	trust float64
	// declined and taught are the keys (QuestionKey) of the questions the
	// examples say the guide does not answer, and does.
	declined, taught keySet
	// lessons are the questions taught in Slack (content.Guide.Taught),
	// by the hashes of their keys, sorted: asked word for word, a
	// question an admin taught is answered by the section they chose
	// first, or not at all, whatever the examples say.
	lessons []lesson
	// firsts are, in the same form, the examples' questions with the
	// section they name first: asked word for word, one is answered by
	// it first, as a lesson is, unless examples of that key name another
	// first. The owner's own example, asked as written, must not get
	// another section because its rarest word is elsewhere.
	firsts []lesson
}

// lesson is what an admin taught for a question, by the hash of its key:
// the section that answers it first, nil for none.
type lesson struct {
	key     uint64
	section *content.Section
}

// lessons returns the guide's questions taught in Slack by their keys,
// the latest taught of two of one key.
func lessons(g *content.Guide) []lesson {
	var out []lesson
	for _, q := range slices.Backward(g.Taught()) {
		l := lesson{key: keyHash(QuestionKey(q.Text))}
		if len(q.Expect) > 0 {
			l.section, _ = g.Section(q.Expect[0])
		}
		out = append(out, l)
	}
	slices.SortStableFunc(out, func(a, b lesson) int { return cmp.Compare(a.key, b.key) })
	return slices.Clip(slices.CompactFunc(out, func(a, b lesson) bool { return a.key == b.key }))
}

// firstNamed returns the examples' questions by the hashes of their keys,
// sorted, each with the section its examples name first; a key whose
// examples name different sections first is left out.
func firstNamed(g *content.Guide) []lesson {
	var out []lesson
	g.EachAsked(func(s *content.Section, table, _ int, questions []string, ranks []int) {
		if table >= 0 {
			return
		}
		for i, q := range questions {
			if ranks[i] == 0 {
				out = append(out, lesson{key: keyHash(QuestionKey(q)), section: s})
			}
		}
	})
	slices.SortStableFunc(out, func(a, b lesson) int { return cmp.Compare(a.key, b.key) })
	out = slices.CompactFunc(out, func(a, b lesson) bool { return a == b })
	var firsts []lesson
	for i, l := range out {
		if (i == 0 || out[i-1].key != l.key) && (i+1 == len(out) || out[i+1].key != l.key) {
			firsts = append(firsts, l)
		}
	}
	return firsts
}

// lessonFor returns what an admin taught for a question of that key
// (QuestionKey), asked word for word as they taught it (a nil section:
// not to answer it), if anything.
func (e *examples) lessonFor(key string) (lesson, bool) { return find(e.lessons, key) }

// firstFor returns the section the examples of a question of that key
// name first (firsts), if any.
func (e *examples) firstFor(key string) (lesson, bool) { return find(e.firsts, key) }

// find returns the lesson of a key among lessons sorted by their keys.
func find(ls []lesson, key string) (lesson, bool) {
	i, found := slices.BinarySearchFunc(ls, keyHash(key), func(l lesson, key uint64) int { return cmp.Compare(l.key, key) })
	if !found {
		return lesson{}, false
	}
	return ls[i], true
}

// QuestionKey is what two wordings of one question share: its words, as
// read without its frame (question.Asked), lower-cased ("Hi! What does a
// Director do?? thx" is "what does a director do").
func QuestionKey(q string) string { return askedKey(question.Asked(q)) }

// askedKey is QuestionKey of a question already read (question.Asked), as
// the search holds it: reading it again would cost an answer as much.
func askedKey(asked string) string { return strings.Join(question.Words(asked), " ") }

// ExampleKeys returns the keys (QuestionKey) of every question of the
// guide's examples, answered or not: asked again, a question with one of
// them is no fair measure of how the search reads unseen wording.
func ExampleKeys(g *content.Guide) map[string]bool {
	keys := map[string]bool{}
	for _, q := range slices.Concat(g.Examples(), g.Unanswered()) {
		keys[QuestionKey(q)] = true
	}
	return keys
}

// declinedKeys returns the keys of the questions the guide's examples say
// it does not answer and none says it does (taught, taughtKeys).
func declinedKeys(g *content.Guide, taught keySet) keySet {
	var keys []string
	for _, q := range g.Unanswered() {
		if key := QuestionKey(q); !taught.has(key) {
			keys = append(keys, key)
		}
	}
	return newKeySet(keys)
}

// taughtKeys returns the keys of the questions the guide's examples say
// it answers.
func taughtKeys(g *content.Guide) keySet {
	var keys []string
	for _, q := range g.Examples() {
		keys = append(keys, QuestionKey(q))
	}
	return newKeySet(keys)
}

// keySet holds question keys (QuestionKey) as sorted 64-bit hashes: the
// embedded guide's 7,758 examples as strings in a map would hold about a
// megabyte for two lookups an answer. Two keys of one hash are as likely
// as a duplicate among 2^32 questions.
type keySet []uint64

func newKeySet(keys []string) keySet {
	set := make(keySet, len(keys))
	for i, k := range keys {
		set[i] = keyHash(k)
	}
	slices.Sort(set)
	return slices.Compact(set)
}

func (s keySet) has(key string) bool {
	_, found := slices.BinarySearch(s, keyHash(key))
	return found
}

func keyHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// buildExamples teaches the classifiers the guide's examples, or returns
// nil when none names a section: "none" alone would be sure of every
// question that shares a word with the examples the guide does not
// answer. says tells the stems the guide's own text holds.
func buildExamples(g *content.Guide, l *learner, says func(string) bool) *examples {
	var labels []docRef
	t := classify.NewTrainer()
	// Each question is read once, however many sections it names, and
	// is one sample of the regression, which names its labels.
	read := map[string]int{}
	var sampled [][]classify.Feature
	var samples []sample
	teach := func(label int, q string, weight float64) {
		i, ok := read[q]
		if !ok {
			tokens := l.tokens(q)
			i = len(sampled)
			read[q] = i
			sampled, samples = append(sampled, features(tokens)), append(samples, sample{question: q})
			t.Sample(q, sampled[i], holdsUnsaid(tokens, says), label == len(labels))
		}
		if label < len(labels) {
			samples[i].labels = append(samples[i].labels, label)
		}
		t.Teach(label, sampled[i], weight)
	}
	add := func(ref docRef, questions []string, ranks []int) {
		if len(questions) == 0 {
			return
		}
		labels = append(labels, ref)
		for i, q := range questions {
			teach(len(labels)-1, q, math.Pow(rankDecay, float64(ranks[i])))
		}
	}
	// The sections' tables, decoded when first read, stay unread: a
	// persisted guide of 100,000 sections opens in about 0.3 s, not 1.1 s.
	g.EachAsked(func(s *content.Section, table, row int, questions []string, ranks []int) {
		ref := docRef{section: s}
		if table >= 0 {
			ref = docRef{section: s, row: RowRef{Table: table, Row: row}, isRow: true}
		}
		add(ref, questions, ranks)
	})
	if len(labels) == 0 {
		// Only lessons of "not for the guide" still refuse their
		// questions, word for word; there is nothing to vote.
		if ls := lessons(g); len(ls) > 0 {
			return &examples{lessons: ls}
		}
		return nil
	}
	for _, q := range g.Unanswered() {
		teach(len(labels), q, 1)
	}
	taught := taughtKeys(g)
	return &examples{labels: labels, model: t.Model(len(labels)), samples: samples, coverage: labelled(g, labels), trust: trusted(len(read)), declined: declinedKeys(g, taught), taught: taught, lessons: lessons(g), firsts: firstNamed(g)}
}

// trustScale is how many example questions it takes for their say to
// count for 63 % (1 − 1/e) of what the embedded guide's 11,664 give it
// (trusted): at a hundred it counts for a tenth, at three thousand 95 %.
// The constants above were chosen on the embedded guide's examples, all
// of them; a guide's first examples, taught as much, made its answers
// worse. Teaching the embedded guide a random 30, 100, 300, 1,000 or
// 3,000 of its examples and scoring its tuning sets (2,525 answerable,
// 1,823 off-topic questions), top-1 with none was 0.818, with them,
// counting fully, 0.798, 0.741, 0.756, 0.844 and 0.884, with 107, 142,
// 131, 112 and 81 answerable questions refused where none refused 53.
// Counting as trusted says: top-1 0.821, 0.824, 0.835, 0.870 and 0.885,
// 53, 55, 51, 54 and 81 refused; off-topic questions refused 937 with
// none, then 937, 940, 942, 1,058 and 1,296 (with all, 1,387). At 3,000,
// top-1 rose a little more from 1,000 examples on (0.876, 0.891) but
// refused far fewer off-topic questions (937, 1,090); at 300, the
// answerable refused rose again (62, 112 at 300 and 1,000 examples). On
// six company guides, teaching 20, 40 or 80 of each one's questions
// (three draws each) and scoring the rest: counting fully, top-1 fell
// 0.674 -> 0.654, 0.676 -> 0.634 and 0.651 -> 0.615; counted as
// trusted, 0.674, 0.673 and 0.658. What it costs: the next month's
// questions of two company guides, whose first month's 150 taught, lost
// part of the lift that counting fully gave them (top-1 0.79 and 0.80 ->
// 0.77 and 0.76; off-topic refused 20 and 22 -> 14 and 15 of 35).
const trustScale = 1000

// nearShare is how near a question must be to an example
// (classify.Model.Near) for the examples' chance of "none" to be trusted
// on it fully, however few they are: a rewording of one they do not
// answer ("how should I plan my wedding budget?" of "how do I plan a
// wedding budget?") is not answered either. Their votes for sections
// stay as few examples' are: trusted fully on near questions too, they
// cost Orchard's six questions in five taught two right answers of 104. Near counts only examples that share two features with
// the question at least, so that one shared word is no rewording. Of the
// next month's questions of two company guides whose first month's 150
// taught, 2, 3, 1 and 3 more of 35 off-topic ones refused (both ways
// round), no answer lost; six other guides' and the embedded guide's few
// examples scored as before, within one question.
const nearShare = 0.5

// nearVote is how near a question must be to an example
// (classify.Model.Nearest) for the examples' chance of the sections that
// example names to count fully, however few the examples, when the
// question names the roles the example names (sameRoles): a rewording of
// a lesson ("what does a director's typical week look like?" of "what does
// a typical week look like for a director") leans towards its section, as
// the admins' Home says, and the same asked of a VP does not. Teaching six company guides 20, 40 or 80 of
// their questions (three draws each) and scoring the rest, top-1 moved by
// -1, 0 and 0 of 2,100, 1,824 and 1,256 answerable questions at 0.7, and
// -4, -1 and 0 at 0.5; the next month of two company guides, their first
// month taught, gained a right answer, in the first three or top-1, at
// either.
const nearVote = 0.7

// trusted is how much the say of n example questions counts, from 0
// towards 1 as they grow in number: a few examples are a few people's
// wording, which a classifier taught them reads far more into than they
// tell. Asked word for word, an example is answered as it says however
// few there are (examples.firsts, declined).
func trusted(n int) float64 { return 1 - math.Exp(-float64(n)/trustScale) }

// weight returns how much the examples' votes for sections count: the
// share of the guide's sections they name (coverage), as much as they
// are trusted; none when there are no examples.
func (e *examples) weight() float64 {
	if e == nil {
		return 0
	}
	return e.coverage * e.trust
}

// labelled is the share of the guide's sections that the labels name,
// themselves or by a row. A heading with no text of its own counts too:
// reading every section's text would decode every body of a persisted
// guide at open.
func labelled(g *content.Guide, labels []docRef) float64 {
	named := map[*content.Section]bool{}
	for _, l := range labels {
		named[l.section] = true
	}
	return float64(len(named)) / float64(max(len(g.Sections()), 1))
}

// holdsAbsent reports whether a question's words hold one that no field
// of the index matches.
func holdsAbsent(words []word) bool {
	return slices.ContainsFunc(words, func(w word) bool { return !w.present() })
}

// holdsUnsaid reports whether a question's tokens hold a stem the
// guide's own text never says.
func holdsUnsaid(tokens []token, says func(string) bool) bool {
	return slices.ContainsFunc(tokens, func(t token) bool { return !says(t.stem) })
}

// features returns the features of a question's tokens, for the
// classifiers: a word of the question's story counts less (contextWeight,
// as in search). Leaving each tuning set out in turn, the story's words
// at 0.35 rather than left out: top-1 0.915 -> 0.933, top-3 0.971 ->
// 0.977, direct answers 0.872 -> 0.891, 3 fewer answerable questions
// refused, 8 more off-topic ones answered (a story shares words with the
// guide's own); at 0.5 and 0.7, top-1 0.934, 4 more off-topic ones
// answered; at 1, top-1 0.928.
func features(tokens []token) []classify.Feature {
	words := make([]classify.Word, len(tokens))
	for i, t := range tokens {
		words[i] = classify.Word{Stem: t.stem, Weight: 1}
		if t.context {
			words[i].Weight = contextWeight
		}
	}
	return classify.Features(words)
}

// verdict is what the examples say of a question: by section, its chance
// of answering it, given that the guide does; by row, the same; and the
// chance that the guide does not.
type verdict struct {
	// labels are the classifier's documents, and chances each one's
	// share of the chance that the guide answers; nil when the examples
	// say nothing of the question. A section's chance is its own and its
	// rows' (section).
	labels  []docRef
	chances []float64
	// unanswered is the chance that the guide does not answer, and
	// answered that it does, each as much as the examples are trusted:
	// few examples are neither sure it does nor sure it does not.
	// Examples that teach no "none" are never sure it does.
	unanswered, answered float64
	// unsaid tells that the question holds a word no field of the index
	// matches (word.present).
	unsaid bool
	// declined tells that the examples hold the question, word for word,
	// as one the guide does not answer (examples.declined).
	declined bool
}

// votedRow returns the row of a section most likely to answer, the first
// in the guide of those as likely; false when no example's answer is in
// one of its rows. A row that holds one of the question's words comes
// before those that hold none: beside a row the question names, the vote
// is a guess ("how much time does a VP spend on strategy?": Technical
// reviews, by a hair over Exec/Board meetings, where Strategic planning
// holds "strategy"); where no row the examples vote for holds a word of
// the question, the vote alone finds the row (TestExamplesVoteForRows),
// where the question's words found none (search).
// Asking that the row be as likely as a tenth to a half of its section
// lowered top-1 by 0.0004 and direct answers by up to 0.0003, leaving
// each tuning set out in turn.
func (v verdict) votedRow(s *content.Section, holds func(RowRef) bool) (RowRef, bool) {
	var best RowRef
	top, held := 0.0, false
	// Labels are in the guide's order (content.Guide.EachAsked): the
	// first of equal chances is kept.
	for i, ref := range v.labels {
		if !ref.isRow || ref.section != s || v.chances[i] == 0 {
			continue
		}
		h := holds(ref.row)
		if h && !held || h == held && v.chances[i] > top {
			best, top, held = ref.row, v.chances[i], h
		}
	}
	return best, top > 0
}

// section returns a section's chance of answering by the examples: its
// own and its rows'.
func (v verdict) section(s *content.Section) float64 {
	sum := 0.0
	for i, ref := range v.labels {
		if ref.section == s {
			sum += v.chances[i]
		}
	}
	return sum
}

// examplesVerdict asks the examples about a question, as rewritten by
// the thesaurus (rewrite), with its words as search reads them: none when
// no word of its sentences that ask is one the examples use.
func (ix *Index) examplesVerdict(read string, words []word) verdict {
	if ix.examples == nil || ix.examples.model == nil {
		return verdict{}
	}
	unsaid := holdsAbsent(words)
	fs := ix.exampleFeatures(read, words)
	cv := ix.examples.model.Verdict(fs, unsaid)
	trust := ix.examples.trust
	nearest, near := ix.examples.model.Nearest(fs)
	if trust < 1 && (cv.Chances != nil || cv.Unanswered > 0) && near >= nearShare {
		trust = 1
	}
	v := verdict{unanswered: cv.Unanswered * trust, unsaid: unsaid}
	if ix.examples.model.KnowsNone() {
		v.answered = (1 - cv.Unanswered) * trust
	}
	if cv.Chances != nil {
		v.labels, v.chances = ix.examples.labels, cv.Chances
		if c := ix.examples.weight(); c < 1 {
			v.chances = make([]float64, len(cv.Chances))
			for i, p := range cv.Chances {
				v.chances[i] = p * c
			}
			if near >= nearVote && ix.sameRoles(read, ix.examples.samples[nearest].question) {
				// A rewording of an example leans towards its sections as
				// if the examples were many.
				for _, label := range ix.examples.samples[nearest].labels {
					v.chances[label] = cv.Chances[label]
				}
			}
		}
	}
	return v
}

// sample is an example question and the labels it names.
type sample struct {
	question string
	labels   []int
}

// sameRoles reports whether a question, as rewritten (read), names the
// roles an example question names: "what does a typical week look like
// for a VP" is no rewording of the same about a director, however near
// their other words.
func (ix *Index) sameRoles(read, example string) bool {
	roles := func(text string) []int {
		r := ix.reader.Cast.RolesIn(question.Words(text))
		slices.Sort(r)
		return slices.Compact(r)
	}
	return slices.Equal(roles(read), roles(ix.rewrite(example)))
}

// examplesSay reports whether the guide's examples hold a question, read
// (question.Asked) and asked as they ask it (askedKey), as one the guide does not answer
// (declined), or name a section for it (taught), a lesson taught in Slack
// before any other example: the owner's word that the
// guide answers it overrides the rules that know what a guide about the
// Director and VP roles leaves to others ("how long is the system design
// interview", in a guide of a company's hiring loop).
func (ix *Index) examplesSay(text string) (declined, taught bool) {
	if ix.examples == nil {
		return false, false
	}
	key := askedKey(text)
	// An admin's lesson is the latest word on a question.
	if l, ok := ix.examples.lessonFor(key); ok {
		return l.section == nil, l.section != nil
	}
	return ix.examples.declined.has(key), ix.examples.taught.has(key)
}

// exampleFeatures returns the features of a question as the examples
// read it: a typo the examples barely know is read as the likeliest word
// the speller takes it for ("meetigns": "meet"); one they know is their
// own.
func (ix *Index) exampleFeatures(read string, words []word) []classify.Feature {
	tokens := slices.Clone(ix.learner.tokensOf(read))
	for i, t := range tokens {
		if ix.examples.model.Support(t.stem) >= knownSupport {
			continue
		}
		if j := slices.IndexFunc(words, func(w word) bool { return w.stem == t.stem && len(w.near) > 0 }); j >= 0 {
			tokens[i].stem = slices.MaxFunc(words[j].near, func(a, b spelling.Term) int { return cmp.Compare(a.Docs, b.Docs) }).Text
		}
	}
	return features(tokens)
}

// knownSupport is how much the examples must have taught a word for the
// classifier to read it as written, not as the speller's correction: a
// typo three examples share is how people write it. Leaving each tuning
// set out in turn, 2 and 3 score the same; at 2, "meetigns", in two
// examples, is read as written, and "whta does a director usualy do in
// meetigns?" gets Activity Time Comparison, not Recurring Meetings.
const knownSupport = 3

// heed adds to each hit its section's chance by the examples, scaled to
// the best hit's score.
func (v verdict) heed(hits []Hit) {
	if len(hits) == 0 || v.chances == nil {
		return
	}
	top := hits[0].Score
	for i, h := range hits {
		hits[i].Votes = v.section(h.Section)
		hits[i].Score += exampleWeight * hits[i].Votes * top
	}
	byScore(hits)
}
