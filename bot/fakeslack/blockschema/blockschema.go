// Package blockschema checks blocks against a JSON Schema of Slack's
// Block Kit, for the fake Slack: importing it makes every message and view
// the fake validates go through the schema as well as Slack's limits.
// Tests import it; the production binary does not, so that its start-up
// pays nothing for a validator only tests need.
package blockschema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/directorbot/directorbot/bot/fakeslack"
	"github.com/directorbot/directorbot/bot/fakeslack/internal/wording"
)

func init() { fakeslack.UseSchema(Check) }

// Check checks one block against the schema (structure and types, per
// message.schema.json) and returns the failures Slack reports, each with
// its path below the block.
func Check(block any) []fakeslack.SchemaIssue {
	var verr *jsonschema.ValidationError
	if !errors.As(schemaFor(block).Validate(block), &verr) {
		return nil
	}
	return explain(verr, block)
}

// messageSchema is a JSON Schema for a message {text, blocks}, generated
// from Slack's TypeScript types (@slack/types 3.2.0): it checks the
// structure and types of blocks, but none of Slack's lengths and counts.
//
//go:embed schema/message.schema.json
var messageSchema []byte

// schemaURL names the embedded schema; nothing is ever fetched from it.
const schemaURL = "https://fakeslack.invalid/message.schema.json"

// blockSchemas are the compiled schemas of blocks: the schema's KnownBlock
// (any one block), and the definition of each block type, which checks a
// block of a known type much faster than trying it against every type.
type blockSchemas struct {
	any    *jsonschema.Schema
	byType map[string]*jsonschema.Schema
}

// compiledBlocks compiles the embedded schema once, when first needed.
var compiledBlocks = sync.OnceValue(func() blockSchemas {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(messageSchema))
	if err != nil {
		panic(fmt.Sprint("blockschema: embedded message schema: ", err))
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource(schemaURL, doc); err != nil {
		panic(fmt.Sprint("blockschema: embedded message schema: ", err))
	}
	bs := blockSchemas{any: c.MustCompile(schemaURL + "#/definitions/KnownBlock"), byType: map[string]*jsonschema.Schema{}}
	for typ, ref := range blockTypes() {
		bs.byType[typ] = c.MustCompile(schemaURL + ref)
	}
	return bs
})

