package blockkit

import (
	"fmt"
	"strings"
	"unicode"
)

// App is the Slack app the messages come from, as the people who use it
// know it: the bot's display name ("Director Bot") and its slash command
// ("/director"). A company that installs the app under names of its own
// sets them (BOT_NAME, SLASH_COMMAND), and every message that says how to
// ask names them.
//
// The zero App is the app as deploy/slack/manifest.yaml names it.
type App struct {
	name, command string
}

// Default names of the app, as deploy/slack/manifest.yaml gives them.
const (
	DefaultName    = "Director Bot"
	DefaultCommand = "/director"
)

// Slack's limits on the names (the app manifest's schema): a bot user's
// display name of 1 to 80 characters, a command of 2 to 32 starting with
// "/". Slack's guide to slash commands adds: lower case, no spaces.
const (
	maxNameLen    = 80
	maxCommandLen = 32
)

// unfit tells the characters neither name may hold: a line break or
// another control character, which Slack shows on one line or not at
// all, and a backtick, which would end the code that shows them.
func unfit(r rune) bool {
	return unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp) || r == '`'
}

// NewApp returns the app named name, with the slash command command; ""
// keeps the default of either, and either may be given as typed, with
// its "@" or without its "/". It refuses a name or a command Slack would
// not accept, or that would break the messages naming it.
func NewApp(name, command string) (App, error) {
	var a App
	if name = strings.TrimPrefix(strings.TrimSpace(name), "@"); name != "" {
		if n := runeLen(name); n > maxNameLen {
			return App{}, fmt.Errorf("bot name %q is %d characters long: Slack allows a display name of at most %d", name, n, maxNameLen)
		}
		if strings.ContainsFunc(name, unfit) {
			return App{}, fmt.Errorf("bot name %q holds a line break, a control character or a backtick: use the name as Slack shows it", name)
		}
		a.name = name
	}
	if command = strings.TrimSpace(command); command != "" {
		if !strings.HasPrefix(command, "/") {
			command = "/" + command
		}
		if n := runeLen(command); n < 2 || n > maxCommandLen || strings.ContainsFunc(command, func(r rune) bool { return unfit(r) || unicode.IsSpace(r) || unicode.IsUpper(r) || unicode.IsTitle(r) }) {
			return App{}, fmt.Errorf("slash command %q is not one Slack accepts: a / and then 1 to %d characters, lower case, without spaces, as in %s", command, maxCommandLen-1, DefaultCommand)
		}
		a.command = command
	}
	return a, nil
}

// Name is the bot's display name.
func (a App) Name() string {
	if a.name == "" {
		return DefaultName
	}
	return a.name
}

// Command is the slash command, with its "/".
func (a App) Command() string {
	if a.command == "" {
		return DefaultCommand
	}
	return a.command
}

// ask is the slash command with its text, as code: "`/director help`".
// Slack would not show a backtick inside code, so the text has none.
func (a App) ask(text string) string {
	if text == "" {
		return "`" + a.Command() + "`"
	}
	return "`" + a.Command() + " " + strings.ReplaceAll(text, "`", "'") + "`"
}

// mention is how a channel's message mentions the bot, as code: "`@Director Bot`".
func (a App) mention() string { return "`@" + escape(a.Name()) + "`" }

// helpHint closes a stock reply: where the list of topics is.
func (a App) helpHint() string { return "type " + a.ask("help") + " to see the topics I know about." }
