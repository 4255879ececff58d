package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/directorbot/directorbot/bot"
	"github.com/directorbot/directorbot/bot/report"
	"github.com/directorbot/directorbot/bot/store"
	"github.com/directorbot/directorbot/content"
)

// defaultDatabaseURL is where the bot keeps its state when DATABASE_URL is
// not set: a SQLite file in the working directory.
const defaultDatabaseURL = "sqlite:directorbot.db"

func reportCommand() command {
	return command{
		name:    "report",
		summary: "What people asked: top and unanswered questions, sections by 👍/👎, no-answer rate.",
		usage:   "[--since 30d] [--limit N] [--by day|week] [--json|--csv|--examples|--taught]",
		examples: []string{
			"directorbot report",
			"directorbot report --since 7d --limit 30",
			"DATABASE_URL=postgres://bot@db/directorbot directorbot report --since 90d --csv > report.csv",
			"directorbot report --examples > to-file.jsonl   # name each question's sections, then append to examples.jsonl",
			"directorbot report --taught > guide/taught.jsonl   # the lessons taught on the Home tab, for eval --guide guide",
		},
		run: runReport,
	}
}

func runReport(ctx context.Context, env *environment, args []string) error {
	fs, g := reportCommand().guideFlagSet(env)
	sinceFlag := fs.String("since", "30d", "how far back to look: a number of days (30d), weeks (2w) or hours (12h)")
	limit := fs.Int("limit", 15, "most top questions and unanswered groups to show")
	by := fs.String("by", "", "period of the no-answer rate: day or week (default: day up to 35 days, else week)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	asCSV := fs.Bool("csv", false, "print CSV, one row per item, the part in the first column")
	asExamples := fs.Bool("examples", false, "print the unanswered questions not yet taught as examples.jsonl lines, their sections left to fill in, then the unsure answers' with the section that answered, then, as comments to correct and uncomment, the answers marked 👎 and the refused questions")
	asTaught := fs.Bool("taught", false, "print the lessons taught on the admins' Home tab as lines of a guide's taught.jsonl, oldest first")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{"report takes no arguments"}
	}
	if n := countTrue(*asJSON, *asCSV, *asExamples, *asTaught); n > 1 {
		return usageError{"--json, --csv, --examples and --taught exclude each other"}
	}
	if *limit < 1 {
		return usageError{"--limit must be at least 1"}
	}
	window, err := parseSince(*sinceFlag)
	if err != nil {
		return usageError{err.Error()}
	}
	until := time.Now()
	since := until.Add(-window)
	bucket := report.BucketFor(since, until)
	switch *by {
	case "":
	case string(report.Day), string(report.Week):
		bucket = report.Bucket(*by)
	default:
		return usageError{fmt.Sprintf("--by %q: want day or week", *by)}
	}

	url, err := reportDatabaseURL(env)
	if err != nil {
		return err
	}
	st, err := openReader(ctx, "DATABASE_URL", url)
	if err != nil {
		return err
	}
	defer st.Close()
	if *asTaught {
		return writeTaught(ctx, env, st)
	}
	lessons, err := st.Lessons(ctx)
	if err != nil {
		return err
	}
	taught := map[string]bool{}
	for _, l := range lessons {
		taught[l.Question] = true
	}
	isTaught := func(q string) bool { return taught[q] }
	var r report.Report
	if *asExamples {
		// The questions taught are left out before the limit cuts the
		// groups, so that the limit counts those left to teach.
		r, err = st.ToTeach(ctx, since, until, *limit, isTaught)
	} else {
		r, err = st.Report(ctx, since, until, *limit, bucket)
	}
	if err != nil {
		return err
	}
	// Titles come from the guide; a section the guide lost shows its ID.
	if guide, err := g.load(); err == nil {
		lost := map[string]bool{}
		r.Titles(func(id string) string {
			if s, ok := guide.Section(id); ok {
				return s.Title
			}
			lost[id] = true
			return ""
		})
		switch {
		case len(lost) == 0:
		case g.dir == "":
			fmt.Fprintf(env.stderr, "directorbot report: %d of the sections the store names are not in the embedded guide, so they show by ID (and --examples names them so): give --guide (or GUIDE_DIR) the guide serve answers from\n", len(lost))
		default:
			fmt.Fprintf(env.stderr, "directorbot report: %d of the sections the store names are not in %s (renamed or removed since, or another guide's), so they show by ID\n", len(lost), g.dir)
		}
	} else if g.dir != "" {
		fmt.Fprintf(env.stderr, "directorbot report: section titles left out: %v\n", err)
	}
	if lists := r.Left.Lists(); lists != "" && (*asJSON || *asCSV || *asExamples) {
		// The text report says so in its tables; the others are read by
		// programs, and said apart from them.
		fmt.Fprintf(env.stderr, "directorbot report: --limit %d left out %s: a larger --limit shows them\n", *limit, lists)
	}
	switch {
	case *asJSON:
		return report.WriteJSON(env.stdout, r.Marked(isTaught))
	case *asCSV:
		return report.WriteCSV(env.stdout, r.Marked(isTaught))
	case *asExamples:
		if len(r.Unanswered)+len(r.UnsureQuestions)+len(r.NotHelpfulQuestions)+len(r.RefusedQuestions) == 0 {
			// Said apart from the lines, which a file may be collecting.
			fmt.Fprintln(env.stderr, "directorbot report: no questions to teach in this window: none unanswered, answered only with the closest, marked 👎 or refused, or all of them taught")
		}
		return report.WriteExamples(env.stdout, r)
	}
	return report.WriteText(env.stdout, r.Marked(isTaught))
}

