package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"

	"github.com/recoupe/recoupe/news"
)

// ErrNoContent is returned when a page has no extractable main text.
var ErrNoContent = errors.New("no main text found")

// DefaultMaxElements bounds the DOM size handed to the extractor when
// Options.MaxElements is 0: hostile pages with millions of elements are
// rejected instead of exhausting memory and time. Real article pages have
// a few thousand.
const DefaultMaxElements = 200_000

// ParseHTML extracts an article from an HTML page's raw bytes. name is how
// the user refers to the page (file name or URL); pageURL, when known (a
// WARC record's target, a feed item's link), helps resolve the canonical
// URL and the date. The character set is detected from the bytes and meta
// tags. The main text comes from go-trafilatura (fallback extractors on,
// comments excluded); title, author and date from the page's own metadata
// (JSON-LD, Open Graph / article: meta tags, <time>) when it has them,
// else from go-trafilatura's metadata.
func (o Options) ParseHTML(name string, data []byte, pageURL string) (news.Article, error) {
	return o.parseHTML(name, data, pageURL, time.Time{})
}

// parseHTML is ParseHTML for a page captured no later than before (a WARC
// record's WARC-Date), zero if unknown. The capture date bounds the publication date
// and is never taken for it: an archived page may be years older than its
// capture, and « hier » resolved against the capture day would invent a
// date. A page with no date evidence of its own stays undated.
func (o Options) parseHTML(name string, data []byte, pageURL string, before time.Time) (news.Article, error) {
	if max := o.maxBytes(); int64(len(data)) > max {
		return news.Article{}, fmt.Errorf("ingest: %s: %d bytes, more than the %d-byte limit: %w", name, len(data), max, ErrTooLarge)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return news.Article{}, fmt.Errorf("ingest: %s: %w", name, ErrEmpty)
	}
	doc, err := parseHTML(data)
	if err != nil {
		return news.Article{}, fmt.Errorf("ingest: %s: parsing html: %w", name, err)
	}
	maxNodes := o.MaxElements
	if maxNodes <= 0 {
		maxNodes = DefaultMaxElements
	}
	if n := countNodes(doc, maxNodes+1); n > maxNodes {
		return news.Article{}, fmt.Errorf("ingest: %s: more than %d html nodes: %w", name, maxNodes, ErrTooLarge)
	}
	meta := scanMeta(doc)
	// go-htmldate runs apart (guessDate), which knows the evidence behind
	// its guess.
	opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true, HtmlDateMode: trafilatura.Disabled}
	// A Wayback Machine capture stands for the archived page: its URL
	// (dates in the path, host as the site's name) is the original's.
	pageURL = unarchivedURL(pageURL)
	if u, err := url.Parse(pageURL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		opts.OriginalURL = u
	}
	res, err := extractSafely(doc, opts)
	if err != nil {
		return news.Article{}, fmt.Errorf("ingest: %s: %w: %w", name, ErrNoContent, err)
	}
	text := cleanExtracted(nodeText(res))
	if text == "" {
		return news.Article{}, fmt.Errorf("ingest: %s: %w", name, ErrNoContent)
	}
	md := res.Metadata
	source := siteName(cleanMeta(md.Sitename), cleanMeta(meta.siteName))
	host := hostOf(firstNonEmpty(md.URL, pageURL))
	title := pageTitle(cleanMeta(firstNonEmpty(meta.title, md.Title)), cleanMeta(meta.h1), source, host)
	title = refineTitle(title, meta, source, host)
	// Article.Title holds the headline; a copy of it heading the body
	// would count as body text (measured on AEB: F1 0.957 → 0.960).
	text = dropTitleLine(text, title)
	if text == "" || strings.EqualFold(strings.TrimSpace(text), strings.TrimSpace(title)) {
		// Nothing but the headline: a page of scripts, a paywall stub.
		return news.Article{}, fmt.Errorf("ingest: %s: only a title (%q): %w", name, title, ErrNoContent)
	}
	a := news.Article{
		Name:     name,
		Source:   source,
		URL:      md.URL,
		Title:    title,
		Author:   chooseAuthor(pageAuthor(cleanMeta(firstNonEmpty(meta.author, md.Author)), source), meta, source),
		Language: DetectLanguage(text),
		Text:     text,
	}
	if a.URL == "" {
		a.URL = pageURL
	}
	// go-htmldate (inside go-trafilatura) weighs URL dates, meta tags and
	// visible dates; publishedDate says when the page's metadata overrules it.
	a.Published = publishedDate(guessDate(doc, md.URL, before), meta, firstNonEmpty(pageURL, md.URL))
	if !before.IsZero() && a.Published.Time.After(before.Add(24*time.Hour)) {
		// Published after it was captured: a wrong date in the markup.
		a.Published = news.Date{}
	}
	if a.Source == "" && a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil {
			a.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	a.ID = news.ArticleID(a.Text)
	return a, nil
}

