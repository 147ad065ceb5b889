package money_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recoupe/recoupe/internal/extract/money"
	"github.com/recoupe/recoupe/internal/shareddata"
	"github.com/recoupe/recoupe/news"
)

func benchExtract(b *testing.B, articles []*news.Article) {
	b.Helper()
	e := money.New()
	size, facts := 0, 0
	for _, a := range articles {
		size += len(a.Text)
		facts += len(e.Extract(a))
	}
	if facts == 0 {
		b.Fatal("no facts: the benchmark would measure nothing")
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range articles {
			e.Extract(a)
		}
	}
	b.ReportMetric(float64(facts)*float64(b.N)/b.Elapsed().Seconds(), "facts/s")
}

// BenchmarkExtractSeeds runs Extract on the three seed articles.
func BenchmarkExtractSeeds(b *testing.B) {
	dir := shareddata.TestPath(b, "seeds", "articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no seed articles in %s", dir)
	}
	var articles []*news.Article
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		articles = append(articles, &news.Article{Text: string(text), Language: "fr"})
	}
	benchExtract(b, articles)
}

// generated is fictional news-like text dense in figures, about 64 KB.
func generated() string {
	const para = "Le groupe Zorbex propose de racheter Brelan pour 97,4 milliards de dollars, soit près de 100 milliards. " +
		"Son rival offre entre 40 et 50 millions d’euros, 12,5 % de plus qu’en 2015, le 10 février 2025 à 14h30. " +
		"Quillon paid $9.74bn, about £3m more than the 1,250,000 dollars of last year; twenty-one analysts agree. " +
		"La mairie compte 1\u202f234 habitants, quatre-vingt-dix-neuf élus et un budget de 1,5 Md€.\n"
	return strings.Repeat(para, 65536/len(para))
}

// BenchmarkExtractGenerated runs Extract on generated French and English text.
func BenchmarkExtractGenerated(b *testing.B) {
	benchExtract(b, []*news.Article{{Text: generated(), Language: "fr"}})
}
