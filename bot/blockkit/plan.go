package blockkit

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/slack-go/slack"
)

// Kinds of the self-assessment's and the plan's elements.
const (
	// ActionPlanTick is a group of the assessment's checkboxes; a tick
	// needs no answer, the form is read when it is submitted.
	ActionPlanTick = "plan_tick"
	// ActionPlanBuild submits the assessment; its value is the ID of the
	// indicators' section.
	ActionPlanBuild = "plan_build"
	// ActionPlanUpdate shows the assessment again, ticked as kept; its
	// value is the ID of the indicators' section.
	ActionPlanUpdate = "plan_update"
	// ActionPlanRead opens a section from the plan, below it: the plan
	// stays. Its value is the section's ID.
	ActionPlanRead = "plan_read"
)

// planGroup is the block_id prefix of the assessment's checkbox groups,
// numbered: "plan_ticks:0:…" holds the first ten indicators. What follows
// the number names the ticks the group is drawn with (groupID).
const planGroup = "plan_ticks:"

// Limits of the assessment: Slack's checkboxes hold 10 options, an
// option's text 75 characters.
const (
	maxCheckboxOptions = 10
	maxOptionText      = 75
)

// Assessment renders the guide's readiness indicators as checkboxes, in
// groups of ten, those in have (indicators as the guide words them)
// ticked, and a button that builds the plan. ok is false when the guide
// has no indicators.
func (a App) Assessment(g *content.Guide, have []string) (msg Message, ok bool) {
	p := g.Path()
	if p == nil {
		return Message{}, false
	}
	ticked := keysOf(have)
	blocks := []slack.Block{header(p.Indicators.Title)}
	if intro := introOf(p.Indicators, maxSectionText-200); intro != "" {
		blocks = append(blocks, section(intro))
	}
	blocks = append(blocks, section("*Tick what you already show*, then *Build my plan*: I'll list "+promise(p)+"."))
	submit := actions(button(ActionPlanBuild, "Build my plan", p.Indicators.ID))
	footer := contextLine("Only you see your answers. I keep your ticks so " + a.ask("plan") + " shows your plan again; " + a.ask("forget me") + " deletes them.")
	// Room for the groups: what the other blocks, and a line naming the
	// indicators left out, leave of Slack's limits.
	room := maxBlocksText - blocksTextLen(blocks) - textLen(submit) - textLen(footer) - 2*maxHeader - 100
	groups := maxBlocks - len(blocks) - 3
	shown := 0
	for start := 0; start < len(p.Items) && groups > 0; start += maxCheckboxOptions {
		var options, initial []*slack.OptionBlockObject
		size := 0
		for _, in := range p.Items[start:min(start+maxCheckboxOptions, len(p.Items))] {
			text := optionText(in.Text)
			n := runeLen(text)
			if ticked[in.Key] {
				n *= 2 // an initial option repeats the option
			}
			if size+n > room {
				break
			}
			size += n
			o := slack.NewOptionBlockObject(in.Key, markdown(text), nil)
			options = append(options, o)
			if ticked[in.Key] {
				initial = append(initial, o)
			}
		}
		if len(options) == 0 {
			break
		}
		room -= size
		groups--
		shown += len(options)
		boxes := slack.NewCheckboxGroupsBlockElement(ActionPlanTick+":0", options...)
		boxes.InitialOptions = initial
		blocks = append(blocks, slack.NewActionBlock(groupID(start/maxCheckboxOptions, initial), boxes))
		if len(options) < maxCheckboxOptions && start+len(options) < len(p.Items) {
			break
		}
	}
	if shown < len(p.Items) {
		blocks = append(blocks, contextLine(fmt.Sprintf("_%d more indicators do not fit in one message: ask me about %s to read them all._", len(p.Items)-shown, truncateEscaped(escape(p.Indicators.Title), maxHeader))))
	}
	blocks = append(blocks, submit, footer)
	return Message{Text: truncateEscaped("Where do you stand? "+escape(p.Indicators.Title), maxFallbackText), Blocks: blocks}, true
}

