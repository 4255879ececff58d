package main

import (
	"bytes"
	"context"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/directorbot/directorbot/bot/ask"
	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
	"github.com/directorbot/directorbot/index/quality"
)

// TestSearchQuality holds each question set to the figures the search
// reaches today, through the real renderer (the direct-answer rate reads
// what ask prints). questions.jsonl and the guide's examples
// (content/examples.jsonl: thirty-nine sets and the ten files the rules
// were chosen on, once in index/testdata/tuning, fields.jsonl, passing.jsonl,
// house.jsonl and opinions.jsonl among them; tuned on, and what search
// learns from) are not a fair measure; the held-out sets never taught or
// tuned anything, though heldout to heldout8 were looked at while choosing
// how examples are learned, and heldout2 and heldout10's few new misses
// when a change lowered them (index/testdata/README.md); heldout9 and heldout10,
// written then, taught nothing; heldout11 to heldout19 were written
// after, and first scored here; heldout20 after the twenty-fourth
// tuning set and heldout21 after the twenty-eighth; heldout22 and
// heldout23, of questions at the edge of what the guide covers (half of
// them not covered), after the thirtieth, heldout24, all idioms, after
// them, and heldout25 (ninety of its questions near the domain but not
// covered) after that, scored once before the thirty-first to
// thirty-third sets, written with it, taught; heldout26 to heldout28, as
// near, after those, and the thirty-fourth set after them (its askers'
// workplaces, a hospital and a game studio among them, overlap those of
// heldout26 and heldout27); heldout29, of leaders in other fields than
// software (110 questions, not covered) and software areas' directors,
// written beside the thirty-fifth set, by another writer, and scored
// once before that set taught and once after, and again after the
// thirty-sixth; heldout30, near the domain, written after all of them and
// scored once on arrival; heldout31, of software leaders in other
// industries and other fields' leaders, written beside the forty-first
// set (the thirty-seventh taught), by another writer, and scored once
// before that set taught and once after; heldout32, of metaphors for the
// two roles and literal questions about other trades' roles, written
// beside the forty-second set, which did not teach (index/testdata/README.md), and
// scored once with it and once without; heldout33, of other functions'
// leaders, named colleagues, requests for a text and engineering leaders
// naming them in passing, written before the rules for those were chosen
// on fields.jsonl, and scored once before them and once after;
// heldout34, of engineering practice and tools, people situations,
// company facts, other fields' leaders and opinions the guide does not
// answer, beside answerable questions naming them in passing, written
// before rules for the stack and the company's documents and bosses were
// chosen on fields.jsonl, scored before them and after, and once more
// after a review dropped the stack's and narrowed the others (its
// day-to-day labels set first, by a second writer who saw no score, to
// the bold-label sections the other sets name); heldout35, of tools,
// practices and people named in passing, beside questions about them
// the guide does not answer, kept unscored until the reading of
// examples as asides was chosen on passing.jsonl, then scored
// before it and after; heldout36, of tools, metrics, rituals and
// colleagues named in passing, beside tools, practice, people
// situations, company facts, other fields' leaders and opinions the
// guide does not answer, kept unscored until the thirty-eighth and
// thirty-ninth sets were chosen as examples on the tuning sets, then
// scored before they taught and after; heldout37, of people and org
// situations, askers from other backgrounds and plain paraphrases,
// beside people situations, other trades' leaders, company facts and
// opinions the guide does not answer, kept unscored while a fortieth set
// of those was tried on the tuning sets and not kept, then scored once;
// heldout38, of questions about the VP's role, questions naming tools
// and metrics in a setting before a dash, direct messages asking for
// advice and terse topics, beside questions about tools, people
// situations, other roles and company facts the guide does not answer,
// written before the reading of a setting was chosen on the tuning sets
// and scored before it, during and after; heldout39, of questions in the
// guide's own vocabulary, answerable and not, scored before the rules
// for conversations and other functions' leaders by a role's name were
// chosen, and after; heldout40, of requests for what to say and askers
// who open with their own title, answerable and not, written after those
// rules and scored once with them and once without; heldout41, of
// questions about the asker's own workplace (its teams, posts, papers and
// people), answerable and not, scored before the reading of a company's
// units was chosen on house.jsonl, and after; heldout42, of
// opinion-seeking questions, answerable and not, scored before the
// refusal of opinions was chosen on opinions.jsonl, and after;
// heldout43, of people situations, opinions, other trades' leaders,
// company facts, practice and pay the guide does not answer, and
// heldout44, of anything near the domain it does not answer, each beside
// answerable questions in the same voices, scored before the ten sets
// that had tuned the rules taught as examples, and after; heldout45, a
// month of a large company's questions of every kind, scored as it
// arrived and once with wide.jsonl and range.jsonl as examples, which
// was not kept; heldout46, a week of questions in every Slack voice,
// answerable and not, scored as it arrived; heldout47, voices of other
// kinds (non-native English, dictated, hedged, relayed, two questions in
// one message, mid-thread, jargon), answerable and not, scored as it
// arrived; heldout48, English learners of ten first languages, phones,
// long context, blunt and indirect wording, answerable and not, scored
// as it arrived; heldout49, people hiring directors, new directors and
// VPs, Slack shorthand, figures asked for, the VP's side, answerable and
// not, scored as it arrived; heldout50, VPs coaching directors, long
// DMs, the organization's shape, terse keywords, sceptical pushback,
// answerable and not, scored as it arrived; heldout51, assumptions
// checked in Slack (yes/no, what a role does not do, comparisons, "is it
// normal…", replies in a thread), answerable and not, scored as it arrived
// and after the rules chosen on pairs and mine; heldout52, the craft of
// management in Slack's voices (how-to questions the guide does not
// teach beside what the role does), answerable and not, scored as it
// arrived; heldout53, English as a second language in international
// teams, answerable and not, scored as it arrived (and once with the
// examples of tuning/nonnative.jsonl, written beside it, which were not
// kept); heldout54, premises checked against the guide, becoming a
// Director or a VP, figures asked for and a channel's asides, answerable
// and not, scored as it arrived (its run-in headings relabelled as the
// guide's sections) and after the rules chosen on tuning/premises;
// heldout55, those around engineering leaders who are not managers
// themselves (executives, people teams, peers in other functions),
// answerable and not, scored as it arrived.
// The targets we aim at for unseen wording (top-1 0.90, top-3 0.97, every
// off-topic question refused, at most 2 % of answerable ones refused,
// direct answers 0.85) are reached over all the held-out sets but for the
// off-topic questions, not in every set: BENCHMARKS.md tells the gap.
func TestSearchQuality(t *testing.T) {
	t.Parallel()
	ix := embeddedIndex(t)
	tests := []floor{
		{"index/testdata/questions.jsonl", 0.96, 0.98, 0, 1, 1},
		{"content/examples.jsonl", 0.98, 0.98, 0.95, 1, 1},
		// Questions by a reviewer who had read the search code, as
		// software leaders in other industries would ask ("director of
		// clinical applications here"), and metaphors from other
		// trades; labelled by a helper who saw only the guide. Tuned on
		// (the forty-first set as examples); still far from the targets
		// (BENCHMARKS.md). Two of its answerable questions ask how to
		// become a Director ("how do I become a director?"), which the
		// guide's path to VP does not answer: they are told so (Result.
		// Becoming), a gap of the guide, as the held-out sets' writers
		// expect.
		{"index/testdata/tuning/industries.jsonl", 0.43, 0.49, 0.31, 2, 37},
		// Four sets by helpers who saw only the guide, each half questions
		// the guide does not answer, half answerable ones in the same
		// voice, to tune on: people situations and personal matters
		// (situations), opinions and verdicts asked every way ("gut
		// check", "hot take", takes), other trades' leaders beside
		// software leaders in other industries (trades), and the
		// company's own facts, staffing ratios, practice and pay in
		// Slack's sloppiest spelling (sloppy).
		{"index/testdata/tuning/situations.jsonl", 0.81, 0.95, 0.75, 18, 1},
		{"index/testdata/tuning/takes.jsonl", 0.95, 0.98, 0.94, 25, 1},
		{"index/testdata/tuning/trades.jsonl", 0.91, 0.96, 0.87, 9, 2},
		// Two more by helpers who saw only the guide: 200 near-domain
		// questions the guide does not answer, of forty kinds or more
		// each, beside 100 answerable ones in the same voices (wide: a
		// list of kinds to cover; range: a month of a 600-person
		// company's messages).
		{"index/testdata/tuning/wide.jsonl", 0.96, 0.97, 0.97, 43, 2},
		{"index/testdata/tuning/range.jsonl", 0.97, 0.98, 0.94, 31, 1},
		// One in heldout47's voices, by another helper who saw only the
		// guide: 120 questions the guide does not answer, 120 it does.
		{"index/testdata/tuning/voices.jsonl", 0.94, 0.97, 0.89, 31, 1},
		// One at the guide's edge, by another: the asker's own company and
		// people, roles the guide does not describe, replies in a thread
		// that quote a line, and dictation; 120 not answered, 120 answerable
		// asked the same way.
		{"index/testdata/tuning/edges.jsonl", 0.97, 0.99, 0.98, 49, 1},
		{"index/testdata/tuning/sloppy.jsonl", 0.94, 0.97, 0.92, 17, 1},
		// Premises checked against the guide, becoming a Director or a
		// VP, and figures asked for, by a helper who saw only the guide,
		// written beside heldout54: 70 not answered, 130 answerable.
		{"index/testdata/tuning/premises.jsonl", 0.94, 0.97, 0.89, 23, 1},
		// Those around engineering leaders who are not managers
		// themselves (executives, people teams, peers in other
		// functions, friends), by a helper who saw only the guide,
		// written beside heldout55: 150 not answered, 150 answerable.
		{"index/testdata/tuning/askers.jsonl", 0.90, 0.98, 0.89, 36, 1},
		// Three more by helpers who saw only the guide, 240 each: the
		// organization's shape (orgshape); the asker's own company and
		// opinions, each beside a general question worded alike (pairs);
		// general questions asked through the asker's own people ("does
		// our director handle perf reviews?") beside the company's own
		// facts asked alike (mine).
		{"index/testdata/tuning/orgshape.jsonl", 0.96, 0.99, 0.87, 42, 1},
		{"index/testdata/tuning/pairs.jsonl", 0.98, 0.99, 0.95, 87, 1},
		{"index/testdata/tuning/mine.jsonl", 0.96, 0.98, 0.92, 27, 1},
		// The craft of management the guide does not teach ("how do I
		// run a blameless postmortem?"), each beside a question of what
		// the role does worded alike (craft).
		{"index/testdata/tuning/craft.jsonl", 0.96, 0.98, 0.93, 58, 1},
		{"index/testdata/heldout.jsonl", 0.94, 0.97, 0.88, 2, 1},
		{"index/testdata/heldout2.jsonl", 0.94, 0.97, 0.90, 1, 2},
		{"index/testdata/heldout3.jsonl", 0.90, 0.97, 0.84, 2, 1},
		{"index/testdata/heldout4.jsonl", 0.92, 0.97, 0.85, 3, 1},
		{"index/testdata/heldout5.jsonl", 0.95, 0.97, 0.89, 1, 1},
		{"index/testdata/heldout6.jsonl", 0.94, 0.98, 0.90, 3, 1},
		// An example asked word for word opens with the section it names
		// first ("who reports to a director": Typical Scope, where this
		// set wants the comparison's row): direct 0.92 -> 0.905.
		{"index/testdata/heldout7.jsonl", 0.92, 0.97, 0.90, 4, 1},
		{"index/testdata/heldout8.jsonl", 0.93, 0.97, 0.91, 4, 1},
		{"index/testdata/heldout9.jsonl", 0.95, 0.98, 0.90, 2, 1},
		{"index/testdata/heldout10.jsonl", 0.94, 0.97, 0.89, 1, 1},
		{"index/testdata/heldout11.jsonl", 0.94, 0.96, 0.94, 3, 2},
		{"index/testdata/heldout12.jsonl", 0.90, 0.96, 0.87, 2, 2},
		{"index/testdata/heldout13.jsonl", 0.94, 0.96, 0.85, 4, 2},
		{"index/testdata/heldout14.jsonl", 0.94, 0.97, 0.87, 4, 1},
		{"index/testdata/heldout15.jsonl", 0.94, 0.98, 0.94, 3, 1},
		{"index/testdata/heldout16.jsonl", 0.91, 0.95, 0.82, 4, 3},
		{"index/testdata/heldout17.jsonl", 0.90, 0.95, 0.85, 6, 2},
		{"index/testdata/heldout18.jsonl", 0.93, 0.96, 0.85, 3, 1},
		{"index/testdata/heldout19.jsonl", 0.97, 0.98, 0.87, 5, 1},
		{"index/testdata/heldout20.jsonl", 0.87, 0.96, 0.84, 3, 1},
		{"index/testdata/heldout21.jsonl", 0.93, 0.97, 0.92, 1, 2},
		{"index/testdata/heldout22.jsonl", 0.97, 0.99, 0.97, 16, 1},
		{"index/testdata/heldout23.jsonl", 0.95, 0.98, 0.95, 13, 1},
		// "way to vp", "track to vp" and "make vp" read as the
		// transition (thesaurus) refused one more of its idioms (5 -> 6 of
		// 175), where the fifty-five sets gained two top-1s, a top-3 and an
		// off-topic question refused.
		{"index/testdata/heldout24.jsonl", 0.79, 0.85, 0.75, 6, 4},
		{"index/testdata/heldout25.jsonl", 0.96, 0.99, 0.93, 15, 1},
		{"index/testdata/heldout26.jsonl", 0.90, 0.95, 0.84, 3, 1},
		{"index/testdata/heldout27.jsonl", 0.90, 0.94, 0.85, 9, 1},
		{"index/testdata/heldout28.jsonl", 0.94, 0.96, 0.84, 11, 1},
		{"index/testdata/heldout29.jsonl", 0.93, 0.97, 0.81, 13, 1},
		{"index/testdata/heldout30.jsonl", 0.92, 0.96, 0.84, 6, 1},
		{"index/testdata/heldout31.jsonl", 0.92, 0.95, 0.87, 8, 4},
		{"index/testdata/heldout32.jsonl", 0.91, 0.94, 0.87, 10, 3},
		{"index/testdata/heldout33.jsonl", 0.92, 0.97, 0.88, 20, 1},
		{"index/testdata/heldout34.jsonl", 0.99, 0.99, 0.99, 13, 1},
		{"index/testdata/heldout35.jsonl", 0.96, 0.97, 0.90, 17, 2},
		{"index/testdata/heldout36.jsonl", 0.96, 0.99, 0.96, 9, 1},
		{"index/testdata/heldout37.jsonl", 0.95, 0.99, 0.92, 7, 1},
		{"index/testdata/heldout38.jsonl", 0.93, 0.97, 0.89, 8, 2},
		{"index/testdata/heldout39.jsonl", 0.97, 0.99, 0.92, 15, 1},
		{"index/testdata/heldout40.jsonl", 0.89, 0.96, 0.87, 14, 2},
		{"index/testdata/heldout41.jsonl", 0.96, 0.98, 0.96, 31, 1},
		{"index/testdata/heldout42.jsonl", 0.96, 0.98, 0.96, 39, 2},
		{"index/testdata/heldout43.jsonl", 0.97, 0.98, 0.96, 15, 2},
		{"index/testdata/heldout44.jsonl", 0.99, 0.99, 0.99, 13, 1},
		{"index/testdata/heldout45.jsonl", 0.99, 0.99, 0.99, 24, 1},
		{"index/testdata/heldout46.jsonl", 0.94, 0.98, 0.92, 11, 2},
		{"index/testdata/heldout47.jsonl", 0.94, 0.96, 0.95, 30, 1},
		{"index/testdata/heldout48.jsonl", 0.94, 0.95, 0.88, 26, 1},
		{"index/testdata/heldout49.jsonl", 0.88, 0.94, 0.88, 20, 2},
		{"index/testdata/heldout50.jsonl", 0.93, 0.97, 0.86, 30, 1},
		{"index/testdata/heldout51.jsonl", 0.92, 0.98, 0.88, 14, 1},
		{"index/testdata/heldout52.jsonl", 0.96, 0.98, 0.86, 10, 1},
		{"index/testdata/heldout53.jsonl", 0.96, 0.98, 0.94, 7, 1},
		{"index/testdata/heldout54.jsonl", 0.95, 0.99, 0.92, 17, 1},
		{"index/testdata/heldout55.jsonl", 0.91, 0.98, 0.88, 21, 2},
		// Follow-ups, each after its question (content.Question.Follows):
		// the two tuning sets (the second in the style of people who had
		// tried the bot: a new director writing in a second language, a
		// recruiter, a terse engineer) tuned the reading of them, the
		// held-out ones did not. Each was written by a helper who saw
		// only the guide.
		{"index/testdata/followups.jsonl", 0.86, 0.91, 0, 0, 4},
		{"index/testdata/tuning/followups2.jsonl", 0.82, 0.88, 0, 0, 5},
		{"index/testdata/heldout-followups.jsonl", 0.83, 0.89, 0, 0, 5},
		{"index/testdata/heldout-followups2.jsonl", 0.81, 0.86, 0, 0, 5},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			tt.check(t, ix)
		})
	}
}

