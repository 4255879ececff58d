package deploy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/bot"
	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/directorbot/directorbot/content"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func readYAML(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	var docs []map[string]any
	for {
		var doc map[string]any
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, doc)
	}
}

// dig walks nested maps and lists by key or index.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func strings_(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	slices.Sort(out)
	return out
}

var lookahead = regexp.MustCompile(`\(\?[!=][^()]*\)`)

// withoutLookahead compiles schema patterns with Go's regexp. Slack's schema
// uses lookaheads only in domain patterns (unfurl and outgoing domains),
// which this manifest does not have; they are dropped so the rest compiles.
func withoutLookahead(pattern string) (jsonschema.Regexp, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		re, err = regexp.Compile(lookahead.ReplaceAllString(pattern, ""))
	}
	return re, err
}

func TestManifestIsValidAndMatchesTheCode(t *testing.T) {
	t.Parallel()
	manifest := checkManifest(t, "slack/manifest.yaml", bot.RequiredScopes, bot.HandledEvents)
	if dig(manifest, "features", "assistant_view") != nil || dig(manifest, "features", "agent_view") != nil {
		t.Error("the plain manifest turns on the agent feature")
	}
}

// TestAgentManifestIsValidAndMatchesTheCode checks the manifest with
// Slack's agent feature: the plain one's scopes and events with those of
// agent threads, and the embedded guide's suggested prompts.
func TestAgentManifestIsValidAndMatchesTheCode(t *testing.T) {
	t.Parallel()
	manifest := checkManifest(t, "slack/manifest.agent.yaml", bot.AgentScopes, bot.AgentEvents)
	if dig(manifest, "features", "assistant_view", "assistant_description") == nil {
		t.Error("the agent manifest lacks assistant_view")
	}
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var want []any
	for _, p := range blockkit.Prompts(g) {
		want = append(want, map[string]any{"title": p.Title, "message": p.Message})
	}
	if got := dig(manifest, "features", "assistant_view", "suggested_prompts"); !reflect.DeepEqual(got, want) {
		t.Errorf("the manifest's suggested prompts are %v, the guide's %v", got, want)
	}
	plain := readYAML(t, "slack/manifest.yaml")[0]
	delete(manifest["features"].(map[string]any), "assistant_view")
	for _, m := range []map[string]any{manifest, plain} {
		delete(m["oauth_config"].(map[string]any), "scopes")
		delete(m["settings"].(map[string]any), "event_subscriptions")
	}
	if !reflect.DeepEqual(manifest, plain) {
		t.Error("the two manifests differ in more than the agent feature, its scope and its event")
	}
}

// checkManifest validates a manifest against Slack's schema and checks that
// its scopes and events are exactly scopes and events, and what else the
// bot needs of it; it returns the manifest.
func checkManifest(t *testing.T, path string, scopes, events []string) map[string]any {
	t.Helper()
	manifest := readYAML(t, path)[0]
	raw := validManifest(t, path, manifest)
	if got := strings_(dig(manifest, "oauth_config", "scopes", "bot")); !slices.Equal(got, scopes) {
		t.Errorf("%s: scopes = %v, want exactly %v", path, got, scopes)
	}
	if got := strings_(dig(manifest, "settings", "event_subscriptions", "bot_events")); !slices.Equal(got, events) {
		t.Errorf("%s: bot events = %v, want exactly %v", path, got, events)
	}
	checks := map[string]any{
		"slash command":   dig(manifest, "features", "slash_commands", 0, "command") == blockkit.DefaultCommand,
		"usage hint":      dig(manifest, "features", "slash_commands", 0, "usage_hint") != nil,
		"socket mode":     dig(manifest, "settings", "socket_mode_enabled") == true,
		"interactivity":   dig(manifest, "settings", "interactivity", "is_enabled") == true,
		"home tab":        dig(manifest, "features", "app_home", "home_tab_enabled") == true,
		"messages tab":    dig(manifest, "features", "app_home", "messages_tab_enabled") == true,
		"bot user":        dig(manifest, "features", "bot_user", "display_name") == blockkit.DefaultName,
		"no request urls": !strings.Contains(string(raw), "request_url") && !strings.Contains(string(raw), `"url"`),
	}
	for name, ok := range checks {
		if ok != true {
			t.Errorf("%s: %s is not as the bot needs it", path, name)
		}
	}
	return manifest
}

// validManifest checks a manifest, read from what, against Slack's
// schema, and returns it as JSON.
func validManifest(t *testing.T, what string, manifest map[string]any) []byte {
	t.Helper()
	raw, err := json.Marshal(manifest)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseRegexpEngine(withoutLookahead)
	schema, err := c.Compile("testdata/app-manifest.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("%s does not match Slack's schema: %v", what, err)
	}
	return raw
}