// parseHTML parses a page to a DOM in UTF-8/NFC. Pages that are valid
// UTF-8 and declare UTF-8 (or nothing) skip statistical charset detection,
// which costs about a sixth of the extraction time; all others go through
// go-shiori/dom's chardet-based decoding, as go-trafilatura's Extract does.
func parseHTML(data []byte) (*html.Node, error) {
	if utf8.Valid(data) {
		if _, name, _ := charset.DetermineEncoding(data[:min(len(data), 4096)], "text/html"); name == "utf-8" {
			s := norm.NFC.String(strings.ReplaceAll(string(data), "\u00AD", ""))
			return html.Parse(strings.NewReader(s))
		}
	}
	return dom.Parse(bytes.NewReader(data))
}

// nodeText renders the extracted content with its paragraph breaks:
// go-trafilatura's ContentText flattens the whole article onto one line,
// which the sentence segmenter and the quote extractor downstream need.
func nodeText(res *trafilatura.ExtractResult) string {
	if res.ContentNode == nil {
		return res.ContentText
	}
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "iframe", "svg", "template":
				return
			case "td", "th", "cell":
				sb.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && contentBlocks[n.Data]
		if block {
			sb.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			sb.WriteByte('\n')
		}
	}
	walk(res.ContentNode)
	return tidyLines(sb.String())
}

// contentBlocks are the elements of go-trafilatura's output tree (HTML
// names and its internal ones: head, list, item, quote, lb, row) that
// stand on their own lines.
var contentBlocks = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"li": true, "item": true, "ul": true, "ol": true, "dl": true, "dd": true, "dt": true, "list": true,
	"blockquote": true, "quote": true, "pre": true, "code": false, "br": true, "lb": true, "hr": true,
	"tr": true, "row": true, "table": true, "section": true, "article": true, "figure": true, "figcaption": true,
	"summary": true, "details": true, "main": true, "header": true, "footer": true, "aside": true, "body": true,
}

// unarchivedURL returns the original URL inside a Wayback Machine capture
// URL ("https://web.archive.org/web/20160218174457/http://carnets.example/
// 2010/05/pont/" → "http://carnets.example/2010/05/pont/"), else raw.
func unarchivedURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Hostname() != "web.archive.org" && u.Hostname() != "wayback.archive.org") {
		return raw
	}
	rest, ok := strings.CutPrefix(u.Path, "/web/")
	if !ok {
		return raw
	}
	_, orig, ok := strings.Cut(rest, "/")
	if !ok {
		return raw
	}
	if u.RawQuery != "" {
		orig += "?" + u.RawQuery
	}
	// Path cleaning may have reduced "http://" to "http:/".
	for _, scheme := range []string{"http:/", "https:/"} {
		if strings.HasPrefix(orig, scheme) && !strings.HasPrefix(orig, scheme+"/") {
			orig = scheme + "/" + orig[len(scheme):]
		}
	}
	if o, err := url.Parse(orig); err != nil || (o.Scheme != "http" && o.Scheme != "https") || o.Host == "" {
		return raw
	}
	return orig
}

// hostOf returns a URL's host name, "" if it has none.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// dropTitleLine removes a first line that repeats the page's title (the
// <h1> go-trafilatura sometimes keeps), when more text follows.
func dropTitleLine(text, title string) string {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || title == "" || strings.TrimSpace(rest) == "" {
		return text
	}
	f, t := strings.ToLower(clean(first)), strings.ToLower(clean(title))
	if f == "" || len(f) > 300 || !(f == t || strings.Contains(t, f) || strings.Contains(f, t)) {
		return text
	}
	return strings.TrimLeft(rest, "\n")
}

// extractSafely runs the extractor and turns a panic inside it (seen on
// hostile markup in third-party code) into an error.
func extractSafely(doc *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("extractor panic: %v", r)
		}
	}()
	return trafilatura.ExtractDocument(doc, opts)
}

func countNodes(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			count++
			walk(c)
		}
	}
	walk(n)
	return count
}

// cleanExtracted normalises extracted text like a text file's: NFC, LF
// line ends, no trailing spaces, share lines and trailing furniture removed.
func cleanExtracted(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsSpace(r) }) {
		return ""
	}
	lines := normaliseLines(s)
	lines = stripFurniture(lines)
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// clean collapses white space in a metadata value and applies NFC.
func clean(s string) string {
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// siteName is the outlet's name: go-trafilatura's, written as the site
// writes it (« franceinfo », not « Franceinfo ») when the page's
// og:site_name is the same name, and with repeats dropped
// (« Magazin; Magazin »).
func siteName(extracted, declared string) string {
	if declared != "" && strings.EqualFold(extracted, declared) {
		return declared
	}
	parts := strings.Split(extracted, "; ")
	kept := parts[:0]
	for _, p := range parts {
		if !slices.ContainsFunc(kept, func(k string) bool { return strings.EqualFold(k, p) }) {
			kept = append(kept, p)
		}
	}
	name := strings.Join(kept, "; ")
	if declared != "" && strings.EqualFold(name, declared) {
		return declared
	}
	return name
}
