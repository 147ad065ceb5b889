// Package postgres is recoupe's scale-out store: PostgreSQL through
// github.com/jackc/pgx/v5, for several ingest workers and front ends
// sharing one database. It behaves as the SQLite store does (both pass
// storetest.Run) and uses plain SQL, no extension, so that it can move to
// PostgreSQL-compatible distributed engines (Citus, YugabyteDB); it was
// tested on PostgreSQL 15 only.
//
// Schema versions are numbered migrations (schema.go), applied in order in
// the transaction that opens the database, under an advisory lock so that
// workers starting together migrate once, and recorded in schema_version.
// Everything lives in the connection's current schema (search_path in the
// DSN selects it), so several databases can share one cluster.
//
// Full-text search indexes package fulltext's analysed terms (the article's
// own language's Snowball stemmer, diacritics removed) as a tsvector in the
// 'simple' configuration, under a GIN index: PostgreSQL's 'french'
// configuration keeps accents, so "economie" would not find "économie"
// without the unaccent extension, and the same analysis makes the SQLite,
// PostgreSQL and in-memory stores give the same hits.
//
// # Concurrent workers
//
// N ingest processes may share the database:
//
//   - An article is stored at most once: PutArticle inserts it with
//     INSERT … ON CONFLICT (id) DO NOTHING, in the same transaction as its
//     facts, search terms, assignment and story; a worker that loses the
//     race gets false and nothing else is written. A worker killed mid-way
//     (or whose connection dies) loses only its open transaction, which
//     rolls back whole; rerunning the batch stores what is missing.
//   - Story assignment is consistent: a worker holds LockAssign (a
//     session-level pg_advisory_lock on a connection of its own, released
//     by PostgreSQL if the worker dies) while it catches its clusterer up
//     with Assignments(after its last seen sequence number), assigns and
//     puts the article. Workers thus assign one at a time, each knowing
//     every earlier assignment — the stories a single worker would make —
//     while they fetch, parse and extract in parallel.
//   - Assignment sequence numbers are monotone in commit order, so that a
//     reader never misses one that commits late: the transactions that add
//     assignments take a second, transaction-level advisory lock just
//     before inserting theirs and hold it to commit.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/recoupe/recoupe/internal/store/fulltext"
	"github.com/recoupe/recoupe/internal/store/internal/record"
	"github.com/recoupe/recoupe/news"
)

// DB is a recoupe store in a PostgreSQL database. Its methods are safe for
// concurrent use.
type DB struct {
	pool                          *pgxpool.Pool
	schema                        string
	assignKey, seqKey, migrateKey int64
	// lockPID is the backend of the connection holding LockAssign, 0 when
	// this DB does not hold it.
	lockPID atomic.Uint32
	slot    chan struct{} // held by the goroutine that holds or waits for the lock
}

// Open connects to the database at dsn (a postgres:// URL or key=value
// string that pgx accepts) and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse dsn: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	db := &DB{pool: pool, slot: make(chan struct{}, 1)}
	if err := pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&db.schema); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	db.assignKey, db.seqKey, db.migrateKey = lockKey(db.schema, "assign"), lockKey(db.schema, "seq"), lockKey(db.schema, "migrate")
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// lockKey names an advisory lock of recoupe's in one schema.
func lockKey(schema, what string) int64 {
	h := fnv.New64a()
	h.Write([]byte("recoupe/" + schema + "/" + what))
	return int64(h.Sum64())
}

// Close closes the connections.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Schema returns the schema the store lives in.
func (db *DB) Schema() string { return db.schema }

func (db *DB) migrate(ctx context.Context) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, db.migrateKey); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`); err != nil {
			return err
		}
		var v int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
			return err
		}
		if v > len(migrations) {
			return fmt.Errorf("schema version %d is newer than this program's %d", v, len(migrations))
		}
		for i := v; i < len(migrations); i++ {
			if _, err := tx.Exec(ctx, migrations[i]); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
		}
		if v < len(migrations) {
			if _, err := tx.Exec(ctx, `DELETE FROM schema_version`); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_version VALUES ($1)`, len(migrations)); err != nil {
				return err
			}
		}
		return nil
	})
}

