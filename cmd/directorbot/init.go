package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

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
	// A file of the folder is never overwritten, nor is half the guide
	// written beside it: an owner's edited page is worth more than the
	// embedded one.
	for _, n := range names {
		switch _, err := os.Lstat(filepath.Join(dir, n)); {
		case err == nil:
			return usageError{fmt.Sprintf("%s already holds %s: nothing was written (init a new folder, or move the file away)", dir, n)}
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("look for %s in %s: %w", n, dir, err)
		}
	}
	if err := os.CopyFS(dir, content.EmbeddedFiles()); err != nil {
		return fmt.Errorf("write the embedded guide into %s: %w", dir, err)
	}
	for _, n := range names {
		fmt.Fprintf(env.stdout, "wrote %s\n", filepath.Join(dir, n))
	}
	fmt.Fprintf(env.stdout, "Edit the page (or add pages of your own beside it), check it with `directorbot eval --guide %[1]s`, and serve it with GUIDE_DIR=%[1]s (README: Customizing the guide).\n", dir)
	return nil
}
