package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOpenAPIMatchesRoutes checks that every API route in routes.go is in
// openapi.json and that every documented operation is routed to the
// pattern that documents it.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version = %q, want 3.x", doc.OpenAPI)
	}
	var documented []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	s := &server{mux: http.NewServeMux()}
	s.registerRoutes()
	var routed []string
	for _, r := range s.routes {
		method, p, ok := strings.Cut(r, " ")
		if !ok { // a catch-all without a method answers 404/405 only
			continue
		}
		if strings.HasPrefix(p, "/api/") || p == "/healthz" {
			routed = append(routed, method+" "+p)
		}
	}
	slices.Sort(documented)
	slices.Sort(routed)
	if diff := cmp.Diff(routed, documented); diff != "" {
		t.Errorf("openapi.json paths differ from routes.go (-routed +documented):\n%s", diff)
	}
	for _, op := range documented {
		method, p, _ := strings.Cut(op, " ")
		req := httptest.NewRequest(method, strings.ReplaceAll(p, "{id}", "x1"), nil)
		if _, pattern := s.mux.Handler(req); pattern != op {
			t.Errorf("%s is routed to %q, want %q", op, pattern, op)
		}
	}
}
