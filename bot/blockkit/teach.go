package blockkit

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// Actions of the teaching on the admins' Home tab.
const (
	// ActionTeach is the menu of sections beside a group of questions;
	// its block_id is TeachBlock and the group's key, its option's value
	// a section's ID after sectionValue, or noneValue.
	ActionTeach = "teach"
	// ActionUnteach is the Undo button of a lesson; its value is the
	// lesson's ID, its block_id LessonBlock and the place in the list
	// of the first lesson listed.
	ActionUnteach = "unteach"
	// ActionLessons are the buttons that list later or earlier lessons;
	// the value is the place of the first lesson to list.
	ActionLessons = "lessons"
)

// LessonBlock starts the block_id of a lesson's line, before the place
// of the first lesson listed, a slash and the lesson's ID.
const LessonBlock = "lesson/"

// LearningBlock is the block_id of the line saying that a lesson taught
// or undone is saved but not yet in use (Teaching.Learning).
const LearningBlock = "learning"

// TeachBlock starts the block_id of a group's menu, before its key.
const TeachBlock = "teach/"

// Values of the teaching menu's options: a section's ID after
// sectionValue, or noneValue for "the guide should not answer".
const (
	sectionValue = "section:"
	noneValue    = "none"
)

// TeachGroups is how many groups of questions the Home offers to teach.
const TeachGroups = 5

// Limits of the teaching: sections named first in each menu, lessons
// listed, and options in a menu, per
// https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element
// (at most 100 options).
const (
	teachClosest = 3
	teachLessons = 5
	maxOptions   = 100
	maxOption    = 75
	maxOptionID  = 150 - len(sectionValue)
)

// Teachable is a group of questions an admin may teach on the Home tab:
// the report's unanswered questions, unsure answers, answers marked 👎 or
// refused questions that share topic words, those not yet taught.
type Teachable struct {
	// Key names the group in its menu's block_id (TeachBlock), so that a
	// choice finds its questions again.
	Key   string
	Words []string
	Asked int
	// Questions are the group's questions not taught yet.
	Questions []string
	// Closest are the IDs of the sections the search finds closest to
	// the first question, best first.
	Closest []string
}

// Lesson is one choice an admin made, as the Home tab lists it with its
// one Undo button: the questions of a group taught a section together,
// each kept as a lesson of its own.
type Lesson struct {
	// IDs are the lessons kept, one a question, in Questions' order.
	IDs       []int64
	Questions []string
	// Section is the ID of the section taught; "" for none.
	Section string
}

// Teaching is what the admins' Home offers to teach, and the lessons
// taught, the latest first.
type Teaching struct {
	// Groups are the groups to teach the Home offers first; it shows up to
	// TeachGroups of them, and each one taught makes room for the next.
	Groups []Teachable
	// Left counts the groups left to teach past Groups.
	Left    int
	Lessons []Lesson
	// Taught are the questions the lessons in use answer: the report above
	// marks them taught.
	Taught map[string]bool
	// From is the place in Lessons of the first listed: the Home lists a
	// few at a time, with buttons for the earlier and later ones.
	From int
	// Notice says what became of the admin's last choice, when it taught
	// nothing or not yet; Warning, that the guide serving does not hold
	// the latest lessons; Done, what it did. All are plain text; "" for
	// none.
	Notice, Warning, Done string
	// Learning says that a lesson taught or undone, by this admin or
	// another, is saved and the guide is still learning it: the bot
	// publishes the Home again once it has.
	Learning bool
}

// learningNotice is the line a Home says it with.
const learningNotice = "⏳ The guide is still learning the latest lesson, which is saved (a large guide takes a while to index again): answers use it, and this Home updates, once it has."

// StillLearning reports whether a Home says the guide is still learning
// a lesson, so that another Home follows once it has.
func StillLearning(m Message) bool {
	return slices.ContainsFunc(m.Blocks, func(b slack.Block) bool { return b.ID() == LearningBlock })
}

