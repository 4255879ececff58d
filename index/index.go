// Package index finds the guide sections that answer a question, with a
// bleve full-text index over sections and table rows.
package index

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
	"github.com/directorbot/directorbot/index/spelling"
	"github.com/directorbot/directorbot/index/thesaurus"
	lru "github.com/hashicorp/golang-lru/v2"
)

// schemaVersion changes whenever what gets indexed changes, so that a
// persisted index built by an older binary is rebuilt, not trusted.
const schemaVersion = "25"

// keptReadings and keptFacts bound the sections searching keeps analyzed:
// every section of a guide of thousands, and the most asked about of a
// larger one, in a few megabytes.
const (
	keptReadings = 4096
	keptFacts    = 65536
)

// batchSize bounds how many documents are buffered before a commit, so a
// large guide is indexed in steady memory.
const batchSize = 4096

// Index answers questions about one guide. It is safe for concurrent use.
type Index struct {
	guide *content.Guide
	bleve bleve.Index
	// reopened tells an index Open found persisted from one it built.
	reopened bool
	// closed makes Close safe to call again: bleve panics on a second.
	closed   sync.Once
	closeErr error
	question analysis.Analyzer
	stemmer  analysis.Analyzer
	// vocab maps every indexed term to the documents it occurs in, by
	// field (in the order of boosts), so that a question searches only the
	// fields that hold its words.
	vocab map[string][numFields]uint64
	// known maps every indexed term, and every synonym, stemmed, to the
	// most documents it occurs in within one field. A question word outside
	// it is probably a typo and is also searched fuzzily; a word in many
	// documents ("director" in a guide about directors) tells sections apart
	// less than a rare one, and is weighted down.
	known map[string]uint64
	// speller reads the words it does not know as those it does.
	speller *spelling.Speller
	// vocabulary is the guide's: the thesaurus, with the guide's own
	// synonyms.txt; synonymsOf maps a stem to the stems of its synonyms.
	vocabulary *thesaurus.Thesaurus
	// fillers holds the stems of the filler words, so that "roles" is
	// dropped as "role" is.
	fillers map[string]bool
	// outside holds the words that name topics outside the guide's, when
	// the guide never uses them: the words themselves, not their stems
	// ("several" stems as "severance" does).
	outside map[string]bool
	// outsideSaid holds the outside words whose stem the guide says in a
	// form of the word itself ("negotiates" for "negotiating"), not only
	// in another word of that stem ("several" for "severance"): only
	// those the guide covers.
	outsideSaid map[string]bool
	// outsidePhrases are the outside entries of several words
	// ("interview questions") that the guide never says, each split into
	// words.
	outsidePhrases question.Phrasings
	synonymsOf     map[string][]string
	// docs counts the indexed documents, for rarity; guideDocs those of
	// the guide's sections and rows, without the synonym sets stored with
	// them.
	docs, guideDocs uint64
	// readings holds sections' readings once analyzed, sectionFacts the
	// kinds of fact their text states and sectionRoles the roles their
	// headings name, the most recently used kept.
	readings     *lru.Cache[*content.Section, *reading]
	sectionFacts *lru.Cache[*content.Section, [question.Intents]bool]
	sectionRoles *lru.Cache[*content.Section, []int]
	// reader reads questions with the names of the people they may be
	// about and the roles the guide describes: its headings name them;
	// roleWords are the described roles' one-word names, sorted, for
	// misspellings.
	reader    question.Reader
	roleWords []string
	// roleNames are thesaurus.Roles; textNames tells which of them the
	// guide's text names (namedInText); described are the names of those
	// its headings name, as written there (Roles).
	roleNames [][]string
	described []string
	textNames textNames
	// payWords are the words of question.PayWords the guide's headings
	// say (titledPay): a question that asks what a role earns is searched
	// with them, and refused only when there are none (saysPay).
	payWords []string
	// levelAt holds each section's tables of levels (ladder.Tables), by
	// its ID.
	levelAt map[string][]levelAt
	// learner reads the guide's examples, and learned tells whether they
	// taught any word (asked.go).
	learner *learner
	learned bool
	// examples is the classifier the guide's example questions teach
	// (examples.go); nil without examples.
	examples *examples
	// declinedStems reads the examples that name no section for
	// DeclinedLike, once.
	declinedStems func() []map[string]bool
	// waysTo is the roles the guide tells the way to (waysToRoles), read
	// the first time an answer on the path needs them.
	waysTo func() []int
	// closing is the path's gaps paired with what closes them (Closers).
	closing closing
	// commonPostings and stopPostings are the package's constants, apart
	// in tests that need a large guide's roles in a small one.
	commonPostings, stopPostings int
}

