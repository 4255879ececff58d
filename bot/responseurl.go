package bot

import (
	"net/url"
	"strings"
)

// trustedResponseURL accepts only Slack's own response URLs (https on
// slack.com), or URLs on the configured Web API host (the local fake in
// tests and `directorbot dev`): an envelope must never make the bot post
// to an address of its choosing.
func (s *Server) trustedResponseURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.User != nil {
		return false
	}
	if u.Scheme == "https" && (u.Host == "slack.com" || strings.HasSuffix(u.Host, ".slack.com")) {
		return true
	}
	if s.cfg.APIURL == "" {
		return false
	}
	api, err := url.Parse(s.cfg.APIURL)
	return err == nil && u.Scheme == api.Scheme && u.Host == api.Host
}
