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

// requireSchema panics in a test binary without the schema: a mistake
// that would let through blocks Slack refuses. New calls it too, on the
// test's own goroutine, since a panic in the fake's HTTP handlers is
// recovered by net/http and seen only as a broken connection.
func requireSchema() {
	if testing.Testing() && schemaCheck.Load() == nil {
		panic("fakeslack: no block schema in this test binary: import _ \"github.com/directorbot/directorbot/bot/fakeslack/blockschema\"")
	}
}

// schemaViolations checks one block against the schema and returns what
// Slack reports, with pointers under ptr, the block's own pointer.
func schemaViolations(code, ptr string, block any) []Violation {
	requireSchema()
	check := schemaCheck.Load()
	if check == nil {
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
