package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/recoupe/recoupe/internal/ingest/warc"
	"github.com/recoupe/recoupe/news"
)

// Item is one result of Walk: an article, or a skipped input with the
// reason in Err (which names it).
type Item struct {
	Article news.Article
	// Origin says where the item came from: a file path, a URL, a feed
	// entry ("feed.xml#3") or a WARC record ("crawl.warc.gz#1234").
	Origin string
	Err    error
}

// ErrNoMatch is reported for an input that names no file.
var ErrNoMatch = errors.New("no such file, folder or matching glob")

// Walk expands inputs — files, folders (recursively, in name order,
// skipping hidden entries), globs, "-" for standard input, http(s) URLs
// of feeds or pages, feed files, HTML pages and WARC archives — and calls
// fn for each article or skipped item, in a deterministic order. A bad
// item is reported through Item.Err and the walk goes on; an error from fn
// or the context's end stops it and is returned.
func Walk(ctx context.Context, inputs []string, o Options, fn func(Item) error) error {
	w := walker{ctx: ctx, o: o, fn: fn}
	for _, in := range inputs {
		if err := w.input(in); err != nil {
			return err
		}
	}
	return nil
}

// Count returns how many items the inputs name up front: each file found
// (after expanding folders and globs), URL and "-" counts one. Feeds and
// WARC archives hold more; Walk reports those through Options.Found.
func Count(inputs []string) int {
	n := 0
	for _, in := range inputs {
		switch {
		case in == "-" || strings.Contains(in, "://"):
			n++
		default:
			paths, _ := expandPath(in)
			n += max(len(paths), 1)
		}
	}
	return n
}

type walker struct {
	ctx context.Context
	o   Options
	fn  func(Item) error
}

func (w *walker) emit(it Item) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.fn(it)
}

func (w *walker) skip(origin string, err error) error {
	return w.emit(Item{Origin: origin, Err: err})
}