// TestTwoQuestionsInOneMessage holds the messages that ask two questions
// (content.Question.Parts) to the share whose every question the guide
// answers gets its section, and the most one-question messages given a
// second answer. The sets were written by helpers who saw only the guide
// and its titles: the two tuning sets chose the rules (index/parts.go),
// the held-out one was scored once they were chosen
// (index/testdata/README.md).
func TestTwoQuestionsInOneMessage(t *testing.T) {
	t.Parallel()
	ix := embeddedIndex(t)
	tests := []struct {
		floor floor
		parts float64
		extra int
	}{
		{floor{"index/testdata/tuning/twoparts.jsonl", 0.92, 0.96, 0, 0, 2}, 0.72, 2},
		{floor{"index/testdata/tuning/twoparts2.jsonl", 0.89, 0.96, 0, 0, 2}, 0.73, 1},
		// Written as the rules were chosen, in other separators ("/",
		// "second q:", "(2)"): scored once after the rules, once after
		// those separators were read too, once after a review's fixes.
		{floor{"index/testdata/heldout-twoparts.jsonl", 0.92, 0.98, 0, 0, 2}, 0.55, 1},
	}
	for _, tt := range tests {
		t.Run(tt.floor.file, func(t *testing.T) {
			t.Parallel()
			s := tt.floor.check(t, ix)
			if float64(s.PartsAnswered) < tt.parts*float64(s.Parts) || s.Extra > tt.extra {
				t.Errorf("%s: %s, below parts=%.2f with at most %d extra", tt.floor.file, s, tt.parts, tt.extra)
			}
		})
	}
}

