package storetest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/recoupe/recoupe/news"
)

// Environment of a worker process started by KilledWorkers.
const (
	envChild         = "RECOUPE_STORETEST_CHILD"
	envChildArticles = "RECOUPE_STORETEST_CHILD_ARTICLES"
)

// ChildMain makes a test binary serve as a worker process for
// KilledWorkers: call it first in TestMain. In a worker it ingests the
// generated articles into the store that open returns for the address it
// was given, printing a line per article it stores, and exits; otherwise
// it returns at once.
func ChildMain(open func(ctx context.Context, addr string) (Store, error)) {
	addr := os.Getenv(envChild)
	if addr == "" {
		return
	}
	if err := child(open, addr); err != nil {
		fmt.Fprintln(os.Stderr, "storetest worker:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

func child(open func(ctx context.Context, addr string) (Store, error), addr string) error {
	n, err := strconv.Atoi(os.Getenv(envChildArticles))
	if err != nil {
		return err
	}
	ctx := context.Background()
	s, err := open(ctx, addr)
	if err != nil {
		return err
	}
	defer s.Close()
	c := NewClusterer()
	for _, a := range GenerateForWorkers(n) {
		ok, err := c.Ingest(ctx, s, a)
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
	cmd    *exec.Cmd
	stored *atomic.Int64 // shared by the workers of a test
	done   chan error
}

func startWorker(t *testing.T, addr string, n int, stored *atomic.Int64) *worker {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"="+addr, envChildArticles+"="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &worker{cmd: cmd, stored: stored, done: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "stored ") {
				stored.Add(1)
			}
		}
		w.done <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	return w
}

// KilledWorkers runs three worker processes (see ChildMain) that ingest
// the same n generated articles into the store at addr, SIGKILLs two of
// them while they write, and checks that no article is partly stored; then
// the third finishes, a restarted worker runs, and every article must be
// stored exactly once in the stories a single worker would make. check,
// if not nil, runs store-specific checks after the kill and at the end.
func KilledWorkers(t *testing.T, addr string, s Store, n int, check func(t *testing.T)) {
	var stored atomic.Int64
	ws := []*worker{startWorker(t, addr, n, &stored), startWorker(t, addr, n, &stored), startWorker(t, addr, n, &stored)}
	deadline := time.Now().Add(2 * time.Minute)
	for stored.Load() < 20 {
		if time.Now().After(deadline) {
			t.Fatal("workers stalled")
		}
		time.Sleep(time.Millisecond)
	}
	killed := 0
	for _, w := range ws[:2] {
		w.cmd.Process.Signal(syscall.SIGKILL) // fails if it already ended
		<-w.done
		if ws, ok := w.cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		}
	}
	if killed == 0 {
		t.Fatal("the workers ended before they could be killed")
	}
	if check != nil {
		check(t)
	}
	checkComplete(t, s, GenerateForWorkers(n))
	if err := <-ws[2].done; err != nil {
		t.Fatalf("surviving worker: %v", err)
	}
	w := startWorker(t, addr, n, &stored)
	if err := <-w.done; err != nil {
		t.Fatalf("restarted worker: %v", err)
	}
	if check != nil {
		check(t)
	}
	arts := GenerateForWorkers(n)
	CheckStored(t, s, arts)
	CheckStories(t, s, arts)
}

// checkComplete checks that every stored article has its whole extraction
// and one assignment.
func checkComplete(t *testing.T, s Store, arts []news.Article) {
	t.Helper()
	ctx := t.Context()
	// Articles first, then assignments: a worker may still be running, and
	// an article read as stored must have its assignment.
	xs := map[string]news.Extraction{}
	for _, a := range arts {
		if _, x, err := s.Article(ctx, a.ID); err == nil {
			xs[a.ID] = x
		}
	}
	assigned := map[string]int{}
	if err := s.Assignments(ctx, 0, func(_ int64, as news.Assignment) error { assigned[as.ArticleID]++; return nil }); err != nil {
		t.Fatal(err)
	}
	stored := 0
	for _, a := range arts {
		x, ok := xs[a.ID]
		if !ok {
			continue
		}
		stored++
		if len(x.Facts) != len(Extract(a).Facts) || len(x.Quotes) != 1 || assigned[a.ID] != 1 {
			t.Errorf("article %s: partial: %d facts, %d quotes, %d assignments", a.Name, len(x.Facts), len(x.Quotes), assigned[a.ID])
		}
	}
	if stored == 0 {
		t.Error("no article stored before the kill")
	}
	t.Logf("%d of %d articles stored when the workers were killed", stored, len(arts))
}