// Build indexes the guide in memory. A guide of many sections takes
// seconds: ctx cancelled stops it between batches.
func Build(ctx context.Context, g *content.Guide) (*Index, error) {
	th, _, err := heededThesaurus(g)
	if err != nil {
		return nil, err
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	b, err := bleve.New("", m)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	l, err := newLearner(b, th)
	if err != nil {
		_ = b.Close()
		return nil, err
	}
	if err := indexGuide(ctx, g, l, b); err != nil {
		_ = b.Close()
		return nil, err
	}
	return wrap(ctx, g, l, b)
}

// guideThesaurus reads the thesaurus extended by the guide's synonyms.
func guideThesaurus(g *content.Guide) (*thesaurus.Thesaurus, error) {
	if len(g.Synonyms) == 0 {
		return defaultThesaurus()
	}
	th, err := thesaurus.Read(thesaurus.File{Name: "thesaurus.txt", Text: thesaurus.Default}, thesaurus.File{Name: content.SynonymsFile, Text: g.Synonyms, Own: true})
	if err != nil {
		return nil, fmt.Errorf("read thesaurus: %w", err)
	}
	return th, nil
}

// heededThesaurus is guideThesaurus heeding the words the guide says
// (thesaurus.Thesaurus.Heeding), and those words, which a persisted index
// keeps: reading them again would decode every section at open.
func heededThesaurus(g *content.Guide) (*thesaurus.Thesaurus, []string, error) {
	th, err := guideThesaurus(g)
	if err != nil {
		return nil, nil, err
	}
	said := saidIn(th, g.Sections())
	return th.Heeding(said), said, nil
}

// saidIn returns the thesaurus's entries that the sections say
// (thesaurus.Thesaurus.Said), sorted, read on every core: at 100,000
// sections one core took 2.9 s, an eighth of the build.
func saidIn(th *thesaurus.Thesaurus, sections []*content.Section) []string {
	parts := max(1, min(runtime.GOMAXPROCS(0), len(sections)/readAhead))
	found := make([][]string, parts)
	var wg sync.WaitGroup
	for i := range parts {
		part := sections[i*len(sections)/parts : (i+1)*len(sections)/parts]
		wg.Go(func() { found[i] = th.Said(texts(part)) })
	}
	wg.Wait()
	said := slices.Concat(found...)
	slices.Sort(said)
	return slices.Compact(said)
}

// texts yields the text of each section, title first.
func texts(sections []*content.Section) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, s := range sections {
			if !yield(s.Title) || !yield(s.Text()) {
				return
			}
		}
	}
}

// defaultThesaurus is the default vocabulary alone, read once: each
// reload of a guide without synonyms of its own would otherwise compile
// its rules again.
var defaultThesaurus = sync.OnceValues(func() (*thesaurus.Thesaurus, error) {
	th, err := thesaurus.Read(thesaurus.File{Name: "thesaurus.txt", Text: thesaurus.Default})
	if err != nil {
		return nil, fmt.Errorf("read thesaurus: %w", err)
	}
	return th, nil
})

// Guide returns the guide the index was built from.
func (ix *Index) Guide() *content.Guide { return ix.guide }

// Reopened reports whether Open found the index of these very pages in its
// folder and opened it, rather than indexing them: a restart that rebuilds
// when it could reopen costs seconds at a large guide.
func (ix *Index) Reopened() bool { return ix.reopened }

