package fakeslack_test

import (
	"github.com/directorbot/directorbot/bot/fakeslack"
	_ "github.com/directorbot/directorbot/bot/fakeslack/blockschema"

	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// Builders of blocks as JSON decodes them.

func textObj(kind, s string) map[string]any { return map[string]any{"type": kind, "text": s} }

func section(s string) map[string]any {
	return map[string]any{"type": "section", "text": textObj("mrkdwn", s)}
}

func header(s string) map[string]any {
	return map[string]any{"type": "header", "text": textObj("plain_text", s)}
}

func divider() map[string]any { return map[string]any{"type": "divider"} }

func button(actionID, label, value string) map[string]any {
	return map[string]any{"type": "button", "action_id": actionID, "text": textObj("plain_text", label), "value": value}
}

func actionsBlock(elems ...any) map[string]any {
	return map[string]any{"type": "actions", "elements": elems}
}

func contextBlock(elems ...any) map[string]any {
	return map[string]any{"type": "context", "elements": elems}
}

func feedback(actionID string) map[string]any {
	return map[string]any{
		"type": "feedback_buttons", "action_id": actionID,
		"positive_button": map[string]any{"text": textObj("plain_text", "Helpful"), "value": "good"},
		"negative_button": map[string]any{"text": textObj("plain_text", "Not helpful"), "value": "bad"},
	}
}

func iconButton(actionID string) map[string]any {
	return map[string]any{"type": "icon_button", "icon": "trash", "text": textObj("plain_text", "Delete"), "action_id": actionID}
}

func contextActions(elems ...any) map[string]any {
	return map[string]any{"type": "context_actions", "elements": elems}
}

func rawCell(s string) map[string]any { return map[string]any{"type": "raw_text", "text": s} }

func richCell(s string) map[string]any {
	return map[string]any{"type": "rich_text", "elements": []any{
		map[string]any{"type": "rich_text_section", "elements": []any{map[string]any{"type": "text", "text": s}}},
	}}
}

func tableBlock(rows ...[]any) map[string]any {
	rs := make([]any, len(rows))
	for i, r := range rows {
		rs[i] = r
	}
	return map[string]any{"type": "table", "rows": rs}
}

func markdownBlock(s string) map[string]any { return map[string]any{"type": "markdown", "text": s} }

func message(blocks ...any) map[string]any {
	return map[string]any{"text": "fallback", "blocks": blocks}
}

// times returns n items made by f.
func times(n int, f func(i int) any) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func long(n int) string { return strings.Repeat("a", n) }

// with returns a copy of m with more keys.
func with(m map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// everyBlock is a message with every block type the bot sends.
func everyBlock() map[string]any {
	return message(
		header("How is a VP different?"),
		with(section("*Scope* grows"), "fields", []any{textObj("mrkdwn", "*Budget*"), textObj("plain_text", "Yes")},
			"accessory", button("share", "Share", "s")),
		contextBlock(textObj("mrkdwn", "From the guide"), textObj("plain_text", "p. 3")),
		actionsBlock(button("topic", "Budgets", "t1"), button("topic_2", "Hiring", "t2"), button("full_table", "Full table", "f")),
		divider(),
		with(tableBlock([]any{richCell("Role"), richCell("Scope")}, []any{rawCell("VP"), rawCell("Org")}),
			"column_settings", []any{map[string]any{"align": "left"}, map[string]any{"align": "right", "is_wrapped": true}}),
		contextActions(feedback("feedback"), iconButton("dismiss")),
		markdownBlock("**Bold** and a [link](https://example.com)"),
	)
}

func TestValidMessagesAreAccepted(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		msg  map[string]any
	}{
		{"every block type the bot sends", everyBlock()},
		{"text only", map[string]any{"text": "hello"}},
		{"attachments only", map[string]any{"attachments": []any{map[string]any{"text": "a"}}}},
		{"the same action_id in two blocks", message(actionsBlock(button("topic", "a", "1")), actionsBlock(button("topic", "b", "2")))},
		{"50 blocks", message(times(50, func(int) any { return divider() })...)},
		{"section text of 3,000", message(section(long(3000)))},
		{"ten fields of 2,000", message(with(section("x"), "fields", times(10, func(int) any { return textObj("mrkdwn", long(1000)) })))},
		{"header of 150", message(header(long(150)))},
		{"button text 75, value 2,000", message(actionsBlock(button("a", long(75), long(2000))))},
		{"25 buttons", message(actionsBlock(times(25, func(i int) any { return button(long(i+1), "b", "v") })...))},
		{"12,000 characters of text", message(section(long(3000)), section(long(3000)), section(long(3000)), section(long(3000)))},
		{"100 rows of 20 cells", message(tableBlock(func() [][]any {
			rows := make([][]any, 100)
			for i := range rows {
				rows[i] = times(20, func(int) any { return rawCell("x") })
			}
			return rows
		}()...))},
		{"a rich text cell showing an emoji", message(tableBlock([]any{map[string]any{"type": "rich_text", "elements": []any{
			map[string]any{"type": "rich_text_section", "elements": []any{map[string]any{"type": "emoji", "name": "tada"}}},
		}}}))},
		{"text of 4,000", map[string]any{"text": long(4000), "blocks": []any{section("x")}}},
	}
	for _, tt := range tests {
		if vs := fakeslack.ValidateMessage(tt.msg); vs != nil {
			t.Errorf("%s: refused: %v", tt.name, vs)
		}
	}
}

// TestSlackGoEncodingsAreAccepted builds the bot's block types with
// slack-go, as the bot does, and validates their JSON.
func TestSlackGoEncodingsAreAccepted(t *testing.T) {
	t.Parallel()
	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, true, false)
	}
	mrkdwn := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.MarkdownType, s, false, true)
	}
	table := slack.NewTableBlock("").
		AddRow(slack.NewTableRichTextCell(slack.NewRichTextSection(slack.NewRichTextSectionTextElement("Role", &slack.RichTextSectionTextStyle{Bold: true}))), slack.NewTableRawTextCell("Scope")).
		AddRow(slack.NewTableRawTextCell("VP"), slack.NewTableRawTextCell("Org")).
		WithColumnSettings(slack.ColumnSetting{Align: slack.ColumnAlignmentLeft}, slack.ColumnSetting{Align: slack.ColumnAlignmentRight, IsWrapped: true})
	blocks := []slack.Block{
		slack.NewHeaderBlock(plain("How is a VP different?")),
		slack.NewSectionBlock(mrkdwn("*Scope* grows"), []*slack.TextBlockObject{mrkdwn("*Budget*"), plain("Yes")}, slack.NewAccessory(slack.NewButtonBlockElement("share", "s", plain("Share")))),
		slack.NewContextBlock("", mrkdwn("From the guide")),
		slack.NewActionBlock("", slack.NewButtonBlockElement("topic", "t1", plain("Budgets")), slack.NewButtonBlockElement("topic_2", "t2", plain("Hiring"))),
		slack.NewDividerBlock(),
		table,
		slack.NewContextActionsBlock("", slack.NewFeedbackButtonsBlockElement("feedback", slack.NewFeedbackButton(plain("Helpful"), "good"), slack.NewFeedbackButton(plain("Not helpful"), "bad"))),
		slack.NewMarkdownBlock("", "**Bold**"),
	}
	raw, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	var decoded []any
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatal(err)
	}
	if vs := fakeslack.ValidateMessage(map[string]any{"text": "fallback", "blocks": decoded}); vs != nil {
		t.Errorf("refused %s: %v", raw, vs)
	}
}

func TestMessageRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, code, pointer string
		msg                 map[string]any
	}{
		// Schema (message.schema.json): structure and types.
		{"unknown block type", fakeslack.InvalidBlocks, "/blocks/0/type", message(map[string]any{"type": "poll"})},
		{"missing required field", fakeslack.InvalidBlocks, "/blocks/0", message(map[string]any{"type": "actions"})},
		{"text object that is a string", fakeslack.InvalidBlocks, "/blocks/0/text", message(map[string]any{"type": "section", "text": "hi"})},
		{"unknown property", fakeslack.InvalidBlocks, "/blocks/0", message(with(divider(), "color", "red"))},
		{"header in mrkdwn", fakeslack.InvalidBlocks, "/blocks/0/text/type", message(map[string]any{"type": "header", "text": textObj("mrkdwn", "x")})},
		// action_id and block_id.
		{"action_id twice in an actions block", fakeslack.InvalidBlocks, "/blocks/0/elements/1/action_id", message(actionsBlock(button("topic", "a", "1"), button("topic", "b", "2")))},
		{"action_id twice in a context_actions block", fakeslack.InvalidBlocks, "/blocks/0/elements/1/action_id", message(contextActions(feedback("x"), iconButton("x")))},
		{"action_id of 256", fakeslack.InvalidBlocks, "/blocks/0/elements/0/action_id", message(actionsBlock(button(long(256), "a", "1")))},
		{"accessory action_id of 256", fakeslack.InvalidBlocks, "/blocks/0/accessory/action_id", message(with(section("x"), "accessory", button(long(256), "a", "1")))},
		{"block_id twice", fakeslack.InvalidBlocks, "/blocks/1/block_id", message(with(divider(), "block_id", "b"), with(divider(), "block_id", "b"))},
		{"block_id of 256", fakeslack.InvalidBlocks, "/blocks/0/block_id", message(with(divider(), "block_id", long(256)))},
		// Counts of blocks.
		{"51 blocks", fakeslack.InvalidBlocks, "/blocks", message(times(51, func(int) any { return divider() })...)},
		// Sections, headers, context, actions, buttons.
		{"empty section text", fakeslack.InvalidBlocks, "/blocks/0/text/text", message(section(""))},
		{"section text of 3,001", fakeslack.InvalidBlocks, "/blocks/0/text/text", message(section(long(3001)))},
		{"section without text or fields", fakeslack.InvalidBlocks, "/blocks/0", message(map[string]any{"type": "section"})},
		{"11 fields", fakeslack.InvalidBlocks, "/blocks/0/fields", message(with(section("x"), "fields", times(11, func(int) any { return textObj("mrkdwn", "f") })))},
		{"field of 2,001", fakeslack.InvalidBlocks, "/blocks/0/fields/0/text", message(with(section("x"), "fields", []any{textObj("mrkdwn", long(2001))}))},
		{"header of 151", fakeslack.InvalidBlocks, "/blocks/0/text/text", message(header(long(151)))},
		{"11 context elements", fakeslack.InvalidBlocks, "/blocks/0/elements", message(contextBlock(times(11, func(int) any { return textObj("mrkdwn", "c") })...))},
		{"26 actions", fakeslack.InvalidBlocks, "/blocks/0/elements", message(actionsBlock(times(26, func(i int) any { return button(long(i+1), "b", "v") })...))},
		{"button text of 76", fakeslack.InvalidBlocks, "/blocks/0/elements/0/text/text", message(actionsBlock(button("a", long(76), "v")))},
		{"button value of 2,001", fakeslack.InvalidBlocks, "/blocks/0/elements/0/value", message(actionsBlock(button("a", "b", long(2001))))},
		{"button accessibility_label of 76", fakeslack.InvalidBlocks, "/blocks/0/elements/0/accessibility_label", message(actionsBlock(with(button("a", "b", "v"), "accessibility_label", long(76))))},
		{"feedback button accessibility_label of 76", fakeslack.InvalidBlocks, "/blocks/0/elements/0/positive_button/accessibility_label", message(contextActions(with(feedback("f"), "positive_button", map[string]any{"text": textObj("plain_text", "Yes"), "value": "y", "accessibility_label": long(76)})))},
		{"emoji on mrkdwn", fakeslack.InvalidBlocks, "/blocks/0/text", message(map[string]any{"type": "section", "text": with(textObj("mrkdwn", "x"), "emoji", true)})},
		// context_actions.
		{"6 context actions", fakeslack.InvalidBlocks, "/blocks/0/elements", message(contextActions(times(6, func(i int) any { return iconButton(long(i + 1)) })...))},
		{"feedback button text of 76", fakeslack.InvalidBlocks, "/blocks/0/elements/0/positive_button/text/text", message(contextActions(with(feedback("f"), "positive_button", map[string]any{"text": textObj("plain_text", long(76)), "value": "v"})))},
		{"feedback button value of 2,001", fakeslack.InvalidBlocks, "/blocks/0/elements/0/negative_button/value", message(contextActions(with(feedback("f"), "negative_button", map[string]any{"text": textObj("plain_text", "No"), "value": long(2001)})))},
		{"feedback buttons without a negative button", fakeslack.InvalidBlocks, "/blocks/0/elements/0", message(contextActions(map[string]any{"type": "feedback_buttons", "positive_button": map[string]any{"text": textObj("plain_text", "Yes"), "value": "y"}}))},
		// Tables.
		{"two tables", fakeslack.InvalidAttachments, "/blocks/1", message(tableBlock([]any{rawCell("a")}), tableBlock([]any{rawCell("b")}))},
		{"no rows", fakeslack.InvalidBlocks, "/blocks/0/rows", message(tableBlock())},
		{"101 rows", fakeslack.InvalidBlocks, "/blocks/0/rows", message(tableBlock(func() [][]any {
			rows := make([][]any, 101)
			for i := range rows {
				rows[i] = []any{rawCell("x")}
			}
			return rows
		}()...))},
		{"21 cells", fakeslack.InvalidBlocks, "/blocks/0/rows/0", message(tableBlock(times(21, func(int) any { return rawCell("x") })))},
		{"empty raw_text cell", fakeslack.InvalidBlocks, "/blocks/0/rows/0/1/text", message(tableBlock([]any{rawCell("a"), rawCell("")}))},
		{"rich_text cell without text", fakeslack.InvalidBlocks, "/blocks/0/rows/0/0", message(tableBlock([]any{richCell("")}))},
		{"null cell", fakeslack.InvalidBlocks, "/blocks/0/rows/0/0", message(tableBlock([]any{nil}))},
		{"raw_number cell", fakeslack.InvalidBlocks, "/blocks/0/rows/0/0/type", message(tableBlock([]any{map[string]any{"type": "raw_number", "value": 3.0, "text": "3"}}))},
		{"10,001 characters of cells", fakeslack.InvalidBlocks, "/blocks/0/rows", message(tableBlock([]any{rawCell(long(5000)), rawCell(long(5001))}))},
		{"21 column settings", fakeslack.InvalidBlocks, "/blocks/0/column_settings", message(with(tableBlock([]any{rawCell("a")}), "column_settings", times(21, func(int) any { return map[string]any{"align": "left"} })))},
		{"align justify", fakeslack.InvalidBlocks, "/blocks/0/column_settings/0/align", message(with(tableBlock([]any{rawCell("a")}), "column_settings", []any{map[string]any{"align": "justify"}}))},
		// The message as a whole.
		{"12,001 characters of text", fakeslack.MsgBlocksTooLong, "/blocks", message(section(long(3000)), section(long(3000)), section(long(3000)), section(long(3000)), header("a"))},
		{"markdown past 12,000", fakeslack.MsgBlocksTooLong, "/blocks", message(markdownBlock(long(12001)))},
		{"blocks without text", fakeslack.NoText, "/text", map[string]any{"blocks": []any{section("x")}}},
		{"blocks with empty text", fakeslack.NoText, "/text", map[string]any{"text": "", "blocks": []any{section("x")}}},
		{"neither text nor blocks", fakeslack.NoText, "/text", map[string]any{"text": ""}},
		{"text of 4,001", fakeslack.MsgTooLong, "/text", map[string]any{"text": long(4001)}},
		{"blocks not an array", fakeslack.InvalidBlocksFormat, "/blocks", map[string]any{"text": "x", "blocks": "[{"}},
	}
	for _, tt := range tests {
		vs := fakeslack.ValidateMessage(tt.msg)
		if got := fakeslack.ErrorCode(vs); got != tt.code || !hasPointer(vs, tt.code, tt.pointer) {
			t.Errorf("%s: got %s %v, want %s at %s", tt.name, got, vs, tt.code, tt.pointer)
		}
	}
}

