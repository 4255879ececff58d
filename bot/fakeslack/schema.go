package fakeslack

import (
	"sync/atomic"
	"testing"
)

// SchemaIssue is one way a block fails the JSON Schema of Block Kit: the
// path below the block, and what Slack says of it.
type SchemaIssue struct {
	Path    []string
	Message string
}

// schemaCheck is the JSON Schema check of blocks, set by UseSchema.
var schemaCheck atomic.Pointer[func(block any) []SchemaIssue]

// UseSchema makes the fake check every block against a JSON Schema of
// Block Kit (structure and types) as well as Slack's limits. Package
// blockschema calls it when imported: tests import it, and the production
// binary, where the fake serves only `directorbot dev`, does not, so that
// the bot's start-up pays nothing for a validator only tests need.
func UseSchema(check func(block any) []SchemaIssue) { schemaCheck.Store(&check) }

// schemaViolations checks one block against the schema and returns what
// Slack reports, with pointers under ptr, the block's own pointer. In a
// test binary a missing schema is a mistake that would let through blocks
// Slack refuses, so it panics.
func schemaViolations(code, ptr string, block any) []Violation {
	check := schemaCheck.Load()
	if check == nil {
		if testing.Testing() {
			panic("fakeslack: no block schema in this test binary: import _ \"github.com/directorbot/directorbot/bot/fakeslack/blockschema\"")
		}
		return nil
	}
	var vs []Violation
	for _, is := range (*check)(block) {
		segs := make([]any, len(is.Path))
		for i, s := range is.Path {
			segs[i] = s
		}
		vs = append(vs, Violation{Code: code, Message: is.Message, Pointer: pointer(ptr, segs...)})
	}
	return vs
}
