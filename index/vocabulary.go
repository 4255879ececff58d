package index

import (
	"regexp"
	"strings"
)

// phrase is a multi-word or punctuated expression of the field that bleve's
// synonyms cannot hold (they map single terms). It is rewritten to one token:
// in indexed text the token is added beside the phrase, in a question the
// token replaces it, so "vice president" and "VP" meet on "vp".
type phrase struct {
	re    *regexp.Regexp
	token string
	// hints are lower-case strings of which any match holds one: a text
	// without them is not run through re, which would cost ten times more.
	hints []string
}

var phrases = []phrase{
	{regexp.MustCompile(`(?i)\bvice[\s-]+presidents?\b`), "vp", []string{"vice"}},
	{regexp.MustCompile(`(?i)\b(engineering|eng)[\s-]+managers?\b`), "em", []string{"manager"}},
	{regexp.MustCompile(`(?i)\bindividual[\s-]+contributors?\b`), "ic", []string{"contributor"}},
	{regexp.MustCompile(`(?i)\b(one|1)[\s-]*on[\s-]*(one|1)s?\b|\b1:1s?\b`), "oneonone", []string{"one", "1"}},
	{regexp.MustCompile(`(?i)\bprofit[\s-]+(and|&)[\s-]+loss\b|\bp\s*&\s*l\b|\bp&amp;l\b|\bpnl\b`), "pnl", []string{"loss", "&", "pnl"}},
	{regexp.MustCompile(`(?i)\bc[\s-]?level\b|\bc[\s-]?suite\b`), "executive", []string{"level", "suite"}},
	{regexp.MustCompile(`(?i)\bday[\s-]+to[\s-]+day\b`), "daily", []string{"day"}},
	{regexp.MustCompile(`(?i)\bpost[\s-]?mortems?\b`), "postmortem", []string{"mortem"}},
}

// mayMatch reports whether a lower-cased text holds one of the hints.
func (p phrase) mayMatch(lower string) bool {
	for _, h := range p.hints {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return false
}

// synonyms are bleve synonym definitions, bidirectional within each set,
// for the field's single-word vocabulary. Words are analyzed like the
// guide's text, so inflections ("promoted", "promotions") match too.
var synonyms = [][]string{
	{"promotion", "transition", "promoted", "advance", "move", "moving"},
	{"org", "organization", "organisation", "organizational"},
	{"skill", "competency", "ability", "capability", "competencies"},
	{"responsibility", "duty", "duties", "responsible", "job", "own"},
	{"hire", "hiring", "recruit", "recruiting", "interview"},
	{"mistake", "pitfall", "trap", "avoid", "stop"},
	{"compare", "comparison", "difference", "different", "differ", "versus", "vs"},
	{"boss", "report"},
	{"fail", "failure", "failing"},
	{"shift", "change"},
	{"hours", "hrs"},
	{"ladder", "leveling", "level"},
	{"timeline", "years", "long"},
	{"ready", "readiness"},
	{"exec", "executive", "ceo", "cto"},
	{"daily", "week", "weekly", "routine", "schedule", "calendar"},
	{"mentor", "coach", "develop"},
	{"crisis", "emergency", "layoffs", "incident"},
	{"reorg", "reorganization", "restructure"},
	{"em", "managers"},
	{"ic", "engineers"},
	{"budget", "finance", "financial", "money", "spending"},
	{"team", "squad"},
	{"vision", "strategy", "strategic"},
}

// questionStopWords are words that shape a question but say nothing about
// its topic, beyond the English stop list the analyzer already drops.
var questionStopWords = []string{
	"many", "much", "can", "could", "would", "get", "tell", "know", "want",
	"need", "like", "please", "thanks", "thank", "hi", "hey", "hello", "bot",
	"role", "really", "also", "something", "anything", "thing", "things",
	"someone", "good", "kind", "sort", "way", "ways", "typically", "usually",
	"actually", "mean", "means", "exactly", "lot", "lots", "u", "ur", "pls",
	"plz", "whats", "hows", "im", "ive", "dont", "work", "working",
}

// keptStopWords are dropped from the English stop list: in this field they
// carry meaning ("what does a director own?").
var keptStopWords = []string{"own"}

// expandPhrases adds each phrase's token after the phrase, for indexed text.
func expandPhrases(text string) string {
	return rewritePhrases(text, func(p phrase) string { return "$0 " + p.token })
}

// replacePhrases swaps each phrase for its token, for questions: one idea,
// one term, so a two-word phrase does not count twice.
func replacePhrases(text string) string {
	return rewritePhrases(text, func(p phrase) string { return " " + p.token + " " })
}

func rewritePhrases(text string, replacement func(phrase) string) string {
	lower := strings.ToLower(text)
	for _, p := range phrases {
		if p.mayMatch(lower) {
			text = p.re.ReplaceAllString(text, replacement(p))
			lower = strings.ToLower(text)
		}
	}
	return text
}
