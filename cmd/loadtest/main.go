// Command loadtest measures recoupe's HTTP server under load on loopback:
// requests per second, median and 99th-percentile latency and errors for
// the story list and a story's brief (JSON and HTML), on a store of
// generated fictional articles (10,000 by default), and the process's
// memory before and after.
//
//	go run ./cmd/loadtest                      # 10,000 articles, 20 s of load
//	go run ./cmd/loadtest -articles 20000 -duration 40s -workers 16
//
// The store (-db, a SQLite file) is kept between runs: articles already
// there are not generated again. Load runs for -duration in all, split
// evenly between the scenarios, and stops early after -max-requests per
// scenario (requests under way at the end finish and count). The server
// listens on 127.0.0.1 only. The exit status is 1 if
// any request failed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/recoupe/recoupe"
	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/news"
	"github.com/recoupe/recoupe/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

const storySize = 5 // articles per generated story

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", filepath.Join(os.TempDir(), "recoupe-loadtest.db"), "SQLite file of the store (kept between runs)")
	articles := fs.Int("articles", 10000, "articles the store must hold (generated if missing)")
	duration := fs.Duration("duration", 20*time.Second, "total load time, split between the scenarios")
	workers := fs.Int("workers", 8, "concurrent clients")
	maxReq := fs.Int("max-requests", 200000, "requests per scenario at most")
	seed := fs.Uint64("seed", 1, "generator seed")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the load phase to this file")
	only := fs.String("only", "", "run only the scenarios whose name contains this")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *articles < 1 || *workers < 1 || *duration <= 0 || *maxReq < 1 {
		return errors.New("-articles, -workers, -duration and -max-requests must be positive")
	}

	eng, err := recoupe.Open(ctx, recoupe.Config{DB: *db})
	if err != nil {
		return err
	}
	defer eng.Close()
	have, stories, err := count(ctx, eng)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "store %s: %d articles in %d stories\n", *db, have, stories)
	if have < *articles {
		start := time.Now()
		rep, err := generate(ctx, eng, have, *articles, *seed)
		if err != nil {
			return err
		}
		el := time.Since(start)
		fmt.Fprintf(stdout, "generated and ingested %d articles (%d duplicates, %d skipped) in %v (%.0f articles/s)\n",
			rep.Ingested, rep.Duplicates, len(rep.Skipped), el.Round(time.Millisecond), float64(rep.Ingested)/el.Seconds())
		if have, stories, err = count(ctx, eng); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "store now: %d articles in %d stories\n", have, stories)
	}

	h, err := server.New(slog.New(slog.DiscardHandler), eng, web.FS, server.Options{})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := server.NewHTTPServer(ln.Addr().String(), h)
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *workers, MaxConnsPerHost: *workers, DisableCompression: true},
	}

	// The stories to read: the biggest of the first pages, and 100 others.
	list, total, err := eng.Stories(ctx, news.StoryQuery{Limit: 200})
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return errors.New("no story in the store")
	}
	top := list[0]
	var ids []string
	for _, s := range list {
		if s.Sources > top.Sources {
			top = s
		}
		if len(ids) < 100 {
			ids = append(ids, url.PathEscape(s.ID))
		}
	}
	pages := min(total/20, 50)
	lang := "fr"
	if len(top.Languages) > 0 {
		lang = top.Languages[0]
	}
	entity := ""
	if b, err := eng.Brief(ctx, top.ID); err == nil && len(b.Entities) > 0 {
		entity = b.Entities[0].Name
	}
	// The first filtered listings run on a cold summary cache.
	for _, q := range []news.StoryQuery{{Language: lang, Limit: 20}, {Entity: entity, Limit: 20}} {
		t0 := time.Now()
		_, n, err := eng.Stories(ctx, q)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "first listing filtered by language %q / entity %q: %d stories of %d in %v\n",
			q.Language, q.Entity, n, total, time.Since(t0).Round(time.Millisecond))
	}
	scenarios := []scenario{
		{"story list (JSON, 50 pages)", func(i int) string {
			return base + "/api/stories?limit=20&offset=" + strconv.Itoa(20*(i%max(pages, 1)))
		}},
		{"brief (JSON, one story)", func(int) string { return base + "/api/stories/" + url.PathEscape(top.ID) }},
		{"brief (JSON, 100 stories)", func(i int) string { return base + "/api/stories/" + ids[i%len(ids)] }},
		{"story list page (HTML)", func(i int) string { return base + "/?offset=" + strconv.Itoa(20*(i%max(pages, 1))) }},
		{"story page (HTML)", func(int) string { return base + "/stories/" + url.PathEscape(top.ID) }},
		{"story list by language (JSON)", func(i int) string {
			return base + "/api/stories?limit=20&lang=" + url.QueryEscape(lang) + "&offset=" + strconv.Itoa(20*(i%max(pages/2, 1)))
		}},
		{"story list by entity (JSON)", func(int) string { return base + "/api/stories?limit=20&entity=" + url.QueryEscape(entity) }},
	}
	// Warm up (caches, connections), then measure memory at rest.
	for _, sc := range scenarios {
		for i := range 3 {
			if err := get(ctx, client, sc.url(i)); err != nil {
				return fmt.Errorf("warm-up: %w", err)
			}
		}
	}
	if *only != "" {
		var kept []scenario
		for _, sc := range scenarios {
			if strings.Contains(sc.name, *only) {
				kept = append(kept, sc)
			}
		}
		if len(kept) == 0 {
			return fmt.Errorf("-only %q: no such scenario", *only)
		}
		scenarios = kept
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	before := memory()
	fmt.Fprintf(stdout, "\nload: %d workers, %v per scenario, at most %d requests each, on %s (GOMAXPROCS %d)\n",
		*workers, *duration/time.Duration(len(scenarios)), *maxReq, base, runtime.GOMAXPROCS(0))
	fmt.Fprintf(stdout, "the brief's story %s has %d articles; %d stories in all\n\n", top.ID, top.Sources, total)
	fmt.Fprintf(stdout, "%-30s %9s %9s %9s %9s %9s %7s\n", "scenario", "requests", "req/s", "p50", "p99", "max", "errors")
	var errs int
	for _, sc := range scenarios {
		r := hammer(ctx, client, sc, *workers, *duration/time.Duration(len(scenarios)), *maxReq)
		fmt.Fprintf(stdout, "%-30s %9d %9.0f %9s %9s %9s %7d\n", r.name, r.requests, r.rps(),
			ms(r.p50), ms(r.p99), ms(r.max), r.errors)
		if r.errors > 0 {
			fmt.Fprintf(stdout, "  first error: %s\n", r.firstErr)
		}
		errs += r.errors
	}
	after := memory()
	fmt.Fprintf(stdout, "\nmemory (after GC)  before: heap %s, RSS %s   after: heap %s, RSS %s\n",
		mib(before.heap), mib(before.rss), mib(after.heap), mib(after.rss))
	if errs > 0 {
		return fmt.Errorf("%d requests failed", errs)
	}
	return nil
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 2, 64) + "ms" }

