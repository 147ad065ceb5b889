// Package recoupe cross-checks news sources. It connects the pieces:
// ingest → extract → story → crosscheck → brief, with a store beside the
// chain (SQLite by default, PostgreSQL to scale out, memory for one-off
// runs).
//
//	e, err := recoupe.Open(ctx, recoupe.Config{DB: "recoupe.db"})
//	rep, err := e.Ingest(ctx, []string{"articles/"}, nil)
//	b, err := e.Brief(ctx, rep.Stories[0])
//
// An Engine is safe for concurrent use. Several engines (processes) may
// share one PostgreSQL or SQLite database: story assignment is serialised
// by the store's assignment lock, and each engine catches up with the
// others' assignments before it assigns (see Engine.Ingest).
package recoupe
