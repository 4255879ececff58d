package bot

import "bytes"

// frameScanner follows the websocket frames (RFC 6455, section 5.2) in one
// direction of a connection, as bytes pass, without holding them: where
// each frame and each message ends, and the envelope_id of each data
// message. It never changes the bytes. Frames from Slack are unmasked;
// frames to Slack are masked, and the scanner unmasks what it reads.
type frameScanner struct {
	// masked says that the frames carry a masking key (client to server).
	masked bool
	// handshake is set until the HTTP upgrade request or response that
	// opens the connection has passed (its blank line); tail holds its
	// last four bytes.
	handshake bool
	tail      uint32
	// hdr collects the header of the next frame; need is its whole length,
	// known once its first two bytes are in (0 before).
	hdr  [14]byte
	hdrN int
	need int
	// inFrame is set while the payload of a frame is passing; left counts
	// its bytes still to come, and pos those passed.
	inFrame bool
	left    uint64
	pos     uint64
	opcode  byte
	fin     bool
	key     [4]byte
	// inMessage is set from the first frame of a data message to the end of
	// its last (FIN) frame.
	inMessage bool
	ids       idMatcher
	// sawClose is set once a close frame begins.
	sawClose bool
	// found receives the envelope_id of each data message that has one,
	// once the message's last byte has passed.
	found func(id string)
}

// WebSocket opcodes.
const (
	opContinuation = 0x0
	opText         = 0x1
	opBinary       = 0x2
	opClose        = 0x8
)

// atBoundary reports whether the bytes so far end a message: no frame
// header, frame payload or fragmented message is open.
func (f *frameScanner) atBoundary() bool {
	return !f.handshake && f.hdrN == 0 && !f.inFrame && !f.inMessage
}

// feed passes p through the scanner and returns how many bytes it took:
// all of them, unless stop is set, when it stops at the first message
// boundary (taking nothing when the bytes so far end a message).
func (f *frameScanner) feed(p []byte, stop bool) int {
	i := 0
	for i < len(p) {
		if stop && f.atBoundary() {
			return i
		}
		if f.handshake {
			for i < len(p) && f.handshake {
				f.tail = f.tail<<8 | uint32(p[i])
				i++
				f.handshake = f.tail != 0x0d0a0d0a // "\r\n\r\n"
			}
			continue
		}
		if !f.inFrame {
			f.hdr[f.hdrN] = p[i]
			f.hdrN++
			i++
			if f.hdrN == 2 {
				f.need = 2 + extendedLength(f.hdr[1]&0x7f)
				if f.hdr[1]&0x80 != 0 {
					f.need += 4
				}
			}
			if f.hdrN >= 2 && f.hdrN == f.need {
				f.startFrame()
			}
			continue
		}
		n := len(p) - i
		if uint64(n) > f.left {
			n = int(f.left)
		}
		if f.isData() && f.ids.searching() {
			f.scanPayload(p[i : i+n])
		}
		f.left -= uint64(n)
		f.pos += uint64(n)
		i += n
		if f.left == 0 {
			f.endFrame()
		}
	}
	return i
}

// extendedLength is how many bytes of extended payload length follow a
// 7-bit length.
func extendedLength(len7 byte) int {
	switch len7 {
	case 126:
		return 2
	case 127:
		return 8
	}
	return 0
}

// startFrame reads the collected header.
func (f *frameScanner) startFrame() {
	h := f.hdr[:f.hdrN]
	f.fin = h[0]&0x80 != 0
	f.opcode = h[0] & 0x0f
	length := uint64(h[1] & 0x7f)
	rest := h[2:]
	switch length {
	case 126:
		length = uint64(rest[0])<<8 | uint64(rest[1])
		rest = rest[2:]
	case 127:
		length = 0
		for _, b := range rest[:8] {
			length = length<<8 | uint64(b)
		}
		rest = rest[8:]
	}
	if h[1]&0x80 != 0 {
		copy(f.key[:], rest[:4])
	} else {
		f.key = [4]byte{}
	}
	f.hdrN, f.need = 0, 0
	f.inFrame, f.left, f.pos = true, length, 0
	if f.opcode == opClose {
		f.sawClose = true
	}
	if f.opcode == opText || f.opcode == opBinary {
		f.inMessage = true
		f.ids.reset()
	}
	if length == 0 {
		f.endFrame()
	}
}

