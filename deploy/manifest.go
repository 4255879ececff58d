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

// NamedManifest returns the app's manifest (with Slack's agent feature
// when agent), to paste at api.slack.com/apps, under app's names where it
// gives the default ones: the app's and its bot user's names, the slash
// command, and both in its descriptions and comments. An owner with only
// the binary gets the manifest that matches BOT_NAME and SLASH_COMMAND.
func NamedManifest(agent bool, app blockkit.App) ([]byte, error) {
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
