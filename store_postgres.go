package recoupe

import (
	"context"
	"errors"
)

// openPostgres opens the PostgreSQL store.
func openPostgres(ctx context.Context, dsn string) (Store, error) {
	return nil, errors.New("recoupe: the PostgreSQL store is not in this build yet")
}