// TestNamedManifest prints each manifest under the app's default names,
// as its file is, and under names of a company's own, which Slack's
// schema accepts, in every place the app is named, and nowhere else.
func TestNamedManifest(t *testing.T) {
	t.Parallel()
	own, err := blockkit.NewApp("Career Guide: Eng #1", "/career")
	if err != nil {
		t.Fatal(err)
	}
	// The longest name a manifest holds is named; one longer is refused.
	for name, ok := range map[string]bool{strings.Repeat("n", 35): true, strings.Repeat("n", 36): false} {
		app, err := blockkit.NewApp(name, "")
		if err != nil {
			t.Fatal(err)
		}
		named, err := NamedManifest(false, app)
		var m map[string]any
		if ok && (err != nil || yaml.Unmarshal(named, &m) != nil) {
			t.Fatalf("a name of 35 characters: %v", err)
		}
		if ok {
			validManifest(t, "a name of 35 characters", m)
		}
		if !ok && !errors.As(err, new(NameTooLong)) {
			t.Errorf("a name of 36 characters: %v, want NameTooLong", err)
		}
	}
	for _, agent := range []bool{false, true} {
		path := map[bool]string{false: "slack/manifest.yaml", true: "slack/manifest.agent.yaml"}[agent]
		file := readYAML(t, path)[0]
		plain, err := NamedManifest(agent, blockkit.App{})
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := yaml.Unmarshal(plain, &got); err != nil || !reflect.DeepEqual(got, file) {
			t.Errorf("%s under the default names differs from the file (%v):\n%s", path, err, plain)
		}
		named, err := NamedManifest(agent, own)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(named, &m); err != nil {
			t.Fatalf("%s named: %v\n%s", path, err, named)
		}
		validManifest(t, path+" named", m)
		long, _ := dig(m, "display_information", "long_description").(string)
		if dig(m, "display_information", "name") != own.Name() || dig(m, "features", "bot_user", "display_name") != own.Name() ||
			dig(m, "features", "slash_commands", 0, "command") != own.Command() ||
			!strings.Contains(long, "@"+own.Name()) || !strings.Contains(long, own.Command()+",") ||
			strings.Contains(string(named), blockkit.DefaultName) || strings.Contains(string(named), blockkit.DefaultCommand+" ") {
			t.Errorf("%s is not named as the app:\n%s", path, named)
		}
		if !strings.Contains(string(named), "# Slack app manifest for "+own.Name()) {
			t.Errorf("%s lost its comments:\n%s", path, named)
		}
	}
}

func TestKubernetesManifests(t *testing.T) {
	t.Parallel()
	kinds := map[string]map[string]any{}
	files, err := filepath.Glob("kubernetes/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, doc := range readYAML(t, f) {
			kinds[doc["kind"].(string)] = doc
		}
	}
	for _, k := range []string{"Deployment", "PodDisruptionBudget", "Secret", "NetworkPolicy"} {
		if kinds[k] == nil {
			t.Fatalf("no %s in deploy/kubernetes", k)
		}
	}
	dep := kinds["Deployment"]
	if dig(dep, "spec", "replicas") != 2 {
		t.Errorf("replicas = %v, want 2", dig(dep, "spec", "replicas"))
	}
	c := dig(dep, "spec", "template", "spec", "containers", 0)
	want := map[string]any{
		"liveness probe":             dig(c, "livenessProbe", "httpGet", "path") == "/healthz",
		"startup probe":              dig(c, "startupProbe", "httpGet", "path") == "/healthz",
		"readiness probe":            dig(c, "readinessProbe", "httpGet", "path") == "/readyz",
		"cpu request":                dig(c, "resources", "requests", "cpu") != nil,
		"memory limit":               dig(c, "resources", "limits", "memory") != nil,
		"no escalation":              dig(c, "securityContext", "allowPrivilegeEscalation") == false,
		"read-only root":             dig(c, "securityContext", "readOnlyRootFilesystem") == true,
		"non-root":                   dig(dep, "spec", "template", "spec", "securityContext", "runAsNonRoot") == true,
		"tokens from secret":         dig(c, "envFrom", 0, "secretRef", "name") == dig(kinds["Secret"], "metadata", "name"),
		"database url secret":        dig(kinds["Secret"], "stringData", "DATABASE_URL") == "",
		"gomemlimit":                 gomemlimitFromLimit(c),
		"pdb selects the app":        dig(kinds["PodDisruptionBudget"], "spec", "selector", "matchLabels", "app.kubernetes.io/name") == "directorbot",
		"pdb lets pods not ready go": dig(kinds["PodDisruptionBudget"], "spec", "unhealthyPodEvictionPolicy") == "AlwaysAllow",
		"replicas spread over nodes": dig(dep, "spec", "template", "spec", "topologySpreadConstraints", 0, "topologyKey") == "kubernetes.io/hostname",
		"health port fenced":         dig(kinds["NetworkPolicy"], "spec", "podSelector", "matchLabels", "app.kubernetes.io/name") == "directorbot" && dig(kinds["NetworkPolicy"], "spec", "ingress", 0, "ports", 0, "port") == "health",
		// SIGTERM to exit takes up to about 35 s (README: Shutdown).
		"grace for the shutdown": func() bool {
			n, ok := dig(dep, "spec", "template", "spec", "terminationGracePeriodSeconds").(int)
			return ok && n >= 40
		}(),
		// A tag per version, so that a rollback is a change of tag.
		"versioned image": !strings.HasSuffix(fmt.Sprint(dig(c, "image")), ":latest") && strings.Contains(fmt.Sprint(dig(c, "image")), ":"),
		// The only writable place of a read-only container: INDEX_DIR's.
		"cache volume": dig(c, "volumeMounts", 0, "mountPath") == "/var/cache/directorbot" &&
			dig(dep, "spec", "template", "spec", "volumes", 0, "emptyDir") != nil,
	}
	for name, ok := range want {
		if ok != true {
			t.Errorf("deployment: %s missing", name)
		}
	}
	for key, v := range dig(kinds["Secret"], "stringData").(map[string]any) {
		if v != "" {
			t.Errorf("secret %s has a committed value", key)
		}
	}
}