// Close releases the index. Calls after the first do nothing and return
// its error.
func (ix *Index) Close() error {
	ix.closed.Do(func() {
		if err := ix.bleve.Close(); err != nil {
			ix.closeErr = fmt.Errorf("close index: %w", err)
		}
	})
	return ix.closeErr
}

// indexGuide indexes the guide's sections and rows, with what their
// examples teach (learner), until ctx is cancelled.
func indexGuide(ctx context.Context, g *content.Guide, l *learner, b bleve.Index) error {
	l.readAll(g)
	th := l.th
	batch := b.NewBatch()
	flush := func(force bool) error {
		if batch.Size() == 0 || (!force && batch.Size() < batchSize) {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("index the guide: %w", err)
		}
		if err := b.Batch(batch); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
		batch.Reset()
		return nil
	}
	// The synonym sets are stored with the guide, though questions are
	// expanded with them before bleve sees them (query.go): BM25 counts
	// them as documents, and the ranking is tuned with that count
	// (synonymDocs). Which words are common does not depend on it
	// (commonShare).
	for i, set := range th.Synonyms[:indexedSynonyms(th)] {
		def := &bleve.SynonymDefinition{Synonyms: set}
		if err := batch.IndexSynonym(fmt.Sprintf("synonyms-%d", i), synonymCollection, def); err != nil {
			return fmt.Errorf("index synonyms %v: %w", set, err)
		}
	}
	for place, s := range g.Sections() {
		asked := l.sectionLearned(g, s)
		if err := batch.Index(sectionDocID(place), sectionDocument(th, s, asked.text)); err != nil {
			return fmt.Errorf("index section %s: %w", s.ID, err)
		}
		for ti, t := range s.Tables() {
			for ri, row := range t.Rows {
				if len(row) == 0 {
					continue
				}
				if err := batch.Index(rowDocID(place, ti, ri), rowDocument(th, s, row, l.learn(g.AskedRow(s, ti, ri)).text)); err != nil {
					return fmt.Errorf("index row %d of %s: %w", ri, s.ID, err)
				}
			}
		}
		if err := flush(false); err != nil {
			return err
		}
	}
	return flush(true)
}

func wrap(ctx context.Context, g *content.Guide, l *learner, b bleve.Index) (*Index, error) {
	vocab, err := readTerms(b)
	if err != nil {
		_ = b.Close()
		return nil, err
	}
	return assemble(ctx, g, l, b, vocab)
}

// assemble makes an index of a guide, its thesaurus (in its learner), its
// bleve index and the terms read from it: the analyzers, the vocabulary
// and the document count.
func assemble(ctx context.Context, g *content.Guide, l *learner, b bleve.Index, vocab map[string][numFields]uint64) (*Index, error) {
	ix := &Index{guide: g, bleve: b, vocabulary: l.th, learner: l, vocab: vocab, closing: closing{searching: make(chan struct{}, 1)}, commonPostings: commonPostings, stopPostings: stopPostings}
	// lru.New fails only for a size below one.
	ix.readings, _ = lru.New[*content.Section, *reading](keptReadings)
	ix.sectionFacts, _ = lru.New[*content.Section, [question.Intents]bool](keptFacts)
	ix.sectionRoles, _ = lru.New[*content.Section, []int](keptFacts)
	ix.declinedStems = sync.OnceValue(ix.readDeclined)
	ix.waysTo = sync.OnceValue(ix.waysToRoles)
	if err := ix.load(ctx); err != nil {
		_ = b.Close()
		return nil, err
	}
	// Reopened from disk, a guide's examples have not been read yet; the
	// examples' classifier needs them all, read on every core.
	if len(l.read) == 0 {
		l.readAll(g)
	}
	// A small guide is read whole at once, so that its first questions
	// cost no more than later ones.
	// Its words as written, too, read typos that stem unlike them
	// ("engneering", "mornig").
	var written []string
	if sections := g.Sections(); len(sections) <= readAhead {
		for _, s := range sections {
			r := ix.read(s)
			r.passages()
			r.rowStems()
			r.levels()
			r.titledByRole()
			ix.headingRoles(s)
			ix.facts(s)
			written = append(written, question.Words(s.Title+"\n"+s.Text())...)
		}
	}
	speller, err := ix.newSpeller(written)
	if err != nil {
		_ = b.Close()
		return nil, err
	}
	ix.speller = speller
	ix.examples = buildExamples(g, l, ix.says)
	// The questions read to index the guide are not needed again.
	l.read = nil
	return ix, nil
}

