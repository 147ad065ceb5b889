// Package sqlite is recoupe's embedded store: one SQLite file, through the
// pure-Go driver modernc.org/sqlite (no cgo, so `go install` just works).
//
// The database runs in WAL mode with synchronous=NORMAL, which keeps every
// committed transaction through a crash of the process (SIGKILL included;
// only a power cut may lose the last ones), with foreign keys on and a
// busy timeout so that several processes can share the file. Writes go
// through one connection, so goroutines queue in Go rather than spin on
// SQLite's busy handler, and start with BEGIN IMMEDIATE, so that a
// transaction never has to upgrade its lock; reads use a small pool of
// their own and see a consistent snapshot.
//
// Schema versions are numbered migrations (schema.go), applied in order in
// the transaction that opens the database and recorded in schema_version.
//
// PutArticle writes an article, its extraction (a JSON column, plus one row
// per fact in facts, queryable by kind), its full-text terms, its
// assignment and its story in one transaction, and does nothing when the
// article ID is already stored (INSERT … ON CONFLICT DO NOTHING).
//
// Several ingest workers, in one process or several, serialise story
// assignment with LockAssign: an in-process mutex plus an flock(2) on
// PATH-assign.lock beside the database, which the kernel releases when a
// process dies.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/recoupe/recoupe/internal/store/fulltext"
	"github.com/recoupe/recoupe/internal/store/internal/record"
	"github.com/recoupe/recoupe/news"
)

// Settings of every connection.
const (
	BusyTimeout  = 10 * time.Second
	ReadConns    = 4
	pragmasQuery = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
)

// DB is a recoupe store in one SQLite file. Its methods are safe for
// concurrent use.
type DB struct {
	path  string
	write *sql.DB // one connection, BEGIN IMMEDIATE
	read  *sql.DB
	lock  *assignLock
}

// Open opens (creating it if needed) the store at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, ":memory:") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("sqlite: open %q: want a plain file path", path)
	}
	write, err := sql.Open("sqlite", path+"?"+pragmasQuery+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	db := &DB{path: path, write: write, lock: newAssignLock(path + "-assign.lock")}
	if err := db.migrate(ctx); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open("sqlite", path+"?"+pragmasQuery)
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	read.SetMaxOpenConns(ReadConns)
	db.read = read
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error {
	return errors.Join(db.read.Close(), db.write.Close())
}

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

func (db *DB) migrate(ctx context.Context) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
			return err
		}
		var v int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
			return err
		}
		if v > len(migrations) {
			return fmt.Errorf("schema version %d is newer than this program's %d", v, len(migrations))
		}
		for i := v; i < len(migrations); i++ {
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
		}
		if v < len(migrations) {
			if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version; INSERT INTO schema_version VALUES (?)`, len(migrations)); err != nil {
				return err
			}
		}
		return nil
	})
}

// inTx runs fn in a write transaction and commits it, or rolls back on
// error.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: %s: begin: %w", db.path, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		if errors.Is(err, news.ErrNotFound) {
			return err // names what is missing; the store is no news to a user
		}
		return fmt.Errorf("sqlite: %s: %w", db.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: %s: commit: %w", db.path, err)
	}
	return nil
}

// SchemaVersion returns the schema version of the open database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.read.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v)
	return v, err
}

// HasArticle reports whether an article is stored.
func (db *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	var one int
	err := db.read.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sqlite: has article %s: %w", id, err)
	}
	return true, nil
}

var errExists = errors.New("article exists")

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
	// Most duplicates are seen here, on the read pool, without queueing
	// for the writer; ON CONFLICT below settles the races.
	if has, err := db.HasArticle(ctx, a.ID); err != nil || has {
		return false, err
	}
	terms := fulltext.Document(a.Language, a.Title, a.Text)
	var pub any
	us, gran, ok := record.Micros(a.Published)
	if ok {
		pub = us
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		var seq int64
		err := tx.QueryRowContext(ctx, `INSERT INTO articles
			(id, name, source, url, title, author, published_us, published_gran, language, body, duplicate_of, similarity, extraction)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING RETURNING seq`,
			a.ID, a.Name, a.Source, a.URL, a.Title, a.Author, pub, gran, a.Language, []byte(a.Text), a.DuplicateOf, a.Similarity, xs,
		).Scan(&seq)
		if errors.Is(err, sql.ErrNoRows) {
			return errExists
		}
		if err != nil {
			return fmt.Errorf("insert article %s: %w", a.ID, err)
		}
		for i, f := range x.Facts {
			var value, currency any
			if f.Amount != nil {
				value, currency = f.Amount.Value, f.Amount.Currency
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO facts (article_id, n, kind, start_byte, end_byte, value, currency)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, a.ID, i, string(f.Kind), f.Span.Start, f.Span.End, value, currency); err != nil {
				return fmt.Errorf("insert fact %d of %s: %w", i, a.ID, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_fts (rowid, terms) VALUES (?, ?)`, seq, terms); err != nil {
			return fmt.Errorf("index article %s: %w", a.ID, err)
		}
		if as.StoryID == "" {
			return nil
		}
		return assign(ctx, tx, seq, record.StoryTitle(a), as)
	})
	if errors.Is(err, errExists) {
		return false, nil
	}
	return err == nil, err
}

