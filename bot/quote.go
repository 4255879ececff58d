package bot

import (
	"bytes"
	"encoding/json"
)

// A no-answer quotes the question, so no two are alike, but only there. It
// is kept rendered and encoded with a placeholder where the quote goes, and
// each question's quote is spliced into a copy: an off-topic question is
// then searched but not rendered or encoded again, as a new question with
// an answer given before is not.

// quotePlaceholder stands for the quote in a kept reply. Escaping leaves it
// as it is, and no guide text holds its control characters.
const quotePlaceholder = "\x01quote\x01"

// encodedPlaceholder is the placeholder as the reply's JSON holds it.
var encodedPlaceholder = jsonString(quotePlaceholder)

// jsonString encodes s as json.Marshal does inside a reply, without the
// quotation marks.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s) // a string always encodes
	return b[1 : len(b)-1]
}

// template renders the reply to be kept: with the placeholder for its
// quote, if it quotes the question.
func (p reply) template() Message {
	if p.quoting != nil {
		return p.quoting(quotePlaceholder)
	}
	return p.render()
}

// withQuote returns a kept reply with the question's quote in place of the
// placeholder; a reply that cannot take it in its ack (none can, in
// practice) is rendered afresh.
func (p reply) withQuote(kept cachedReply) (cachedReply, error) {
	if p.quote == "" {
		return kept, nil
	}
	// The quote stands in the fallback text and the first section; were
	// the placeholder anywhere else (a topic's title), splicing would
	// change that too.
	if kept.payload != nil && bytes.Count(kept.payload, encodedPlaceholder) == 2 {
		payload := bytes.ReplaceAll(kept.payload, encodedPlaceholder, jsonString(p.quote))
		if fitsAck(payload) {
			kept.payload = payload
			return kept, nil
		}
	}
	return encodeSlash(p.key, p.render())
}
