// Package deploy holds the files that install Director Bot: the Slack app
// manifests, the container image, Kubernetes and systemd. It embeds the
// manifests, which directorbot manifest prints under the app's own names;
// its tests check the files against Slack's schema and against what the
// code handles.
package deploy

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/directorbot/directorbot/bot/blockkit"
	"go.yaml.in/yaml/v3"
)

// The Slack app manifests of slack/: the plain app, and the same app with
// Slack's agent feature (agent threads with suggested prompts).
var (
	//go:embed slack/manifest.yaml
	manifest []byte
	//go:embed slack/manifest.agent.yaml
	agentManifest []byte
)

// maxAppName is the most characters of an app's name Slack's manifest
// schema allows (display_information.name); its bot user's may be longer.
const maxAppName = 35

// NameTooLong is NamedManifest's error for an app's name longer than a
// manifest holds.
type NameTooLong struct {
	Name   string
	Length int
}

func (e NameTooLong) Error() string {
	return fmt.Sprintf("BOT_NAME %q is %d characters long: an app manifest names the app in at most %d (display_information.name), though its bot user's display name may have up to 80; use a shorter name, or paste the manifest of a shorter one and set features.bot_user.display_name to the longer by hand", e.Name, e.Length, maxAppName)
}

// NamedManifest returns the app's manifest (with Slack's agent feature
// when agent), to paste at api.slack.com/apps, under app's names where it
// gives the default ones: the app's and its bot user's names, the slash
// command, and both in its descriptions and comments. An owner with only
// the binary gets the manifest that matches BOT_NAME and SLASH_COMMAND.
func NamedManifest(agent bool, app blockkit.App) ([]byte, error) {
	if n := utf8.RuneCountInString(app.Name()); n > maxAppName {
		return nil, NameTooLong{Name: app.Name(), Length: n}
	}
	raw := manifest
	if agent {
		raw = agentManifest
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("read the embedded manifest: %w", err)
	}
	rename := strings.NewReplacer(blockkit.DefaultName, app.Name(), blockkit.DefaultCommand, app.Command())
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		n.HeadComment, n.LineComment, n.FootComment = rename.Replace(n.HeadComment), rename.Replace(n.LineComment), rename.Replace(n.FootComment)
		if n.Kind == yaml.ScalarNode {
			n.Value = rename.Replace(n.Value)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("write the manifest: %w", err)
	}
	return b.Bytes(), enc.Close()
}
