package sqlite_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/internal/store/storetest"
	"github.com/recoupe/recoupe/news"
)

var _ storetest.Store = (*sqlite.DB)(nil)

func openAt(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func open(t *testing.T) storetest.Store {
	return openAt(t, filepath.Join(t.TempDir(), "recoupe.db"))
}

func TestStore(t *testing.T) {
	storetest.Run(t, open)
}

func TestPersistent(t *testing.T) {
	storetest.RunPersistent(t, func(t *testing.T) (storetest.Store, func() storetest.Store) {
		path := filepath.Join(t.TempDir(), "recoupe.db")
		return openAt(t, path), func() storetest.Store { return openAt(t, path) }
	})
}

func TestWorkers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "recoupe.db")
	n := 5000
	if raceEnabled || testing.Short() {
		n = 500
	}
	storetest.Workers(t, func(t *testing.T) storetest.Store { return openAt(t, path) }, 4, n)
}

// BenchmarkPut: go test -run '^$' -bench Put ./internal/store/sqlite
func BenchmarkPut(b *testing.B) {
	storetest.BenchmarkPut(b, func(b *testing.B) func() storetest.Store {
		path := filepath.Join(b.TempDir(), "recoupe.db")
		return func() storetest.Store {
			db, err := sqlite.Open(b.Context(), path)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			return db
		}
	})
}

// BenchmarkIngest: go test -run '^$' -bench Ingest ./internal/store/sqlite
func BenchmarkIngest(b *testing.B) {
	storetest.BenchmarkIngest(b, func(b *testing.B) func() storetest.Store {
		path := filepath.Join(b.TempDir(), "recoupe.db")
		return func() storetest.Store {
			db, err := sqlite.Open(b.Context(), path)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			return db
		}
	})
}

func TestOpenBad(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte("this is not an SQLite database, it is a fictional text file of some length......"), 0o644); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.db")
	db := openAt(t, newer)
	db.Close()
	raw, err := sql.Open("sqlite", newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	for _, tc := range []struct{ name, path, want string }{
		{"missing directory", filepath.Join(dir, "none", "x.db"), "none"},
		{"not a database", garbage, "garbage.db"},
		{"newer schema", newer, "schema version 99"},
		{"uri", "file:x.db?mode=ro", "plain file path"},
		{"empty", "", "plain file path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := sqlite.Open(t.Context(), tc.path)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded, want an error", tc.path)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Open(%q) error = %v, want it to mention %q", tc.path, err, tc.want)
			}
		})
	}
}

// schemaVersion is the version this program's migrations bring a
// database to.
const schemaVersion = 3

func TestSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "recoupe.db")
	for range 2 { // the second open finds the schema up to date
		v, err := openAt(t, path).SchemaVersion(t.Context())
		if err != nil || v != schemaVersion {
			t.Errorf("SchemaVersion = %d, %v, want %d", v, err, schemaVersion)
		}
	}
}

// TestMigrationFromVersion1 takes a database back to the first schema
// (the shipped one) and checks that opening it migrates it in place and
// keeps its stories and feeds, which then record their polls.
func TestMigrationFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "recoupe.db")
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.Article("Une coopérative fictive ouvre une fromagerie à Valbrune.", "fr", "Fromagerie", "Le Fictif", news.Date{})
	if _, err := db.PutArticle(t.Context(), a, news.Extraction{ArticleID: a.ID}, news.Assignment{ArticleID: a.ID, StoryID: "s1", New: true}); err != nil {
		t.Fatal(err)
	}
	const feed = "https://example.org/fictif.xml"
	if err := db.AddFeed(t.Context(), feed); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateFeed(t.Context(), news.Feed{URL: feed, ETag: "e1"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`DROP INDEX articles_story_summary; CREATE INDEX articles_story ON articles(story_id, joined);
ALTER TABLE feeds DROP COLUMN title; ALTER TABLE feeds DROP COLUMN items; ALTER TABLE feeds DROP COLUMN error;
UPDATE schema_version SET version = 1`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db = openAt(t, path)
	if v, err := db.SchemaVersion(t.Context()); err != nil || v != schemaVersion {
		t.Errorf("SchemaVersion after migration = %d, %v, want %d", v, err, schemaVersion)
	}
	st, err := db.Story(t.Context(), "s1")
	if err != nil || len(st.Articles) != 1 || st.Articles[0] != a.ID || len(st.Outlets) != 1 {
		t.Errorf("Story(s1) after migration = %+v, %v; want article %s from Le Fictif", st, err, a.ID)
	}
	got, err := db.Feeds(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]news.Feed{{URL: feed, ETag: "e1"}}, got); diff != "" {
		t.Errorf("Feeds after migration (-want +got):\n%s", diff)
	}
	polled := news.Feed{URL: feed, ETag: "e2", Title: "Le Fictif", Items: 4, Error: "", Polled: time.Date(2031, 3, 11, 9, 0, 0, 0, time.UTC)}
	if err := db.UpdateFeed(t.Context(), polled); err != nil {
		t.Fatal(err)
	}
	if got, err = db.Feeds(t.Context()); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]news.Feed{polled}, got); diff != "" {
		t.Errorf("Feeds after a poll (-want +got):\n%s", diff)
	}
}
