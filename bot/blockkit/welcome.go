package blockkit

import (
	"html"
	"regexp"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/slack-go/slack"
)

// ActionPrompt is a suggested prompt's button in a plain DM: its value is
// the prompt's message, escaped (PromptOf reads it), answered as if the
// person had typed it.
const ActionPrompt = "prompt"

// PromptOf reads the message of a prompt's button from its value.
func PromptOf(value string) string { return html.UnescapeString(value) }

// PlanPrompt asks for the self-assessment that builds a personal plan.
var PlanPrompt = content.Prompt{Title: "Build my transition plan", Message: "Build my transition plan"}

// Prompts returns up to four suggested prompts drawn from the guide: those
// of its frontmatter key prompts, else the guide's first main topics; when
// the guide has a path, one of them builds the plan, unless the
// frontmatter names four of its own.
func Prompts(g *content.Guide) []content.Prompt {
	prompts := append([]content.Prompt(nil), g.Prompts()...)
	if len(prompts) == 0 {
		for _, t := range mainTopics(g) {
			if len(prompts) == content.MaxPrompts {
				break
			}
			title := truncate(strings.TrimSpace(t.Title), content.MaxPromptTitle)
			if title != "" && !planSection(g, t) {
				prompts = append(prompts, content.Prompt{Title: title, Message: t.Title})
			}
		}
	}
	if g.Path() == nil {
		return prompts
	}
	for _, p := range prompts {
		if PlanIntent(p.Message) == PlanBuild {
			return prompts
		}
	}
	if len(prompts) == content.MaxPrompts {
		// The owner's own prompts stay as they are; those of the guide's
		// topics make room.
		if len(g.Prompts()) > 0 {
			return prompts
		}
		prompts = prompts[:content.MaxPrompts-1]
	}
	return append([]content.Prompt{PlanPrompt}, prompts...)
}

// planSection reports whether a section is the path's indicators, which
// the plan prompt stands for.
func planSection(g *content.Guide, s *content.Section) bool {
	p := g.Path()
	return p != nil && p.Indicators.Within(s)
}

// Welcome greets someone in a plain DM: what the bot does, who sees what
// is asked of it (k), and the suggested prompts as buttons.
func (a App) Welcome(g *content.Guide, k Keeping) Message {
	msg := a.welcome(g, k)
	var buttons []*slack.ButtonBlockElement
	for _, p := range Prompts(g) {
		buttons = append(buttons, button(ActionPrompt, p.Title, escape(p.Message)))
	}
	if act := actions(buttons...); act != nil {
		msg.Blocks = append(msg.Blocks[:len(msg.Blocks)-1], act, msg.Blocks[len(msg.Blocks)-1])
	}
	return msg
}

// Greeting answers a mention that only greets, in a channel's thread:
// what the bot is, in a line, and where the help is, for the asker alone.
func (a App) Greeting(g *content.Guide) Message {
	text := "👋 Hi! " + about(g) + " Ask me a question here, or type " + a.ask("help") + " to see everything I know (only you will see it)."
	return Message{Text: "Hi! Ask me a question about the guide.", Blocks: []slack.Block{section(truncateEscaped(text, maxSectionText))}}
}

// NothingBefore answers "tell me more" or "any example?" in a
// conversation with no answer before it: what the bot is, in a line, as
// Greeting.
func (a App) NothingBefore(g *content.Guide) Message {
	text := "I have no answer before this one to say more about. " + about(g) + " Ask me a question here, or type " + a.ask("help") + " to see everything I know (only you will see it)."
	return Message{Text: "I have no answer before this one to say more about.", Blocks: []slack.Block{section(truncateEscaped(text, maxSectionText))}}
}

// Hello greets someone the bot has welcomed before: briefly, for the
// welcome's introduction and prompts are not news the second time.
func Hello() Message {
	return Message{
		Text:   "Hi again! Ask me anything the guide covers.",
		Blocks: []slack.Block{section("👋 Hi again! Ask me anything the guide covers. Type `help` for everything I know about.")},
	}
}

// WelcomeThread greets someone in a new agent thread, whose suggested
// prompts Slack shows itself (assistant.threads.setSuggestedPrompts).
func (a App) WelcomeThread(g *content.Guide, k Keeping) Message {
	return a.welcome(g, k)
}