// assign records an assignment of the article stored at seq and moves it
// into the story, creating the story (with the given title) if needed.
func assign(ctx context.Context, tx *sql.Tx, articleSeq int64, title string, as news.Assignment) error {
	var seq int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO assignments (article_id, story_id, new, score, threshold, shared, manual)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
		as.ArticleID, as.StoryID, as.New, as.Score, as.Threshold, record.EncodeShared(as.Shared), as.Manual).Scan(&seq); err != nil {
		return fmt.Errorf("insert assignment of %s: %w", as.ArticleID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, updated_us, touched) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET updated_us = excluded.updated_us, touched = excluded.touched`,
		as.StoryID, title, record.Now().UnixMicro(), seq); err != nil {
		return fmt.Errorf("update story %s: %w", as.StoryID, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = ?, joined = ? WHERE seq = ?`, as.StoryID, seq, articleSeq); err != nil {
		return fmt.Errorf("assign article %s: %w", as.ArticleID, err)
	}
	return nil
}

const articleColumns = `id, name, source, url, title, author, published_us, published_gran, language, body, duplicate_of, similarity`

type scanner interface{ Scan(...any) error }

func scanArticle(r scanner, extra ...any) (news.Article, error) {
	var a news.Article
	var pub sql.NullInt64
	var gran int
	var body []byte
	if err := r.Scan(append([]any{&a.ID, &a.Name, &a.Source, &a.URL, &a.Title, &a.Author, &pub, &gran, &a.Language, &body,
		&a.DuplicateOf, &a.Similarity}, extra...)...); err != nil {
		return a, err
	}
	a.Text = string(body)
	if pub.Valid {
		a.Published = record.FromMicros(pub.Int64, gran)
	}
	return a, nil
}