// introOf is a section's text before and around its lists, as mrkdwn: an
// assessment's lead-in ("You're ready for VP when you've demonstrated:").
func introOf(s *content.Section, limit int) string {
	var parts []string
	for _, b := range s.Blocks() {
		if b.Kind == content.Paragraph {
			parts = append(parts, mrkdwn(b.Text))
		}
	}
	return truncateEscaped(strings.Join(parts, "\n"), limit)
}

// keysOf returns the indicator keys of indicators as the guide words them.
func keysOf(have []string) map[string]bool {
	keys := map[string]bool{}
	for _, h := range have {
		keys[content.IndicatorKey(h)] = true
	}
	return keys
}

// Ticked reads a submitted assessment: the indicators ticked, as the guide
// words them, in its order. A group the form's state lacks keeps the ticks
// kept of its indicators.
func Ticked(g *content.Guide, state *slack.BlockActionStates, kept []string) []string {
	p := g.Path()
	if p == nil {
		return nil
	}
	keptKeys := keysOf(kept)
	ticked := map[string]bool{}
	for start := 0; start < len(p.Items); start += maxCheckboxOptions {
		values := groupState(state, start/maxCheckboxOptions)
		if values == nil {
			for _, in := range p.Items[start:min(start+maxCheckboxOptions, len(p.Items))] {
				ticked[in.Key] = keptKeys[in.Key]
			}
			continue
		}
		for actionID, a := range values {
			if ActionOf(actionID) != ActionPlanTick {
				continue
			}
			for _, o := range a.SelectedOptions {
				ticked[o.Value] = true
			}
		}
	}
	var have []string
	for _, in := range p.Items {
		if ticked[in.Key] {
			have = append(have, in.Text.Plain())
		}
	}
	return have
}

// Plan renders a person's plan on the guide's path p from their ticks
// (indicators as the guide words them, as Ticked returns them): what they
// have, each gap with the guide's passages that close it (closing, by
// indicator key: index.Index.Closers), the timeline and the pitfalls.
func (a App) Plan(p *content.Path, closing map[string]index.Closers, have []string, updated time.Time) Message {
	ticked := keysOf(have)
	var got []string
	var gaps []int
	for i, in := range p.Items {
		if ticked[in.Key] {
			got = append(got, "• "+mrkdwn(in.Text))
		} else {
			gaps = append(gaps, i)
		}
	}
	b := &planBlocks{}
	b.add(header("Your transition plan"))
	when := ""
	if !updated.IsZero() {
		when = " · updated " + updated.UTC().Format("2 Jan 2006")
	}
	b.add(contextLine(fmt.Sprintf("From *%s*: you show %d of %d%s. Only you can see your plan.", truncateEscaped(escape(p.Indicators.Title), maxHeader), len(got), len(p.Items), when)))
	if len(got) == 0 {
		b.add(section("*✅ What you have*\n_Nothing ticked yet: every indicator below is a gap to work on._"))
	} else {
		b.add(section(listUpTo("*✅ What you have*", got, maxHaveText)))
	}
	if len(gaps) == 0 {
		none := "*🎯 Your gaps*\nNone: you show every indicator the guide names."
		if rest := inWords(readOn(p)); rest != "" {
			none += " Read on for " + rest + "."
		}
		b.add(section(none))
	} else {
		head := fmt.Sprintf("*🎯 Your gaps (%d)", len(gaps))
		if closable(p) {
			head += ", and what closes them"
		}
		b.add(section(head + "*"))
	}
	tail := a.planTail(p)
	reserve := len(tail) + 1
	closers := indicatorClosers(p, closing)
	for n, i := range gaps {
		c := closing[p.Items[i].Key]
		if closers[c.Also] {
			c.Also = nil
		}
		blk := gapBlock(p.Items[i], c)
		if !b.fits(blk, reserve, tail) {
			var rest []string
			for _, j := range gaps[n:] {
				rest = append(rest, "• "+mrkdwn(p.Items[j].Text))
			}
			more := truncateEscaped(fmt.Sprintf("_…and %d more gaps:_\n%s", len(gaps)-n, strings.Join(rest, "\n")), min(maxSectionText, max(40, b.room(tail)-50)))
			b.add(section(more))
			break
		}
		b.add(blk)
	}
	for _, t := range tail {
		b.add(t)
	}
	text := fmt.Sprintf("Your transition plan: you show %d of %d indicators; %d gaps to close.", len(got), len(p.Items), len(gaps))
	return Message{Text: text, Blocks: b.blocks}
}