// inTx runs fn in a transaction and commits it, or rolls back on error.
func (db *DB) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		if errors.Is(err, news.ErrNotFound) {
			return err // names what is missing; the store is no news to a user
		}
		return fmt.Errorf("postgres: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

// SchemaVersion returns the schema version of the database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.pool.QueryRow(ctx, `SELECT max(version) FROM schema_version`).Scan(&v)
	return v, err
}

// HasArticle reports whether an article is stored.
func (db *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	var has bool
	if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, id).Scan(&has); err != nil {
		return false, fmt.Errorf("postgres: has article %s: %w", id, err)
	}
	return has, nil
}

// ErrLockLost is returned by PutArticle when the connection that held
// LockAssign died before the article was put: take the lock again, catch
// up and assign anew.
var ErrLockLost = errors.New("postgres: assignment lock lost")

// PutArticle stores an article, its extraction and its assignment in one
// transaction; it reports false and changes nothing when the article is
// already stored.
func (db *DB) PutArticle(ctx context.Context, a news.Article, x news.Extraction, as news.Assignment) (bool, error) {
	if err := record.Prepare(a, &x, &as); err != nil {
		return false, err
	}
	xs, err := record.EncodeExtraction(x)
	if err != nil {
		return false, err
	}
	terms := fulltext.Document(a.Language, a.Title, a.Text)
	var pub *int64
	us, gran, ok := record.Micros(a.Published)
	if ok {
		pub = &us
	}
	// One round trip, one transaction: pgx sends the batch as one
	// implicit transaction, which any error rolls back whole. A statement
	// that must stop it divides by a count of zero: the check of the
	// assignment lock, and the insert of an article already stored.
	var b pgx.Batch
	fenced := false
	if pid := db.lockPID.Load(); pid != 0 && as.StoryID != "" {
		// The assignment was decided under LockAssign: check that its
		// session still holds it, or another worker may be assigning with
		// a view that lacks this article.
		fenced = true
		b.Queue(`SELECT 1 / count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1`, int64(pid))
	}
	b.Queue(`WITH ins AS (INSERT INTO articles
		(id, name, source, url, title, author, published_us, published_gran, language, body, duplicate_of, similarity, extraction, terms)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, to_tsvector('simple', $14::text))
		ON CONFLICT (id) DO NOTHING RETURNING 1)
		SELECT 1 / count(*) FROM ins`,
		a.ID, a.Name, a.Source, a.URL, a.Title, a.Author, pub, gran, a.Language, []byte(a.Text), a.DuplicateOf, a.Similarity, xs, terms)
	for i, f := range x.Facts {
		var value *float64
		var currency *string
		if f.Amount != nil {
			value, currency = &f.Amount.Value, &f.Amount.Currency
		}
		b.Queue(`INSERT INTO facts (article_id, n, kind, start_byte, end_byte, value, currency) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			a.ID, i, string(f.Kind), f.Span.Start, f.Span.End, value, currency)
	}
	if as.StoryID != "" {
		queueAssign(&b, db.seqKey, record.StoryTitle(a), as)
	}
	br := db.pool.SendBatch(ctx, &b)
	if fenced {
		if _, err := br.Exec(); err != nil {
			br.Close()
			if isDivisionByZero(err) {
				return false, ErrLockLost
			}
			return false, fmt.Errorf("postgres: put article %s: check assignment lock: %w", a.ID, err)
		}
	}
	if _, err := br.Exec(); err != nil {
		br.Close()
		if isDivisionByZero(err) {
			return false, nil
		}
		return false, fmt.Errorf("postgres: insert article %s: %w", a.ID, err)
	}
	if err := br.Close(); err != nil {
		return false, fmt.Errorf("postgres: put article %s: %w", a.ID, err)
	}
	return true, nil
}

func isDivisionByZero(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "22012"
}

// queueAssign queues the statements that record an assignment and move
// its article into the story, creating the story (with the given title)
// if needed. They take the sequence lock first and hold it to commit, so
// that sequence numbers are given in commit order.
func queueAssign(b *pgx.Batch, seqKey int64, title string, as news.Assignment) {
	b.Queue(`SELECT pg_advisory_xact_lock($1)`, seqKey)
	b.Queue(`INSERT INTO assignments (article_id, story_id, new, score, threshold, shared, manual)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		as.ArticleID, as.StoryID, as.New, as.Score, as.Threshold, record.EncodeShared(as.Shared), as.Manual)
	b.Queue(`INSERT INTO stories (id, title, updated_us, touched) VALUES ($1, $2, $3, currval(pg_get_serial_sequence('assignments', 'seq')))
		ON CONFLICT (id) DO UPDATE SET updated_us = excluded.updated_us, touched = excluded.touched`,
		as.StoryID, title, record.Now().UnixMicro())
	b.Queue(`UPDATE articles SET story_id = $1, joined = currval(pg_get_serial_sequence('assignments', 'seq')) WHERE id = $2`,
		as.StoryID, as.ArticleID)
}

// assign records an assignment of the article stored at articleSeq and
// moves it into the story, creating the story (with the given title) if
// needed. It returns the assignment's sequence number.
func (db *DB) assign(ctx context.Context, tx pgx.Tx, articleSeq int64, title string, as news.Assignment) (int64, error) {
	// Held to commit: sequence numbers are given in commit order.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, db.seqKey); err != nil {
		return 0, fmt.Errorf("sequence lock: %w", err)
	}
	var seq int64
	if err := tx.QueryRow(ctx, `INSERT INTO assignments (article_id, story_id, new, score, threshold, shared, manual)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq`,
		as.ArticleID, as.StoryID, as.New, as.Score, as.Threshold, record.EncodeShared(as.Shared), as.Manual).Scan(&seq); err != nil {
		return 0, fmt.Errorf("insert assignment of %s: %w", as.ArticleID, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO stories (id, title, updated_us, touched) VALUES ($1, $2, $3, $4)
		ON CONFLICT (id) DO UPDATE SET updated_us = excluded.updated_us, touched = excluded.touched`,
		as.StoryID, title, record.Now().UnixMicro(), seq); err != nil {
		return 0, fmt.Errorf("update story %s: %w", as.StoryID, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE articles SET story_id = $1, joined = $2 WHERE seq = $3`, as.StoryID, seq, articleSeq); err != nil {
		return 0, fmt.Errorf("assign article %s: %w", as.ArticleID, err)
	}
	return seq, nil
}

const articleColumns = `id, name, source, url, title, author, published_us, published_gran, language, body, duplicate_of, similarity`

func scanArticle(r pgx.Row, extra ...any) (news.Article, error) {
	var a news.Article
	var pub *int64
	var gran int
	var body []byte
	if err := r.Scan(append([]any{&a.ID, &a.Name, &a.Source, &a.URL, &a.Title, &a.Author, &pub, &gran, &a.Language, &body,
		&a.DuplicateOf, &a.Similarity}, extra...)...); err != nil {
		return a, err
	}
	a.Text = string(body)
	if pub != nil {
		a.Published = record.FromMicros(*pub, gran)
	}
	return a, nil
}

// Article returns a stored article and its extraction.
func (db *DB) Article(ctx context.Context, id string) (news.Article, news.Extraction, error) {
	var xs string
	a, err := scanArticle(db.pool.QueryRow(ctx, `SELECT `+articleColumns+`, extraction FROM articles WHERE id = $1`, id), &xs)
	if errors.Is(err, pgx.ErrNoRows) {
		return news.Article{}, news.Extraction{}, fmt.Errorf("article %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.Article{}, news.Extraction{}, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	x, err := record.DecodeExtraction(xs)
	if err != nil {
		return news.Article{}, news.Extraction{}, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	return a, x, nil
}

// readTx runs fn in a read-only transaction with one snapshot.
func (db *DB) readTx(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		if errors.Is(err, news.ErrNotFound) {
			return err // names what is missing; the store is no news to a user
		}
		return fmt.Errorf("postgres: %w", err)
	}
	return nil
}

// fillStories sets the articles, dates and languages of stories, in one
// query.
func fillStories(ctx context.Context, tx pgx.Tx, sts []news.Story) error {
	if len(sts) == 0 {
		return nil
	}
	idx := map[string]int{}
	ids := make([]string, len(sts))
	for i := range sts {
		ids[i], idx[sts[i].ID] = sts[i].ID, i
		sts[i].Articles = []string{}
	}
	rows, err := tx.Query(ctx, `SELECT story_id, id, published_us, published_gran, language, source FROM articles
		WHERE story_id = ANY($1) ORDER BY story_id, joined`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	ms := make([][]record.Member, len(sts))
	for rows.Next() {
		var sid, id, lang, source string
		var pub *int64
		var gran int
		if err := rows.Scan(&sid, &id, &pub, &gran, &lang, &source); err != nil {
			return err
		}
		i := idx[sid]
		m := record.Member{Language: lang, Source: source}
		if pub != nil {
			m.Published = record.FromMicros(*pub, gran)
		}
		sts[i].Articles = append(sts[i].Articles, id)
		ms[i] = append(ms[i], m)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range sts {
		record.Summarize(ms[i], &sts[i])
	}
	return nil
}

// Story returns one story.
func (db *DB) Story(ctx context.Context, id string) (news.Story, error) {
	var st news.Story
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		var us int64
		if err := tx.QueryRow(ctx, `SELECT id, title, updated_us FROM stories WHERE id = $1`, id).Scan(&st.ID, &st.Title, &us); err != nil {
			return err
		}
		st.Updated = time.UnixMicro(us).UTC()
		sts := []news.Story{st}
		err := fillStories(ctx, tx, sts)
		st = sts[0]
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return news.Story{}, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	return st, err
}

// Stories lists stories, most recently updated first.
func (db *DB) Stories(ctx context.Context, q news.StoryQuery) ([]news.Story, error) {
	out := []news.Story{}
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, title, updated_us FROM stories s WHERE `+inLanguage+`
			ORDER BY touched DESC, id LIMIT $2 OFFSET $3`, q.Language, record.Limit(q.Limit), max(q.Offset, 0))
		if err != nil {
			return err
		}
		for rows.Next() {
			var st news.Story
			var us int64
			if err := rows.Scan(&st.ID, &st.Title, &us); err != nil {
				rows.Close()
				return err
			}
			st.Updated = time.UnixMicro(us).UTC()
			out = append(out, st)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		return fillStories(ctx, tx, out)
	})
	return out, err
}

// inLanguage keeps the stories s with an article in language $1, or all
// when $1 is empty.
const inLanguage = `($1 = '' OR EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.language = $1))`

// CountStories counts the stories with an article in language, or all.
func (db *DB) CountStories(ctx context.Context, language string) (int, error) {
	var n int
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `SELECT count(*) FROM stories s WHERE `+inLanguage, language).Scan(&n)
	})
	return n, err
}

// AssignmentsPage is how many assignments Assignments reads at a time.
const AssignmentsPage = 1000

// Assignments calls fn for each assignment after sequence number after,
// in order. It reads them a page at a time, so fn may use the store.
func (db *DB) Assignments(ctx context.Context, after int64, fn func(seq int64, a news.Assignment) error) error {
	for {
		type row struct {
			seq int64
			a   news.Assignment
		}
		var page []row
		rows, err := db.pool.Query(ctx, `SELECT seq, article_id, story_id, new, score, threshold, shared, manual
			FROM assignments WHERE seq > $1 ORDER BY seq LIMIT $2`, after, AssignmentsPage)
		if err != nil {
			return fmt.Errorf("postgres: assignments after %d: %w", after, err)
		}
		for rows.Next() {
			var r row
			var shared string
			if err := rows.Scan(&r.seq, &r.a.ArticleID, &r.a.StoryID, &r.a.New, &r.a.Score, &r.a.Threshold, &shared, &r.a.Manual); err != nil {
				rows.Close()
				return fmt.Errorf("postgres: assignments after %d: %w", after, err)
			}
			if r.a.Shared, err = record.DecodeShared(shared); err != nil {
				rows.Close()
				return fmt.Errorf("postgres: assignments after %d: %w", after, err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres: assignments after %d: %w", after, err)
		}
		for _, r := range page {
			if err := fn(r.seq, r.a); err != nil {
				return err
			}
			after = r.seq
		}
		if len(page) < AssignmentsPage {
			return nil
		}
	}
}

// Articles lists articles: a story's in join order, else most recently
// stored first, filtered by q.
func (db *DB) Articles(ctx context.Context, q news.ArticleQuery) ([]news.Article, error) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if q.StoryID != "" {
		add("story_id = $%d", q.StoryID)
	}
	if q.Language != "" {
		add("language = $%d", q.Language)
	}
	if q.Source != "" {
		add("source = $%d", q.Source)
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		where = append(where, "published_us IS NOT NULL")
	}
	if !q.Since.IsZero() {
		add("published_us >= $%d", q.Since.UnixMicro())
	}
	if !q.Until.IsZero() {
		add("published_us < $%d", q.Until.UnixMicro())
	}
	query := `SELECT ` + articleColumns + ` FROM articles`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	if q.StoryID != "" {
		query += ` ORDER BY joined`
	} else {
		query += ` ORDER BY seq DESC`
	}
	args = append(args, record.Limit(q.Limit), max(q.Offset, 0))
	query += fmt.Sprintf(` LIMIT $%d OFFSET $%d`, len(args)-1, len(args))
	rows, err := db.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	defer rows.Close()
	out := []news.Article{}
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Search finds articles whose title and text have every word of q (see
// package fulltext), best first by ts_rank.
func (db *DB) Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error) {
	fq := fulltext.ParseQuery(q)
	out := []news.SearchHit{}
	if len(fq) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT id, coalesce(story_id, ''), title, language, body, ts_rank(terms, $1::tsquery)
		FROM articles WHERE terms @@ $1::tsquery
		ORDER BY ts_rank(terms, $1::tsquery) DESC, seq DESC LIMIT $2`, fq.TSQuery(), record.Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h news.SearchHit
		var lang string
		var body []byte
		var score float32
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &lang, &body, &score); err != nil {
			return nil, fmt.Errorf("postgres: search %q: %w", q, err)
		}
		h.Score = float64(score)
		h.Snippet = fulltext.Snippet(lang, string(body), fq)
		out = append(out, h)
	}
	return out, rows.Err()
}

// MoveArticle moves an article into a story, creating the story when it
// does not exist (a split) and deleting the story it leaves when that one
// is left empty (a merge). The move is recorded as a manual assignment.
func (db *DB) MoveArticle(ctx context.Context, articleID, storyID string) error {
	if storyID == "" {
		return fmt.Errorf("move article %s: empty story id", articleID)
	}
	return db.inTx(ctx, func(tx pgx.Tx) error {
		var seq int64
		var from *string
		var title string
		var body []byte
		err := tx.QueryRow(ctx, `SELECT seq, story_id, title, body FROM articles WHERE id = $1 FOR UPDATE`, articleID).Scan(&seq, &from, &title, &body)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("move article %s: %w", articleID, news.ErrNotFound)
		}
		if err != nil || (from != nil && *from == storyID) {
			return err
		}
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE id = $1)`, storyID).Scan(&exists); err != nil {
			return err
		}
		as := news.Assignment{ArticleID: articleID, StoryID: storyID, New: !exists, Manual: true}
		aseq, err := db.assign(ctx, tx, seq, record.StoryTitle(news.Article{Title: title, Text: string(body)}), as)
		if err != nil || from == nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM stories WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = $1)`, *from); err != nil {
			return err
		}
		if _, err = tx.Exec(ctx, `UPDATE stories SET updated_us = $1, touched = $2 WHERE id = $3`, record.Now().UnixMicro(), aseq, *from); err != nil {
			return err
		}
		// When the article that titled the story it leaves goes, the
		// story's earliest remaining article titles it.
		var cur, t string
		var b []byte
		err = tx.QueryRow(ctx, `SELECT title FROM stories WHERE id = $1`, *from).Scan(&cur)
		if errors.Is(err, pgx.ErrNoRows) || err == nil && cur != record.StoryTitle(news.Article{Title: title, Text: string(body)}) {
			return nil
		}
		if err == nil {
			err = tx.QueryRow(ctx, `SELECT title, body FROM articles WHERE story_id = $1 ORDER BY joined, seq LIMIT 1`, *from).Scan(&t, &b)
		}
		if err == nil {
			_, err = tx.Exec(ctx, `UPDATE stories SET title = $1 WHERE id = $2`, record.StoryTitle(news.Article{Title: t, Text: string(b)}), *from)
		}
		return err
	})
}

