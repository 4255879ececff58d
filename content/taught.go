package content

import (
	"bytes"
	"io/fs"
	"time"
)

// WithTaught returns the files of the guide in fsys with taught as its
// TaughtFile, in place of any the folder has (none when taught is
// empty): the examples a bot keeps from its admins' lessons join the
// guide's own when the guide is loaded, and change its fingerprint, so
// that an index kept on disk is rebuilt when a lesson is added or undone.
func WithTaught(fsys fs.FS, taught []byte) fs.FS {
	return taughtFS{FS: fsys, taught: bytes.Clone(taught)}
}

// taughtFS is a guide's files with TaughtFile in memory.
type taughtFS struct {
	fs.FS
	taught []byte
}

// Open opens TaughtFile from memory, any other file from the guide's.
func (t taughtFS) Open(name string) (fs.File, error) {
	switch {
	case name != TaughtFile:
		return t.FS.Open(name)
	case len(t.taught) == 0:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memoryFile{Reader: bytes.NewReader(t.taught)}, nil
}

// memoryFile is TaughtFile as taughtFS opens it.
type memoryFile struct{ *bytes.Reader }

func (f *memoryFile) Stat() (fs.FileInfo, error) { return memoryInfo{size: f.Size()}, nil }
func (f *memoryFile) Close() error               { return nil }

// memoryInfo describes a memoryFile.
type memoryInfo struct{ size int64 }

func (memoryInfo) Name() string       { return TaughtFile }
func (i memoryInfo) Size() int64      { return i.size }
func (memoryInfo) Mode() fs.FileMode  { return 0o444 }
func (memoryInfo) ModTime() time.Time { return time.Time{} }
func (memoryInfo) IsDir() bool        { return false }
func (memoryInfo) Sys() any           { return nil }