// floor is the least a question set scores: top-1, top-3 and direct
// answers, at most offTopicMissed off-topic questions answered and
// refusedPct % of the answerable ones refused.
type floor struct {
	file                       string
	top1, top3, direct         float64
	offTopicMissed, refusedPct int
}

// check scores the set on ix through the replies people get, fails
// below the floor, and returns the score.
func (f floor) check(t *testing.T, ix *index.Index) quality.Score {
	t.Helper()
	cases, err := quality.LoadSet("../../" + f.file)
	if err != nil {
		t.Fatal(err)
	}
	r := scored(t, ix, cases)
	t.Log(r)
	if r.Top1 < f.top1 || r.Top3 < f.top3 || r.Direct < f.direct ||
		r.NoneTotal-r.None > f.offTopicMissed || 100*r.Refused > f.refusedPct*r.Answerable {
		t.Errorf("%s: %s, below top1=%.2f top3=%.2f direct=%.2f with at most %d off-topic answered and %d %% refused",
			f.file, r, f.top1, f.top3, f.direct, f.offTopicMissed, f.refusedPct)
	}
	return r
}

// checkGuide builds the index of the guide in fsys, holds it to the
// floor, and returns its score.
func (f floor) checkGuide(t *testing.T, fsys fs.FS) quality.Score {
	t.Helper()
	return f.check(t, buildGuide(t, fsys))
}

