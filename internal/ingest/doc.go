// Package ingest turns what users bring — text files, saved HTML pages,
// RSS/Atom/JSON feeds (files or http(s) URLs) and WARC archives — into clean
// news.Article values: valid UTF-8 in NFC, page furniture removed, with the
// title, publication date, language and source when they can be known.
//
// ParseText handles one text file; Walk expands a list of inputs (files,
// folders, globs, "-", URLs) and streams one Item per article or per skipped
// input, in a deterministic order, so that one bad input never aborts a
// batch. HTML goes through go-trafilatura, feeds through gofeed, WARC
// archives through the in-house streaming reader in internal/ingest/warc.
//
// The small date parser for French and English metadata ("Publié le 10
// février 2025", "lun., 10 févr. 2025 14:30:00") is written here rather than
// borrowed: the project's date extractor works on article text with spans,
// while ingest only needs a whole-string parse of metadata values.
//
// Title, author and publication date start from the page's structured
// data (JSON-LD, meta tags) and go-trafilatura's metadata; a few general
// rules, measured on trafilatura-eval and described in htmldate.go and
// htmltitle.go, let what the page shows overrule them (the byline date
// under the <h1>, a rel="author" link, a logo <h1> that is not the
// headline). No Go library offers these checks on top of go-trafilatura.
package ingest
