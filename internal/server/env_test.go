package server_test

import (
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

// env is a server on loopback over recoupe's engine, on a fresh SQLite
// file holding the seed articles.
type env struct {
	srv *httptest.Server
	b   *recoupe.Engine
	// real is true when the seeds are loaded, so that the seeds'
	// reference (gold.json) applies.
	real bool
}

var _ server.Backend = (*recoupe.Engine)(nil)

func newEnv(t *testing.T, o server.Options) *env {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	eng, err := recoupe.Open(t.Context(), recoupe.Config{
		DB:     filepath.Join(t.TempDir(), "recoupe.db"),
		Logger: logger,
		// The feed test serves its feed on loopback.
		Ingest: ingest.Options{AllowPrivate: o.AllowPrivate},
	})
	if err != nil {
		t.Fatalf("recoupe.Open: %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	dir := shareddata.TestPath(t, "seeds", "articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles in %s: %v", dir, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eng.IngestBytes(t.Context(), filepath.Base(f), data)
		if err != nil || rep.Ingested != 1 {
			t.Fatalf("ingesting %s: %+v, %v", f, rep, err)
		}
	}
	h, err := server.New(logger, eng, web.FS, o)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &env{srv: srv, b: eng, real: true}
}

// testWriter sends the server's log to the test's log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(p))
	return len(p), nil
}
