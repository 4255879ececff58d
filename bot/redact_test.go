package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/bot/internal/guidetest"
)

// serverFor is a server, not running, whose configured Web API host is
// apiURL's: replies may go to response_urls there.
func serverFor(t *testing.T, apiURL string, logs *syncBuffer) *Server {
	return NewServer(Config{
		AppToken: "xapp-1-A1-secret-app-token", BotToken: "xoxb-secret-bot-token",
		APIURL: apiURL, Logger: slog.New(slog.NewJSONHandler(logs, nil)),
	}, guidetest.Embedded(t))
}

// TestResponseURLRedirectsStayOnSlack answers a response_url on an allowed
// host that redirects (307, which keeps the POST and its body) elsewhere:
// the reply must not reach the other host. A redirect within the allowed
// host is followed.
func TestResponseURLRedirectsStayOnSlack(t *testing.T) {
	t.Parallel()
	var stolen atomic.Int32
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stolen.Add(1)
		w.Write([]byte("ok"))
	}))
	defer elsewhere.Close()
	var followed atomic.Int32
	allowed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/response/away":
			http.Redirect(w, r, elsewhere.URL+"/collect", http.StatusTemporaryRedirect)
		case "/response/moved":
			http.Redirect(w, r, "/response/here", http.StatusTemporaryRedirect)
		case "/response/here":
			followed.Add(1)
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"ok":true}`))
		}
	}))
	defer allowed.Close()
	logs := &syncBuffer{}
	s := serverFor(t, allowed.URL+"/api/", logs)
	ctx := context.Background()
	s.respond(ctx, allowed.URL+"/response/away", blockkit.Sorry(), false)
	if n := stolen.Load(); n != 0 {
		t.Errorf("a reply followed a redirect to another host (%d requests)", n)
	}
	if !strings.Contains(logs.String(), "refused a redirect") {
		t.Errorf("the refused redirect is not logged:\n%s", logs)
	}
	s.respond(ctx, allowed.URL+"/response/moved", blockkit.Sorry(), false)
	if followed.Load() != 1 {
		t.Error("a redirect within the allowed host was not followed")
	}
}

// TestLogsHideResponseURLsAndTokens makes replies fail in two ways, a
// network error and an upstream body quoting a token, and checks what is
// logged: the host only, never the response_url's path, and no token.
func TestLogsHideResponseURLsAndTokens(t *testing.T) {
	t.Parallel()
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("invalid_token: xoxb-1234-5678-leakedsecret was refused " + strings.Repeat("and much more ", 200)))
	}))
	defer upstream.Close()
	logs := &syncBuffer{}
	s := serverFor(t, upstream.URL+"/api/", logs)
	s.respond(context.Background(), upstream.URL+"/response/T1/secret-hook-path", blockkit.Sorry(), false)

	// A host that hangs up on every connection: the error names the whole
	// URL. The listener stays open, so that no other test's server can
	// take its port and receive the reply, as one did when it was closed
	// to refuse connections.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	dead := "http://" + ln.Addr().String()
	s2 := serverFor(t, dead+"/api/", logs)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s2.respond(ctx, dead+"/response/T1/other-secret-path", blockkit.Sorry(), false)

	out := logs.String()
	if strings.Count(out, "reply via response_url failed") != 2 {
		t.Fatalf("want two failures logged:\n%s", out)
	}
	for _, secret := range []string{"secret-hook-path", "other-secret-path", "leakedsecret", "xoxb-1234"} {
		if strings.Contains(out, secret) {
			t.Errorf("the logs show %q:\n%s", secret, out)
		}
	}
	if strings.Contains(out, strings.Repeat("and much more ", 30)) {
		t.Error("a long upstream body is logged whole")
	}
}

func TestRedactText(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		`Post "https://hooks.slack.com/actions/T1/123/abcSECRET": dial tcp: i/o timeout`: `Post "https://hooks.slack.com/…": dial tcp: i/o timeout`,
		"wss://wss-primary.slack.com/link/?ticket=abc&app_id=A1 refused":                 "wss://wss-primary.slack.com/… refused",
		"token xoxb-1-2-abc and xapp-1-A1-2-def and xoxp-9 and xoxe.xoxp-1-x":            "token [token] and [token] and [token] and [token]",
		"plain words stay":              "plain words stay",
		"user jose@müller.de not found": "user [email] not found",
	}
	for in, want := range tests {
		if got := redactText(in); got != want {
			t.Errorf("redactText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := redactText(strings.Repeat("é", 400)); len(got) > maxLoggedError+len("…") || !strings.HasSuffix(got, "…") {
		t.Errorf("long text cut to %d bytes: %q", len(got), got)
	}
}

// TestOversizedFrameIsRefused sends one 10 MB websocket frame: the bot
// refuses it without reading it into memory (the connection is closed and
// opened again) and goes on answering.
func TestOversizedFrameIsRefused(t *testing.T) {
	t.Parallel()
	h := startServer(t)
	frame := []byte(`{"envelope_id":"huge","type":"events_api","payload":{"text":"` + strings.Repeat("x", 10<<20) + `"}}`)
	// The bot closes the connection while the fake is still writing.
	_ = h.fake.SendRaw(frame)
	if !h.fake.WaitFor(wait, func() bool { return h.fake.Connections() >= 2 }) {
		t.Fatal("the connection was not closed and opened again")
	}
	var got string
	h.fake.WaitFor(wait, func() bool {
		e := h.fake.SlashCommand("timeline", "U1", "C1")
		if h.fake.Send(e) != nil {
			return false
		}
		got = string(h.ackFor(t, e.ID()).Payload)
		return true
	})
	if !strings.Contains(got, "Timeline") {
		t.Errorf("not answering after an oversized frame: %.200s", got)
	}
	for _, a := range h.fake.Acks() {
		if a.EnvelopeID == "huge" {
			t.Error("the oversized envelope was acked")
		}
	}
}

// TestSocketModeErrorsAreRedacted checks that an error from the Socket
// Mode connection, which may quote the websocket URL and its ticket, is
// returned redacted, and still wraps what it wraps.
func TestSocketModeErrorsAreRedacted(t *testing.T) {
	t.Parallel()
	cause := fmt.Errorf("dial wss://wss-primary.slack.com/link/?ticket=secret-ticket&app_id=A1: %w", io.ErrUnexpectedEOF)
	err := classifyAuth(cause, "SLACK_APP_TOKEN", "socket mode stopped")
	if strings.Contains(err.Error(), "secret-ticket") || !strings.HasPrefix(err.Error(), "socket mode stopped: ") {
		t.Errorf("error = %q", err)
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Error("the redacted error no longer wraps its cause")
	}
}
