package blockkit

import (
	"context"
	"testing"

	"github.com/directorbot/directorbot/content"
	"github.com/directorbot/directorbot/index"
)

// FuzzRender renders arbitrary markdown guides for arbitrary questions and
// checks every message against Slack's schema, its limits and escaping.
func FuzzRender(f *testing.F) {
	f.Add("# T\n\n## A\n\ntext **bold** <!channel>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "a")
	f.Add("# T\n\n**Step**\n\n- "+string(make([]byte, 10))+"\n", "step")
	f.Add("## <@U1> & <script>\n\n*example*\n", "<!here>")
	f.Fuzz(func(t *testing.T, markdown, question string) {
		p, err := content.ParsePage("fuzz.md", []byte(markdown))
		if err != nil {
			return
		}
		g, err := content.New([]*content.Page{p})
		if err != nil {
			return
		}
		ix, err := index.Build(context.Background(), g)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		msg := reply(t, ix, question, true)
		checkMessage(t, "answer", msg)
		checkEscaped(t, "answer", msg)
		// A guide without examples is never unsure: its first hit is
		// rendered unsure too, for the note's room.
		if r, err := ix.Ask(t.Context(), question, 1); err == nil && len(r.Hits) > 0 {
			unsure := renderAnswer(answer{hit: r.Hits[0], private: true, unsure: true})
			checkMessage(t, "unsure answer", unsure)
			checkEscaped(t, "unsure answer", unsure)
		}
	})
}
