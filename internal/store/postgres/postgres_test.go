package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/recoupe/recoupe/internal/store/postgres"
	"github.com/recoupe/recoupe/internal/store/storetest"
)

var _ storetest.Store = (*postgres.DB)(nil)

// EnvDSN names the variable that holds the test database's DSN; the tests
// skip without it. .ci/postgres.sh starts a throwaway cluster and writes it.
const EnvDSN = "RECOUPE_TEST_POSTGRES"

// testDSN returns the DSN of a new, empty schema in the test database,
// dropped when the test ends.
func testDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		t.Skip("set " + EnvDSN + " to a PostgreSQL DSN to run this test (.ci/postgres.sh start FILE starts a throwaway cluster)")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "recoupe_test_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatalf("connect to %s: %v", EnvDSN, err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Error(err)
		}
	})
	return withParam(dsn, "search_path", schema)
}

// withParam adds a run-time parameter to a URL or key=value DSN.
func withParam(dsn, key, value string) string {
	if strings.Contains(dsn, "://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return dsn
		}
		q := u.Query()
		q.Set(key, value)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " " + key + "=" + value
}

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
	storetest.Run(t, func(t *testing.T) storetest.Store { return openDSN(t, testDSN(t)) })
}

func TestPersistent(t *testing.T) {
	storetest.RunPersistent(t, func(t *testing.T) (storetest.Store, func() storetest.Store) {
		dsn := testDSN(t)
		return openDSN(t, dsn), func() storetest.Store { return openDSN(t, dsn) }
	})
}

func TestWorkers(t *testing.T) {
	dsn := testDSN(t)
	storetest.Workers(t, func(t *testing.T) storetest.Store { return openDSN(t, dsn) }, 4, 5000)
}

func TestMigrateTwice(t *testing.T) {
	dsn := testDSN(t)
	for range 2 {
		db := openDSN(t, dsn)
		v, err := db.SchemaVersion(t.Context())
		if err != nil || v != 1 {
			t.Errorf("SchemaVersion = %d, %v, want 1", v, err)
		}
	}
}
