package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/joho/godotenv"
)

// environment is what every command shares: its output streams and the
// settings read from the process environment and .env.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func newEnvironment(stdout, stderr io.Writer) *environment {
	return &environment{stdin: os.Stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
}

// loadDotEnv reads .env when present. godotenv never overrides a variable
// that is already set, so the real environment wins.
func loadDotEnv(path string) error {
	err := godotenv.Load(path)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return fmt.Errorf("read %s: %w", path, err)
}

// guideFlags are the flags of every command that reads the guide.
type guideFlags struct {
	dir      string
	indexDir string
}

func (g *guideFlags) register(fs *flag.FlagSet, env *environment) {
	fs.StringVar(&g.dir, "guide", env.getenv("GUIDE_DIR"), "folder of *.md pages replacing the embedded guide (env GUIDE_DIR)")
	fs.StringVar(&g.indexDir, "index-dir", env.getenv("INDEX_DIR"), "folder to keep the search index in, reused while the guide is unchanged (env INDEX_DIR; default: in memory)")
}

// open loads the guide and indexes it; with an index dir, a guide indexed
// there before is opened without parsing its pages.
func (g *guideFlags) open() (*index.Index, error) {
	if g.indexDir != "" {
		return index.Open(g.files(), g.indexDir)
	}
	guide, err := g.load()
	if err != nil {
		return nil, err
	}
	return index.Build(guide)
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
	return content.LoadDir(g.dir)
}

// guideFlagSet returns a command's flag set with the guide flags on it.
func (c command) guideFlagSet(env *environment) (*flag.FlagSet, *guideFlags) {
	fs := c.flags(env.stderr)
	g := &guideFlags{}
	g.register(fs, env)
	return fs, g
}
