// Package store documents recoupe's storage; the stores are its
// subpackages, all behind the pipeline.Store contract and all passing the
// storetest suite:
//
//   - memstore: in memory, for tests and demos;
//   - sqlite: the embedded default, one file (modernc.org/sqlite);
//   - postgres: the scale-out store for several workers (pgx).
//
// Besides pipeline.Store, each has the methods the server and command line
// use (storetest.Store lists them): Articles, Search, MoveArticle,
// AddFeed, Feeds, UpdateFeed and LockAssign. They share the full-text
// analysis of package fulltext, so a search gives the same hits on all.
package store
