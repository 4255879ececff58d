package index

import "testing"

// TestFollowUp reads a message after the last question of a
// conversation: one that asks it again of the other role asks it of that
// role; any other message asks itself.
func TestFollowUp(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct {
		previous, message, want string
		followed                bool
	}{
		{"How many engineers does a director usually manage?", "and for a VP?", "How many engineers does a vp usually manage?", true},
		{"who do VPs report to", "what about directors", "who do directors report to", true},
		{"how much time do vps spend on hiring", "vs a dir?", "how much time do directors spend on hiring", true},
		{"what are a vp's success metrics?", "and a director?", "what are a director's success metrics?", true},
		{"who does a VP report to?", "thanks! and directors?", "who does a director report to?", true},
		{"How many engineers does a director usually manage?", "<@U024BE7LH> and for a VP? thx :pray:", "How many engineers does a vp usually manage?", true},
		{"what's the focus split for a director?", "what about for VPs specifically?", "what's the focus split for a vp?", true},
		{"what does a director mostly focus on", "vp focus?", "what does a vp mostly focus on", true},
		{"whats the planning horizon, like quarterly?", "same for VPs", "whats the planning horizon, like quarterly? same for VPs", true},
		{"what's the planning horizon", "and for a VP?", "what's the planning horizon? and for a VP?", true},
		// A guess at the answer, or a question of what it is like, asks it
		// still.
		{"how many hours does a director spend on technical reviews", "and VPs, even less? 😅", "how many hours does a vp spend on technical reviews", true},
		{"is a VP still a player-coach", "but directors are, yes?", "is a director still a player-coach", true},
		{"how hands-on technically is a director supposed to be", "how is it different for a VP?", "how hands-on technically is a vp supposed to be", true},
		// A name the thesaurus rewrites is swapped where it stands.
		{"q - how many EMs does a dir usually have", "vp?", "how many EMs does a vp usually have", true},
		// A level names no role: the guide does not say which is above.
		{"how many engineers does a VP usually oversee", "and one level up?", "and one level up?", false},
		// A question of its own, though short and about the other role.
		{"how many engineers does a director manage?", "what does a VP do?", "what does a VP do?", false},
		{"how many engineers does a director manage?", "who does a VP manage?", "who does a VP manage?", false},
		{"how many engineers does a director manage?", "who is a VP?", "who is a VP?", false},
		{"how big is a director's org?", "how is a VP different?", "how is a VP different?", false},
		{"how many engineers does a director manage?", "VP vs director?", "VP vs director?", false},
		// The last question names both roles.
		{"what's the difference between a VP and a director?", "and for a director?", "and for a director?", false},
		// Asks more than the last question did.
		{"what does a director do in the morning?", "and how long till a director makes VP?", "and how long till a director makes VP?", false},
		{"how many engineers does a director manage?", "and a VP's budget?", "and a VP's budget?", false},
		// The same role, or one the guide does not describe.
		{"how many engineers does a director manage?", "and a senior director?", "and a senior director?", false},
		{"who does a VP report to?", "and a CTO?", "and a CTO?", false},
		{"who does a VP report to?", "and in the afternoon?", "and in the afternoon?", false},
		{"", "and for a VP?", "and for a VP?", false},
		{"who does a director report to?", "and for a VP? " + "please tell me everything you know about it", "and for a VP? please tell me everything you know about it", false},
	}
	for _, tt := range tests {
		got, followed := ix.FollowUp(tt.previous, tt.message)
		if got != tt.want || followed != tt.followed {
			t.Errorf("FollowUp(%q, %q) = %q, %v; want %q, %v", tt.previous, tt.message, got, followed, tt.want, tt.followed)
		}
	}
}

