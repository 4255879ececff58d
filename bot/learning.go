package bot

import "sync"

// learning follows the lessons the guide is learning (each a reload) and
// the admins' Homes drawn meanwhile: a Home drawn while the guide learns
// says so, and once it has learned every lesson under way, each admin
// whose latest Home said so is shown a new one. An admin's Homes are
// drawn and published one at a time, so that one drawn late never
// replaces a newer one in Slack.
type learning struct {
	mu      sync.Mutex
	lessons int
	// told maps each admin whose latest Home says the guide is still
	// learning to the place their lessons were listed from.
	told map[string]int
	// drawing holds each admin's turn to draw and publish a Home.
	drawing map[string]*sync.Mutex
}

// begin counts a lesson the guide starts learning.
func (l *learning) begin() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lessons++
}

// end counts a lesson learned and, when it was the last under way,
// returns the admins whose latest Home says the guide is still learning,
// each with the place their lessons were listed from.
func (l *learning) end() map[string]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lessons--; l.lessons > 0 {
		return nil
	}
	told := l.told
	l.told = nil
	return told
}

// draw takes an admin's turn to draw and publish a Home listing their
// lessons from place from; it reports whether the guide is learning a
// lesson, which that Home then says. The Home is published before the
// turn is given back (done).
func (l *learning) draw(admin string, from int) (still bool, done func()) {
	l.mu.Lock()
	if l.drawing == nil {
		l.drawing = map[string]*sync.Mutex{}
	}
	turn := l.drawing[admin]
	if turn == nil {
		turn = &sync.Mutex{}
		l.drawing[admin] = turn
	}
	l.mu.Unlock()
	turn.Lock()
	l.mu.Lock()
	defer l.mu.Unlock()
	if still = l.lessons > 0; still {
		if l.told == nil {
			l.told = map[string]int{}
		}
		l.told[admin] = from
	} else {
		delete(l.told, admin)
	}
	return still, turn.Unlock
}
