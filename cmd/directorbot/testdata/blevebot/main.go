// Command blevebot is the second baseline BenchmarkMemory runs beside the
// bot: barebot (slack-go's Socket Mode client and the bot's store on
// SQLite) that also reads the embedded guide's pages (not the bot's
// examples) and indexes their sections in a plain bleve index (bleve's
// defaults, in memory), counts its answers in Prometheus and answers each
// slash command with the text of the section bleve's match query ranks
// first. It is what the bot's required libraries cost doing the plainest
// version of the bot's job.
package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/blevesearch/bleve/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/directorbot/directorbot/cmd/directorbot/testdata/baseline"
	"github.com/directorbot/directorbot/content"
)

var answers = promauto.NewCounter(prometheus.CounterOpts{Name: "blevebot_answers_total", Help: "Answers sent."})

// section is what the plain index holds of a section.
type section struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// indexGuide reads the embedded guide's pages, not the bot's examples of
// how people ask, and indexes each section's title and text in a plain
// bleve index, in memory. It returns the index and each section's reply,
// by ID.
func indexGuide() (bleve.Index, map[string]string, error) {
	g, err := content.Load(pagesOnly{content.EmbeddedFiles()})
	if err != nil {
		return nil, nil, fmt.Errorf("read guide: %w", err)
	}
	ix, err := bleve.NewMemOnly(bleve.NewIndexMapping())
	if err != nil {
		return nil, nil, fmt.Errorf("make index: %w", err)
	}
	texts := map[string]string{}
	for _, s := range g.Sections() {
		// A section block's text holds at most 3,000 characters.
		text := []rune(s.Title + "\n" + s.Text())
		texts[s.ID] = string(text[:min(len(text), 3000)])
		if err := ix.Index(s.ID, section{s.Title, s.Text()}); err != nil {
			return nil, nil, fmt.Errorf("index section %s: %w", s.ID, err)
		}
	}
	return ix, texts, nil
}

// pagesOnly hides a guide's examples: they are the bot's own data, not
// what a library costs.
type pagesOnly struct{ fs.FS }

func (p pagesOnly) Open(name string) (fs.File, error) {
	if name == content.ExamplesFile {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return p.FS.Open(name)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx); err != nil {
		slog.Error("blevebot", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	ix, texts, err := indexGuide()
	if err != nil {
		return err
	}
	// As serve does: the index's garbage goes back to the system.
	debug.FreeOSMemory()
	return baseline.Serve(ctx, func(evt socketmode.Event) any {
		text := "I couldn't find an answer in the guide."
		if cmd, ok := evt.Data.(slack.SlashCommand); ok {
			res, err := ix.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleve.NewMatchQuery(cmd.Text), 1, 0, false))
			if err == nil && len(res.Hits) > 0 {
				text = texts[res.Hits[0].ID]
			}
		}
		answers.Inc()
		return map[string]any{"response_type": "ephemeral", "text": text, "blocks": []slack.Block{
			slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil),
		}}
	})
}