// scored scores cases on ix, as people get replies.
func scored(t *testing.T, ix *index.Index, cases []content.Question) quality.Score {
	t.Helper()
	r, err := quality.Evaluate(t.Context(), ix, cases, ask.Preview(ix))
	if err != nil {
		t.Fatal(err)
	}
	return r.Score
}

// buildGuide indexes the guide in fsys, closed when the test ends.
func buildGuide(t *testing.T, fsys fs.FS) *index.Index {
	t.Helper()
	g, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// TestSearchQualityOnCompanyGuides holds company guides to the figures
// their question sets reach today, as a company would get them: their
// pages alone, no examples, no outside.txt. This is what a new guide
// starts from, far below the embedded guide with its examples
// (BENCHMARKS.md). The handbook (index/testdata/handbook: six pages,
// written for a review of the owner's loop) is held out: its
// heldout.jsonl was written after it by someone who saw only the pages,
// and never tuned anything. So is a company's engineering career ladder
// (index/testdata/ladder: six pages and their questions, written together
// by someone who saw neither the search nor the other guides), scored
// before and after the rules for ladders were tuned, the same both times.
// So is Tidewater Freight's engineering leadership guide
// (index/testdata/tidewater: six pages on the Director and VP roles, the
// bot's own subject, and their questions, written the same way), scored
// when it arrived and at each change since.
// The vocabulary for company guides was tuned on those of
// index/testdata/tuning, each with a set written the same way: Northwind's
// handbook of six pages, Kestrel's managers' field guide of three, Lumen
// Health's product management ladder of five (levels, pay bands),
// Orchard Bank's design ladder of five, and two guides to the Director
// and VP roles: Bramble Bank's leadership expectations (seven pages) and
// Kinetic Robotics' engineering management handbook (six); and Halyard
// Systems' EM, Director and VP path (five pages, a glossary, its own
// prompts and plan), with the 40 questions its owner wrote before trying
// the bot, read since.
func TestSearchQualityOnCompanyGuides(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		dir   string
		floor floor
	}{
		{"index/testdata/handbook", floor{"index/testdata/handbook/heldout.jsonl", 0.725, 0.825, 0.675, 16, 7}},
		{"index/testdata/ladder", floor{"index/testdata/ladder/heldout.jsonl", 0.655, 0.855, 0.625, 16, 5}},
		{"index/testdata/tidewater", floor{"index/testdata/tidewater/heldout.jsonl", 0.515, 0.745, 0.475, 18, 4}},
		{"index/testdata/tuning/lumen", floor{"index/testdata/tuning/lumen/tune.jsonl", 0.715, 0.875, 0.705, 18, 3}},
		{"index/testdata/tuning/orchard", floor{"index/testdata/tuning/orchard/tune.jsonl", 0.595, 0.765, 0.585, 21, 7}},
		{"index/testdata/tuning/northwind", floor{"index/testdata/tuning/northwind/tune.jsonl", 0.755, 0.895, 0.715, 18, 3}},
		{"index/testdata/tuning/fieldguide", floor{"index/testdata/tuning/fieldguide/tune.jsonl", 0.755, 0.825, 0.745, 17, 4}},
		{"index/testdata/tuning/bramble", floor{"index/testdata/tuning/bramble/tune.jsonl", 0.645, 0.825, 0.575, 27, 4}},
		{"index/testdata/tuning/kinetic", floor{"index/testdata/tuning/kinetic/tune.jsonl", 0.565, 0.785, 0.495, 23, 4}},
		{"index/testdata/tuning/halyard", floor{"index/testdata/tuning/halyard/tune.jsonl", 0.765, 0.895, 0, 2, 1}},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			t.Parallel()
			tt.floor.checkGuide(t, os.DirFS("../../"+tt.dir))
		})
	}
}

