package postgres

// migrations are applied in order, each once, in the transaction that
// opens a database; migrations[i] brings the schema to version i+1. Never
// edit one that has shipped: append a new one. The SQL is plain
// PostgreSQL (no extension), so that it runs on Citus and YugabyteDB too.
var migrations = []string{
	// 1: articles, extractions, stories, assignments, facts, feeds, search.
	`
CREATE TABLE stories (
	id         text PRIMARY KEY,
	title      text NOT NULL,
	updated_us bigint NOT NULL,
	touched    bigint NOT NULL -- sequence number of the last assignment in or out
);
CREATE INDEX stories_touched ON stories (touched);

CREATE TABLE articles (
	seq            bigserial PRIMARY KEY, -- storage order
	id             text NOT NULL UNIQUE,
	name           text NOT NULL,
	source         text NOT NULL,
	url            text NOT NULL,
	title          text NOT NULL,
	author         text NOT NULL,
	published_us   bigint, -- NULL when unknown
	published_gran integer NOT NULL,
	language       text NOT NULL,
	body           bytea NOT NULL, -- Article.Text, byte for byte (text cannot hold NUL)
	duplicate_of   text NOT NULL,
	similarity     double precision NOT NULL,
	extraction     text NOT NULL, -- news.Extraction as JSON (not jsonb, which refuses \u0000)
	terms          tsvector NOT NULL, -- package fulltext's terms, 'simple' configuration
	story_id       text REFERENCES stories (id),
	joined         bigint -- sequence number of the assignment into story_id
);
CREATE INDEX articles_story ON articles (story_id, joined);
CREATE INDEX articles_language ON articles (language, seq);
CREATE INDEX articles_source ON articles (source, seq);
CREATE INDEX articles_published ON articles (published_us);
CREATE INDEX articles_terms ON articles USING gin (terms);

CREATE TABLE assignments (
	seq        bigserial PRIMARY KEY,
	article_id text NOT NULL REFERENCES articles (id),
	story_id   text NOT NULL,
	new        boolean NOT NULL,
	score      double precision NOT NULL,
	threshold  double precision NOT NULL,
	shared     text NOT NULL,
	manual     boolean NOT NULL
);

-- facts repeats each fact of the extraction in a row, so that facts can be
-- queried by kind, value and currency.
CREATE TABLE facts (
	article_id text NOT NULL REFERENCES articles (id),
	n          integer NOT NULL, -- index in Extraction.Facts
	kind       text NOT NULL,
	start_byte integer NOT NULL,
	end_byte   integer NOT NULL,
	value      double precision,
	currency   text,
	PRIMARY KEY (article_id, n)
);
CREATE INDEX facts_kind ON facts (kind, value);

CREATE TABLE feeds (
	seq           bigserial PRIMARY KEY,
	url           text NOT NULL UNIQUE,
	etag          text NOT NULL DEFAULT '',
	last_modified text NOT NULL DEFAULT '',
	polled_us     bigint
);
`,
	// 2: a covering index for story summaries, so that listing stories
	// can read the index alone.
	`
DROP INDEX articles_story;
CREATE INDEX articles_story_summary ON articles (story_id, joined) INCLUDE (id, published_us, published_gran, language, source);
`,
	// 3: what the last poll of each feed saw: the feed's title, its item
	// count and its error ("" when it succeeded).
	`
ALTER TABLE feeds ADD COLUMN title text NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN items integer NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN error text NOT NULL DEFAULT '';
`,
}