// TeachChoice reads a choice in a teaching menu: the group's key, and the
// section's ID ("" when the guide should not answer). ok is false for
// what no menu of ours sends.
func TeachChoice(blockID, value string) (key, section string, ok bool) {
	key, found := TeachKey(blockID)
	if !found {
		return "", "", false
	}
	if value == noneValue {
		return key, "", true
	}
	section, found = strings.CutPrefix(value, sectionValue)
	return key, section, found && section != ""
}

// TeachKey reads the key of the group whose menu's block_id is blockID.
func TeachKey(blockID string) (string, bool) {
	key, found := strings.CutPrefix(blockID, TeachBlock)
	return key, found && key != ""
}

// UnteachChoice reads a click on a lesson's Undo button: the IDs of the
// lessons it undoes, and the place of the first lesson listed beside it.
func UnteachChoice(blockID, value string) (ids []int64, from int, ok bool) {
	for _, field := range strings.Split(value, ",") {
		id, err := strconv.ParseInt(field, 10, 64)
		if err != nil || id <= 0 {
			return nil, 0, false
		}
		ids = append(ids, id)
	}
	from, _ = LessonsFrom(strings.Split(strings.TrimPrefix(blockID, LessonBlock), "/")[0])
	return ids, from, true
}

// LessonsFrom reads the value of a button that lists other lessons: the
// place of the first to list.
func LessonsFrom(value string) (int, bool) {
	from, err := strconv.Atoi(value)
	return max(from, 0), err == nil && from >= 0
}

// teachBlocks are the teaching part of the admins' Home: a menu of
// sections beside each group, then the lessons taught lately with their
// Undo buttons; none when there is nothing to teach or undo.
func teachBlocks(g *content.Guide, t Teaching, title func(id string) string, typed bool) []slack.Block {
	if len(t.Groups) == 0 && len(t.Lessons) == 0 && t.Notice == "" && t.Warning == "" && t.Done == "" && !t.Learning {
		return nil
	}
	blocks := []slack.Block{
		section("*Teach the guide*\nPick the section that answers each group of questions, or that the guide should not answer them. The search learns it at once: these questions get the section you pick, and questions worded like them lean towards it, among everything else the guide has learned."),
	}
	for _, note := range []string{t.Warning, t.Notice} {
		if note != "" {
			blocks = append(blocks, contextLine(truncateEscaped("⚠️ "+escape(note), maxSectionText)))
		}
	}
	if t.Done != "" {
		blocks = append(blocks, contextLine(truncateEscaped("✅ "+escape(t.Done), maxSectionText)))
	}
	if t.Learning {
		line := contextLine(learningNotice).(*slack.ContextBlock)
		line.BlockID = LearningBlock
		blocks = append(blocks, line)
	}
	shown := t.Groups[:min(TeachGroups, len(t.Groups))]
	for _, grp := range shown {
		blocks = append(blocks, teachGroup(g, grp, typed))
	}
	switch all := len(t.Groups) + t.Left; {
	case all == 0:
		blocks = append(blocks, contextLine("_Nothing left to teach in this window._"))
	case all > len(shown):
		blocks = append(blocks, contextLine(fmt.Sprintf("_%d of the %d groups left to teach: each one taught makes room for the next._", len(shown), all)))
	}
	return append(blocks, lessonBlocks(t, title)...)
}