func mib(b uint64) string { return strconv.FormatFloat(float64(b)/(1<<20), 'f', 1, 64) + " MiB" }

type mem struct{ heap, rss uint64 }

// memory returns the live heap after a collection and the resident set
// size of the process (server, engine and load clients together).
func memory() mem {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := mem{heap: ms.HeapAlloc}
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for line := range strings.Lines(string(b)) {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ := strconv.ParseUint(f[1], 10, 64)
				m.rss = kb << 10
			}
		}
	}
	return m
}

// count returns the number of articles and stories in the store.
func count(ctx context.Context, eng *recoupe.Engine) (articles, stories int, err error) {
	for off := 0; ; off += server.MaxPageSize {
		page, total, err := eng.Stories(ctx, news.StoryQuery{Limit: server.MaxPageSize, Offset: off})
		if err != nil {
			return 0, 0, err
		}
		stories = total
		for _, s := range page {
			articles += s.Sources
		}
		if len(page) < server.MaxPageSize {
			return articles, stories, nil
		}
	}
}

// generate writes articles from..to-1 as text files in a temporary folder
// and ingests them in one run, as `recoupe ingest folder/` would.
func generate(ctx context.Context, eng *recoupe.Engine, from, to int, seed uint64) (news.IngestReport, error) {
	dir, err := os.MkdirTemp("", "recoupe-loadtest-")
	if err != nil {
		return news.IngestReport{}, err
	}
	defer os.RemoveAll(dir)
	var paths []string
	for i := from; i < to; i++ {
		st := i / storySize
		// Each story's generator is seeded by its index, so a story's
		// articles agree however the run is split.
		r := rand.New(rand.NewPCG(seed, uint64(st)))
		s := newStory(r, st)
		ar := rand.New(rand.NewPCG(seed, uint64(i)<<20|1))
		p := filepath.Join(dir, fmt.Sprintf("gen-%06d.txt", i))
		if err := os.WriteFile(p, []byte(s.article(ar, i%storySize)), 0o644); err != nil {
			return news.IngestReport{}, err
		}
		paths = append(paths, p)
	}
	last := time.Now()
	return eng.Ingest(ctx, paths, func(p recoupe.Progress) {
		if time.Since(last) > 10*time.Second {
			last = time.Now()
			fmt.Fprintf(os.Stderr, "ingest: %d/%d\n", p.Done, p.Total)
		}
	})
}
