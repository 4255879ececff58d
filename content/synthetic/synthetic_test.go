package synthetic

import (
	"bytes"
	"testing"
)

func TestSyntheticIsDeterministicAndSized(t *testing.T) {
	t.Parallel()
	for _, n := range []int{10, 1000} {
		a, b := Markdown(n, 1), Markdown(n, 1)
		if !bytes.Equal(a, b) {
			t.Fatalf("n=%d: two runs differ", n)
		}
		g, err := Guide(n, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(g.Sections()); got != n {
			t.Errorf("n=%d: got %d sections", n, got)
		}
	}
}
