package question

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"<@U0LAN0Z89> how is a VP different?", "how is a VP different?"},
		{"see <#C1|general> and <!here> <!subteam^S1|@leads>", "see and"},
		// A slash command escaped by Slack (should_escape: true in the
		// manifest) names people and channels so, and they are dropped.
		{"is <@U123ABC|jane.doe> ready to be a VP? she reports to <#C99|exec-staff>", "is ready to be a VP? she reports to"},
		{"read <https://example.com/guide|the guide> or <https://x.y>", "read the guide or"},
		{"*bold* _italic_ ~strike~ `code`", "bold italic strike code"},
		{"skills :thinking_face: :+1:", "skills"},
		{"P&amp;L &lt;3", "P&L <3"},
		{"tabs\tand\x00nul\x07bell\u200bzw", "tabs and nul bell zw"},
		{"   ", ""},
		{" lead, trail ", "lead, trail"},
		{"two  spaces\r\nand lines", "two spaces and lines"},
		{"no\u00a0break\u2003em", "no break em"},
		{"مدير vs VP 🚀", "مدير vs VP 🚀"},
		{"my 1:1: what agenda?", "my 1:1: what agenda?"},
		{"Skip-level 1:1s: how often?", "Skip-level 1:1s: how often?"},
		{":tada: done", "done"},
		{"hey :wave::skin-tone-2: skills", "hey skills"},
		{"I’m ready, ‘quoted’ and “double”", `I'm ready, 'quoted' and "double"`},
		{"can <@U0AAA111> expense a *$5k* course from <https://example.com|this site> :moneybag: `now`?", "can expense a $5k course from this site now?"},
		{"skills :thinking_face: ?", "skills?"},
		{"parental leave :thinking_face: ?!", "parental leave?!"},
		{"do we use the .md or .NET files ?", "do we use the .md or .NET files?"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeBoundsLength(t *testing.T) {
	t.Parallel()
	got := Normalize(strings.Repeat("é", 40000))
	if n := utf8.RuneCountInString(got); n > MaxQuestionRunes || n < MaxQuestionRunes-2 || !utf8.ValidString(got) {
		t.Errorf("got %d runes, valid=%v", n, utf8.ValidString(got))
	}
	// Long words are cut where they are, not dropped whole.
	if got := Normalize("問題 " + strings.Repeat("中", 5000)); utf8.RuneCountInString(got) < MaxQuestionRunes-2 {
		t.Errorf("a text of one long word keeps %d runes", utf8.RuneCountInString(got))
	}
	if got := ends("abcdefgh", 2, " … "); got != "ab" {
		t.Errorf("ends within fewer runes than its separator = %q", got)
	}
	// Notes pasted, then the question: the start and the end are read,
	// each cut between words.
	notes := strings.Repeat("We discussed the roadmap and the hiring plan. ", 400)
	for _, in := range []string{notes + "What should a director own?", "What should a director own? " + notes} {
		got := Normalize(in)
		head, tail, cut := strings.Cut(got, " … ")
		if n := utf8.RuneCountInString(got); n > MaxQuestionRunes || !strings.Contains(got, "What should a director own?") || !cut {
			t.Errorf("Normalize of %d runes = %d runes, %q … %q", utf8.RuneCountInString(in), n, got[:60], got[len(got)-60:])
			continue
		}
		words := strings.Fields(head)
		for _, w := range []string{words[len(words)-1], strings.Fields(tail)[0]} {
			if !strings.Contains(" "+in+" ", " "+w+" ") {
				t.Errorf("cut inside a word: %q", w)
			}
		}
	}
}

// FuzzSpacedOnce holds the shortcut that skips collapsing spaces to the
// collapse itself: text it passes is what collapsing would return.
func FuzzSpacedOnce(f *testing.F) {
	for _, seed := range []string{"a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if spacedOnce(q) && strings.Join(strings.Fields(q), " ") != q {
			t.Errorf("spacedOnce(%q) but it collapses to %q", q, strings.Join(strings.Fields(q), " "))
		}
	})
}

// FuzzNormalize checks that any valid message is normalized to valid UTF-8
// no longer than MaxQuestionRunes.
func FuzzNormalize(f *testing.F) {
	for _, seed := range []string{"<@U1> how is a VP different?", "<https://x|label> <!here> :tada:", "\x00\x01", "مدير 🚀", "&amp;lt;"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		n := Normalize(q)
		if !utf8.ValidString(n) && utf8.ValidString(q) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", q, n)
		}
		if utf8.RuneCountInString(n) > MaxQuestionRunes {
			t.Fatalf("Normalize(%q) is %d runes long", q, utf8.RuneCountInString(n))
		}
	})
}
