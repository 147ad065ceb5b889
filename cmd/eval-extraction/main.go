// Command eval-extraction measures recoupe's HTML ingest (internal/ingest)
// on the shared article-extraction benchmarks and prints the figures the
// project's acceptance criteria name:
//
//   - scrapinghub-aeb: AEB's shingle metric (precision, recall, F1, accuracy);
//   - trafilatura-eval: trafilatura's segment metric (all pages and the
//     French ones) and metadata agreement (date exact, title, author).
//
// Usage:
//
//	go run ./cmd/eval-extraction [-set aeb|traf|all] [-published] [-v]
//
// -published also scores the benchmark's published outputs of other tools
// with the same code, which checks this reimplementation of the metric (it
// reproduces the dev-split table of SOURCE.md: AutoExtract 0.970,
// trafilatura 0.962, go_trafilatura 0.957, html-text 0.666).
//
// Figures on the dev splits (2026-11-23, go1.26, shared 2-core machine):
//
//	scrapinghub-aeb (145 pages): F1 0.962  P 0.944  R 0.980  accuracy 0.359
//	trafilatura-eval (792):      F1 0.917  P 0.902  R 0.932
//	  French (21):               F1 0.922  P 0.894  R 0.952
//	  metadata: date exact 0.909 (585), title exact 0.818 / either-contains
//	  0.884 (674), author exact 0.642 (425)
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/recoupe/recoupe/internal/ingest"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "eval-extraction:", err)
		os.Exit(1)
	}
}

var (
	dump     string
	allPages bool
)

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval-extraction", flag.ContinueOnError)
	fs.SetOutput(stderr)
	set := fs.String("set", "all", "benchmark: aeb, traf or all")
	published := fs.Bool("published", false, "also score AEB's published outputs of other tools")
	verbose := fs.Bool("v", false, "print per-page misses")
	limit := fs.Int("n", 0, "evaluate only the first n pages of each set (0: all)")
	fs.BoolVar(&allPages, "pages", false, "print every AEB page's precision and recall")
	fs.StringVar(&dump, "dump", "", "print the extracted and gold text of AEB pages whose id starts with this")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *set == "aeb" || *set == "all" {
		if err := evalAEB(stdout, *published, *verbose, *limit); err != nil {
			return err
		}
	}
	if *set == "traf" || *set == "all" {
		if err := evalTraf(stdout, *verbose, *limit); err != nil {
			return err
		}
	}
	return nil
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(zr)
}

