package reload

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch reloads the guide whenever its folder changes, until ctx ends. A
// burst of changes (an editor saving several pages, a deploy replacing the
// folder's files) makes one reload, once the folder has been quiet for
// Settings.Debounce. It watches the folder itself, not each file, so that
// files written anew or renamed into place count, and so do Kubernetes
// ConfigMap updates, which swap a symbolic link in the folder. A folder
// that goes away (replaced by a slow copy: "rm -rf guide && git clone …")
// is looked for every Settings.Debounce, and reloaded once it is back. It
// returns nil when ctx ends, and an error only when the folder cannot be
// watched at the start.
func (r *Reloader) Watch(ctx context.Context) error {
	if r.cfg.Dir == "" {
		<-ctx.Done()
		return nil
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch %s: %w", r.cfg.Dir, err)
	}
	defer w.Close()
	if err := w.Add(r.cfg.Dir); err != nil {
		return fmt.Errorf("watch %s: %w", r.cfg.Dir, err)
	}
	r.log.Info("watching the guide for changes", "dir", r.cfg.Dir)
	quiet := time.NewTimer(0)
	<-quiet.C
	pending, gone := false, false
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod || !r.relevant(ev.Name) {
				continue
			}
			pending = true
			quiet.Reset(r.cfg.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// An overflow loses events: reload to be sure.
			r.log.Warn("watching the guide", "err", err)
			pending = true
			quiet.Reset(r.cfg.Debounce)
		case <-quiet.C:
			if !pending {
				continue
			}
			pending = false
			// The folder may have been replaced: watch it afresh, or look
			// for it again soon while it is gone.
			_ = w.Remove(r.cfg.Dir)
			if err := w.Add(r.cfg.Dir); err != nil {
				if !gone {
					r.log.Warn("cannot watch the guide's folder (gone?): trying again until it can", "dir", r.cfg.Dir, "err", err)
				}
				pending, gone = true, true
				quiet.Reset(r.cfg.Debounce)
				continue
			}
			if gone {
				// Back, and maybe still being written (a clone makes the
				// folder before its files): wait until it is quiet.
				r.log.Info("the guide's folder is back", "dir", r.cfg.Dir)
				pending, gone = true, false
				quiet.Reset(r.cfg.Debounce)
				continue
			}
			if _, err := r.Reload(ctx, TriggerWatch); err != nil && ctx.Err() == nil {
				r.log.Warn("reload the guide", "err", err)
			}
		}
	}
}

// relevant reports whether a change to the named path may change the
// guide: a page, synonyms.txt, questions.jsonl, or anything that is not a
// regular file of its own, such as the ..data link of a ConfigMap, or the
// folder itself. Editors' swap and backup files are not.
func (r *Reloader) relevant(path string) bool {
	name := filepath.Base(path)
	if guideFile(name) || filepath.Clean(path) == filepath.Clean(r.cfg.Dir) {
		return true
	}
	if len(name) > 1 && name[0] == '.' && name[1] == '.' {
		return true // ConfigMap links and folders: ..data, ..2026_03_01…
	}
	return false
}