// indicatorClosers are the sections that close an indicator of the path:
// a gap's "see also" that names one points at what the plan shows with
// that indicator's gap, or at what the person shows already ("Track
// record of building and developing Directors" sees no "4. Develop
// External Presence", the closer of "External visibility").
func indicatorClosers(p *content.Path, closing map[string]index.Closers) map[*content.Section]bool {
	out := map[*content.Section]bool{}
	for _, in := range p.Items {
		for _, s := range closing[in.Key].Sections {
			out[s] = true
		}
	}
	return out
}

// maxHaveText bounds the list of what a person has, so that their gaps
// keep the room.
const maxHaveText = 2500

// listUpTo is a title and as many lines as fit in limit runes, then how
// many more there are.
func listUpTo(title string, lines []string, limit int) string {
	text := title
	for i, l := range lines {
		l = truncateEscaped(l, maxSectionText/4)
		if runeLen(text)+1+runeLen(l) > limit {
			return text + fmt.Sprintf("\n_…and %d more_", len(lines)-i)
		}
		text += "\n" + l
	}
	return text
}

// planBlocks gathers a plan's blocks within Slack's limits.
type planBlocks struct {
	blocks []slack.Block
	text   int
}

func (b *planBlocks) add(blk slack.Block) {
	if blk == nil {
		return
	}
	b.blocks = append(b.blocks, blk)
	b.text += textLen(blk)
}

// room is the text left once tail is added.
func (b *planBlocks) room(tail []slack.Block) int {
	return maxBlocksText - b.text - blocksTextLen(tail)
}

// fits reports whether blk fits with reserve blocks and the tail after it,
// leaving room for a line that names the gaps left out.
func (b *planBlocks) fits(blk slack.Block, reserve int, tail []slack.Block) bool {
	return len(b.blocks)+1+reserve <= maxBlocks && textLen(blk)+600 <= b.room(tail)
}

// planTail is what follows the gaps: the timeline, the pitfalls, the
// buttons and a footer.
func (a App) planTail(p *content.Path) []slack.Block {
	var tail []slack.Block
	if p.Timeline != nil {
		tail = append(tail, section(truncateEscaped("*⏱ "+escape(p.Timeline.Title)+"*\n"+summary(p.Timeline, 1200), maxSectionText)))
	}
	if p.Pitfalls != nil {
		tail = append(tail, section(truncateEscaped("*⚠️ "+escape(p.Pitfalls.Title)+"*\n"+summary(p.Pitfalls, 1500), maxSectionText)))
	}
	buttons := []*slack.ButtonBlockElement{button(ActionPlanUpdate, "Update my answers", p.Indicators.ID)}
	if p.Actions != nil {
		buttons = append(buttons, button(ActionPlanRead, p.Actions.Title, p.Actions.ID))
	}
	if act := actions(buttons...); act != nil {
		tail = append(tail, act)
	}
	return append(tail, contextLine("I keep your ticks so "+a.ask("plan")+" shows this again, in any channel or DM, only to you. *Update my answers* changes your ticks; "+a.ask("forget me")+" deletes them."))
}