// lessonBlocks list a few of the lessons, from t.From, each with its Undo
// button, and buttons for the later and earlier ones.
func lessonBlocks(t Teaching, title func(id string) string) []slack.Block {
	n := len(t.Lessons)
	if n == 0 {
		return nil
	}
	from := lessonsPage(t.From, n)
	to := min(from+teachLessons, n)
	head := "*Taught lately*"
	if n > teachLessons {
		head = fmt.Sprintf("*Lessons taught*: %d–%d of %d, the latest first", from+1, to, n)
		if to == from+1 {
			// Alone on the last page, it is the earliest.
			head = fmt.Sprintf("*Lesson %d of %d*, the earliest taught", to, n)
		}
	}
	blocks := []slack.Block{section(head)}
	for _, l := range t.Lessons[from:to] {
		answer := "_not for the guide_"
		if l.Section != "" {
			answer = title(l.Section)
		}
		ids := make([]string, len(l.IDs))
		for i, id := range l.IDs {
			ids[i] = strconv.FormatInt(id, 10)
		}
		quoted := make([]string, len(l.Questions))
		for i, q := range l.Questions {
			quoted[i] = quote(q)
		}
		undo := button(ActionUnteach, "Undo", strings.Join(ids, ","))
		blockID := fmt.Sprintf("%s%d/%s", LessonBlock, from, ids[0])
		blocks = append(blocks, slack.NewSectionBlock(markdown(truncateEscaped(strings.Join(quoted, ", ")+" → "+answer, maxSectionText)), nil, slack.NewAccessory(undo), slack.SectionBlockOptionBlockID(blockID)))
	}
	var later, earlier *slack.ButtonBlockElement
	if from > 0 {
		later = button(ActionLessons, "‹ Later", strconv.Itoa(max(from-teachLessons, 0)))
	}
	if to < n {
		earlier = button(ActionLessons, "Earlier ›", strconv.Itoa(to))
	}
	if nav := actionsBlock("lessons", later, earlier); nav != nil {
		blocks = append(blocks, nav)
	}
	return blocks
}

// lessonsPage is where a list of n lessons that should start at from
// starts: the last page when from is past the end (the lessons listed
// there were undone).
func lessonsPage(from, n int) int {
	if from >= n {
		from = (n - 1) / teachLessons * teachLessons
	}
	return max(from, 0)
}

// teachGroup is one group's line, with its menu of sections.
func teachGroup(g *content.Guide, grp Teachable, typed bool) slack.Block {
	words := "_no topic words_"
	if len(grp.Words) > 0 {
		words = "*" + escape(strings.Join(grp.Words, " ")) + "*"
	}
	quoted := make([]string, len(grp.Questions))
	for i, q := range grp.Questions {
		quoted[i] = quote(q)
	}
	text := truncateEscaped(fmt.Sprintf("%d× %s: %s", grp.Asked, words, strings.Join(quoted, ", ")), maxSectionText)
	return slack.NewSectionBlock(markdown(text), nil, slack.NewAccessory(teachMenu(g, grp.Closest, typed)), slack.SectionBlockOptionBlockID(TeachBlock+grp.Key))
}

// teachMenu is a group's menu of sections: of static options when every
// section fits in one (Slack takes 100 options) and the menu need not be
// typed in (the Home's size, AdminHome), else of options the bot suggests
// as the admin types (TeachSuggestions), the closest first.
func teachMenu(g *content.Guide, closest []string, typed bool) *slack.SelectBlockElement {
	if !typed && len(g.Sections())+1 <= maxOptions {
		return slack.NewOptionsGroupSelectBlockElement(slack.OptTypeStatic, plain("Answered by…"), ActionTeach, menuGroups(g, closest, "")...)
	}
	menu := slack.NewOptionsGroupSelectBlockElement(slack.OptTypeExternal, plain("Answered by… (type to find)"), ActionTeach)
	// Slack asks for options once 3 letters are typed unless told
	// otherwise: the closest come as the menu opens.
	opens := 0
	menu.MinQueryLength = &opens
	return menu
}

// Suggestions are the options of a teaching menu that the bot suggests
// as an admin types: the payload of the ack of Slack's block_suggestion.
// The zero value suggests none.
type Suggestions struct {
	OptionGroups []*slack.OptionGroupBlockObject `json:"option_groups"`
}

// MarshalJSON writes no groups as Slack's reply of no results: an empty
// list of options.
func (s Suggestions) MarshalJSON() ([]byte, error) {
	if len(s.OptionGroups) == 0 {
		return []byte(`{"options":[]}`), nil
	}
	type plain Suggestions
	return json.Marshal(plain(s))
}

