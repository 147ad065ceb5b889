// Package memstore is an in-memory, non-persistent recoupe store, for tests
// and demos. It behaves as the SQLite and PostgreSQL stores do (all three
// pass storetest.Run): it keeps extractions encoded as they do, so a round
// trip gives the same values, and it searches with the same analysis
// (package fulltext).
package memstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/recoupe/recoupe/internal/store/fulltext"
	"github.com/recoupe/recoupe/internal/store/internal/record"
	"github.com/recoupe/recoupe/news"
)

// ErrClosed is returned by a closed store.
var ErrClosed = errors.New("memstore: closed")

// Store is an in-memory store; its methods are safe for concurrent use.
type Store struct {
	mu       sync.RWMutex
	closed   bool
	seq      int64 // last sequence number given to an article or assignment
	articles map[string]*entry
	stories  map[string]*story
	assigns  []assignment
	feeds    []news.Feed

	assignMu sync.Mutex
}

type entry struct {
	article    news.Article
	extraction string // JSON, as the SQL stores keep it
	stored     int64  // sequence number when stored
	storyID    string
	joined     int64 // sequence number of the assignment into storyID
	terms      map[string]int
}

type story struct {
	id, title string
	updated   time.Time
	touched   int64 // sequence number of the last change
}

type assignment struct {
	seq int64
	a   news.Assignment
}

// New returns an empty store.
func New() *Store {
	return &Store{articles: map[string]*entry{}, stories: map[string]*story{}}
}

// Close empties the store; later calls fail with ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.articles, s.stories, s.assigns, s.feeds = nil, nil, nil, nil
	return nil
}

func (s *Store) check(ctx context.Context) error {
	if s.closed {
		return ErrClosed
	}
	return ctx.Err()
}

// HasArticle reports whether an article is stored.
func (s *Store) HasArticle(ctx context.Context, id string) (bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return false, err
	}
	_, ok := s.articles[id]
	return ok, nil
}

// PutArticle stores an article with its extraction and assignment; it
// reports false and changes nothing when the article is already stored.
func (s *Store) PutArticle(ctx context.Context, a news.Article, x news.Extraction, as news.Assignment) (bool, error) {
	if err := record.Prepare(a, &x, &as); err != nil {
		return false, err
	}
	xs, err := record.EncodeExtraction(x)
	if err != nil {
		return false, err
	}
	a = record.Normalize(a)
	terms := map[string]int{}
	for _, t := range strings.Fields(fulltext.Document(a.Language, a.Title, a.Text)) {
		terms[t]++
	}
	as.Shared = slices.Clone(as.Shared)

	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return false, err
	}
	if _, ok := s.articles[a.ID]; ok {
		return false, nil
	}
	s.seq++
	e := &entry{article: a, extraction: xs, stored: s.seq, terms: terms}
	s.articles[a.ID] = e
	if as.StoryID != "" {
		s.assign(e, as)
	}
	return true, nil
}

// assign records an assignment and moves e into its story, creating it.
func (s *Store) assign(e *entry, as news.Assignment) {
	s.seq++
	now := record.Now()
	st, ok := s.stories[as.StoryID]
	if !ok {
		st = &story{id: as.StoryID, title: record.StoryTitle(e.article)}
		s.stories[st.id] = st
	}
	st.updated, st.touched = now, s.seq
	e.storyID, e.joined = as.StoryID, s.seq
	s.assigns = append(s.assigns, assignment{s.seq, as})
}

// Article returns a stored article and its extraction.
func (s *Store) Article(ctx context.Context, id string) (news.Article, news.Extraction, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return news.Article{}, news.Extraction{}, err
	}
	e, ok := s.articles[id]
	if !ok {
		return news.Article{}, news.Extraction{}, fmt.Errorf("article %s: %w", id, news.ErrNotFound)
	}
	x, err := record.DecodeExtraction(e.extraction)
	return e.article, x, err
}

