package blockkit

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// answer is what was found for a question, ready to render.
type answer struct {
	hit index.Hit
	// related are other topics worth offering as buttons.
	related []*content.Section
	// private is true for an answer only the asker sees; it gets a "Share
	// in channel" button.
	private bool
	// fullTable asks for table tableIndex of hit.Section in full, as after
	// a click on a table button, from its row tableFrom on.
	fullTable  bool
	tableIndex int
	tableFrom  int
	// from is the body unit the message starts at: 0 for an answer, more
	// for the messages that continue it ("Continue reading").
	from int
	// sharedBy is the user who shared the answer in a channel, or "".
	sharedBy string
	// unsure tells that the section is the closest the guide has to the
	// question, which it may not answer (index.Result.Unsure).
	unsure bool
	// undefined is the term the question asks the meaning of, which the
	// guide never says (index.Result.Undefined), or "".
	undefined string
	// parts answer the other questions the message asked
	// (index.Result.Others); unanswered are those a rule refused.
	parts      []index.Part
	unanswered []unansweredPart
}

// Bounds on the parts of an answer above its body, so that the body and
// the table always keep room within maxBlocksText.
const (
	maxBreadcrumb = 500
	maxDirectText = 1000
	maxDirectRows = 5
	maxRowLine    = 300
)

// Labels and notes of an answer, fixed so that their room can be kept.
const (
	moreLabel     = "Continue reading"
	moreNote      = "_Continued in the next message: press *Continue reading*._"
	moreRowsLabel = "More rows"
	continued     = " (continued)"
	hereTable     = "_See the table below._"
	unsureNote    = "_The guide may not answer this exactly: this is the closest it has._"
	// unsureFallback opens the notification text of such an answer.
	unsureFallback = "Closest match: "
	captionLimit   = 400
)

