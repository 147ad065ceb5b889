package pipeline

import (
	"context"

	"github.com/recoupe/recoupe/news"
)

// Store is what the pipeline needs from storage. Implementations live in
// internal/store/{memstore,sqlite,postgres} and all pass storetest.Run.
type Store interface {
	// HasArticle reports whether an article with this ID is stored, so that
	// ingest can skip extracting it again.
	HasArticle(ctx context.Context, id string) (bool, error)
	// PutArticle stores an article, its extraction and its story assignment
	// in one transaction. It reports false and changes nothing when an
	// article with the same ID is already stored.
	PutArticle(ctx context.Context, a news.Article, x news.Extraction, as news.Assignment) (bool, error)
	// Article returns a stored article and its extraction, or news.ErrNotFound.
	Article(ctx context.Context, id string) (news.Article, news.Extraction, error)
	// Stories lists one page of stories, most recently updated first,
	// keeping those with an article in q.Language when it is set; the
	// other filters of q are the caller's to apply.
	Stories(ctx context.Context, q StoryQuery) ([]news.Story, error)
	// CountStories counts the stories that Stories lists for a language
	// ("" for all).
	CountStories(ctx context.Context, language string) (int, error)
	// Story returns one story with its article IDs, or news.ErrNotFound.
	Story(ctx context.Context, id string) (news.Story, error)
	// Assignments calls fn for every stored assignment in the order they
	// were made, starting after sequence number after (0 for all), so that
	// a clusterer can be rebuilt or caught up with other workers.
	Assignments(ctx context.Context, after int64, fn func(seq int64, a news.Assignment) error) error
	Close() error
}

// StoryQuery, ArticleQuery and Feed are defined in package news, so that
// the stores and the server, which must not import pipeline, can name them.
type (
	StoryQuery   = news.StoryQuery
	ArticleQuery = news.ArticleQuery
	Feed         = news.Feed
)
