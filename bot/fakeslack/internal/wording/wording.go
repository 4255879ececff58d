// Package wording holds how Slack's validator (hack-json-schema,
// https://github.com/slackhq/hack-json-schema) words the failures it
// reports, shared by the fake's limit checks and its schema check.
package wording

import "fmt"

// Messages for a union no branch of which matched.
const (
	NoSchemaMatched = "failed to match all allowed schemas"
	UnsupportedType = "unsupported type: "
)

// TooShort is the failure of a string shorter than min characters.
func TooShort(min int) string { return fmt.Sprintf("must be more than %d characters", min-1) }

// TooLong is the failure of a string longer than max characters.
func TooLong(max int) string { return fmt.Sprintf("must be less than %d characters", max+1) }

// TooFew is the failure of an array of fewer than min items.
func TooFew(min int) string { return fmt.Sprintf("must provide at least %d items", min) }

// TooMany is the failure of an array of more than max items.
func TooMany(max int) string { return fmt.Sprintf("no more than %d items allowed", max) }
