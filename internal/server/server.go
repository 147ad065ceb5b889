// Package server is recoupe's HTTP face: a JSON API (documented by the
// OpenAPI document it serves at /api/openapi.json) and a server-rendered
// web page for reading a story the way a fact-checker would.
//
// It imports only news and the standard library. What it needs from the
// library it declares as Backend (recoupe's *Engine implements it); the
// page's templates and static files come in as an fs.FS (package web).
// Every route is listed in routes.go.
//
// Pages are html/template with contextual escaping; article text with its
// highlighted spans is built by markText, which escapes every piece. Every
// response carries a strict Content-Security-Policy (no inline script, no
// outside origin), request bodies are capped with http.MaxBytesReader and
// unsafe cross-origin requests are refused by http.CrossOriginProtection.
package server

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/recoupe/recoupe/news"
)

// Backend is what the server needs from the library.
type Backend interface {
	// Stories lists stories matching q, and the total number that match.
	Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, int, error)
	// Brief returns a story's cross-checked brief, or news.ErrNotFound.
	Brief(ctx context.Context, storyID string) (news.Brief, error)
	// Article returns an article and its extraction, or news.ErrNotFound.
	Article(ctx context.Context, id string) (news.Article, news.Extraction, error)
	// StoryOf returns the story an article is in, or news.ErrNotFound.
	StoryOf(ctx context.Context, articleID string) (string, error)
	// Search is a full-text search over articles.
	Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error)
	// Entities finds the entities of the whole store named (or aliased) q.
	Entities(ctx context.Context, q string, limit int) ([]news.StoreEntity, error)
	// IngestBytes ingests one upload (text, HTML, WARC or feed) named name.
	IngestBytes(ctx context.Context, name string, data []byte) (news.IngestReport, error)
	AddFeed(ctx context.Context, url string) error
	Feeds(ctx context.Context) ([]news.Feed, error)
	PollFeeds(ctx context.Context) (news.IngestReport, error)
	// MoveArticle moves an article to another story; storyID "" splits it
	// out into a new story.
	MoveArticle(ctx context.Context, articleID, storyID string) (string, error)
	// MergedInto returns the story that a story merged automatically went
	// into (following later merges), false if it was not merged.
	MergedInto(ctx context.Context, storyID string) (string, bool)
}

// Defaults for Options.
const (
	DefaultMaxBodyBytes   = 32 << 20 // uploads: a WARC of a few hundred pages
	DefaultRequestTimeout = 30 * time.Second
	DefaultIngestTimeout  = 5 * time.Minute
	DefaultPageSize       = 20
	MaxPageSize           = 200
	// maxFormBytes caps the small non-upload forms and JSON bodies.
	maxFormBytes = 64 << 10
)

// Options configure New. Zero fields take the defaults above.
type Options struct {
	// MaxBodyBytes caps an upload's body; larger requests get 413.
	MaxBodyBytes int64
	// RequestTimeout bounds the backend calls of one read request;
	// IngestTimeout those of an ingest, feed poll or move.
	RequestTimeout time.Duration
	IngestTimeout  time.Duration
	// AllowPrivate lets feed URLs point at loopback, private and link-local
	// addresses (off by default, so that a page visitor cannot make the
	// server fetch from the newsroom's internal network).
	AllowPrivate bool
	// AllowedHosts, when set, are the only host names (the Host header
	// without its port) the server answers; others get 421. A server on
	// loopback should allow only loopback names, so that a web page whose
	// domain is re-pointed at 127.0.0.1 (DNS rebinding) cannot use it.
	AllowedHosts []string
}

// LoopbackHosts are the host names of a server that listens on loopback.
var LoopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

func (o Options) withDefaults() Options {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	if o.IngestTimeout <= 0 {
		o.IngestTimeout = DefaultIngestTimeout
	}
	return o
}

// server holds the parsed page and the backend; its methods are the handlers.
type server struct {
	log     *slog.Logger
	b       Backend
	o       Options
	static  fs.FS
	pages   map[string]*template.Template
	mux     *http.ServeMux
	routes  []string // every pattern registered, in order (see routes.go)
	openapi []byte
}

// New returns the HTTP handler for the API and the page. page must hold
// templates/*.html and static/ (package web's FS). It returns an error if
// the templates do not parse.
func New(logger *slog.Logger, b Backend, page fs.FS, o Options) (http.Handler, error) {
	s, err := newServer(logger, b, page, o)
	if err != nil {
		return nil, err
	}
	return s.handler(), nil
}

func newServer(logger *slog.Logger, b Backend, page fs.FS, o Options) (*server, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if b == nil {
		return nil, errors.New("server: nil backend")
	}
	pages, err := parsePages(page)
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(page, "static")
	if err != nil {
		return nil, fmt.Errorf("server: page static files: %w", err)
	}
	s := &server{
		log:     logger,
		b:       b,
		o:       o.withDefaults(),
		static:  static,
		pages:   pages,
		mux:     http.NewServeMux(),
		openapi: openapiJSON,
	}
	s.registerRoutes()
	return s, nil
}

// handler wraps the mux in the middleware every request goes through,
// outermost first: panic recovery and logging, security headers, then the
// cross-origin check on unsafe methods.
func (s *server) handler() http.Handler {
	var h http.Handler = s.mux
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, errors.New("cross-origin request refused"))
	}))
	h = cop.Handler(h)
	h = s.checkHost(h)
	h = securityHeaders(h)
	return s.logRecover(h)
}

// checkHost refuses requests for a host name the server does not serve
// (Options.AllowedHosts).
func (s *server) checkHost(h http.Handler) http.Handler {
	if len(s.o.AllowedHosts) == 0 {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			host = hh
		}
		host = strings.Trim(strings.ToLower(host), "[]")
		if !slices.Contains(s.o.AllowedHosts, host) {
			s.fail(w, r, http.StatusMisdirectedRequest, fmt.Errorf("host %q is not served here", host))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Server timeouts used by NewHTTPServer. WriteTimeout is long because an
// ingest answers only when the upload has been read and cross-checked.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 2 * time.Minute
	WriteTimeout      = 10 * time.Minute
	IdleTimeout       = 2 * time.Minute
	MaxHeaderBytes    = 64 << 10
)

// NewHTTPServer returns an http.Server for h listening on addr, with the
// timeouts above, so that slow or idle clients cannot hold connections.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

// contentSecurityPolicy allows only this origin's script and style: no
// inline script, no eval, no outside fonts, frames or form targets.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.ServeHTTP(w, r)
	})
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRecover logs each request: at debug level, client errors at info,
// refused requests (403, 421) at warn, server errors at error; and it
// turns a handler panic into a 500 instead of a dropped connection.
func (s *server) logRecover(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				if !sw.wrote {
					s.fail(sw, r, http.StatusInternalServerError, errors.New("internal error"))
				}
			}
			// Refused requests (wrong Host, cross-site writes) are what an
			// operator watches for; other client errors are routine.
			lvl := slog.LevelDebug
			switch {
			case sw.status >= 500:
				lvl = slog.LevelError
			case sw.status == http.StatusForbidden || sw.status == http.StatusMisdirectedRequest:
				lvl = slog.LevelWarn
			case sw.status >= 400 && sw.status != http.StatusNotFound:
				lvl = slog.LevelInfo
			}
			s.log.Log(r.Context(), lvl, "request", "method", r.Method, "path", r.URL.Path,
				"status", sw.status, "duration", time.Since(start))
		}()
		h.ServeHTTP(sw, r)
	})
}
