package ingest

import (
	"net/http"
)

// Options configures ingest. The zero value is usable: default size limit,
// public addresses only, a descriptive User-Agent, a client with timeouts.
type Options struct {
	// MaxBytes caps any one input (file, page, feed, WARC record body);
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// AllowPrivate lets URL fetches reach loopback, private and link-local
	// addresses (off by default: no SSRF from a shared server).
	AllowPrivate bool
	// UserAgent is sent with every request; "" means DefaultUserAgent.
	UserAgent string
	// HTTPClient, when set, is used for fetches as given (its transport
	// decides which addresses are reachable). Nil means a client whose
	// dialer enforces AllowPrivate.
	HTTPClient *http.Client
}
