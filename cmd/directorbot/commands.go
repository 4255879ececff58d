package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Exit codes: 1 for a failure while working, 2 for a usage or configuration
// mistake the caller can fix, and 78 (EX_CONFIG of sysexits.h) for such a
// mistake of serve's: a service manager should restart the bot after a
// crash, which Go's runtime ends with 2, but not after a mistake only an
// operator can mend (deploy/systemd).
const (
	exitFailure = 1
	exitUsage   = 2
	exitConfig  = 78
)

// command is one subcommand of the binary.
type command struct {
	name    string
	summary string
	usage   string
	// examples are shown by --help, and settings, the environment
	// variables the command reads, each with what it is for.
	examples []string
	settings []string
	run      func(ctx context.Context, env *environment, args []string) error
	// mistake is the exit code of a usage or configuration mistake,
	// exitUsage when 0.
	mistake int
}

// usageError marks a mistake in the command line or configuration.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func commands() []command {
	return []command{
		askCommand(),
		devCommand(),
		searchCommand(),
		serveCommand(),
		versionCommand(),
		healthcheckCommand(),
		evalCommand(),
		reportCommand(),
		forgetCommand(),
		initCommand(),
		manifestCommand(),
	}
}

// runIn executes one command line in the given environment.
func runIn(ctx context.Context, env *environment, args []string) int {
	stdout, stderr := env.stdout, env.stderr
	switch {
	case len(args) == 2 && args[0] == "help":
		// "help ask" is "ask --help".
		args = []string{args[1], "--help"}
	case len(args) > 0 && (args[0] == "--version" || args[0] == "-v"):
		args = append([]string{"version"}, args[1:]...)
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, helpTo(env, args[1:]), args[1:])
		var ue usageError
		switch {
		case err == nil || errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "directorbot %s: %v\n", c.name, err)
			for _, origin := range env.dotEnv.origins(err.Error()) {
				fmt.Fprintf(stderr, "directorbot %s: (%s)\n", c.name, origin)
			}
			return cmp.Or(c.mistake, exitUsage)
		default:
			fmt.Fprintf(stderr, "directorbot %s: %v\n", c.name, err)
			return exitFailure
		}
	}
	fmt.Fprintf(stderr, "directorbot: unknown command %q\n\n", args[0])
	printUsage(stderr)
	return exitUsage
}

// helpTo returns env, with its stderr being its stdout when args ask for a
// command's help: asked for, help is the output ("directorbot help ask |
// less"), not a mistake's explanation.
func helpTo(env *environment, args []string) *environment {
	if !helpAsked(args) {
		return env
	}
	e := *env
	e.stderr = e.stdout
	return &e
}

// helpAsked reports whether a command's arguments ask for its help.
func helpAsked(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" || a == "--h" })
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Director Bot answers questions about the engineering Director role.")
	fmt.Fprintln(w, "\nUsage: directorbot COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'directorbot help COMMAND' or 'directorbot COMMAND --help' for a command's flags and examples.")
}

// flags returns a flag set that prints the command's usage and examples.
func (c command) flags(w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "%s\n\nUsage: directorbot %s %s\n\nFlags:\n", c.summary, c.name, c.usage)
		fs.PrintDefaults()
		if len(c.settings) > 0 {
			fmt.Fprintf(w, "\nSettings (the environment, or .env in the working directory; README › Configuration):\n  %s\n", strings.Join(c.settings, "\n  "))
		}
		if len(c.examples) > 0 {
			fmt.Fprintf(w, "\nExamples:\n  %s\n", strings.Join(c.examples, "\n  "))
		}
	}
	return fs
}

// parse reads flags from anywhere in args, so that
// "search how big is a team --json" works like "search --json how ...".
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if len(args) > 0 && wordsNotFlag(args[0]) {
			// "-how many reports?": a question, which no flag's name is.
			rest, args = append(rest, args[0]), args[1:]
			continue
		}
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// wordsNotFlag reports whether an argument that opens with "-" holds
// words, which no flag's name does ("-how many reports?"), before any
// "=" ("--guide=my guide" is a flag).
func wordsNotFlag(arg string) bool {
	name, _, _ := strings.Cut(arg, "=")
	return strings.HasPrefix(arg, "-") && strings.ContainsAny(name, " \t")
}