func TestDockerfileAndSystemdUnit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		path        string
		wants, lack []string
	}{
		{"docker/Dockerfile", []string{"CGO_ENABLED=0", "-trimpath", "distroless/static", "USER nonroot", "HEALTHCHECK", `"healthcheck"`,
			"DATABASE_URL=sqlite:/data/", "-X main.version=${VERSION}"},
			// A declared volume is writable under a read-only root.
			[]string{"\nVOLUME"}},
		{"../.dockerignore", []string{".env\n", ".git\n", "*.test\n", "/directorbot\n"}, nil},
		{"systemd/directorbot.service", []string{"EnvironmentFile=", "ExecStart=/usr/local/bin/directorbot serve", "NoNewPrivileges=yes",
			"ProtectSystem=strict", "DynamicUser=yes", "KillSignal=SIGTERM",
			"StateDirectory=directorbot", "DATABASE_URL=sqlite:/var/lib/directorbot/",
			// INDEX_DIR=/var/cache/directorbot is writable under ProtectSystem.
			"CacheDirectory=directorbot",
			// A configuration mistake (exit 78) is not retried for ever; a
			// crash (exit 2, Go's runtime) is.
			"RestartPreventExitStatus=78\n"}, nil},
	} {
		data, err := os.ReadFile(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.wants {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %q", tc.path, w)
			}
		}
		for _, w := range tc.lack {
			if strings.Contains(string(data), w) {
				t.Errorf("%s has %q", tc.path, w)
			}
		}
	}
}

// TestDockerfileStampsTheVersion builds the binary as the Dockerfile does,
// with a version: the binary says it.
func TestDockerfileStampsTheVersion(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("docker/Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	ldflags := regexp.MustCompile(`-ldflags="([^"]+)"`).FindSubmatch(data)
	if ldflags == nil {
		t.Fatal("the Dockerfile's go build has no -ldflags")
	}
	bin := filepath.Join(t.TempDir(), "directorbot")
	flags := strings.ReplaceAll(string(ldflags[1]), "${VERSION}", "v9.8.7")
	// Without -trimpath, which would compile every package again.
	if out, err := exec.Command("go", "build", "-ldflags="+flags, "-o", bin, "../cmd/directorbot").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "directorbot v9.8.7 ") {
		t.Errorf("version = %q, %v; want directorbot v9.8.7", out, err)
	}
}

// gomemlimitFromLimit reports whether the container sets GOMEMLIMIT from
// its own memory limit, through the downward API, to a value Go reads.
func gomemlimitFromLimit(c any) bool {
	env := map[string]any{}
	for _, e := range dig(c, "env").([]any) {
		env[dig(e, "name").(string)] = e
	}
	limit := env["MEMORY_LIMIT_MIB"]
	return dig(limit, "valueFrom", "resourceFieldRef", "resource") == "limits.memory" &&
		dig(limit, "valueFrom", "resourceFieldRef", "divisor") == "1Mi" &&
		dig(env["GOMEMLIMIT"], "value") == "$(MEMORY_LIMIT_MIB)000000B"
}
