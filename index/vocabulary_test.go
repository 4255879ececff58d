package index

import (
	"strings"
	"testing"

	"github.com/directorbot/directorbot/index/thesaurus"
)

// TestRewritesKeepTheGuidesWords reads the default thesaurus's one-way
// rules: a rule that read a word the embedded guide uses as some other
// word would hide that word from questions ("visibility" read as
// "external presence" loses the bullet "External visibility and thought
// leadership"). Such a word belongs in a synonym set, where it keeps
// itself.
func TestRewritesKeepTheGuidesWords(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	for _, line := range strings.Split(string(thesaurus.Default), "\n") {
		from, to, oneWay := strings.Cut(line, "=>")
		if !oneWay || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		target := map[string]bool{}
		for _, w := range strings.Fields(to) {
			target[ix.stem(strings.ToLower(w))] = true
		}
		for _, entry := range strings.Split(from, ",") {
			words := strings.FieldsFunc(strings.ToLower(entry), func(r rune) bool { return r == ' ' || r == '-' })
			if len(words) != 1 {
				continue
			}
			stem := ix.stem(words[0])
			if _, used := ix.vocab[stem]; used && !target[stem] {
				t.Errorf("%q reads %q, a word of the guide, as something else", strings.TrimSpace(line), words[0])
			}
		}
	}
}
