package question

import (
	"regexp"
	"strings"
)

// StoryLength returns the length of the setting a question opens with,
// told before a dash, a colon, a comma or "so", or 0. The setting asks
// nothing and sets the question, which is asked after it: either the
// asker tells of themselves ("I", "my", "our") and the question then
// opens as one does ("my lattice reviews are due friday — are perf
// reviews a director's job?"), or the question names a role the guide
// describes ("jira, confluence, 3 standups a day — where should a
// director's time go?"). Of several such ends, the setting runs to the
// last.
func (c Cast) StoryLength(sentence string) int {
	story := 0
	for _, loc := range storyEnds.FindAllStringIndex(sentence, -1) {
		told := sentence[:loc[0]]
		before, after := Words(told), Words(sentence[loc[1]:])
		if len(before) == 0 || questionOpeners[before[0]] || strings.Contains(told, "?") {
			break
		}
		if len(after) > 0 && (questionOpeners[after[0]] && firstPerson.Any(before) || len(c.Mentions(after)) > 0) {
			story = loc[1]
		}
	}
	return story
}

// storyEnds may end a setting: a dash between spaces or an em dash, a
// colon or a comma before a space, or "so".
var storyEnds = regexp.MustCompile(`\s+(?:-{1,2}|–)\s+|\s*—\s*|:\s+|,\s+|\s+so\s+`)

var (
	// questionOpeners are the words a question opens with.
	questionOpeners = SetOf("how what whats who whom whose why when where which should shall is are am was were " +
		"do does did can could would will may might must any anyone isn aren doesn don")
	// firstPerson are the words with which askers tell of themselves.
	firstPerson = SetOf("i me my mine we us our ours im")
)
