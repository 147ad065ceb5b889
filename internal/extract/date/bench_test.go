package date_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/extract/date"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

// BenchmarkSeeds extracts the dates of the three seed articles; it
// reports facts/s and MB/s.
func BenchmarkSeeds(b *testing.B) {
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
		arts = append(arts, &news.Article{Text: string(t), Published: seedPublished(string(t))})
		size += len(t)
	}
	benchArticles(b, arts, size)
}

// BenchmarkAdversarial runs on 256 KiB and 1 MiB of digits, separators and
// date words: ns/op should grow 4-fold, no more (linear time). Both sizes
// are past the pooled buffers, so they pay the same allocations per byte.
func BenchmarkAdversarial(b *testing.B) {
	for _, n := range []int{256 << 10, 1 << 20} {
		b.Run(fmt.Sprintf("%dKiB", n>>10), func(b *testing.B) {
			text := adversarial(n)
			benchArticles(b, []*news.Article{{Text: text}}, len(text))
		})
	}
}

// BenchmarkProse runs on fictional prose dense in dates.
func BenchmarkProse(b *testing.B) {
	text := strings.Repeat("Le conseil de Saint-Aubin s'est réuni lundi 3 mars 2025 à 14h30, puis le 10 février, "+
		"deux ans après sa création en 2015. Il a voté 2 500 000 euros, soit 12,5 % de plus qu'il y a deux ans. "+
		"The board met on February 10, 2025 at 2:30 pm, last Tuesday and yesterday. ", 200)
	benchArticles(b, []*news.Article{{Text: text, Published: day(2025, 3, 5)}}, len(text))
}

func benchArticles(b *testing.B, arts []*news.Article, size int) {
	x := date.New()
	facts := 0
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			facts += len(x.Extract(a))
		}
	}
	b.ReportMetric(float64(facts)/b.Elapsed().Seconds(), "facts/s")
}
