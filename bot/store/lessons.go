package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Lesson is an admin's word on a question people asked: the section of
// the guide that answers it, or that the guide should not answer it. The
// search learns lessons as the guide's examples.
type Lesson struct {
	ID       int64
	Question string
	// Section is the ID of the section that answers the question; "" when
	// the guide should not answer it.
	Section string
	Taught  time.Time
}

// Teach keeps that section answers each of the questions ("" for none),
// in place of what was taught for them before, which is kept: all of
// them, or none. A question already taught that section keeps its
// lesson, so that Undo undoes the change it made.
func (s *Store) Teach(ctx context.Context, section string, questions ...string) error {
	db, err := s.askedDB()
	if err != nil {
		return err
	}
	for _, q := range questions {
		if strings.TrimSpace(q) == "" {
			return errors.New("teach: an empty question")
		}
	}
	lessons, err := s.Lessons(ctx)
	if err != nil {
		return fmt.Errorf("teach: %w", err)
	}
	// kept holds the questions taught that section already, and those
	// listed once.
	kept := map[string]bool{}
	for _, l := range lessons {
		kept[l.Question] = l.Section == section
	}
	var args []any
	at := db.timeArg(s.clock())
	for _, q := range questions {
		if !kept[q] {
			kept[q] = true
			args = append(args, q, section, at)
		}
	}
	if len(args) == 0 {
		return nil
	}
	values := strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(args)/3), ", ")
	if _, err = db.exec(ctx, `INSERT INTO lessons (question, section, taught_at) VALUES `+values, args...); err != nil {
		return fmt.Errorf("teach %d questions: %w", len(args)/3, err)
	}
	return nil
}

// inUseUpTo holds the lessons in use once the lesson of ID ? was taught:
// for each question, the one taught last by then.
const inUseUpTo = `id = (SELECT max(id) FROM lessons AS later WHERE later.question = lessons.question AND later.id <= ?)`

// Lessons returns the lessons in use, one for each question taught, the
// latest taught first.
func (s *Store) Lessons(ctx context.Context) ([]Lesson, error) {
	return s.LessonsUpTo(ctx, math.MaxInt64)
}

// LessonsUpTo returns the lessons that were in use once the lesson of ID
// upTo was taught, as Lessons did then, but for lessons undone since.
func (s *Store) LessonsUpTo(ctx context.Context, upTo int64) ([]Lesson, error) {
	db, err := s.askedDB()
	if err != nil {
		return nil, err
	}
	var out []Lesson
	err = db.query(ctx, `SELECT id, question, section, taught_at FROM lessons WHERE `+inUseUpTo+` ORDER BY id DESC`, []any{upTo}, func(scan scanFunc) error {
		var l Lesson
		var taught any
		if err := scan(&l.ID, &l.Question, &l.Section, &taught); err != nil {
			return err
		}
		if l.Taught, err = storedTime(taught); err != nil {
			return err
		}
		out = append(out, l)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read lessons: %w", err)
	}
	return out, nil
}

// Unteach undoes the lesson id, when it is in use: the lesson it replaced,
// if any, is in use again. It reports whether id was in use.
func (s *Store) Unteach(ctx context.Context, id int64) (bool, error) {
	db, err := s.askedDB()
	if err != nil {
		return false, err
	}
	n, err := db.exec(ctx, `DELETE FROM lessons WHERE id = ? AND `+inUseUpTo, id, int64(math.MaxInt64))
	if err != nil {
		return false, fmt.Errorf("undo a lesson: %w", err)
	}
	return n > 0, nil
}
