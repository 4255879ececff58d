package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/directorbot/directorbot/content"
)

// TestInit writes the embedded guide's files into a new folder, which
// then loads as the embedded guide does; a folder that holds one of them
// already is left as it was, none of them written.
func TestInit(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "guide")
	code, out, errOut := runCLI(t, "init", dir)
	if code != 0 || !strings.Contains(out, "wrote "+filepath.Join(dir, "director.md")) {
		t.Fatalf("init exited %d:\n%s%s", code, out, errOut)
	}
	for _, name := range []string{"director.md", content.ExamplesFile} {
		want, err := fs.ReadFile(content.EmbeddedFiles(), name)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, %v; want the embedded file's %d", name, len(got), err, len(want))
		}
	}
	if _, err := content.LoadDir(dir); err != nil {
		t.Errorf("the folder init wrote does not load: %v", err)
	}

	edited := t.TempDir()
	page := []byte("# Our Director\n\n## Scope\n\nTeams.\n")
	if err := os.WriteFile(filepath.Join(edited, "director.md"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "init", edited)
	if code != exitUsage || !strings.Contains(errOut, "already holds director.md: nothing was written") {
		t.Errorf("init into a folder holding director.md exited %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(edited, "director.md")); !bytes.Equal(got, page) {
		t.Error("init overwrote the folder's own page")
	}
	if _, err := os.Stat(filepath.Join(edited, content.ExamplesFile)); err == nil {
		t.Error("init wrote the examples beside the folder's own page")
	}
	// Examples of the owner's own, gzipped, would clash with the
	// embedded ones: the guide would not load.
	gzipped := t.TempDir()
	if err := os.WriteFile(filepath.Join(gzipped, content.ExamplesFile+".gz"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "init", gzipped); code != exitUsage || !strings.Contains(errOut, "already holds examples.jsonl.gz") {
		t.Errorf("init beside examples.jsonl.gz exited %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(gzipped, "director.md")); err == nil {
		t.Error("init wrote the page beside examples.jsonl.gz")
	}
}
