package storetest

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

// Run runs the suite; open must return a new, empty store for each
// subtest and close it when the subtest ends.
func Run(t *testing.T, open func(t *testing.T) Store) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, Store)
	}{
		{"IdempotentPut", testIdempotentPut},
		{"RoundTrip", testRoundTrip},
		{"NotFound", testNotFound},
		{"Invalid", testInvalid},
		{"Stories", testStories},
		{"StoryPaging", testStoryPaging},
		{"Articles", testArticles},
		{"Search", testSearch},
		{"MoveArticle", testMoveArticle},
		{"Assignments", testAssignments},
		{"Feeds", testFeeds},
		{"AssignLock", testAssignLock},
		{"ConcurrentPut", testConcurrentPut},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, open(t))
		})
	}
}

// Fictional fixtures.

// Article returns a fictional article whose ID is its text's hash.
func Article(text, lang, title, source string, published news.Date) news.Article {
	return news.Article{ID: news.ArticleID(text), Name: news.ArticleID(text)[:8] + ".txt", Source: source,
		Title: title, Language: lang, Text: text, Published: published}
}

func day(s string) news.Date {
	d, ok := news.ParseDate(s)
	if !ok {
		panic("storetest: bad date " + s)
	}
	return d
}

func put(t *testing.T, s Store, a news.Article, storyID string) {
	t.Helper()
	as := news.Assignment{StoryID: storyID, New: true, Threshold: 0.3}
	if ok, err := s.PutArticle(t.Context(), a, news.Extraction{}, as); err != nil || !ok {
		t.Fatalf("PutArticle(%s) = %v, %v, want true, nil", a.ID, ok, err)
	}
}

