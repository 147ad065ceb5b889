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
	for _, workers := range []int{1, 4} {
		b.Run(map[int]string{1: "workers=1", 4: "workers=4"}[workers], func(b *testing.B) {
			connect := fresh(b)
			stores := make([]Store, workers)
			for i := range stores {
				stores[i] = connect()
			}
			arts := Generate(b.N)
			xs := make([]news.Extraction, len(arts))
			for i, a := range arts {
				xs[i] = Extract(a)
			}
			b.ResetTimer()
			var wg sync.WaitGroup
			for w, s := range stores {
				wg.Go(func() {
					for i := w; i < len(arts); i += workers {
						a := arts[i]
						if ok, err := s.PutArticle(b.Context(), a, xs[i], news.Assignment{StoryID: StoryFor(a), New: true}); err != nil || !ok {
							b.Errorf("PutArticle = %v, %v", ok, err)
							return
						}
					}
				})
			}
			wg.Wait()
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
