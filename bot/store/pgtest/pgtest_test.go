package pgtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// TestStopOrphans leaves two cluster directories: one of a test binary
// that has died, which goes, and one of this one, which stays.
func TestStopOrphans(t *testing.T) {
	dead := exec.Command("go", "version")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	dirs := map[int]string{}
	for _, pid := range []int{dead.Process.Pid, os.Getpid()} {
		dir, err := os.MkdirTemp("", "directorbot-pg-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.RemoveAll(dir) })
		if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(pid)), 0o644); err != nil {
			t.Fatal(err)
		}
		dirs[pid] = dir
	}
	bin, _ := findPostgresBin()
	stopOrphans(bin)
	if _, err := os.Stat(dirs[dead.Process.Pid]); !os.IsNotExist(err) {
		t.Errorf("the dead binary's cluster is still there: %v", err)
	}
	if _, err := os.Stat(dirs[os.Getpid()]); err != nil {
		t.Errorf("this binary's cluster was removed: %v", err)
	}
}