// TeachSuggestions are the options a teaching menu offers once query is
// typed in it: the sections whose titles match it, as menuGroups lists
// them, and "none" when the query is empty or names it. They travel in
// an ack, which may not grow to limit bytes: as many as fit are offered,
// the guide's order cut short first (typing narrows it).
func TeachSuggestions(g *content.Guide, closest []string, query string, limit int) Suggestions {
	groups := menuGroups(g, closest, query)
	n := 0
	for _, grp := range groups {
		n += len(grp.Options)
	}
	// The most options, in their order, whose JSON is under limit.
	kept := sort.Search(n, func(k int) bool {
		raw, err := json.Marshal(Suggestions{OptionGroups: firstOptions(groups, k+1)})
		return err != nil || len(raw) >= limit
	})
	return Suggestions{OptionGroups: firstOptions(groups, kept)}
}

// firstOptions are the groups holding only their first k options in all,
// without the groups left empty.
func firstOptions(groups []*slack.OptionGroupBlockObject, k int) []*slack.OptionGroupBlockObject {
	var out []*slack.OptionGroupBlockObject
	for _, grp := range groups {
		if k <= 0 {
			break
		}
		cut := *grp
		m := min(k, len(grp.Options))
		cut.Options = grp.Options[:m:m]
		k -= len(cut.Options)
		out = append(out, &cut)
	}
	return out
}

// menuGroups are a teaching menu's options: the closest sections, the
// guide should not answer, then every other section in the guide's
// order, as many as Slack allows; only those query matches, when it is
// not "".
func menuGroups(g *content.Guide, closest []string, query string) []*slack.OptionGroupBlockObject {
	words := wordsOf(query)
	left := maxOptions
	named := map[string]bool{}
	var first, rest []*slack.OptionBlockObject
	for _, id := range closest {
		if s, ok := g.Section(id); ok && len(id) <= maxOptionID && len(first) < teachClosest && titleMatches(s, words) {
			first = append(first, sectionOption(s))
			named[id] = true
			left--
		}
	}
	const noneText = "Not for the guide to answer"
	var none []*slack.OptionBlockObject
	if len(words) == 0 || matches(noneText+" none", words) {
		none = append(none, slack.NewOptionBlockObject(noneValue, plain(noneText), nil))
		left--
	}
	for _, s := range g.Sections() {
		if left == 0 {
			break
		}
		if !named[s.ID] && len(s.ID) <= maxOptionID && titleMatches(s, words) {
			rest = append(rest, sectionOption(s))
			left--
		}
	}
	groups := []*slack.OptionGroupBlockObject{}
	for _, grp := range []struct {
		label   string
		options []*slack.OptionBlockObject
	}{{"Closest", first}, {"None", none}, {"Every section", rest}} {
		if len(grp.options) > 0 {
			groups = append(groups, slack.NewOptionGroupBlockElement(plain(grp.label), grp.options...))
		}
	}
	return groups
}

// titleMatches reports whether each of words begins a word of a
// section's title, or of the title of the section it is in.
func titleMatches(s *content.Section, words []string) bool {
	title := s.Title
	if s.Parent != nil {
		title += " " + s.Parent.Title
	}
	return matches(title, words)
}

// matches reports whether each of words begins a word of text.
func matches(text string, words []string) bool {
	have := wordsOf(text)
	for _, w := range words {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// sectionOption is a section as a menu's option: its title, and the
// title of the section it is in as the option's description, which tells
// apart sections of one title.
func sectionOption(s *content.Section) *slack.OptionBlockObject {
	var in *slack.TextBlockObject
	if s.Parent != nil {
		in = plain(truncateEscaped(escape("in "+s.Parent.Title), maxOption))
	}
	return slack.NewOptionBlockObject(sectionValue+s.ID, plain(truncateEscaped(escape(s.Title), maxOption)), in)
}

// wordsOf are the words of text, lower-cased, as a menu's typeahead
// matches them.
func wordsOf(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
