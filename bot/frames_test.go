package bot

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// frame encodes one websocket frame, masked with key when key is not nil.
func frame(opcode byte, fin bool, payload []byte, key []byte) []byte {
	b0 := opcode
	if fin {
		b0 |= 0x80
	}
	var mask byte
	if key != nil {
		mask = 0x80
	}
	out := []byte{b0}
	switch n := len(payload); {
	case n < 126:
		out = append(out, mask|byte(n))
	case n <= 0xffff:
		out = append(out, mask|126)
		out = binary.BigEndian.AppendUint16(out, uint16(n))
	default:
		out = append(out, mask|127)
		out = binary.BigEndian.AppendUint64(out, uint64(n))
	}
	if key == nil {
		return append(out, payload...)
	}
	out = append(out, key...)
	for i, c := range payload {
		out = append(out, c^key[i%4])
	}
	return out
}

// scanAll feeds stream to a scanner in pieces of the given sizes (cycled)
// and returns the IDs found.
func scanAll(t *testing.T, masked bool, stream []byte, pieces []int) []string {
	t.Helper()
	var ids []string
	f := frameScanner{masked: masked, found: func(id string) { ids = append(ids, id) }}
	for i, k := 0, 0; i < len(stream); k++ {
		n := min(pieces[k%len(pieces)], len(stream)-i)
		if got := f.feed(stream[i:i+n], false); got != n {
			t.Fatalf("feed took %d of %d bytes", got, n)
		}
		i += n
	}
	if !f.atBoundary() {
		t.Error("not at a boundary after whole frames")
	}
	return ids
}

func TestFrameScannerFindsEnvelopeIDs(t *testing.T) {
	t.Parallel()
	big := `{"type":"events_api","payload":{"text":"` + strings.Repeat("ü", 40000) + `"},"envelope_id":"big-1"}`
	var stream []byte
	stream = append(stream, frame(opText, true, []byte(`{"type":"hello","num_connections":1}`), nil)...)
	stream = append(stream, frame(opText, true, []byte(`{"envelope_id":"e-1","type":"slash_commands","payload":{}}`), nil)...)
	stream = append(stream, frame(0x9, true, []byte("ping"), nil)...) // ping between messages
	// A user's text that quotes the key does not count: inside a JSON
	// string its quotes are escaped.
	stream = append(stream, frame(opText, true, []byte(`{"accepts_response_payload":false,"payload":{"text":"\"envelope_id\": \"evil\""},"envelope_id" : "e-2"}`), nil)...)
	// A fragmented message, with a ping in the middle.
	msg := []byte(`{"envelope_id":"frag-1","type":"events_api","payload":{}}`)
	stream = append(stream, frame(opText, false, msg[:10], nil)...)
	stream = append(stream, frame(0x9, true, nil, nil)...)
	stream = append(stream, frame(opContinuation, false, msg[10:20], nil)...)
	stream = append(stream, frame(opContinuation, true, msg[20:], nil)...)
	stream = append(stream, frame(opText, true, []byte(big), nil)...) // 64-bit length
	stream = append(stream, frame(opText, true, []byte(`{"envelope_id":7}`), nil)...)
	stream = append(stream, frame(opText, true, []byte(`{"envelope_id":"a\"b"}`), nil)...)
	stream = append(stream, frame(opText, true, nil, nil)...)
	want := []string{"e-1", "e-2", "frag-1", "big-1"}
	for _, pieces := range [][]int{{1 << 20}, {1}, {2, 3, 5, 7, 11}, {13, 1, 4096}} {
		if got := scanAll(t, false, stream, pieces); !slices.Equal(got, want) {
			t.Errorf("pieces %v: ids %v, want %v", pieces, got, want)
		}
	}
}

func TestFrameScannerUnmasksAcks(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	var stream []byte
	var want []string
	for i := range 50 {
		key := []byte{byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32())}
		if i%7 == 0 {
			key = []byte{0, 0, 0, 0}
		}
		id := strings.Repeat("x", i) + "-ack"
		payload := `{"envelope_id":"` + id + `"`
		if i%2 == 0 {
			payload += `,"payload":{"text":"` + strings.Repeat("y", 300*i) + `"}`
		}
		payload += "}"
		stream = append(stream, frame(opText, true, []byte(payload), key)...)
		stream = append(stream, frame(0xA, true, []byte("pong"), key)...)
		want = append(want, id)
	}
	for _, pieces := range [][]int{{1 << 20}, {1}, {3, 17, 100}} {
		if got := scanAll(t, true, stream, pieces); !slices.Equal(got, want) {
			t.Errorf("pieces %v: %d ids, want %d", pieces, len(got), len(want))
		}
	}
}

// TestFrameScannerStopsAtBoundary pauses in the middle of a message: the
// scanner takes the rest of that message and stops before the next.
func TestFrameScannerStopsAtBoundary(t *testing.T) {
	t.Parallel()
	first := frame(opText, true, []byte(`{"envelope_id":"one"}`), nil)
	second := frame(opText, true, []byte(`{"envelope_id":"two"}`), nil)
	stream := append(slices.Clone(first), second...)
	var ids []string
	f := frameScanner{found: func(id string) { ids = append(ids, id) }}
	if n := f.feed(stream[:5], false); n != 5 {
		t.Fatalf("took %d", n)
	}
	if n := f.feed(stream[5:], true); n != len(first)-5 {
		t.Fatalf("paused mid-message: took %d bytes, want %d", n, len(first)-5)
	}
	if !slices.Equal(ids, []string{"one"}) || !f.atBoundary() {
		t.Errorf("ids %v, boundary %v", ids, f.atBoundary())
	}
	if n := f.feed(second, true); n != 0 {
		t.Errorf("at a boundary, paused: took %d bytes", n)
	}
	if !bytes.Equal(stream[len(first):], second) {
		t.Fatal("test stream broken")
	}
}

// TestFrameScannerSkipsTheHandshake reads the HTTP upgrade before the
// frames, in any pieces.
func TestFrameScannerSkipsTheHandshake(t *testing.T) {
	t.Parallel()
	stream := []byte("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
	stream = append(stream, frame(opText, true, []byte(`{"envelope_id":"after-101"}`), nil)...)
	for _, size := range []int{1, 2, 3, 1 << 10} {
		var ids []string
		f := frameScanner{handshake: true, found: func(id string) { ids = append(ids, id) }}
		if f.atBoundary() {
			t.Error("at a boundary before the handshake")
		}
		for i := 0; i < len(stream); i += size {
			f.feed(stream[i:min(i+size, len(stream))], false)
		}
		if !slices.Equal(ids, []string{"after-101"}) || !f.atBoundary() {
			t.Errorf("pieces of %d: ids %v", size, ids)
		}
	}
}