// TestFirstExamplesDoNoHarm teaches six company guides one in five of
// their tuning set's questions as examples, as an owner's first forty, and
// scores the other four fifths: questions unlike the examples are
// answered as well as by the pages alone, within one question either
// way. Trusted as thousands are, they cost Lumen 0.06 of top-1 and
// Northwind 0.03, and refused two more answerable questions each of
// Bramble and Kinetic (BENCHMARKS.md: over more draws).
func TestFirstExamplesDoNoHarm(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"bramble", "fieldguide", "kinetic", "lumen", "northwind", "orchard"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := os.DirFS("../../index/testdata/tuning/" + name)
			set, err := fs.ReadFile(dir, "tune.jsonl")
			if err != nil {
				t.Fatal(err)
			}
			pages, taught := fstest.MapFS{}, fstest.MapFS{}
			mds, err := fs.Glob(dir, "*.md")
			if err != nil {
				t.Fatal(err)
			}
			for _, md := range mds {
				data, err := fs.ReadFile(dir, md)
				if err != nil {
					t.Fatal(err)
				}
				pages[md], taught[md] = &fstest.MapFile{Data: data}, &fstest.MapFile{Data: data}
			}
			var examples, rest bytes.Buffer
			for i, line := range bytes.SplitAfter(set, []byte("\n")) {
				if i%5 == 0 {
					examples.Write(line)
				} else {
					rest.Write(line)
				}
			}
			taught[content.ExamplesFile] = &fstest.MapFile{Data: examples.Bytes()}
			cases, err := content.ReadQuestions(name+"/tune.jsonl", bytes.NewReader(rest.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			alone, first := scored(t, buildGuide(t, pages), cases), scored(t, buildGuide(t, taught), cases)
			t.Logf("alone: %s; with %d examples: %s", alone, bytes.Count(examples.Bytes(), []byte("\n")), first)
			right := func(s quality.Score) int { return int(math.Round(s.Top1 * float64(s.Answerable))) }
			if right(first) < right(alone)-1 || first.Refused > alone.Refused+1 || first.None < alone.None-1 {
				t.Errorf("the first examples did harm: %s, alone %s", first, alone)
			}
		})
	}
}

