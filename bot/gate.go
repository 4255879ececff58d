package bot

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// slack-go's socketmode client owns the websocket: it reads frames into a
// queue as fast as they come, and offers no way to stop reading while still
// writing acks. So the bot dials the connection itself (socketmode's
// OptionDialer) and puts a gate between the websocket and the network. The
// gate follows the frames both ways, and at shutdown it lets no frame
// through after the one it is in (stop taking envelopes), keeps the
// connection open until every envelope it let through has its ack written
// (ack everything received), then closes the connection with a close frame
// (Slack sends new envelopes to the app's other connections). Envelopes
// that Slack wrote after the gate closed were never read: Slack sends
// events again, to another connection.

// maxEnvelope is the largest websocket message the bot reads: well above
// Slack's largest envelope (a message event of 40,000 characters with its
// rich-text blocks stays under 1 MB), and small enough that one frame
// cannot take the memory of a 128 MiB pod. A larger one closes the
// connection (1009, message too big) and slack-go opens another.
const maxEnvelope = 4 << 20

// gate is one Socket Mode connection, as slack-go's websocket sees it.
type gate struct {
	net.Conn
	gates *gates

	// wmu serializes writes with the close frame; wclosed refuses writes
	// after it.
	wmu     sync.Mutex
	wclosed bool

	mu sync.Mutex
	// paused stops reading at the next message boundary; in follows the
	// bytes let through, and rest those read from the network after that
	// boundary and dropped (where the peer's close frame is looked for).
	paused bool
	in     frameScanner
	rest   frameScanner
	out    frameScanner
	// unacked are the envelopes let through whose acks are not written yet.
	unacked map[string]struct{}
	// read counts the envelopes let through.
	read int

	closeOnce sync.Once
	closed    chan struct{}
	// restDone is closed once the dropped bytes hold the peer's close
	// frame, or reading failed.
	restOnce sync.Once
	restDone chan struct{}
}

// maxUnacked bounds the envelopes a gate remembers as waiting for an ack;
// the bot acks each within seconds, or declines it, so only a broken
// connection reaches it.
const maxUnacked = 1 << 14

// gates are the server's connections. It is safe for concurrent use.
type gates struct {
	mu     sync.Mutex
	live   map[*gate]struct{}
	paused bool
	// changed is signalled whenever a gate lets an envelope through, writes
	// an ack, pauses or closes.
	changed chan struct{}
	// onRead, when set (by tests, before connecting), is told of every
	// envelope let through.
	onRead func(id string)
}

func newGates() *gates {
	return &gates{live: map[*gate]struct{}{}, changed: make(chan struct{}, 1)}
}

// errShuttingDown refuses new connections once shutdown began.
var errShuttingDown = errors.New("shutting down: no new Socket Mode connections")

// wrap puts a gate on a new connection.
func (gs *gates) wrap(c net.Conn) (net.Conn, error) {
	g := &gate{Conn: c, gates: gs, unacked: map[string]struct{}{}, closed: make(chan struct{}), restDone: make(chan struct{})}
	// Both ways the HTTP upgrade comes first.
	g.in = frameScanner{handshake: true, found: g.letThrough}
	g.out = frameScanner{handshake: true, masked: true, found: g.acked}
	gs.mu.Lock()
	defer gs.mu.Unlock()
	if gs.paused {
		_ = c.Close()
		return nil, errShuttingDown
	}
	gs.live[g] = struct{}{}
	return g, nil
}

func (gs *gates) signal() {
	select {
	case gs.changed <- struct{}{}:
	default:
	}
}

// pause stops every connection from reading past the message it is in, and
// refuses new connections.
func (gs *gates) pause() {
	gs.mu.Lock()
	gs.paused = true
	live := make([]*gate, 0, len(gs.live))
	for g := range gs.live {
		live = append(live, g)
	}
	gs.mu.Unlock()
	for _, g := range live {
		g.mu.Lock()
		g.paused = true
		g.mu.Unlock()
	}
	gs.signal()
}

