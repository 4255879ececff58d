package content

import "fmt"

// Error is a problem in a guide page, located by file and line so that an
// author can fix it.
type Error struct {
	File string
	// Line is 1-based; 0 when the problem concerns the whole file.
	Line int
	Msg  string
	// More counts, on the error that ends a file's list of mistaken lines
	// (Line 0), the mistaken lines past the list: it stands for them.
	More int
}

// MistakenLines counts the mistaken lines the errors stand for: one each, or
// More for the error that ends a list.
func MistakenLines(mistakes []*Error) int {
	n := 0
	for _, m := range mistakes {
		n += max(1, m.More)
	}
	return n
}

// Mistakes returns every *Error in err's tree, in order: a file of
// questions reports all its mistaken lines at once (up to maxMistakes).
func Mistakes(err error) []*Error {
	switch e := err.(type) {
	case *Error:
		return []*Error{e}
	case interface{ Unwrap() []error }:
		var out []*Error
		for _, inner := range e.Unwrap() {
			out = append(out, Mistakes(inner)...)
		}
		return out
	case interface{ Unwrap() error }:
		return Mistakes(e.Unwrap())
	}
	return nil
}

// maxMistakes bounds the mistaken lines a file of questions reports.
const maxMistakes = 20

// Error formats the problem as "file:line: message".
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}