// TestOwnersExamplesLiftACompanyGuide plays the owner's loop on two
// company guides: a first set of questions people asked, with the
// sections that answer them, becomes the guide's examples.jsonl, as the
// report's questions would. A second set, written afterwards by someone
// who saw only the pages, is answered better than by the pages alone:
// more right answers first, more off-topic questions refused. A hundred
// and fifty examples are trusted for a seventh of what thousands are
// (index's trustScale), but for all of it on a question near one of them
// (nearShare): trusted fully on every question, they refused 5 and 4
// more of the 35 off-topic questions, but a guide's first examples,
// trusted fully, cost more right answers on questions unlike them than
// they won.
func TestOwnersExamplesLiftACompanyGuide(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		dir, asked string
		// alone and taught hold the next set without and with the
		// examples.
		alone, taught floor
	}{
		// Alone, top-3 0.82 -> 0.81 once "code" became a synonym of
		// "technical" (the embedded guide's "do vps code?"): Northwind's
		// pages say "code", and "When You Need an RFC" fell to fourth
		// for one question.
		{"index/testdata/tuning/northwind", "tune.jsonl",
			floor{"index/testdata/tuning/northwind/set2.jsonl", 0.695, 0.795, 0.675, 23, 3},
			floor{"index/testdata/tuning/northwind/set2.jsonl", 0.765, 0.825, 0.745, 20, 3}},
		{"index/testdata/handbook", "heldout.jsonl",
			floor{"index/testdata/handbook/heldout2.jsonl", 0.735, 0.795, 0.725, 20, 8},
			floor{"index/testdata/handbook/heldout2.jsonl", 0.755, 0.805, 0.735, 17, 10}},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			t.Parallel()
			dir := os.DirFS("../../" + tt.dir)
			entries, err := fs.ReadDir(dir, ".")
			if err != nil {
				t.Fatal(err)
			}
			// The guide's files but its question sets; the first set as
			// its examples too, or as the lessons its admins taught on
			// the Home tab.
			pages, taught := fstest.MapFS{}, fstest.MapFS{}
			var asked []byte
			for _, e := range entries {
				data, err := fs.ReadFile(dir, e.Name())
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case e.Name() == tt.asked:
					taught[content.ExamplesFile] = &fstest.MapFile{Data: data}
					asked = data
				case !strings.HasSuffix(e.Name(), ".jsonl"):
					pages[e.Name()] = &fstest.MapFile{Data: data}
					taught[e.Name()] = &fstest.MapFile{Data: data}
				}
			}
			alone, lifted := tt.alone.checkGuide(t, pages), tt.taught.checkGuide(t, taught)
			if lifted.Top1 <= alone.Top1 || lifted.None <= alone.None {
				t.Errorf("examples lift nothing: %s alone, %s with them", alone, lifted)
			}
			if lessons := tt.taught.checkGuide(t, content.WithTaught(pages, asked)); lessons != lifted {
				t.Errorf("the same questions lift the guide otherwise as lessons (%s) as as examples (%s)", lessons, lifted)
			}
		})
	}
}

