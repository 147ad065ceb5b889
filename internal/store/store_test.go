package store_test

import (
	"github.com/recoupe/recoupe/internal/pipeline"
	"github.com/recoupe/recoupe/internal/store/memstore"
	"github.com/recoupe/recoupe/internal/store/postgres"
	"github.com/recoupe/recoupe/internal/store/sqlite"
	"github.com/recoupe/recoupe/internal/store/storetest"
)

// Every store fits the pipeline's contract and has the methods of
// storetest.Store; storetest.Store has all of pipeline.Store's.
var (
	_ pipeline.Store  = (*memstore.Store)(nil)
	_ pipeline.Store  = (*sqlite.DB)(nil)
	_ pipeline.Store  = (*postgres.DB)(nil)
	_ pipeline.Store  = storetest.Store(nil)
	_ storetest.Store = (*memstore.Store)(nil)
	_ storetest.Store = (*sqlite.DB)(nil)
	_ storetest.Store = (*postgres.DB)(nil)
)