// blockTypes maps each block type of the schema's KnownBlock to the
// reference of its definition.
func blockTypes() map[string]string {
	var schema struct {
		Definitions map[string]struct {
			AnyOf []struct {
				Ref string `json:"$ref"`
			} `json:"anyOf"`
			Properties struct {
				Type struct {
					Const string `json:"const"`
				} `json:"type"`
			} `json:"properties"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(messageSchema, &schema); err != nil {
		panic(fmt.Sprint("blockschema: embedded message schema: ", err))
	}
	out := map[string]string{}
	for _, branch := range schema.Definitions["KnownBlock"].AnyOf {
		name, ok := strings.CutPrefix(branch.Ref, "#/definitions/")
		if typ := schema.Definitions[name].Properties.Type.Const; ok && typ != "" {
			out[typ] = branch.Ref
		}
	}
	return out
}

// schemaFor returns the schema to check a block against: its type's
// definition, or KnownBlock for a block of no known type.
func schemaFor(block any) *jsonschema.Schema {
	bs := compiledBlocks()
	if m, ok := block.(map[string]any); ok {
		if t, ok := m["type"].(string); ok && bs.byType[t] != nil {
			return bs.byType[t]
		}
	}
	return bs.any
}

// explain turns a validation error into the failures Slack reports: the
// leaves of the error tree, each union narrowed to the branch whose type
// the value has.
func explain(e *jsonschema.ValidationError, doc any) []fakeslack.SchemaIssue {
	switch k := e.ErrorKind.(type) {
	case *kind.AnyOf:
		return explainUnion(e, doc)
	case *kind.Schema, *kind.Group, *kind.Reference, *kind.AllOf:
		var out []fakeslack.SchemaIssue
		for _, c := range e.Causes {
			out = append(out, explain(c, doc)...)
		}
		return out
	case *kind.Required:
		var out []fakeslack.SchemaIssue
		for _, name := range k.Missing {
			out = append(out, fakeslack.SchemaIssue{Path: e.InstanceLocation, Message: "missing required field: " + name})
		}
		return out
	case *kind.AdditionalProperties:
		var out []fakeslack.SchemaIssue
		for _, name := range k.Properties {
			out = append(out, fakeslack.SchemaIssue{Path: e.InstanceLocation, Message: "invalid additional property: " + name})
		}
		return out
	default:
		return []fakeslack.SchemaIssue{{Path: e.InstanceLocation, Message: describe(e.ErrorKind)}}
	}
}

// explainUnion explains a failed anyOf. Slack's unions of blocks and
// elements are told apart by type: a value whose type no branch has is
// an unsupported type; otherwise the failures are those of its branch. A
// text object, which may be plain_text or mrkdwn, is reported first as a
// whole ("failed to match all allowed schemas"), as Slack does.
func explainUnion(e *jsonschema.ValidationError, doc any) []fakeslack.SchemaIssue {
	var branches []*jsonschema.ValidationError
	for _, c := range e.Causes {
		if !typeMismatch(c, e.InstanceLocation) {
			branches = append(branches, c)
		}
	}
	if len(branches) == 0 {
		if t, ok := typeAt(doc, e.InstanceLocation); ok {
			return []fakeslack.SchemaIssue{{Path: append(e.InstanceLocation[:len(e.InstanceLocation):len(e.InstanceLocation)], "type"), Message: wording.UnsupportedType + t}}
		}
		return []fakeslack.SchemaIssue{{Path: e.InstanceLocation, Message: wording.NoSchemaMatched}}
	}
	var out []fakeslack.SchemaIssue
	if len(branches) > 1 || strings.HasSuffix(e.SchemaURL, "#/definitions/TextObject") {
		out = append(out, fakeslack.SchemaIssue{Path: e.InstanceLocation, Message: wording.NoSchemaMatched})
	}
	return append(out, explain(branches[0], doc)...)
}

// typeMismatch reports whether a union branch failed because the value at
// loc has another type than the branch's.
func typeMismatch(e *jsonschema.ValidationError, loc []string) bool {
	switch e.ErrorKind.(type) {
	case *kind.Const, *kind.Enum:
		return len(e.InstanceLocation) == len(loc)+1 && e.InstanceLocation[len(loc)] == "type" && sameLoc(e.InstanceLocation[:len(loc)], loc)
	case *kind.AnyOf:
		if !sameLoc(e.InstanceLocation, loc) || len(e.Causes) == 0 {
			return false
		}
		for _, c := range e.Causes {
			if !typeMismatch(c, loc) {
				return false
			}
		}
		return true
	case *kind.Schema, *kind.Group, *kind.Reference, *kind.AllOf:
		for _, c := range e.Causes {
			if typeMismatch(c, loc) {
				return true
			}
		}
	}
	return false
}

func sameLoc(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// typeAt returns the type property of the object at loc in doc.
func typeAt(doc any, loc []string) (string, bool) {
	for _, seg := range loc {
		switch v := doc.(type) {
		case map[string]any:
			doc = v[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(v) {
				return "", false
			}
			doc = v[i]
		default:
			return "", false
		}
	}
	m, _ := doc.(map[string]any)
	t, ok := m["type"].(string)
	return t, ok
}

// describe words a failed keyword as Slack's validator does.
func describe(k jsonschema.ErrorKind) string {
	switch k := k.(type) {
	case *kind.Type:
		if len(k.Want) > 0 {
			return "must provide " + article(k.Want[0])
		}
	case *kind.Const, *kind.Enum:
		return "must be a valid enum value"
	case *kind.MinLength:
		return wording.TooShort(k.Want)
	case *kind.MaxLength:
		return wording.TooLong(k.Want)
	case *kind.MinItems:
		return wording.TooFew(k.Want)
	case *kind.MaxItems:
		return wording.TooMany(k.Want)
	}
	return wording.NoSchemaMatched
}

func article(jsonType string) string {
	switch jsonType {
	case "object", "array", "integer":
		return "an " + jsonType
	case "null":
		return jsonType
	}
	return "a " + jsonType
}