// renderAnswer lays out an answer in the order Slack draws it, which puts
// a table at the bottom of a message whatever its place among the blocks:
//
//	header        the section's title
//	context       the breadcrumb (and who shared it)
//	context       a note when the section is only the closest the guide
//	              has to the question
//	section       the direct answer: the passage or the matching table
//	              rows, quoted, when the question was about them
//	sections      the section and its subsections, for context
//	context       a note when the text goes on in a next message
//	actions       Continue reading, Full table, other tables, related
//	              topics, Share in channel
//	context_actions  👍/👎 (feedback_buttons)
//	context       the table's caption
//	table         one table: the matching rows, the one asked for, or the
//	              first
//
// Everything keeps within Slack's limits for any guide: 50 blocks, 12,000
// characters of text across the blocks, one table of at most 10,000
// characters; text that does not fit goes behind Continue reading.
func renderAnswer(a answer) Message {
	s := a.hit.Section
	units := bodyUnits(s)
	from := max(0, min(a.from, len(units)))
	var view *tableView
	var others []tableRef
	if from == 0 {
		view, others = chooseTable(a, units)
	} else {
		others = tablesIn(units)
	}

	top := []slack.Block{titleHeader(s.Title, from > 0), contextLine(breadcrumb(s))}
	if a.sharedBy != "" {
		top = append(top, contextLine("Shared by "+userMention(a.sharedBy)))
	}
	directPlain := ""
	if from == 0 {
		switch {
		case a.undefined != "":
			top = append(top, contextLine(undefinedNote(a.undefined)))
		case a.unsure:
			top = append(top, contextLine(unsureNote))
		}
		if e := a.hit.Elsewhere; e != nil {
			top = append(top, contextLine(escape(elsewhereNote(e))))
		}
		var direct string
		direct, directPlain = directAnswer(a.hit, view)
		// A second statement follows the first, or stands alone where the
		// section itself answers as a whole.
		also, alsoPlain := alsoLine(a.hit.Also, direct != "")
		switch {
		case also == "":
		case direct != "":
			direct += "\n" + also
		default:
			direct, directPlain = also, alsoPlain
		}
		if direct != "" {
			top = append(top, section(direct))
		}
	}
	// The message's other questions are answered after the first's
	// section, before its buttons.
	var alsoAsked []slack.Block
	if from == 0 {
		alsoAsked = partBlocks(a.parts, a.unanswered)
	}

	buttons := answerButtons(a, view, others)
	fb := feedback(s.ID)
	// The room kept for what may still be added: the Continue reading
	// button and its note, and the More rows button.
	fixed := blocksTextLen(top) + blocksTextLen(alsoAsked) + buttonsLen(buttons) + textLen(fb) + runeLen(moreLabel) + runeLen(moreNote) + runeLen(moreRowsLabel)

	// An answer that opens with rows of a table leaves out the stubs of
	// the section's other tables: their buttons offer them.
	var offered map[string]bool
	if directPlain != "" && view != nil && view.partial {
		offered = tableButtons(buttons)
	}
	texts := unitTexts(units, view, offered)
	var tail []slack.Block
	if view != nil {
		// The table gets what the text above it leaves, keeping room for
		// the first unit of the body.
		keep := 0
		for _, t := range texts[from:] {
			keep = min(maxSectionText, keep+runeLen(t)+2)
		}
		tb, note, shown := tableBlock(*view, maxBlocksText-fixed-captionLimit-keep)
		tail = []slack.Block{contextLine(tableCaption(*view, note)), tb}
		// A whole table longer than a message holds goes on a page at a
		// time: its button goes first, in the place of the last other
		// table's when the actions block is full.
		if !view.partial && shown < len(view.rows) {
			if len(buttons) >= maxActions-1 {
				buttons = dropLastTable(buttons)
			}
			buttons = append([]*slack.ButtonBlockElement{button(ActionFullTable, moreRowsLabel, tablePageValue(view.ref.section.ID, view.ref.index, view.rows[shown]))}, buttons...)
		}
	}

	blockRoom := maxBlocks - len(top) - len(alsoAsked) - len(tail) - 3 // actions, feedback, note
	textRoom := maxBlocksText - fixed - blocksTextLen(tail)
	body, next := packBody(texts, from, blockRoom, textRoom)

	blocks := append(top, body...)
	if next < len(units) {
		// The note goes with the text it continues, before the other
		// questions' answers.
		blocks = append(blocks, contextLine(moreNote))
		buttons = append([]*slack.ButtonBlockElement{button(ActionMore, moreLabel, moreValue(s.ID, next))}, buttons...)
	}
	blocks = append(blocks, alsoAsked...)
	if act := actionsBlock(a.actionsID(), buttons...); act != nil {
		blocks = append(blocks, act)
	}
	blocks = append(blocks, fb)
	blocks = append(blocks, tail...)
	text := fallback(s, directPlain, from > 0, from == 0 && (a.unsure || a.undefined != ""))
	if e := a.hit.Elsewhere; e != nil && from == 0 {
		// Told in the notification too, which is also how a follow-up
		// knows this answer from the same section's for its own role.
		text = truncateEscaped("About "+escape(theRoles(e.About))+": "+text, maxFallbackText)
	}
	return Message{Text: text, Blocks: blocks}
}

// SharedActions is the block_id of a shared answer's buttons. The answer
// went out through a response_url, so it may stand where the bot is no
// member and cannot post: a click on one of them is answered through the
// click's response_url.
const SharedActions = "shared"

// actionsID is the block_id of the answer's buttons.
func (a answer) actionsID() string {
	if a.sharedBy != "" {
		return SharedActions
	}
	return ""
}

// breadcrumb is where section s sits in the guide, as an answer shows it
// under its title: "Director › Transition to VP › Timeline", escaped.
func breadcrumb(s *content.Section) string {
	return truncateEscaped(escape(strings.Join(s.Breadcrumb(), " › ")), maxBreadcrumb)
}

// titleHeader is the header of an answer, or of a message continuing one.
func titleHeader(title string, cont bool) slack.Block {
	if !cont {
		return header(title)
	}
	return slack.NewHeaderBlock(plain(truncateEscaped(escape(title), maxHeader-runeLen(continued)) + continued))
}

// userID matches the user IDs Slack sends.
var userID = regexp.MustCompile(`^[UW][A-Z0-9]{1,30}$`)

// IsUserID reports whether id is a Slack user ID, such as ADMIN_USERS and
// forget take, and a mention shows.
func IsUserID(id string) bool { return userID.MatchString(id) }

// userMention mentions a user by ID; anything that is not a user ID is
// shown as text.
func userMention(id string) string {
	if IsUserID(id) {
		return "<@" + id + ">"
	}
	return escape(truncate(id, 40))
}

