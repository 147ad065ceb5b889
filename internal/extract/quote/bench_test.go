package quote_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/recoupe/recoupe/internal/extract/quote"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

// BenchmarkExtract runs the extractor over the seed articles (real French
// news text) and reports quotes and articles per second.
func BenchmarkExtract(b *testing.B) {
	dir := shareddata.TestPath(b, "seeds", "articles")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		b.Skipf("no seed articles in %s", dir)
	}
	var arts []*news.Article
	size := 0
	for _, n := range names {
		t, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, &news.Article{Text: string(t)})
		size += len(t)
	}
	e := quote.New()
	b.SetBytes(int64(size))
	b.ResetTimer()
	quotes := 0
	for b.Loop() {
		for _, a := range arts {
			quotes += len(e.Extract(a, nil))
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(quotes)/sec, "quotes/s")
	b.ReportMetric(float64(b.N*len(arts))/sec, "articles/s")
}

// BenchmarkSimilarity measures one comparison of two quote variants.
func BenchmarkSimilarity(b *testing.B) {
	x := "Non merci, mais nous achèterons l'usine pour 3,5 millions d'euros si vous le souhaitez."
	y := "Non merci, mais nous voulons bien racheter l'usine pour 3,5 millions si vous voulez."
	for b.Loop() {
		quote.Similarity(x, y)
	}
}
