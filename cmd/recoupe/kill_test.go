package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/news"
)

// envMainArgs makes the test binary act as the recoupe command, so that a
// test can run it as a child process and kill it.
const envMainArgs = "RECOUPE_TEST_MAIN_ARGS"

func TestMain(m *testing.M) {
	if js := os.Getenv(envMainArgs); js != "" {
		var args []string
		if err := json.Unmarshal([]byte(js), &args); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(exitUsage)
		}
		err := run(context.Background(), args, os.Getenv, os.Stdin, os.Stdout, os.Stderr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "recoupe:", err)
		}
		os.Exit(exitCode(err))
	}
	os.Exit(m.Run())
}

func childCommand(t *testing.T, args ...string) *exec.Cmd {
	js, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envMainArgs+"="+string(js))
	return cmd
}

// writeArticles writes n distinct fictional articles, in groups of five
// about one invented event each.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		ev := i / 5
		text := fmt.Sprintf("date 2031-03-%02d\nLa commune fictive de Valbourg-%d vote un budget de %d millions d'euros\n\n"+
			"Le conseil municipal de Valbourg-%d a voté jeudi un budget de %d millions d'euros pour la rénovation du quartier %d, selon le communiqué numéro %d. "+
			"« Nous tiendrons nos promesses », a déclaré le maire, Jean Marlin-%d.\n",
			1+ev%28, ev, 10+ev, ev, 10+ev, ev, i, ev)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		return 0
	}
	defer st.Close()
	arts, err := st.Articles(t.Context(), news.ArticleQuery{Limit: 100000})
	if err != nil {
		return 0
	}
	return len(arts)
}

// TestIngestSurvivesSIGKILL kills `recoupe ingest` mid-run, runs it again,
// and checks that every article is stored exactly once, in a story.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the kill test in -short mode")
	}
	const n = 200
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	writeArticles(t, in, n)
	db := filepath.Join(dir, "r.db")

	first := childCommand(t, "ingest", "-db", db, "-quiet", in)
	var out strings.Builder
	first.Stdout, first.Stderr = &out, &out
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	killed := false
	for time.Now().Before(deadline) {
		if c := countArticles(t, db); c >= 10 {
			if c < n {
				if err := first.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				killed = true
			}
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	first.Wait()
	if !killed {
		t.Logf("the first run finished before it could be killed:\n%s", out.String())
	}
	before := countArticles(t, db)
	t.Logf("killed after %d of %d articles were committed", before, n)

	second := childCommand(t, "ingest", "-db", db, "-format", "json", "-quiet", in)
	res, err := second.Output()
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, res)
	}
	var rep news.IngestReport
	if err := json.Unmarshal(res, &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, res)
	}
	if rep.Ingested+rep.Duplicates != n || rep.Duplicates < before {
		t.Errorf("second run: ingested %d + duplicates %d, want %d in all with ≥ %d duplicates", rep.Ingested, rep.Duplicates, n, before)
	}
	if got := countArticles(t, db); got != n {
		t.Errorf("store holds %d articles, want %d", got, n)
	}

	// Every stored article is in exactly one story.
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stories, err := st.Stories(t.Context(), news.StoryQuery{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range stories {
		for _, id := range s.Articles {
			if seen[id] {
				t.Errorf("article %s is in two stories", id)
			}
			seen[id] = true
		}
	}
	if len(seen) != n {
		t.Errorf("%d articles are in stories, want %d", len(seen), n)
	}
}