func evalAEB(w io.Writer, published, verbose bool, limit int) error {
	dir, err := shareddata.Path("article-extraction", "scrapinghub-aeb")
	if err != nil {
		return err
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := readJSON(filepath.Join(dir, "ground-truth.json"), &gold); err != nil {
		return err
	}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if limit > 0 && limit < len(ids) {
		ids = ids[:limit]
	}
	var pages []counts
	exact, failed := 0, 0
	var elapsed time.Duration
	for _, id := range ids {
		data, err := readGz(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return err
		}
		start := time.Now()
		a, err := ingest.Options{}.ParseHTML(id, data, gold[id].URL)
		elapsed += time.Since(start)
		if err != nil {
			failed++
			if verbose {
				fmt.Fprintf(w, "  aeb %s: %v\n", id[:12], err)
			}
		}
		if dump != "" && strings.HasPrefix(id, dump) {
			fmt.Fprintf(w, "=== extracted %s\n%s\n=== gold\n%s\n", id, a.Text, gold[id].ArticleBody)
		}
		c := pageCounts(a.Text, gold[id].ArticleBody)
		pages = append(pages, c)
		if tokensEqual(a.Text, gold[id].ArticleBody) {
			exact++
		}
		if allPages || verbose && (pagePrecision(c) < 0.8 || pageRecall(c) < 0.8) {
			fmt.Fprintf(w, "  aeb %s: P %.2f R %.2f %s\n", id[:12], pagePrecision(c), pageRecall(c), gold[id].URL)
		}
	}
	p, r, f1 := aebScore(pages)
	fmt.Fprintf(w, "scrapinghub-aeb (%d pages): F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f  failed %d  %.1f ms/page\n",
		len(ids), f1, p, r, float64(exact)/float64(len(ids)), failed, ms(elapsed, len(ids)))
	if !published {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(dir, "published-outputs", "*.json"))
	for _, f := range files {
		var out struct {
			Output map[string]struct {
				ArticleBody string `json:"articleBody"`
			} `json:"output"`
		}
		if err := readJSON(f, &out); err != nil {
			return err
		}
		var pp []counts
		for _, id := range ids {
			pp = append(pp, pageCounts(out.Output[id].ArticleBody, gold[id].ArticleBody))
		}
		_, _, f1 := aebScore(pp)
		fmt.Fprintf(w, "  published %-22s F1 %.3f\n", strings.TrimSuffix(filepath.Base(f), ".json"), f1)
	}
	return nil
}

type trafPage struct {
	File      string   `json:"file"`
	Lang      string   `json:"lang_guess"`
	With      []string `json:"with"`
	Without   []string `json:"without"`
	Title     string   `json:"title"`
	Author    any      `json:"author"`
	Date      string   `json:"date"`
	Sitename  string   `json:"sitename"`
	Languages []string `json:"-"`
}

func evalTraf(w io.Writer, verbose bool, limit int) error {
	dir, err := shareddata.Path("article-extraction", "trafilatura-eval")
	if err != nil {
		return err
	}
	var gold map[string]trafPage
	if err := readJSON(filepath.Join(dir, "evaldata.json"), &gold); err != nil {
		return err
	}
	keys := make([]string, 0, len(gold))
	for k := range gold {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if limit > 0 && limit < len(keys) {
		keys = keys[:limit]
	}
	var all, fr segCounts
	var dateN, dateOK, titleN, titleExact, titleContains, authorN, authorOK, frN, failed int
	var elapsed time.Duration
	for _, k := range keys {
		g := gold[k]
		data, err := readGz(filepath.Join(dir, g.File))
		if err != nil {
			return err
		}
		pageURL := ""
		if strings.HasPrefix(k, "http") {
			pageURL = k
		}
		start := time.Now()
		a, err := ingest.Options{}.ParseHTML(k, data, pageURL)
		elapsed += time.Since(start)
		if err != nil {
			failed++
			if verbose {
				fmt.Fprintf(w, "  traf %s: %v\n", k, err)
			}
		}
		c := evalSegments(a.Text, g.With, g.Without)
		all.add(c)
		if g.Lang == "fr" {
			fr.add(c)
			frN++
		}
		if g.Date != "" {
			dateN++
			if got := dayString(a.Published); got == g.Date {
				dateOK++
			} else if verbose {
				fmt.Fprintf(w, "  date %s: got %q want %q\n", k, got, g.Date)
			}
		}
		if g.Title != "" {
			titleN++
			gt, at := strings.ToLower(wsNorm(g.Title)), strings.ToLower(wsNorm(a.Title))
			switch {
			case gt == at:
				titleExact++
				titleContains++
			case at != "" && (strings.Contains(gt, at) || strings.Contains(at, gt)):
				titleContains++
				if verbose {
					fmt.Fprintf(w, "  title~ %s: got %q want %q\n", k, a.Title, g.Title)
				}
			default:
				if verbose {
					fmt.Fprintf(w, "  title %s: got %q want %q\n", k, a.Title, g.Title)
				}
			}
		}
		if ga := goldAuthor(g.Author); ga != "" {
			authorN++
			if normAuthor(a.Author) == normAuthor(ga) {
				authorOK++
			} else if verbose {
				fmt.Fprintf(w, "  author %s: got %q want %q\n", k, a.Author, ga)
			}
		}
	}
	p, r, acc, f1 := all.scores()
	fmt.Fprintf(w, "trafilatura-eval (%d pages): F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f  failed %d  %.1f ms/page\n",
		len(keys), f1, p, r, acc, failed, ms(elapsed, len(keys)))
	p, r, _, f1 = fr.scores()
	fmt.Fprintf(w, "trafilatura-eval French (%d pages): F1 %.3f  precision %.3f  recall %.3f\n", frN, f1, p, r)
	fmt.Fprintf(w, "metadata: date exact %.3f (%d pages)  title exact %.3f / either-contains %.3f (%d)  author exact %.3f (%d)\n",
		ratio(dateOK, dateN), dateN, ratio(titleExact, titleN), ratio(titleContains, titleN), titleN, ratio(authorOK, authorN), authorN)
	return nil
}

func dayString(d news.Date) string {
	if d.Granularity < news.GranDay {
		return d.String()
	}
	return d.Time.Format("2006-01-02")
}

func goldAuthor(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		var s []string
		for _, e := range x {
			if t, ok := e.(string); ok {
				s = append(s, t)
			}
		}
		return strings.Join(s, "; ")
	}
	return ""
}

func normAuthor(s string) string { return strings.ToLower(wsNorm(s)) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func ms(d time.Duration, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(d.Milliseconds()) / float64(n)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
