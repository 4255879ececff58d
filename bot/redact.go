package bot

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"

	"github.com/directorbot/directorbot/bot/store"
)

// What reaches the logs from elsewhere is redacted: a response_url is a
// credential (anyone holding it can post as the bot, to the asker, for 30
// minutes), a Socket Mode URL carries a ticket, and an upstream error body
// may quote anything, a token included.

// urlPattern finds URLs in text.
var urlPattern = regexp.MustCompile(`(?i)\b(?:https?|wss?)://[^\s"'<>]+`)

// maxLoggedError bounds an error as logged: enough to tell what went
// wrong, too little to carry a whole upstream page.
const maxLoggedError = 300

// redactURL keeps a URL's scheme and host, which say where a call went,
// and drops its path and query, which may hold a secret.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "[url]"
	}
	return u.Scheme + "://" + u.Host + "/…"
}

// redactText replaces the URLs, tokens and email addresses in text, and
// shortens it.
func redactText(text string) string {
	text = store.WithoutSecrets(urlPattern.ReplaceAllStringFunc(text, redactURL))
	if len(text) > maxLoggedError {
		cut := maxLoggedError
		for cut > 0 && text[cut]&0xc0 == 0x80 { // not inside a UTF-8 sequence
			cut--
		}
		text = text[:cut] + "…"
	}
	return text
}

// safeError is an error as it may be logged.
func safeError(err error) string {
	if err == nil {
		return ""
	}
	return redactText(err.Error())
}

// maxRedirects bounds the redirects a Web API or response_url call follows.
const maxRedirects = 3

// errRedirectRefused stops a redirect to a host the bot does not trust.
var errRedirectRefused = errors.New("redirect refused: not to a Slack host")

// httpClient is the client of every Web API call and response_url reply.
// It follows a redirect only to a host the bot would post to anyway
// (Slack's, or the configured API's), so a response_url on an allowed host
// cannot send a reply, and the asker's answer, anywhere else.
func (s *Server) httpClient() *http.Client {
	return &http.Client{
		Transport: replyTransport{base: http.DefaultTransport},
		Timeout:   2 * callTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			if !s.trustedResponseURL(req.URL.String()) {
				s.log.Warn("refused a redirect", "to", redactURL(req.URL.String()))
				return errRedirectRefused
			}
			return nil
		},
	}
}
