package blockkit

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/slack-go/slack"
)

// decode turns any payload into plain JSON values.
func decode(t testing.TB, v any) map[string]any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkMessage sends a message through the fake Slack's validator, which
// refuses what Slack refuses, and checks what the renderer promises
// besides: a short notification text, and a table only as the last block,
// where Slack draws it.
func checkMessage(t testing.TB, name string, msg Message) {
	t.Helper()
	m := decode(t, msg)
	for _, v := range fakeslack.ValidateMessage(m) {
		t.Errorf("%s: Slack refuses it: %s", name, v)
	}
	if n := utf8.RuneCountInString(msg.Text); n == 0 || n > maxFallbackText {
		t.Errorf("%s: notification text of %d characters, want 1 to %d", name, n, maxFallbackText)
	}
	if len(msg.Blocks) == 0 {
		t.Errorf("%s: no blocks", name)
	}
	for i, b := range msg.Blocks {
		if b.BlockType() == slack.MBTTable && i != len(msg.Blocks)-1 {
			t.Errorf("%s: table at block %d of %d: Slack draws it last, so it must be last", name, i, len(msg.Blocks))
		}
	}
	if got, want := blocksTextLen(msg.Blocks), fakeText(m["blocks"]); got != want {
		t.Errorf("%s: textLen counts %d characters, the fake %d", name, got, want)
	}
}

// fakeText counts a message's text as the fake Slack does: every string
// under a "text" key.
func fakeText(v any) int { return textIn(v) }

// checkView sends a view through the fake Slack's validator.
func checkView(t testing.TB, name string, view slack.HomeTabViewRequest) {
	t.Helper()
	for _, v := range fakeslack.ValidateView(decode(t, view)) {
		t.Errorf("%s: Slack refuses it: %s", name, v)
	}
	for i, b := range view.Blocks.BlockSet {
		if b.BlockType() == slack.MBTTable {
			t.Errorf("%s: block %d is a table", name, i)
		}
	}
}

// texts collects every string in a payload that Slack shows or parses as
// mrkdwn or plain text: all but a table's cells (cells).
func texts(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && (k == "text" || k == "value") {
				out = append(out, s)
			}
			if k != "rows" {
				out = append(out, texts(x)...)
			}
		}
	case []any:
		for _, x := range v {
			out = append(out, texts(x)...)
		}
	}
	return out
}

// unsafeText reports a string that could ping people or inject markup.
func unsafeText(s string) bool {
	for _, bad := range []string{"<!", "<@", "<#", "<script", "&&", "<!subteam"} {
		if strings.Contains(s, bad) {
			return true
		}
	}
	for _, line := range strings.Split(stripLinks(s), "\n") {
		// A line opening with "> " is a mrkdwn quote, the bot's own markup.
		if strings.ContainsAny(strings.TrimPrefix(line, "> "), "<>") {
			return true
		}
	}
	return false
}

// stripLinks removes the bot's own well-formed web links before checking.
func stripLinks(s string) string {
	return mrkdwnLink.ReplaceAllString(s, "")
}

// checkEscaped fails on any text of a payload that could ping people or
// inject markup, and on a table cell with a "<" that could start a mention
// or a link.
func checkEscaped(t testing.TB, name string, payload any) {
	t.Helper()
	m := decode(t, payload)
	for _, s := range texts(m) {
		if unsafeText(s) {
			t.Errorf("%s: unescaped text %q", name, s)
		}
	}
	for _, s := range cells(m) {
		if strings.Count(s, "<") != strings.Count(s, inertAngle) {
			t.Errorf("%s: a cell may start a mention or a link: %q", name, s)
		}
	}
}

// cells collects the text of every table cell in a payload.
func cells(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		if rows, ok := v["rows"]; ok {
			return append(out, allText(rows)...)
		}
		for _, x := range v {
			out = append(out, cells(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, cells(x)...)
		}
	}
	return out
}

// allText collects every string under a "text" key.
func allText(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "text" {
				out = append(out, s)
			}
			out = append(out, allText(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, allText(x)...)
		}
	}
	return out
}
