package postgres_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/recoupe/recoupe/internal/store/postgres"
	"github.com/recoupe/recoupe/internal/store/postgres/pgtest"
	"github.com/recoupe/recoupe/internal/store/storetest"
	"github.com/recoupe/recoupe/news"
)

var _ storetest.Store = (*postgres.DB)(nil)

// EnvDSN names the variable that holds the test database's DSN; the tests
// skip without it. .ci/postgres.sh starts a throwaway cluster and writes it.
const EnvDSN = pgtest.EnvDSN

// testDSN returns the DSN of a new, empty schema in the test database,
// dropped when the test ends.
func testDSN(t testing.TB) string { return pgtest.DSN(t) }

func openDSN(t testing.TB, dsn string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStore(t *testing.T) {
	t.Parallel()
	if os.Getenv(EnvDSN) == "" {
		t.Skip("set " + EnvDSN + " to a PostgreSQL DSN to run this test (.ci/postgres.sh start FILE starts a throwaway cluster)")
	}
	storetest.Run(t, func(t *testing.T) storetest.Store { return openDSN(t, testDSN(t)) })
}

func TestPersistent(t *testing.T) {
	t.Parallel()
	storetest.RunPersistent(t, func(t *testing.T) (storetest.Store, func() storetest.Store) {
		dsn := testDSN(t)
		return openDSN(t, dsn), func() storetest.Store { return openDSN(t, dsn) }
	})
}

func TestWorkers(t *testing.T) {
	t.Parallel()
	dsn := testDSN(t)
	n := 5000 // go test without -race or -short runs the full size
	if raceEnabled || testing.Short() {
		n = 1500
	}
	storetest.Workers(t, func(t *testing.T) storetest.Store { return openDSN(t, dsn) }, 4, n)
}

func TestMigrateTwice(t *testing.T) {
	t.Parallel()
	dsn := testDSN(t)
	for range 2 {
		db := openDSN(t, dsn)
		v, err := db.SchemaVersion(t.Context())
		if err != nil || v != 3 {
			t.Errorf("SchemaVersion = %d, %v, want 3", v, err)
		}
	}
}

// TestMigrationFromVersion2 takes a database back to schema version 2
// (feeds without title, items and error) and checks that opening it
// upgrades it in place, keeping its feeds, which then record their polls.
func TestMigrationFromVersion2(t *testing.T) {
	t.Parallel()
	dsn := testDSN(t)
	ctx := t.Context()
	db := openDSN(t, dsn)
	const feed = "https://example.org/fictif.xml"
	if err := db.AddFeed(ctx, feed); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateFeed(ctx, news.Feed{URL: feed, ETag: "e1"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, `ALTER TABLE feeds DROP COLUMN title, DROP COLUMN items, DROP COLUMN error; UPDATE schema_version SET version = 2`)
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db = openDSN(t, dsn)
	if v, err := db.SchemaVersion(ctx); err != nil || v != 3 {
		t.Errorf("SchemaVersion after migration = %d, %v, want 3", v, err)
	}
	got, err := db.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]news.Feed{{URL: feed, ETag: "e1"}}, got); diff != "" {
		t.Errorf("Feeds after migration (-want +got):\n%s", diff)
	}
	polled := news.Feed{URL: feed, ETag: "e2", Title: "Le Fictif", Items: 4, Error: "ingest: délai dépassé", Polled: time.Date(2031, 3, 11, 9, 0, 0, 0, time.UTC)}
	if err := db.UpdateFeed(ctx, polled); err != nil {
		t.Fatal(err)
	}
	if got, err = db.Feeds(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]news.Feed{polled}, got); diff != "" {
		t.Errorf("Feeds after a poll (-want +got):\n%s", diff)
	}
}

func TestMain(m *testing.M) {
	storetest.ChildMain(func(ctx context.Context, dsn string) (storetest.Store, error) { return postgres.Open(ctx, dsn) })
	os.Exit(m.Run())
}