// welcome is the greeting without prompts: its last block is the help
// hint, which says too, when the questions are kept, that the guide's
// owners read them: "only you see my answers" is not "no one reads what
// you ask".
func (a App) welcome(g *content.Guide, k Keeping) Message {
	intro := "👋 Hi! I'm " + escape(a.Name()) + ". Ask me anything the guide covers: only you see my answers here."
	if p := g.Path(); p != nil {
		intro += "\n\nOr let's see *where you stand*: tick what you already show of the *" + truncateEscaped(escape(p.Indicators.Title), maxHeader) +
			"*, and I'll build your plan: " + promise(p) + "."
	}
	hint := "Type `help` for everything I know about."
	if k.Questions {
		hint += " The guide's owners read the questions people ask me, without names, to improve the guide. To learn more, ask me: _who sees what I ask?_"
	}
	return Message{
		Text: "Hi! Ask me anything from the guide: only you see my answers here.",
		Blocks: []slack.Block{
			section(intro),
			contextLine(hint),
		},
	}
}

// PromptsTitle is the title of the suggested prompts in an agent thread.
const PromptsTitle = "Try asking"

// PlanKind is what a message asks of the plan.
type PlanKind int

// What a message may ask of the plan.
const (
	// PlanNone is any other message.
	PlanNone PlanKind = iota
	// PlanShow asks to see one's plan ("plan", "my plan").
	PlanShow
	// PlanBuild asks for the self-assessment ("build my plan").
	PlanBuild
)

var (
	planShow  = regexp.MustCompile(`^(please )?((((can|could|would) you (please )?|(can|could|may) i )?(show|give|send|open|get|view|see|pull up)( me)? (my |the )?)|(what|where)('s|s| is) my |my )?(transition |career |personal )?plan( please| pls| plz)?$`)
	planBuild = regexp.MustCompile(`\b(build|make|create|start|draft|update|redo|write|new|again|assess)\b`)
	// planOwn names the person's own gaps inside a longer question:
	// "which of my gaps should I work on first?". What a transition plan
	// should hold is the guide's to answer.
	planOwn = regexp.MustCompile(`\bmy (biggest |main |top |remaining |open |current |readiness |first |next |last |worst |weakest |largest |key |most important )?gaps?\b`)
	// planStanding asks, as the whole message, where the person stands or
	// what they should work on next: the plan tells them, and the guide,
	// which knows nobody's progress, cannot.
	// "What should I focus on first?" asks the guide, as a new director
	// does: first is no step of a plan.
	planStanding = regexp.MustCompile(`^((so|ok|okay) )*(where do i stand|how am i tracking|what('s| is) my next step|what are my next steps|my next steps?|` +
		`(what|which (gaps?|skills?|areas?|ones?)) (should|do|can|must) i (work on|focus on|tackle|improve|start with)( (next|now|today))+|` +
		`what (should|do|can) i (work on|focus on|improve|get better at) to (get|be) promoted)( then| now)?( please| pls)?$`)
	forgetMe  = regexp.MustCompile(`^(please )?(forget|delete|erase|remove)( about)? (me|my data|everything about me|my plan)( please)?$|^forget$`)
	wordsOnly = regexp.MustCompile(`[^\p{L}\p{N}\s'-]+`)
)

// normalizeCommand lower-cases a short message, without punctuation or
// extra spaces.
func normalizeCommand(text string) string {
	// Phones type a curly apostrophe: "what’s my plan".
	t := strings.ToLower(wordsOnly.ReplaceAllString(strings.ReplaceAll(text, "’", "'"), " "))
	return strings.Join(strings.Fields(t), " ")
}

// PlanIntent reads what a message asks of the plan: "plan" or "my plan"
// shows it, and so does a question about the person's own gaps ("which
// of my gaps should I work on first?") or standing ("where do I stand?",
// "what should I work on next?"), which the plan answers and the guide
// cannot; "build my transition plan" or "plan again" starts the
// self-assessment. Questions about planning are not plan requests.
func PlanIntent(text string) PlanKind {
	t := normalizeCommand(text)
	words := strings.Fields(t)
	switch {
	case len(words) == 0:
		return PlanNone
	case planShow.MatchString(t):
		return PlanShow
	case len(words) <= 6 && (words[0] == "plan" || words[len(words)-1] == "plan" || strings.Contains(t, " plan ")) &&
		!strings.ContainsAny(text, "?") && planBuild.MatchString(t):
		return PlanBuild
	case planOwn.MatchString(t) || planStanding.MatchString(t):
		return PlanShow
	}
	return PlanNone
}

// IsForget reports whether a message asks the bot to forget the person:
// "forget me", "delete my data".
func IsForget(text string) bool {
	return forgetMe.MatchString(normalizeCommand(text))
}
