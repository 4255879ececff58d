package index

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/directorbot/directorbot/content"
)

// Case is one question of an evaluation set and the titles of the sections
// a good answer uses. An empty Expect means the bot should not answer.
type Case struct {
	Question string   `json:"question"`
	Expect   []string `json:"expect"`
}

// ReadCases reads JSON lines of cases, skipping blank lines.
func ReadCases(r io.Reader) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var c Case
		if err := json.Unmarshal([]byte(text), &c); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	return cases, nil
}

// LoadCases reads the cases of a JSON-lines file.
func LoadCases(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open question set: %w", err)
	}
	defer f.Close()
	cases, err := ReadCases(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return cases, nil
}

// Questions returns the cases' questions, in order.
func Questions(cases []Case) []string {
	out := make([]string, len(cases))
	for i, c := range cases {
		out[i] = c.Question
	}
	return out
}

// Miss is a case the index got wrong, with what it answered instead.
type Miss struct {
	Case Case
	Got  []string
	// Rank is the 1-based rank of the first expected section, 0 if absent.
	Rank int
}

// Report sums up an evaluation.
type Report struct {
	// Top1, Top3 and MRR are over the answerable cases.
	Top1, Top3, MRR float64
	// None counts unanswerable cases that got no answer, of NoneTotal.
	None, NoneTotal int
	// N counts all cases.
	N      int
	Misses []Miss
}

// String formats the summary line.
func (r Report) String() string {
	return fmt.Sprintf("top1=%.2f top3=%.2f mrr=%.2f none=%d/%d n=%d", r.Top1, r.Top3, r.MRR, r.None, r.NoneTotal, r.N)
}

// Evaluate runs every case through the index. A case counts as a miss when
// its first hit is not expected, or when an unanswerable one gets a hit.
func Evaluate(ctx context.Context, ix *Index, cases []Case) (Report, error) {
	var r Report
	answerable := 0
	for _, c := range cases {
		hits, err := ix.Search(ctx, c.Question, 3)
		if err != nil {
			return Report{}, fmt.Errorf("evaluate %q: %w", c.Question, err)
		}
		got := make([]string, len(hits))
		for i, h := range hits {
			got[i] = h.Section.Title
		}
		r.N++
		if len(c.Expect) == 0 {
			r.NoneTotal++
			if len(hits) == 0 {
				r.None++
			} else {
				r.Misses = append(r.Misses, Miss{Case: c, Got: got})
			}
			continue
		}
		answerable++
		rank := firstExpected(got, c.Expect)
		if rank == 1 {
			r.Top1++
		}
		if rank >= 1 && rank <= 3 {
			r.Top3++
			r.MRR += 1 / float64(rank)
		}
		if rank != 1 {
			r.Misses = append(r.Misses, Miss{Case: c, Got: got, Rank: rank})
		}
	}
	if answerable > 0 {
		r.Top1 /= float64(answerable)
		r.Top3 /= float64(answerable)
		r.MRR /= float64(answerable)
	}
	return r, nil
}

func firstExpected(got, expect []string) int {
	for i, g := range got {
		for _, e := range expect {
			if SameTitle(g, e) {
				return i + 1
			}
		}
	}
	return 0
}

// SameTitle compares section titles case-insensitively, ignoring leading
// numbering such as "1.".
func SameTitle(a, b string) bool {
	return strings.EqualFold(content.StripNumbering(a), content.StripNumbering(b))
}
