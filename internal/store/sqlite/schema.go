package sqlite

// migrations are applied in order, each once, in the transaction that
// opens a database; migrations[i] brings the schema to version i+1. Never
// edit one that has shipped: append a new one.
var migrations = []string{
	// 1: articles, extractions, stories, assignments, facts, feeds, search.
	`
CREATE TABLE stories (
	id         TEXT PRIMARY KEY,
	title      TEXT NOT NULL,
	updated_us INTEGER NOT NULL,
	touched    INTEGER NOT NULL -- sequence number of the last assignment in or out
);
CREATE INDEX stories_touched ON stories(touched);

CREATE TABLE articles (
	seq            INTEGER PRIMARY KEY AUTOINCREMENT, -- storage order
	id             TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL,
	source         TEXT NOT NULL,
	url            TEXT NOT NULL,
	title          TEXT NOT NULL,
	author         TEXT NOT NULL,
	published_us   INTEGER, -- NULL when unknown
	published_gran INTEGER NOT NULL,
	language       TEXT NOT NULL,
	body           BLOB NOT NULL, -- Article.Text, byte for byte
	duplicate_of   TEXT NOT NULL,
	similarity     REAL NOT NULL,
	extraction     TEXT NOT NULL, -- news.Extraction as JSON
	story_id       TEXT REFERENCES stories(id),
	joined         INTEGER -- sequence number of the assignment into story_id
);
CREATE INDEX articles_story ON articles(story_id, joined);
CREATE INDEX articles_language ON articles(language, seq);
CREATE INDEX articles_source ON articles(source, seq);
CREATE INDEX articles_published ON articles(published_us);

CREATE TABLE assignments (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	article_id TEXT NOT NULL REFERENCES articles(id),
	story_id   TEXT NOT NULL,
	new        INTEGER NOT NULL,
	score      REAL NOT NULL,
	threshold  REAL NOT NULL,
	shared     TEXT NOT NULL,
	manual     INTEGER NOT NULL
);

-- facts repeats each fact of the extraction in a row, so that facts can be
-- queried by kind, value and currency.
CREATE TABLE facts (
	article_id TEXT NOT NULL REFERENCES articles(id),
	n          INTEGER NOT NULL, -- index in Extraction.Facts
	kind       TEXT NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	value      REAL,
	currency   TEXT,
	PRIMARY KEY (article_id, n)
);
CREATE INDEX facts_kind ON facts(kind, value);

CREATE TABLE feeds (
	seq           INTEGER PRIMARY KEY AUTOINCREMENT,
	url           TEXT NOT NULL UNIQUE,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	polled_us     INTEGER
);

-- article_fts indexes the analysed terms of each article (package
-- fulltext), its rowid being articles.seq.
CREATE VIRTUAL TABLE article_fts USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2');
`,
	// 2: a covering index for story summaries, so that listing stories
	// reads no article row (rows carry the texts).
	`
DROP INDEX articles_story;
CREATE INDEX articles_story_summary ON articles(story_id, joined, id, published_us, published_gran, language, source);
`,
	// 3: what the last poll of each feed saw: the feed's title, its item
	// count and its error ("" when it succeeded).
	`
ALTER TABLE feeds ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN error TEXT NOT NULL DEFAULT '';
`,
}
