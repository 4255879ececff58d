package index

import "regexp"

// phrase is a multi-word or punctuated expression of the field that bleve's
// synonyms cannot hold (they map single terms). It is rewritten to one token:
// in indexed text the token is added beside the phrase, in a question the
// token replaces it, so "vice president" and "VP" meet on "vp".
type phrase struct {
	re    *regexp.Regexp
	token string
}

var phrases = []phrase{
	{regexp.MustCompile(`(?i)\bvice[\s-]+presidents?\b`), "vp"},
	{regexp.MustCompile(`(?i)\b(engineering|eng)[\s-]+managers?\b`), "em"},
	{regexp.MustCompile(`(?i)\bindividual[\s-]+contributors?\b`), "ic"},
	{regexp.MustCompile(`(?i)\b(one|1)[\s-]*on[\s-]*(one|1)s?\b|\b1:1s?\b`), "oneonone"},
	{regexp.MustCompile(`(?i)\bprofit[\s-]+(and|&)[\s-]+loss\b|\bp\s*&\s*l\b|\bp&amp;l\b|\bpnl\b`), "pnl"},
	{regexp.MustCompile(`(?i)\bc[\s-]?level\b|\bc[\s-]?suite\b`), "executive"},
	{regexp.MustCompile(`(?i)\bday[\s-]+to[\s-]+day\b`), "daily"},
	{regexp.MustCompile(`(?i)\bpost[\s-]?mortems?\b`), "postmortem"},
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
	for _, p := range phrases {
		text = p.re.ReplaceAllString(text, "$0 "+p.token)
	}
	return text
}

// replacePhrases swaps each phrase for its token, for questions: one idea,
// one term, so a two-word phrase does not count twice.
func replacePhrases(text string) string {
	for _, p := range phrases {
		text = p.re.ReplaceAllString(text, " "+p.token+" ")
	}
	return text
}
