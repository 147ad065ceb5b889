package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// RunPersistent checks that what a store holds survives closing it and
// opening it again: open returns an empty store and a function that opens
// the same database anew once the first store is closed.
func RunPersistent(t *testing.T, open func(t *testing.T) (s Store, reopen func() Store)) {
	ctx := t.Context()
	s, reopen := open(t)
	arts := GenerateForWorkers(60)
	c := NewClusterer()
	for _, a := range arts {
		if _, err := c.Ingest(ctx, s, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MoveArticle(ctx, arts[0].ID, "split-story"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddFeed(ctx, "https://example.org/feed.xml"); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateFeed(ctx, news.Feed{URL: "https://example.org/feed.xml", ETag: "e1", Polled: time.Date(2025, 2, 10, 0, 0, 0, 0, time.UTC), Title: "Le Fictif", Items: 2}); err != nil {
		t.Fatal(err)
	}
	type snapshot struct {
		Stories  []news.Story
		Assigns  []news.Assignment
		Feeds    []news.Feed
		Articles []news.Article
		Hits     []news.SearchHit
		First    news.Extraction
	}
	snap := func(s Store) snapshot {
		t.Helper()
		var sn snapshot
		var err error
		if sn.Stories, err = s.Stories(ctx, news.StoryQuery{Limit: 1000}); err != nil {
			t.Fatal(err)
		}
		if err := s.Assignments(ctx, 0, func(_ int64, a news.Assignment) error { sn.Assigns = append(sn.Assigns, a); return nil }); err != nil {
			t.Fatal(err)
		}
		if sn.Feeds, err = s.Feeds(ctx); err != nil {
			t.Fatal(err)
		}
		if sn.Articles, err = s.Articles(ctx, news.ArticleQuery{Limit: 1000}); err != nil {
			t.Fatal(err)
		}
		if sn.Hits, err = s.Search(ctx, "emplois imaginaire", 5); err != nil {
			t.Fatal(err)
		}
		if _, sn.First, err = s.Article(ctx, arts[0].ID); err != nil {
			t.Fatal(err)
		}
		return sn
	}
	before := snap(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = reopen()
	after := snap(s)
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("after reopening (-before +after):\n%s", diff)
	}
	if len(before.Hits) == 0 || len(before.Stories) != Topics+1 {
		t.Errorf("before reopening: %d hits, %d stories, want some and %d", len(before.Hits), len(before.Stories), Topics+1)
	}
	split, err := s.Story(ctx, "split-story")
	if err != nil || len(split.Articles) != 1 || split.Articles[0] != arts[0].ID {
		t.Errorf("split story after reopening = %+v, %v, want it to hold %s", split, err, arts[0].ID)
	}
	// Ingest goes on where it stopped, with a fresh clusterer.
	more := GenerateForWorkers(80)
	c = NewClusterer()
	for _, a := range more {
		if _, err := c.Ingest(ctx, s, a); err != nil {
			t.Fatal(err)
		}
	}
	var back string // the story of arts[0]'s topic
	if err := s.Assignments(ctx, 0, func(_ int64, as news.Assignment) error {
		if as.ArticleID == arts[Topics].ID && back == "" {
			back = as.StoryID
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveArticle(ctx, arts[0].ID, back); err != nil { // merge back
		t.Fatal(err)
	}
	if _, err := s.Story(ctx, "split-story"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("split story after merging back: error %v, want ErrNotFound", err)
	}
	CheckStored(t, s, more)
	CheckStories(t, s, more)
}
