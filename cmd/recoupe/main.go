// Command recoupe cross-checks news sources: it ingests articles, groups
// them into stories, extracts facts and quotes, compares them across
// sources and writes briefs. Run "recoupe help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	if err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "recoupe:", err)
		}
		os.Exit(exitCode(err))
	}
}
