package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/schollz/progressbar/v3"

	"github.com/recoupe/recoupe"
	"github.com/recoupe/recoupe/news"
)

func runIngest(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("ingest", e, "INPUT...  (files, folders, globs, -, feed URLs, .html, .warc[.gz])")
	var c common
	c.register(fs, e, "text|json")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.checkFormat("text|json"); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: ingest needs at least one input", errUsage)
	}
	eng, err := c.open(ctx, e)
	if err != nil {
		return err
	}
	defer eng.Close()
	rep, err := ingestWithProgress(ctx, e, eng, fs.Args(), *quiet)
	if werr := writeReport(e.stdout, c.format, rep); err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	switch {
	case len(rep.Skipped) > 0 && len(rep.Articles) == 0:
		return fmt.Errorf("nothing ingested: %d input(s) skipped", len(rep.Skipped))
	case len(rep.Skipped) > 0:
		return errPartial
	}
	return nil
}

// ingestWithProgress runs an ingest, drawing a progress bar on stderr when
// it is a terminal.
func ingestWithProgress(ctx context.Context, e env, eng *recoupe.Engine, inputs []string, quiet bool) (news.IngestReport, error) {
	if quiet || !isTerminal(e.stderr) {
		return eng.Ingest(ctx, inputs, nil)
	}
	bar := progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionClearOnFinish(),
	)
	rep, err := eng.Ingest(ctx, inputs, func(p recoupe.Progress) {
		if p.Total > 0 {
			bar.ChangeMax(p.Total)
		}
		_ = bar.Set(p.Done)
	})
	_ = bar.Finish()
	return rep, err
}

func writeReport(w io.Writer, format string, rep news.IngestReport) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	_, err := fmt.Fprintf(w, "ingested %d, duplicates %d (already stored), near-duplicates %d, skipped %d, stories %d\n",
		rep.Ingested, rep.Duplicates, rep.Near, len(rep.Skipped), len(rep.Stories))
	for _, s := range rep.Skipped {
		if err == nil {
			_, err = fmt.Fprintf(w, "skipped %s: %s\n", s.Origin, s.Reason)
		}
	}
	return err
}
