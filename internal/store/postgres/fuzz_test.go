package postgres_test

import (
	"testing"

	"github.com/recoupe/recoupe/internal/store/storetest"
	"github.com/recoupe/recoupe/news"
)

// FuzzSearch checks that no user query makes an invalid tsquery: Search
// must never fail on its input.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"rachat", `"`, `a | b`, `!x`, `a:*`, `'`, `\`, `(`, "l'économie", "\x00", "a\"b'c\\d", "<->"} {
		f.Add(q)
	}
	db := openDSN(f, testDSN(f))
	for _, a := range storetest.Generate(20) {
		if _, err := db.PutArticle(f.Context(), a, storetest.Extract(a), news.Assignment{StoryID: storetest.StoryFor(a)}); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(t.Context(), q, 5); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}