// directAnswer is the part of a section that answers the question, shown
// quoted before the section: the passage, or the matching table rows,
// each as its first cell in bold and the others with their column names.
// plain is the same text for the notification. Both are empty when the
// question was about the whole section; the quote is left out when the
// section shows the passage near its top anyway (shownNearTop), unless
// the guide states the fact elsewhere too (Hit.Also), which is quoted
// after it.
func directAnswer(hit index.Hit, view *tableView) (mrkdwnText, plain string) {
	s := hit.Section
	switch {
	case hit.Passage != nil:
		p := hit.Passage
		plain = truncateEscaped(escape(strings.Join(strings.Fields(p.Text), " ")), maxFallbackText)
		if hit.Also == nil && shownNearTop(s, *p) {
			return "", plain
		}
		return "> " + truncateEscaped(passageText(s, *p), maxDirectText), plain
	case view != nil && view.partial:
		t := view.ref.table()
		var lines, plains []string
		for i, r := range view.rows {
			if i == maxDirectRows {
				more := len(view.rows) - i
				lines = append(lines, fmt.Sprintf("_…and %d more matching %s._", more, inflect(more, "row", "rows")))
				break
			}
			line, pl := rowLine(t, t.Rows[r])
			lines = append(lines, "> "+line)
			plains = append(plains, pl)
		}
		return strings.Join(lines, "\n"), truncateEscaped(strings.Join(plains, "; "), maxFallbackText)
	}
	return "", ""
}

// nearTop is how far into a section's text a passage may start and still
// be seen at once, without a quote of it above: a few lines.
const nearTop = 400

// nearSentence is how far into a section's text a sentence within a
// paragraph may start and still be seen at once: two lines or so, where
// the eye finds it without a quote ("As a Director, you shift … Your
// primary focus is on cross-team strategy …").
const nearSentence = 200

// shownNearTop reports whether the section shows the passage as it would
// be quoted, near its top: its first sentence, a paragraph or an example
// of one sentence after a few lines of text ("Example: Before proposing a
// major infrastructure investment, …" after three bullets), or a sentence
// of a paragraph within its first two lines, whose quote would say it
// twice on one screen. A list item is quoted however near: the quote
// tells which of the list answers.
func shownNearTop(s *content.Section, p index.Passage) bool {
	if p.Block == 0 && p.Item == 0 {
		return true
	}
	blocks := s.Blocks()
	if blocks[p.Block].Kind == content.List {
		return false
	}
	before := 0
	for _, b := range blocks[:p.Block] {
		if b.Kind == content.TableBlock {
			return false
		}
		before += runeLen(b.Plain())
	}
	if _, more := index.PassageAt(s, p.Block, 1); !more {
		return before < nearTop
	}
	for i := range p.Item {
		q, _ := index.PassageAt(s, p.Block, i)
		before += runeLen(q.Text)
	}
	return before < nearSentence
}

// passageText is a passage as mrkdwn on one line: a list item keeps its
// markup.
func passageText(s *content.Section, p index.Passage) string {
	text := escape(p.Text)
	if blocks := s.Blocks(); p.Block < len(blocks) && blocks[p.Block].Kind == content.List && p.Item < len(blocks[p.Block].Items) {
		text = mrkdwn(blocks[p.Block].Items[p.Item])
	}
	return strings.Join(strings.Fields(text), " ")
}

// alsoLine quotes where else the guide states the fact a question asks
// for, after the direct answer: "> _Also in_ *Typical Scope*: Org size:
// 30-100+ engineers", or without one: "> _In_ *Typical Scope*: …"; plain
// is the same without markup, for the notification. Both are "" when the
// guide states the fact once.
func alsoLine(also *index.Hit, after bool) (mrkdwnText, plain string) {
	if also == nil {
		return "", ""
	}
	var text string
	switch {
	case also.Passage != nil:
		text = passageText(also.Section, *also.Passage)
		plain = escape(strings.Join(strings.Fields(also.Passage.Text), " "))
	case len(also.Rows) > 0:
		r := also.Rows[0]
		t := also.Section.Tables()[r.Table]
		text, plain = rowLine(t, t.Rows[r.Row])
	default:
		return "", ""
	}
	title := strings.ReplaceAll(escape(strings.Join(strings.Fields(also.Section.Title), " ")), "*", "")
	lead := "_In_"
	if after {
		lead = "_Also in_"
	}
	return "> " + lead + " *" + truncateEscaped(title, maxRowLine) + "*: " + truncateEscaped(text, maxDirectText),
		truncateEscaped(title+": "+plain, maxFallbackText)
}

