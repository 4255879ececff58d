package question

import (
	"maps"
	"regexp"
	"slices"
	"strings"
)

// SettingEnd returns the byte offset where the setting a sentence opens
// with ends, or 0 when it opens with none. A setting is told before a
// dash, a colon, a comma, an ellipsis or "so", asks nothing, and sets the question
// asked after it, which names a role the guide describes: "my lattice
// reviews are due friday — are perf reviews a director's job?", "jira,
// confluence, 3 standups a day — where should a director's time go?".
// The setting ends at the last such end before the question opens ("how
// do I bulk-edit epics in jira, as a director?" opens with none).
func (r Reader) SettingEnd(sentence string) int {
	end := 0
	for _, loc := range settingEnds.FindAllStringIndex(sentence, -1) {
		setting := sentence[:loc[0]]
		before, after := Words(setting), Words(sentence[loc[1]:])
		if len(before) == 0 || questionOpeners[before[0]] || strings.Contains(setting, "?") {
			break
		}
		if r.namesDescribed(after) {
			end = loc[1]
		}
		if len(after) > 0 && questionOpeners[after[0]] {
			break
		}
	}
	return end
}

// namesDescribed reports whether the words name a role the guide
// describes.
func (r Reader) namesDescribed(words []string) bool {
	return slices.ContainsFunc(r.Cast.Mentions(words), func(m Mention) bool { return r.Described[m.Role] })
}

// settingEnds may end a setting: a dash between spaces or an em dash, a
// colon or a comma before a space, an ellipsis, or "so".
var settingEnds = regexp.MustCompile(`\s+(?:-{1,3}|–)\s+|\s*—\s*|:\s+|,\s+|\.{2,}\s*|…\s*|\s+so\s+`)

// questionOpeners are the words a question opens with.
var questionOpeners = union(questionWords, askingVerbs, SetOf("whats whom whose where shall am any anyone isn aren doesn don"))

// union returns the words of all the sets.
func union(sets ...Set) Set {
	out := Set{}
	for _, s := range sets {
		maps.Copy(out, s)
	}
	return out
}
