package server_test

import (
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/web"
)

// env is a running server on loopback and the backend behind it.
type env struct {
	srv *httptest.Server
	b   server.Backend
	// real is true when b is recoupe's engine with the seeds loaded, so
	// that the seeds' reference (gold.json) applies.
	real bool
}

func newEnv(t *testing.T, o server.Options) *env {
	t.Helper()
	b := newFake()
	logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h, err := server.New(logger, b, web.FS, o)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &env{srv: srv, b: b}
}

// testWriter sends the server's log to the test's log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(p))
	return len(p), nil
}