// rowLine reads a table row as a line, such as
// "*Reports to* — Director: VP or Senior Director · VP: CTO, CEO, or Board",
// or "Title: VP of Product · Max: $340,000" for a row whose first cell is
// empty, and the same without markup.
func rowLine(t *content.Table, row []content.Inline) (mrkdwnText, plain string) {
	cell := func(i int) string {
		if i < len(row) {
			return strings.Join(strings.Fields(row[i].Plain()), " ")
		}
		return ""
	}
	var parts []string
	for i := 1; i < len(t.Header) && i < maxTableCells; i++ {
		text := cell(i)
		if text == "" {
			text = emptyCell
		}
		if name := strings.Join(strings.Fields(t.Header[i].Plain()), " "); name != "" {
			text = name + ": " + text
		}
		parts = append(parts, text)
	}
	first := cell(0)
	rest := escape(strings.Join(parts, " · "))
	if first == "" && rest != "" {
		// A row with no name is its other cells: no "— —".
		return truncateEscaped(rest, maxRowLine), rest
	}
	if first == "" {
		first = emptyCell
	}
	plain = escape(first)
	if rest != "" {
		plain += " — " + rest
	}
	line := "*" + strings.ReplaceAll(escape(first), "*", "") + "*"
	if rest != "" {
		line += " — " + rest
	}
	return truncateEscaped(line, maxRowLine), plain
}

// tableCaption names the table shown at the bottom of the message, and
// says what of it is left out.
func tableCaption(v tableView, note string) string {
	c := "Table: *" + strings.ReplaceAll(truncateEscaped(escape(v.ref.section.Title), 150), "*", "") + "*"
	if v.partial {
		c += fmt.Sprintf(" · the matching %s of %d — *Full table* shows all", plural(len(v.rows), "row", "rows"), len(v.ref.table().Rows))
	}
	if note != "" {
		c += " · _" + note + "_"
	}
	return truncateEscaped(c, captionLimit)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return strconv.Itoa(n) + " " + many
}

// unitTexts returns the mrkdwn of each body unit; a table's place says
// where it is shown: at the bottom, or behind its button. A subsection
// that opens with a table says so on one line with its title: "*Activity
// Time Comparison*: a table of 7 rows, shown by its button below". A
// table whose button is offered (by its value) says nothing, but for its
// subsection's title when text of the subsection follows: "" leaves its
// unit out.
func unitTexts(units []chunk, view *tableView, offered map[string]bool) []string {
	out := make([]string, len(units))
	for i, u := range units {
		switch {
		case u.table == nil:
			out[i] = u.text
		case view != nil && *u.table == view.ref:
			out[i] = strings.TrimPrefix(u.title+"\n\n"+hereTable, "\n\n")
		case offered[tableValue(u.table.section.ID, u.table.index)]:
			if i+1 < len(units) && units[i+1].table == nil && !units[i+1].heading {
				out[i] = u.title
			}
		case u.title != "":
			rows := len(u.table.table().Rows)
			out[i] = fmt.Sprintf("%s: a table of %d %s, shown by its button below.", u.title, rows, inflect(rows, "row", "rows"))
		default:
			out[i] = "_Table: see the “Table: " + escape(u.table.section.Title) + "” button below._"
		}
	}
	return out
}

// packBody joins body texts from unit from on into section blocks, as
// many as fit in blockRoom blocks and textRoom characters; next is the
// first unit left out (len(texts) when none is).
func packBody(texts []string, from, blockRoom, textRoom int) (blocks []slack.Block, next int) {
	var out []string
	cur, curLen, used := "", 0, 0
	next = from
	for ; next < len(texts); next++ {
		t := texts[next]
		if t == "" {
			continue
		}
		n := runeLen(t)
		if cur != "" && curLen+2+n <= maxSectionText {
			if used+2+n > textRoom {
				break
			}
			cur, curLen, used = cur+"\n\n"+t, curLen+2+n, used+2+n
			continue
		}
		count := len(out) + 1
		if cur != "" {
			count++
		}
		if count > blockRoom || used+n > textRoom {
			break
		}
		if cur != "" {
			out = append(out, cur)
		}
		cur, curLen, used = t, n, used+n
	}
	if cur != "" {
		out = append(out, cur)
	}
	for _, t := range out {
		blocks = append(blocks, section(t))
	}
	return blocks, next
}

