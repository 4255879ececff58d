package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/directorbot/directorbot/content"
)

func initCommand() command {
	return command{
		name:    "init",
		summary: "Write the embedded guide's files (its page and its examples) into a folder, to start a guide of your own from them.",
		usage:   "DIR",
		examples: []string{
			"directorbot init guide && directorbot eval --guide guide",
			"GUIDE_DIR=guide directorbot serve",
		},
		run: runInit,
	}
}

func runInit(_ context.Context, env *environment, args []string) error {
	dirs, err := parse(initCommand().flags(env.stderr), args)
	if err != nil {
		return err
	}
	if len(dirs) != 1 {
		return usageError{"init needs one folder to write the guide's files into, such as: directorbot init guide"}
	}
	dir := dirs[0]
	names, err := fs.Glob(content.EmbeddedFiles(), "*")
	if err != nil {
		return err
	}
	// A file of the folder is never overwritten, nor is the guide written
	// beside a file it would clash with (examples.jsonl.gz): an owner's
	// edited page is worth more than the embedded one.
	for _, n := range append(slices.Clone(names), content.ExamplesFile+".gz") {
		switch _, err := os.Lstat(filepath.Join(dir, n)); {
		case err == nil:
			return usageError{fmt.Sprintf("%s already holds %s: nothing was written (init a new folder, or move the file away)", dir, n)}
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("look for %s in %s: %w", n, dir, err)
		}
	}
	if err := writeFiles(dir, content.EmbeddedFiles(), names); err != nil {
		return err
	}
	for _, n := range names {
		fmt.Fprintf(env.stdout, "wrote %s\n", filepath.Join(dir, n))
	}
	fmt.Fprintf(env.stdout, "Edit the page, or add pages of your own beside it; the examples name the page's headings, so a heading renamed is renamed in %[2]s too (eval names each line). Check it with `directorbot eval --guide %[1]s`, and serve it with GUIDE_DIR=%[1]s (README: Customizing the guide).\n", dir, content.ExamplesFile)
	return nil
}

// writeFiles writes the named files of fsys into dir, creating it, each a
// new file: none, should one fail, rather than some.
func writeFiles(dir string, fsys fs.FS, names []string) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("make %s: %w", dir, err)
	}
	var written []string
	defer func() {
		if err != nil {
			for _, w := range written {
				_ = os.Remove(w)
			}
		}
	}()
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, n)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("write the embedded guide into %s: %w", dir, err)
		}
		written = append(written, path)
		_, werr := f.Write(data)
		if err := errors.Join(werr, f.Close()); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return nil
}