// settled reports whether every open connection has stopped at a message
// boundary with all it let through acked, and how many envelopes still
// wait for their ack.
func (gs *gates) settled() (bool, int) {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	ok, waiting := true, 0
	for g := range gs.live {
		g.mu.Lock()
		if !g.in.atBoundary() || len(g.unacked) > 0 {
			ok = false
		}
		waiting += len(g.unacked)
		g.mu.Unlock()
	}
	return ok, waiting
}

// stats returns, over the open connections, the envelopes let through and
// those still waiting for their ack.
func (gs *gates) stats() (read int, unacked []string) {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	for g := range gs.live {
		g.mu.Lock()
		read += g.read
		for id := range g.unacked {
			unacked = append(unacked, id)
		}
		g.mu.Unlock()
	}
	return read, unacked
}

// closeAll closes every open connection.
func (gs *gates) closeAll() {
	gs.mu.Lock()
	live := make([]*gate, 0, len(gs.live))
	for g := range gs.live {
		live = append(live, g)
	}
	gs.mu.Unlock()
	for _, g := range live {
		_ = g.Close()
	}
}

// letThrough records an envelope whose last byte the gate passed on.
func (g *gate) letThrough(id string) {
	g.read++
	if g.gates.onRead != nil {
		g.gates.onRead(id)
	}
	if len(g.unacked) < maxUnacked {
		g.unacked[id] = struct{}{}
	}
}

// declined forgets an envelope the bot chose not to ack (a full queue
// refused its work, and Slack sends it again), so that shutdown does not
// wait for its ack. It came on one of the connections, which one no
// matter.
func (gs *gates) declined(id string) {
	gs.mu.Lock()
	for g := range gs.live {
		g.mu.Lock()
		delete(g.unacked, id)
		g.mu.Unlock()
	}
	gs.mu.Unlock()
	gs.signal()
}

// acked records an ack written.
func (g *gate) acked(id string) {
	delete(g.unacked, id)
}

// Read passes frames from Slack to the websocket; paused, it passes the
// rest of the message it is in, then nothing: it goes on reading from the
// network, and drops what it reads, until the connection closes.
func (g *gate) Read(p []byte) (int, error) {
	for {
		n, err := g.Conn.Read(p)
		g.mu.Lock()
		pass := g.in.feed(p[:n], g.paused)
		g.rest.feed(p[pass:n], false)
		ended := g.rest.sawClose
		g.mu.Unlock()
		if ended || err != nil {
			g.restOnce.Do(func() { close(g.restDone) })
		}
		g.gates.signal()
		if pass > 0 || err != nil {
			return pass, err
		}
		select {
		case <-g.closed:
			return 0, net.ErrClosed
		default:
		}
	}
}

// Write passes the websocket's frames to Slack, noting each ack written.
func (g *gate) Write(p []byte) (int, error) {
	g.wmu.Lock()
	defer g.wmu.Unlock()
	if g.wclosed {
		return 0, net.ErrClosed
	}
	n, err := g.Conn.Write(p)
	g.mu.Lock()
	g.out.feed(p[:n], false)
	g.mu.Unlock()
	g.gates.signal()
	return n, err
}

// lingerTimeout bounds how long a closing connection reads, and drops,
// what Slack still sends, waiting for its close frame.
const lingerTimeout = time.Second

// Close closes the connection. At shutdown it closes it gracefully: a close
// frame ("going away"), so that Slack stops sending envelopes to it at
// once, then the end of what the bot sends (TCP FIN), then it reads and
// drops what Slack still sends until Slack's own close frame (at most
// lingerTimeout). Closing a socket with unread data sends a reset, which
// can destroy the last acks on their way to Slack.
func (g *gate) Close() error {
	var err error
	g.closeOnce.Do(func() {
		g.wmu.Lock()
		g.mu.Lock()
		polite := g.paused && g.out.atBoundary()
		g.mu.Unlock()
		if polite {
			_ = g.Conn.SetWriteDeadline(time.Now().Add(time.Second))
			_, werr := g.Conn.Write(closeFrame(websocket.CloseGoingAway, "shutting down"))
			polite = werr == nil
		}
		g.wclosed = true
		g.wmu.Unlock()
		if polite {
			closeWrite(g.Conn)
			g.linger()
		}
		close(g.closed)
		err = g.Conn.Close()
		g.gates.mu.Lock()
		delete(g.gates.live, g)
		g.gates.mu.Unlock()
		g.gates.signal()
	})
	return err
}