// members returns a story's articles in join order.
func (s *Store) members(id string) []*entry {
	var es []*entry
	for _, e := range s.articles {
		if e.storyID == id {
			es = append(es, e)
		}
	}
	slices.SortFunc(es, func(a, b *entry) int { return cmp.Compare(a.joined, b.joined) })
	return es
}

func (s *Store) story(st *story) news.Story {
	out := news.Story{ID: st.id, Title: st.title, Updated: st.updated, Articles: []string{}}
	var ms []record.Member
	for _, e := range s.members(st.id) {
		out.Articles = append(out.Articles, e.article.ID)
		ms = append(ms, record.Member{Published: e.article.Published, Language: e.article.Language, Source: e.article.Source})
	}
	record.Summarize(ms, &out)
	return out
}

// Story returns one story.
func (s *Store) Story(ctx context.Context, id string) (news.Story, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return news.Story{}, err
	}
	st, ok := s.stories[id]
	if !ok {
		return news.Story{}, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	return s.story(st), nil
}

// Stories lists stories, most recently updated first.
func (s *Store) Stories(ctx context.Context, q news.StoryQuery) ([]news.Story, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	sts := s.inLanguage(q.Language)
	slices.SortFunc(sts, func(a, b *story) int { return cmp.Or(cmp.Compare(b.touched, a.touched), strings.Compare(a.id, b.id)) })
	out := []news.Story{}
	for _, st := range page(sts, q.Offset, q.Limit) {
		out = append(out, s.story(st))
	}
	return out, nil
}

// CountStories counts the stories with an article in language, or all.
func (s *Store) CountStories(ctx context.Context, language string) (int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return 0, err
	}
	return len(s.inLanguage(language)), nil
}

// inLanguage returns the stories with an article in language, or all
// when it is "". s.mu must be held.
func (s *Store) inLanguage(language string) []*story {
	var in map[string]bool
	if language != "" {
		in = map[string]bool{}
		for _, e := range s.articles {
			if e.article.Language == language {
				in[e.storyID] = true
			}
		}
	}
	sts := make([]*story, 0, len(s.stories))
	for _, st := range s.stories {
		if in == nil || in[st.id] {
			sts = append(sts, st)
		}
	}
	return sts
}

func page[T any](s []T, offset, limit int) []T {
	offset = max(offset, 0)
	if offset >= len(s) {
		return nil
	}
	return s[offset:min(len(s), offset+record.Limit(limit))]
}

// Assignments calls fn for each assignment after sequence number after.
// fn runs without the store's lock held, on a snapshot.
func (s *Store) Assignments(ctx context.Context, after int64, fn func(seq int64, a news.Assignment) error) error {
	s.mu.RLock()
	if err := s.check(ctx); err != nil {
		s.mu.RUnlock()
		return err
	}
	i, _ := slices.BinarySearchFunc(s.assigns, after+1, func(a assignment, seq int64) int { return cmp.Compare(a.seq, seq) })
	snap := slices.Clone(s.assigns[i:])
	s.mu.RUnlock()
	for _, a := range snap {
		if err := ctx.Err(); err != nil {
			return err
		}
		a.a.Shared = slices.Clone(a.a.Shared)
		if err := fn(a.seq, a.a); err != nil {
			return err
		}
	}
	return nil
}

// Articles lists articles: a story's in join order, else most recently
// stored first, filtered by q.
func (s *Store) Articles(ctx context.Context, q news.ArticleQuery) ([]news.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	var es []*entry
	for _, e := range s.articles {
		a := e.article
		switch {
		case q.StoryID != "" && e.storyID != q.StoryID,
			q.Language != "" && a.Language != q.Language,
			q.Source != "" && a.Source != q.Source,
			(!q.Since.IsZero() || !q.Until.IsZero()) && a.Published.IsZero(),
			!q.Since.IsZero() && a.Published.Time.UnixMicro() < q.Since.UnixMicro(),
			!q.Until.IsZero() && a.Published.Time.UnixMicro() >= q.Until.UnixMicro():
			continue
		}
		es = append(es, e)
	}
	if q.StoryID != "" {
		slices.SortFunc(es, func(a, b *entry) int { return cmp.Compare(a.joined, b.joined) })
	} else {
		slices.SortFunc(es, func(a, b *entry) int { return cmp.Compare(b.stored, a.stored) })
	}
	out := []news.Article{}
	for _, e := range page(es, q.Offset, q.Limit) {
		out = append(out, e.article)
	}
	return out, nil
}

