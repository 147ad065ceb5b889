package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/internal/store/storetest"
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
		n = 1000
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