// chooseTable picks the one table a message may hold: the one asked for,
// else the one whose rows matched (showing just those rows), else the
// first. The others are offered as buttons.
func chooseTable(a answer, units []chunk) (*tableView, []tableRef) {
	refs := tablesIn(units)
	if len(refs) == 0 {
		return nil, nil
	}
	pick := func(match func(tableRef) bool) int {
		for i, r := range refs {
			if match(r) {
				return i
			}
		}
		return -1
	}
	chosen := 0
	var view tableView
	switch {
	case a.fullTable:
		if i := pick(func(r tableRef) bool { return r.section == a.hit.Section && r.index == a.tableIndex }); i >= 0 {
			chosen = i
			view.rows = allRows(refs[i].table())[min(a.tableFrom, len(refs[i].table().Rows)):]
		}
	case len(a.hit.Rows) > 0:
		if i := pick(func(r tableRef) bool { return r.section == a.hit.Section && r.index == a.hit.Rows[0].Table }); i >= 0 {
			chosen = i
			for _, r := range a.hit.Rows {
				if r.Table == refs[i].index && r.Row < len(refs[i].table().Rows) {
					view.rows = append(view.rows, r.Row)
				}
			}
		}
	}
	view.ref = refs[chosen]
	switch {
	case view.rows == nil || len(view.rows) == len(view.ref.table().Rows):
		view.rows = allRows(view.ref.table())
	case !a.fullTable:
		view.partial = true
	}
	others := append(append([]tableRef{}, refs[:chosen]...), refs[chosen+1:]...)
	return &view, others
}

// tablesIn returns the tables among body units, in order.
func tablesIn(units []chunk) []tableRef {
	var refs []tableRef
	for _, u := range units {
		if u.table != nil {
			refs = append(refs, *u.table)
		}
	}
	return refs
}

// answerButtons are the buttons of an answer but Continue reading: Full
// table, the other tables, related topics and Share in channel, leaving
// room for Continue reading. Tables go first when there are too many.
func answerButtons(a answer, view *tableView, others []tableRef) []*slack.ButtonBlockElement {
	var head, topics, tail []*slack.ButtonBlockElement
	if view != nil && view.partial {
		head = append(head, button(ActionFullTable, "Full table", tableValue(view.ref.section.ID, view.ref.index)))
	}
	topics = topicButtons(a.related, maxPageTopics)
	if a.private {
		tail = append(tail, button(ActionShare, "Share in channel", shareValue(a)))
	}
	room := maxActions - 1 - len(head) - len(topics) - len(tail)
	for _, r := range others {
		if room == 0 {
			break
		}
		head = append(head, button(ActionFullTable, "Table: "+r.section.Title, tableValue(r.section.ID, r.index)))
		room--
	}
	return slices.DeleteFunc(append(append(head, topics...), tail...), func(b *slack.ButtonBlockElement) bool { return b == nil })
}

// tableButtons returns the values of the buttons that open a table.
func tableButtons(buttons []*slack.ButtonBlockElement) map[string]bool {
	out := map[string]bool{}
	for _, b := range buttons {
		if b.ActionID == ActionFullTable {
			out[b.Value] = true
		}
	}
	return out
}

// dropLastTable returns the buttons without the last that opens another
// table (answerButtons), which leaves the most room to the others.
func dropLastTable(buttons []*slack.ButtonBlockElement) []*slack.ButtonBlockElement {
	for i := len(buttons) - 1; i >= 0; i-- {
		if buttons[i].ActionID == ActionFullTable {
			return slices.Delete(buttons, i, i+1)
		}
	}
	return buttons
}

func buttonsLen(buttons []*slack.ButtonBlockElement) int {
	n := 0
	for _, b := range buttons {
		n += textObjectLen(b.Text)
	}
	return n
}

// moreValue is the value of a Continue reading button: "section-id@unit".
func moreValue(section string, unit int) string {
	return section + "@" + strconv.Itoa(unit)
}