func hasPointer(vs []fakeslack.Violation, code, ptr string) bool {
	for _, v := range vs {
		if v.Code == code && v.Pointer == ptr {
			return true
		}
	}
	return false
}

func TestViolationsReadAsSlacks(t *testing.T) {
	t.Parallel()
	msg := message(header("Budgets"), section("x"), divider(),
		actionsBlock(button("topic", "Budgets", "t1"), button("topic", "Hiring", "t2")))
	want := "[ERROR] `action_id` \"topic\" already exists [json-pointer:/blocks/3/elements/1/action_id]"
	if vs := fakeslack.ValidateMessage(msg); len(vs) != 1 || vs[0].String() != want {
		t.Errorf("got %v, want %s", vs, want)
	}
	long := fakeslack.ValidateMessage(message(section(long(3001))))
	wantLong := []string{
		"[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]",
		"[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
	}
	if len(long) != 2 || long[0].String() != wantLong[0] || long[1].String() != wantLong[1] {
		t.Errorf("got %v, want %v", long, wantLong)
	}
}

func TestViewRules(t *testing.T) {
	t.Parallel()
	home := func(blocks ...any) map[string]any { return map[string]any{"type": "home", "blocks": blocks} }
	if vs := fakeslack.ValidateView(home(times(100, func(i int) any { return section("x") })...)); vs != nil {
		t.Errorf("100 blocks refused: %v", vs)
	}
	tests := []struct {
		name, pointer string
		view          map[string]any
	}{
		{"101 blocks", "/view/blocks", home(times(101, func(int) any { return divider() })...)},
		{"markdown block", "/view/blocks/1/type", home(section("x"), markdownBlock("**x**"))},
		{"unknown block type", "/view/blocks/0/type", home(map[string]any{"type": "poll"})},
		{"action_id twice", "/view/blocks/0/elements/1/action_id", home(actionsBlock(button("a", "a", "1"), button("a", "b", "2")))},
		{"section text of 3,001", "/view/blocks/0/text/text", home(section(long(3001)))},
		{"no blocks", "/view", map[string]any{"type": "home"}},
		{"unknown view type", "/view/type", map[string]any{"type": "tab", "blocks": []any{}}},
		{"no view", "/view", nil},
	}
	for _, tt := range tests {
		vs := fakeslack.ValidateView(tt.view)
		if fakeslack.ErrorCode(vs) != fakeslack.InvalidArguments || !hasPointer(vs, fakeslack.InvalidArguments, tt.pointer) {
			t.Errorf("%s: got %v, want invalid_arguments at %s", tt.name, vs, tt.pointer)
		}
	}
}

