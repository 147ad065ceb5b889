// Package storetest is the suite every recoupe store must pass, so that
// the in-memory, SQLite and PostgreSQL stores behave alike. Each store's
// tests call Run with a function that opens an empty store; stores that
// persist also call RunPersistent, and stores shared by several workers
// call Workers. All articles here are fictional, written for these tests.
package storetest

import (
	"context"
	"time"

	"github.com/recoupe/recoupe/internal/pipeline"
	"github.com/recoupe/recoupe/news"
)

// Store is pipeline.Store plus the methods the server and the command line
// use; every recoupe store has them.
type Store interface {
	pipeline.Store
	Articles(ctx context.Context, q pipeline.ArticleQuery) ([]news.Article, error)
	Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error)
	MoveArticle(ctx context.Context, articleID, storyID string) error
	AddFeed(ctx context.Context, url string) error
	Feeds(ctx context.Context) ([]pipeline.Feed, error)
	UpdateFeed(ctx context.Context, url, etag, lastModified string, polled time.Time) error
	LockAssign(ctx context.Context) (unlock func(), err error)
}
