package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/news"
)

func contextWithTimeout(t *testing.T, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(t.Context(), d)
}

// Topics is how many stories Generate's articles fall into.
const Topics = 37

var languages = []string{"fr", "en", "fr", "es"}

// Generate returns n fictional articles, numbered, each about one of
// Topics topics, with the topic named in its title.
func Generate(n int) []news.Article {
	out := make([]news.Article, n)
	for i := range out {
		topic := i % Topics
		text := fmt.Sprintf("Dépêche fictive n° %d. La société imaginaire Exemple%d annonce %d nouveaux emplois "+
			"et un investissement de %d millions d'euros. « Nous sommes confiants », a déclaré sa porte-parole fictive.",
			i, topic, 10+i%90, 1+i%500)
		out[i] = Article(text, languages[i%len(languages)], fmt.Sprintf("Sujet fictif %d", topic),
			fmt.Sprintf("Source fictive %d", i%5), news.Date{Time: time.Date(2025, 1, 1+i%28, 0, 0, 0, 0, time.UTC), Granularity: news.GranDay})
		out[i].Name = fmt.Sprintf("gen-%05d.txt", i)
	}
	return out
}

// StoryFor is the story a generated article belongs to, named by topic.
func StoryFor(a news.Article) string {
	return "topic-" + strings.TrimPrefix(a.Title, "Sujet fictif ")
}

// Extract returns a small extraction of a generated article: the span of
// its first number and of its quote, so that a lost extraction shows.
func Extract(a news.Article) news.Extraction {
	x := news.Extraction{ArticleID: a.ID}
	if i := strings.IndexAny(a.Text, "0123456789"); i >= 0 {
		j := i
		for j < len(a.Text) && '0' <= a.Text[j] && a.Text[j] <= '9' {
			j++
		}
		x.Facts = append(x.Facts, news.Fact{Kind: news.KindNumber, Span: news.Span{Start: i, End: j}, Text: a.Text[i:j],
			Amount: &news.Amount{Value: 1}})
	}
	if i, j := strings.Index(a.Text, "« "), strings.Index(a.Text, " »"); i >= 0 && j > i {
		s := news.Span{Start: i + len("« "), End: j}
		x.Quotes = append(x.Quotes, news.Quote{Kind: news.QuoteDirect, Span: s, Text: a.Text[s.Start:s.End]})
	}
	return x
}

// Clusterer is a worker's toy story assigner, enough to test the protocol
// the real pipeline follows with several workers: under the store's
// assignment lock, catch up with the assignments other workers made, then
// assign. An article joins the story that holds its topic, or opens one
// named after itself; a worker that skipped the catch-up would open a
// second story for a topic.
type Clusterer struct {
	after int64
	story map[string]string // topic → story
	seen  map[string]bool   // articles assigned
}

// NewClusterer returns a clusterer that knows no assignment yet.
func NewClusterer() *Clusterer {
	return &Clusterer{story: map[string]string{}, seen: map[string]bool{}}
}

// Ingest stores a generated article unless the store has it, assigning
// it to a story; it reports whether this call stored it.
func (c *Clusterer) Ingest(ctx context.Context, s Store, a news.Article) (bool, error) {
	if has, err := s.HasArticle(ctx, a.ID); err != nil || has {
		return false, err
	}
	x := Extract(a) // the work done outside the lock
	unlock, err := s.LockAssign(ctx)
	if err != nil {
		return false, err
	}
	defer unlock()
	if err := s.Assignments(ctx, c.after, func(seq int64, as news.Assignment) error {
		c.after = seq
		c.seen[as.ArticleID] = true
		if !as.Manual {
			c.story[topicOf(as.ArticleID)] = as.StoryID
		}
		return nil
	}); err != nil {
		return false, err
	}
	if c.seen[a.ID] { // another worker stored it meanwhile
		return false, nil
	}
	as := news.Assignment{StoryID: c.story[topicOf(a.ID)]}
	if as.StoryID == "" {
		as = news.Assignment{StoryID: "story-" + a.ID[:12], New: true}
	}
	return s.PutArticle(ctx, a, x, as)
}

var (
	topicsMu sync.Mutex
	topics   = map[string]string{} // generated article ID → topic
)

func topicOf(id string) string {
	topicsMu.Lock()
	defer topicsMu.Unlock()
	return topics[id]
}

func remember(arts []news.Article) {
	topicsMu.Lock()
	defer topicsMu.Unlock()
	for _, a := range arts {
		topics[a.ID] = StoryFor(a)
	}
}

// GenerateForWorkers is Generate for articles a Clusterer will ingest.
func GenerateForWorkers(n int) []news.Article {
	arts := Generate(n)
	remember(arts)
	return arts
}

