package fakeslack

import (
	"slices"
	"strconv"
	"strings"
)

// Slack's error codes for a message or view it refuses, and what the
// person who typed a slash command sees when its reply is refused.
const (
	InvalidBlocks          = "invalid_blocks"
	InvalidBlocksFormat    = "invalid_blocks_format"
	InvalidAttachments     = "invalid_attachments"
	MsgBlocksTooLong       = "msg_blocks_too_long"
	MsgTooLong             = "msg_too_long"
	NoText                 = "no_text"
	InvalidArguments       = "invalid_arguments"
	ViewTooLarge           = "view_too_large"
	InvalidPayload         = "invalid_payload"
	InvalidCommandResponse = "invalid_command_response"
	// OperationTimeout is what the person sees when a slash command or a
	// click is not acked within AckDeadline.
	OperationTimeout = "operation_timeout"
	// OnlyOneTableAllowed is the message Slack gives, with
	// invalid_attachments, for a second table block.
	OnlyOneTableAllowed = "only_one_table_allowed"
	// ResponseTooLarge names, in Refusals, a Socket Mode message Slack
	// dropped unread (MaxResponseFrame); Slack itself answers nothing.
	ResponseTooLarge = "response_too_large"
	// OptionsNotLoaded names, in Refusals, what the person sees when
	// the options a bot suggests for a menu are refused: none.
	OptionsNotLoaded = "options_not_loaded"
)

// codeOrder is which error Slack answers when a message breaks rules of
// several kinds: the first kind found in this order.
var codeOrder = []string{NoText, InvalidPayload, InvalidBlocksFormat, InvalidArguments, InvalidBlocks, InvalidAttachments, MsgBlocksTooLong, MsgTooLong}

// Violation is one reason Slack refuses a message or a view.
type Violation struct {
	// Code is Slack's error code, such as invalid_blocks.
	Code string
	// Message says what is wrong, in Slack's words.
	Message string
	// Pointer is the JSON pointer to the offending value, such as
	// /blocks/3/elements/1/action_id.
	Pointer string
}

// String returns the violation as Slack writes it in
// response_metadata.messages, such as
// [ERROR] `action_id` "topic" already exists [json-pointer:/blocks/3/elements/1/action_id].
func (v Violation) String() string { return "[ERROR] " + v.detail() }

// detail is the violation as Slack writes it in the errors of an
// invalid_blocks answer: without the [ERROR] prefix.
func (v Violation) detail() string { return v.Message + " [json-pointer:" + v.Pointer + "]" }

// ErrorCode returns the error Slack answers for a list of violations, or ""
// when there are none.
func ErrorCode(vs []Violation) string {
	for _, code := range codeOrder {
		for _, v := range vs {
			if v.Code == code {
				return code
			}
		}
	}
	if len(vs) > 0 {
		return vs[0].Code
	}
	return ""
}

// withCode returns the violations of one code.
func withCode(vs []Violation, code string) []Violation {
	var out []Violation
	for _, v := range vs {
		if v.Code == code {
			out = append(out, v)
		}
	}
	return out
}

// tidy drops repeated violations and sorts them by pointer, in document
// order, so that a wrapping error comes before those inside it.
func tidy(vs []Violation) []Violation {
	seen := map[Violation]bool{}
	out := vs[:0]
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b Violation) int { return comparePointers(a.Pointer, b.Pointer) })
	return out
}

// comparePointers orders JSON pointers segment by segment, array indices
// by number.
func comparePointers(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if c := compareSegments(as[i], bs[i]); c != 0 {
			return c
		}
	}
	return len(as) - len(bs)
}

func compareSegments(a, b string) int {
	ai, aerr := strconv.Atoi(a)
	bi, berr := strconv.Atoi(b)
	if aerr == nil && berr == nil {
		return ai - bi
	}
	return strings.Compare(a, b)
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// pointer joins a JSON pointer and more segments, escaped as RFC 6901
// says.
func pointer(base string, segments ...any) string {
	var b strings.Builder
	b.WriteString(base)
	for _, s := range segments {
		b.WriteByte('/')
		switch s := s.(type) {
		case int:
			b.WriteString(strconv.Itoa(s))
		case string:
			b.WriteString(pointerEscaper.Replace(s))
		}
	}
	return b.String()
}