// TestAskAfter: a short message that finds no answer alone leans on the
// answer before it, within its chapter, or within its section when it
// points back to it or asks for an example; one answered alone, naming a
// role, or asking nothing, is asked alone. A title ending in "?" is an
// answer only the closest the guide has (Result.Unsure).
func TestAskAfter(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct{ previous, message, want string }{
		{"how long to make vp", "and how do i get there", "Key Actions to Make the Transition"},
		{"my boss says i need to think like an exec to make vp", "what does that mean concretly?", "1. Think Like an Executive"},
		{"how long to make vp", "what are the common pitfalls?", "Common Pitfalls to Avoid"},
		{"what does a director do?", "and how do i get there", ""},
		{"how long to make vp", "hmm interesting", ""},
		{"how long to make vp", "really?", ""},
		{"", "and how do i get there", ""},
		// Asked for an example, the section itself, though "example"
		// alone finds another that gives one.
		{"how do I build executive relationships as a director?", "any example?", "2. Build Executive Relationships"},
		{"should i work on external presence if i want vp", "got an example?", "4. Develop External Presence"},
		// The chapter, which its title alone may have found: unsure.
		{"who does a director report to?", "i feel overwhelm, too many meeting. what i should drop?", "Comparison: Director vs VP?"},
		{"what does a director's typical day look like?", "what do they do in the afternoon?", "Typical Day-to-Day Activities?"},
	}
	askAfterEach(t, ix, tests, func(r Result) string {
		got := ""
		if len(r.Hits) > 0 {
			got = r.Hits[0].Section.Title
		}
		if r.Unsure {
			got += "?"
		}
		return got
	})
}

// askAfterEach asks each message after its previous and checks what
// describe makes of the result.
func askAfterEach(t *testing.T, ix *Index, tests []struct{ previous, message, want string }, describe func(Result) string) {
	t.Helper()
	for _, tt := range tests {
		r, err := ix.AskAfter(t.Context(), tt.previous, tt.message, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := describe(r); got != tt.want {
			t.Errorf("AskAfter(%q, %q) = %q, want %q", tt.previous, tt.message, got, tt.want)
		}
	}
}

// TestAskAfterItem: a follow-up that points to an item of the answer
// before by its place gets that item: a list item, a table row, one of
// several rows it quoted, or a subsection; past the last, or named by a
// noun the answer does not name its items by, it is asked alone.
func TestAskAfterItem(t *testing.T) {
	t.Parallel()
	ix := embedded(t)
	tests := []struct{ previous, message, want string }{
		{"what are the common pitfalls?", "the second one", "Not building a strong enough leadership bench"},
		{"what are the common pitfalls?", "and the last one?", "Not developing external presence and network"},
		{"what are the key shifts from director to VP?", "the 2nd", "Influencing strategy"},
		{"compare budget and hiring for a director and a vp", "the second one", "Hiring"},
		{"how do I get ready for a VP role?", "what about the third one", "3. Own Organizational Design"},
		{"what are the common pitfalls?", "the ninth one", ""},
		// An item named as the answer names its items, or by a noun no
		// title of the guide holds.
		{"what are the common pitfalls?", "the 2nd pitfall", "Not building a strong enough leadership bench"},
		{"what are the common pitfalls?", "the second mistake", "Not building a strong enough leadership bench"},
		{"how do I get ready for a VP role?", "the third action", "3. Own Organizational Design"},
		{"how do I get ready for a VP role?", "the second step", "2. Build Executive Relationships"},
		// A noun another section's title holds, and the answer's not,
		// asks for that section's, alone.
		{"how do I build executive relationships as a director?", "the first skill", "Key Skill Sets"},
	}
	askAfterEach(t, ix, tests, func(r Result) string {
		if len(r.Hits) == 0 {
			return ""
		}
		h := r.Hits[0]
		switch {
		case h.Passage != nil:
			return h.Passage.Text
		case len(h.Rows) == 1:
			return h.Section.Tables()[h.Rows[0].Table].Rows[h.Rows[0].Row][0].Plain()
		case len(h.Rows) == 0:
			return h.Section.Title
		}
		return ""
	})
}
