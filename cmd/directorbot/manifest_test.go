package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestManifestCommand prints the manifest under the names BOT_NAME and
// SLASH_COMMAND give, the agent's with --agent; a name Slack would refuse,
// or an argument, is a usage mistake.
func TestManifestCommand(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		args     []string
		settings map[string]string
		code     int
		want     string
	}{
		{"default", []string{"manifest"}, nil, 0, "  slash_commands:\n    - command: /director\n"},
		{"own names", []string{"manifest"}, map[string]string{"BOT_NAME": "Career Guide", "SLASH_COMMAND": "career"}, 0, "  bot_user:\n    display_name: Career Guide\n"},
		{"agent", []string{"manifest", "--agent"}, nil, 0, "  assistant_view:\n"},
		{"an argument", []string{"manifest", "agent"}, nil, exitUsage, "manifest takes no arguments"},
		{"a name Slack refuses", []string{"manifest"}, map[string]string{"SLASH_COMMAND": "/Career Guide"}, exitUsage, "BOT_NAME or SLASH_COMMAND"},
		{"a name too long for a manifest", []string{"manifest"}, map[string]string{"BOT_NAME": "Engineering Leadership Career Guide Bot"}, exitUsage, "is 39 characters long: an app manifest names the app in at most 35"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			env := &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string { return tt.settings[k] }}
			code := runIn(context.Background(), env, tt.args)
			if code != tt.code || !strings.Contains(out.String()+errOut.String(), tt.want) {
				t.Errorf("exit %d, want %d; output lacks %q:\n%s%s", code, tt.code, tt.want, out.String(), errOut.String())
			}
		})
	}
}
