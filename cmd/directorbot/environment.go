package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/content/typo"
	"github.com/directorbot/directorbot/index"
	"github.com/joho/godotenv"
)

// environment is what every command shares: its output streams and the
// settings read from the process environment and .env.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// dotEnv is what .env set, to say so of a setting told wrong: its
	// value is not in the environment the admin looks at.
	dotEnv dotEnv
}

// dotEnv is what a .env file did: the variables it set, which the real
// environment did not, and those of its names that are a slip of a
// setting's name.
type dotEnv struct {
	path  string
	set   []string
	slips []string
}

// settingWord matches what may be a setting's name in a message.
var settingWord = regexp.MustCompile(`[A-Z_][A-Z0-9_]*`)

// origins says, for each setting the file set that msg names, that the
// file set it: "HEALTH_ADDR is set in .env".
func (d dotEnv) origins(msg string) []string {
	var out []string
	settings := settingNames()
	for _, word := range slices.Compact(slices.Sorted(slices.Values(settingWord.FindAllString(msg, -1)))) {
		if slices.Contains(d.set, word) && slices.Contains(settings, word) {
			out = append(out, fmt.Sprintf("%s is set in %s", word, d.path))
		}
	}
	return out
}

func newEnvironment(stdout, stderr io.Writer) *environment {
	return &environment{stdin: os.Stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
}

// loadDotEnv reads .env when present. A variable already set, even to
// nothing, is never overridden: the real environment wins. A file that
// cannot be parsed is named by the line where parsing fails, never quoted:
// it holds tokens, and godotenv's own errors quote what follows.
func loadDotEnv(path string) (dotEnv, error) {
	d := dotEnv{path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return d, err // names the file, never its content
	}
	vars, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		return d, fmt.Errorf("read %s: line %d: %s", path, badDotEnvLine(data), dotEnvProblem(err))
	}
	for _, name := range slices.Sorted(maps.Keys(vars)) {
		if _, set := os.LookupEnv(name); set {
			continue
		}
		if err := os.Setenv(name, vars[name]); err != nil {
			return d, fmt.Errorf("read %s: set %s: %w", path, name, err)
		}
		d.set = append(d.set, name)
	}
	d.slips = misspelt(path, slices.Sorted(maps.Keys(vars)))
	return d, nil
}

// misspelt names the variables of names, set in the file at path, that no
// command reads but that are a slip of a setting's name (DATABASE_URI,
// database_url): the setting itself goes unset, and the bot would run on
// its default (SQLite in the working directory) without a word.
func misspelt(path string, names []string) []string {
	settings := settingNames()
	var slips []string
	for _, name := range names {
		if slices.Contains(settings, name) {
			continue
		}
		for _, setting := range settings {
			if strings.EqualFold(name, setting) || typo.Distance(name, setting) <= 2 {
				slips = append(slips, fmt.Sprintf("%s sets %s, which no setting is named: did you mean %s?", path, name, setting))
				break
			}
		}
	}
	return slips
}

// settingNames are the names of the settings the commands read.
func settingNames() []string {
	var names []string
	for _, c := range commands() {
		for _, line := range c.settings {
			name, _, _ := strings.Cut(line, " ")
			names = append(names, name)
		}
	}
	return names
}

// badDotEnvLine returns the line from which every longer part of a .env
// file fails to parse: where its mistake is. A value quoted across lines
// makes the lines before its end fail alone, but not once it closes.
func badDotEnvLine(data []byte) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	bad := len(lines)
	for bad > 1 {
		if _, err := godotenv.UnmarshalBytes(bytes.Join(lines[:bad-1], nil)); err == nil {
			break
		}
		bad--
	}
	return bad
}

// dotEnvProblem says what is wrong with a .env line, in words that quote
// none of it.
func dotEnvProblem(err error) string {
	switch msg := err.Error(); {
	case strings.HasPrefix(msg, "unterminated quoted value"):
		return "a quoted value is never closed"
	case strings.HasPrefix(msg, "unexpected character"):
		return "not a NAME=value line (a name holds letters, digits, _ and .)"
	default:
		return "not a NAME=value line"
	}
}

// guideFlags are the flags of every command that reads the guide.
type guideFlags struct {
	dir      string
	indexDir string
}

func (g *guideFlags) register(fs *flag.FlagSet, env *environment) {
	fs.StringVar(&g.dir, "guide", env.getenv("GUIDE_DIR"), "folder of *.md pages replacing the embedded guide (env GUIDE_DIR); beside them, optional: examples.jsonl, questions.jsonl, taught.jsonl, synonyms.txt, outside.txt, roles.txt; a page's frontmatter may say company: true for its company's own facts (README › Customizing the guide)")
	fs.StringVar(&g.indexDir, "index-dir", env.getenv("INDEX_DIR"), "folder to keep the search index in, reused while the guide is unchanged (env INDEX_DIR; default: in memory)")
}

// open loads the guide and indexes it; with an index dir, a guide indexed
// there before is opened without parsing its pages.
func (g *guideFlags) open(ctx context.Context) (*index.Index, error) {
	if err := g.check(); err != nil {
		return nil, err
	}
	ix, err := openIndex(ctx, g.files(), g.indexDir)
	return ix, g.loadError(err)
}

// loadError says which guide failed to load: the folder's, or the
// embedded one.
// A mistake in the guide's pages is a failure, not a usage error: a
// service restarted on failure picks up the mended pages.
func (g *guideFlags) loadError(err error) error {
	switch {
	case err == nil:
		return nil
	case g.dir == "":
		return fmt.Errorf("load embedded guide: %w", err)
	}
	return fmt.Errorf("load guide %s: %w", g.dir, err)
}

// openIndex loads the guide in files and indexes it: kept in indexDir,
// where a guide indexed before is opened without parsing its pages, or in
// memory when indexDir is empty.
func openIndex(ctx context.Context, files fs.FS, indexDir string) (*index.Index, error) {
	if indexDir != "" {
		return index.Open(ctx, files, indexDir)
	}
	guide, err := content.Load(files)
	if err != nil {
		return nil, err
	}
	return index.Build(ctx, guide)
}

// files returns the guide's folder, or the embedded guide's files.
func (g *guideFlags) files() fs.FS {
	if g.dir == "" {
		return content.EmbeddedFiles()
	}
	return os.DirFS(g.dir)
}

func (g *guideFlags) load() (*content.Guide, error) {
	if g.dir == "" {
		return content.Embedded()
	}
	if err := g.check(); err != nil {
		return nil, err
	}
	return content.LoadDir(g.dir)
}

// check tells a guide folder that is missing, a file or unreadable as a
// mistake of configuration, before its files are looked for.
func (g *guideFlags) check() error {
	if g.dir == "" {
		return nil
	}
	info, err := os.Stat(g.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageError{fmt.Sprintf("the guide folder %s does not exist (--guide or GUIDE_DIR)", g.dir)}
	case err != nil:
		return usageError{fmt.Sprintf("cannot read the guide folder: %v", err)}
	case !info.IsDir():
		return usageError{fmt.Sprintf("%s is a file: --guide and GUIDE_DIR name a folder of *.md pages", g.dir)}
	}
	if _, err := os.ReadDir(g.dir); err != nil {
		return usageError{fmt.Sprintf("cannot read the guide folder: %v", err)}
	}
	return nil
}

// guideFlagSet returns a command's flag set with the guide flags on it.
func (c command) guideFlagSet(env *environment) (*flag.FlagSet, *guideFlags) {
	fs := c.flags(env.stderr)
	g := &guideFlags{}
	g.register(fs, env)
	return fs, g
}