// Search finds articles whose title and text have every word of q (see
// package fulltext), best first.
func (s *Store) Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error) {
	fq := fulltext.ParseQuery(q)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	type hit struct {
		e     *entry
		score float64
	}
	var hits []hit
	for _, e := range s.articles {
		if score, ok := fq.Match(e.terms); ok {
			hits = append(hits, hit{e, score / float64(len(e.terms)+1)})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.e.stored, a.e.stored))
	})
	out := []news.SearchHit{}
	for _, h := range page(hits, 0, limit) {
		a := h.e.article
		out = append(out, news.SearchHit{ArticleID: a.ID, StoryID: h.e.storyID, Title: a.Title,
			Snippet: fulltext.Snippet(a.Language, a.Text, fq), Score: h.score})
	}
	return out, nil
}

// MoveArticle moves an article into a story, creating the story when it
// does not exist (a split) and deleting the story it leaves when that one
// is left empty (a merge). The move is recorded as a manual assignment.
func (s *Store) MoveArticle(ctx context.Context, articleID, storyID string) error {
	if storyID == "" {
		return fmt.Errorf("move article %s: empty story id", articleID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	e, ok := s.articles[articleID]
	if !ok {
		return fmt.Errorf("move article %s: %w", articleID, news.ErrNotFound)
	}
	if e.storyID == storyID {
		return nil
	}
	from := e.storyID
	_, exists := s.stories[storyID]
	s.assign(e, news.Assignment{ArticleID: articleID, StoryID: storyID, New: !exists, Manual: true})
	if st, ok := s.stories[from]; ok {
		if ms := s.members(from); len(ms) == 0 {
			delete(s.stories, from)
		} else {
			st.updated, st.touched = record.Now(), s.seq
			// When the article that titled the story goes, the story's
			// earliest remaining article titles it.
			if st.title == record.StoryTitle(e.article) {
				st.title = record.StoryTitle(ms[0].article)
			}
		}
	}
	return nil
}

// AddFeed subscribes to a feed; adding it again does nothing.
func (s *Store) AddFeed(ctx context.Context, url string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	if !slices.ContainsFunc(s.feeds, func(f news.Feed) bool { return f.URL == url }) {
		s.feeds = append(s.feeds, news.Feed{URL: url})
	}
	return nil
}

// Feeds lists the feeds in the order they were added.
func (s *Store) Feeds(ctx context.Context) ([]news.Feed, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	return append([]news.Feed{}, s.feeds...), nil
}

// UpdateFeed records a poll of the feed f.URL: its validators, poll
// time, title, item count and error.
func (s *Store) UpdateFeed(ctx context.Context, f news.Feed) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	i := slices.IndexFunc(s.feeds, func(g news.Feed) bool { return g.URL == f.URL })
	if i < 0 {
		return fmt.Errorf("feed %s: %w", f.URL, news.ErrNotFound)
	}
	f.Polled = f.Polled.UTC().Truncate(time.Microsecond)
	s.feeds[i] = f
	return nil
}

// LockAssign takes the store's assignment lock, which serialises story
// assignment among the workers that share the store; call unlock to
// release it.
func (s *Store) LockAssign(ctx context.Context) (unlock func(), err error) {
	locked := make(chan struct{})
	go func() {
		s.assignMu.Lock()
		close(locked)
	}()
	select {
	case <-locked:
		return s.assignMu.Unlock, nil
	case <-ctx.Done():
		go func() { <-locked; s.assignMu.Unlock() }()
		return nil, ctx.Err()
	}
}
