// Package pgtest gives tests a fresh PostgreSQL schema in the database
// named by $RECOUPE_TEST_POSTGRES (which .ci/postgres.sh starts), and
// skips them with a clear message when it is not set.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the variable that holds the test database's DSN.
const EnvDSN = "RECOUPE_TEST_POSTGRES"

// DSN returns the DSN of a new, empty schema in the test database, dropped
// when the test ends; it skips tb when EnvDSN is not set.
func DSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		tb.Skip("set " + EnvDSN + " to a PostgreSQL DSN to run this test (.ci/postgres.sh start FILE starts a throwaway cluster)")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "recoupe_test_" + hex.EncodeToString(b)
	exec(tb, dsn, "CREATE SCHEMA "+schema)
	tb.Cleanup(func() { exec(tb, dsn, "DROP SCHEMA "+schema+" CASCADE") })
	return WithParam(dsn, "search_path", schema)
}

func exec(tb testing.TB, dsn, sql string) {
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		tb.Errorf("connect to %s: %v", EnvDSN, err)
		return
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		tb.Errorf("%s: %v", sql, err)
	}
}

// WithParam adds a run-time parameter to a URL or key=value DSN.
func WithParam(dsn, key, value string) string {
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