// TestExamplesTeachSearch holds the held-out sets, which neither taught
// nor tuned anything, to more right answers from the embedded guide with
// its examples (the tuning sets) than from its page alone, and to
// unsure answers for off-topic questions it still answers, few for right
// ones.
func TestExamplesTeachSearch(t *testing.T) {
	t.Parallel()
	page, err := fs.ReadFile(content.EmbeddedFiles(), "director.md")
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	// A held-out question that is also an example, word for word in any
	// case or punctuation ("director vs vp"), answered or not, was taught:
	// it is left out.
	examples := index.ExampleKeys(embedded)
	var cases []content.Question
	// The held-out sets: heldout.jsonl and heldout2.jsonl on, not the
	// follow-ups.
	files, err := filepath.Glob("../../index/testdata/heldout[0-9]*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range append(files, "../../index/testdata/heldout.jsonl") {
		set, err := quality.LoadSet(file)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, slices.DeleteFunc(set, func(c content.Question) bool {
			return examples[index.QuestionKey(c.Text)]
		})...)
	}
	score := func(g *content.Guide) quality.Score {
		ix, err := index.Build(t.Context(), g)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		r, err := quality.Evaluate(context.Background(), ix, cases, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r.Score
	}
	pageOnly, err := content.Load(fstest.MapFS{"director.md": {Data: page}})
	if err != nil {
		t.Fatal(err)
	}
	plain, taught := score(pageOnly), score(embedded)
	t.Logf("without examples: %s; with: %s", plain, taught)
	// Examples cost a few refusals: at most 1 % more of the off-topic
	// questions answered, half a percent more of the answerable refused.
	if taught.Top1 < plain.Top1+0.04 || taught.Top3 < plain.Top3+0.02 ||
		100*(plain.None-taught.None) > plain.NoneTotal || 200*(taught.Refused-plain.Refused) > plain.Answerable {
		t.Errorf("examples taught too little: %s, without them %s", taught, plain)
	}
	// The examples also tell when an answer is only the closest the guide
	// has: today 175 of the 483 off-topic questions answered, and 29 right
	// answers of 6,941 answerable questions (0.42 %; heldout55, people
	// around engineering leaders, brought 2 of its 100); at most 0.5 % of
	// them, so that a new held-out set does not trip the bound by its size.
	if taught.OffTopicUnsure < 30 || taught.RightUnsure*200 > taught.Answerable {
		t.Errorf("unsure answers: %d of %d off-topic ones answered, %d right ones of %d answerable; want at least 30, at most 0.5 %%",
			taught.OffTopicUnsure, taught.NoneTotal-taught.None, taught.RightUnsure, taught.Answerable)
	}
	// A guide's first examples do no harm: one in forty of them (292), as
	// an owner's first few hundred, give more right answers first, refuse
	// as many off-topic questions, and at most 0.3 % more answerable ones
	// (today 14 of 6,941). Trusted as all of them are, they cost 0.02 of
	// top-1 and refused 116 more.
	few := fewExamples(t, 40)
	fewTaught, err := content.Load(fstest.MapFS{"director.md": {Data: page}, content.ExamplesFile: {Data: few}})
	if err != nil {
		t.Fatal(err)
	}
	if first := score(fewTaught); first.Top1 < plain.Top1 || 1000*(first.Refused-plain.Refused) > 3*plain.Answerable || first.None < plain.None {
		t.Errorf("%d examples did harm: %s, without them %s", bytes.Count(few, []byte("\n")), first, plain)
	}
}

