package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"time"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// unstamped, it is the module's version when go install knows it.
var version = "unreleased"

func versionCommand() command {
	return command{
		name:     "version",
		summary:  "Print the version.",
		examples: []string{"directorbot version"},
		run: func(_ context.Context, env *environment, args []string) error {
			c := versionCommand()
			if _, err := parse(c.flags(env.stderr), args); err != nil {
				return err
			}
			_, err := fmt.Fprintf(env.stdout, "directorbot %s (%s %s/%s)\n", buildVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}

// buildVersion is the version stamped at build time, else the module's
// version when go install knows it, else "unreleased" (as after an empty
// --build-arg VERSION=).
func buildVersion() string {
	if version != "" && version != "unreleased" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "unreleased"
}

func healthcheckCommand() command {
	return command{
		name:     "healthcheck",
		summary:  "Exit 0 when the bot serving on HEALTH_ADDR is alive (for container health checks).",
		examples: []string{"HEALTH_ADDR=:8080 directorbot healthcheck"},
		run:      runHealthcheck,
	}
}

func runHealthcheck(ctx context.Context, env *environment, args []string) error {
	c := healthcheckCommand()
	if _, err := parse(c.flags(env.stderr), args); err != nil {
		return err
	}
	addr := env.getenv("HEALTH_ADDR")
	if addr == "" {
		return usageError{"HEALTH_ADDR is not set: serve answers health checks only on the address it names (for example :8080), and healthcheck asks there"}
	}
	if err := healthAddr(env); err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health check: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health check: %s", resp.Status)
	}
	return nil
}
