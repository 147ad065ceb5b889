package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// DefaultUserAgent identifies recoupe to the sites it fetches.
const DefaultUserAgent = "recoupe/0.1 (+https://github.com/recoupe/recoupe; news cross-checking for journalists)"

// Fetch limits for the default client.
const (
	fetchTimeout     = 30 * time.Second
	maxRedirects     = 5
	maxHeaderBytes   = 1 << 20
	dialTimeout      = 10 * time.Second
	responseHeaderTO = 15 * time.Second
)

// Errors for URL fetches.
var (
	ErrScheme      = errors.New("only http and https URLs are fetched")
	ErrPrivateAddr = errors.New("refusing to connect to a private, loopback or link-local address")
	ErrNotModified = errors.New("not modified since last fetch")
	ErrHTTPStatus  = errors.New("unexpected HTTP status")
)

// Validators remembers the ETag and Last-Modified values a server sent for
// a URL, so that the next fetch asks "If-None-Match"/"If-Modified-Since"
// and an unchanged feed costs one small 304 response.
type Validators interface {
	Get(url string) (etag, lastModified string)
	Put(url, etag, lastModified string)
}

// MemValidators is an in-memory Validators, safe for concurrent use.
type MemValidators struct {
	mu sync.Mutex
	m  map[string][2]string
}

// Get implements Validators.
func (v *MemValidators) Get(u string) (string, string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	e := v.m[u]
	return e[0], e[1]
}

// Put implements Validators.
func (v *MemValidators) Put(u, etag, lastModified string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.m == nil {
		v.m = map[string][2]string{}
	}
	v.m[u] = [2]string{etag, lastModified}
}

// checkURL accepts only absolute http(s) URLs with a host.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("ingest: %s: %w", raw, ErrScheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("ingest: %s: no host", raw)
	}
	return u, nil
}

// publicOnly is a net.Dialer Control function: it runs after DNS
// resolution, on the address actually dialled, so a name that resolves (or
// re-resolves, DNS rebinding) to an internal address is refused too.
func publicOnly(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddr, address)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddr, address)
	}
	if !isPublic(ip) {
		return fmt.Errorf("%w: %s", ErrPrivateAddr, ip)
	}
	return nil
}

// nonPublic lists ranges beyond the stdlib predicates: "this network",
// carrier-grade NAT, IETF protocol assignments, benchmarking, the
// documentation nets, NAT64 and 6to4 relays, reserved and broadcast.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2002::/16"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("100::/64"),
}

func isPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// client returns the HTTP client for fetches: o.HTTPClient, or one with
// timeouts, a redirect limit (http(s) only) and, unless AllowPrivate, a
// dialer that refuses non-public addresses. The default client uses no
// proxy from the environment: a proxy would dial on our behalf and defeat
// the address check.
func (o Options) client() *http.Client {
	if o.HTTPClient != nil {
		return o.HTTPClient
	}
	d := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		d.Control = publicOnly
	}
	tr := &http.Transport{
		DialContext:            d.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  responseHeaderTO,
		MaxResponseHeaderBytes: maxHeaderBytes,
		IdleConnTimeout:        60 * time.Second,
		MaxIdleConnsPerHost:    2,
	}
	return &http.Client{
		Timeout:   fetchTimeout,
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Scheme, ErrScheme)
			}
			return nil
		},
	}
}

// fetched is a fetched document.
type fetched struct {
	url         string // after redirects
	contentType string
	body        []byte
}

// Fetch gets an http(s) URL politely: a User-Agent, conditional headers
// from o.Validators, timeouts, and at most o.MaxBytes of body. It returns
// ErrNotModified (wrapped) on a 304.
func (o Options) fetch(ctx context.Context, raw string) (fetched, error) {
	u, err := checkURL(raw)
	if err != nil {
		return fetched{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fetched{}, fmt.Errorf("ingest: %s: %w", raw, err)
	}
	ua := o.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if o.Validators != nil {
		etag, lm := o.Validators.Get(raw)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		if lm != "" {
			req.Header.Set("If-Modified-Since", lm)
		}
	}
	resp, err := o.client().Do(req)
	if err != nil {
		return fetched{}, fmt.Errorf("ingest: %s: %w", raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return fetched{}, fmt.Errorf("ingest: %s: %w", raw, ErrNotModified)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fetched{}, fmt.Errorf("ingest: %s: %w: %s", raw, ErrHTTPStatus, resp.Status)
	}
	if max := o.maxBytes(); resp.ContentLength > max {
		return fetched{}, fmt.Errorf("ingest: %s: Content-Length %d, more than the %d-byte limit: %w", raw, resp.ContentLength, max, ErrTooLarge)
	}
	body, err := readCapped(raw, resp.Body, o.maxBytes())
	if err != nil {
		return fetched{}, err
	}
	if o.Validators != nil {
		if etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"); etag != "" || lm != "" {
			o.Validators.Put(raw, etag, lm)
		}
	}
	return fetched{url: resp.Request.URL.String(), contentType: strings.ToLower(resp.Header.Get("Content-Type")), body: body}, nil
}