// newSpeller makes the index's speller of its known stems, the
// thesaurus's words and, of a guide read whole, the words it is written in.
func (ix *Index) newSpeller(written []string) (*spelling.Speller, error) {
	stopWords, err := englishStopWords()
	if err != nil {
		return nil, err
	}
	slices.Sort(written)
	words := slices.Concat(slices.Concat(ix.vocabulary.Synonyms...), slices.Compact(written))
	return spelling.New(ix.known, words, stopWords, thesaurus.Fillers(), ix.stem), nil
}

// guideRoles returns the roles a question may be about: the guide's own
// list (roles.txt) before the search's.
func guideRoles(g *content.Guide) ([][]string, error) {
	if g.Roles == nil {
		return thesaurus.Roles(), nil
	}
	own, err := thesaurus.RoleList(content.RolesFile, g.Roles)
	if err != nil {
		return nil, err
	}
	return thesaurus.WithRoles(own), nil
}

// readAhead is the most sections a guide may have to be read whole when
// it is opened: a few milliseconds of start-up.
const readAhead = 256

// load reads what searches need of the index: its analyzers, vocabulary,
// outside topics and the roles the guide describes.
func (ix *Index) load(ctx context.Context) error {
	m := ix.bleve.Mapping()
	ix.question = m.AnalyzerNamed(questionAnalyzer)
	ix.stemmer = m.AnalyzerNamed(guideAnalyzer)
	if ix.question == nil || ix.stemmer == nil {
		return errors.New("index mapping lacks the question or English analyzer")
	}
	// A word only the guide's examples use is not known: examples may
	// share a misspelling ("diretor"), which must still be corrected.
	ix.known = map[string]uint64{}
	for t, counts := range ix.vocab {
		if n := inGuide(counts); n > 0 {
			ix.known[t] = n
		}
		ix.learned = ix.learned || counts[askedField] > 0
	}
	for _, set := range ix.vocabulary.Synonyms {
		for _, w := range set {
			if t := ix.stem(w); t != "" {
				ix.known[t] = max(ix.known[t], 1)
			}
		}
	}
	ix.synonymsOf = ix.synonymStems()
	ix.fillers = ix.stemSet(thesaurus.Fillers())
	outsideList, err := thesaurus.OutsideOf(content.OutsideFile, ix.guide.Outside)
	if err != nil {
		return err
	}
	outside, phrases := outsideTopics(outsideList)
	unsaid, err := ix.unsaid(ctx, phrases)
	if err != nil {
		return err
	}
	ix.outside, ix.outsidePhrases = outside, unsaid
	if ix.outsideSaid, err = ix.saidForms(ctx, outside); err != nil {
		return err
	}
	roles, err := guideRoles(ix.guide)
	if err != nil {
		return err
	}
	lad, err := ix.keptLadder()
	if err != nil {
		return err
	}
	ix.levelAt = lad.Tables
	ix.reader.Levels = map[int]bool{}
	for _, r := range lad.Listed {
		ix.reader.Levels[r] = true
	}
	for i := range lad.Roles {
		ix.reader.Levels[len(roles)+i] = true
	}
	roles = lad.roles(roles, ix.vocabulary.Rewrite)
	ix.reader.Cast = question.NewCast(roles, ix.vocabulary.Rewrite)
	ix.reader.Functions = question.NewFunctions(thesaurus.Functions(), ix.vocabulary.Rewrite)
	ix.reader.Leaders = ix.reader.Functions.Leading(ix.reader.Cast)
	if ix.reader.Described, ix.described, err = ix.describedRoles(ctx, roles); err != nil {
		return err
	}
	ix.reader.Heads = question.Heads(roles, ix.reader.Described)
	ix.roleWords = ix.reader.Cast.OneWordNames(func(role int, name string) bool { return ix.reader.Described[role] && spelling.Fuzzy(name) })
	ix.roleNames, ix.textNames.known = roles, map[int]bool{}
	if ix.payWords, err = ix.titledPay(ctx); err != nil {
		return err
	}
	docs, err := ix.bleve.DocCount()
	if err != nil {
		return fmt.Errorf("count documents: %w", err)
	}
	ix.docs = docs
	ix.guideDocs = docs - min(docs, uint64(indexedSynonyms(ix.vocabulary)))
	return nil
}

