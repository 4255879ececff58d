package synthetic

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
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

// TestWriteGuide writes a synthetic guide folder for the memory and
// restart measurements in BENCHMARKS.md, when asked to:
//
//	SYNTHETIC_SECTIONS=100000 SYNTHETIC_DIR=/tmp/g100k go test ./content/synthetic -run TestWriteGuide
func TestWriteGuide(t *testing.T) {
	dir, n := os.Getenv("SYNTHETIC_DIR"), os.Getenv("SYNTHETIC_SECTIONS")
	if dir == "" || n == "" {
		t.Skip("set SYNTHETIC_DIR and SYNTHETIC_SECTIONS to write a guide folder")
	}
	sections, err := strconv.Atoi(n)
	if err != nil {
		t.Fatalf("SYNTHETIC_SECTIONS=%q: %v", n, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "handbook.md"), Markdown(sections, 1), 0o644); err != nil {
		t.Fatal(err)
	}
}
