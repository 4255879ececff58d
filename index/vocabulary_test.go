package index

import (
	"strings"
	"testing"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index/question"
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
	// The guide's phrases stand within a title, a passage or a table cell:
	// "From (Director) | To (VP)" says no "director to VP".
	var pieces []string
	for _, s := range ix.guide.Sections() {
		pieces = append(pieces, s.Title)
		for _, p := range ix.read(s).passages() {
			pieces = append(pieces, p.Text)
		}
		for _, table := range s.Tables() {
			for _, row := range append([][]content.Inline{table.Header}, table.Rows...) {
				for _, cell := range row {
					pieces = append(pieces, cell.Plain())
				}
			}
		}
	}
	for i, p := range pieces {
		pieces[i] = " " + strings.Join(question.Words(p), " ") + " "
	}
	guide := strings.Join(pieces, "|")
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
			if phrase := strings.Join(question.Words(entry), " "); len(words) > 1 && strings.Contains(guide, " "+phrase+" ") &&
				!strings.Contains(" "+strings.Join(question.Words(to), " ")+" ", " "+phrase+" ") {
				t.Errorf("%q reads %q, a phrase of the guide, as something else", strings.TrimSpace(line), phrase)
			}
			if len(words) != 1 {
				continue
			}
			stem := ix.stem(words[0])
			if ix.says(stem) && !target[stem] {
				t.Errorf("%q reads %q, a word of the guide, as something else", strings.TrimSpace(line), words[0])
			}
		}
	}
}

// TestOutsideEntriesSurviveRewriting reads each outside topic and role
// name as a question is read: an entry the thesaurus rewrites ("reqs" is
// read as headcount) could never refuse a question.
func TestOutsideEntriesSurviveRewriting(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	for _, e := range thesaurus.Outside() {
		if got := strings.Join(question.Words(ix.rewrite(e)), " "); got != strings.Join(question.Words(e), " ") {
			t.Errorf("outside entry %q is read as %q", e, got)
		}
	}
	for r, names := range thesaurus.Roles() {
		for _, n := range names {
			if m := ix.reader.Cast.Mentions(question.Words(ix.rewrite("what does a " + n + " do"))); len(m) != 1 || m[0].Role != r {
				t.Errorf("role name %q is found as %v", n, m)
			}
		}
	}
}

// TestSpendIsTimeUnlessMoney reads "spend": as a verb it is mostly time
// ("how many hours should I spend in tech reviews"), and only the spend of
// someone or something is a budget.
func TestSpendIsTimeUnlessMoney(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		question string
		budget   bool
	}{
		{"how many hours a week should I spend in tech reviews?", false},
		{"how much time do VPs spend on strategy?", false},
		{"she controls her own spend", true},
		{"our cloud spend is out of control", true},
	}
	for _, tt := range tests {
		got := strings.Contains(" "+strings.Join(question.Words(ix.rewrite(tt.question)), " ")+" ", " budget ")
		if got != tt.budget {
			t.Errorf("%q read as %q: budget %v, want %v", tt.question, ix.rewrite(tt.question), got, tt.budget)
		}
	}
}
