package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/recoupe/recoupe/internal/brief"
	"github.com/recoupe/recoupe/news"
)

func runBrief(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("brief", e, "[STORY-ID | INPUT]...  (inputs are ingested first; no argument: every story)")
	var c common
	c.register(fs, e, "md|json|jsonl")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.checkFormat("md|json|jsonl"); err != nil {
		return err
	}
	var ids, inputs []string
	for _, a := range fs.Args() {
		if isInput(a) {
			inputs = append(inputs, a)
		} else {
			ids = append(ids, a)
		}
	}
	open := c.openExisting
	if len(inputs) > 0 {
		open = c.open
	}
	eng, err := open(ctx, e)
	if err != nil {
		return err
	}
	defer eng.Close()
	partial := false
	if len(inputs) > 0 {
		rep, err := ingestWithProgress(ctx, e, eng, inputs, *quiet)
		if err != nil {
			return err
		}
		for _, s := range rep.Skipped {
			fmt.Fprintf(e.stderr, "recoupe: skipped %s: %s\n", s.Origin, s.Reason)
		}
		partial = len(rep.Skipped) > 0
		ids = append(ids, rep.Stories...)
	}
	if len(fs.Args()) == 0 {
		for off := 0; ; off += 100 {
			list, total, err := eng.Stories(ctx, news.StoryQuery{Limit: 100, Offset: off})
			if err != nil {
				return err
			}
			for _, s := range list {
				ids = append(ids, s.ID)
			}
			if off+100 >= total {
				break
			}
		}
	}
	// The briefs of the stories found are written, and the arguments
	// that name nothing are reported at the end (exit status 1).
	var briefs []news.Brief
	var missing []string
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		b, err := eng.Brief(ctx, id)
		if errors.Is(err, news.ErrNotFound) {
			if into, ok := eng.MergedInto(ctx, id); ok {
				fmt.Fprintf(e.stderr, "recoupe: story %s was merged into %s\n", id, into)
				if seen[into] {
					continue
				}
				seen[into] = true
				b, err = eng.Brief(ctx, into)
			}
		}
		if errors.Is(err, news.ErrNotFound) {
			if storyIDShape.MatchString(id) {
				missing = append(missing, err.Error())
			} else {
				missing = append(missing, id+": no such file, folder or story")
			}
			continue
		}
		if err != nil {
			return err
		}
		briefs = append(briefs, b)
	}
	switch c.format {
	case "json":
		err = brief.JSON(e.stdout, briefs)
	case "jsonl":
		err = brief.JSONL(e.stdout, briefs)
	default:
		err = brief.Markdown(e.stdout, briefs)
	}
	if err == nil && len(missing) > 0 {
		err = errors.New(strings.Join(missing, "; "))
	}
	if err == nil && partial {
		err = errPartial
	}
	return err
}

// isInput tells inputs to ingest from story IDs: "-", URLs, and paths or
// globs that exist.
// storyIDShape is the shape of the clusterer's story IDs.
var storyIDShape = regexp.MustCompile(`^s[0-9a-f]{12}$`)

func isInput(arg string) bool {
	if arg == "-" || strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		return true
	}
	if _, err := os.Stat(arg); err == nil {
		return true
	}
	m, err := filepath.Glob(arg)
	return err == nil && len(m) > 0
}