// gapBlock is one gap and the guide's passages that close it, with a
// button that opens the first.
func gapBlock(in content.Indicator, c index.Closers) slack.Block {
	var b strings.Builder
	b.WriteString("*⬜ " + truncateEscaped(escape(in.Text.Plain()), 300) + "*")
	if len(c.Sections) == 0 {
		b.WriteString("\n_The guide names no action for this one yet._")
	}
	for _, s := range c.Sections {
		b.WriteString("\n→ *" + truncateEscaped(escape(s.Title), maxHeader) + "*")
		if detail := summary(s, 700); detail != "" {
			b.WriteString("\n" + detail)
		}
	}
	if c.Also != nil {
		b.WriteString("\n_See also: " + truncateEscaped(escape(c.Also.Title), maxHeader) + "_")
	}
	var acc *slack.Accessory
	if len(c.Sections) > 0 {
		if btn := button(ActionPlanRead, "Read", c.Sections[0].ID); btn != nil {
			acc = slack.NewAccessory(btn)
		}
	}
	return slack.NewSectionBlock(markdown(truncateEscaped(b.String(), maxSectionText)), nil, acc)
}

// summary is a section's own text in short, as mrkdwn: its lists as
// bullets and its paragraphs, without examples or tables; else the first
// line of its text.
func summary(s *content.Section, limit int) string {
	var lines []string
	for _, b := range s.Blocks() {
		switch b.Kind {
		case content.List:
			for i, it := range b.Items {
				lines = append(lines, itemMark(b, i)+mrkdwn(it))
			}
		case content.Paragraph:
			lines = append(lines, mrkdwn(b.Text))
		}
	}
	if len(lines) == 0 {
		if first := firstLine(s); first != "" {
			lines = append(lines, escape(first))
		}
	}
	return truncateEscaped(strings.Join(lines, "\n"), limit)
}

// promise names what a plan of the path shows: the gaps, what closes
// them when the guide has sections that may, and its timeline and
// pitfalls when it has them. A guide of a readiness checklist alone is
// promised its gaps.
func promise(p *content.Path) string {
	parts := []string{"your gaps"}
	if closable(p) {
		parts = append(parts, "what closes each of them")
	}
	return inWords(append(parts, readOn(p)...))
}

// closable reports whether the guide has sections that may close a gap:
// pinned ones, or candidates.
func closable(p *content.Path) bool {
	return len(p.Candidates()) > 0 || slices.ContainsFunc(p.Items, func(in content.Indicator) bool { return len(in.Pinned) > 0 })
}

// readOn names the parts of a plan below its gaps: the timeline and the
// pitfalls, those the guide has.
func readOn(p *content.Path) []string {
	var out []string
	if p.Timeline != nil {
		out = append(out, "the timeline")
	}
	if p.Pitfalls != nil {
		out = append(out, "the pitfalls")
	}
	return out
}

// NoPlan says that the guide offers no plan.
func NoPlan() Message {
	return Message{
		Text: "This guide has no readiness indicators, so there is no plan to build.",
		Blocks: []slack.Block{
			section("This guide has no readiness indicators to tick, so there is no plan to build. Ask me anything it covers instead, or type `help`."),
		},
	}
}

// PlanNudge follows an answer about the path in a DM: a mentor would ask
// where you stand.
func PlanNudge(g *content.Guide) (Message, bool) {
	p := g.Path()
	if p == nil {
		return Message{}, false
	}
	btn := planButton()
	return Message{
		Text:   "Want to know where you stand? Build your transition plan.",
		Blocks: []slack.Block{section("Want to know *where you stand*? Tick what you already show and I'll build your plan."), actions(btn)},
	}, btn != nil
}

// planButton is the Home tab's button for the plan: it shows the
// person's plan, or the self-assessment while they have none (PlanShow),
// where the welcome's prompt (PlanPrompt) would show the checkboxes again
// to someone who has built one.
func planButton() *slack.ButtonBlockElement {
	return button(ActionPrompt, "My transition plan", "my plan")
}

// OnPath reports whether the section with the given ID is part of the
// guide's path (content.Path.Holds).
func OnPath(g *content.Guide, id string) bool {
	p := g.Path()
	s, ok := g.Section(id)
	return p != nil && ok && p.Holds(s)
}

// SentPrivately answers, in a channel, a plan or a forget me asked for
// there: the reply went to the person's DM.
func SentPrivately(forget bool) Message {
	text := "Plans are private: I've answered you in a DM."
	if forget {
		text = "That's about you alone: I've answered you in a DM."
	}
	return Message{Text: text, Blocks: []slack.Block{section("🔒 " + text)}}
}

