package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/internal/store/storetest"
	"github.com/recoupe/recoupe/news"
)

// Environment of a child worker process (see TestMain).
const (
	childDB       = "RECOUPE_SQLITE_TEST_CHILD_DB"
	childArticles = "RECOUPE_SQLITE_TEST_CHILD_ARTICLES"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(childDB); path != "" {
		if err := child(path); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child ingests the generated articles into the database at path,
// printing a line after each article it stores.
func child(path string) error {
	n, err := strconv.Atoi(os.Getenv(childArticles))
	if err != nil {
		return err
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	c := storetest.NewClusterer()
	for _, a := range storetest.GenerateForWorkers(n) {
		ok, err := c.Ingest(ctx, db, a)
		if err != nil {
			return err
		}
		if ok {
			fmt.Println("stored", a.Name)
		}
	}
	fmt.Println("done")
	return nil
}

type worker struct {
	cmd   *exec.Cmd
	lines chan string
	done  chan error
}

func startWorker(t *testing.T, path string, n int) *worker {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childDB+"="+path, childArticles+"="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &worker{cmd: cmd, lines: make(chan string, 1<<16), done: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			w.lines <- sc.Text()
		}
		close(w.lines)
		w.done <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	return w
}

// waitStored waits until the worker has stored k articles.
func (w *worker) waitStored(t *testing.T, k int) {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for k > 0 {
		select {
		case _, ok := <-w.lines:
			if !ok {
				t.Fatalf("worker ended before storing %d more articles: %v", k, <-w.done)
			}
			k--
		case <-timeout:
			t.Fatal("worker stalled")
		}
	}
}

// TestKilledWorkers runs worker processes that ingest the same articles
// into one database, SIGKILLs them mid-transaction, and checks that the
// database is intact, holds no partial article, and that restarted
// workers complete the ingest with every article stored exactly once in
// the stories a single worker would make.
func TestKilledWorkers(t *testing.T) {
	n := 1500
	if raceEnabled || testing.Short() {
		n = 300
	}
	path := filepath.Join(t.TempDir(), "recoupe.db")
	ws := []*worker{startWorker(t, path, n), startWorker(t, path, n), startWorker(t, path, n)}
	ws[0].waitStored(t, 20)
	// Kill two of the three at once, while they are writing.
	for _, w := range ws[:2] {
		if err := w.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-w.done
	}
	ctx := t.Context()
	db := openAt(t, path)
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatalf("after SIGKILL: %v", err)
	}
	checkComplete(t, db, storetest.GenerateForWorkers(n))
	// The third worker finishes; a restarted one finds nothing left to do
	// or finishes what remains.
	if err := <-ws[2].done; err != nil {
		t.Fatalf("surviving worker: %v", err)
	}
	w := startWorker(t, path, n)
	if err := <-w.done; err != nil {
		t.Fatalf("restarted worker: %v", err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	// The handle opened before the other processes wrote searches as a
	// new one does.
	fresh := openAt(t, path)
	for _, q := range []string{"emplois", "Exemple7", "2", "41 nouveaux emplois"} {
		old, err := db.Search(ctx, q, 1000)
		if err != nil {
			t.Fatal(err)
		}
		now, err := fresh.Search(ctx, q, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(old) != len(now) || len(now) == 0 {
			t.Errorf("Search(%q): %d hits on the old handle, %d on a new one, want the same, not 0", q, len(old), len(now))
		}
	}
	arts := storetest.GenerateForWorkers(n)
	storetest.CheckStored(t, db, arts)
	storetest.CheckStories(t, db, arts)
}

// checkComplete checks that every stored article has its whole extraction
// and one assignment.
func checkComplete(t *testing.T, db *sqlite.DB, arts []news.Article) {
	t.Helper()
	ctx := t.Context()
	// Articles first, then assignments: a worker may still be running, and
	// an article read as stored must have its assignment.
	xs := map[string]news.Extraction{}
	for _, a := range arts {
		if _, x, err := db.Article(ctx, a.ID); err == nil {
			xs[a.ID] = x
		}
	}
	assigned := map[string]int{}
	if err := db.Assignments(ctx, 0, func(_ int64, as news.Assignment) error { assigned[as.ArticleID]++; return nil }); err != nil {
		t.Fatal(err)
	}
	stored := 0
	for _, a := range arts {
		x, ok := xs[a.ID]
		if !ok {
			continue
		}
		stored++
		if len(x.Facts) != len(storetest.Extract(a).Facts) || len(x.Quotes) != 1 || assigned[a.ID] != 1 {
			t.Errorf("article %s: partial: %d facts, %d quotes, %d assignments", a.Name, len(x.Facts), len(x.Quotes), assigned[a.ID])
		}
	}
	if stored == 0 {
		t.Error("no article stored before the kill")
	}
	t.Logf("%d of %d articles stored when the workers were killed", stored, len(arts))
}