// TestKilledWorkers SIGKILLs worker processes while they write; restarted
// workers must complete the ingest with nothing lost or duplicated.
func TestKilledWorkers(t *testing.T) {
	t.Parallel()
	dsn := testDSN(t)
	storetest.KilledWorkers(t, dsn, openDSN(t, dsn), 600, nil)
}

// TestKilledConnections runs 4 workers, each with its own connection pool,
// and terminates their database connections mid-batch, again and again; a
// worker that gets an error starts over with a new pool and a new
// clusterer, as a restarted process would. In the end every article must
// be stored exactly once, in the stories a single worker would make.
func TestKilledConnections(t *testing.T) {
	t.Parallel()
	dsn := testDSN(t)
	const workers, n = 4, 600
	arts := storetest.GenerateForWorkers(n)
	admin := openDSN(t, dsn)
	var stored atomic.Int64
	var restarts atomic.Int64
	ctx := t.Context()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			wdsn := pgtest.WithParam(dsn, "application_name", fmt.Sprintf("recoupe-worker-%d", w))
			for attempt := 0; ; attempt++ {
				if attempt == 50 {
					t.Errorf("worker %d: gave up after %d restarts", w, attempt)
					return
				}
				err := func() error {
					db, err := postgres.Open(ctx, wdsn)
					if err != nil {
						return err
					}
					defer db.Close()
					c := storetest.NewClusterer()
					for i := range arts {
						ok, err := c.Ingest(ctx, db, arts[(i+w*n/workers)%n])
						if err != nil {
							return err
						}
						if ok {
							stored.Add(1)
						}
					}
					return nil
				}()
				if err == nil {
					return
				}
				restarts.Add(1)
			}
		})
	}
	killed := 0
	for k := range 3 {
		for stored.Load() < int64((k+1)*n/5) {
			time.Sleep(time.Millisecond)
		}
		var m int
		if err := adminConn(t, dsn).QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE application_name LIKE 'recoupe-worker-%'`).Scan(&m); err != nil {
			t.Fatal(err)
		}
		killed += m
	}
	wg.Wait()
	t.Logf("%d connections terminated, %d worker restarts, %d articles stored", killed, restarts.Load(), stored.Load())
	if killed == 0 || restarts.Load() == 0 {
		t.Errorf("terminated %d connections, %d restarts: the test did not test", killed, restarts.Load())
	}
	if got := stored.Load(); got != n {
		t.Errorf("workers stored %d articles, want %d", got, n)
	}
	storetest.CheckStored(t, admin, arts)
	storetest.CheckStories(t, admin, arts)
}

func adminConn(t *testing.T, dsn string) *pgx.Conn {
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// BenchmarkPut: RECOUPE_TEST_POSTGRES=… go test -run '^$' -bench Put ./internal/store/postgres
func BenchmarkPut(b *testing.B) {
	storetest.BenchmarkPut(b, func(b *testing.B) func() storetest.Store {
		dsn := testDSN(b)
		return func() storetest.Store { return openDSN(b, dsn) }
	})
}

// BenchmarkIngest: RECOUPE_TEST_POSTGRES=… go test -run '^$' -bench Ingest ./internal/store/postgres
func BenchmarkIngest(b *testing.B) {
	storetest.BenchmarkIngest(b, func(b *testing.B) func() storetest.Store {
		dsn := testDSN(b)
		return func() storetest.Store { return openDSN(b, dsn) }
	})
}

func TestOpenBad(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, dsn string }{
		{"unparsable", "postgres://%zz"},
		{"nobody listens", "postgres://recoupe@127.0.0.1:1/recoupe?sslmode=disable&connect_timeout=2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := postgres.Open(t.Context(), tc.dsn)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded, want an error", tc.dsn)
			}
			if !strings.HasPrefix(err.Error(), "postgres: ") {
				t.Errorf("Open(%q) error = %v, want it to start with \"postgres: \"", tc.dsn, err)
			}
		})
	}
}
