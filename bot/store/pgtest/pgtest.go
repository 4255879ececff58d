// Package pgtest starts a throwaway PostgreSQL server for tests: Debian's
// server binaries (apt-get install postgresql), a cluster created with
// initdb in a temporary directory, listening on 127.0.0.1 only, run as the
// postgres user when the tests run as root (the server refuses root). Each
// test gets a new, empty database on it. Without PostgreSQL the tests skip,
// unless DIRECTORBOT_REQUIRE_POSTGRES=1 (as in CI) makes that a failure.
//
// A test binary that uses it calls Main from its TestMain, which stops the
// server once the tests are done.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// requirePostgresEnv, set to 1 (as CI does), makes a missing PostgreSQL a
// test failure instead of a skip.
const requirePostgresEnv = "DIRECTORBOT_REQUIRE_POSTGRES"

// errPostgresMissing reports that no PostgreSQL server binaries were found.
var errPostgresMissing = errors.New("PostgreSQL not installed: apt-get install postgresql (or set " + requirePostgresEnv + "=1 to fail instead)")

// sharedCluster is the throwaway PostgreSQL server of this test binary,
// started by the first test that needs it and stopped by Main.
var sharedCluster struct {
	once    sync.Once
	cluster *pgCluster
	err     error
}

// Main runs a test binary's tests and then stops the PostgreSQL server, if
// a test started one; call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if c := sharedCluster.cluster; c != nil {
		if err := c.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "stop PostgreSQL:", err)
			code = max(code, 1)
		}
	}
	os.Exit(code)
}

// URL returns the URL of a new, empty database on the shared
// PostgreSQL server, starting the server if need be. Without PostgreSQL it
// skips tb, or fails it when DIRECTORBOT_REQUIRE_POSTGRES=1.
func URL(tb testing.TB) string {
	tb.Helper()
	sharedCluster.once.Do(func() {
		sharedCluster.cluster, sharedCluster.err = startCluster()
	})
	switch err := sharedCluster.err; {
	case err == nil:
	case !errors.Is(err, errPostgresMissing):
		tb.Fatalf("start PostgreSQL: %v", err)
	case os.Getenv(requirePostgresEnv) == "1":
		tb.Fatalf("PostgreSQL not installed, and %s=1 requires it: apt-get install postgresql", requirePostgresEnv)
	default:
		tb.Skip(err)
	}
	return sharedCluster.cluster.createDatabase(tb)
}

// pgCluster is a PostgreSQL server in a temporary directory, listening on
// 127.0.0.1 only, with trust authentication.
type pgCluster struct {
	bin    string // directory of initdb and pg_ctl
	dir    string // temporary directory holding everything
	runAs  string // user that runs the server when we are root, else ""
	port   int
	admin  *pgxpool.Pool
	mu     sync.Mutex
	nextDB int
}

// startCluster finds the PostgreSQL binaries, creates a cluster in a new
// temporary directory and starts it on a free port.
func startCluster() (*pgCluster, error) {
	bin, err := findPostgresBin()
	if err != nil {
		return nil, err
	}
	stopOrphans(bin)
	c := &pgCluster{bin: bin}
	if err := c.makeDir(); err != nil {
		return nil, err
	}
	if err := c.initdb(); err != nil {
		return nil, errors.Join(err, os.RemoveAll(c.dir))
	}
	if err := c.start(); err != nil {
		return nil, errors.Join(err, os.RemoveAll(c.dir))
	}
	if err := c.connectAdmin(); err != nil {
		return nil, errors.Join(err, c.stop())
	}
	return c, nil
}

// findPostgresBin returns the bin directory of the newest PostgreSQL in
// Debian's /usr/lib/postgresql, or else the directory of initdb on PATH.
func findPostgresBin() (string, error) {
	initdbs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	slices.SortFunc(initdbs, func(a, b string) int { return compareVersions(postgresVersion(a), postgresVersion(b)) })
	if len(initdbs) > 0 {
		return filepath.Dir(initdbs[len(initdbs)-1]), nil
	}
	if initdb, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(initdb), nil
	}
	return "", errPostgresMissing
}

// postgresVersion returns the version directory of a path such as
// /usr/lib/postgresql/15/bin/initdb.
func postgresVersion(initdb string) string {
	return filepath.Base(filepath.Dir(filepath.Dir(initdb)))
}

// compareVersions compares dotted version numbers such as "9.6" and "15".
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(as), len(bs)) {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x - y
		}
	}
	return 0
}