func (w *walker) input(in string) error {
	switch {
	case in == "-":
		data, err := readCapped("stdin", os.Stdin, w.o.maxBytes())
		if err != nil {
			return w.skip("stdin", err)
		}
		return w.data("stdin", "stdin", data, "")
	case strings.Contains(in, "://"):
		return w.url(in)
	}
	paths, err := expandPath(in)
	if err != nil {
		return w.skip(in, err)
	}
	for _, p := range paths {
		var err error
		if p != in && w.o.excluded(p) {
			continue
		}
		if p != in && isDocFile(p) {
			err = w.skip(p, fmt.Errorf("ingest: %s: %w", p, ErrDocFile))
		} else {
			err = w.file(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// docNames are the base names (without extension, upper-cased) of the
// files that describe a folder rather than tell news: README.md, LICENSE,
// SOURCE.md and the like.
var docNames = map[string]bool{
	"README": true, "LICENSE": true, "LICENCE": true, "COPYING": true, "SOURCE": true,
	"SOURCES": true, "CHANGELOG": true, "CHANGES": true, "NOTICE": true, "AUTHORS": true,
	"CONTRIBUTING": true,
}

// isDocFile reports whether path names a folder's documentation file.
func isDocFile(path string) bool {
	base := filepath.Base(path)
	return docNames[strings.ToUpper(strings.TrimSuffix(base, filepath.Ext(base)))]
}

// expandPath turns a file, folder or glob into the sorted list of regular,
// non-hidden files it names.
func expandPath(in string) ([]string, error) {
	st, err := os.Stat(in)
	if err != nil {
		if !strings.ContainsAny(in, "*?[") {
			return nil, fmt.Errorf("ingest: %s: %w", in, ErrNoMatch)
		}
		matches, gerr := filepath.Glob(in)
		if gerr != nil {
			return nil, fmt.Errorf("ingest: %s: %w", in, gerr)
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("ingest: %s: %w", in, ErrNoMatch)
		}
		sort.Strings(matches)
		var out []string
		for _, m := range matches {
			sub, err := expandPath(m)
			if err == nil {
				out = append(out, sub...)
			}
		}
		return out, nil
	}
	if !st.IsDir() {
		return []string{in}, nil
	}
	var out []string
	err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable entries are skipped; the rest goes on
		}
		if p != in && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

func isWARC(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

func (w *walker) file(path string) error {
	if isWARC(path) {
		return w.warcFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return w.skip(path, fmt.Errorf("ingest: %w", err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > w.o.maxBytes() {
		return w.skip(path, fmt.Errorf("ingest: %s: %d bytes, more than the %d-byte limit: %w", path, st.Size(), w.o.maxBytes(), ErrTooLarge))
	}
	data, err := readCapped(path, f, w.o.maxBytes())
	if err != nil {
		return w.skip(path, err)
	}
	return w.data(path, filepath.Base(path), data, "")
}

// data dispatches one document by extension and content: feed, HTML page,
// or text.
func (w *walker) data(origin, name string, data []byte, pageURL string) error {
	// Content first where a name cannot be trusted (stdin, uploads, files
	// without an extension): a WARC archive, or a gzip file, which holds
	// a WARC or one document named without its ".gz".
	switch {
	case bytes.HasPrefix(data, []byte("WARC/")):
		return w.warc(origin, bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte{0x1f, 0x8b}) && pageURL == "":
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return w.skip(origin, fmt.Errorf("ingest: %s: gzip: %w", origin, err))
		}
		head := make([]byte, 5)
		n, _ := io.ReadFull(zr, head)
		if string(head[:n]) == "WARC/" {
			return w.warc(origin, bytes.NewReader(data))
		}
		body, err := readCapped(origin+" (gzip)", io.MultiReader(bytes.NewReader(head[:n]), zr), w.o.maxBytes())
		if err != nil {
			return w.skip(origin, err)
		}
		if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			return w.skip(origin, fmt.Errorf("ingest: %s: gzip inside gzip: %w", origin, ErrBinary))
		}
		return w.data(origin, strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ"), body, pageURL)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case ext == ".jsonl" || ext == ".ndjson" || looksLikeJSONLines(data) && !looksLikeFeed(data):
		items, err := w.o.ParseJSONLines(origin, data)
		if err != nil {
			return w.skip(origin, err)
		}
		return w.items(items)
	case ext == ".xml" || ext == ".rss" || ext == ".atom" || ext == ".json" || ext == ".feed" || looksLikeFeed(data):
		items, err := w.o.ParseFeed(origin, data)
		if err != nil {
			return w.skip(origin, err)
		}
		return w.items(items)
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || looksLikeHTML(data):
		a, err := w.o.ParseHTML(name, data, pageURL)
		if err != nil {
			return w.skip(origin, err)
		}
		return w.emit(Item{Article: a, Origin: origin})
	}
	a, err := w.o.ParseText(name, data)
	if err != nil {
		return w.skip(origin, err)
	}
	return w.emit(Item{Article: a, Origin: origin})
}

func (w *walker) items(items []Item) error {
	if w.o.Found != nil && len(items) > 1 {
		w.o.Found(len(items) - 1)
	}
	for _, it := range items {
		if err := w.emit(it); err != nil {
			return err
		}
	}
	return nil
}

// looksLikeFeed sniffs the first bytes for an RSS/Atom/RDF root or a JSON
// Feed version key.
func looksLikeFeed(data []byte) bool {
	head := data[:min(len(data), 1024)]
	h := bytes.ToLower(head)
	if bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<feed")) || bytes.Contains(h, []byte("<rdf:rdf")) ||
		bytes.Contains(h, []byte("jsonfeed.org/version")) {
		return IsFeed(data)
	}
	return false
}

// looksLikeHTML sniffs for an HTML document.
func looksLikeHTML(data []byte) bool {
	h := bytes.ToLower(bytes.TrimLeft(data[:min(len(data), 1024)], " \t\r\n\uFEFF"))
	return bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")) ||
		(bytes.HasPrefix(h, []byte("<")) && (bytes.Contains(h, []byte("<head")) || bytes.Contains(h, []byte("<body"))))
}

func (w *walker) url(raw string) error {
	f, err := w.o.fetch(w.ctx, raw)
	if err != nil {
		if ctxErr := w.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return w.skip(raw, err)
	}
	mt, _, _ := mime.ParseMediaType(f.contentType)
	switch {
	case strings.Contains(mt, "rss") || strings.Contains(mt, "atom") || strings.Contains(mt, "feed+json") || looksLikeFeed(f.body):
		items, err := w.o.ParseFeed(raw, f.body)
		if err != nil {
			return w.skip(raw, err)
		}
		return w.items(items)
	case strings.Contains(mt, "html") || looksLikeHTML(f.body):
		a, err := w.o.ParseHTML(raw, f.body, f.url)
		if err != nil {
			return w.skip(raw, err)
		}
		return w.emit(Item{Article: a, Origin: raw})
	case strings.HasPrefix(mt, "text/plain"):
		a, err := w.o.ParseText(raw, f.body)
		if err != nil {
			return w.skip(raw, err)
		}
		a.URL = f.url
		return w.emit(Item{Article: a, Origin: raw})
	}
	return w.skip(raw, fmt.Errorf("ingest: %s: unsupported content type %q", raw, mt))
}

func (w *walker) warcFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return w.skip(path, fmt.Errorf("ingest: %w", err))
	}
	defer f.Close()
	return w.warc(path, f)
}

// warc streams an archive: each response (or resource) record holding an
// HTML page becomes an article; other records are passed over silently.
// A damaged archive yields one error item after the records read before
// the damage.
func (w *walker) warc(path string, r io.Reader) error {
	wr, err := warc.NewReader(r)
	if err != nil {
		return w.skip(path, fmt.Errorf("ingest: %s: %w", path, err))
	}
	for records := 0; ; records++ {
		rec, err := wr.Next()
		if err == io.EOF && records == 0 {
			return w.skip(path, fmt.Errorf("ingest: %s: no WARC record: %w", path, ErrEmpty))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return w.skip(path, fmt.Errorf("ingest: %s: %w", path, err))
		}
		origin := fmt.Sprintf("%s#%d", path, rec.Offset)
		page, pageURL, err := w.o.warcPage(origin, rec)
		if err != nil {
			if err := w.skip(origin, err); err != nil {
				return err
			}
			if errors.Is(err, warc.ErrTruncated) {
				return nil // reported once; nothing after it can be read
			}
			continue
		}
		if page == nil {
			continue
		}
		if w.o.Found != nil {
			w.o.Found(1)
		}
		a, err := w.o.parseHTML(pageURL, page, pageURL, captured(rec))
		if err != nil {
			if err := w.skip(origin, err); err != nil {
				return err
			}
			continue
		}
		if err := w.emit(Item{Article: a, Origin: origin}); err != nil {
			return err
		}
	}
}

// captured is a WARC record's capture date (WARC-Date), the latest its
// page can have been published; zero when the record has none. The HTTP
// Last-Modified it was served with is not used: many servers send their
// template's or cache's time, which may predate the article.
func captured(rec *warc.Record) time.Time {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(rec.Get("WARC-Date")))
	if err != nil {
		return time.Time{}
	}
	return t
}

// warcPage returns the HTML payload of a response or resource record, or
// nil for records that hold no page (requests, metadata, images…).
func (o Options) warcPage(origin string, rec *warc.Record) ([]byte, string, error) {
	target := rec.TargetURI()
	ct := strings.ToLower(rec.Get("Content-Type"))
	switch rec.Type() {
	case "response":
		if !strings.HasPrefix(ct, "application/http") {
			return nil, "", nil
		}
		resp, err := http.ReadResponse(bufio.NewReader(rec.Body), nil)
		if err != nil {
			return nil, "", fmt.Errorf("ingest: %s: reading HTTP response of %s: %w", origin, target, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, "", nil
		}
		pct := strings.ToLower(resp.Header.Get("Content-Type"))
		if pct != "" && !strings.Contains(pct, "html") {
			return nil, "", nil
		}
		body, err := readCapped(origin, resp.Body, o.maxBytes())
		if err != nil {
			return nil, "", err
		}
		if enc := strings.ToLower(resp.Header.Get("Content-Encoding")); (enc == "gzip" || enc == "x-gzip") && bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				return nil, "", fmt.Errorf("ingest: %s: gzip payload of %s: %w", origin, target, err)
			}
			if body, err = readCapped(origin, zr, o.maxBytes()); err != nil {
				return nil, "", err
			}
		}
		if pct == "" && !looksLikeHTML(body) {
			return nil, "", nil
		}
		return body, target, nil
	case "resource":
		if !strings.Contains(ct, "html") {
			return nil, "", nil
		}
		body, err := readCapped(origin, rec.Body, o.maxBytes())
		if err != nil {
			return nil, "", err
		}
		return body, target, nil
	}
	return nil, "", nil
}