// fewExamples returns every nth line of the embedded guide's examples.
func fewExamples(t *testing.T, n int) []byte {
	t.Helper()
	all, err := fs.ReadFile(content.EmbeddedFiles(), content.ExamplesFile)
	if err != nil {
		t.Fatal(err)
	}
	var few bytes.Buffer
	for i, line := range bytes.SplitAfter(all, []byte("\n")) {
		if i%n == 0 {
			few.Write(line)
		}
	}
	return few.Bytes()
}

// TestFollowUpsReadTheirQuestion holds the held-out follow-ups that ask
// their question again of the other role ("and for a VP?") to more right
// answers read after it than alone, and every other second message of
// both sets (a new topic, a detail, a question of its own) to being read
// alone.
func TestFollowUpsReadTheirQuestion(t *testing.T) {
	t.Parallel()
	ix := embeddedIndex(t)
	cases, err := quality.LoadSet("../../index/testdata/heldout-followups.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	alone := slices.Clone(cases)
	for i := range alone {
		alone[i].Follows = ""
	}
	score := func(cases []content.Question) *quality.Score {
		r, err := quality.Evaluate(context.Background(), ix, cases, ask.Preview(ix))
		if err != nil {
			t.Fatal(err)
		}
		return r.Styles["role"]
	}
	with, without := score(cases), score(alone)
	t.Logf("after their question: %s; alone: %s", with, without)
	if with.Top1 < without.Top1+0.05 || with.Top3 < without.Top3+0.05 {
		t.Errorf("role follow-ups after their question: %s; alone: %s: want 0.05 more top-1 and top-3", with, without)
	}
	tuning, err := quality.LoadSet("../../index/testdata/followups.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var more []content.Question
	for _, f := range []string{"tuning/followups2.jsonl", "heldout-followups2.jsonl"} {
		set, err := quality.LoadSet("../../index/testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		more = append(more, set...)
	}
	for _, c := range slices.Concat(tuning, cases, more) {
		if _, followed := ix.FollowUp(c.Follows, c.Text); followed && c.Style != "role" {
			t.Errorf("%q after %q (%s) is read as asking it again", c.Text, c.Follows, c.Style)
		}
	}
}

// embeddedIndex is the embedded guide's index, closed when the test ends.
func embeddedIndex(t *testing.T) *index.Index {
	t.Helper()
	g, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return builtIndex(t, g)
}

// builtIndex is the index of g, closed when the test ends.
func builtIndex(t *testing.T, g *content.Guide) *index.Index {
	t.Helper()
	ix, err := index.Build(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}