// Workers runs workers goroutines, each with its own store from open (all
// on one database), that ingest the same n generated articles; then it checks that every article is
// stored exactly once, with its extraction, in the story of its topic.
func Workers(t *testing.T, open func(t *testing.T) Store, workers, n int) {
	arts := GenerateForWorkers(n)
	stores := make([]Store, workers)
	for i := range stores {
		stores[i] = open(t)
	}
	stored := make([]int, workers)
	var wg sync.WaitGroup
	for w, s := range stores {
		wg.Go(func() {
			c := NewClusterer()
			// Workers go in pairs over the same order, so that they race
			// for the same articles; pairs start at different places.
			start := (w / 2) * n / ((workers + 1) / 2)
			for i := range arts {
				ok, err := c.Ingest(t.Context(), s, arts[(start+i)%n])
				if err != nil {
					t.Errorf("worker %d: %v", w, err)
					return
				}
				if ok {
					stored[w]++
				}
			}
		})
	}
	wg.Wait()
	total := 0
	for _, n := range stored {
		total += n
	}
	if total != n {
		t.Errorf("workers stored %d articles in all (%v), want %d", total, stored, n)
	}
	t.Logf("articles stored per worker: %v", stored)
	CheckStored(t, stores[0], arts)
	CheckStories(t, stores[0], arts)
}

// CheckStored checks that each article is stored exactly once, with the
// text and extraction it was given, and assigned once to a story that
// lists it once.
func CheckStored(t *testing.T, s Store, arts []news.Article) {
	t.Helper()
	ctx := t.Context()
	var listed []string
	for off := 0; ; off += 1000 {
		page, err := s.Articles(ctx, news.ArticleQuery{Limit: 1000, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		listed = append(listed, ids(page)...)
		if len(page) < 1000 {
			break
		}
	}
	want := ids(arts)
	slices.Sort(listed)
	slices.Sort(want)
	if diff := cmp.Diff(want, listed); diff != "" {
		t.Fatalf("stored articles (-want +got):\n%s", diff)
	}
	assigned := map[string]int{} // by the pipeline, not by hand
	if err := s.Assignments(ctx, 0, func(_ int64, as news.Assignment) error {
		if !as.Manual {
			assigned[as.ArticleID]++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	inStory := map[string]int{}
	for off := 0; ; off += 1000 {
		page, err := s.Stories(ctx, news.StoryQuery{Limit: 1000, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range page {
			for _, id := range st.Articles {
				inStory[id]++
			}
		}
		if len(page) < 1000 {
			break
		}
	}
	bad := 0
	for _, a := range arts {
		if assigned[a.ID] != 1 || inStory[a.ID] != 1 {
			if bad++; bad <= 5 {
				t.Errorf("article %s: %d assignments, in %d stories, want 1 and 1", a.Name, assigned[a.ID], inStory[a.ID])
			}
		}
	}
	for i := 0; i < len(arts); i += max(1, len(arts)/50) { // a sample, for speed
		got, x, err := s.Article(ctx, arts[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != arts[i].Text {
			t.Errorf("article %s: text differs", arts[i].Name)
		}
		if diff := cmp.Diff(Extract(arts[i]), x); diff != "" {
			t.Errorf("article %s: extraction (-want +got):\n%s", arts[i].Name, diff)
		}
	}
}

// CheckStories checks that the stories partition generated articles by
// topic, as a single worker would.
func CheckStories(t *testing.T, s Store, arts []news.Article) {
	t.Helper()
	want := map[string][]string{}
	for _, a := range arts {
		want[StoryFor(a)] = append(want[StoryFor(a)], a.ID)
	}
	var wantSets, gotSets [][]string
	for _, v := range want {
		slices.Sort(v)
		wantSets = append(wantSets, v)
	}
	for off := 0; ; off += 1000 {
		page, err := s.Stories(t.Context(), news.StoryQuery{Limit: 1000, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range page {
			v := slices.Clone(st.Articles)
			slices.Sort(v)
			gotSets = append(gotSets, v)
		}
		if len(page) < 1000 {
			break
		}
	}
	cmpSets := func(a, b []string) int { return strings.Compare(a[0], b[0]) }
	slices.SortFunc(wantSets, cmpSets)
	slices.SortFunc(gotSets, cmpSets)
	if len(gotSets) != len(wantSets) {
		t.Fatalf("%d stories, want %d (one per topic)", len(gotSets), len(wantSets))
	}
	if diff := cmp.Diff(wantSets, gotSets); diff != "" {
		t.Errorf("stories differ from one per topic (-want +got):\n%s", diff)
	}
}
