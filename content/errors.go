package content

import (
	"errors"
	"fmt"
)

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

// maxMistakes bounds the mistaken lines a file reports.
const maxMistakes = 20

// mistakeList collects a file's mistaken lines, so that they are mended
// at once rather than met one run at a time: the first maxMistakes, and a
// count of the rest.
type mistakeList struct {
	file   string
	listed []error
	more   int
}

// add records a mistaken line.
func (m *mistakeList) add(err *Error) {
	if len(m.listed) < maxMistakes {
		m.listed = append(m.listed, err)
		return
	}
	m.more++
}

// err is every mistake listed, then an error that counts the rest
// (Error.More); nil for none.
func (m *mistakeList) err() error {
	if m.more > 0 {
		return errors.Join(append(m.listed, &Error{File: m.file, More: m.more, Msg: fmt.Sprintf("%d more mistaken lines, not listed", m.more)})...)
	}
	return errors.Join(m.listed...)
}

// Error formats the problem as "file:line: message".
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}
