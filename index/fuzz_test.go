package index

import (
	"context"
	"testing"
)

// FuzzSearch checks that any question, however odd, is searched without an
// error or a panic.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{
		"what skills does a director need?", "dirctor skils", "<@U1> how is a VP different?",
		`+title:x -y /.*/ ~2 ^5 "unclosed`, "\x00\x01", "what is the", "مدير 🚀", "1:1s P&L",
		"<https://x|label> <!here> :tada:", "\xff\xfe",
	} {
		f.Add(seed)
	}
	ix := embedded(f)
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := ix.Search(context.Background(), q, 3)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			if h.Section == nil {
				t.Fatal("hit without a section")
			}
			_ = h.RowTitles()
		}
	})
}
