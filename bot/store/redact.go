package store

import (
	"cmp"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

var (
	// tokenPattern finds Slack tokens: bot, user, app-level, refresh,
	// configuration and workflow tokens.
	tokenPattern = regexp.MustCompile(`\bx(?:ox[a-z]|app|oxe\.xox[a-z])-[A-Za-z0-9-]+`)
	// emailPattern finds email addresses, in any script: an address
	// names a person.
	emailPattern = regexp.MustCompile(`[\pL\pN._%+-]+@[\pL\pN-]+(?:\.[\pL\pN-]+)*\.\pL{2,}`)
)

// WithoutSecrets is text as the bot keeps or logs it: a Slack token pasted
// into it is "[token]", an email address "[email]". Every question kept,
// and every conversation's memory, goes through it; neither moves an
// answer.
func WithoutSecrets(text string) string {
	return emailPattern.ReplaceAllString(tokenPattern.ReplaceAllString(text, "[token]"), "[email]")
}

// redactedMask replaces a password in error messages.
const redactedMask = "xxxxx"

// postgresPasswords returns the passwords in a PostgreSQL URL, the userinfo
// password and any password or sslpassword query parameter, as written and
// decoded, so that error messages can be scrubbed of them. For a URL that
// does not parse it guesses, taking the text between the first ':' of the
// userinfo and the last '@' before the query.
func postgresPasswords(raw string) []string {
	var found []string
	add := func(s string) {
		if s == "" {
			return
		}
		found = append(found, s, url.QueryEscape(s), url.PathEscape(s))
		if decoded, err := url.PathUnescape(s); err == nil {
			found = append(found, decoded)
		}
	}
	if u, err := url.Parse(raw); err == nil {
		if pw, ok := u.User.Password(); ok {
			add(pw)
		}
		for key, values := range u.Query() {
			if isPasswordParameter(key) {
				for _, v := range values {
					add(v)
				}
			}
		}
	}
	add(guessUserinfoPassword(raw))
	return longestFirst(found)
}

// isPasswordParameter reports whether a PostgreSQL URL query parameter
// holds a secret.
func isPasswordParameter(key string) bool {
	key = strings.ToLower(key)
	return key == "password" || key == "sslpassword"
}

// guessUserinfoPassword returns the password of a URL that may not parse:
// what lies between the first ':' and the last '@' of the part after "://"
// and before the query.
func guessUserinfoPassword(raw string) string {
	_, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return ""
	}
	rest, _, _ = strings.Cut(rest, "?")
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return ""
	}
	_, pw, _ := strings.Cut(rest[:at], ":")
	return pw
}

// longestFirst sorts secrets longest first and drops repeats, so that a
// secret is masked whole before any shorter one inside it.
func longestFirst(secrets []string) []string {
	slices.SortFunc(secrets, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(secrets)
}

// redactedError is an error whose message has had passwords masked. Unwrap
// gives the original error, for errors.Is and errors.As; its own message is
// not masked.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }

func (e *redactedError) Unwrap() error { return e.err }

// redact returns err with every one of secrets masked in its message.
func redact(err error, secrets []string) error {
	if err == nil || len(secrets) == 0 {
		return err
	}
	return &redactedError{msg: maskSecrets(err.Error(), secrets), err: err}
}

// maskSecrets returns msg with every one of secrets masked.
func maskSecrets(msg string, secrets []string) string {
	for _, s := range secrets {
		msg = strings.ReplaceAll(msg, s, redactedMask)
	}
	return msg
}

// parseError makes an error of pgx's URL parser a URLError: a URL of the
// wrong form, which no retry mends. pgx quotes the URL in it, masking the
// password as best it can, which for a malformed URL may leave part of
// one; so the quoted URL is cut out and the rest masked as well.
func parseError(err error, secrets []string) error {
	msg := maskSecrets(withoutQuotedURL(err.Error()), secrets)
	return &URLError{problem: "is not a PostgreSQL URL that can be read: " + msg}
}

// withoutQuotedURL returns a pgx "cannot parse `URL`: reason" message
// without its first part, or msg itself when it has another form.
func withoutQuotedURL(msg string) string {
	rest, ok := strings.CutPrefix(msg, "cannot parse `")
	if !ok {
		return msg
	}
	if i := strings.LastIndex(rest, "`: "); i >= 0 {
		return rest[i+len("`: "):]
	}
	return "malformed URL"
}
