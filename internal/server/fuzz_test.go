package server_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/web"
)

// FuzzGet sends arbitrary GET requests (path and query) to the server
// over the seeded engine: none may get a 5xx or panic.
func FuzzGet(f *testing.F) {
	for _, s := range []string{
		"/", "/api/stories?q=musk&lang=fr&from=2025&to=2025-03&limit=5&offset=1",
		"/api/stories/%00", "/articles/x?hl=-1-99999999999999999999", "/static/..%2f..%2fgo.mod",
		"/api/search?q=%22NEAR(", "/stories/%ff%fe", "/api/stories?from=2025-13-45",
		"/api/stories/x/export.csv", "/?offset=99999999999999999999&limit=-0",
	} {
		f.Add(s)
	}
	if shared.err != nil {
		f.Skipf("skipping: %v", shared.err)
	}
	h, err := server.New(slog.New(slog.DiscardHandler), shared.eng, web.FS, server.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, target string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n\t#") {
			return
		}
		req, err := http.NewRequest("GET", "http://x"+target, nil)
		if err != nil {
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Errorf("GET %s = %d: %.200s", target, rec.Code, rec.Body)
		}
	})
}
