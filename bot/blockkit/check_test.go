package blockkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// messageSchema is Slack's Block Kit message schema, generated from
// Slack's own TypeScript types.
func messageSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		schema, schemaErr = jsonschema.NewCompiler().Compile("testdata/slack/message.schema.json")
	})
	if schemaErr != nil {
		t.Fatal(schemaErr)
	}
	return schema
}

// decode turns any payload into plain JSON values.
func decode(t *testing.T, v any) map[string]any {
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

// checkMessage validates a payload against Slack's schema and every limit
// Slack enforces that the schema does not.
func checkMessage(t *testing.T, name string, payload any, blockLimit int) {
	t.Helper()
	m := decode(t, payload)
	raw, _ := json.Marshal(m)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := messageSchema(t).Validate(inst); err != nil {
		t.Errorf("%s: not a valid Block Kit message: %v", name, err)
	}
	for _, problem := range limitProblems(m, blockLimit) {
		t.Errorf("%s: %s", name, problem)
	}
}

func limitProblems(m map[string]any, blockLimit int) []string {
	var p []string
	bad := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	runes := func(v any) int { s, _ := v.(string); return utf8.RuneCountInString(s) }
	if s, _ := m["text"].(string); s == "" || runes(s) > maxFallbackText {
		bad("fallback text empty or over %d: %q", maxFallbackText, s)
	}
	blocks, _ := m["blocks"].([]any)
	if len(blocks) == 0 || len(blocks) > blockLimit {
		bad("%d blocks, want 1..%d", len(blocks), blockLimit)
	}
	tables := 0
	for i, b := range blocks {
		blk := b.(map[string]any)
		if id := blk["block_id"]; runes(id) > 255 {
			bad("block %d: block_id too long", i)
		}
		switch blk["type"] {
		case "header":
			if n := runes(blk["text"].(map[string]any)["text"]); n == 0 || n > maxHeader {
				bad("block %d: header of %d chars", i, n)
			}
		case "section":
			if txt, ok := blk["text"].(map[string]any); ok {
				if n := runes(txt["text"]); n == 0 || n > maxSectionText {
					bad("block %d: section text of %d chars", i, n)
				}
			}
			fields, _ := blk["fields"].([]any)
			if len(fields) > maxFields {
				bad("block %d: %d fields", i, len(fields))
			}
			for _, f := range fields {
				if n := runes(f.(map[string]any)["text"]); n > maxFieldText {
					bad("block %d: field of %d chars", i, n)
				}
			}
			if acc, ok := blk["accessory"].(map[string]any); ok {
				p = append(p, buttonProblems(i, acc)...)
			}
		case "context":
			if els, _ := blk["elements"].([]any); len(els) == 0 || len(els) > maxContextElems {
				bad("block %d: %d context elements", i, len(els))
			}
		case "actions":
			els, _ := blk["elements"].([]any)
			if len(els) == 0 || len(els) > maxActions {
				bad("block %d: %d actions", i, len(els))
			}
			for _, e := range els {
				p = append(p, buttonProblems(i, e.(map[string]any))...)
			}
		case "table":
			tables++
			rows, _ := blk["rows"].([]any)
			if len(rows) == 0 || len(rows) > maxTableRows {
				bad("block %d: %d table rows", i, len(rows))
			}
			for _, r := range rows {
				cells := r.([]any)
				if len(cells) == 0 || len(cells) > maxTableCells {
					bad("block %d: row of %d cells", i, len(cells))
				}
				for _, c := range cells {
					typ := c.(map[string]any)["type"]
					if typ != "raw_text" && typ != "rich_text" {
						bad("block %d: cell type %v", i, typ)
					}
				}
			}
			if cs, _ := blk["column_settings"].([]any); len(cs) > maxTableCells {
				bad("block %d: %d column settings", i, len(cs))
			}
		}
	}
	if tables > 1 {
		bad("%d tables, Slack allows one", tables)
	}
	return p
}

func buttonProblems(block int, e map[string]any) []string {
	var p []string
	if n := utf8.RuneCountInString(e["text"].(map[string]any)["text"].(string)); n == 0 || n > maxButtonText {
		p = append(p, fmt.Sprintf("block %d: button text of %d chars", block, n))
	}
	if v, _ := e["value"].(string); len(v) > maxButtonValue {
		p = append(p, fmt.Sprintf("block %d: button value of %d chars", block, len(v)))
	}
	if id, _ := e["action_id"].(string); len(id) > 255 {
		p = append(p, fmt.Sprintf("block %d: action_id too long", block))
	}
	return p
}

// texts collects every string in a payload that Slack shows or parses.
func texts(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && (k == "text" || k == "value") {
				out = append(out, s)
			}
			out = append(out, texts(x)...)
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