func ids(as []news.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func testIdempotentPut(t *testing.T, s Store) {
	ctx := t.Context()
	a := Article("Texte fictif : la société Alpha rachète Beta.", "fr", "Alpha rachète Beta", "Le Fictif", day("2025-02-10"))
	x := news.Extraction{Facts: []news.Fact{{Kind: news.KindDate, Span: news.Span{Start: 0, End: 5}, Text: "Texte"}}}
	as := news.Assignment{StoryID: "s1", New: true}
	for i, want := range []bool{true, false, false} {
		got, err := s.PutArticle(ctx, a, x, as)
		if err != nil || got != want {
			t.Fatalf("PutArticle #%d = %v, %v, want %v, nil", i+1, got, err, want)
		}
	}
	// A second put with another assignment changes nothing.
	if ok, err := s.PutArticle(ctx, a, news.Extraction{}, news.Assignment{StoryID: "s2", New: true}); ok || err != nil {
		t.Fatalf("PutArticle(other story) = %v, %v, want false, nil", ok, err)
	}
	if has, err := s.HasArticle(ctx, a.ID); !has || err != nil {
		t.Errorf("HasArticle = %v, %v, want true, nil", has, err)
	}
	if has, err := s.HasArticle(ctx, "0000"); has || err != nil {
		t.Errorf("HasArticle(absent) = %v, %v, want false, nil", has, err)
	}
	st, err := s.Stories(ctx, news.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 1 || !slices.Equal(st[0].Articles, []string{a.ID}) {
		t.Errorf("Stories = %+v, want one story with the article once", st)
	}
	n := 0
	if err := s.Assignments(ctx, 0, func(int64, news.Assignment) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("assignments = %d, want 1", n)
	}
}

// trickyText is valid UTF-8 that is easy to damage: NUL, BOM, CRLF,
// combining accents (not NFC), a 4-byte rune, U+2028, U+FFFD, RTL marks,
// HTML-looking text and typographic quotes.
const trickyText = "Texte fictif\x00 \uFEFFd\u00e9but\r\nCafe\u0301 \U0001F600 \u2028ligne\u2029 \uFFFD \u200F\u05E9\u05DC\u05D5\u05DD " +
	"<b>&amp;</b> « Nous paierons 22 millions d’euros », a déclaré Jeanne Fictive. \\u0000 \"q\" \t\v\f fin"

func testRoundTrip(t *testing.T, s Store) {
	ctx := t.Context()
	a := news.Article{ID: news.ArticleID(trickyText), Name: "tricky.txt", Source: "Le Fictif", URL: "https://example.org/a?b=1&c=2",
		Title: "Un titre « fictif »", Author: "Jeanne Fictive", Published: day("2025-02-10T14:30"), Language: "fr",
		Text: trickyText, DuplicateOf: "abc", Similarity: 0.875}
	span := func(sub string) news.Span {
		i := strings.Index(trickyText, sub)
		if i < 0 {
			t.Fatalf("fixture lacks %q", sub)
		}
		return news.Span{Start: i, End: i + len(sub)}
	}
	money, quote, who, cue := span("22 millions d’euros"), span("Nous paierons 22 millions d’euros"), span("Jeanne Fictive"), span("a déclaré")
	x := news.Extraction{
		ArticleID: a.ID,
		Sentences: []news.Span{{Start: 0, End: 12}, {Start: 13, End: len(trickyText)}},
		Facts: []news.Fact{
			{Kind: news.KindMoney, Span: money, Text: trickyText[money.Start:money.End], Sentence: news.Span{Start: 13, End: 200},
				Amount: &news.Amount{Value: 22e6, Currency: "EUR", Precision: 1e6, Qualifier: news.QualApprox}},
			{Kind: news.KindPercent, Span: news.Span{Start: 1, End: 2}, Text: trickyText[1:2], Amount: &news.Amount{Value: 0.1 + 0.2, Max: 1e-300}},
			{Kind: news.KindDate, Span: news.Span{Start: 0, End: 5}, Text: trickyText[0:5],
				When: &news.When{Date: day("2025-02-10"), Relative: true, Expr: "weekday:1"}},
		},
		Quotes: []news.Quote{{Kind: news.QuoteDirect, Span: quote, Text: trickyText[quote.Start:quote.End], Speaker: "Jeanne Fictive",
			SpeakerSpan: who, Cue: "a déclaré", CueSpan: cue}},
		Mentions: []news.Mention{{Span: who, Text: "Jeanne Fictive", Type: news.PER, Name: "Jeanne Fictive"}},
	}
	as := news.Assignment{StoryID: "story-ü", New: true, Threshold: 0.25, Shared: []string{"alpha", "22e6 EUR"}}
	if ok, err := s.PutArticle(ctx, a, x, as); err != nil || !ok {
		t.Fatalf("PutArticle = %v, %v", ok, err)
	}
	gotA, gotX, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if gotA.Text != trickyText {
		t.Errorf("text changed:\n got %q\nwant %q", gotA.Text, trickyText)
	}
	if diff := cmp.Diff(a, gotA); diff != "" {
		t.Errorf("Article round trip (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(x, gotX); diff != "" {
		t.Errorf("Extraction round trip (-want +got):\n%s", diff)
	}
	for _, f := range gotX.Facts {
		if !f.Span.In(len(gotA.Text)) || gotA.Text[f.Span.Start:f.Span.End] != f.Text {
			t.Errorf("fact %q: span %v does not hold its text", f.Text, f.Span)
		}
	}
	var got []news.Assignment
	if err := s.Assignments(ctx, 0, func(_ int64, a news.Assignment) error { got = append(got, a); return nil }); err != nil {
		t.Fatal(err)
	}
	as.ArticleID = a.ID
	if diff := cmp.Diff([]news.Assignment{as}, got); diff != "" {
		t.Errorf("Assignments (-want +got):\n%s", diff)
	}
	// An article without date, language or extraction also round-trips.
	b := news.Article{ID: "bare", Name: "bare.txt", Text: ""}
	if ok, err := s.PutArticle(ctx, b, news.Extraction{}, news.Assignment{}); err != nil || !ok {
		t.Fatalf("PutArticle(bare) = %v, %v", ok, err)
	}
	gotB, gotBX, err := s.Article(ctx, "bare")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b, gotB); diff != "" {
		t.Errorf("bare Article (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(news.Extraction{ArticleID: "bare"}, gotBX); diff != "" {
		t.Errorf("bare Extraction (-want +got):\n%s", diff)
	}
}

func testNotFound(t *testing.T, s Store) {
	ctx := t.Context()
	if _, _, err := s.Article(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Article(nope) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Story(nope) error = %v, want ErrNotFound", err)
	}
	if err := s.MoveArticle(ctx, "nope", "s"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("MoveArticle(nope) error = %v, want ErrNotFound", err)
	}
	if err := s.UpdateFeed(ctx, news.Feed{URL: "https://example.org/none.xml", Polled: time.Now()}); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("UpdateFeed(unknown) error = %v, want ErrNotFound", err)
	}
	st, err := s.Stories(ctx, news.StoryQuery{})
	if err != nil || len(st) != 0 {
		t.Errorf("Stories(empty store) = %v, %v, want none", st, err)
	}
	hits, err := s.Search(ctx, "rien", 10)
	if err != nil || len(hits) != 0 {
		t.Errorf("Search(empty store) = %v, %v, want none", hits, err)
	}
}

func testInvalid(t *testing.T, s Store) {
	ctx := t.Context()
	for _, tc := range []struct {
		name string
		a    news.Article
		x    news.Extraction
		as   news.Assignment
	}{
		{"empty id", news.Article{Text: "x"}, news.Extraction{}, news.Assignment{}},
		{"invalid utf8 text", news.Article{ID: "a1", Text: "caf\xe9"}, news.Extraction{}, news.Assignment{}},
		{"nul in title", news.Article{ID: "a2", Title: "a\x00b", Text: "x"}, news.Extraction{}, news.Assignment{}},
		{"extraction of another article", news.Article{ID: "a3", Text: "x"}, news.Extraction{ArticleID: "other"}, news.Assignment{}},
		{"assignment of another article", news.Article{ID: "a4", Text: "x"}, news.Extraction{}, news.Assignment{ArticleID: "other", StoryID: "s"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := s.PutArticle(ctx, tc.a, tc.x, tc.as)
			if err == nil || ok {
				t.Fatalf("PutArticle = %v, %v, want an error", ok, err)
			}
			if has, _ := s.HasArticle(ctx, tc.a.ID); has {
				t.Errorf("invalid article %q was stored", tc.a.ID)
			}
		})
	}
}

func testStories(t *testing.T, s Store) {
	ctx := t.Context()
	a1 := Article("Alpha rachète Beta pour 3 milliards d'euros, selon un communiqué fictif.", "fr", "Alpha rachète Beta", "Le Fictif", day("2025-02-10"))
	a2 := Article("Gamma opens a fictional factory in Lyon.", "en", "", "The Example", day("2025-01-05"))
	a3 := Article("Alpha buys Beta for 3 billion euros, a fictional statement says.", "en", "Alpha buys Beta", "The Example", day("2025-02-12T09:15"))
	a4 := Article("Le rachat de Beta par Alpha inquiète les syndicats fictifs.", "fr", "Beta inquiète", "Le Fictif", news.Date{})
	put(t, s, a1, "s-alpha")
	put(t, s, a2, "s-gamma")
	put(t, s, a3, "s-alpha")
	put(t, s, a4, "s-alpha")

	got, err := s.Story(ctx, "s-alpha")
	if err != nil {
		t.Fatal(err)
	}
	want := news.Story{ID: "s-alpha", Title: "Alpha rachète Beta", Articles: []string{a1.ID, a3.ID, a4.ID},
		First: a1.Published, Last: a3.Published, Languages: []string{"fr", "en"}, Outlets: []string{"Le Fictif", "The Example"}}
	if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Updated" }, cmp.Ignore())); diff != "" {
		t.Errorf("Story(s-alpha) (-want +got):\n%s", diff)
	}
	if got.Updated.IsZero() || time.Since(got.Updated) > time.Hour || time.Until(got.Updated) > time.Hour {
		t.Errorf("Story.Updated = %v, want about now", got.Updated)
	}
	gamma, err := s.Story(ctx, "s-gamma")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := gamma.Title, "Gamma opens a fictional factory in Lyon."; got != want {
		t.Errorf("untitled story's Title = %q, want %q", got, want)
	}
	list, err := s.Stories(ctx, news.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := storyIDs(list), []string{"s-alpha", "s-gamma"}; !slices.Equal(got, want) {
		t.Errorf("Stories = %v, want %v (most recently updated first)", got, want)
	}
	put(t, s, Article("Gamma's fictional factory will employ 300 people.", "en", "", "The Example", news.Date{}), "s-gamma")
	list, err = s.Stories(ctx, news.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := storyIDs(list), []string{"s-gamma", "s-alpha"}; !slices.Equal(got, want) {
		t.Errorf("Stories after update = %v, want %v", got, want)
	}
	if len(list) == 2 && !slices.Equal(list[1].Articles, want.Articles) {
		t.Errorf("listed s-alpha Articles = %v, want %v", list[1].Articles, want.Articles)
	}
	// The language filter and the counts.
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"", []string{"s-gamma", "s-alpha"}},
		{"en", []string{"s-gamma", "s-alpha"}},
		{"fr", []string{"s-alpha"}},
		{"de", nil},
	} {
		list, err := s.Stories(ctx, news.StoryQuery{Language: tc.lang})
		if err != nil {
			t.Fatal(err)
		}
		if got := storyIDs(list); !slices.Equal(got, tc.want) {
			t.Errorf("Stories(language %q) = %v, want %v", tc.lang, got, tc.want)
		}
		if n, err := s.CountStories(ctx, tc.lang); err != nil || n != len(tc.want) {
			t.Errorf("CountStories(%q) = %d, %v, want %d", tc.lang, n, err, len(tc.want))
		}
		if page, err := s.Stories(ctx, news.StoryQuery{Language: tc.lang, Limit: 1, Offset: 1}); err != nil || len(page) != min(1, max(len(tc.want)-1, 0)) {
			t.Errorf("Stories(language %q, limit 1, offset 1) = %v, %v", tc.lang, storyIDs(page), err)
		}
	}
	// An article put without a story is stored but in no story.
	lone := Article("Un article fictif sans histoire.", "fr", "", "", news.Date{})
	if ok, err := s.PutArticle(ctx, lone, news.Extraction{}, news.Assignment{}); !ok || err != nil {
		t.Fatalf("PutArticle(no story) = %v, %v", ok, err)
	}
	if list, _ := s.Stories(ctx, news.StoryQuery{}); len(list) != 2 {
		t.Errorf("Stories after an unassigned article = %d stories, want 2", len(list))
	}
}

func storyIDs(st []news.Story) []string {
	out := make([]string, len(st))
	for i, s := range st {
		out[i] = s.ID
	}
	return out
}

func testStoryPaging(t *testing.T, s Store) {
	ctx := t.Context()
	var want []string
	for i := range 25 {
		id := fmt.Sprintf("story-%02d", i)
		put(t, s, Article(fmt.Sprintf("Article fictif numéro %d.", i), "fr", "", "", news.Date{}), id)
		want = append([]string{id}, want...)
	}
	var got []string
	for _, tc := range []struct{ offset, limit, n int }{{0, 10, 10}, {10, 10, 10}, {20, 10, 5}, {25, 10, 0}, {40, 10, 0}} {
		t.Run(fmt.Sprintf("offset%d", tc.offset), func(t *testing.T) {
			list, err := s.Stories(ctx, news.StoryQuery{Offset: tc.offset, Limit: tc.limit})
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != tc.n {
				t.Errorf("page = %d stories, want %d", len(list), tc.n)
			}
			got = append(got, storyIDs(list)...)
		})
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
	all, err := s.Stories(ctx, news.StoryQuery{})
	if err != nil || len(all) != 25 {
		t.Errorf("Stories(default limit) = %d, %v, want 25", len(all), err)
	}
}

func testArticles(t *testing.T, s Store) {
	ctx := t.Context()
	a := []news.Article{
		Article("Premier article fictif.", "fr", "Un", "Le Fictif", day("2025-01-01")),
		Article("Second fictional article.", "en", "Two", "The Example", day("2025-02-01")),
		Article("Troisième article fictif.", "fr", "Trois", "The Example", day("2025-03-01T10:00")),
		Article("Quatrième article fictif, sans date.", "fr", "Quatre", "Le Fictif", news.Date{}),
	}
	put(t, s, a[0], "s1")
	put(t, s, a[1], "s2")
	put(t, s, a[2], "s1")
	put(t, s, a[3], "s2")
	jan := day("2025-01-01").Time
	for _, tc := range []struct {
		name string
		q    news.ArticleQuery
		want []news.Article
	}{
		{"all newest first", news.ArticleQuery{}, []news.Article{a[3], a[2], a[1], a[0]}},
		{"page", news.ArticleQuery{Limit: 2, Offset: 1}, []news.Article{a[2], a[1]}},
		{"story in join order", news.ArticleQuery{StoryID: "s1"}, []news.Article{a[0], a[2]}},
		{"language", news.ArticleQuery{Language: "fr"}, []news.Article{a[3], a[2], a[0]}},
		{"source", news.ArticleQuery{Source: "The Example"}, []news.Article{a[2], a[1]}},
		{"since", news.ArticleQuery{Since: jan.AddDate(0, 1, 0)}, []news.Article{a[2], a[1]}},
		{"until", news.ArticleQuery{Until: jan.AddDate(0, 1, 0)}, []news.Article{a[0]}},
		{"story and language", news.ArticleQuery{StoryID: "s2", Language: "fr"}, []news.Article{a[3]}},
		{"unknown story", news.ArticleQuery{StoryID: "none"}, []news.Article{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Articles(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Articles(%+v) (-want +got):\n%s", tc.q, diff)
			}
		})
	}
}

func testSearch(t *testing.T, s Store) {
	ctx := t.Context()
	a := []news.Article{
		Article("La société fictive Alpha achète Beta. Ce rachat change l'économie de la région.", "fr", "Alpha achète Beta", "Le Fictif", news.Date{}),
		Article("Les rachats d'entreprises fictives se multiplient; l'economie ralentit.", "fr", "Vague de rachats", "Le Fictif", news.Date{}),
		Article("Alpha buys Beta; the fictional buyout reshapes the economy.", "en", "Alpha buys Beta", "The Example", news.Date{}),
		Article("Un article fictif sur la météo à Lyon.", "fr", "Météo", "Le Fictif", news.Date{}),
	}
	put(t, s, a[0], "s-alpha")
	put(t, s, a[1], "s-rachats")
	put(t, s, a[2], "s-alpha")
	put(t, s, a[3], "s-meteo")
	for _, tc := range []struct {
		q    string
		want []news.Article
	}{
		{"acheter", []news.Article{a[0]}},
		{"rachat", []news.Article{a[0], a[1]}},
		{"rachats", []news.Article{a[0], a[1]}},
		// A query is looked up in French and English: "économie" also
		// finds "economy".
		{"économie", []news.Article{a[0], a[1], a[2]}},
		{"economie", []news.Article{a[0], a[1], a[2]}},
		{"ÉCONOMIES", []news.Article{a[0], a[1], a[2]}},
		{"economy", []news.Article{a[2]}},
		{"buying", []news.Article{a[2]}},
		{"Alpha Beta", []news.Article{a[0], a[2]}},
		{"alpha météo", nil},
		{"meteo", []news.Article{a[3]}},
		{"l'économie", []news.Article{a[0], a[1], a[2]}},
		{"économie région", []news.Article{a[0]}},
		{`"rachat" -* ) '\`, []news.Article{a[0], a[1]}}, // no operator syntax
		{"introuvable", nil},
		{"", nil},
		{"!!!", nil},
	} {
		t.Run(tc.q, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.q, 10)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, h := range hits {
				got = append(got, h.ArticleID)
				if h.Snippet == "" || !strings.Contains(strings.Join(strings.Fields(a[idx(a, h.ArticleID)].Text), " "), strings.Trim(h.Snippet, "…")) {
					t.Errorf("hit %s: snippet %q is not from its text", h.ArticleID, h.Snippet)
				}
				if want := storyOf(h.ArticleID, a); h.StoryID != want {
					t.Errorf("hit %s: StoryID = %q, want %q", h.ArticleID, h.StoryID, want)
				}
			}
			want := []string{}
			for _, w := range tc.want {
				want = append(want, w.ID)
			}
			sort.Strings(got)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q) = %v, want %v", tc.q, got, want)
			}
		})
	}
	if hits, err := s.Search(ctx, "fictif", 1); err != nil || len(hits) != 1 {
		t.Errorf("Search(limit 1) = %d hits, %v, want 1", len(hits), err)
	}
}

func idx(a []news.Article, id string) int {
	return slices.IndexFunc(a, func(x news.Article) bool { return x.ID == id })
}

func storyOf(id string, a []news.Article) string {
	return []string{"s-alpha", "s-rachats", "s-alpha", "s-meteo"}[idx(a, id)]
}

func testMoveArticle(t *testing.T, s Store) {
	ctx := t.Context()
	a := []news.Article{
		Article("Alpha annonce un plan fictif.", "fr", "Plan Alpha", "", day("2025-01-01")),
		Article("Alpha's fictional plan, explained.", "en", "Alpha plan", "", day("2025-01-02")),
		Article("Beta répond au plan fictif d'Alpha.", "fr", "Beta répond", "", day("2025-01-03")),
	}
	put(t, s, a[0], "s1")
	put(t, s, a[1], "s1")
	put(t, s, a[2], "s1")
	// Split: a[1] to a new story.
	if err := s.MoveArticle(ctx, a[1].ID, "s2"); err != nil {
		t.Fatal(err)
	}
	s1, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s1.Articles, []string{a[0].ID, a[2].ID}; !slices.Equal(got, want) {
		t.Errorf("s1 after split = %v, want %v", got, want)
	}
	if got, want := s1.Languages, []string{"fr"}; !slices.Equal(got, want) {
		t.Errorf("s1 languages after split = %v, want %v", got, want)
	}
	s2, err := s.Story(ctx, "s2")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s2.Articles, []string{a[1].ID}; !slices.Equal(got, want) || s2.Title != "Alpha plan" || s2.First != a[1].Published {
		t.Errorf("s2 after split = %+v, want articles %v, title %q", s2, want, "Alpha plan")
	}
	// Moving to the same story changes nothing.
	if err := s.MoveArticle(ctx, a[1].ID, "s2"); err != nil {
		t.Fatal(err)
	}
	// Merge: s1's articles into s2; s1 disappears.
	for _, x := range []news.Article{a[2], a[0]} {
		if err := s.MoveArticle(ctx, x.ID, "s2"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Story(ctx, "s1"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Story(s1) after merge error = %v, want ErrNotFound", err)
	}
	s2, err = s.Story(ctx, "s2")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s2.Articles, []string{a[1].ID, a[2].ID, a[0].ID}; !slices.Equal(got, want) {
		t.Errorf("s2 after merge = %v, want %v", got, want)
	}
	if s2.First != a[0].Published || s2.Last != a[2].Published {
		t.Errorf("s2 dates = %v..%v, want %v..%v", s2.First, s2.Last, a[0].Published, a[2].Published)
	}
	var manual []news.Assignment
	if err := s.Assignments(ctx, 0, func(_ int64, as news.Assignment) error {
		if as.Manual {
			manual = append(manual, as)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := []news.Assignment{
		{ArticleID: a[1].ID, StoryID: "s2", New: true, Manual: true},
		{ArticleID: a[2].ID, StoryID: "s2", Manual: true},
		{ArticleID: a[0].ID, StoryID: "s2", Manual: true},
	}
	if diff := cmp.Diff(want, manual); diff != "" {
		t.Errorf("manual assignments (-want +got):\n%s", diff)
	}
	if list, err := s.Stories(ctx, news.StoryQuery{}); err != nil || len(list) != 1 {
		t.Errorf("Stories after merge = %v, %v, want only s2", storyIDs(list), err)
	}
	if err := s.MoveArticle(ctx, a[0].ID, ""); err == nil {
		t.Error("MoveArticle to an empty story id succeeded")
	}
	// The article that titles a story leaves: the story's earliest
	// remaining article titles it; another article leaving keeps it.
	b := []news.Article{
		Article("Gamma ouvre une usine fictive.", "fr", "Usine Gamma", "", day("2025-02-01")),
		Article("Gamma recrute pour son usine fictive.", "fr", "Gamma recrute", "", day("2025-02-02")),
		Article("Gamma inaugure son usine fictive.", "fr", "Gamma inaugure", "", day("2025-02-03")),
	}
	for _, x := range b {
		put(t, s, x, "s4")
	}
	for _, step := range []struct {
		move news.Article
		want string
	}{{b[0], "Gamma recrute"}, {b[2], "Gamma recrute"}} {
		if err := s.MoveArticle(ctx, step.move.ID, "s5"); err != nil {
			t.Fatal(err)
		}
		if s4, err := s.Story(ctx, "s4"); err != nil || s4.Title != step.want {
			t.Errorf("s4 after %q left: title %q (%v), want %q", step.move.Title, s4.Title, err, step.want)
		}
	}
}

func testAssignments(t *testing.T, s Store) {
	ctx := t.Context()
	var want []string
	for i := range 20 {
		a := Article(fmt.Sprintf("Dépêche fictive %d.", i), "fr", "", "", news.Date{})
		put(t, s, a, fmt.Sprintf("s%d", i%3))
		want = append(want, a.ID)
	}
	var got []string
	var seqs []int64
	if err := s.Assignments(ctx, 0, func(seq int64, a news.Assignment) error {
		got, seqs = append(got, a.ArticleID), append(seqs, seq)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Assignments order = %v, want %v", got, want)
	}
	for i := 1; i < len(seqs); i++ {
		if seqs[i] <= seqs[i-1] {
			t.Errorf("sequence numbers not increasing: %v", seqs)
			break
		}
	}
	var tail []string
	if err := s.Assignments(ctx, seqs[14], func(_ int64, a news.Assignment) error { tail = append(tail, a.ArticleID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tail, want[15:]) {
		t.Errorf("Assignments(after %d) = %v, want %v", seqs[14], tail, want[15:])
	}
	stop := errors.New("stop")
	n := 0
	if err := s.Assignments(ctx, 0, func(int64, news.Assignment) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("Assignments with fn error = %v after %d calls, want stop after 1", err, n)
	}
}

func testFeeds(t *testing.T, s Store) {
	ctx := t.Context()
	urls := []string{"https://example.org/b.xml", "https://example.org/a.xml"}
	for _, u := range append(urls, urls[0]) {
		if err := s.AddFeed(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	polled := time.Date(2025, 2, 10, 14, 30, 5, 123456000, time.FixedZone("CET", 3600))
	ok := news.Feed{URL: urls[1], ETag: `W/"e1"`, LastModified: "Mon, 10 Feb 2025 13:30:05 GMT", Polled: polled,
		Title: "Le Fictif — « actualités »", Items: 3}
	if err := s.UpdateFeed(ctx, ok); err != nil {
		t.Fatal(err)
	}
	bad := news.Feed{URL: urls[0], Polled: polled, Error: "ingest: https://example.org/b.xml: 404 Not Found"}
	if err := s.UpdateFeed(ctx, bad); err != nil {
		t.Fatal(err)
	}
	got, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]news.Feed{bad, ok}, got); diff != "" {
		t.Errorf("Feeds (-want +got):\n%s", diff)
	}
	// A later successful poll clears the error and replaces the counts.
	bad.Error, bad.Title, bad.Items = "", "Autre fictif", 0
	if err := s.UpdateFeed(ctx, bad); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Feeds(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]news.Feed{bad, ok}, got); diff != "" {
		t.Errorf("Feeds after second poll (-want +got):\n%s", diff)
	}
}

func testAssignLock(t *testing.T, s Store) {
	// A bounded wait turns a deadlock (a holder starved of connections by
	// the waiters) into errors.
	ctx, cancel := contextWithTimeout(t, 20*time.Second)
	defer cancel()
	var inside, maxInside, total int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 8 { // more than a small connection pool
		wg.Go(func() {
			for range 3 {
				unlock, err := s.LockAssign(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				// The holder can still use the store while others wait.
				if _, err := s.HasArticle(ctx, "x"); err != nil {
					t.Error(err)
				}
				mu.Lock()
				inside++
				maxInside = max(maxInside, inside)
				mu.Unlock()
				time.Sleep(time.Millisecond)
				mu.Lock()
				inside--
				total++
				mu.Unlock()
				unlock()
			}
		})
	}
	wg.Wait()
	if maxInside != 1 || total != 24 {
		t.Errorf("LockAssign: %d holders at once, %d entries, want 1 and 24", maxInside, total)
	}
	// A held lock makes a waiter with a cancelled context give up.
	unlock, err := s.LockAssign(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	short, cancel := contextWithTimeout(t, 50*time.Millisecond)
	defer cancel()
	if u, err := s.LockAssign(short); err == nil {
		u()
		t.Error("LockAssign succeeded while the lock was held")
	}
}

func testConcurrentPut(t *testing.T, s Store) {
	ctx := t.Context()
	arts := Generate(500)
	var mu sync.Mutex
	stored := map[string]int{}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range arts {
				a := arts[(i+w*61)%len(arts)] // each goroutine starts elsewhere
				ok, err := s.PutArticle(ctx, a, Extract(a), news.Assignment{StoryID: StoryFor(a), New: true})
				if err != nil {
					t.Error(err)
					return
				}
				if ok {
					mu.Lock()
					stored[a.ID]++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if len(stored) != len(arts) {
		t.Errorf("%d articles reported stored, want %d", len(stored), len(arts))
	}
	for id, n := range stored {
		if n != 1 {
			t.Errorf("article %s reported stored %d times", id, n)
		}
	}
	CheckStored(t, s, arts)
}