// parseMoreValue splits a moreValue.
func parseMoreValue(v string) (section string, unit int, ok bool) {
	at := strings.LastIndexByte(v, '@')
	if at < 0 {
		return "", 0, false
	}
	unit, err := strconv.Atoi(v[at+1:])
	return v[:at], unit, err == nil && unit > 0
}

// elsewhereNote says that the answer comes from another role's part of
// the guide than the one asked about: "You asked about the VP: this part
// of the guide is about the Director."
func elsewhereNote(e *index.Elsewhere) string {
	return "ℹ️ You asked about " + theRoles(e.Asked) + ": this part of the guide is about " + theRoles(e.About) + "."
}

// undefinedNote says that the guide never says what a term means
// (index.Result.Undefined), and that the answer is the closest it has.
func undefinedNote(term string) string {
	return "_The guide doesn't say what “" + escape(term) + "” means: this is the closest it has._"
}

// becomingReason tells why a question how to become a role finds no
// answer (index.Result.Becoming): "The guide describes becoming a VP; it
// doesn't say how to become a Director."
func becomingReason(e *index.Elsewhere) string {
	return "The guide describes becoming " + aRoles(e.About) + "; it doesn't say how to become " + aRoles(e.Asked) + "."
}

// aRoles names roles after their articles: "a VP or a CTO".
func aRoles(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = escape(aRole(n))
	}
	return strings.Join(out, " or ")
}

// aRole is a role's name after its article, by its sound: "a VP", "an
// Engineering Manager", and an initialism spelt out, "an SVP", "an EM".
func aRole(name string) string {
	first, _, _ := strings.Cut(name, " ")
	vowels := "AEIOUaeiou"
	if len(first) > 1 && strings.ToUpper(first) == first {
		vowels = "AEFHILMNORSX"
	}
	if name != "" && strings.ContainsRune(vowels, rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

// theRoles names roles in a sentence: "the VP", "the VP and the CTO".
func theRoles(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "the " + n
	}
	return strings.Join(out, " and ")
}

// fallback is the notification text: the title and the direct answer, or
// the first line of the answer's text (tables read badly in a
// notification), plain and short; an unsure answer's says so first.
func fallback(s *content.Section, direct string, cont, unsure bool) string {
	text := escape(s.Title)
	if unsure {
		text = unsureFallback + text
	}
	switch {
	case cont:
		text += continued
	case direct != "":
		text += ": " + direct
	default:
		if first := firstLine(s); first != "" {
			text += ": " + escape(first)
		}
	}
	return truncateEscaped(text, maxFallbackText)
}

// NotificationParts splits an answer's notification text (fallback) into
// what names it, up to its section's title, and each row or passage it
// opens with: "Comparison: Director vs VP: Reports to — …; Direct reports
// — …" holds the title and two rows. A text that opens with none is one
// part, and so is one of no section.
func NotificationParts(s *content.Section, text string) []string {
	if s == nil {
		return []string{text}
	}
	title := escape(s.Title) + ": "
	i := strings.Index(text, title)
	if i < 0 {
		return []string{text}
	}
	cut := i + len(title)
	return append([]string{text[:cut]}, strings.Split(text[cut:], "; ")...)
}

func firstLine(s *content.Section) string {
	for _, d := range append([]*content.Section{s}, s.Descendants()...) {
		if line := firstOwnLine(d); line != "" {
			return line
		}
	}
	return ""
}

// firstOwnLine is the first line of a section's own text, tables left out.
func firstOwnLine(s *content.Section) string {
	for _, b := range s.Blocks() {
		if b.Kind == content.TableBlock {
			continue
		}
		if line, _, _ := strings.Cut(strings.TrimSpace(b.Plain()), "\n"); line != "" {
			return line
		}
	}
	return ""
}

// related offers other good hits, never the section itself or a section
// the answer already shows (those below it); with none, the section's
// parent, unless that is the guide's root. A page offers its topics
// (page).
func related(s *content.Section, hits []*content.Section) []*content.Section {
	if page(s) {
		return s.Children[:min(len(s.Children), maxPageTopics)]
	}
	var out []*content.Section
	for _, c := range hits {
		if len(out) < maxRelatedTopics && !c.Within(s) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 && s.Parent != nil && s.Parent.Parent != nil {
		out = append(out, s.Parent)
	}
	return out
}
