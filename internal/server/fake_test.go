package server_test

// TEMPORARY: a fictional in-memory backend used until recoupe.Engine lands.

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/recoupe/recoupe/news"
)

type fakeBackend struct {
	mu       sync.Mutex
	articles map[string]news.Article
	order    []string
	feeds    []news.Feed
}

func cite(a news.Article, sub string) news.Citation {
	i := strings.Index(a.Text, sub)
	if i < 0 {
		panic("no " + sub)
	}
	return news.Citation{Article: a.Name, ArticleID: a.ID, Start: i, End: i + len(sub), Text: sub}
}

func newFake() *fakeBackend {
	f := &fakeBackend{articles: map[string]news.Article{}}
	for i, t := range []string{
		"Acme buys Widgets\n\nAcme will pay $3.2bn for Widgets, its chief Jane Roe said. « We are thrilled », Jane Roe said.",
		"Acme to buy Widgets\n\nAcme offers 3.2 billion euros for Widgets. « We are so thrilled », said Jane Roe.",
		"Widgets sold\n\nThe $3.2bn deal was announced on Monday. « We are thrilled! » said Roe.",
	} {
		f.IngestBytes(context.Background(), fmt.Sprintf("fictional-%d.txt", i), []byte(t))
	}
	return f
}

func (f *fakeBackend) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, int, error) {
	b, _ := f.Brief(ctx, "s1")
	s := news.StorySummary{Story: news.Story{ID: "s1", Title: b.Headline, Languages: []string{"en"}}, Sources: len(b.Articles), Independent: len(b.Articles), Conflicts: 1}
	return []news.StorySummary{s}, 1, nil
}

func (f *fakeBackend) Brief(ctx context.Context, id string) (news.Brief, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.articles[strings.TrimPrefix(id, "s-")]; ok {
		return news.Brief{StoryID: id, Headline: a.Title, Articles: []news.BriefSource{{Article: a.Name, ID: a.ID, Title: a.Title}}}, nil
	}
	if id != "s1" {
		return news.Brief{}, news.ErrNotFound
	}
	var as []news.Article
	b := news.Brief{StoryID: "s1", Headline: "Acme buys Widgets"}
	for _, id := range f.order[:3] {
		a := f.articles[id]
		as = append(as, a)
		b.Articles = append(b.Articles, news.BriefSource{Article: a.Name, ID: a.ID, Title: a.Title, Source: "Outlet " + a.Name[10:11], URL: a.URL})
	}
	b.Independent = len(as)
	if len(as) < 3 {
		return b, nil
	}
	usd := []news.Citation{cite(as[0], "$3.2bn"), cite(as[2], "$3.2bn")}
	eur := []news.Citation{cite(as[1], "3.2 billion euros")}
	b.Facts = []news.Check{{Kind: news.KindMoney, Status: news.Conflict, Value: 3.2e9, Currency: "USD", Why: "currency: USD vs EUR",
		Sources: append(append([]news.Citation{}, usd...), eur...), Articles: 3, Independent: 3,
		Sides: []news.Side{{Value: 3.2e9, Currency: "USD", Sources: usd}, {Value: 3.2e9, Currency: "EUR", Sources: eur}}},
		{Kind: news.KindDate, Status: news.Single, Date: "2025-02-10", Sources: []news.Citation{cite(as[2], "Monday")}, Articles: 1, Independent: 1}}
	b.Quotes = []news.QuoteGroup{{Speaker: "Jane Roe", Status: news.Agreed, Variants: []news.QuoteVariant{
		{Citation: cite(as[0], "We are thrilled"), Similarity: 1},
		{Citation: cite(as[1], "We are so thrilled"), Similarity: 0.8},
		{Citation: cite(as[2], "We are thrilled!"), Similarity: 0.95}}}}
	return b, nil
}

func (f *fakeBackend) Article(ctx context.Context, id string) (news.Article, news.Extraction, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := f.articles[id]
	if !ok {
		return a, news.Extraction{}, news.ErrNotFound
	}
	return a, news.Extraction{ArticleID: id}, nil
}

func (f *fakeBackend) Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error) {
	return nil, nil
}

func (f *fakeBackend) IngestBytes(ctx context.Context, name string, data []byte) (news.IngestReport, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	text := string(data)
	a := news.Article{ID: news.ArticleID(text), Name: name, Text: text, Title: strings.SplitN(text, "\n", 2)[0]}
	if _, ok := f.articles[a.ID]; ok {
		return news.IngestReport{Duplicates: 1, Articles: []string{a.ID}}, nil
	}
	f.articles[a.ID] = a
	f.order = append(f.order, a.ID)
	return news.IngestReport{Ingested: 1, Articles: []string{a.ID}, Stories: []string{"s-" + a.ID}}, nil
}

func (f *fakeBackend) AddFeed(ctx context.Context, url string) error {
	f.feeds = append(f.feeds, news.Feed{URL: url})
	return nil
}
func (f *fakeBackend) Feeds(ctx context.Context) ([]news.Feed, error) { return f.feeds, nil }
func (f *fakeBackend) PollFeeds(ctx context.Context) (news.IngestReport, error) {
	return news.IngestReport{}, nil
}
func (f *fakeBackend) MoveArticle(ctx context.Context, a, s string) error { return nil }
