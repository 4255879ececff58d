package content

import (
	"strings"
	"unicode"
)

// Slug turns a title into the lower-case, dash-separated form used in
// section IDs. Leading list numbering ("1. ", "2) ") is dropped so that
// renumbering a list of steps does not change their IDs.
func Slug(title string) string {
	title = StripNumbering(title)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// StripNumbering removes leading list numbering such as "1. " or "2) " from
// a title.
func StripNumbering(title string) string {
	t := strings.TrimSpace(title)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(t) || (t[i] != '.' && t[i] != ')') {
		return t
	}
	return strings.TrimSpace(t[i+1:])
}
