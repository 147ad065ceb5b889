package sqlite_test

import (
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/internal/store/storetest"
	"github.com/recoupe/recoupe/news"
)

// FuzzSearch checks that no user query makes an invalid FTS5 expression:
// Search must never fail on its input, and every hit must be stored.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"rachat", `"`, `a OR b`, `NOT`, `*`, `-x`, `(`, `col:x`, "NEAR(a b)", "^a", "l'économie", "\x00", "a\"b'c\\d"} {
		f.Add(q)
	}
	db, err := sqlite.Open(f.Context(), filepath.Join(f.TempDir(), "recoupe.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	arts := storetest.Generate(20)
	for _, a := range arts {
		if _, err := db.PutArticle(f.Context(), a, storetest.Extract(a), news.Assignment{StoryID: storetest.StoryFor(a)}); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := db.Search(t.Context(), q, 5)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			if !utf8.ValidString(h.Snippet) {
				t.Errorf("Search(%q): snippet %q is not UTF-8", q, h.Snippet)
			}
		}
	})
}
