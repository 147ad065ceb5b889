// Package storetest is the suite every recoupe store must pass, so that
// the in-memory, SQLite and PostgreSQL stores behave alike. Each store's
// tests call Run with a function that opens an empty store; stores that
// persist also call RunPersistent, and stores shared by several workers
// call Workers. All articles here are fictional, written for these tests.
package storetest

import (
	"context"

	"github.com/recoupe/recoupe/news"
)

// Store is pipeline.Store plus the methods the server and the command line
// use; every recoupe store has them. It repeats pipeline.Store's methods
// rather than embed it, so that the stores and this suite build without
// the pipeline's stages; internal/store's test checks that each store
// also satisfies pipeline.Store.
type Store interface {
	HasArticle(ctx context.Context, id string) (bool, error)
	PutArticle(ctx context.Context, a news.Article, x news.Extraction, as news.Assignment) (bool, error)
	Article(ctx context.Context, id string) (news.Article, news.Extraction, error)
	Stories(ctx context.Context, q news.StoryQuery) ([]news.Story, error)
	CountStories(ctx context.Context, language string) (int, error)
	Story(ctx context.Context, id string) (news.Story, error)
	Assignments(ctx context.Context, after int64, fn func(seq int64, a news.Assignment) error) error
	Close() error

	Articles(ctx context.Context, q news.ArticleQuery) ([]news.Article, error)
	Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error)
	MoveArticle(ctx context.Context, articleID, storyID string) error
	AddFeed(ctx context.Context, url string) error
	Feeds(ctx context.Context) ([]news.Feed, error)
	UpdateFeed(ctx context.Context, f news.Feed) error
	LockAssign(ctx context.Context) (unlock func(), err error)
}
