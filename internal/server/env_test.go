package server_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/recoupe/recoupe"
	"github.com/recoupe/recoupe/internal/ingest"
	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/web"
)

// The package's tests share one engine on a SQLite file holding the seed
// articles: opening the engine loads the extractors' models, which takes
// seconds under -race. Each test gets its own server (with its own
// Options) over it. Tests add fictional articles but never move or remove
// the seeds'.
var shared struct {
	eng *recoupe.Engine
	err error // why the engine could not be set up; tests skip on ErrMissing
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "recoupe-server-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared.eng, shared.err = openSeeded(filepath.Join(dir, "recoupe.db"))
	code := m.Run()
	if shared.eng != nil {
		shared.eng.Close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// openSeeded opens recoupe's engine on a new SQLite file and ingests the
// seed articles through IngestBytes, as an upload would.
func openSeeded(db string) (*recoupe.Engine, error) {
	ctx := context.Background()
	dir, err := shareddata.Path("seeds", "articles")
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no seed articles in %s: %v", dir, err)
	}
	eng, err := recoupe.Open(ctx, recoupe.Config{
		DB: db,
		// The feed test serves its feed on loopback; the server's own
		// check (Options.AllowPrivate) is what the tests vary.
		Ingest: ingest.Options{AllowPrivate: true},
	})
	if err != nil {
		return nil, fmt.Errorf("recoupe.Open: %w", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			eng.Close()
			return nil, err
		}
		rep, err := eng.IngestBytes(ctx, filepath.Base(f), data)
		if err != nil || rep.Ingested != 1 {
			eng.Close()
			return nil, fmt.Errorf("ingesting %s: %+v, %v", f, rep, err)
		}
	}
	return eng, nil
}

// env is a server on loopback over the shared engine.
type env struct {
	srv *httptest.Server
	b   *recoupe.Engine
	// real is true when the backend is the engine with the seeds, so that
	// the seeds' reference (gold.json) applies.
	real bool
}

var _ server.Backend = (*recoupe.Engine)(nil)

func newEnv(t *testing.T, o server.Options) *env {
	t.Helper()
	if shared.err != nil {
		if errors.Is(shared.err, shareddata.ErrMissing) || errors.Is(shared.err, fs.ErrNotExist) {
			t.Skipf("skipping: %v", shared.err)
		}
		t.Fatalf("setting up the engine: %v", shared.err)
	}
	logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h, err := server.New(logger, shared.eng, web.FS, o)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &env{srv: srv, b: shared.eng, real: true}
}

// testWriter sends the server's log to the test's log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(p))
	return len(p), nil
}
