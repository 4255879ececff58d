package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// HealthHandler serves /healthz (the process is alive), /readyz (the guide
// is indexed and a Socket Mode connection is up) and /metrics.
func (s *Server) HealthHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !s.metrics.Connected() {
			http.Error(w, "not connected to slack", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		_, _ = s.metrics.WriteTo(w)
	})
	return mux
}

// ListenHealth opens the health address, so that a bad one fails at start.
func ListenHealth(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on HEALTH_ADDR %s: %w", addr, err)
	}
	return ln, nil
}

// ServeHealth serves HealthHandler on ln until ctx ends.
func (s *Server) ServeHealth(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.HealthHandler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve health: %w", err)
	}
	return nil
}