// isData reports whether the current frame carries a data message's bytes.
func (f *frameScanner) isData() bool {
	return f.opcode == opText || f.opcode == opBinary || f.opcode == opContinuation
}

// endFrame closes the current frame, and the message when it was the last.
func (f *frameScanner) endFrame() {
	f.inFrame = false
	if !f.isData() || !f.fin {
		return
	}
	f.inMessage = false
	if id, ok := f.ids.result(); ok && f.found != nil {
		f.found(id)
	}
}

// scanPayload hands payload bytes to the envelope_id matcher, unmasked.
func (f *frameScanner) scanPayload(b []byte) {
	if f.key == ([4]byte{}) {
		f.ids.scan(b)
		return
	}
	var buf [512]byte
	pos := f.pos
	for len(b) > 0 && f.ids.searching() {
		n := copy(buf[:], b)
		for j := range n {
			buf[j] ^= f.key[(pos+uint64(j))%4]
		}
		f.ids.scan(buf[:n])
		b = b[n:]
		pos += uint64(n)
	}
}

// idKey is the key whose string value the matcher reads.
var idKey = []byte(`"envelope_id"`)

// maxEnvelopeID bounds an envelope_id the matcher keeps, a longer value
// being no envelope ID, and the ones an ack is sized for (ackFrame).
// Slack's are UUIDs, 36 characters.
const maxEnvelopeID = 128

// idMatcher finds `"envelope_id": "…"` in a JSON text fed in pieces. Inside
// a JSON string a quote is escaped, so the key with its quotes is found only
// as a key. It reads the first such key of a message.
type idMatcher struct {
	phase   int
	partial int // bytes of idKey matched at the end of the last piece
	id      []byte
}

// idMatcher phases.
const (
	idSearching = iota
	idColon
	idQuote
	idValue
	idFound
	idGaveUp
)

func (m *idMatcher) reset() {
	m.phase, m.partial, m.id = idSearching, 0, m.id[:0]
}

// searching reports whether more bytes could still change the result.
func (m *idMatcher) searching() bool { return m.phase < idFound }

// result returns the envelope_id found, if any.
func (m *idMatcher) result() (string, bool) {
	if m.phase != idFound {
		return "", false
	}
	return string(m.id), true
}

// scan reads the next piece of the text.
func (m *idMatcher) scan(b []byte) {
	for len(b) > 0 && m.searching() {
		switch m.phase {
		case idSearching:
			if m.partial > 0 {
				need := idKey[m.partial:]
				k := min(len(need), len(b))
				if bytes.Equal(b[:k], need[:k]) {
					m.partial += k
					b = b[k:]
					if m.partial == len(idKey) {
						m.partial, m.phase = 0, idColon
					}
					continue
				}
				// idKey has no quote but its first and last byte, so a match
				// cannot begin inside the partial one: search afresh.
				m.partial = 0
			}
			if j := bytes.Index(b, idKey); j >= 0 {
				b = b[j+len(idKey):]
				m.phase = idColon
				continue
			}
			for k := min(len(idKey)-1, len(b)); k > 0; k-- {
				if bytes.HasSuffix(b, idKey[:k]) {
					m.partial = k
					break
				}
			}
			return
		case idColon, idQuote:
			c := b[0]
			b = b[1:]
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			case m.phase == idColon && c == ':':
				m.phase = idQuote
			case m.phase == idQuote && c == '"':
				m.phase = idValue
			default:
				m.phase = idSearching
			}
		case idValue:
			j := bytes.IndexByte(b, '"')
			part := b
			if j >= 0 {
				part = b[:j]
			}
			if bytes.IndexByte(part, '\\') >= 0 || len(m.id)+len(part) > maxEnvelopeID {
				m.phase = idGaveUp
				return
			}
			m.id = append(m.id, part...)
			if j < 0 {
				return
			}
			if len(m.id) == 0 {
				m.phase = idGaveUp
				return
			}
			m.phase = idFound
			return
		}
	}
}
