package content

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/directorbot/directorbot/content/typo"
)

// Unread returns, a line each, what an owner should know of the files in
// a guide's folder that are not read as they may have been meant: a file
// named one slip from a file of the guide ("example.jsonl"), or from one
// of others the caller reads (a question set that a reload checks, the
// sets eval scores), while the file meant is absent; a page in another
// markdown extension, or in upper case (pages are the folder's *.md); and
// a README.md, which is read as a page like the others.
func Unread(fsys fs.FS, others ...string) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("list the guide's folder: %w", err)
	}
	known := append([]string{SynonymsFile, OutsideFile, RolesFile, ExamplesFile, CompressedExamplesFile, TaughtFile}, others...)
	var notes []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || slices.Contains(known, name) {
			continue
		}
		if note := unreadNote(fsys, name, known); note != "" {
			notes = append(notes, note)
		}
	}
	return notes, nil
}

// unreadNote is the note on one file of the folder, "" for none.
func unreadNote(fsys fs.FS, name string, known []string) string {
	ext := path.Ext(name)
	switch lower := strings.ToLower(ext); {
	case ext == ".md" && strings.EqualFold(strings.TrimSuffix(name, ext), "readme"):
		return name + " is read as a page of the guide like the others: its headings answer questions (move it out of the folder if it is for the guide's writers)"
	case ext != ".md" && (lower == ".md" || lower == ".markdown" || lower == ".mdown" || lower == ".mkd"):
		return fmt.Sprintf("%s is not read: pages are the folder's *.md files (rename it %s)", name, strings.TrimSuffix(name, ext)+".md")
	}
	for _, k := range known {
		if typo.Distance(strings.ToLower(name), k) > 1 {
			continue
		}
		if _, err := fs.Stat(fsys, k); err == nil {
			// Read, where the file system ignores case, or beside it.
			return ""
		}
		return fmt.Sprintf("%s is not read: did you mean %s?", name, k)
	}
	return ""
}
