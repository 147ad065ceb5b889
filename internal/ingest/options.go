package ingest

import (
	"net/http"
	"path/filepath"
	"slices"
)

// Options configures ingest. The zero value is usable: default size limit,
// public addresses only, a descriptive User-Agent, a client with timeouts.
type Options struct {
	// MaxBytes caps any one input (file, page, feed, WARC record body);
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxElements caps the number of nodes of an HTML page; 0 means
	// DefaultMaxElements.
	MaxElements int
	// AllowPrivate lets URL fetches reach loopback, private and link-local
	// addresses (off by default: no SSRF from a shared server).
	AllowPrivate bool
	// UserAgent is sent with every request; "" means DefaultUserAgent.
	UserAgent string
	// HTTPClient, when set, is used for fetches as given (its transport
	// decides which addresses are reachable). Nil means a client whose
	// dialer enforces AllowPrivate.
	HTTPClient *http.Client
	// Validators, when set, remembers ETag/Last-Modified per URL so that
	// re-fetching an unchanged feed yields ErrNotModified.
	Validators Validators
	// Found, when set, is called as inputs reveal how many items they hold
	// (a feed's entries, a WARC archive's records), so a progress bar can
	// grow its total; see Count for the inputs known up front.
	Found func(n int)
	// FeedRead, when set, is called for each feed that parses, with its
	// origin (file path or URL), its own title and how many entries it
	// holds, before its items are yielded (a feed of no entries is
	// reported too, then skipped as empty). Walk makes the calls one at a
	// time.
	FeedRead func(origin, title string, items int)
	// Exclude lists files that a folder or glob never yields (the store's
	// own database files when it sits among the inputs), compared as
	// absolute paths.
	Exclude []string
}

// excluded reports whether path is one of o.Exclude.
func (o Options) excluded(path string) bool {
	if len(o.Exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	return slices.Contains(o.Exclude, abs)
}
