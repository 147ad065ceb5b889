package recoupe

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/recoupe/recoupe/internal/pipeline"
	"github.com/recoupe/recoupe/news"
)

// summaryEntry caches a story's listing line until the story changes.
type summaryEntry struct {
	sum  news.StorySummary
	ents []news.Entity // the brief's entities, without their mentions
}

// Stories lists stories, most recently updated first, filtered by q, and
// returns one page of them with the number of stories that match.
func (e *Engine) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, int, error) {
	// Other engines sharing the store may have added articles.
	e.mu.Lock()
	err := e.catchUp(ctx)
	e.mu.Unlock()
	if err != nil {
		return nil, 0, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	filtered := q.Outlet != "" || q.Entity != "" || !q.From.IsZero() || !q.To.IsZero()
	text := strings.TrimSpace(q.Text) != ""
	if !filtered && !text {
		// The plain listing, or by language: one page from the store, the
		// total from the engine's own count of stories or the store's.
		page, err := e.store.Stories(ctx, pipeline.StoryQuery{Limit: limit, Offset: q.Offset, Language: q.Language})
		if err != nil {
			return nil, 0, err
		}
		out := make([]news.StorySummary, 0, len(page))
		for _, st := range page {
			se, err := e.summary(ctx, st.ID)
			if err != nil {
				return nil, 0, err
			}
			out = append(out, se.sum)
		}
		if q.Language != "" {
			total, err := e.store.CountStories(ctx, q.Language)
			return out, total, err
		}
		e.mu.Lock()
		total := len(e.sizes)
		e.mu.Unlock()
		return out, total, nil
	}
	// Candidates: the stories of the text search's hits, or of the
	// entity's words (every alias and canonical name is written in some
	// article of the story), or else every story.
	var ids []string
	search := strings.TrimSpace(q.Text)
	if search == "" && q.Entity != "" {
		search = q.Entity
	}
	scan := search == ""
	if !scan {
		hits, err := e.store.Search(ctx, search, maxSearchHits)
		if err != nil {
			return nil, 0, err
		}
		// An entity filter whose words fill the search's cap falls back
		// to a scan, so that no story is missed.
		scan = !text && len(hits) >= maxSearchHits
		seen := map[string]bool{}
		for _, h := range hits {
			if h.StoryID != "" && !seen[h.StoryID] {
				seen[h.StoryID] = true
				ids = append(ids, h.StoryID)
			}
		}
	}
	var out []news.StorySummary
	total := 0
	// keep decides on one story: the cheap filters read the store's
	// story, the entity filter its cached summary; only the stories of
	// the requested page are summarised otherwise.
	want := foldWords(q.Entity) // the entity filter's words, in any order (see matchesName)
	keep := func(st news.Story) error {
		if !storyMatches(st, q) {
			return nil
		}
		var se summaryEntry
		if q.Entity != "" {
			var err error
			if se, err = e.summary(ctx, st.ID); err != nil {
				return err
			}
			if len(want) == 0 || !slices.ContainsFunc(se.ents, func(en news.Entity) bool { return matchesName(en, want) }) {
				return nil
			}
		}
		total++
		if total <= q.Offset || len(out) >= limit {
			return nil
		}
		if q.Entity == "" {
			var err error
			if se, err = e.summary(ctx, st.ID); err != nil {
				return err
			}
		}
		out = append(out, se.sum)
		return nil
	}
	if scan {
		const chunk = 1000
		for off := 0; ; off += chunk {
			page, err := e.store.Stories(ctx, pipeline.StoryQuery{Limit: chunk, Offset: off, Language: q.Language})
			if err != nil {
				return nil, 0, err
			}
			for _, st := range page {
				if err := keep(st); err != nil {
					return nil, 0, err
				}
			}
			if len(page) < chunk {
				break
			}
		}
		return out, total, nil
	}
	for _, id := range ids {
		st, err := e.store.Story(ctx, id)
		if errors.Is(err, news.ErrNotFound) {
			continue // emptied since it was indexed
		}
		if err != nil {
			return nil, 0, err
		}
		if err := keep(st); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// maxSearchHits bounds the full-text hits a listing reads.
const maxSearchHits = 1000

// storyMatches applies the filters that the store's story answers:
// language, outlet and dates.
func storyMatches(s news.Story, q news.StoryQuery) bool {
	if q.Language != "" && !contains(s.Languages, q.Language) {
		return false
	}
	if q.Outlet != "" && !contains(s.Outlets, q.Outlet) {
		return false
	}
	if !q.From.IsZero() && (s.Last.IsZero() || !s.Last.End().After(q.From.Time)) {
		return false
	}
	if !q.To.IsZero() && (s.First.IsZero() || !s.First.Time.Before(q.To.End())) {
		return false
	}
	return true
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if strings.EqualFold(x, y) {
			return true
		}
	}
	return false
}

// summary returns a story's listing line, from the cache when the story
// has not changed since.
func (e *Engine) summary(ctx context.Context, id string) (summaryEntry, error) {
	e.mu.Lock()
	se, ok := e.summaries[id]
	e.mu.Unlock()
	if ok {
		return se, nil
	}
	b, err := e.Brief(ctx, id)
	if err != nil {
		return summaryEntry{}, err
	}
	st, err := e.store.Story(ctx, id)
	if err != nil {
		return summaryEntry{}, err
	}
	se = summaryEntry{
		sum: news.StorySummary{Story: st, Sources: len(b.Articles), Independent: b.Independent},
	}
	se.sum.Title = b.Headline // the story's most representative title (brief.Build)
	for _, f := range b.Facts {
		if f.Status == news.Conflict {
			se.sum.Conflicts++
		}
	}
	for _, en := range b.Entities {
		se.ents = append(se.ents, news.Entity{Name: en.Name, Type: en.Type, Aliases: en.Aliases, Articles: en.Articles})
	}
	e.mu.Lock()
	e.summaries[id] = se
	e.mu.Unlock()
	return se, nil
}

// IngestBytes ingests one uploaded or pasted document: plain text, an
// HTML page, a feed or a WARC archive, told apart by name and content.
func (e *Engine) IngestBytes(ctx context.Context, name string, data []byte) (news.IngestReport, error) {
	base := filepath.Base(filepath.Clean("/" + name))
	if base == "/" || base == "." || base == "" {
		base = "pasted.txt"
	}
	dir, err := os.MkdirTemp("", "recoupe-upload-")
	if err != nil {
		return news.IngestReport{}, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, base)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return news.IngestReport{}, fmt.Errorf("upload %s: %w", base, err)
	}
	rep, err := e.Ingest(ctx, []string{path}, nil)
	// Reasons name the upload, not the server's temporary files.
	for i, s := range rep.Skipped {
		rep.Skipped[i].Origin = strings.ReplaceAll(s.Origin, dir+string(filepath.Separator), "")
		rep.Skipped[i].Reason = strings.ReplaceAll(s.Reason, dir+string(filepath.Separator), "")
	}
	return rep, err
}

// AddFeed subscribes to a feed; PollFeeds reads it. The URL is kept in
// a normal form (scheme and host in lower case, no fragment), so that
// "HTTP://Example.org/feed#top" is the feed "http://example.org/feed".
func (e *Engine) AddFeed(ctx context.Context, url string) error {
	u, err := normalFeedURL(url)
	if err != nil {
		return err
	}
	return e.store.AddFeed(ctx, u)
}

// normalFeedURL checks a feed URL and returns its normal form.
func normalFeedURL(raw string) (string, error) {
	u, err := neturl.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("feed %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme) // url.Parse already does; kept explicit
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("feed %q: only http and https URLs can be polled", raw)
	}
	if u.Host == "" {
		return "", fmt.Errorf("feed %q: no host", raw)
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

// Feeds lists the subscribed feeds.
func (e *Engine) Feeds(ctx context.Context) ([]news.Feed, error) { return e.store.Feeds(ctx) }

// PollFeeds ingests the items of every subscribed feed. Each feed's
// ETag and Last-Modified are kept in the store, so that a feed unchanged
// since its last poll (even by another process) is not read again; so
// are its title, the number of entries the poll saw and the poll's error
// ("" when it succeeded). A poll that does not read the feed (not
// modified, or failing before the feed parses) keeps the title and count
// of the last poll that did, which a later "not modified" still stands
// for, since the validators are those of that read.
func (e *Engine) PollFeeds(ctx context.Context) (news.IngestReport, error) {
	fs, err := e.store.Feeds(ctx)
	if err != nil {
		return news.IngestReport{}, err
	}
	if len(fs) == 0 {
		return news.IngestReport{}, nil
	}
	v := &feedValidators{m: map[string][2]string{}}
	var urls []string
	byURL := map[string]*news.Feed{}
	for i, f := range fs {
		urls = append(urls, f.URL)
		v.m[f.URL] = [2]string{f.ETag, f.LastModified}
		byURL[f.URL] = &fs[i]
	}
	var mu sync.Mutex
	read := map[string]bool{}
	opts := e.cfg.Ingest
	opts.Validators = v
	opts.FeedRead = func(origin, title string, items int) {
		mu.Lock()
		defer mu.Unlock()
		if f := byURL[origin]; f != nil {
			f.Title, f.Items = title, items
			read[origin] = true
		}
	}
	rep, err := e.ingest(ctx, urls, opts, nil)
	// A feed's own failure is the skip named by its URL alone; its items'
	// skips are named URL#n and are no failure of the feed.
	failed := map[string]string{}
	for _, s := range rep.Skipped {
		if _, ok := byURL[s.Origin]; ok {
			failed[s.Origin] = s.Reason
		}
	}
	now := time.Now()
	mu.Lock()
	defer mu.Unlock()
	for i := range fs {
		f := fs[i]
		f.ETag, f.LastModified = v.Get(f.URL)
		f.Polled = now
		f.Error = failed[f.URL]
		if uerr := e.store.UpdateFeed(ctx, f); uerr != nil && err == nil {
			err = uerr
		}
	}
	return rep, err
}

// feedValidators holds the feeds' validators during one poll; PollFeeds
// writes them back to the store.
type feedValidators struct {
	mu sync.Mutex
	m  map[string][2]string
}

func (v *feedValidators) Get(url string) (etag, lastModified string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	x := v.m[url]
	return x[0], x[1]
}

func (v *feedValidators) Put(url, etag, lastModified string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.m[url] = [2]string{etag, lastModified}
}
