package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/directorbot/directorbot/bot/blockkit"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// TestAckPayloadsFitSlackGosLimit encodes replies whose payloads end just
// below and above Slack's 20 KB: every payload encodeSlash puts in an ack
// must pass slack-go's own check of the whole response, envelope ID
// included, or the reply would be lost; larger ones go to response_url.
func TestAckPayloadsFitSlackGosLimit(t *testing.T) {
	t.Parallel()
	// Slack's envelope IDs are UUIDs.
	const envelopeID = "dbdd0ef3-1543-4f94-bfb4-133d0e6c1545"
	section := func(text string) slack.Block {
		return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, true), nil, nil)
	}
	reply := func(extra int) blockkit.Message {
		msg := blockkit.Message{Text: "t"}
		for range 6 {
			msg.Blocks = append(msg.Blocks, section(strings.Repeat("x", 2900)))
		}
		msg.Blocks = append(msg.Blocks, section(strings.Repeat("y", extra)))
		return msg
	}
	small, err := encodeSlash(reply(0))
	if err != nil {
		t.Fatal(err)
	}
	limit := 20*1024 - len(small)
	kept, dropped := 0, 0
	for extra := limit - 200; extra < limit+50; extra++ {
		payload, err := encodeSlash(reply(extra))
		if err != nil {
			t.Fatal(err)
		}
		if payload == nil {
			dropped++
			continue
		}
		kept++
		sm := socketmode.New(slack.New("xoxb-test"))
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		if err := sm.AckCtx(ctx, envelopeID, payload); err != nil {
			t.Fatalf("a %d-byte payload was kept for the ack, which slack-go refuses: %v", len(payload), err)
		}
		cancel()
	}
	if kept == 0 || dropped == 0 {
		t.Errorf("the sizes tried did not straddle the limit: %d kept, %d sent to response_url", kept, dropped)
	}
}
