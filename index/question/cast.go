package question

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Cast holds the names of the people a question may be about (the
// thesaurus's roles) by their first word, longest first, so that a
// "director of product" is not read as a director.
type Cast map[string][]name

// name is one name of a role, split into words, and as the roles list
// writes it in the singular.
type name struct {
	words   []string
	role    int
	written string
}

// NewCast reads the roles' names, each a list of names of one role, as a
// question's words are read (rewrite: "eng" is "engineering"), each with
// its plural.
func NewCast(roles [][]string, rewrite func(string) string) Cast {
	c := Cast{}
	for r, names := range roles {
		for _, n := range names {
			words := Words(rewrite(n))
			// The plural as a question reads it too: a thesaurus rule
			// may name only the plural ("product managers").
			plurals := Words(rewrite(strings.Join(plural(Words(n)), " ")))
			c.add(name{words, r, n}, name{plural(words), r, n}, name{plurals, r, n})
		}
	}
	return c
}

// Heads returns the head words of the names of the roles described
// tells, as the roles list writes them (roles), in lower case, singular
// and plural: "manager" and "managers" of "engineering manager", which
// the thesaurus may read as "EM". The engineers every team has are no
// such kind: a guide to the staff engineer gives no ratio of PMs to
// engineers.
func Heads(roles [][]string, described map[int]bool) Set {
	out := Set{}
	for r, names := range roles {
		if !described[r] {
			continue
		}
		for _, n := range names {
			words := Words(n)
			if len(words) == 0 {
				continue
			}
			singular, plural := words[head(words)], plural(words)
			if !staffOfEveryTeam[singular] {
				out[singular], out[plural[head(plural)]] = true, true
			}
		}
	}
	return out
}

// staffOfEveryTeam are the kinds of staff every engineering team has.
var staffOfEveryTeam = SetOf("engineer developer dev ic")

// head is where the head word of a role's name is: the last, or the one
// before "of" ("director of product").
func head(n []string) int {
	if i := slices.Index(n, "of"); i > 0 {
		return i - 1
	}
	return len(n) - 1
}

// plural returns a role's name in the plural: its head word, the last
// or the one before "of", with an "s" ("directors of product").
func plural(n []string) []string {
	out := slices.Clone(n)
	if h := head(out); !strings.HasSuffix(out[h], "s") {
		out[h] += "s"
	}
	return out
}

// add adds names, keeping each first word's longest first.
func (c Cast) add(names ...name) {
	for _, n := range names {
		if len(n.words) == 0 || slices.ContainsFunc(c[n.words[0]], func(o name) bool { return slices.Equal(o.words, n.words) }) {
			continue
		}
		first := n.words[0]
		c[first] = append(c[first], n)
		slices.SortStableFunc(c[first], func(a, b name) int { return cmp.Compare(len(b.words), len(a.words)) })
	}
}

// Mention is where a role's name stands in a question's words: from
// Start to End, not included. Name is that name as the roles list writes
// it in the singular ("CTO"), for a reply.
type Mention struct {
	Start, End, Role int
	Name             string
}

// Mentions finds the names in words, left to right, the longest at each
// place.
func (c Cast) Mentions(words []string) []Mention {
	var out []Mention
	for i := 0; i < len(words); i++ {
		for _, n := range c[words[i]] {
			if len(words)-i >= len(n.words) && slices.Equal(words[i:i+len(n.words)], n.words) {
				out = append(out, Mention{Start: i, End: i + len(n.words), Role: n.role, Name: n.written})
				i += len(n.words) - 1
				break
			}
		}
	}
	return out
}

// Roled returns words with each name of a role replaced by one word that
// stands for the role (IsRoleWord), so that two texts compare by role,
// whatever name each gives it: "senior PM" reads as "senior product
// manager" does. at holds where each word of out starts in words, and
// then len(words): the word out[i] was words[at[i]:at[i+1]].
func (c Cast) Roled(words []string) (out []string, at []int) {
	i := 0
	for _, m := range c.Mentions(words) {
		for ; i < m.Start; i++ {
			out, at = append(out, words[i]), append(at, i)
		}
		out, at = append(out, roleWord(m.Role)), append(at, m.Start)
		i = m.End
	}
	for ; i < len(words); i++ {
		out, at = append(out, words[i]), append(at, i)
	}
	return out, append(at, len(words))
}

// roleWord is the word Roled puts for a role: no word of a text starts
// with a NUL.
func roleWord(role int) string { return "\x00" + strconv.Itoa(role) }

// IsRoleWord reports whether a word of Roled stands for a role.
func IsRoleWord(w string) bool { return strings.HasPrefix(w, "\x00") }

// StartsName reports whether a word begins a name.
func (c Cast) StartsName(word string) bool { return len(c[word]) > 0 }

// Roles returns the roles a text names.
func (c Cast) Roles(text string) []int {
	return c.RolesIn(Words(text))
}

// RolesIn returns the roles a text's words name.
func (c Cast) RolesIn(words []string) []int {
	var out []int
	for _, m := range c.Mentions(words) {
		out = append(out, m.Role)
	}
	return out
}

// OneWordNames returns the one-word names of the roles for which keep
// is true, sorted, so that a misspelling near two reads as the same one
// every time.
func (c Cast) OneWordNames(keep func(role int, name string) bool) []string {
	var out []string
	for _, names := range c {
		for _, n := range names {
			if len(n.words) == 1 && keep(n.role, n.words[0]) {
				out = append(out, n.words[0])
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
