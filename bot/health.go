package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// healthHandler serves /healthz (the process is alive), /readyz (the guide
// is indexed and a Socket Mode connection is up) and /metrics.
func (s *Server) healthHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !s.metrics.connected.Load() {
			http.Error(w, "not connected to slack", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("/metrics", s.metrics.handler())
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

// ServeHealth serves /healthz, /readyz and /metrics on ln until ctx ends.
func (s *Server) ServeHealth(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.healthHandler(), ReadHeaderTimeout: 5 * time.Second}
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
