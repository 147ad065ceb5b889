package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/internal/store/storetest"
)

func TestMain(m *testing.M) {
	storetest.ChildMain(func(ctx context.Context, path string) (storetest.Store, error) { return sqlite.Open(ctx, path) })
	os.Exit(m.Run())
}

// TestKilledWorkers SIGKILLs worker processes while they write, then
// checks the file's integrity (PRAGMA integrity_check and the store's own
// invariants) and that restarted workers complete the ingest.
func TestKilledWorkers(t *testing.T) {
	n := 1500
	if raceEnabled || testing.Short() {
		n = 200
	}
	path := filepath.Join(t.TempDir(), "recoupe.db")
	db := openAt(t, path)
	ctx := t.Context()
	storetest.KilledWorkers(t, path, db, n, func(t *testing.T) {
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Fatal(err)
		}
	})
	{
		// A handle opened before the other processes wrote searches as a
		// new one does.
		fresh := openAt(t, path)
		for _, q := range []string{"emplois", "Exemple7", "2", "41 nouveaux emplois"} {
			old, err := db.Search(ctx, q, 1000)
			if err != nil {
				t.Fatal(err)
			}
			now, err := fresh.Search(ctx, q, 1000)
			if err != nil {
				t.Fatal(err)
			}
			if len(old) != len(now) || len(now) == 0 {
				t.Errorf("Search(%q): %d hits on the old handle, %d on a new one, want the same, not 0", q, len(old), len(now))
			}
		}
	}
}
