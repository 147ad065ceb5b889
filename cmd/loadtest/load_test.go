package main

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHammer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/bad") {
			http.Error(w, "no", http.StatusInternalServerError)
		}
	}))
	t.Cleanup(srv.Close)
	tests := []struct {
		name       string
		path       string
		max        int
		wantErrors bool
	}{
		{"ok", "/ok", 50, false},
		{"errors counted", "/bad", 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := scenario{tt.name, func(int) string { return srv.URL + tt.path }}
			r := hammer(t.Context(), srv.Client(), sc, 4, 10*time.Second, tt.max)
			if r.requests != tt.max {
				t.Errorf("requests = %d, want the bound %d", r.requests, tt.max)
			}
			if got := r.errors == r.requests; got != tt.wantErrors {
				t.Errorf("errors = %d of %d, want all errors: %v", r.errors, r.requests, tt.wantErrors)
			}
			if r.p99 < r.p50 || r.max < r.p99 {
				t.Errorf("latencies p50 %v p99 %v max %v out of order", r.p50, r.p99, r.max)
			}
		})
	}
}

// TestArticleDeterministic checks that the same seeds give the same text,
// and that a story's articles share its names.
func TestArticleDeterministic(t *testing.T) {
	gen := func(st, j int) string {
		s := newStory(rand.New(rand.NewPCG(1, uint64(st))), st)
		return s.article(rand.New(rand.NewPCG(1, uint64(j))), j)
	}
	if a, b := gen(3, 1), gen(3, 1); a != b {
		t.Fatalf("same seeds, different articles:\n%s\n%s", a, b)
	}
	s := newStory(rand.New(rand.NewPCG(1, 3)), 3)
	for j := range storySize {
		if a := gen(3, j); !strings.Contains(a, s.org) || !strings.Contains(a, s.person) {
			t.Errorf("article %d of story 3 lacks %q or %q:\n%s", j, s.org, s.person, a)
		}
	}
}
