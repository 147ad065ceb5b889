package server

import "net/http"

// registerRoutes lists every route the server answers. Routes under /api/
// and /healthz must be documented in openapi.json (TestOpenAPIMatchesRoutes
// checks both ways).
func (s *server) registerRoutes() {
	// JSON API.
	s.handle("GET /healthz", s.healthz)
	s.handle("GET /api/openapi.json", s.apiOpenAPI)
	s.handle("GET /api/stories", s.apiStories)
	s.handle("GET /api/stories/{id}", s.apiBrief)
	s.handle("GET /api/stories/{id}/export.json", s.exportJSON)
	s.handle("GET /api/stories/{id}/export.jsonl", s.exportJSONL)
	s.handle("GET /api/stories/{id}/export.csv", s.exportCSV)
	s.handle("GET /api/stories/{id}/export.md", s.exportMarkdown)
	s.handle("GET /api/articles/{id}", s.apiArticle)
	s.handle("POST /api/articles", s.apiIngest)
	s.handle("POST /api/articles/{id}/move", s.apiMove)
	s.handle("GET /api/search", s.apiSearch)
	s.handle("GET /api/entities", s.apiEntities)
	s.handle("GET /api/feeds", s.apiFeeds)
	s.handle("POST /api/feeds", s.apiAddFeed)
	s.handle("POST /api/feeds/poll", s.apiPollFeeds)
	s.handle("/api/", s.notFound)

	// Page.
	s.handle("GET /{$}", s.pageStories)
	s.handle("GET /stories/{id}", s.pageStory)
	s.handle("GET /articles/{id}", s.pageArticle)
	s.handle("POST /articles/{id}/move", s.pageMove)
	s.handle("GET /add", s.pageAdd)
	s.handle("POST /add", s.pageIngest)
	s.handle("POST /feeds", s.pageAddFeed)
	s.handle("POST /feeds/poll", s.pagePollFeeds)
	s.handle("GET /static/{path...}", s.staticFile)
	s.handle("/", s.notFound)
}

func (s *server) handle(pattern string, h http.HandlerFunc) {
	s.routes = append(s.routes, pattern)
	s.mux.HandleFunc(pattern, h)
}

// notFound answers paths no route matches: 405 with Allow when another
// method would match, 404 otherwise; JSON under /api/.
func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method || (m == http.MethodGet && r.Method == http.MethodHead) {
			continue
		}
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, p := s.mux.Handler(r2); p != "/" && p != "/api/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		for _, m := range allow {
			w.Header().Add("Allow", m)
		}
		s.fail(w, r, http.StatusMethodNotAllowed, errBad("method "+r.Method+" not allowed"))
		return
	}
	s.fail(w, r, http.StatusNotFound, errBad("no such page: "+r.URL.Path))
}