// NotSentPrivately answers, in a channel, a plan or a forget me asked for
// there whose DM Slack refused (the person's DMs with apps turned off):
// the slash command answers it where only they see it.
func (a App) NotSentPrivately(forget bool) Message {
	command := a.ask("plan")
	if forget {
		command = a.ask("forget me")
	}
	text := "That's about you alone, and I couldn't reach you in a DM: try " + command + " here, which only you will see."
	return Message{Text: text, Blocks: []slack.Block{section("🔒 " + text)}}
}

// inWords joins items as a sentence does: "a", "a and b", "a, b and c".
func inWords(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Deleted says what a forget deleted of a person's.
type Deleted struct {
	// Plan is their self-assessment, Welcome the note that they were
	// welcomed, Waiting their questions that a replica shutting down handed
	// over and none has answered yet, Conversation the last question they
	// asked in a conversation, kept a while for its follow-ups.
	Plan, Welcome, Waiting, Conversation bool
}

// Forgot tells a person what was deleted and what the bot still keeps.
func Forgot(d Deleted, k Keeping) Message {
	var deleted []string
	if d.Plan {
		deleted = append(deleted, "your self-assessment (the indicators you ticked, from which I rebuild your plan)")
	}
	if d.Welcome {
		deleted = append(deleted, "the note that I had welcomed you")
	}
	if d.Waiting {
		deleted = append(deleted, "your questions still waiting for my answer")
	}
	if d.Conversation {
		deleted = append(deleted, "the last question you asked in a conversation (kept "+k.conversation()+", so that I understand a follow-up like \"any example?\")")
	}
	done := "🗑 Done: I've deleted everything I kept about you: " + inWords(deleted) + "."
	if len(deleted) == 0 {
		done = "🗑 Done: I kept nothing about you, so there was nothing to delete."
	}
	kept := "*What I still have:* nothing of yours."
	if k.Questions {
		kept = "*What I still have:* nothing that names you. People's questions are kept " + k.forOwners() + "."
	}
	after := "Your messages to me stay in your Slack history, which Slack keeps, not me."
	if d.Plan {
		after += " Ask for a new plan any time."
	}
	return Message{
		Text:   "Done: I've deleted everything I kept about you.",
		Blocks: []slack.Block{section(done), section(kept), contextLine(after)},
	}
}

// Unavailable says that plans cannot be read or kept right now.
func Unavailable() Message {
	return Message{
		Text:   "I can't reach my memory right now: try again in a minute.",
		Blocks: []slack.Block{section("😕 I can't reach where I keep plans right now. Nothing was changed: try again in a minute.")},
	}
}

// optionText is an indicator as a checkbox's text: its mrkdwn when that
// fits Slack's limit, else its plain text shortened, since cutting the
// mrkdwn could leave a link or a bold span open, shown as raw markup.
func optionText(in content.Inline) string {
	if text := mrkdwn(in); runeLen(text) <= maxOptionText {
		return text
	}
	return truncateEscaped(escape(in.Plain()), maxOptionText)
}

// groupID is the block_id of a group of checkboxes drawn with the given
// options ticked. Slack asks for a new block_id whenever a message is
// updated: a client may keep the ticks it shows for a block_id it knows,
// and the assessment is redrawn in place with other ticks.
func groupID(n int, ticked []*slack.OptionBlockObject) string {
	h := fnv.New32a()
	for _, o := range ticked {
		h.Write([]byte(o.Value))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%s%d:%08x", planGroup, n, h.Sum32())
}

// groupState returns the submitted state of group n, whichever ticks it
// was drawn with (a form sent before block_ids named them ends with the
// number); nil when the state lacks it.
func groupState(state *slack.BlockActionStates, n int) map[string]slack.BlockAction {
	if state == nil {
		return nil
	}
	group := planGroup + strconv.Itoa(n)
	for id, values := range state.Values {
		if id == group || strings.HasPrefix(id, group+":") {
			return values
		}
	}
	return nil
}
