package index

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/directorbot/directorbot/index/thesaurus"
)

const (
	// guideAnalyzer is bleve's English analyzer with a stop list that keeps
	// the words this field needs ("what does a director own?").
	guideAnalyzer     = "guide_en"
	guideStopMap      = "guide_stop_words"
	guideStop         = "guide_stop"
	guideStems        = "guide_stems"
	synonymSource     = "guide_synonyms"
	synonymCollection = "guide"
	// questionAnalyzer splits a question into topic words: the English stop
	// list and the fillers are dropped, nothing is stemmed (each word
	// is analyzed again by the field's analyzer when it is searched).
	questionAnalyzer = "question"
	questionStopMap  = "question_stop_words"
	questionStop     = "question_stop"
)

// Fields of an indexed document, from strongest to weakest evidence.
const (
	fieldTitle = "title" // the section's heading
	fieldHead  = "head"  // a table row's first cell, which names the row
	fieldPath  = "path"  // headings above the section
	fieldBody  = "body"  // the section's own text, or a row's other cells
	fieldSub   = "sub"   // the titles of the section's subsections
	fieldAsked = "asked" // the words the section's examples share (asked.go)
)

// numFields counts the indexed fields; all but the last, asked
// (askedField), hold the guide's own words.
const numFields = 6

// askedField is the asked field's place in boosts.
const askedField = numFields - 1

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.DefaultAnalyzer = guideAnalyzer
	if err := addGuideAnalyzer(m); err != nil {
		return nil, err
	}
	if err := m.AddSynonymSource(synonymSource, map[string]interface{}{
		"collection": synonymCollection,
		"analyzer":   guideAnalyzer,
	}); err != nil {
		return nil, fmt.Errorf("add synonym source: %w", err)
	}
	if err := addQuestionAnalyzer(m); err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	for fi, fb := range boosts {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = guideAnalyzer
		f.Store = false
		f.IncludeInAll = false
		// Positions are for phrases, which the asked field never holds.
		f.IncludeTermVectors = fi != askedField
		f.DocValues = false
		doc.AddFieldMappingsAt(fb.field, f)
	}
	m.DefaultMapping = doc
	return m, nil
}

// addGuideAnalyzer registers the analyzer of every indexed field.
func addGuideAnalyzer(m *mapping.IndexMappingImpl) error {
	words, err := englishStopWords()
	if err != nil {
		return err
	}
	if err := addStopFilter(m, guideStopMap, guideStop, words); err != nil {
		return err
	}
	err = m.AddCustomAnalyzer(guideAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{en.PossessiveName, lowercase.Name, guideStop, guideStems, porter.Name},
	})
	if err != nil {
		return fmt.Errorf("add guide analyzer: %w", err)
	}
	return nil
}

// ownStems give the words that begin with a prefix a stem of their own,
// where Porter's stemmer gives them an unrelated word's: "responsibilities"
// and "response" share "respons", so "what is a VP responsible for?"
// opened with the Incident response row. Common misspellings are among
// the prefixes: "responsabilities" too stems as "respons", a word the
// guide knows, so no spelling correction would read it.
var ownStems = []struct{ prefix, stem string }{
	{"responsib", "responsibl"}, {"responsab", "responsibl"}, {"resposib", "responsibl"}, {"resposab", "responsibl"},
}

// stemOwn gives the words of ownStems their stem, marked so that Porter's
// stemmer leaves it.
type stemOwn struct{}

func (stemOwn) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		for _, o := range ownStems {
			if bytes.HasPrefix(t.Term, []byte(o.prefix)) {
				t.Term, t.KeyWord = []byte(o.stem), true
				break
			}
		}
	}
	return input
}

func init() {
	err := registry.RegisterTokenFilter(guideStems, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return stemOwn{}, nil
	})
	if err != nil {
		panic(err)
	}
}

// Stem returns a lower-cased word's stem as the guide's analyzer finds it
// (Porter's, but for ownStems): "deal", "deals" and "dealing" share "deal".
func Stem(word string) string {
	t := analysis.TokenStream{{Term: []byte(word)}}
	return string(porter.NewPorterStemmer().Filter(stemOwn{}.Filter(t))[0].Term)
}

// englishStopWords returns bleve's English stop words, sorted, but for
// those that carry meaning here: "what does a director own?"
func englishStopWords() ([]string, error) {
	english := analysis.NewTokenMap()
	if err := english.LoadBytes(en.EnglishStopWords); err != nil {
		return nil, fmt.Errorf("read English stop words: %w", err)
	}
	delete(english, "own")
	words := make([]string, 0, len(english))
	for w := range english {
		words = append(words, w)
	}
	sort.Strings(words)
	return words, nil
}

// addStopFilter registers a stop filter that drops the given words.
func addStopFilter(m *mapping.IndexMappingImpl, mapName, filterName string, words []string) error {
	tokens := make([]interface{}, len(words))
	for i, w := range words {
		tokens[i] = w
	}
	if err := m.AddCustomTokenMap(mapName, map[string]interface{}{
		"type":   tokenmap.Name,
		"tokens": tokens,
	}); err != nil {
		return fmt.Errorf("add stop words %s: %w", mapName, err)
	}
	if err := m.AddCustomTokenFilter(filterName, map[string]interface{}{
		"type":           stop.Name,
		"stop_token_map": mapName,
	}); err != nil {
		return fmt.Errorf("add stop filter %s: %w", filterName, err)
	}
	return nil
}

func addQuestionAnalyzer(m *mapping.IndexMappingImpl) error {
	if err := addStopFilter(m, questionStopMap, questionStop, thesaurus.Fillers()); err != nil {
		return err
	}
	err := m.AddCustomAnalyzer(questionAnalyzer, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []interface{}{
			en.PossessiveName, lowercase.Name, guideStop, questionStop,
		},
	})
	if err != nil {
		return fmt.Errorf("add question analyzer: %w", err)
	}
	return nil
}