// Article returns a stored article and its extraction.
func (db *DB) Article(ctx context.Context, id string) (news.Article, news.Extraction, error) {
	var xs string
	a, err := scanArticle(db.read.QueryRowContext(ctx, `SELECT `+articleColumns+`, extraction FROM articles WHERE id = ?`, id), &xs)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Article{}, news.Extraction{}, fmt.Errorf("article %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.Article{}, news.Extraction{}, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	x, err := record.DecodeExtraction(xs)
	if err != nil {
		return news.Article{}, news.Extraction{}, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	return a, x, nil
}

// readTx runs fn in a read transaction: one consistent snapshot.
func (db *DB) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("sqlite: %s: begin: %w", db.path, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("sqlite: %s: %w", db.path, err)
	}
	return nil
}

// fillStories sets the articles, dates, languages and outlets of sts
// with one query.
func fillStories(ctx context.Context, tx *sql.Tx, sts []news.Story) error {
	if len(sts) == 0 {
		return nil
	}
	idx := make(map[string]int, len(sts))
	args := make([]any, len(sts))
	for i := range sts {
		idx[sts[i].ID], args[i] = i, sts[i].ID
		sts[i].Articles = []string{}
	}
	marks := strings.Repeat(",?", len(sts))[1:]
	rows, err := tx.QueryContext(ctx, `SELECT story_id, id, published_us, published_gran, language, source FROM articles
		WHERE story_id IN (`+marks+`) ORDER BY story_id, joined`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	ms := make([][]record.Member, len(sts))
	for rows.Next() {
		var sid, id, lang, source string
		var pub sql.NullInt64
		var gran int
		if err := rows.Scan(&sid, &id, &pub, &gran, &lang, &source); err != nil {
			return err
		}
		i := idx[sid]
		m := record.Member{Language: lang, Source: source}
		if pub.Valid {
			m.Published = record.FromMicros(pub.Int64, gran)
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
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var us int64
		if err := tx.QueryRowContext(ctx, `SELECT id, title, updated_us FROM stories WHERE id = ?`, id).Scan(&st.ID, &st.Title, &us); err != nil {
			return err
		}
		st.Updated = time.UnixMicro(us).UTC()
		sts := []news.Story{st}
		err := fillStories(ctx, tx, sts)
		st = sts[0]
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return news.Story{}, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	return st, err
}

// Stories lists stories, most recently updated first.
func (db *DB) Stories(ctx context.Context, q news.StoryQuery) ([]news.Story, error) {
	out := []news.Story{}
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, title, updated_us FROM stories s WHERE `+inLanguage+`
			ORDER BY touched DESC, id LIMIT ?2 OFFSET ?3`, q.Language, record.Limit(q.Limit), max(q.Offset, 0))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var st news.Story
			var us int64
			if err := rows.Scan(&st.ID, &st.Title, &us); err != nil {
				return err
			}
			st.Updated = time.UnixMicro(us).UTC()
			out = append(out, st)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		return fillStories(ctx, tx, out)
	})
	return out, err
}

// inLanguage keeps the stories s with an article in language ?1, or all
// when ?1 is empty.
const inLanguage = `(?1 = '' OR EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.language = ?1))`

// CountStories counts the stories with an article in language, or all.
func (db *DB) CountStories(ctx context.Context, language string) (int, error) {
	var n int
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM stories s WHERE `+inLanguage, language).Scan(&n)
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
		err := func() error {
			rows, err := db.read.QueryContext(ctx, `SELECT seq, article_id, story_id, new, score, threshold, shared, manual
				FROM assignments WHERE seq > ? ORDER BY seq LIMIT ?`, after, AssignmentsPage)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var r row
				var shared string
				if err := rows.Scan(&r.seq, &r.a.ArticleID, &r.a.StoryID, &r.a.New, &r.a.Score, &r.a.Threshold, &shared, &r.a.Manual); err != nil {
					return err
				}
				if r.a.Shared, err = record.DecodeShared(shared); err != nil {
					return err
				}
				page = append(page, r)
			}
			return rows.Err()
		}()
		if err != nil {
			return fmt.Errorf("sqlite: assignments after %d: %w", after, err)
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
	if q.StoryID != "" {
		where, args = append(where, "story_id = ?"), append(args, q.StoryID)
	}
	if q.Language != "" {
		where, args = append(where, "language = ?"), append(args, q.Language)
	}
	if q.Source != "" {
		where, args = append(where, "source = ?"), append(args, q.Source)
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		where = append(where, "published_us IS NOT NULL")
	}
	if !q.Since.IsZero() {
		where, args = append(where, "published_us >= ?"), append(args, q.Since.UnixMicro())
	}
	if !q.Until.IsZero() {
		where, args = append(where, "published_us < ?"), append(args, q.Until.UnixMicro())
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
	query += ` LIMIT ? OFFSET ?`
	args = append(args, record.Limit(q.Limit), max(q.Offset, 0))
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	out := []news.Article{}
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Search finds articles whose title and text have every word of q (see
// package fulltext), best first by FTS5's BM25.
func (db *DB) Search(ctx context.Context, q string, limit int) ([]news.SearchHit, error) {
	fq := fulltext.ParseQuery(q)
	out := []news.SearchHit{}
	if len(fq) == 0 {
		return out, nil
	}
	rows, err := db.read.QueryContext(ctx, `SELECT a.id, coalesce(a.story_id, ''), a.title, a.language, a.body, bm25(article_fts)
		FROM article_fts JOIN articles a ON a.seq = article_fts.rowid
		WHERE article_fts MATCH ? ORDER BY bm25(article_fts), a.seq DESC LIMIT ?`, fq.FTS5(), record.Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h news.SearchHit
		var lang string
		var body []byte
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &lang, &body, &h.Score); err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", q, err)
		}
		h.Score = -h.Score // bm25 is lower for better matches
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
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var seq int64
		var from sql.NullString
		var title string
		var body []byte
		err := tx.QueryRowContext(ctx, `SELECT seq, story_id, title, body FROM articles WHERE id = ?`, articleID).Scan(&seq, &from, &title, &body)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("move article %s: %w", articleID, news.ErrNotFound)
		}
		if err != nil || from.String == storyID {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE id = ?`, storyID).Scan(&n); err != nil {
			return err
		}
		as := news.Assignment{ArticleID: articleID, StoryID: storyID, New: n == 0, Manual: true}
		if err := assign(ctx, tx, seq, record.StoryTitle(news.Article{Title: title, Text: string(body)}), as); err != nil {
			return err
		}
		if !from.Valid {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?)`,
			from.String, from.String); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE stories SET updated_us = ?, touched = (SELECT max(seq) FROM assignments) WHERE id = ?`,
			record.Now().UnixMicro(), from.String)
		if err != nil {
			return err
		}
		// When the article that titled the story it leaves goes, the
		// story's earliest remaining article titles it.
		var cur, t string
		var b []byte
		err = tx.QueryRowContext(ctx, `SELECT title FROM stories WHERE id = ?`, from.String).Scan(&cur)
		if errors.Is(err, sql.ErrNoRows) || err == nil && cur != record.StoryTitle(news.Article{Title: title, Text: string(body)}) {
			return nil
		}
		if err == nil {
			err = tx.QueryRowContext(ctx, `SELECT title, body FROM articles WHERE story_id = ? ORDER BY joined, seq LIMIT 1`, from.String).Scan(&t, &b)
		}
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE stories SET title = ? WHERE id = ?`, record.StoryTitle(news.Article{Title: t, Text: string(b)}), from.String)
		}
		return err
	})
	return err
}