// makeDir creates the cluster's temporary directory. The server refuses to
// run as root, so as root the directory is given to the postgres user.
func (c *pgCluster) makeDir() error {
	dir, err := os.MkdirTemp("", "directorbot-pg-")
	if err != nil {
		return fmt.Errorf("make cluster directory: %w", err)
	}
	c.dir = dir
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return errors.Join(fmt.Errorf("record the cluster's owner: %w", err), os.RemoveAll(dir))
	}
	if os.Geteuid() != 0 {
		return nil
	}
	c.runAs = "postgres"
	if err := chownToUser(dir, c.runAs); err != nil {
		return errors.Join(err, os.RemoveAll(dir))
	}
	return nil
}

// ownerFile, in a cluster's directory, holds the process ID of the test
// binary that started it.
const ownerFile = "owner.pid"

// stopOrphans stops and removes the clusters of test binaries that died
// before Main could stop theirs (killed, or out of time), so that no
// server outlives its tests for longer than the next run.
func stopOrphans(bin string) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "directorbot-pg-*"))
	for _, dir := range dirs {
		raw, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(string(raw))
		if err != nil || pid == os.Getpid() || running(pid) {
			continue
		}
		orphan := &pgCluster{bin: bin, dir: dir}
		if os.Geteuid() == 0 {
			orphan.runAs = "postgres"
		}
		// A cluster that never started, or whose server died too, has
		// nothing to stop: only its directory is left to remove.
		_ = orphan.stop()
	}
}

// running reports whether a process is still running, or may be.
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return !errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}

// chownToUser gives path to the named user and its group.
func chownToUser(path, name string) error {
	u, err := user.Lookup(name)
	if err != nil {
		return fmt.Errorf("running as root, so the server must run as %s: %w", name, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(path, uid, gid); err != nil {
		return fmt.Errorf("give %s to %s: %w", path, name, err)
	}
	return nil
}

func (c *pgCluster) dataDir() string { return filepath.Join(c.dir, "data") }

func (c *pgCluster) logFile() string { return filepath.Join(c.dir, "postgres.log") }

// command runs a PostgreSQL program, as the postgres user when we are root.
func (c *pgCluster) command(program string, args ...string) *exec.Cmd {
	path := filepath.Join(c.bin, program)
	var cmd *exec.Cmd
	if c.runAs == "" {
		cmd = exec.Command(path, args...)
	} else {
		cmd = exec.Command("runuser", append([]string{"-u", c.runAs, "--", path}, args...)...)
	}
	cmd.Dir = c.dir
	return cmd
}

// run runs a PostgreSQL program and returns its output in any error.
func (c *pgCluster) run(program string, args ...string) error {
	out, err := c.command(program, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", program, strings.Join(args, " "), err, out)
	}
	return nil
}

func (c *pgCluster) initdb() error {
	return c.run("initdb", "-D", c.dataDir(), "-U", "postgres", "--auth=trust",
		"--encoding=UTF8", "--locale=C", "--no-sync")
}

// start starts the server on a free port, trying again on another port
// should someone take the one picked before the server binds it.
func (c *pgCluster) start() error {
	var err error
	for range 3 {
		if c.port, err = freePort(); err != nil {
			return err
		}
		options := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c max_connections=300", c.port, c.dir)
		err = c.run("pg_ctl", "-D", c.dataDir(), "-l", c.logFile(), "-w", "-t", "60", "-o", options, "start")
		if err == nil {
			return nil
		}
	}
	serverLog, _ := os.ReadFile(c.logFile())
	return fmt.Errorf("%w\nserver log:\n%s", err, serverLog)
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// url returns the URL of database name on the cluster.
func (c *pgCluster) url(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, name)
}

func (c *pgCluster) connectAdmin() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgxpool.New(ctx, c.url("postgres"))
	if err == nil {
		err = admin.Ping(ctx)
	}
	if err != nil {
		return fmt.Errorf("connect to the test cluster: %w", err)
	}
	c.admin = admin
	return nil
}

// createDatabase creates a new, empty database and returns its URL. Each
// test gets its own, so tests can run in parallel.
func (c *pgCluster) createDatabase(tb testing.TB) string {
	tb.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextDB++
	name := fmt.Sprintf("test_%d", c.nextDB)
	if _, err := c.admin.Exec(context.Background(), "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create database %s: %v", name, err)
	}
	return c.url(name)
}

// stop stops the server and removes its directory.
func (c *pgCluster) stop() error {
	if c.admin != nil {
		c.admin.Close()
	}
	err := c.run("pg_ctl", "-D", c.dataDir(), "-m", "fast", "-w", "-t", "60", "stop")
	if err != nil {
		err = errors.Join(err, c.run("pg_ctl", "-D", c.dataDir(), "-m", "immediate", "-w", "stop"))
	}
	return errors.Join(err, os.RemoveAll(c.dir))
}