// TestSuggestionsAsSlackTakesThem checks the options an app suggests for
// a menu (the ack of a block_suggestion) as a menu's own: options or
// option groups, not both, 100 in all, plain text within limits; an ack
// of none shows no results.
func TestSuggestionsAsSlackTakesThem(t *testing.T) {
	t.Parallel()
	option := `{"text":{"type":"plain_text","text":"Budgets"},"value":"section:budgets"}`
	group := func(label string, n int) string {
		return `{"label":{"type":"plain_text","text":"` + label + `"},"options":[` + strings.TrimSuffix(strings.Repeat(option+",", n), ",") + `]}`
	}
	for _, tt := range []struct {
		name, payload string
		want          string // "" when Slack takes it
	}{
		{"groups", `{"option_groups":[` + group("Closest", 3) + `,` + group("Every section", 97) + `]}`, ""},
		{"options", `{"options":[` + option + `]}`, ""},
		{"no groups", `{"option_groups":[]}`, ""},
		{"no options", `{"options":[]}`, ""},
		{"no payload", ``, ""},
		{"both", `{"options":[` + option + `],"option_groups":[` + group("A", 1) + `]}`, "not both"},
		{"101 options", `{"option_groups":[` + group("A", 60) + `,` + group("B", 41) + `]}`, "no more than 100 options allowed in all"},
		{"long label", `{"option_groups":[` + group(strings.Repeat("x", 76), 1) + `]}`, "/label/text"},
		{"mrkdwn option", `{"options":[{"text":{"type":"mrkdwn","text":"*A*"},"value":"a"}]}`, "/options/0/text/type"},
		{"not an object", `[1]`, "must provide an object"},
	} {
		got := fmt.Sprint(fakeslack.ValidateSuggestions([]byte(tt.payload)))
		switch {
		case tt.want == "" && got != "[]":
			t.Errorf("%s: Slack takes it, the fake refused: %s", tt.name, got)
		case tt.want != "" && !strings.Contains(got, tt.want):
			t.Errorf("%s: refused with %s, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSelectMenusAsSlackTakesThem sends select menus of static options in
// a Home tab: one Slack takes, and each way Slack refuses one.
func TestSelectMenusAsSlackTakesThem(t *testing.T) {
	t.Parallel()
	option := func(text, value string) map[string]any {
		return map[string]any{"text": map[string]any{"type": "plain_text", "text": text}, "value": value}
	}
	options := func(n int) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = option(fmt.Sprint("Section ", i), fmt.Sprint("section:", i))
		}
		return out
	}
	group := func(label string, opts []any) map[string]any {
		return map[string]any{"label": map[string]any{"type": "plain_text", "text": label}, "options": opts}
	}
	view := func(menu map[string]any) map[string]any {
		if menu["type"] == nil {
			menu["type"] = "static_select"
		}
		menu["action_id"] = "teach"
		return map[string]any{"type": "home", "blocks": []any{map[string]any{
			"type": "section", "block_id": "teach/a1", "text": map[string]any{"type": "mrkdwn", "text": "2× *offsite*"}, "accessory": menu,
		}}}
	}
	long := strings.Repeat("x", 76)
	tests := []struct {
		name string
		menu map[string]any
		want string // "" when Slack takes it
	}{
		{"groups", map[string]any{"placeholder": map[string]any{"type": "plain_text", "text": "Answered by…"}, "option_groups": []any{group("Closest", options(3)), group("Every section", options(96))}}, ""},
		{"options", map[string]any{"options": options(100), "initial_option": option("Section 2", "section:2")}, ""},
		{"both", map[string]any{"options": options(1), "option_groups": []any{group("A", options(1))}}, "not both"},
		{"neither", map[string]any{}, "must provide options or option_groups"},
		{"101 options", map[string]any{"options": options(101)}, "no more than 100 items"},
		{"101 options in groups", map[string]any{"option_groups": []any{group("A", options(60)), group("B", options(41))}}, "no more than 100 options allowed in all"},
		{"empty group", map[string]any{"option_groups": []any{group("A", []any{})}}, "at least 1 option"},
		{"long label", map[string]any{"option_groups": []any{group(long, options(1))}}, "/label/text"},
		{"long option text", map[string]any{"options": []any{option(long, "v")}}, "/options/0/text/text"},
		{"long value", map[string]any{"options": []any{option("A", strings.Repeat("v", 151))}}, "/options/0/value"},
		{"mrkdwn option", map[string]any{"options": []any{map[string]any{"text": map[string]any{"type": "mrkdwn", "text": "*A*"}, "value": "a"}}}, "/options/0/text/type"},
		{"long placeholder", map[string]any{"placeholder": map[string]any{"type": "plain_text", "text": strings.Repeat("p", 151)}, "options": options(1)}, "/placeholder/text"},
		{"unknown initial option", map[string]any{"options": options(2), "initial_option": option("Other", "other")}, "/initial_option"},
		// A menu whose options the app suggests holds none itself.
		{"external", map[string]any{"type": "external_select", "min_query_length": 0.0, "placeholder": map[string]any{"type": "plain_text", "text": "Answered by…"}}, ""},
		{"external with options", map[string]any{"type": "external_select", "options": options(2)}, "options"},
		{"external, negative query length", map[string]any{"type": "external_select", "min_query_length": -1.0}, "/min_query_length"},
		{"external, long placeholder", map[string]any{"type": "external_select", "placeholder": map[string]any{"type": "plain_text", "text": strings.Repeat("p", 151)}}, "/placeholder/text"},
	}
	for _, tt := range tests {
		got := fmt.Sprint(fakeslack.ValidateView(view(tt.menu)))
		switch {
		case tt.want == "" && got != "[]":
			t.Errorf("%s: Slack takes it, the fake refused: %s", tt.name, got)
		case tt.want != "" && !strings.Contains(got, tt.want):
			t.Errorf("%s: refused with %s, want %q", tt.name, got, tt.want)
		}
	}
}
