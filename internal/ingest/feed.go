package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/text/unicode/norm"

	"github.com/recoupe/recoupe/news"
)

// ErrNotFeed is returned for input that is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// IsFeed reports whether data looks like an RSS 1/2, Atom or JSON Feed.
func IsFeed(data []byte) bool {
	switch gofeed.DetectFeedType(bytes.NewReader(data)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	case gofeed.FeedTypeJSON:
		// gofeed calls any JSON object a feed; JSON Feed declares itself.
		return bytes.Contains(data[:min(len(data), 4096)], []byte("jsonfeed.org/version"))
	}
	return false
}

// ParseFeed reads an RSS 1.0/2.0, Atom or JSON feed and returns one Item
// per entry, in feed order: an article, or an error naming the entry when
// it has no text. origin names the feed (file path or URL).
func (o Options) ParseFeed(origin string, data []byte) ([]Item, error) {
	if max := o.maxBytes(); int64(len(data)) > max {
		return nil, fmt.Errorf("ingest: %s: %d bytes, more than the %d-byte limit: %w", origin, len(data), max, ErrTooLarge)
	}
	if !IsFeed(data) {
		return nil, fmt.Errorf("ingest: %s: %w", origin, ErrNotFeed)
	}
	f, err := parseFeedSafely(data)
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: parsing feed: %w", origin, err)
	}
	if o.FeedRead != nil {
		n := 0
		for _, it := range f.Items {
			if it != nil {
				n++
			}
		}
		o.FeedRead(origin, clean(f.Title), n)
	}
	if len(f.Items) == 0 {
		return nil, fmt.Errorf("ingest: %s: feed has no items: %w", origin, ErrEmpty)
	}
	feedLang := baseLang(f.Language)
	if feedLang == "" {
		feedLang = sampleLanguage(f)
	}
	items := make([]Item, 0, len(f.Items))
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		itemOrigin := origin + "#" + strconv.Itoa(i+1)
		a, err := feedArticle(f, it, feedLang)
		if err != nil {
			items = append(items, Item{Origin: itemOrigin, Err: fmt.Errorf("ingest: %s: %w", itemOrigin, err)})
			continue
		}
		if a.Name == "" {
			a.Name = itemOrigin
		}
		items = append(items, Item{Article: a, Origin: itemOrigin})
	}
	return items, nil
}

// parseFeedSafely guards against panics in the third-party parsers on
// hostile input; a feed that panics is reported as unreadable.
func parseFeedSafely(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed parser panic: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

func feedArticle(f *gofeed.Feed, it *gofeed.Item, feedLang string) (news.Article, error) {
	body := it.Content
	if len(strings.TrimSpace(StripHTML(body))) < len(strings.TrimSpace(StripHTML(it.Description))) {
		body = it.Description
	}
	text := cleanExtracted(norm.NFC.String(StripHTML(body)))
	title := clean(StripHTML(it.Title))
	if text == "" {
		text = title
	}
	if text == "" {
		return news.Article{}, fmt.Errorf("item %q: %w", it.Link, ErrEmpty)
	}
	a := news.Article{
		Name:      strings.TrimSpace(it.Link),
		Source:    clean(f.Title),
		URL:       strings.TrimSpace(it.Link),
		Title:     title,
		Author:    feedAuthors(it),
		Published: feedDate(it),
		Text:      text,
	}
	// Feed items are often one-line summaries, on which trigram detection
	// is unreliable (82% right at 60 bytes, see DetectLanguage); they take
	// the feed's language, and only items long enough to judge alone are
	// detected one by one (a multilingual feed keeps its mix).
	a.Language = feedLang
	if len(text) >= minItemLangBytes || feedLang == "" {
		if l := DetectLanguage(text); l != "" {
			a.Language = l
		}
	}
	a.ID = news.ArticleID(a.Text)
	return a, nil
}

// minItemLangBytes is the item text length from which an item's language
// is detected on its own rather than taken from the feed.
const minItemLangBytes = 400

// sampleLanguage detects a feed's language from its first items' text,
// for feeds that do not declare one.
func sampleLanguage(f *gofeed.Feed) string {
	var sb strings.Builder
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		if sb.Len() > langSample {
			break
		}
		sb.WriteString(StripHTML(it.Title))
		sb.WriteString(". ")
		sb.WriteString(StripHTML(firstNonEmpty(it.Description, it.Content)))
		sb.WriteString("\n")
	}
	if sb.Len() < 200 {
		return "" // too little to judge the feed as a whole; items decide
	}
	return DetectLanguage(sb.String())
}

func feedAuthors(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, clean(p.Name))
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			names = append(names, clean(c))
		}
	}
	return strings.Join(names, "; ")
}

// feedDate prefers our parser on the raw string when gofeed could not read
// it (French feeds write "lun., 10 févr. 2025 14:30:00 +0100").
func feedDate(it *gofeed.Item) news.Date {
	for _, c := range []struct {
		parsed *time.Time
		raw    string
	}{{it.PublishedParsed, it.Published}, {it.UpdatedParsed, it.Updated}} {
		// Our parser first: it keeps the publisher's UTC offset (gofeed
		// converts some formats to UTC, which can change the day) and reads
		// French dates; gofeed's parse covers the formats ours does not.
		if d, ok := ParseDate(c.raw); ok && d.Granularity >= news.GranDay {
			return d
		}
		if c.parsed != nil && !c.parsed.IsZero() {
			return dateFromTime(*c.parsed)
		}
	}
	return news.Date{}
}

func dateFromTime(t time.Time) news.Date {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return news.Date{Time: t, Granularity: news.GranDay}
	}
	return news.Date{Time: t.Truncate(time.Minute), Granularity: news.GranMinute}
}

// baseLang turns "fr-FR" into "fr".
func baseLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 {
		return ""
	}
	return s
}