// AddFeed subscribes to a feed; adding it again does nothing.
func (db *DB) AddFeed(ctx context.Context, url string) error {
	_, err := db.write.ExecContext(ctx, `INSERT INTO feeds (url) VALUES (?) ON CONFLICT (url) DO NOTHING`, url)
	if err != nil {
		return fmt.Errorf("sqlite: add feed %s: %w", url, err)
	}
	return nil
}

// Feeds lists the feeds in the order they were added.
func (db *DB) Feeds(ctx context.Context) ([]news.Feed, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT url, etag, last_modified, polled_us, title, items, error FROM feeds ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: feeds: %w", err)
	}
	defer rows.Close()
	out := []news.Feed{}
	for rows.Next() {
		var f news.Feed
		var polled sql.NullInt64
		if err := rows.Scan(&f.URL, &f.ETag, &f.LastModified, &polled, &f.Title, &f.Items, &f.Error); err != nil {
			return nil, fmt.Errorf("sqlite: feeds: %w", err)
		}
		if polled.Valid {
			f.Polled = time.UnixMicro(polled.Int64).UTC()
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// UpdateFeed records a poll of the feed f.URL: its validators, poll
// time, title, item count and error.
func (db *DB) UpdateFeed(ctx context.Context, f news.Feed) error {
	var us any
	if !f.Polled.IsZero() {
		us = f.Polled.UnixMicro()
	}
	res, err := db.write.ExecContext(ctx, `UPDATE feeds SET etag = ?, last_modified = ?, polled_us = ?, title = ?, items = ?, error = ? WHERE url = ?`,
		f.ETag, f.LastModified, us, f.Title, f.Items, f.Error, f.URL)
	if err != nil {
		return fmt.Errorf("sqlite: update feed %s: %w", f.URL, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %s: %w", f.URL, news.ErrNotFound)
	}
	return nil
}

// LockAssign takes the assignment lock that serialises story assignment
// among the workers, in this process and others, that share the database.
// Call unlock to release it.
func (db *DB) LockAssign(ctx context.Context) (unlock func(), err error) {
	return db.lock.acquire(ctx)
}

// IntegrityCheck runs PRAGMA integrity_check and checks that every article
// has its full-text entry and every assigned article its assignment; it
// returns nil when all is well. It runs on a new connection: FTS5's check
// trusts a connection's cached index structure, which is stale on a
// connection that last read before another process wrote.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	conn, err := sql.Open("sqlite", db.path+"?"+pragmasQuery)
	if err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	rows, err := conn.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	var msgs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		if s != "ok" {
			msgs = append(msgs, s)
		}
	}
	rows.Close()
	for _, c := range []struct{ what, query string }{
		{"articles without search terms", `SELECT count(*) FROM articles WHERE seq NOT IN (SELECT rowid FROM article_fts)`},
		{"assigned articles without assignment", `SELECT count(*) FROM articles a WHERE story_id IS NOT NULL AND NOT EXISTS
			(SELECT 1 FROM assignments s WHERE s.seq = a.joined AND s.article_id = a.id AND s.story_id = a.story_id)`},
		{"facts of missing articles", `SELECT count(*) FROM facts WHERE article_id NOT IN (SELECT id FROM articles)`},
		{"empty stories", `SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)`},
		{"foreign key violations", `SELECT count(*) FROM pragma_foreign_key_check`},
	} {
		var n int
		if err := conn.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return fmt.Errorf("sqlite: integrity check: %s: %w", c.what, err)
		}
		if n > 0 {
			msgs = append(msgs, fmt.Sprintf("%d %s", n, c.what))
		}
	}
	if len(msgs) > 0 {
		return fmt.Errorf("sqlite: %s: integrity check: %s", db.path, strings.Join(msgs, "; "))
	}
	return nil
}
