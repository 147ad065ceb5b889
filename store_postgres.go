package recoupe

import (
	"context"

	"github.com/recoupe/recoupe/internal/store/postgres"
)

// openPostgres opens the PostgreSQL store.
func openPostgres(ctx context.Context, dsn string) (Store, error) {
	return postgres.Open(ctx, dsn)
}
