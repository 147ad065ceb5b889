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
