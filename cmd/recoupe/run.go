package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/recoupe/recoupe"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command failed
	exitUsage   = 2 // bad flags or arguments
	exitPartial = 3 // the command finished, but some inputs were skipped
)

var (
	errUsage    = errors.New("usage")
	errPartial  = errors.New("some inputs were skipped")
	errReported = errors.New("already reported")
)

func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errPartial):
		return exitPartial
	}
	return exitFailure
}

// env is what a command receives from the process.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand.
type command struct {
	name, summary string
	run           func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "store articles (files, folders, globs, -, feeds, HTML, WARC) and their facts", runIngest},
		{"stories", "list the stored stories", runStories},
		{"brief", "write the cross-checked brief of stories or of input files", runBrief},
		{"serve", "serve the web page and the JSON API", runServe},
		{"move", "move an article to another story by hand (split or merge)", runMove},
		{"entities", "find an entity across the stored stories, with its aliases", runEntities},
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, e, args[1:])
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	usage(stderr)
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: recoupe <command> [flags] [args]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun recoupe <command> -h for a command's flags.")
	fmt.Fprintln(w, "Exit codes: 0 ok, 1 failure, 2 usage, 3 done but some inputs skipped.")
}

// common are the flags every store-using command shares.
type common struct {
	db           string
	format       string
	logLevel     string
	allowPrivate bool
}

func (c *common) register(fs *flag.FlagSet, e env, formats string) {
	def := e.getenv("RECOUPE_DB")
	if def == "" {
		def = recoupe.DefaultDB
	}
	fs.StringVar(&c.db, "db", def, "store: a SQLite file, a postgres:// URL, or :memory: ($RECOUPE_DB)")
	fs.StringVar(&c.format, "format", strings.Split(formats, "|")[0], "output format: "+formats)
	fs.StringVar(&c.logLevel, "log-level", cmp.Or(e.getenv("RECOUPE_LOG_LEVEL"), "warn"), "log level: debug, info, warn, error ($RECOUPE_LOG_LEVEL)")
	fs.BoolVar(&c.allowPrivate, "allow-private", false, "let URL fetches reach private and loopback addresses")
}

func (c *common) checkFormat(formats string) error {
	for _, f := range strings.Split(formats, "|") {
		if c.format == f {
			return nil
		}
	}
	return fmt.Errorf("%w: -format %q: want one of %s", errUsage, c.format, formats)
}

// logger logs at -log-level, whose default is $RECOUPE_LOG_LEVEL; open
// has checked it.
func (c *common) logger(e env) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.logLevel)); err != nil {
		l = slog.LevelWarn
	}
	return slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: l}))
}

// openExisting opens the store of a command that only reads or changes
// what is stored: a SQLite file that does not exist is a mistyped path,
// not a new empty store.
func (c *common) openExisting(ctx context.Context, e env) (*recoupe.Engine, error) {
	if c.db != recoupe.MemoryDB && !strings.Contains(c.db, "://") {
		if _, err := os.Stat(c.db); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s (recoupe ingest creates it; -db or $RECOUPE_DB names another)", c.db)
		}
	}
	return c.open(ctx, e)
}

func (c *common) open(ctx context.Context, e env) (*recoupe.Engine, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, fmt.Errorf("%w: -log-level (or $RECOUPE_LOG_LEVEL) %q: want debug, info, warn or error", errUsage, c.logLevel)
	}
	cfg := recoupe.Config{DB: c.db, Logger: c.logger(e)}
	cfg.Ingest.AllowPrivate = c.allowPrivate
	return recoupe.Open(ctx, cfg)
}

// parse parses flags, before and after the arguments ("ingest a.txt
// --db x.db" reads --db); "--" ends the flags. -h prints the flags and is
// not an error.
func parse(fs *flag.FlagSet, args []string) error {
	var pos []string
	for len(args) > 0 {
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		i := 0
		for i < len(rest) && !isFlag(rest[i]) {
			i++
		}
		pos = append(pos, rest[:i]...)
		args = rest[i:]
	}
	return parseFlags(fs, append([]string{"--"}, pos...))
}

// isFlag reports whether an argument is a flag ("-" alone is stdin).
func isFlag(arg string) bool { return len(arg) > 1 && arg[0] == '-' }

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return flag.ErrHelp
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

func newFlagSet(name string, e env, argsHelp string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: recoupe %s [flags] %s\n", name, argsHelp)
		fs.PrintDefaults()
	}
	return fs
}

// isTerminal reports whether w is a terminal (progress bars go there only).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