// writeTaught prints the lessons st keeps as lines of a guide's
// taught.jsonl, as serve puts them in the guide's files.
func writeTaught(ctx context.Context, env *environment, st *store.Reader) error {
	lessons, err := bot.Taught(st)(ctx)
	if err != nil {
		return err
	}
	if len(lessons) == 0 {
		fmt.Fprintln(env.stderr, "directorbot report: no lessons taught: an admin teaches them on the bot's Home tab")
	}
	lines, err := content.EncodeQuestions(lessons)
	if err != nil {
		return err
	}
	_, err = env.stdout.Write(lines)
	return err
}

// reportDatabaseURL is DATABASE_URL, or the default SQLite file. A SQLite
// file that does not exist is a mistake (the report would only create an
// empty one), reported as such.
func reportDatabaseURL(env *environment) (string, error) {
	url := strings.TrimSpace(env.getenv("DATABASE_URL"))
	if url == "" {
		url = defaultDatabaseURL
	}
	path, sqlite, err := store.SQLiteFile(url)
	if err != nil {
		return "", usageError{err.Error()}
	}
	if _, err := os.Stat(path); sqlite && errors.Is(err, fs.ErrNotExist) {
		return "", usageError{fmt.Sprintf("no bot database at %s: set DATABASE_URL to the one `directorbot serve` uses", path)}
	}
	return url, nil
}

// maxSince bounds the report's window: far more than any store keeps, and
// far less than a time.Duration holds (292 years), which a number of weeks
// would otherwise overflow.
const maxSince = 36500 * 24 * time.Hour

// parseSince reads a window such as 30d, 2w or 12h; a bare number is days.
// One longer than maxSince is refused with the bound, in the unit asked.
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	unit, suffix := time.Duration(24*time.Hour), "d"
	num := s
	switch {
	case strings.HasSuffix(s, "d"):
		num = strings.TrimSuffix(s, "d")
	case strings.HasSuffix(s, "w"):
		num, unit, suffix = strings.TrimSuffix(s, "w"), 7*24*time.Hour, "w"
	case strings.HasSuffix(s, "h"):
		num, unit, suffix = strings.TrimSuffix(s, "h"), time.Hour, "h"
	}
	n, err := strconv.Atoi(num)
	most := int(maxSince / unit)
	switch {
	case errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(num, "-"), err == nil && n > most:
		return 0, fmt.Errorf("--since %q: at most %d%s (%d years)", s, most, suffix, maxSince/(365*24*time.Hour))
	case err == nil && n < 1:
		return 0, fmt.Errorf("--since %q: want at least 1%s: the report covers the time before now", s, suffix)
	case err != nil:
		return 0, fmt.Errorf("--since %q: want a number of days (30d), weeks (2w) or hours (12h)", s)
	}
	return time.Duration(n) * unit, nil
}

// countTrue counts the flags set.
func countTrue(flags ...bool) int {
	n := 0
	for _, f := range flags {
		if f {
			n++
		}
	}
	return n
}
