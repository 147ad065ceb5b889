// Command eval-quotes scores the quote extractor (internal/extract/quote)
// on the shared evaluation sets and prints the figures:
//
//   - French: quotes/fr-html-quotes/fr-html-quotes-dev.json, HTML page →
//     main text (go-trafilatura) → quotes; quote precision, recall and F1
//     at coverage > 0.3 and > 0.8, speaker accuracy.
//   - English: quotes/polnear/polnear-train-dev.jsonl.gz, direct
//     attributions of the first annotator; quote F1 at coverage > 0.3 and
//     > 0.8, speaker match.
//
// Usage: go run ./cmd/eval-quotes [-v] [-set fr|en|all] [-content=false]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "eval-quotes:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("eval-quotes", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "print every gold item and prediction")
	set := fs.String("set", "all", "which set to score: fr, en or all")
	content := fs.Bool("content", true, "English: score a mixed quote by its reported clause (Quote.Content), as PolNeAR annotates it; false scores the quoted words only")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *set == "fr" || *set == "all" {
		if err := evalFrench(ctx, out, *verbose); err != nil {
			return err
		}
	}
	if *set == "en" || *set == "all" {
		if err := evalEnglish(ctx, out, *verbose, *content); err != nil {
			return err
		}
	}
	return nil
}

// prf holds counts for precision, recall and F1.
type prf struct{ tp, fp, gold, recalled int }

func (c prf) String() string {
	p := ratio(c.tp, c.tp+c.fp)
	r := ratio(c.recalled, c.gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.3f (%d/%d)  R %.3f (%d/%d)  F1 %.3f", p, c.tp, c.tp+c.fp, r, c.recalled, c.gold, f)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