// AddFeed subscribes to a feed; adding it again does nothing.
func (db *DB) AddFeed(ctx context.Context, url string) error {
	if _, err := db.pool.Exec(ctx, `INSERT INTO feeds (url) VALUES ($1) ON CONFLICT (url) DO NOTHING`, url); err != nil {
		return fmt.Errorf("postgres: add feed %s: %w", url, err)
	}
	return nil
}

// Feeds lists the feeds in the order they were added.
func (db *DB) Feeds(ctx context.Context) ([]news.Feed, error) {
	rows, err := db.pool.Query(ctx, `SELECT url, etag, last_modified, polled_us, title, items, error FROM feeds ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("postgres: feeds: %w", err)
	}
	defer rows.Close()
	out := []news.Feed{}
	for rows.Next() {
		var f news.Feed
		var polled *int64
		if err := rows.Scan(&f.URL, &f.ETag, &f.LastModified, &polled, &f.Title, &f.Items, &f.Error); err != nil {
			return nil, fmt.Errorf("postgres: feeds: %w", err)
		}
		if polled != nil {
			f.Polled = time.UnixMicro(*polled).UTC()
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// UpdateFeed records a poll of the feed f.URL: its validators, poll
// time, title, item count and error.
func (db *DB) UpdateFeed(ctx context.Context, f news.Feed) error {
	var us *int64
	if !f.Polled.IsZero() {
		v := f.Polled.UnixMicro()
		us = &v
	}
	tag, err := db.pool.Exec(ctx, `UPDATE feeds SET etag = $1, last_modified = $2, polled_us = $3, title = $4, items = $5, error = $6 WHERE url = $7`,
		f.ETag, f.LastModified, us, f.Title, f.Items, f.Error, f.URL)
	if err != nil {
		return fmt.Errorf("postgres: update feed %s: %w", f.URL, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("feed %s: %w", f.URL, news.ErrNotFound)
	}
	return nil
}

// LockAssign takes the assignment lock that serialises story assignment
// among all the workers sharing the database: a session-level advisory
// lock on a connection held until unlock, which PostgreSQL releases if the
// worker or its connection dies.
func (db *DB) LockAssign(ctx context.Context) (unlock func(), err error) {
	// Goroutines of this DB queue here, in Go, so that at most one of its
	// connections waits for the lock and the holder still finds free
	// connections in the pool for its work.
	select {
	case db.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		<-db.slot
		return nil, fmt.Errorf("postgres: assignment lock: %w", err)
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, db.assignKey); err != nil {
		// The lock may have been granted as the wait was cancelled: this
		// connection must not go back to the pool.
		conn.Conn().Close(context.WithoutCancel(ctx))
		conn.Release()
		<-db.slot
		return nil, fmt.Errorf("postgres: assignment lock: %w", err)
	}
	db.lockPID.Store(conn.Conn().PgConn().PID())
	return func() {
		db.lockPID.Store(0)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var ok bool
		if err := conn.QueryRow(ctx, `SELECT pg_advisory_unlock($1)`, db.assignKey).Scan(&ok); err != nil || !ok {
			conn.Conn().Close(ctx) // closing the session releases its locks
		}
		conn.Release()
		<-db.slot
	}, nil
}
