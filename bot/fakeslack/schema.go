package fakeslack

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// messageSchema is a JSON Schema for a message {text, blocks}, generated
// from Slack's TypeScript types (@slack/types 3.2.0): it checks the
// structure and types of blocks, but none of Slack's lengths and counts.
//
//go:embed schema/message.schema.json
var messageSchema []byte

// schemaURL names the embedded schema; nothing is ever fetched from it.
const schemaURL = "https://fakeslack.invalid/message.schema.json"

// Messages of the error reports Slack's validator (hack-json-schema,
// https://github.com/slackhq/hack-json-schema) writes for a union.
const (
	noSchemaMatched = "failed to match all allowed schemas"
	unsupportedType = "unsupported type: "
)

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
		panic(fmt.Sprint("fakeslack: embedded message schema: ", err))
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource(schemaURL, doc); err != nil {
		panic(fmt.Sprint("fakeslack: embedded message schema: ", err))
	}
	bs := blockSchemas{any: c.MustCompile(schemaURL + "#/definitions/KnownBlock"), byType: map[string]*jsonschema.Schema{}}
	for typ, ref := range blockTypes(doc) {
		bs.byType[typ] = c.MustCompile(schemaURL + ref)
	}
	return bs
})

// blockTypes maps each block type of the schema's KnownBlock to the
// reference of its definition.
func blockTypes(doc any) map[string]string {
	defs, _ := dig(doc, "definitions").(map[string]any)
	branches, _ := dig(defs, "KnownBlock", "anyOf").([]any)
	out := map[string]string{}
	for _, branch := range branches {
		ref, _ := dig(branch, "$ref").(string)
		name, ok := strings.CutPrefix(ref, "#/definitions/")
		if typ, isString := dig(defs, name, "properties", "type", "const").(string); ok && isString {
			out[typ] = ref
		}
	}
	return out
}

// dig returns the value at a path of object keys, or nil.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
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

// issue is one schema failure: where, and what Slack says of it.
type issue struct {
	loc []string
	msg string
}

// schemaViolations checks one block against the schema (structure and
// types, per message.schema.json) and returns what Slack reports, with
// pointers under ptr, the block's own pointer.
func schemaViolations(code, ptr string, block any) []Violation {
	var verr *jsonschema.ValidationError
	if !errors.As(schemaFor(block).Validate(block), &verr) {
		return nil
	}
	var vs []Violation
	for _, is := range explain(verr, block) {
		vs = append(vs, Violation{Code: code, Message: is.msg, Pointer: pointer(ptr, segments(is.loc)...)})
	}
	return vs
}

func segments(loc []string) []any {
	out := make([]any, len(loc))
	for i, s := range loc {
		out[i] = s
	}
	return out
}

// explain turns a validation error into the failures Slack reports: the
// leaves of the error tree, each union narrowed to the branch whose type
// the value has.
func explain(e *jsonschema.ValidationError, doc any) []issue {
	switch k := e.ErrorKind.(type) {
	case *kind.AnyOf:
		return explainUnion(e, doc)
	case *kind.Schema, *kind.Group, *kind.Reference, *kind.AllOf:
		var out []issue
		for _, c := range e.Causes {
			out = append(out, explain(c, doc)...)
		}
		return out
	case *kind.Required:
		var out []issue
		for _, name := range k.Missing {
			out = append(out, issue{e.InstanceLocation, "missing required field: " + name})
		}
		return out
	case *kind.AdditionalProperties:
		var out []issue
		for _, name := range k.Properties {
			out = append(out, issue{e.InstanceLocation, "invalid additional property: " + name})
		}
		return out
	default:
		return []issue{{e.InstanceLocation, describe(e.ErrorKind)}}
	}
}

// explainUnion explains a failed anyOf. Slack's unions of blocks and
// elements are told apart by type: a value whose type no branch has is
// an unsupported type; otherwise the failures are those of its branch. A
// text object, which may be plain_text or mrkdwn, is reported first as a
// whole ("failed to match all allowed schemas"), as Slack does.
func explainUnion(e *jsonschema.ValidationError, doc any) []issue {
	var branches []*jsonschema.ValidationError
	for _, c := range e.Causes {
		if !typeMismatch(c, e.InstanceLocation) {
			branches = append(branches, c)
		}
	}
	if len(branches) == 0 {
		if t, ok := typeAt(doc, e.InstanceLocation); ok {
			return []issue{{append(e.InstanceLocation[:len(e.InstanceLocation):len(e.InstanceLocation)], "type"), unsupportedType + t}}
		}
		return []issue{{e.InstanceLocation, noSchemaMatched}}
	}
	var out []issue
	if len(branches) > 1 || strings.HasSuffix(e.SchemaURL, "#/definitions/TextObject") {
		out = append(out, issue{e.InstanceLocation, noSchemaMatched})
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
		return tooShort(k.Want)
	case *kind.MaxLength:
		return tooLong(k.Want)
	case *kind.MinItems:
		return tooFew(k.Want)
	case *kind.MaxItems:
		return tooMany(k.Want)
	}
	return noSchemaMatched
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

// The wording of hack-json-schema's length and count constraints.
func tooShort(min int) string { return fmt.Sprintf("must be more than %d characters", min-1) }
func tooLong(max int) string  { return fmt.Sprintf("must be less than %d characters", max+1) }
func tooFew(min int) string   { return fmt.Sprintf("must provide at least %d items", min) }
func tooMany(max int) string  { return fmt.Sprintf("no more than %d items allowed", max) }
