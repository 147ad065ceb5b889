package storetest

import (
	"sync"
	"testing"

	"github.com/recoupe/recoupe/news"
)

// BenchmarkPut measures PutArticle into a store, in articles/s, with 1 and
// 4 workers, each with its own connection. fresh returns a function that
// opens a new connection to a new, empty database each time it is called
// for a run. Each worker puts its share of b.N distinct generated
// articles, with their extraction and a story assignment.
func BenchmarkPut(b *testing.B, fresh func(b *testing.B) (connect func() Store)) {
	benchmark(b, fresh, func(b *testing.B, s Store, a news.Article, x news.Extraction) {
		if ok, err := s.PutArticle(b.Context(), a, x, news.Assignment{StoryID: StoryFor(a), New: true}); err != nil || !ok {
			b.Errorf("PutArticle = %v, %v", ok, err)
		}
	})
}

// BenchmarkIngest is BenchmarkPut with the multi-worker protocol of
// Clusterer.Ingest around each put: HasArticle, LockAssign, catching up
// with Assignments, then PutArticle, so assignment is serialised.
func BenchmarkIngest(b *testing.B, fresh func(b *testing.B) (connect func() Store)) {
	cs := sync.Map{} // Store → *Clusterer
	benchmark(b, fresh, func(b *testing.B, s Store, a news.Article, _ news.Extraction) {
		c, _ := cs.LoadOrStore(s, NewClusterer())
		if ok, err := c.(*Clusterer).Ingest(b.Context(), s, a); err != nil || !ok {
			b.Errorf("Ingest = %v, %v", ok, err)
		}
	})
}

func benchmark(b *testing.B, fresh func(b *testing.B) (connect func() Store), put func(*testing.B, Store, news.Article, news.Extraction)) {
	for _, workers := range []int{1, 4} {
		b.Run(map[int]string{1: "workers=1", 4: "workers=4"}[workers], func(b *testing.B) {
			connect := fresh(b)
			stores := make([]Store, workers)
			for i := range stores {
				stores[i] = connect()
			}
			arts := GenerateForWorkers(b.N)
			xs := make([]news.Extraction, len(arts))
			for i, a := range arts {
				xs[i] = Extract(a)
			}
			b.ResetTimer()
			var wg sync.WaitGroup
			for w, s := range stores {
				wg.Go(func() {
					for i := w; i < len(arts); i += workers {
						put(b, s, arts[i], xs[i])
					}
				})
			}
			wg.Wait()
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