// synonymDocs is how many of the thesaurus's synonym sets are indexed as
// bleve's synonym documents, beside the guide's. They serve only BM25's
// document count, since questions are expanded with every set before
// bleve sees them, and the ranking (boosts, weights, thresholds) was tuned
// with the 35 sets the default thesaurus had then. A fixed number keeps
// words' rarity from moving with the vocabulary: indexing the twenty sets
// added for company handbooks re-weighed every word, and took a right
// answer out of the top three for the embedded guide's first question set.
const synonymDocs = 35

// indexedSynonyms is how many of th's synonym sets are indexed.
func indexedSynonyms(th *thesaurus.Thesaurus) int { return min(synonymDocs, len(th.Synonyms)) }

// readTerms reads the indexed terms back from bleve's dictionaries, with
// the documents each is in by field.
func readTerms(b bleve.Index) (map[string][numFields]uint64, error) {
	vocab := map[string][numFields]uint64{}
	for fi, fb := range boosts {
		err := fieldTerms(b, fb.field, func(term string, docs uint64) {
			counts := vocab[term]
			counts[fi] = docs
			vocab[term] = counts
		})
		if err != nil {
			return nil, err
		}
	}
	return vocab, nil
}

// fieldTerms calls each with every term of a field and the number of
// documents it is in.
func fieldTerms(b bleve.Index, field string, each func(term string, docs uint64)) error {
	d, err := b.FieldDict(field)
	if err != nil {
		return fmt.Errorf("read terms of %s: %w", field, err)
	}
	for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
		if err != nil {
			_ = d.Close()
			return fmt.Errorf("read terms of %s: %w", field, err)
		}
		each(e.Term, e.Count)
	}
	if err := d.Close(); err != nil {
		return fmt.Errorf("read terms of %s: %w", field, err)
	}
	return nil
}

// stemSet returns the stems of a list of words, so that "roles" is found
// as "role" is.
func (ix *Index) stemSet(words []string) map[string]bool {
	out := make(map[string]bool, len(words))
	for _, w := range words {
		if t := ix.stem(w); t != "" {
			out[t] = true
		}
	}
	return out
}

// synonymStems maps each stem of a synonym set to the stems of the set's
// other words, as bleve's synonym search would: when two words of a set
// share a stem ("difference", "different"), that stem is its own synonym
// too. The lists are sorted so that scores add up in a fixed order.
func (ix *Index) synonymStems() map[string][]string {
	sets := map[string]map[string]struct{}{}
	for _, set := range ix.vocabulary.Synonyms {
		stems := make([]string, len(set))
		for i, w := range set {
			stems[i] = ix.stem(w)
		}
		for i, a := range stems {
			for j, b := range stems {
				if i == j || a == "" || b == "" {
					continue
				}
				if sets[a] == nil {
					sets[a] = map[string]struct{}{}
				}
				sets[a][b] = struct{}{}
			}
		}
	}
	out := make(map[string][]string, len(sets))
	for stem, others := range sets {
		list := make([]string, 0, len(others))
		for o := range others {
			list = append(list, o)
		}
		sort.Strings(list)
		out[stem] = list
	}
	return out
}