// linger waits, at most lingerTimeout, while the websocket's reader goes
// on reading and dropping (Read) what the peer sends, until its close
// frame or the end of the connection.
func (g *gate) linger() {
	_ = g.Conn.SetReadDeadline(time.Now().Add(lingerTimeout))
	t := time.NewTimer(lingerTimeout)
	defer t.Stop()
	select {
	case <-g.restDone:
	case <-t.C:
	}
}

// closeWrite ends what the bot sends on a connection, keeping it open for
// reading: TLS's close_notify, then TCP's FIN.
func closeWrite(c net.Conn) {
	if t, ok := c.(*tls.Conn); ok {
		_ = t.CloseWrite()
		c = t.NetConn()
	}
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	}
}

// closeFrame is a masked close frame from a client, with a status code and
// a short reason (under 124 bytes).
func closeFrame(code int, reason string) []byte {
	payload := append([]byte{byte(code >> 8), byte(code)}, reason...)
	frame := []byte{0x80 | websocket.CloseMessage, 0x80 | byte(len(payload))}
	var key [4]byte
	_, _ = rand.Read(key[:])
	frame = append(frame, key[:]...)
	for i, b := range payload {
		frame = append(frame, b^key[i%4])
	}
	return frame
}

// socketDialer is the websocket dialer slack-go uses: each connection gets
// a gate. It dials wss:// itself (TLS, through the HTTPS proxy the
// environment names, as slack-go's own dialer does) so that the gate sees
// the frames rather than TLS records; ws:// (the local fake) is plain TCP.
func (gs *gates) socketDialer() *websocket.Dialer {
	return &websocket.Dialer{
		HandshakeTimeout: 45 * time.Second,
		WriteBufferSize:  32 * 1024,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			var d net.Dialer
			c, err := d.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return gs.wrap(c)
		},
		NetDialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			raw, err := dialDirectOrProxy(ctx, addr)
			if err != nil {
				return nil, err
			}
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				host = addr
			}
			c := tls.Client(raw, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
			if err := c.HandshakeContext(ctx); err != nil {
				_ = raw.Close()
				return nil, err
			}
			return gs.wrap(c)
		},
	}
}

// dialDirectOrProxy opens a TCP connection to addr, through the HTTP proxy
// that HTTPS_PROXY (or NO_PROXY) names for it, if any, with CONNECT.
func dialDirectOrProxy(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	proxy, err := http.ProxyFromEnvironment(&http.Request{URL: &url.URL{Scheme: "https", Host: addr}})
	if err != nil {
		return nil, fmt.Errorf("proxy for Socket Mode: %w", err)
	}
	if proxy == nil {
		return d.DialContext(ctx, "tcp", addr)
	}
	if proxy.Scheme != "http" {
		return nil, fmt.Errorf("proxy for Socket Mode: only http:// proxies are supported, not %s://", proxy.Scheme)
	}
	proxyAddr := proxy.Host
	if proxy.Port() == "" {
		proxyAddr = net.JoinHostPort(proxy.Hostname(), "80")
	}
	c, err := d.DialContext(ctx, "tcp", proxyAddr)
	if err != nil {
		return nil, err
	}
	if deadline, ok := ctx.Deadline(); ok {
		_ = c.SetDeadline(deadline)
	}
	connect := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: addr}, Host: addr, Header: http.Header{}}
	if u := proxy.User; u != nil {
		password, _ := u.Password()
		connect.Header.Set("Proxy-Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(u.Username()+":"+password)))
	}
	if err := connect.Write(c); err != nil {
		_ = c.Close()
		return nil, fmt.Errorf("proxy CONNECT: %w", err)
	}
	// Slack says nothing before the TLS handshake, so the reader holds
	// nothing past the proxy's answer.
	resp, err := http.ReadResponse(bufio.NewReader(c), connect)
	if err != nil {
		_ = c.Close()
		return nil, fmt.Errorf("proxy CONNECT: %w", err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_ = c.Close()
		return nil, fmt.Errorf("proxy CONNECT: %s", resp.Status)
	}
	_ = c.SetDeadline(time.Time{})
	return c, nil
}
